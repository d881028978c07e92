// Decoding of FileMetaData and PageHeader from Thrift compact bytes (the spec's field ids are
// the case labels). Every list is charged to a memory budget before it is allocated. Unknown
// fields are skipped, and so is a known field with the wrong wire type, as generated Thrift code
// does (parquet-mr once wrote a list where field 15 of ColumnMetaData now is an i32): it then
// counts as absent, so a required one still fails the required-field check.
#include <initializer_list>
#include <limits>
#include <utility>

#include "formats/parquet/metadata.h"

namespace bundlebase::parquet {
namespace {

class MetadataDecoder {
 public:
  MetadataDecoder(const uint8_t* data, size_t size, const ThriftLimits& thrift, int64_t budget)
      : reader_(data, size, thrift), budget_(budget), limit_(budget) {}

  size_t position() const { return reader_.position(); }

  Status FileMetaDataStruct(FileMetaData* md);
  Status PageHeaderStruct(PageHeader* h);

 private:
  // Reads a struct whose fields `on_field(type, id)` consumes; ids below 32 that it accepted
  // are returned in *seen for the required-field check.
  template <typename Fn>
  Status Struct(const char* name, ThriftType t, Fn&& on_field, uint32_t* seen) {
    if (t != ThriftType::kStruct) return SkipMismatched(t);
    const char* outer_name = struct_name_;
    bool* outer_skipped = skipped_;
    struct_name_ = name;
    BB_RETURN_NOT_OK(reader_.ReadStructBegin());
    while (true) {
      ThriftType ft;
      int16_t fid;
      BB_RETURN_NOT_OK(reader_.ReadFieldHeader(&ft, &fid));
      if (ft == ThriftType::kStop) break;
      // Nested structs point skipped_ at their own flag and restore it, so after on_field it
      // says whether this field was skipped for its wire type.
      bool skipped = false;
      skipped_ = &skipped;
      BB_RETURN_NOT_OK(on_field(ft, fid));
      if (!skipped && fid >= 0 && fid < 32) *seen |= 1u << fid;
    }
    BB_RETURN_NOT_OK(reader_.ReadStructEnd());
    struct_name_ = outer_name;
    skipped_ = outer_skipped;
    return Status::OK();
  }

  Status Require(uint32_t seen, const char* name,
                 std::initializer_list<std::pair<int, const char*>> fields) const {
    for (const auto& [id, field] : fields) {
      if ((seen & (1u << id)) == 0) {
        return Status::Invalid("malformed Parquet metadata: {} is missing required field '{}'",
                               name, field);
      }
    }
    return Status::OK();
  }

  // A known field whose wire type is not the spec's: skipped, and so treated as absent.
  Status SkipMismatched(ThriftType t) {
    if (skipped_ != nullptr) *skipped_ = true;
    return reader_.Skip(t);
  }

  static bool IsInteger(ThriftType t) { return t >= ThriftType::kI8 && t <= ThriftType::kI64; }
  static bool IsBool(ThriftType t) {
    return t == ThriftType::kBoolTrue || t == ThriftType::kBoolFalse;
  }
  // Whether list elements of wire type `actual` can be read as `expected`.
  static bool ElementsMatch(ThriftType actual, ThriftType expected) {
    if (IsInteger(expected)) return IsInteger(actual);
    if (IsBool(expected)) return IsBool(actual);
    return actual == expected;
  }

  Status Charge(int64_t bytes) {
    budget_ -= bytes;
    if (budget_ < 0) {
      return Status::Invalid(
          "Parquet metadata would take more than {} bytes of memory once decoded; the file is "
          "malformed or needs a higher metadata limit",
          limit_);
    }
    return Status::OK();
  }

