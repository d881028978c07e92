// RecordWriter: the reader's second pass at the level of records — it appends each record's
// members to the builders of the schema's columns and finishes them into a RecordBatch.
//
// It resolves keys to columns the way the first pass named them (flattening nested objects
// into "<parent><sep><child>" when asked), keeps the first value of a key repeated in one
// record, and appends NULL to every column a record lacks. A key the shape does not have is a
// WalkContext::Mismatch, like a value that does not fit its column (value_writer.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/json/flatten_scope.h"
#include "formats/json/record_shape.h"
#include "formats/json/value_writer.h"

namespace bundlebase::json {

class RecordWriter {
 public:
  // Writes the columns of `shape` (RecordShape::ToSchema()); `shape` must outlive the writer.
  static Result<std::unique_ptr<RecordWriter>> Make(const RecordShape& shape, bool flatten,
                                                    std::string sep);

  // Sizes the builders for about `scale` times the rows and bytes of `sample`, a batch of
  // similar records, so they do not grow (and copy) step by step. Columns whose type differs
  // from the sample's are left alone.
  Status ReserveLike(const RecordBatch& sample, double scale);

  Status AddRecord(od::object& record, WalkContext& ctx);
  int64_t num_rows() const { return num_rows_; }
  // The records added so far as one batch; the writer starts over empty.
  Result<RecordBatchPtr> Finish();

 private:
  RecordWriter(SchemaPtr schema, bool flatten, std::string sep)
      : schema_(std::move(schema)), flatten_(flatten), sep_(std::move(sep)) {}
  Status AddMembers(od::object& object, FlattenScope& scope, uint64_t stamp, size_t depth,
                    WalkContext& ctx);
  // Finds the column of a scope's key the first time it is met, by its flattened name.
  int ResolveColumn(FlattenScope& scope, int key);

  SchemaPtr schema_;
  bool flatten_;
  std::string sep_;
  std::vector<std::unique_ptr<ArrayBuilder>> builders_;
  std::vector<std::unique_ptr<ValueWriter>> writers_;
  KeyIndex names_;
  // Flattened names of the shape that have no column (kNoColumn rather than kUnknown).
  KeyIndex dropped_names_;
  // Flattened names under which the shape saw objects; an object anywhere else is new to it.
  KeyIndex object_names_;
  FlattenScope root_;
  SeenFields seen_;
  int64_t num_rows_ = 0;
};

}  // namespace bundlebase::json
