// Encoding of FileMetaData and PageHeader to Thrift compact bytes for the writer. Fields are
// written in id order (the compact protocol's short delta form needs increasing ids) and only
// when set; optional lists only when non-empty.
#include "formats/parquet/metadata.h"

namespace bundlebase::parquet {
namespace {

class MetadataEncoder {
 public:
  explicit MetadataEncoder(std::string* out) : w_(out) {}

  void FileMetaDataStruct(const FileMetaData& md);
  void PageHeaderStruct(const PageHeader& h);

 private:
  template <typename E>
  void EnumField(int16_t id, E value) {
    w_.WriteI32Field(id, static_cast<int32_t>(value));
  }
  template <typename T>
  void OptionalI32(int16_t id, const std::optional<T>& v) {
    if (v) w_.WriteI32Field(id, static_cast<int32_t>(*v));
  }
  void OptionalI64(int16_t id, const std::optional<int64_t>& v) {
    if (v) w_.WriteI64Field(id, *v);
  }
  void OptionalString(int16_t id, const std::optional<std::string>& v) {
    if (v) w_.WriteBinaryField(id, *v);
  }
  void OptionalBool(int16_t id, const std::optional<bool>& v) {
    if (v) w_.WriteBoolField(id, *v);
  }
  void EmptyStructField(int16_t id) {
    w_.WriteFieldHeader(ThriftType::kStruct, id);
    w_.WriteStructBegin();
    w_.WriteStructEnd();
  }
  void StructListHeader(int16_t id, size_t size) {
    w_.WriteFieldHeader(ThriftType::kList, id);
    w_.WriteListHeader(ThriftType::kStruct, static_cast<int32_t>(size));
  }

  void SchemaElementStruct(const SchemaElement& e);
  void LogicalTypeUnion(const LogicalType& lt);
  void RowGroupStruct(const RowGroup& rg);
  void ColumnChunkStruct(const ColumnChunk& cc);
  void ColumnMetaDataStruct(const ColumnMetaData& md);
  void StatisticsStruct(int16_t id, const Statistics& s);
  void KeyValueList(int16_t id, const std::vector<KeyValue>& kvs);