  // Any integer wire type is accepted and range-checked against T.
  template <typename T>
  Status Int(ThriftType t, int16_t id, T* out) {
    int64_t v = 0;
    switch (t) {
      case ThriftType::kI8: {
        int8_t x;
        BB_RETURN_NOT_OK(reader_.ReadI8(&x));
        v = x;
        break;
      }
      case ThriftType::kI16:
      case ThriftType::kI32: {
        int32_t x;
        BB_RETURN_NOT_OK(reader_.ReadI32(&x));
        v = x;
        break;
      }
      case ThriftType::kI64:
        BB_RETURN_NOT_OK(reader_.ReadI64(&v));
        break;
      default:
        return SkipMismatched(t);
    }
    if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) {
      return Status::Invalid("malformed Parquet metadata: field {} of {} is out of range: {}", id,
                             struct_name_, v);
    }
    *out = static_cast<T>(v);
    return Status::OK();
  }
  template <typename T>
  Status Int(ThriftType t, int16_t id, std::optional<T>* out) {
    if (!IsInteger(t)) return SkipMismatched(t);
    T v{};
    BB_RETURN_NOT_OK(Int(t, id, &v));
    *out = v;
    return Status::OK();
  }
  template <typename E>
  Status Enum(ThriftType t, int16_t id, E* out) {
    if (!IsInteger(t)) return SkipMismatched(t);
    int32_t v = 0;
    BB_RETURN_NOT_OK(Int(t, id, &v));
    *out = static_cast<E>(v);
    return Status::OK();
  }
  template <typename E>
  Status Enum(ThriftType t, int16_t id, std::optional<E>* out) {
    if (!IsInteger(t)) return SkipMismatched(t);
    E v{};
    BB_RETURN_NOT_OK(Enum(t, id, &v));
    *out = v;
    return Status::OK();
  }
  Status Bool(ThriftType t, bool* out) {
    if (!IsBool(t)) return SkipMismatched(t);
    return reader_.ReadBool(out);
  }
  Status Bool(ThriftType t, std::optional<bool>* out) {
    if (!IsBool(t)) return SkipMismatched(t);
    bool v = false;
    BB_RETURN_NOT_OK(Bool(t, &v));
    *out = v;
    return Status::OK();
  }
  Status String(ThriftType t, std::string* out) {
    if (t != ThriftType::kBinary) return SkipMismatched(t);
    return reader_.ReadString(out);
  }
  Status String(ThriftType t, std::optional<std::string>* out) {
    if (t != ThriftType::kBinary) return SkipMismatched(t);
    std::string v;
    BB_RETURN_NOT_OK(String(t, &v));
    *out = std::move(v);
    return Status::OK();
  }
  // An optional struct field; left unset when its wire type is wrong.
  template <typename T, typename Fn>
  Status OptionalStruct(ThriftType t, std::optional<T>* field, Fn&& decode) {
    if (t != ThriftType::kStruct) return SkipMismatched(t);
    field->emplace();
    return decode(&**field);
  }

  // Reads a list of `expected` elements, each decoded by `element(type, T*)`. A list of other
  // elements is skipped whole.
  template <typename T, typename Fn>
  Status List(ThriftType t, ThriftType expected, std::vector<T>* out, Fn&& element) {
    if (t != ThriftType::kList && t != ThriftType::kSet) return SkipMismatched(t);
    ThriftType et;
    int32_t n;
    BB_RETURN_NOT_OK(reader_.ReadListHeader(&et, &n));
    // An empty list's element type is never used (hyparquet-writer leaves it 0).
    if (n == 0) {
      out->clear();
      return Status::OK();
    }
    if (!ElementsMatch(et, expected)) {
      if (skipped_ != nullptr) *skipped_ = true;
      for (int32_t i = 0; i < n; ++i) BB_RETURN_NOT_OK(reader_.Skip(et));
      return Status::OK();
    }
    BB_RETURN_NOT_OK(Charge(static_cast<int64_t>(n) * static_cast<int64_t>(sizeof(T))));
    out->clear();
    out->reserve(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) {
      out->emplace_back();
      BB_RETURN_NOT_OK(element(et, &out->back()));
    }
    return Status::OK();
  }

  Status SchemaElementStruct(ThriftType t, SchemaElement* e);
  Status LogicalTypeUnion(ThriftType t, LogicalType* lt);
  Status TimeUnitUnion(ThriftType t, LogicalTimeUnit* unit);
  Status RowGroupStruct(ThriftType t, RowGroup* rg);
  Status ColumnChunkStruct(ThriftType t, ColumnChunk* cc);
  Status ColumnMetaDataStruct(ThriftType t, ColumnMetaData* md);
  Status StatisticsStruct(ThriftType t, Statistics* s);
  Status KeyValueStruct(ThriftType t, KeyValue* kv);
  Status KeyValueList(ThriftType t, std::vector<KeyValue>* out);
  Status DataPageHeaderStruct(ThriftType t, DataPageHeader* h);
  Status DictionaryPageHeaderStruct(ThriftType t, DictionaryPageHeader* h);
  Status DataPageHeaderV2Struct(ThriftType t, DataPageHeaderV2* h);
  Status Skip(ThriftType t) { return reader_.Skip(t); }

