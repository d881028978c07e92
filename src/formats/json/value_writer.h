// ValueWriter: the reader's second pass at the level of one value — it reads a simdjson
// On-Demand value and appends it to the column builder of its inferred type.
//
// There is one writer class per column type (bool, int64, float64, utf8, list, struct), built
// as a tree mirroring the InferredType. utf8 columns take strings as they are and other values
// as their JSON text, which is how inference's conflicts (a column holding 1 and "a") are
// stored. A writer only accepts values that leave its column type unchanged
// (InferredType::Keeps); any other value fails with WalkContext::Mismatch, so writing with
// types guessed from a sample either succeeds exactly or says the guess was too narrow.
#pragma once

#include <memory>

#include "columnar/builder.h"
#include "formats/json/inferred_type.h"
#include "formats/json/walk_context.h"

namespace bundlebase::json {

class ValueWriter {
 public:
  virtual ~ValueWriter() = default;
  // Appends `value`, which may be JSON null.
  virtual Status Write(od::value& value, WalkContext& ctx) = 0;
  // Appends a null for a member the record does not have.
  virtual Status WriteNull() = 0;
};

// Checks a value that is read but not stored (a repeated key's later value), so malformed JSON
// cannot hide there: scalars are parsed, nested values are checked with the syntax check.
Status CheckSkippedValue(od::value& value, WalkContext& ctx);

// A writer for values described by `type`, appending to `builder`, which
// MakeBuilder(type.ToDataType()) made. `type` must outlive the writer.
std::unique_ptr<ValueWriter> MakeValueWriter(const InferredType& type, ArrayBuilder* builder);

}  // namespace bundlebase::json
