// Column chunk reading: walks the pages of one chunk, decompresses them, decodes levels and
// values with the encoding decoders, and converts the physical values to the leaf's type.
//
// Values are gathered in their physical form (fixed-width bytes, a bitmap for BOOLEAN, a
// BinaryBuilder for BYTE_ARRAY) across all data pages, then converted once: for most types the
// conversion is a reinterpretation of the same buffer, not a copy. Every count taken from the
// file is checked against what the chunk's metadata and the limits allow before memory is
// reserved for it.
#include "formats/parquet/column_chunk_reader.h"

#include <cstring>

#include "base/strings.h"
#include "columnar/builder.h"
#include "formats/parquet/bit_packing.h"
#include "formats/parquet/byte_stream_split.h"
#include "formats/parquet/compression.h"
#include "formats/parquet/delta_binary_packed.h"
#include "formats/parquet/delta_byte_array.h"
#include "formats/parquet/leaf_conversion.h"
#include "formats/parquet/plain_encoding.h"
#include "formats/parquet/rle_bit_packed.h"

namespace bundlebase::parquet {
namespace {

class ChunkReader {
 public:
  ChunkReader(const ColumnChunkContext& ctx, const std::shared_ptr<Buffer>& chunk)
      : ctx_(ctx), leaf_(*ctx.leaf), chunk_(chunk) {
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
  Result<std::shared_ptr<Buffer>> DecompressPage(const uint8_t* body, int64_t compressed,
                                                 int64_t uncompressed);
  // Decodes `count` levels (RLE with a 4-byte length or legacy BIT_PACKED) starting at *pos.
  Status DecodeLevels(Encoding encoding, int16_t max_level, int64_t count, const uint8_t** pos,
                      const uint8_t* end, bool length_prefixed, std::vector<int16_t>* out);
  Status DecodeValues(Encoding encoding, const uint8_t* data, size_t size, int64_t count);
  Status DecodeDictionaryIndices(const uint8_t* data, size_t size, int64_t count);
  Status ReserveValues(int64_t count);
  Status ChargeBytes(int64_t bytes);

  const ColumnChunkContext& ctx_;
  const LeafColumn& leaf_;
  std::shared_ptr<Buffer> chunk_;
  int width_ = 0;

  LeafLevels levels_;
  int64_t entries_ = 0;       // level entries read so far (sum of data page value counts)
  int64_t values_ = 0;        // non-null values decoded so far
  int64_t charged_bytes_ = 0; // decoded bytes accounted against the chunk limit

  // Physical values: fixed-width bytes or BOOLEAN bits, or BYTE_ARRAYs.
  std::shared_ptr<MutableBuffer> fixed_;
  std::unique_ptr<BinaryBuilder> bytes_;

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
                                                            int64_t uncompressed) {
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
  auto out = Decompress(ctx_.meta->codec,
                        std::span<const uint8_t>(body, static_cast<size_t>(compressed)),
                        uncompressed, limits);
  if (!out.ok()) return out.status().WithContext(ctx_.where);
  return out;
}

Status ChunkReader::ReserveValues(int64_t count) {
  if (leaf_.physical_type == Type::kByteArray) {
    if (!bytes_) bytes_ = std::make_unique<BinaryBuilder>(Binary());
    return bytes_->Reserve(count);
  }
  if (!fixed_) fixed_ = std::make_shared<MutableBuffer>();
  int64_t needed = leaf_.physical_type == Type::kBoolean
                       ? bitmap::BytesForBits(values_ + count) + 8
                       : (values_ + count) * width_;
  if (static_cast<int64_t>(fixed_->size()) < needed) {
    BB_RETURN_NOT_OK(fixed_->Resize(static_cast<size_t>(needed), /*zero_fill=*/true));
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
                                                      header.uncompressed_page_size));
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

Status ChunkReader::DecodeDictionaryIndices(const uint8_t* data, size_t size, int64_t count) {
  if (!has_dictionary_) return Corrupt("a dictionary-encoded page without a dictionary page");
  if (count == 0) return Status::OK();
  if (size < 1) return Corrupt("a dictionary-encoded page without its bit width");
  const int bit_width = data[0];
  if (bit_width > 32) return Corrupt("dictionary index bit width {}", bit_width);
  RleBitPackedDecoder dec(data + 1, size - 1, bit_width);
  int64_t done = 0;
  if (leaf_.physical_type == Type::kByteArray) {
    while (done < count) {
      RleBitPackedDecoder::Chunk c;
      auto st = dec.NextChunk(count - done, &c);
      if (!st.ok()) return st.WithContext(ctx_.where);
      if (c.count == 0) break;
      for (int64_t i = 0; i < c.count; ++i) {
        uint32_t idx = c.repeated ? c.value : c.values[i];
        if (idx >= dictionary_size_) return Corrupt("dictionary index {} out of range", idx);
        BB_RETURN_NOT_OK(bytes_->Append(dictionary_views_[idx]));
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
      BB_RETURN_NOT_OK(DecodeLevels(Encoding::kRle, leaf_.max_definition_level, num_values, &p,
                                    levels_end, false, &levels_.def));
    }
    int64_t compressed = header.compressed_page_size - levels_len;
    int64_t uncompressed = header.uncompressed_page_size - levels_len;
    if (h.is_compressed && ctx_.meta->codec != CompressionCodec::kUncompressed) {
      BB_ASSIGN_OR_RAISE(page, DecompressPage(levels_end, compressed, uncompressed));
    } else {
      if (compressed != uncompressed) return Corrupt("an uncompressed v2 page with two sizes");
      page = Buffer::Slice(chunk_, static_cast<size_t>(levels_end - chunk_->data()),
                           static_cast<size_t>(compressed));
    }
    pos = page->data();
    end = pos + page->size();
  } else {
    BB_ASSIGN_OR_RAISE(page, DecompressPage(body, header.compressed_page_size,
                                            header.uncompressed_page_size));
    pos = page->data();
    end = pos + page->size();
    if (leaf_.max_repetition_level > 0) {
      BB_RETURN_NOT_OK(DecodeLevels(rep_encoding, leaf_.max_repetition_level, num_values, &pos,
                                    end, true, &levels_.rep));
    }
    if (leaf_.max_definition_level > 0) {
      BB_RETURN_NOT_OK(DecodeLevels(def_encoding, leaf_.max_definition_level, num_values, &pos,
                                    end, true, &levels_.def));
    }
  }
  int64_t defined = num_values;
  if (leaf_.max_definition_level > 0) {
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
  BB_ASSIGN_OR_RAISE(levels_.values, ConvertLeafValues(leaf_, values_, fixed_, bytes_.get(),
                                                       ctx_.where));
  return std::move(levels_);
}

}  // namespace

Result<LeafLevels> ReadColumnChunk(const ColumnChunkContext& context,
                                   const std::shared_ptr<Buffer>& chunk) {
  ChunkReader reader(context, chunk);
  return reader.Read();
}

}  // namespace bundlebase::parquet