  ThriftCompactReader reader_;
  int64_t budget_;
  int64_t limit_;
  const char* struct_name_ = "the top-level struct";
  // The flag of the field being decoded, set when it is skipped for its wire type.
  bool* skipped_ = nullptr;
};

Status MetadataDecoder::FileMetaDataStruct(FileMetaData* md) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("FileMetaData", ThriftType::kStruct,
      [&](ThriftType t, int16_t id) -> Status {
        switch (id) {
          case 1:
            return Int(t, id, &md->version);
          case 2:
            return List(t, ThriftType::kStruct, &md->schema, [&](ThriftType et, SchemaElement* e) {
              return SchemaElementStruct(et, e);
            });
          case 3:
            return Int(t, id, &md->num_rows);
          case 4:
            return List(t, ThriftType::kStruct, &md->row_groups,
                        [&](ThriftType et, RowGroup* rg) { return RowGroupStruct(et, rg); });
          case 5:
            return KeyValueList(t, &md->key_value_metadata);
          case 6:
            return String(t, &md->created_by);
          case 7:
            return List(t, ThriftType::kStruct, &md->column_orders,
                        [&](ThriftType et, ColumnOrder* order) {
              uint32_t ignored = 0;
              *order = ColumnOrder::kUndefined;
              return Struct("ColumnOrder", et,
                            [&](ThriftType ft, int16_t fid) -> Status {
                              *order = static_cast<ColumnOrder>(fid);
                              return Skip(ft);
                            },
                            &ignored);
            });
          case 8:
            md->encrypted = true;
            return Skip(t);
          default:
            return Skip(t);
        }
      },
      &seen));
  return Require(seen, "FileMetaData",
                 {{1, "version"}, {2, "schema"}, {3, "num_rows"}, {4, "row_groups"}});
}

Status MetadataDecoder::SchemaElementStruct(ThriftType t, SchemaElement* e) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("SchemaElement", t,
      [&](ThriftType ft, int16_t id) -> Status {
        switch (id) {
          case 1:
            return Enum(ft, id, &e->type);
          case 2:
            return Int(ft, id, &e->type_length);
          case 3:
            return Enum(ft, id, &e->repetition_type);
          case 4:
            return String(ft, &e->name);
          case 5:
            return Int(ft, id, &e->num_children);
          case 6:
            return Enum(ft, id, &e->converted_type);
          case 7:
            return Int(ft, id, &e->scale);
          case 8:
            return Int(ft, id, &e->precision);
          case 9:
            return Int(ft, id, &e->field_id);
          case 10:
            return LogicalTypeUnion(ft, &e->logical_type);
          default:
            return Skip(ft);
        }
      },
      &seen));
  return Require(seen, "SchemaElement", {{4, "name"}});
}

Status MetadataDecoder::TimeUnitUnion(ThriftType t, LogicalTimeUnit* unit) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("TimeUnit", t,
      [&](ThriftType ft, int16_t fid) -> Status {
        if (fid >= 1 && fid <= 3) *unit = static_cast<LogicalTimeUnit>(fid);
        return Skip(ft);
      },
      &seen));
  if ((seen & 0xE) == 0) {
    return Status::Invalid("malformed Parquet metadata: a TimeUnit names no known unit");
  }
  return Status::OK();
}

