// SchemaInference: the reader's first pass. It walks records with simdjson On-Demand and records
// in a RecordShape which columns exist and which kinds of value each holds.
//
// Every value is visited (so a conflicting type on the last line is seen), but nothing is
// materialized: strings are not unescaped, and integers are parsed only when they are long
// enough to leave the int64 range. Whatever is not checked here (escapes, number syntax) is
// checked when the second pass stores the value, which every value goes through.
#pragma once

#include <string>

#include "formats/json/record_shape.h"
#include "formats/json/walk_context.h"

namespace bundlebase::json {

class SchemaInference {
 public:
  // `flatten`: spread nested objects of records into "<parent><sep><child>" columns.
  SchemaInference(RecordShape* shape, bool flatten, std::string sep)
      : shape_(shape), flatten_(flatten), sep_(std::move(sep)) {}

  // Adds one record (an object at nesting level 1) to the shape.
  Status AddRecord(od::object& record, WalkContext& ctx);

 private:
  Status AddMembers(od::object& object, FlattenScope& scope, uint64_t stamp, size_t depth,
                    WalkContext& ctx);
  Status AddValue(od::value& value, InferredType& type, size_t depth, WalkContext& ctx);
  Status AddObject(od::object& object, InferredType& type, size_t depth, WalkContext& ctx);
  Status AddNumber(od::value& value, InferredType& type, WalkContext& ctx);
  int ColumnOf(FlattenScope& scope, int key);

  RecordShape* shape_;
  bool flatten_;
  std::string sep_;
};

}  // namespace bundlebase::json
