// Column chunk reading: walks the pages of one chunk, decompresses them, decodes levels and
// values with the encoding decoders, and converts the physical values to the leaf's type.
//
// Values are gathered in their physical form (fixed-width bytes, a bitmap for BOOLEAN, a
// BinaryBuilder for BYTE_ARRAY) across all data pages, then converted once: for most types the
// conversion is a reinterpretation of the same buffer, not a copy. Every count taken from the
// file is checked against what the chunk's metadata and the limits allow before memory is
// reserved for it.
#include "formats/parquet/column_chunk_reader.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "base/strings.h"
#include "columnar/builder.h"
#include "formats/parquet/bit_packing.h"
#include "formats/parquet/byte_array_gather.h"
#include "formats/parquet/byte_stream_split.h"
#include "formats/parquet/compression.h"
#include "formats/parquet/delta_binary_packed.h"
#include "formats/parquet/delta_byte_array.h"
#include "formats/parquet/leaf_conversion.h"
#include "formats/parquet/plain_encoding.h"
#include "formats/parquet/rle_bit_packed.h"

namespace bundlebase::parquet {
namespace {

// Data pages up to this size are decompressed into a per-thread buffer that is kept.
constexpr int64_t kMaxScratchPage = 16 << 20;

class ChunkReader {
 public:
  ChunkReader(const ColumnChunkContext& ctx, const std::shared_ptr<Buffer>& chunk)
      : ctx_(ctx), leaf_(*ctx.leaf), chunk_(chunk),
        def_materialized_(ctx.leaf->max_repetition_level > 0) {
    width_ = leaf_.physical_type == Type::kFixedLenByteArray ? leaf_.type_length
                                                              : FixedTypeWidth(leaf_.physical_type);
  }

  Result<LeafLevels> Read();

 private:
  template <typename... Args>
  Status Corrupt(fmt::format_string<Args...> f, Args&&... args) const {
    return Status::Invalid("{}: corrupt Parquet data: {}", ctx_.where,
                           fmt::format(f, std::forward<Args>(args)...));
  }

  Status ReadDictionaryPage(const PageHeader& header, const uint8_t* body);
  Status ReadDataPage(const PageHeader& header, const uint8_t* body);
  // `transient`: the page is used up before the next one is read (data pages; not the
  // dictionary, which is looked up until the chunk ends).
  Result<std::shared_ptr<Buffer>> DecompressPage(const uint8_t* body, int64_t compressed,
                                                 int64_t uncompressed, bool transient);
  // Decodes `count` levels (RLE with a 4-byte length or legacy BIT_PACKED) starting at *pos.
  Status DecodeLevels(Encoding encoding, int16_t max_level, int64_t count, const uint8_t** pos,
                      const uint8_t* end, bool length_prefixed, std::vector<int16_t>* out);
  Status DecodeValues(Encoding encoding, const uint8_t* data, size_t size, int64_t count);
  // Definition levels into levels_.def, or nowhere while every level so far is the maximum.
  Status DecodeDefinitionLevels(Encoding encoding, int64_t count, const uint8_t** pos,
                                const uint8_t* end, bool length_prefixed);
  Status DecodeDictionaryIndices(const uint8_t* data, size_t size, int64_t count);
  Status MoveIndicesToBuilder();
  Result<ArrayPtr> FinishByteArrays(bool* utf8_checked);
  int64_t InitialCapacity(int64_t wanted) const;
  Status ReserveValues(int64_t count);
  Status ChargeBytes(int64_t bytes);

  const ColumnChunkContext& ctx_;
  const LeafColumn& leaf_;
  std::shared_ptr<Buffer> chunk_;
  int width_ = 0;

  LeafLevels levels_;
  // Whether levels_.def holds the definition levels. Until a level below the maximum turns up
  // in a column outside lists, they are left out (record_assembly.h: empty means "all at the
  // maximum").
  bool def_materialized_;
  int64_t entries_ = 0;       // level entries read so far (sum of data page value counts)
  int64_t values_ = 0;        // non-null values decoded so far
  int64_t charged_bytes_ = 0; // decoded bytes accounted against the chunk limit