Status MetadataDecoder::LogicalTypeUnion(ThriftType t, LogicalType* lt) {
  *lt = LogicalType();
  uint32_t seen = 0;
  return Struct("LogicalType", t,
      [&](ThriftType ft, int16_t kind) -> Status {
        // A union holds one member; should a writer send several, the last one wins whole.
        *lt = LogicalType();
        lt->kind = static_cast<LogicalTypeKind>(kind);
        uint32_t member_seen = 0;
        switch (static_cast<LogicalTypeKind>(kind)) {
          case LogicalTypeKind::kDecimal:
            BB_RETURN_NOT_OK(Struct("DecimalType", ft,
                [&](ThriftType mt, int16_t mid) -> Status {
                  if (mid == 1) return Int(mt, mid, &lt->scale);
                  if (mid == 2) return Int(mt, mid, &lt->precision);
                  return Skip(mt);
                },
                &member_seen));
            return Require(member_seen, "DecimalType", {{1, "scale"}, {2, "precision"}});
          case LogicalTypeKind::kTime:
          case LogicalTypeKind::kTimestamp: {
            const char* name = kind == 7 ? "TimeType" : "TimestampType";
            BB_RETURN_NOT_OK(Struct(name, ft,
                [&](ThriftType mt, int16_t mid) -> Status {
                  if (mid == 1) return Bool(mt, &lt->is_adjusted_to_utc);
                  if (mid == 2) return TimeUnitUnion(mt, &lt->unit);
                  return Skip(mt);
                },
                &member_seen));
            return Require(member_seen, name, {{1, "isAdjustedToUTC"}, {2, "unit"}});
          }
          case LogicalTypeKind::kInteger:
            BB_RETURN_NOT_OK(Struct("IntType", ft,
                [&](ThriftType mt, int16_t mid) -> Status {
                  if (mid == 1) return Int(mt, mid, &lt->bit_width);
                  if (mid == 2) return Bool(mt, &lt->is_signed);
                  return Skip(mt);
                },
                &member_seen));
            return Require(member_seen, "IntType", {{1, "bitWidth"}, {2, "isSigned"}});
          default:
            // Members without parameters we need, and members newer than this code.
            return Skip(ft);
        }
      },
      &seen);
}

Status MetadataDecoder::RowGroupStruct(ThriftType t, RowGroup* rg) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("RowGroup", t,
      [&](ThriftType ft, int16_t id) -> Status {
        switch (id) {
          case 1:
            return List(ft, ThriftType::kStruct, &rg->columns,
                        [&](ThriftType et, ColumnChunk* cc) { return ColumnChunkStruct(et, cc); });
          case 2:
            return Int(ft, id, &rg->total_byte_size);
          case 3:
            return Int(ft, id, &rg->num_rows);
          case 4:
            return List(ft, ThriftType::kStruct, &rg->sorting_columns,
                        [&](ThriftType et, SortingColumn* sc) {
              uint32_t sc_seen = 0;
              BB_RETURN_NOT_OK(Struct("SortingColumn", et,
                  [&](ThriftType mt, int16_t mid) -> Status {
                    if (mid == 1) return Int(mt, mid, &sc->column_idx);
                    if (mid == 2) return Bool(mt, &sc->descending);
                    if (mid == 3) return Bool(mt, &sc->nulls_first);
                    return Skip(mt);
                  },
                  &sc_seen));
              return Require(sc_seen, "SortingColumn",
                             {{1, "column_idx"}, {2, "descending"}, {3, "nulls_first"}});
            });
          case 5:
            return Int(ft, id, &rg->file_offset);
          case 6:
            return Int(ft, id, &rg->total_compressed_size);
          case 7:
            return Int(ft, id, &rg->ordinal);
          default:
            return Skip(ft);
        }
      },
      &seen));
  return Require(seen, "RowGroup", {{1, "columns"}, {2, "total_byte_size"}, {3, "num_rows"}});
}

Status MetadataDecoder::ColumnChunkStruct(ThriftType t, ColumnChunk* cc) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("ColumnChunk", t,
      [&](ThriftType ft, int16_t id) -> Status {
        switch (id) {
          case 1:
            return String(ft, &cc->file_path);
          case 2:
            return Int(ft, id, &cc->file_offset);
          case 3:
            return OptionalStruct(ft, &cc->meta_data,
                                  [&](auto* v) { return ColumnMetaDataStruct(ft, v); });
          case 4:
            return Int(ft, id, &cc->offset_index_offset);
          case 5:
            return Int(ft, id, &cc->offset_index_length);
          case 6:
            return Int(ft, id, &cc->column_index_offset);
          case 7:
            return Int(ft, id, &cc->column_index_length);
          case 8:
          case 9:
            cc->encrypted = true;
            return Skip(ft);
          default:
            return Skip(ft);
        }
      },
      &seen));
  // file_offset is required by the spec, but some writers omit it; 0 is its declared default.
  return Status::OK();
}

