// ColumnChunkWriter: batching into pages, the dictionary decision and fallback, page assembly
// (levels, values, compression, header) and the chunk's metadata.
#include "formats/parquet/column_chunk_writer.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "formats/parquet/bit_packing.h"

namespace bundlebase::parquet {
namespace {

// Values the dictionary gets to prove it is smaller than PLAIN.
constexpr int64_t kDictionaryTrialValues = 32768;
// Entries per batch: large enough to amortize the per-batch work, small enough that a page
// overshoots its target by little.
constexpr int64_t kMaxBatchEntries = 4096;

void AppendLengthPrefixed(const std::string& bytes, std::string* out) {
  const uint32_t length = static_cast<uint32_t>(bytes.size());
  out->append(reinterpret_cast<const char*>(&length), 4);
  out->append(bytes);
}

std::span<const uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

}  // namespace

ColumnChunkWriter::ColumnChunkWriter(const LeafColumn& leaf, const ColumnWriteOptions& options)
    : leaf_(leaf),
      options_(options),
      def_width_(BitWidthOf(static_cast<uint64_t>(leaf.max_definition_level))),
      rep_width_(BitWidthOf(static_cast<uint64_t>(leaf.max_repetition_level))),
      statistics_(leaf),
      def_encoder_(def_width_, &page_def_),
      rep_encoder_(rep_width_, &page_rep_),
      bool_encoder_(&page_values_) {
  if (options.dictionary && leaf.physical_type != Type::kBoolean &&
      leaf.type->id() != TypeId::kNull) {
    const int width = leaf.physical_type == Type::kFixedLenByteArray
                          ? leaf.type_length
                          : FixedTypeWidth(leaf.physical_type);
    dictionary_ = std::make_unique<DictionaryBuilder>(leaf.physical_type, width);
    use_dictionary_ = true;
  }
}

int ColumnChunkWriter::IndexBitWidth() const {
  // One bit for a one-entry dictionary, as Arrow writes it: some readers refuse width 0.
  return std::max(1, BitWidthOf(static_cast<uint64_t>(std::max<int64_t>(dictionary_->size(), 1) - 1)));
}

int64_t ColumnChunkWriter::EstimatedPageBytes() const {
  // Until the dictionary has proven itself the page is measured as PLAIN: it may yet become
  // PLAIN, and must not be oversized then.
  int64_t values = static_cast<int64_t>(page_values_.size());
  if (use_dictionary_) {
    values = dictionary_decided_ ? BitPackedBytes(static_cast<int64_t>(page_indices_.size()),
                                                  IndexBitWidth())
                                 : page_plain_bytes_;
  }
  return static_cast<int64_t>(page_def_.size() + page_rep_.size()) + values;
}

int64_t ColumnChunkWriter::BatchEntries() const {
  double per_entry;
  if (use_dictionary_ && dictionary_decided_) {
    per_entry = IndexBitWidth() / 8.0;
  } else if (leaf_.physical_type == Type::kBoolean) {
    per_entry = 1 / 8.0;
  } else if (leaf_.physical_type == Type::kByteArray) {
    per_entry = 4.0 + (byte_array_count_ ? static_cast<double>(byte_array_bytes_) /
                                                static_cast<double>(byte_array_count_)
                                          : 12.0);
  } else {
    per_entry = leaf_.physical_type == Type::kFixedLenByteArray
                    ? leaf_.type_length
                    : FixedTypeWidth(leaf_.physical_type);
  }
  const double room = static_cast<double>(options_.data_page_bytes - EstimatedPageBytes());
  return std::clamp<int64_t>(static_cast<int64_t>(room / std::max(per_entry, 0.125)), 1,
                             kMaxBatchEntries);
}

Status ColumnChunkWriter::Write(int64_t num_entries, const int16_t* def, const int16_t* rep,
                                const PhysicalValues& values) {
  const int16_t max_def = leaf_.max_definition_level;
  int64_t e = 0;
  int64_t v = 0;
  while (e < num_entries) {
    int64_t end = std::min(num_entries, e + BatchEntries());
    if (rep) {
      while (end < num_entries && rep[end] != 0) ++end;
    }
    const int64_t count = end - e;
    int64_t defined = count;
    if (def) {
      defined = 0;
      for (int64_t i = e; i < end; ++i) defined += def[i] == max_def;
    }
    if (v + defined > values.count()) {
      return Status::Internal("column '{}': {} values for more defined entries",
                              leaf_.dotted_path, values.count());
    }
    PutLevels(def ? def + e : nullptr, rep ? rep + e : nullptr, count);
    PutValues(values, v, defined);
    statistics_.AddNulls(count - defined);
    if (rep) {
      for (int64_t i = e; i < end; ++i) page_rows_ += rep[i] == 0;
    } else {
      page_rows_ += count;
    }
    page_entries_ += count;
    page_values_count_ += defined;
    num_entries_ += count;
    e = end;
    v += defined;
    BB_RETURN_NOT_OK(AfterBatch());
  }
  if (v != values.count()) {
    return Status::Internal("column '{}': {} values for {} defined entries", leaf_.dotted_path,
                            values.count(), v);
  }
  return Status::OK();
}

void ColumnChunkWriter::PutLevels(const int16_t* def, const int16_t* rep, int64_t count) {
  if (leaf_.max_repetition_level > 0) {
    if (rep) {
      rep_encoder_.PutBatch(rep, count);
    } else {
      rep_encoder_.PutRepeated(0, count);
    }
  }
  if (leaf_.max_definition_level > 0) {
    if (def) {
      def_encoder_.PutBatch(def, count);
    } else {
      def_encoder_.PutRepeated(static_cast<uint32_t>(leaf_.max_definition_level), count);
    }
  }
}

void ColumnChunkWriter::PutValues(const PhysicalValues& values, int64_t offset, int64_t count) {
  if (count == 0) return;
  int64_t plain_bytes;
  if (values.type() == Type::kByteArray) {
    int64_t bytes = 0;
    for (int64_t i = 0; i < count; ++i) bytes += values.views()[offset + i].size();
    byte_array_bytes_ += bytes;
    byte_array_count_ += count;
    plain_bytes = bytes + 4 * count;
  } else {
    plain_bytes = count * values.width();
  }
  if (use_dictionary_) {
    dictionary_->Put(values, offset, count, &page_indices_);
    page_plain_bytes_ += plain_bytes;
  } else {
    AppendPlain(values, offset, count);
    statistics_.Update(values, offset, count);
  }
}

void ColumnChunkWriter::AppendPlain(const PhysicalValues& values, int64_t offset, int64_t count) {
  switch (values.type()) {
    case Type::kBoolean:
      bool_encoder_.Put(values.bits(), values.bit_offset() + offset, count);
      return;
    case Type::kByteArray: {
      const std::string_view* views = values.views() + offset;
      size_t bytes = 4 * static_cast<size_t>(count);
      for (int64_t i = 0; i < count; ++i) bytes += views[i].size();
      size_t pos = page_values_.size();
      page_values_.resize(pos + bytes);
      char* out = page_values_.data() + pos;
      for (int64_t i = 0; i < count; ++i) {
        const uint32_t length = static_cast<uint32_t>(views[i].size());
        std::memcpy(out, &length, 4);
        std::memcpy(out + 4, views[i].data(), length);
        out += 4 + length;
      }
      return;
    }
    default:
      EncodePlainFixed(values.fixed() + offset * values.width(), values.width(), count,
                       &page_values_);
  }
}

void ColumnChunkWriter::DecideDictionary() {
  dictionary_decided_ = true;
  const int64_t dictionary_bytes =
      static_cast<int64_t>(dictionary_->plain().size()) +
      BitPackedBytes(static_cast<int64_t>(page_indices_.size()), IndexBitWidth());
  if (dictionary_bytes >= page_plain_bytes_) DropDictionary();
}

void ColumnChunkWriter::DropDictionary() {
  // No page has used the dictionary yet: the pending indices become PLAIN values again.
  statistics_.Update(dictionary_->Entries(), 0, dictionary_->size());
  for (uint32_t index : page_indices_) dictionary_->AppendPlain(index, &page_values_);
  page_indices_.clear();
  dictionary_.reset();
  use_dictionary_ = false;
}

Status ColumnChunkWriter::AfterBatch() {
  const int64_t limit = options_.dictionary_page_size_limit;
  if (use_dictionary_) {
    const bool too_large = static_cast<int64_t>(dictionary_->plain().size()) > limit;
    if (!dictionary_decided_ &&
        (page_values_count_ >= kDictionaryTrialValues || too_large ||
         EstimatedPageBytes() >= options_.data_page_bytes)) {
      DecideDictionary();
    }
    if (use_dictionary_ && static_cast<int64_t>(dictionary_->plain().size()) > limit) {
      // The pages so far keep their dictionary; the rest of the chunk is PLAIN.
      BB_RETURN_NOT_OK(FlushPage());
      use_dictionary_ = false;
    }
  }
  if (EstimatedPageBytes() >= options_.data_page_bytes) return FlushPage();
  return Status::OK();
}

void ColumnChunkWriter::ResetPage() {
  page_def_.clear();
  page_rep_.clear();
  page_values_.clear();
  bool_encoder_ = PlainBooleanEncoder(&page_values_);
  page_indices_.clear();
  page_entries_ = 0;
  page_values_count_ = 0;
  page_rows_ = 0;
  page_plain_bytes_ = 0;
}

Status ColumnChunkWriter::FlushPage() {
  if (page_entries_ == 0) return Status::OK();
  if (leaf_.max_definition_level > 0) def_encoder_.Flush();
  if (leaf_.max_repetition_level > 0) rep_encoder_.Flush();
  // A page without values needs no dictionary: PLAIN of nothing is nothing.
  const bool dictionary_page = use_dictionary_ && page_values_count_ > 0;
  const Encoding encoding = dictionary_page ? Encoding::kRleDictionary : Encoding::kPlain;
  const std::string* values = &page_values_;
  std::string indices;
  if (dictionary_page) {
    const int width = IndexBitWidth();
    indices.push_back(static_cast<char>(width));
    RleBitPackedEncoder encoder(width, &indices);
    encoder.PutBatch(page_indices_.data(), static_cast<int64_t>(page_indices_.size()));
    encoder.Flush();
    values = &indices;
  }
  PageHeader header;
  std::string levels;
  if (options_.data_page_version == 2) {
    levels = page_rep_ + page_def_;
    header.type = PageType::kDataPageV2;
    DataPageHeaderV2 h;
    h.num_values = static_cast<int32_t>(page_entries_);
    h.num_nulls = static_cast<int32_t>(page_entries_ - page_values_count_);
    h.num_rows = static_cast<int32_t>(page_rows_);
    h.encoding = encoding;
    h.definition_levels_byte_length = static_cast<int32_t>(page_def_.size());
    h.repetition_levels_byte_length = static_cast<int32_t>(page_rep_.size());
    h.is_compressed = options_.codec != CompressionCodec::kUncompressed;
    header.data_page_header_v2 = h;
  } else {
    if (leaf_.max_repetition_level > 0) AppendLengthPrefixed(page_rep_, &levels);
    if (leaf_.max_definition_level > 0) AppendLengthPrefixed(page_def_, &levels);
    header.type = PageType::kDataPage;
    DataPageHeader h;
    h.num_values = static_cast<int32_t>(page_entries_);
    h.encoding = encoding;
    header.data_page_header = h;
  }
  if (page_entries_ > std::numeric_limits<int32_t>::max()) {
    return Status::ResourceExhausted("column '{}': {} entries are too many for one page",
                                     leaf_.dotted_path, page_entries_);
  }
  BB_RETURN_NOT_OK(AppendPage(std::move(header), levels, *values));
  ++(dictionary_page ? dictionary_pages_ : plain_pages_);
  ResetPage();
  return Status::OK();
}

Status ColumnChunkWriter::AppendPage(PageHeader header, const std::string& levels,
                                     const std::string& values) {
  const bool compress = options_.codec != CompressionCodec::kUncompressed;
  const bool v2 = header.type == PageType::kDataPageV2;
  const int64_t uncompressed = static_cast<int64_t>(levels.size() + values.size());
  // v1 compresses levels and values together, v2 only the values.
  const std::string* stored = &values;
  if (compress) {
    if (v2) {
      BB_RETURN_NOT_OK(Compress(options_.codec, Bytes(values), options_.compression_level,
                                &compressed_));
    } else {
      scratch_.assign(levels);
      scratch_.append(values);
      BB_RETURN_NOT_OK(Compress(options_.codec, Bytes(scratch_), options_.compression_level,
                                &compressed_));
    }
    stored = &compressed_;
  }
  const bool levels_apart = v2 || !compress;
  const int64_t stored_size =
      static_cast<int64_t>(stored->size()) + (levels_apart ? static_cast<int64_t>(levels.size()) : 0);
  if (uncompressed > std::numeric_limits<int32_t>::max() ||
      stored_size > std::numeric_limits<int32_t>::max()) {
    return Status::ResourceExhausted("column '{}': a page of {} bytes is larger than Parquet "
                                     "allows (2 GiB)",
                                     leaf_.dotted_path, uncompressed);
  }
  header.uncompressed_page_size = static_cast<int32_t>(uncompressed);
  header.compressed_page_size = static_cast<int32_t>(stored_size);
  const std::string header_bytes = EncodePageHeader(header);
  data_pages_ += header_bytes;
  if (levels_apart) data_pages_ += levels;
  data_pages_ += *stored;
  uncompressed_bytes_ += static_cast<int64_t>(header_bytes.size()) + uncompressed;
  return Status::OK();
}

Result<EncodedColumnChunk> ColumnChunkWriter::Finish() {
  if (use_dictionary_ && !dictionary_decided_) DecideDictionary();
  BB_RETURN_NOT_OK(FlushPage());
  EncodedColumnChunk out;
  ColumnMetaData& m = out.meta;
  int64_t uncompressed = uncompressed_bytes_;
  if (dictionary_) statistics_.Update(dictionary_->Entries(), 0, dictionary_->size());
  if (dictionary_ && dictionary_pages_ > 0) {
    const std::string& plain = dictionary_->plain();
    const std::string* stored = &plain;
    if (options_.codec != CompressionCodec::kUncompressed) {
      BB_RETURN_NOT_OK(
          Compress(options_.codec, Bytes(plain), options_.compression_level, &compressed_));
      stored = &compressed_;
    }
    if (plain.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()) ||
        stored->size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
      return Status::ResourceExhausted("column '{}': the dictionary is too large for a page",
                                       leaf_.dotted_path);
    }
    PageHeader header;
    header.type = PageType::kDictionaryPage;
    header.uncompressed_page_size = static_cast<int32_t>(plain.size());
    header.compressed_page_size = static_cast<int32_t>(stored->size());
    DictionaryPageHeader h;
    h.num_values = static_cast<int32_t>(dictionary_->size());
    h.encoding = Encoding::kPlain;
    header.dictionary_page_header = h;
    std::string page = EncodePageHeader(header);
    uncompressed += static_cast<int64_t>(page.size() + plain.size());
    page += *stored;
    m.dictionary_page_offset = 0;
    m.encoding_stats.push_back({PageType::kDictionaryPage, Encoding::kPlain, 1});
    out.parts.push_back(std::move(page));
  }
  m.data_page_offset = out.parts.empty() ? 0 : static_cast<int64_t>(out.parts[0].size());
  out.parts.push_back(std::move(data_pages_));
  for (const auto& part : out.parts) out.size += static_cast<int64_t>(part.size());

  const PageType data_page_type =
      options_.data_page_version == 2 ? PageType::kDataPageV2 : PageType::kDataPage;
  if (dictionary_pages_ > 0) {
    m.encoding_stats.push_back({data_page_type, Encoding::kRleDictionary, dictionary_pages_});
  }
  if (plain_pages_ > 0) m.encoding_stats.push_back({data_page_type, Encoding::kPlain, plain_pages_});
  if (plain_pages_ > 0 || dictionary_pages_ > 0) m.encodings.push_back(Encoding::kPlain);
  if (leaf_.max_definition_level > 0 || leaf_.max_repetition_level > 0) {
    m.encodings.push_back(Encoding::kRle);
  }
  if (dictionary_pages_ > 0) m.encodings.push_back(Encoding::kRleDictionary);
  m.type = leaf_.physical_type;
  m.path_in_schema = leaf_.path;
  m.codec = options_.codec;
  m.num_values = num_entries_;
  m.total_uncompressed_size = uncompressed;
  m.total_compressed_size = out.size;
  m.statistics = statistics_.Finish();
  return out;
}

}  // namespace bundlebase::parquet
