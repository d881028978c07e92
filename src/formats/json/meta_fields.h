// Meta fields (json_meta): values outside the records array, copied onto every row.
//
// A meta value is read once from the document and becomes a constant column after the
// records' own columns. Scalars keep their type (bool, int64, float64, utf8); integers beyond
// int64 keep their digits as utf8, as in record columns; objects and arrays are stored as their
// minified JSON text; a path that does not exist is a NULL utf8 column.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "columnar/record_batch.h"
#include "columnar/scalar.h"
#include "formats/json/walk_context.h"

namespace bundlebase::json {

// The value of a meta field.
Result<Scalar> ReadMetaValue(od::value value, WalkContext& ctx);

// `records` with one constant column per meta field (name, value) after its own columns. A meta
// name that is already a column is an error naming `filename`: nothing is overwritten.
Result<RecordBatchPtr> AddMetaColumns(const RecordBatchPtr& records,
                                      const std::vector<std::pair<std::string, Scalar>>& meta,
                                      std::string_view filename);

}  // namespace bundlebase::json