Status MetadataDecoder::ColumnMetaDataStruct(ThriftType t, ColumnMetaData* md) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("ColumnMetaData", t,
      [&](ThriftType ft, int16_t fid) -> Status {
        switch (fid) {
          case 1:
            return Enum(ft, fid, &md->type);
          case 2:
            return List(ft, ThriftType::kI32, &md->encodings,
                        [&](ThriftType et, Encoding* e) { return Enum(et, fid, e); });
          case 3:
            return List(ft, ThriftType::kBinary, &md->path_in_schema,
                        [&](ThriftType et, std::string* s) { return String(et, s); });
          case 4:
            return Enum(ft, fid, &md->codec);
          case 5:
            return Int(ft, fid, &md->num_values);
          case 6:
            return Int(ft, fid, &md->total_uncompressed_size);
          case 7:
            return Int(ft, fid, &md->total_compressed_size);
          case 8:
            return KeyValueList(ft, &md->key_value_metadata);
          case 9:
            return Int(ft, fid, &md->data_page_offset);
          case 10:
            return Int(ft, fid, &md->index_page_offset);
          case 11:
            return Int(ft, fid, &md->dictionary_page_offset);
          case 12:
            return OptionalStruct(ft, &md->statistics,
                                  [&](auto* v) { return StatisticsStruct(ft, v); });
          case 13:
            return List(ft, ThriftType::kStruct, &md->encoding_stats,
                        [&](ThriftType et, PageEncodingStats* s) {
              uint32_t s_seen = 0;
              BB_RETURN_NOT_OK(Struct("PageEncodingStats", et,
                  [&](ThriftType mt, int16_t mid) -> Status {
                    if (mid == 1) return Enum(mt, mid, &s->page_type);
                    if (mid == 2) return Enum(mt, mid, &s->encoding);
                    if (mid == 3) return Int(mt, mid, &s->count);
                    return Skip(mt);
                  },
                  &s_seen));
              return Require(s_seen, "PageEncodingStats",
                             {{1, "page_type"}, {2, "encoding"}, {3, "count"}});
            });
          case 14:
            return Int(ft, fid, &md->bloom_filter_offset);
          case 15:
            return Int(ft, fid, &md->bloom_filter_length);
          default:
            return Skip(ft);
        }
      },
      &seen));
  return Require(seen, "ColumnMetaData",
                 {{1, "type"},
                  {2, "encodings"},
                  {3, "path_in_schema"},
                  {4, "codec"},
                  {5, "num_values"},
                  {6, "total_uncompressed_size"},
                  {7, "total_compressed_size"},
                  {9, "data_page_offset"}});
}

Status MetadataDecoder::StatisticsStruct(ThriftType t, Statistics* s) {
  uint32_t seen = 0;
  return Struct("Statistics", t,
      [&](ThriftType ft, int16_t fid) -> Status {
        switch (fid) {
          case 1:
            return String(ft, &s->max);
          case 2:
            return String(ft, &s->min);
          case 3:
            return Int(ft, fid, &s->null_count);
          case 4:
            return Int(ft, fid, &s->distinct_count);
          case 5:
            return String(ft, &s->max_value);
          case 6:
            return String(ft, &s->min_value);
          case 7:
            return Bool(ft, &s->is_max_value_exact);
          case 8:
            return Bool(ft, &s->is_min_value_exact);
          case 9:
            return Int(ft, fid, &s->nan_count);
          default:
            return Skip(ft);
        }
      },
      &seen);
}

Status MetadataDecoder::KeyValueStruct(ThriftType t, KeyValue* kv) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("KeyValue", t,
      [&](ThriftType ft, int16_t id) -> Status {
        if (id == 1) return String(ft, &kv->key);
        if (id == 2) return String(ft, &kv->value);
        return Skip(ft);
      },
      &seen));
  return Require(seen, "KeyValue", {{1, "key"}});
}

Status MetadataDecoder::KeyValueList(ThriftType t, std::vector<KeyValue>* out) {
  return List(t, ThriftType::kStruct, out,
              [&](ThriftType et, KeyValue* kv) { return KeyValueStruct(et, kv); });
}

Status MetadataDecoder::PageHeaderStruct(PageHeader* h) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("PageHeader", ThriftType::kStruct,
      [&](ThriftType t, int16_t id) -> Status {
        switch (id) {
          case 1:
            return Enum(t, id, &h->type);
          case 2:
            return Int(t, id, &h->uncompressed_page_size);
          case 3:
            return Int(t, id, &h->compressed_page_size);
          case 4:
            return Int(t, id, &h->crc);
          case 5:
            return OptionalStruct(t, &h->data_page_header,
                                  [&](auto* v) { return DataPageHeaderStruct(t, v); });
          case 7:
            return OptionalStruct(t, &h->dictionary_page_header,
                                  [&](auto* v) { return DictionaryPageHeaderStruct(t, v); });
          case 8:
            return OptionalStruct(t, &h->data_page_header_v2,
                                  [&](auto* v) { return DataPageHeaderV2Struct(t, v); });
          default:
            return Skip(t);
        }
      },
      &seen));
  return Require(seen, "PageHeader",
                 {{1, "type"}, {2, "uncompressed_page_size"}, {3, "compressed_page_size"}});
}

