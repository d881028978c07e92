// RecordShape: the columns the first pass found in a run of records, in first-seen order.
//
// Each column carries the InferredType of its values. Without flattening the columns are the
// records' own keys and nested objects become struct types inside them; with flattening, nested
// objects are spread into "<parent><sep><child>" columns and a key that held an object in some
// records keeps a column of its own only if it also held other non-null values (json_normalize
// does the same). Shapes of consecutive blocks merge in file order, which keeps the order of
// columns exactly as one sequential pass would see it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/schema.h"
#include "formats/json/flatten_scope.h"
#include "formats/json/inferred_type.h"

namespace bundlebase::json {

class RecordShape {
 public:
  struct Column {
    std::string name;
    InferredType type;
  };

  RecordShape() = default;
  RecordShape(const RecordShape&) = delete;
  RecordShape& operator=(const RecordShape&) = delete;

  FlattenScope& root() { return root_; }

  // The column named `name`, appended when new.
  int ColumnNamed(std::string_view name);
  int num_columns() const { return static_cast<int>(columns_.size()); }
  Column& column(int i) { return *columns_[i]; }
  const Column& column(int i) const { return *columns_[i]; }
  // First-wins bookkeeping for the record being read (see SeenFields).
  SeenFields& seen() { return seen_; }
  // Notes that some record had an object under the flattened name `name` (spread into other
  // columns): if its other values are all null, it gets no column of its own.
  const KeyIndex& object_names() const { return object_names_; }
  void AddObjectName(std::string_view name) {
    if (!object_names_.Contains(name)) object_names_.Add(name, kNoPosition);
  }

  // Adds the columns and types of `other`, a shape of records that follow these. Returns the
  // number of columns and struct fields that were new.
  int Merge(const RecordShape& other);

  // The indexes of the columns that make the schema, in order.
  std::vector<int> OutputColumns() const;
  SchemaPtr ToSchema() const;

 private:
  static constexpr size_t kNoPosition = static_cast<size_t>(-1);

  FlattenScope root_;
  KeyIndex names_;
  KeyIndex object_names_;
  std::vector<std::unique_ptr<Column>> columns_;
  SeenFields seen_;
};

}  // namespace bundlebase::json
