// Gathering rows from several batches into one, in a given order: how sorted output is built
// after the keys alone were sorted or merged (the rows themselves are moved only once).
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/record_batch.h"

namespace bundlebase::sql {

// Row `row` of batch `source` in a list of batches.
struct RowRef {
  uint32_t source;
  uint32_t row;
};

// A batch under `schema` whose row k is refs[k] of `sources` (which share the schema's column
// types). Fixed-width, bool and string columns are copied in typed loops; nested ones row by row.
Result<RecordBatchPtr> GatherRows(const SchemaPtr& schema,
                                  const std::vector<RecordBatchPtr>& sources, const RowRef* refs,
                                  int64_t count);

// The same for one column.
Result<ArrayPtr> GatherColumn(const DataTypePtr& type, const std::vector<const Array*>& sources,
                              const RowRef* refs, int64_t count);

// Bytes a batch holds (its columns' buffers, counted for the rows it spans), for the memory
// budget.
int64_t EstimateBatchBytes(const RecordBatch& batch);

}  // namespace bundlebase::sql