  ThriftCompactWriter w_;
};

void MetadataEncoder::FileMetaDataStruct(const FileMetaData& md) {
  w_.WriteStructBegin();
  w_.WriteI32Field(1, md.version);
  StructListHeader(2, md.schema.size());
  for (const SchemaElement& e : md.schema) SchemaElementStruct(e);
  w_.WriteI64Field(3, md.num_rows);
  StructListHeader(4, md.row_groups.size());
  for (const RowGroup& rg : md.row_groups) RowGroupStruct(rg);
  if (!md.key_value_metadata.empty()) KeyValueList(5, md.key_value_metadata);
  OptionalString(6, md.created_by);
  if (!md.column_orders.empty()) {
    StructListHeader(7, md.column_orders.size());
    for (ColumnOrder order : md.column_orders) {
      w_.WriteStructBegin();
      if (order != ColumnOrder::kUndefined) EmptyStructField(static_cast<int16_t>(order));
      w_.WriteStructEnd();
    }
  }
  w_.WriteStructEnd();
}

void MetadataEncoder::SchemaElementStruct(const SchemaElement& e) {
  w_.WriteStructBegin();
  OptionalI32(1, e.type);
  OptionalI32(2, e.type_length);
  OptionalI32(3, e.repetition_type);
  w_.WriteBinaryField(4, e.name);
  OptionalI32(5, e.num_children);
  OptionalI32(6, e.converted_type);
  OptionalI32(7, e.scale);
  OptionalI32(8, e.precision);
  OptionalI32(9, e.field_id);
  if (e.logical_type.kind != LogicalTypeKind::kNone) {
    w_.WriteFieldHeader(ThriftType::kStruct, 10);
    LogicalTypeUnion(e.logical_type);
  }
  w_.WriteStructEnd();
}

void MetadataEncoder::LogicalTypeUnion(const LogicalType& lt) {
  w_.WriteStructBegin();
  auto kind_id = static_cast<int16_t>(lt.kind);
  switch (lt.kind) {
    case LogicalTypeKind::kDecimal:
      w_.WriteFieldHeader(ThriftType::kStruct, kind_id);
      w_.WriteStructBegin();
      w_.WriteI32Field(1, lt.scale);
      w_.WriteI32Field(2, lt.precision);
      w_.WriteStructEnd();
      break;
    case LogicalTypeKind::kTime:
    case LogicalTypeKind::kTimestamp:
      w_.WriteFieldHeader(ThriftType::kStruct, kind_id);
      w_.WriteStructBegin();
      w_.WriteBoolField(1, lt.is_adjusted_to_utc);
      w_.WriteFieldHeader(ThriftType::kStruct, 2);
      w_.WriteStructBegin();
      EmptyStructField(static_cast<int16_t>(lt.unit));
      w_.WriteStructEnd();
      w_.WriteStructEnd();
      break;
    case LogicalTypeKind::kInteger:
      w_.WriteFieldHeader(ThriftType::kStruct, kind_id);
      w_.WriteStructBegin();
      w_.WriteI8Field(1, lt.bit_width);
      w_.WriteBoolField(2, lt.is_signed);
      w_.WriteStructEnd();
      break;
    default:
      EmptyStructField(kind_id);
      break;
  }
  w_.WriteStructEnd();
}

void MetadataEncoder::RowGroupStruct(const RowGroup& rg) {
  w_.WriteStructBegin();
  StructListHeader(1, rg.columns.size());
  for (const ColumnChunk& cc : rg.columns) ColumnChunkStruct(cc);
  w_.WriteI64Field(2, rg.total_byte_size);
  w_.WriteI64Field(3, rg.num_rows);
  if (!rg.sorting_columns.empty()) {
    StructListHeader(4, rg.sorting_columns.size());
    for (const SortingColumn& sc : rg.sorting_columns) {
      w_.WriteStructBegin();
      w_.WriteI32Field(1, sc.column_idx);
      w_.WriteBoolField(2, sc.descending);
      w_.WriteBoolField(3, sc.nulls_first);
      w_.WriteStructEnd();
    }
  }
  OptionalI64(5, rg.file_offset);
  OptionalI64(6, rg.total_compressed_size);
  if (rg.ordinal) w_.WriteI16Field(7, *rg.ordinal);
  w_.WriteStructEnd();
}

void MetadataEncoder::ColumnChunkStruct(const ColumnChunk& cc) {
  w_.WriteStructBegin();
  OptionalString(1, cc.file_path);
  w_.WriteI64Field(2, cc.file_offset);
  if (cc.meta_data) {
    w_.WriteFieldHeader(ThriftType::kStruct, 3);
    ColumnMetaDataStruct(*cc.meta_data);
  }
  OptionalI64(4, cc.offset_index_offset);
  OptionalI32(5, cc.offset_index_length);
  OptionalI64(6, cc.column_index_offset);
  OptionalI32(7, cc.column_index_length);
  w_.WriteStructEnd();
}

void MetadataEncoder::ColumnMetaDataStruct(const ColumnMetaData& md) {
  w_.WriteStructBegin();
  EnumField(1, md.type);
  w_.WriteFieldHeader(ThriftType::kList, 2);
  w_.WriteListHeader(ThriftType::kI32, static_cast<int32_t>(md.encodings.size()));
  for (Encoding e : md.encodings) w_.WriteI32(static_cast<int32_t>(e));
  w_.WriteFieldHeader(ThriftType::kList, 3);
  w_.WriteListHeader(ThriftType::kBinary, static_cast<int32_t>(md.path_in_schema.size()));
  for (const std::string& p : md.path_in_schema) w_.WriteBinary(p);
  EnumField(4, md.codec);
  w_.WriteI64Field(5, md.num_values);
  w_.WriteI64Field(6, md.total_uncompressed_size);
  w_.WriteI64Field(7, md.total_compressed_size);
  if (!md.key_value_metadata.empty()) KeyValueList(8, md.key_value_metadata);
  w_.WriteI64Field(9, md.data_page_offset);
  OptionalI64(10, md.index_page_offset);
  OptionalI64(11, md.dictionary_page_offset);
  if (md.statistics) StatisticsStruct(12, *md.statistics);
  if (!md.encoding_stats.empty()) {
    StructListHeader(13, md.encoding_stats.size());
    for (const PageEncodingStats& s : md.encoding_stats) {
      w_.WriteStructBegin();
      EnumField(1, s.page_type);
      EnumField(2, s.encoding);
      w_.WriteI32Field(3, s.count);
      w_.WriteStructEnd();
    }
  }
  OptionalI64(14, md.bloom_filter_offset);
  OptionalI32(15, md.bloom_filter_length);
  w_.WriteStructEnd();
}

void MetadataEncoder::StatisticsStruct(int16_t id, const Statistics& s) {
  w_.WriteFieldHeader(ThriftType::kStruct, id);
  w_.WriteStructBegin();
  OptionalString(1, s.max);
  OptionalString(2, s.min);
  OptionalI64(3, s.null_count);
  OptionalI64(4, s.distinct_count);
  OptionalString(5, s.max_value);
  OptionalString(6, s.min_value);
  OptionalBool(7, s.is_max_value_exact);
  OptionalBool(8, s.is_min_value_exact);
  OptionalI64(9, s.nan_count);
  w_.WriteStructEnd();
}

void MetadataEncoder::KeyValueList(int16_t id, const std::vector<KeyValue>& kvs) {
  StructListHeader(id, kvs.size());
  for (const KeyValue& kv : kvs) {
    w_.WriteStructBegin();
    w_.WriteBinaryField(1, kv.key);
    OptionalString(2, kv.value);
    w_.WriteStructEnd();
  }
}

void MetadataEncoder::PageHeaderStruct(const PageHeader& h) {
  w_.WriteStructBegin();
  EnumField(1, h.type);
  w_.WriteI32Field(2, h.uncompressed_page_size);
  w_.WriteI32Field(3, h.compressed_page_size);
  OptionalI32(4, h.crc);
  if (h.data_page_header) {
    const DataPageHeader& d = *h.data_page_header;
    w_.WriteFieldHeader(ThriftType::kStruct, 5);
    w_.WriteStructBegin();
    w_.WriteI32Field(1, d.num_values);
    EnumField(2, d.encoding);
    EnumField(3, d.definition_level_encoding);
    EnumField(4, d.repetition_level_encoding);
    if (d.statistics) StatisticsStruct(5, *d.statistics);
    w_.WriteStructEnd();
  }
  if (h.dictionary_page_header) {
    const DictionaryPageHeader& d = *h.dictionary_page_header;
    w_.WriteFieldHeader(ThriftType::kStruct, 7);
    w_.WriteStructBegin();
    w_.WriteI32Field(1, d.num_values);
    EnumField(2, d.encoding);
    OptionalBool(3, d.is_sorted);
    w_.WriteStructEnd();
  }
  if (h.data_page_header_v2) {
    const DataPageHeaderV2& d = *h.data_page_header_v2;
    w_.WriteFieldHeader(ThriftType::kStruct, 8);
    w_.WriteStructBegin();
    w_.WriteI32Field(1, d.num_values);
    w_.WriteI32Field(2, d.num_nulls);
    w_.WriteI32Field(3, d.num_rows);
    EnumField(4, d.encoding);
    w_.WriteI32Field(5, d.definition_levels_byte_length);
    w_.WriteI32Field(6, d.repetition_levels_byte_length);
    w_.WriteBoolField(7, d.is_compressed);
    if (d.statistics) StatisticsStruct(8, *d.statistics);
    w_.WriteStructEnd();
  }
  w_.WriteStructEnd();
}

}  // namespace

std::string EncodeFileMetaData(const FileMetaData& metadata) {
  std::string out;
  MetadataEncoder(&out).FileMetaDataStruct(metadata);
  return out;
}

std::string EncodePageHeader(const PageHeader& header) {
  std::string out;
  MetadataEncoder(&out).PageHeaderStruct(header);
  return out;
}

}  // namespace bundlebase::parquet