Status MetadataDecoder::DataPageHeaderStruct(ThriftType t, DataPageHeader* h) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("DataPageHeader", t,
      [&](ThriftType ft, int16_t fid) -> Status {
        switch (fid) {
          case 1:
            return Int(ft, fid, &h->num_values);
          case 2:
            return Enum(ft, fid, &h->encoding);
          case 3:
            return Enum(ft, fid, &h->definition_level_encoding);
          case 4:
            return Enum(ft, fid, &h->repetition_level_encoding);
          case 5:
            return OptionalStruct(ft, &h->statistics,
                                  [&](auto* v) { return StatisticsStruct(ft, v); });
          default:
            return Skip(ft);
        }
      },
      &seen));
  return Require(seen, "DataPageHeader",
                 {{1, "num_values"},
                  {2, "encoding"},
                  {3, "definition_level_encoding"},
                  {4, "repetition_level_encoding"}});
}

Status MetadataDecoder::DictionaryPageHeaderStruct(ThriftType t, DictionaryPageHeader* h) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("DictionaryPageHeader", t,
      [&](ThriftType ft, int16_t fid) -> Status {
        if (fid == 1) return Int(ft, fid, &h->num_values);
        if (fid == 2) return Enum(ft, fid, &h->encoding);
        if (fid == 3) return Bool(ft, &h->is_sorted);
        return Skip(ft);
      },
      &seen));
  return Require(seen, "DictionaryPageHeader", {{1, "num_values"}, {2, "encoding"}});
}

Status MetadataDecoder::DataPageHeaderV2Struct(ThriftType t, DataPageHeaderV2* h) {
  uint32_t seen = 0;
  BB_RETURN_NOT_OK(Struct("DataPageHeaderV2", t,
      [&](ThriftType ft, int16_t fid) -> Status {
        switch (fid) {
          case 1:
            return Int(ft, fid, &h->num_values);
          case 2:
            return Int(ft, fid, &h->num_nulls);
          case 3:
            return Int(ft, fid, &h->num_rows);
          case 4:
            return Enum(ft, fid, &h->encoding);
          case 5:
            return Int(ft, fid, &h->definition_levels_byte_length);
          case 6:
            return Int(ft, fid, &h->repetition_levels_byte_length);
          case 7:
            return Bool(ft, &h->is_compressed);
          case 8:
            return OptionalStruct(ft, &h->statistics,
                                  [&](auto* v) { return StatisticsStruct(ft, v); });
          default:
            return Skip(ft);
        }
      },
      &seen));
  return Require(seen, "DataPageHeaderV2",
                 {{1, "num_values"},
                  {2, "num_nulls"},
                  {3, "num_rows"},
                  {4, "encoding"},
                  {5, "definition_levels_byte_length"},
                  {6, "repetition_levels_byte_length"}});
}

}  // namespace

Result<FileMetaData> DecodeFileMetaData(const uint8_t* data, size_t size,
                                        const MetadataLimits& limits) {
  MetadataDecoder decoder(data, size, limits.thrift, limits.max_decoded_bytes);
  FileMetaData md;
  BB_RETURN_NOT_OK(decoder.FileMetaDataStruct(&md));
  BB_RETURN_NOT_OK(ValidateFileMetaData(md));
  return md;
}

Result<PageHeader> DecodePageHeader(const uint8_t* data, size_t avail, size_t* header_len,
                                    const ThriftLimits& limits) {
  // A page header holds no lists, so the memory budget is moot; its statistics are bounded by
  // the string limit.
  MetadataDecoder decoder(data, avail, limits, std::numeric_limits<int64_t>::max());
  PageHeader header;
  BB_RETURN_NOT_OK(decoder.PageHeaderStruct(&header));
  BB_RETURN_NOT_OK(ValidatePageHeader(header));
  *header_len = decoder.position();
  return header;
}

}  // namespace bundlebase::parquet
