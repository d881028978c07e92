// Matching a file's columns to its table by name, and conforming its batches to the table.
#include "sql/catalog/file_column_mapping.h"

#include <algorithm>

#include "base/strings.h"
#include "columnar/cast.h"

namespace bundlebase::sql {
namespace {

int IntegerRank(TypeId id) {
  switch (id) {
    case TypeId::kInt8:
    case TypeId::kUInt8:
      return 1;
    case TypeId::kInt16:
    case TypeId::kUInt16:
      return 2;
    case TypeId::kInt32:
    case TypeId::kUInt32:
      return 3;
    case TypeId::kInt64:
    case TypeId::kUInt64:
      return 4;
    default:
      return 0;
  }
}

int FindColumn(const Schema& schema, std::string_view name) {
  int exact = schema.FieldIndex(name);
  if (exact >= 0) return exact;
  for (int i = 0; i < schema.num_fields(); ++i) {
    if (EqualsIgnoreCase(schema.field(i).name, name)) return i;
  }
  return -1;
}

}  // namespace

bool IsSafeWidening(const DataType& from, const DataType& to) {
  if (from.Equals(to)) return true;
  if (from.id() == TypeId::kNull) return true;
  if (from.is_integer() && to.is_integer()) {
    int from_rank = IntegerRank(from.id());
    int to_rank = IntegerRank(to.id());
    if (from.is_signed_integer() == to.is_signed_integer()) return to_rank >= from_rank;
    // Unsigned fits a strictly larger signed type; signed never fits unsigned.
    return from.is_unsigned_integer() && to_rank > from_rank;
  }
  if (from.id() == TypeId::kFloat32 && to.id() == TypeId::kFloat64) return true;
  if (from.id() == TypeId::kDecimal128 && to.id() == TypeId::kDecimal128) {
    return to.scale() >= from.scale() &&
           to.precision() - to.scale() >= from.precision() - from.scale();
  }
  if (from.id() == TypeId::kTimestamp && to.id() == TypeId::kTimestamp) {
    return from.timezone().empty() == to.timezone().empty();
  }
  if (from.id() == TypeId::kTime64 && to.id() == TypeId::kTime64) return true;
  return false;
}

bool IsAllowedWidening(const DataType& from, const DataType& to, WideningRules rules) {
  if (IsSafeWidening(from, to)) return true;
  if (rules != WideningRules::kJson) return false;
  if (from.is_integer() && to.id() == TypeId::kFloat64) return true;
  return to.id() == TypeId::kUtf8 &&
         (from.is_integer() || from.is_floating() || from.id() == TypeId::kBool);
}

Result<FileColumnMapping> MapFileColumns(const Schema& table_schema, const std::string& table_file,
                                         const Schema& file_schema, const std::string& file,
                                         WideningRules rules) {
  FileColumnMapping mapping;
  mapping.file_columns.resize(table_schema.num_fields(), -1);
  mapping.needs_cast.resize(table_schema.num_fields(), false);
  for (int i = 0; i < table_schema.num_fields(); ++i) {
    const Field& field = table_schema.field(i);
    int found = FindColumn(file_schema, field.name);
    if (found < 0) continue;
    const DataType& file_type = *file_schema.field(found).type;
    if (!IsAllowedWidening(file_type, *field.type, rules)) {
      return Status::TypeError(
          "column \"{}\" is {} in \"{}\" but {} in \"{}\", which cannot be converted safely; "
          "read the files separately or convert one of them",
          field.name, field.type->ToString(), table_file, file_type.ToString(), file);
    }
    mapping.file_columns[i] = found;
    mapping.needs_cast[i] = !file_type.Equals(*field.type);
  }
  return mapping;
}

Result<RecordBatchPtr> ConformFileBatch(const RecordBatch& file_batch,
                                        const std::vector<int>& file_batch_columns,
                                        const FileColumnMapping& mapping,
                                        const std::vector<int>& requested,
                                        const SchemaPtr& output_schema, const std::string& file) {
  std::vector<ArrayPtr> columns;
  columns.reserve(requested.size());
  for (size_t k = 0; k < requested.size(); ++k) {
    const int table_column = requested[k];
    const DataTypePtr& type = output_schema->field(static_cast<int>(k)).type;
    const int file_column = mapping.file_columns[table_column];
    if (file_column < 0) {
      BB_ASSIGN_OR_RAISE(auto nulls, MakeNullArray(type, file_batch.num_rows()));
      columns.push_back(std::move(nulls));
      continue;
    }
    auto at = std::find(file_batch_columns.begin(), file_batch_columns.end(), file_column);
    if (at == file_batch_columns.end()) {
      return Status::Internal("column {} of \"{}\" was not read", file_column, file);
    }
    ArrayPtr array = file_batch.column(static_cast<int>(at - file_batch_columns.begin()));
    if (mapping.needs_cast[table_column]) {
      auto cast = Cast(array, type);
      if (!cast.ok()) {
        return cast.status().WithContextF("\"{}\", column \"{}\"", file,
                                          output_schema->field(static_cast<int>(k)).name);
      }
      array = std::move(*cast);
    }
    columns.push_back(std::move(array));
  }
  return std::make_shared<RecordBatch>(output_schema, file_batch.num_rows(), std::move(columns));
}

}  // namespace bundlebase::sql
