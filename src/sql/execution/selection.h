// Gathering rows: Take (rows by index, in any order, possibly repeated) and the batch forms the
// operators use after a filter or a join probe. Fast paths for fixed-width and string columns;
// nested columns go through their builders.
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/record_batch.h"

namespace bundlebase::sql {

// Rows indices[0], indices[1], ... of `array`. An index of -1 produces NULL (outer joins).
Result<ArrayPtr> Take(const ArrayPtr& array, const int32_t* indices, int64_t count);
Result<ArrayPtr> Take(const ArrayPtr& array, const std::vector<int32_t>& indices);

// The same rows of every column; `schema` may rename (defaults to the batch's).
Result<RecordBatchPtr> TakeBatch(const RecordBatch& batch, const std::vector<int32_t>& indices,
                                 SchemaPtr schema = nullptr);

// Concatenates batches of one schema (bulk copy per column).
Result<RecordBatchPtr> ConcatenateBatchList(const SchemaPtr& schema,
                                            const std::vector<RecordBatchPtr>& batches);

}  // namespace bundlebase::sql
