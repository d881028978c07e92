// Widening casts from a sample's column types to the final ones.
#include "formats/json/batch_conform.h"

#include <utility>
#include <vector>

#include "columnar/cast.h"

namespace bundlebase::json {

namespace {

// Whether every value of type `from` keeps its meaning as a value of type `to`.
bool Widens(const DataType& from, const DataType& to) {
  if (from.Equals(to)) return true;
  if (from.id() == TypeId::kInt64 && to.id() == TypeId::kFloat64) return true;
  if (from.id() == TypeId::kList && to.id() == TypeId::kList) {
    return Widens(*from.value_type(), *to.value_type());
  }
  if (from.id() == TypeId::kStruct && to.id() == TypeId::kStruct) {
    for (const Field& field : from.fields()) {
      const Field* target = nullptr;
      for (const Field& candidate : to.fields()) {
        if (candidate.name == field.name) target = &candidate;
      }
      if (target == nullptr || !Widens(*field.type, *target->type)) return false;
    }
    return true;
  }
  return false;
}

}  // namespace

Result<RecordBatchPtr> ConformBatch(const RecordBatchPtr& batch, const SchemaPtr& schema) {
  if (batch->schema()->Equals(*schema)) return batch;
  std::vector<ArrayPtr> columns;
  columns.reserve(schema->num_fields());
  for (const Field& field : schema->fields()) {
    ArrayPtr column = batch->GetColumnByName(field.name);
    if (!column || column->null_count() == column->length()) {
      BB_ASSIGN_OR_RAISE(column, MakeNullArray(field.type, batch->num_rows()));
    } else if (!column->type()->Equals(*field.type)) {
      if (!Widens(*column->type(), *field.type)) return RecordBatchPtr();
      BB_ASSIGN_OR_RAISE(column, Cast(column, field.type));
    }
    columns.push_back(std::move(column));
  }
  return RecordBatch::Make(schema, std::move(columns));
}

}  // namespace bundlebase::json
