// RecordBatch: equal-length columns under a schema — the unit that flows between readers,
// operators and writers (a few thousand rows in the SQL engine, a row group in Parquet).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/array.h"
#include "columnar/schema.h"

namespace bundlebase {

class RecordBatch;
using RecordBatchPtr = std::shared_ptr<const RecordBatch>;

class RecordBatch {
 public:
  RecordBatch(SchemaPtr schema, int64_t num_rows, std::vector<ArrayPtr> columns)
      : schema_(std::move(schema)), num_rows_(num_rows), columns_(std::move(columns)) {}

  // Checks that column count, types and lengths agree with the schema.
  static Result<RecordBatchPtr> Make(SchemaPtr schema, std::vector<ArrayPtr> columns);

  const SchemaPtr& schema() const { return schema_; }
  int64_t num_rows() const { return num_rows_; }
  int num_columns() const { return static_cast<int>(columns_.size()); }
  const ArrayPtr& column(int i) const { return columns_[i]; }
  const std::vector<ArrayPtr>& columns() const { return columns_; }
  // The column named exactly `name`, or null.
  ArrayPtr GetColumnByName(std::string_view name) const;

  RecordBatchPtr Slice(int64_t offset, int64_t length) const;
  // Only the given columns, in that order.
  RecordBatchPtr SelectColumns(const std::vector<int>& indices) const;

  bool Equals(const RecordBatch& other) const;

 private:
  SchemaPtr schema_;
  int64_t num_rows_;
  std::vector<ArrayPtr> columns_;
};

// Batches with one schema, concatenated column by column into a single batch.
Result<RecordBatchPtr> ConcatenateBatches(const SchemaPtr& schema,
                                          const std::vector<RecordBatchPtr>& batches);

// A source of record batches: Next() returns null at the end. Readers and query results
// implement it; the Arrow C Stream export wraps it.
class RecordBatchReader {
 public:
  virtual ~RecordBatchReader() = default;
  virtual SchemaPtr schema() const = 0;
  virtual Result<RecordBatchPtr> Next() = 0;
  // Reads everything that is left.
  Result<std::vector<RecordBatchPtr>> ReadAll();
};

// A reader over batches already in memory.
std::unique_ptr<RecordBatchReader> MakeVectorReader(SchemaPtr schema,
                                                    std::vector<RecordBatchPtr> batches);

}  // namespace bundlebase
