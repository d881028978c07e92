// RecordWriter: the reader's second pass at the level of records — it appends each record's
// members to the builders of the schema's columns and finishes them into a RecordBatch.
//
// It resolves keys to columns the way the first pass named them (flattening nested objects
// into "<parent><sep><child>" when asked), keeps the first value of a key repeated in one
// record, and appends NULL to every column a record lacks.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/json/flatten_scope.h"
#include "formats/json/value_writer.h"

namespace bundlebase::json {

class RecordWriter {
 public:
  // The schema comes from the first pass (RecordShape::ToSchema()).
  static Result<std::unique_ptr<RecordWriter>> Make(SchemaPtr schema, bool flatten,
                                                    std::string sep);

  Status AddRecord(od::object record, WalkContext& ctx);
  int64_t num_rows() const { return num_rows_; }
  // The records added so far as one batch; the writer starts over empty.
  Result<RecordBatchPtr> Finish();

 private:
  RecordWriter(SchemaPtr schema, bool flatten, std::string sep)
      : schema_(std::move(schema)), flatten_(flatten), sep_(std::move(sep)) {}
  Status AddMembers(od::object object, FlattenScope& scope, uint64_t stamp, size_t depth,
                    WalkContext& ctx);
  int ColumnOf(FlattenScope& scope, int key);

  SchemaPtr schema_;
  bool flatten_;
  std::string sep_;
  std::vector<std::unique_ptr<ArrayBuilder>> builders_;
  std::vector<std::unique_ptr<ValueWriter>> writers_;
  KeyIndex names_;
  FlattenScope root_;
  SeenFields seen_;
  int64_t num_rows_ = 0;
};

}  // namespace bundlebase::json