  // Physical values: fixed-width bytes or BOOLEAN bits, or BYTE_ARRAYs. BYTE_ARRAY pages that
  // are all dictionary-encoded keep only their indices (byte_indices_), gathered into a column
  // at the end in one pass; the first page of another encoding moves them into bytes_.
  std::shared_ptr<MutableBuffer> fixed_;
  std::unique_ptr<BinaryBuilder> bytes_;
  std::vector<uint32_t> byte_indices_;

  // The dictionary, PLAIN-decoded: fixed-width bytes, or views into dictionary_page_.
  bool has_dictionary_ = false;
  int64_t dictionary_size_ = 0;
  std::shared_ptr<Buffer> dictionary_page_;
  std::vector<uint8_t> dictionary_fixed_;
  std::vector<std::string_view> dictionary_views_;
};

Status ChunkReader::ChargeBytes(int64_t bytes) {
  charged_bytes_ += bytes;
  if (charged_bytes_ > ctx_.limits->max_column_chunk_bytes) {
    return Status::ResourceExhausted(
        "{}: the column chunk decodes to more than {} bytes, the limit for one chunk; the file "
        "is either corrupt or needs a higher limit",
        ctx_.where, ctx_.limits->max_column_chunk_bytes);
  }
  return Status::OK();
}

Result<std::shared_ptr<Buffer>> ChunkReader::DecompressPage(const uint8_t* body,
                                                            int64_t compressed,
                                                            int64_t uncompressed,
                                                            bool transient) {
  if (ctx_.meta->codec == CompressionCodec::kUncompressed) {
    if (compressed != uncompressed) {
      return Corrupt("an uncompressed page declares {} bytes but holds {}", uncompressed,
                     compressed);
    }
    return Buffer::Slice(chunk_, static_cast<size_t>(body - chunk_->data()),
                         static_cast<size_t>(compressed));
  }
  DecompressionLimits limits;
  limits.max_uncompressed_size = ctx_.limits->max_page_size;
  const std::span<const uint8_t> input(body, static_cast<size_t>(compressed));
  if (transient && uncompressed <= kMaxScratchPage) {
    // A data page is decoded (its values copied out) before the next is read, so one buffer
    // per thread serves them all: no allocation and no fresh pages to fault in per page.
    thread_local MutableBuffer scratch;
    Status st = DecompressReusing(ctx_.meta->codec, input, uncompressed, limits, &scratch);
    if (!st.ok()) return st.WithContext(ctx_.where);
    return Buffer::Wrap(scratch.data(), scratch.size(), nullptr);
  }
  auto out = Decompress(ctx_.meta->codec, input, uncompressed, limits);
  if (!out.ok()) return out.status().WithContext(ctx_.where);
  return out;
}

int64_t ChunkReader::InitialCapacity(int64_t wanted) const {
  // What the chunk claims, within what its bytes can plausibly expand to: a tiny hostile chunk
  // claiming a billion values must not reserve gigabytes before its pages prove them. Chunks
  // that do expand further (long RLE runs) grow as they decode.
  const int64_t plausible = 64 * static_cast<int64_t>(chunk_->size()) + (64 << 10);
  return std::min({wanted, plausible, ctx_.limits->max_column_chunk_bytes});
}

Status ChunkReader::ReserveValues(int64_t count) {
  if (leaf_.physical_type == Type::kByteArray) {
    if (!bytes_) {
      bytes_ = std::make_unique<BinaryBuilder>(Binary());
      // PLAIN byte arrays are no larger than the decompressed pages: one allocation for most
      // chunks instead of a dozen regrowths (each a copy of everything so far).
      BB_RETURN_NOT_OK(bytes_->ReserveData(
          std::min<int64_t>(InitialCapacity(ctx_.meta->total_uncompressed_size),
                            std::numeric_limits<int32_t>::max())));
      BB_RETURN_NOT_OK(bytes_->Reserve(InitialCapacity(ctx_.meta->num_values * 4) / 4));
    }
    return bytes_->Reserve(count);
  }
  const bool boolean = leaf_.physical_type == Type::kBoolean;
  if (!fixed_) {
    fixed_ = std::make_shared<MutableBuffer>();
    const int64_t all = boolean ? bitmap::BytesForBits(ctx_.meta->num_values) + 8
                                : ctx_.meta->num_values * width_;
    BB_RETURN_NOT_OK(fixed_->Reserve(static_cast<size_t>(InitialCapacity(all))));
  }
  int64_t needed = boolean ? bitmap::BytesForBits(values_ + count) + 8 : (values_ + count) * width_;
  if (static_cast<int64_t>(fixed_->size()) < needed) {
    // Every decoder writes each value it reports, so only booleans (set bit by bit into
    // shared bytes) need zeroed memory.
    BB_RETURN_NOT_OK(fixed_->Resize(static_cast<size_t>(needed), /*zero_fill=*/boolean));
  }
  return Status::OK();
}

Status ChunkReader::ReadDictionaryPage(const PageHeader& header, const uint8_t* body) {
  if (has_dictionary_) return Corrupt("a second dictionary page");
  if (!header.dictionary_page_header) return Corrupt("a dictionary page without its header");
  const auto& dh = *header.dictionary_page_header;
  if (dh.encoding != Encoding::kPlain && dh.encoding != Encoding::kPlainDictionary) {
    return Status::NotImplemented("{}: dictionary page encoding {} is not supported", ctx_.where,
                                  EncodingName(dh.encoding));
  }
  if (dh.num_values < 0) return Corrupt("a dictionary of {} values", dh.num_values);
  BB_ASSIGN_OR_RAISE(dictionary_page_, DecompressPage(body, header.compressed_page_size,
                                                      header.uncompressed_page_size, false));
  // Each dictionary value takes at least one byte (BOOLEAN dictionaries do not exist).
  const int64_t n = dh.num_values;
  PlainDecoder dec(dictionary_page_->data(), dictionary_page_->size());
  if (leaf_.physical_type == Type::kByteArray) {
    if (n > static_cast<int64_t>(dictionary_page_->size()) / 4 + 1) {
      return Corrupt("a dictionary of {} values in {} bytes", n, dictionary_page_->size());
    }
    dictionary_views_.resize(static_cast<size_t>(n));
    auto st = dec.DecodeByteArrays(n, dictionary_views_.data());
    if (!st.ok()) return st.WithContext(ctx_.where);
  } else if (leaf_.physical_type == Type::kBoolean) {
    return Corrupt("a dictionary page for a BOOLEAN column");
  } else {
    if (n * width_ > static_cast<int64_t>(dictionary_page_->size())) {
      return Corrupt("a dictionary of {} values in {} bytes", n, dictionary_page_->size());
    }
    dictionary_fixed_.resize(static_cast<size_t>(n * width_));
    auto st = dec.DecodeFixed(width_, n, dictionary_fixed_.data());
    if (!st.ok()) return st.WithContext(ctx_.where);
  }
  dictionary_size_ = n;
  has_dictionary_ = true;
  return Status::OK();
}

Status ChunkReader::DecodeLevels(Encoding encoding, int16_t max_level, int64_t count,
                                 const uint8_t** pos, const uint8_t* end, bool length_prefixed,
                                 std::vector<int16_t>* out) {
  const int bit_width = BitWidthOf(static_cast<uint64_t>(max_level));
  const size_t start = out->size();
  out->resize(start + static_cast<size_t>(count));
  int16_t* dst = out->data() + start;
  if (encoding == Encoding::kBitPacked) {
    auto used = DecodeLegacyBitPacked(*pos, static_cast<size_t>(end - *pos), bit_width, count, dst);
    if (!used.ok()) return used.status().WithContext(ctx_.where);
    *pos += *used;
  } else if (encoding == Encoding::kRle) {
    size_t len = static_cast<size_t>(end - *pos);
    if (length_prefixed) {
      if (end - *pos < 4) return Corrupt("a level stream without its length");
      uint32_t n;
      std::memcpy(&n, *pos, 4);
      *pos += 4;
      if (n > static_cast<size_t>(end - *pos)) return Corrupt("a level stream of {} bytes", n);
      len = n;
    }
    RleBitPackedDecoder dec(*pos, len, bit_width);
    auto got = dec.GetBatch(dst, count);
    if (!got.ok()) return got.status().WithContext(ctx_.where);
    if (*got != count) return Corrupt("{} levels where the page has {} values", *got, count);
    *pos += len;
  } else {
    return Status::NotImplemented("{}: level encoding {} is not supported", ctx_.where,
                                  EncodingName(encoding));
  }
  for (int64_t i = 0; i < count; ++i) {
    if (dst[i] > max_level || dst[i] < 0) {
      return Corrupt("level {} exceeds the column's maximum {}", dst[i], max_level);
    }
  }
  return Status::OK();
}

Status ChunkReader::DecodeDefinitionLevels(Encoding encoding, int64_t count, const uint8_t** pos,
                                           const uint8_t* end, bool length_prefixed) {
  const int16_t max = leaf_.max_definition_level;
  if (!def_materialized_ && encoding == Encoding::kRle) {
    // A page without nulls is usually one run at the maximum level: nothing to store for it.
    const uint8_t* p = *pos;
    size_t len = static_cast<size_t>(end - p);
    bool framed = !length_prefixed;
    if (length_prefixed && len >= 4) {
      uint32_t n;
      std::memcpy(&n, p, 4);
      framed = n <= len - 4;
      p += 4;
      len = n;
    }
    RleBitPackedDecoder dec(p, framed ? len : 0, BitWidthOf(static_cast<uint64_t>(max)));
    RleBitPackedDecoder::Chunk c;
    if (framed && dec.NextChunk(count, &c).ok() && c.repeated && c.count == count &&
        c.value == static_cast<uint32_t>(max)) {
      *pos = p + len;
      return Status::OK();
    }
  }
  if (!def_materialized_) {
    levels_.def.assign(static_cast<size_t>(entries_), max);
    def_materialized_ = true;
  }
  return DecodeLevels(encoding, max, count, pos, end, length_prefixed, &levels_.def);
}

Status ChunkReader::DecodeDictionaryIndices(const uint8_t* data, size_t size, int64_t count) {
  if (!has_dictionary_) return Corrupt("a dictionary-encoded page without a dictionary page");
  if (count == 0) return Status::OK();
  if (size < 1) return Corrupt("a dictionary-encoded page without its bit width");
  const int bit_width = data[0];
  if (bit_width > 32) return Corrupt("dictionary index bit width {}", bit_width);
  RleBitPackedDecoder dec(data + 1, size - 1, bit_width);
  int64_t done = 0;
  if (leaf_.physical_type == Type::kByteArray && !bytes_) {
    while (done < count) {
      RleBitPackedDecoder::Chunk c;
      auto st = dec.NextChunk(count - done, &c);
      if (!st.ok()) return st.WithContext(ctx_.where);
      if (c.count == 0) break;
      const size_t at = byte_indices_.size();
      byte_indices_.resize(at + static_cast<size_t>(c.count));
      uint32_t* out = byte_indices_.data() + at;
      if (c.repeated) {
        if (c.value >= dictionary_size_) return Corrupt("dictionary index {} out of range", c.value);
        std::fill(out, out + c.count, c.value);
      } else {
        uint32_t max_index = 0;
        for (int64_t i = 0; i < c.count; ++i) max_index = std::max(max_index, c.values[i]);
        if (max_index >= dictionary_size_) {
          return Corrupt("dictionary index {} out of range", max_index);
        }
        std::memcpy(out, c.values, static_cast<size_t>(c.count) * sizeof(uint32_t));
      }
      done += c.count;
    }
  } else if (leaf_.physical_type == Type::kByteArray) {
    BB_RETURN_NOT_OK(ReserveValues(count));
    while (done < count) {
      RleBitPackedDecoder::Chunk c;
      auto st = dec.NextChunk(count - done, &c);
      if (!st.ok()) return st.WithContext(ctx_.where);
      if (c.count == 0) break;
      // Checked and measured first, so the copies below need no checks of their own.
      int64_t bytes = 0;
      if (c.repeated) {
        if (c.value >= dictionary_size_) return Corrupt("dictionary index {} out of range", c.value);
        bytes = static_cast<int64_t>(dictionary_views_[c.value].size()) * c.count;
      } else {
        for (int64_t i = 0; i < c.count; ++i) {
          if (c.values[i] >= dictionary_size_) {
            return Corrupt("dictionary index {} out of range", c.values[i]);
          }
          bytes += static_cast<int64_t>(dictionary_views_[c.values[i]].size());
        }
      }
      BB_RETURN_NOT_OK(bytes_->Reserve(c.count));
      BB_RETURN_NOT_OK(bytes_->ReserveData(bytes));
      for (int64_t i = 0; i < c.count; ++i) {
        bytes_->UnsafeAppend(dictionary_views_[c.repeated ? c.value : c.values[i]]);
      }
      done += c.count;
    }
  } else {
    uint8_t* out = fixed_->mutable_data() + values_ * width_;
    const uint8_t* dict = dictionary_fixed_.data();
    Result<int64_t> got = int64_t{0};
    if (width_ == 4) {
      got = dec.GetBatchWithDictionary(reinterpret_cast<const uint32_t*>(dict), dictionary_size_,
                                       reinterpret_cast<uint32_t*>(out), count);
    } else if (width_ == 8) {
      got = dec.GetBatchWithDictionary(reinterpret_cast<const uint64_t*>(dict), dictionary_size_,
                                       reinterpret_cast<uint64_t*>(out), count);
    } else {
      int64_t n = 0;
      while (n < count) {
        RleBitPackedDecoder::Chunk c;
        auto st = dec.NextChunk(count - n, &c);
        if (!st.ok()) return st.WithContext(ctx_.where);
        if (c.count == 0) break;
        for (int64_t i = 0; i < c.count; ++i) {
          uint32_t idx = c.repeated ? c.value : c.values[i];
          if (idx >= dictionary_size_) return Corrupt("dictionary index {} out of range", idx);
          std::memcpy(out + (n + i) * width_, dict + static_cast<size_t>(idx) * width_, width_);
        }
        n += c.count;
      }
      got = n;
    }
    if (!got.ok()) return got.status().WithContext(ctx_.where);
    done = *got;
  }
  if (done != count) return Corrupt("{} dictionary indices where {} values are defined", done, count);
  return Status::OK();
}

Status ChunkReader::DecodeValues(Encoding encoding, const uint8_t* data, size_t size,
                                 int64_t count) {
  const bool dictionary =
      encoding == Encoding::kPlainDictionary || encoding == Encoding::kRleDictionary;
  if (leaf_.physical_type == Type::kByteArray) {
    if (dictionary) return DecodeDictionaryIndices(data, size, count);
    BB_RETURN_NOT_OK(MoveIndicesToBuilder());
  }
  BB_RETURN_NOT_OK(ReserveValues(count));
  const Type type = leaf_.physical_type;
  auto unsupported = [&]() {
    return Status::NotImplemented("{}: encoding {} is not supported for {} columns", ctx_.where,
                                  EncodingName(encoding), TypeName(type));
  };
  Status st;
  switch (encoding) {
    case Encoding::kPlain: {
      PlainDecoder dec(data, size);
      if (type == Type::kBoolean) {
        st = dec.DecodeBooleans(count, fixed_->mutable_data(), values_);
      } else if (type == Type::kByteArray) {
        st = dec.DecodeByteArrays(count, bytes_.get());
      } else {
        st = dec.DecodeFixed(width_, count, fixed_->mutable_data() + values_ * width_);
      }
      break;
    }
    case Encoding::kPlainDictionary:
    case Encoding::kRleDictionary:
      return DecodeDictionaryIndices(data, size, count);
    case Encoding::kRle: {
      if (type != Type::kBoolean) return unsupported();
      if (size < 4) return Corrupt("an RLE boolean page without its length");
      uint32_t len;
      std::memcpy(&len, data, 4);
      if (len > size - 4) return Corrupt("an RLE boolean stream of {} bytes", len);
      RleBitPackedDecoder dec(data + 4, len, 1);
      int64_t done = 0;
      uint8_t* bits = fixed_->mutable_data();
      while (done < count) {
        RleBitPackedDecoder::Chunk c;
        st = dec.NextChunk(count - done, &c);
        if (!st.ok() || c.count == 0) break;
        for (int64_t i = 0; i < c.count; ++i) {
          bitmap::SetBitTo(bits, values_ + done + i, (c.repeated ? c.value : c.values[i]) != 0);
        }
        done += c.count;
      }
      if (st.ok() && done != count) return Corrupt("{} booleans where {} are defined", done, count);
      break;
    }
    case Encoding::kDeltaBinaryPacked: {
      if (type == Type::kInt32) {
        DeltaBinaryPackedDecoder<int32_t> dec;
        st = dec.Init(data, size, count);
        if (st.ok()) st = dec.Decode(reinterpret_cast<int32_t*>(fixed_->mutable_data()) + values_, count);
      } else if (type == Type::kInt64) {
        DeltaBinaryPackedDecoder<int64_t> dec;
        st = dec.Init(data, size, count);
        if (st.ok()) st = dec.Decode(reinterpret_cast<int64_t*>(fixed_->mutable_data()) + values_, count);
      } else {
        return unsupported();
      }
      break;
    }
    case Encoding::kDeltaLengthByteArray: {
      if (type != Type::kByteArray) return unsupported();
      DeltaLengthByteArrayDecoder dec;
      st = dec.Init(data, size, count);
      if (st.ok()) st = dec.Decode(count, bytes_.get());
      break;
    }
    case Encoding::kDeltaByteArray: {
      DeltaByteArrayDecoder dec;
      st = dec.Init(data, size, count);
      if (!st.ok()) break;
      if (type == Type::kByteArray) {
        st = dec.Decode(count, bytes_.get());
      } else if (type == Type::kFixedLenByteArray) {
        st = dec.DecodeFixed(count, width_, fixed_->mutable_data() + values_ * width_);
      } else {
        return unsupported();
      }
      break;
    }
    case Encoding::kByteStreamSplit: {
      if (type == Type::kBoolean || type == Type::kByteArray || type == Type::kInt96) {
        return unsupported();
      }
      ByteStreamSplitDecoder dec;
      st = dec.Init(data, size, width_);
      if (st.ok() && dec.num_values() < count) {
        return Corrupt("{} values where {} are defined", dec.num_values(), count);
      }
      if (st.ok()) st = dec.Decode(count, fixed_->mutable_data() + values_ * width_);
      break;
    }
    default:
      return unsupported();
  }
  if (!st.ok()) return st.WithContext(ctx_.where);
  return Status::OK();
}

Status ChunkReader::MoveIndicesToBuilder() {
  if (bytes_) return Status::OK();
  BB_RETURN_NOT_OK(ReserveValues(static_cast<int64_t>(byte_indices_.size())));
  for (uint32_t index : byte_indices_) BB_RETURN_NOT_OK(bytes_->Append(dictionary_views_[index]));
  byte_indices_ = {};
  return Status::OK();
}

Result<ArrayPtr> ChunkReader::FinishByteArrays(bool* utf8_checked) {
  *utf8_checked = false;
  if (bytes_) return bytes_->Finish();
  const int64_t budget = ctx_.limits->max_column_chunk_bytes - charged_bytes_;
  auto gathered = GatherByteArrays(dictionary_views_, byte_indices_.data(),
                                   static_cast<int64_t>(byte_indices_.size()), budget);
  if (!gathered.ok()) return gathered.status().WithContext(ctx_.where);
  if (leaf_.type->id() == TypeId::kUtf8) {
    // Every value is a dictionary entry: entries that are valid UTF-8 make the column valid.
    // Otherwise the whole column is checked later, to name the first bad row.
    *utf8_checked = std::all_of(dictionary_views_.begin(), dictionary_views_.end(),
                                [](std::string_view v) { return ValidateUtf8(v) == std::string_view::npos; });
  }
  return gathered;
}

Status ChunkReader::ReadDataPage(const PageHeader& header, const uint8_t* body) {
  const bool v2 = header.type == PageType::kDataPageV2;
  int64_t num_values;
  Encoding encoding, def_encoding = Encoding::kRle, rep_encoding = Encoding::kRle;
  if (v2) {
    if (!header.data_page_header_v2) return Corrupt("a data page v2 without its header");
    num_values = header.data_page_header_v2->num_values;
    encoding = header.data_page_header_v2->encoding;
  } else {
    if (!header.data_page_header) return Corrupt("a data page without its header");
    num_values = header.data_page_header->num_values;
    encoding = header.data_page_header->encoding;
    def_encoding = header.data_page_header->definition_level_encoding;
    rep_encoding = header.data_page_header->repetition_level_encoding;
  }
  if (num_values < 0 || entries_ + num_values > ctx_.meta->num_values) {
    return Corrupt("pages hold more values than the chunk's {}", ctx_.meta->num_values);
  }
  if (leaf_.max_repetition_level == 0 && entries_ + num_values > ctx_.num_rows) {
    return Corrupt("pages hold more values than the row group's {} rows", ctx_.num_rows);
  }
  // Levels (2 bytes each) plus the values at their physical width, before anything is decoded.
  BB_RETURN_NOT_OK(ChargeBytes(num_values * (4 + std::max(width_, 1))));

  std::shared_ptr<Buffer> page;
  const uint8_t* pos;
  const uint8_t* end;
  if (v2) {
    const auto& h = *header.data_page_header_v2;
    int64_t levels_len = int64_t{h.repetition_levels_byte_length} + h.definition_levels_byte_length;
    if (h.repetition_levels_byte_length < 0 || h.definition_levels_byte_length < 0 ||
        levels_len > header.compressed_page_size || levels_len > header.uncompressed_page_size) {
      return Corrupt("a data page v2 with level sections larger than the page");
    }
    const uint8_t* levels = body;
    const uint8_t* levels_end = body + levels_len;
    if (leaf_.max_repetition_level > 0) {
      const uint8_t* p = levels;
      BB_RETURN_NOT_OK(DecodeLevels(Encoding::kRle, leaf_.max_repetition_level, num_values, &p,
                                    levels + h.repetition_levels_byte_length, false,
                                    &levels_.rep));
    }
    if (leaf_.max_definition_level > 0) {
      const uint8_t* p = levels + h.repetition_levels_byte_length;
      BB_RETURN_NOT_OK(DecodeDefinitionLevels(Encoding::kRle, num_values, &p, levels_end, false));
    }
    int64_t compressed = header.compressed_page_size - levels_len;
    int64_t uncompressed = header.uncompressed_page_size - levels_len;
    if (h.is_compressed && ctx_.meta->codec != CompressionCodec::kUncompressed) {
      BB_ASSIGN_OR_RAISE(page, DecompressPage(levels_end, compressed, uncompressed, true));
    } else {
      if (compressed != uncompressed) return Corrupt("an uncompressed v2 page with two sizes");
      page = Buffer::Slice(chunk_, static_cast<size_t>(levels_end - chunk_->data()),
                           static_cast<size_t>(compressed));
    }
    pos = page->data();
    end = pos + page->size();
  } else {
    BB_ASSIGN_OR_RAISE(page, DecompressPage(body, header.compressed_page_size,
                                            header.uncompressed_page_size, true));
    pos = page->data();
    end = pos + page->size();
    if (leaf_.max_repetition_level > 0) {
      BB_RETURN_NOT_OK(DecodeLevels(rep_encoding, leaf_.max_repetition_level, num_values, &pos,
                                    end, true, &levels_.rep));
    }
    if (leaf_.max_definition_level > 0) {
      BB_RETURN_NOT_OK(DecodeDefinitionLevels(def_encoding, num_values, &pos, end, true));
    }
  }
  int64_t defined = num_values;
  if (leaf_.max_definition_level > 0 && def_materialized_) {
    defined = 0;
    const int16_t* d = levels_.def.data() + entries_;
    const int16_t max = leaf_.max_definition_level;
    for (int64_t i = 0; i < num_values; ++i) defined += d[i] == max;
  }
  if (leaf_.type->id() == TypeId::kNull) {
    if (defined != 0) return Corrupt("an always-null column with {} values", defined);
  } else if (defined > 0) {
    BB_RETURN_NOT_OK(DecodeValues(encoding, pos, static_cast<size_t>(end - pos), defined));
  }
  entries_ += num_values;
  values_ += defined;
  return Status::OK();
}

Result<LeafLevels> ChunkReader::Read() {
  const uint8_t* data = chunk_->data();
  const size_t size = chunk_->size();
  size_t pos = 0;
  while (entries_ < ctx_.meta->num_values) {
    if (pos >= size) {
      return Corrupt("the chunk ends after {} of its {} values", entries_, ctx_.meta->num_values);
    }
    size_t header_len = 0;
    auto header = DecodePageHeader(data + pos, size - pos, &header_len);
    if (!header.ok()) return header.status().WithContextF("{}: page header", ctx_.where);
    pos += header_len;
    const int64_t compressed = header->compressed_page_size;
    if (compressed < 0 || static_cast<uint64_t>(compressed) > size - pos) {
      return Corrupt("a page of {} bytes where {} remain", compressed, size - pos);
    }
    if (header->uncompressed_page_size < 0 ||
        header->uncompressed_page_size > ctx_.limits->max_page_size) {
      return Corrupt("a page that decompresses to {} bytes (limit {})",
                     header->uncompressed_page_size, ctx_.limits->max_page_size);
    }
    const uint8_t* body = data + pos;
    pos += static_cast<size_t>(compressed);
    switch (header->type) {
      case PageType::kDictionaryPage:
        BB_RETURN_NOT_OK(ChargeBytes(header->uncompressed_page_size));
        BB_RETURN_NOT_OK(ReadDictionaryPage(*header, body));
        break;
      case PageType::kDataPage:
      case PageType::kDataPageV2:
        BB_RETURN_NOT_OK(ReadDataPage(*header, body));
        break;
      default:
        break;  // index pages and future page types carry nothing we need
    }
  }
  levels_.num_entries = entries_;
  ArrayPtr bytes;
  bool utf8_checked = false;
  if (leaf_.physical_type == Type::kByteArray) {
    BB_ASSIGN_OR_RAISE(bytes, FinishByteArrays(&utf8_checked));
  }
  BB_ASSIGN_OR_RAISE(levels_.values, ConvertLeafValues(leaf_, values_, fixed_, bytes,
                                                       utf8_checked, ctx_.where));
  return std::move(levels_);
}

}  // namespace

Result<LeafLevels> ReadColumnChunk(const ColumnChunkContext& context,
                                   const std::shared_ptr<Buffer>& chunk) {
  ChunkReader reader(context, chunk);
  return reader.Read();
}

}  // namespace bundlebase::parquet
