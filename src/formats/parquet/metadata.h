// The parts of parquet.thrift a reader and writer need, as plain C++ structs, with the decoders
// and encoders between them and the Thrift compact bytes of a footer or page header.
//
// Field names follow the spec so the spec can be read beside this file. Optional fields are
// std::optional (the writer emits only what is set); optional lists are empty when absent.
// Parts we do not use (encryption details, bloom filter headers, size and geospatial
// statistics, page indexes themselves) are skipped on decode, except that their presence is
// remembered where a reader must refuse the file (encryption). Decoding validates what every
// consumer relies on — required fields, non-negative sizes, counts, offsets, a schema tree that
// matches its num_children, one column chunk per leaf in every row group — so later code can
// trust those; what depends on the column's type is left to the code that reads the column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bundlebase/result.h"
#include "formats/parquet/enums.h"
#include "formats/parquet/thrift_compact.h"

namespace bundlebase::parquet {

// The LogicalType union: which member is set (its Thrift field id) and that member's
// parameters. Members without parameters (STRING, MAP, ...) are just the kind.
enum class LogicalTypeKind : int16_t {
  kNone = 0,  // no logicalType in the schema element
  kString = 1,
  kMap = 2,
  kList = 3,
  kEnum = 4,
  kDecimal = 5,
  kDate = 6,
  kTime = 7,
  kTimestamp = 8,
  kInteger = 10,
  kUnknown = 11,  // the spec's name for "always null" (NullType)
  kJson = 12,
  kBson = 13,
  kUuid = 14,
  kFloat16 = 15,
  kVariant = 16,
  kGeometry = 17,
  kGeography = 18,
};

enum class LogicalTimeUnit : int8_t { kMillis = 1, kMicros = 2, kNanos = 3 };

struct LogicalType {
  LogicalTypeKind kind = LogicalTypeKind::kNone;
  // DECIMAL
  int32_t scale = 0;
  int32_t precision = 0;
  // TIME, TIMESTAMP
  bool is_adjusted_to_utc = false;
  LogicalTimeUnit unit = LogicalTimeUnit::kMicros;
  // INTEGER
  int8_t bit_width = 0;
  bool is_signed = true;

  bool operator==(const LogicalType&) const = default;
};

struct SchemaElement {
  std::optional<Type> type;  // absent for groups
  std::optional<int32_t> type_length;
  std::optional<FieldRepetitionType> repetition_type;  // absent only for the root
  std::string name;
  std::optional<int32_t> num_children;
  std::optional<ConvertedType> converted_type;
  std::optional<int32_t> scale;
  std::optional<int32_t> precision;
  std::optional<int32_t> field_id;
  LogicalType logical_type;

  bool is_group() const { return !type.has_value(); }
  bool operator==(const SchemaElement&) const = default;
};

struct Statistics {
  // Deprecated min/max: signed byte-wise order, ambiguous for most types; kept for old files.
  std::optional<std::string> max;
  std::optional<std::string> min;
  std::optional<int64_t> null_count;
  std::optional<int64_t> distinct_count;
  std::optional<std::string> max_value;
  std::optional<std::string> min_value;
  std::optional<bool> is_max_value_exact;
  std::optional<bool> is_min_value_exact;
  std::optional<int64_t> nan_count;

  bool operator==(const Statistics&) const = default;
};

struct KeyValue {
  std::string key;
  std::optional<std::string> value;

  bool operator==(const KeyValue&) const = default;
};

struct PageEncodingStats {
  PageType page_type = PageType::kDataPage;
  Encoding encoding = Encoding::kPlain;
  int32_t count = 0;

  bool operator==(const PageEncodingStats&) const = default;
};

struct SortingColumn {
  int32_t column_idx = 0;
  bool descending = false;
  bool nulls_first = false;

  bool operator==(const SortingColumn&) const = default;
};

struct ColumnMetaData {
  Type type = Type::kBoolean;
  std::vector<Encoding> encodings;
  std::vector<std::string> path_in_schema;
  CompressionCodec codec = CompressionCodec::kUncompressed;
  int64_t num_values = 0;
  int64_t total_uncompressed_size = 0;
  int64_t total_compressed_size = 0;
  std::vector<KeyValue> key_value_metadata;
  int64_t data_page_offset = 0;
  std::optional<int64_t> index_page_offset;
  std::optional<int64_t> dictionary_page_offset;
  std::optional<Statistics> statistics;
  std::vector<PageEncodingStats> encoding_stats;
  std::optional<int64_t> bloom_filter_offset;
  std::optional<int32_t> bloom_filter_length;

