// ConformBatch: fits a batch that was built with column types guessed from a sample to the
// final schema, when that needs no reparsing.
//
// The JSON lines reader builds batches in its first pass with the types of the file's first
// block. When later blocks widen the schema, a batch built earlier is still usable if every
// change is a widening its values survive: columns it lacks become all-null, a column of only
// nulls takes any type, int64 becomes float64, and lists and structs widen member by member
// (a struct gaining fields gets nulls in them). Anything else is read again.
#pragma once

#include "columnar/record_batch.h"

namespace bundlebase::json {

// `batch` with the columns and types of `schema`, or null when it must be read again.
Result<RecordBatchPtr> ConformBatch(const RecordBatchPtr& batch, const SchemaPtr& schema);

}  // namespace bundlebase::json
