// Column bookkeeping, merging and the final schema of RecordShape.
#include "formats/json/record_shape.h"

#include <cstddef>

namespace bundlebase::json {

int RecordShape::ColumnNamed(std::string_view name) {
  int i = names_.Find(name, kNoPosition);
  if (i >= 0) return i;
  i = names_.Add(name, kNoPosition);
  columns_.push_back(std::make_unique<Column>());
  columns_.back()->name = std::string(name);
  return i;
}

int RecordShape::Merge(const RecordShape& other) {
  int added = 0;
  for (const auto& theirs : other.columns_) {
    int before = num_columns();
    Column& mine = column(ColumnNamed(theirs->name));
    added += num_columns() - before;
    added += mine.type.Merge(theirs->type);
  }
  for (const std::string& name : other.object_names_.names()) AddObjectName(name);
  return added;
}

std::vector<int> RecordShape::OutputColumns() const {
  std::vector<int> out;
  for (int i = 0; i < num_columns(); ++i) {
    const Column& c = column(i);
    bool only_nulls = (c.type.kinds() & ~InferredType::kNull) == 0;
    if (only_nulls && object_names_.Contains(c.name)) continue;
    out.push_back(i);
  }
  return out;
}

SchemaPtr RecordShape::ToSchema() const {
  std::vector<Field> fields;
  for (int i : OutputColumns()) fields.emplace_back(column(i).name, column(i).type.ToDataType());
  return MakeSchema(std::move(fields));
}

}  // namespace bundlebase::json