  bool operator==(const ColumnMetaData&) const = default;
};

struct ColumnChunk {
  std::optional<std::string> file_path;  // set when the chunk lives in another file
  int64_t file_offset = 0;
  std::optional<ColumnMetaData> meta_data;
  std::optional<int64_t> offset_index_offset;
  std::optional<int32_t> offset_index_length;
  std::optional<int64_t> column_index_offset;
  std::optional<int32_t> column_index_length;
  // crypto_metadata or encrypted_column_metadata was present: the column is encrypted.
  bool encrypted = false;

  bool operator==(const ColumnChunk&) const = default;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t total_byte_size = 0;
  int64_t num_rows = 0;
  std::vector<SortingColumn> sorting_columns;
  std::optional<int64_t> file_offset;
  std::optional<int64_t> total_compressed_size;
  std::optional<int16_t> ordinal;

  bool operator==(const RowGroup&) const = default;
};

// The ColumnOrder union member that is set (TYPE_ORDER = 1 is the only one defined today).
enum class ColumnOrder : int16_t { kUndefined = 0, kTypeDefinedOrder = 1 };

struct FileMetaData {
  int32_t version = 1;
  std::vector<SchemaElement> schema;  // depth-first, the root first
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<KeyValue> key_value_metadata;
  std::optional<std::string> created_by;
  std::vector<ColumnOrder> column_orders;
  // encryption_algorithm was present (a plaintext footer of an encrypted file).
  bool encrypted = false;

  bool operator==(const FileMetaData&) const = default;
};

struct DataPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  Encoding definition_level_encoding = Encoding::kRle;
  Encoding repetition_level_encoding = Encoding::kRle;
  std::optional<Statistics> statistics;

  bool operator==(const DataPageHeader&) const = default;
};

struct DictionaryPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  std::optional<bool> is_sorted;

  bool operator==(const DictionaryPageHeader&) const = default;
};

struct DataPageHeaderV2 {
  int32_t num_values = 0;
  int32_t num_nulls = 0;
  int32_t num_rows = 0;
  Encoding encoding = Encoding::kPlain;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;
  std::optional<Statistics> statistics;

  bool operator==(const DataPageHeaderV2&) const = default;
};

struct PageHeader {
  PageType type = PageType::kDataPage;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  std::optional<int32_t> crc;
  std::optional<DataPageHeader> data_page_header;
  std::optional<DictionaryPageHeader> dictionary_page_header;
  std::optional<DataPageHeaderV2> data_page_header_v2;

  bool operator==(const PageHeader&) const = default;
};

struct MetadataLimits {
  ThriftLimits thrift;
  // Approximate memory the decoded structs may take. A footer's elements can be one byte on the
  // wire and hundreds in memory, so this bounds what a small hostile footer can allocate.
  int64_t max_decoded_bytes = int64_t{1} << 30;
};

// Decodes a footer (the bytes between the data and the footer length). Trailing bytes after the
// FileMetaData struct are ignored, as other readers do.
Result<FileMetaData> DecodeFileMetaData(const uint8_t* data, size_t size,
                                        const MetadataLimits& limits = {});

// Decodes the page header at the start of data[0, avail) and sets *header_len to its length
// in bytes; the page body follows it. Does not check the body sizes against `avail`: a reader
// that fetches headers speculatively does that itself.
Result<PageHeader> DecodePageHeader(const uint8_t* data, size_t avail, size_t* header_len,
                                    const ThriftLimits& limits = {});

// The Thrift compact bytes of a footer / page header, for the writer.
std::string EncodeFileMetaData(const FileMetaData& metadata);
std::string EncodePageHeader(const PageHeader& header);

// The checks DecodeFileMetaData applies after parsing; the writer runs them on what it is
// about to write too.
Status ValidateFileMetaData(const FileMetaData& metadata);
Status ValidatePageHeader(const PageHeader& header);

// The number of leaf (primitive) columns of a valid schema.
int CountLeafColumns(const std::vector<SchemaElement>& schema);

}  // namespace bundlebase::parquet
