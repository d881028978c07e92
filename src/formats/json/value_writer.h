// ValueWriter: the reader's second pass at the level of one value — it reads a simdjson
// On-Demand value and appends it to the column builder of the inferred type.
//
// There is one writer class per column type (bool, int64, float64, utf8, list, struct), built
// as a tree mirroring the type. utf8 columns take strings as they are and any other value as
// its JSON text, which is how inference's conflicts (a column holding 1 and "a") are stored.
// A value the first pass would not have allowed (the input changed between the passes) is an
// error, never a silently wrong row.
#pragma once

#include <memory>

#include "columnar/builder.h"
#include "formats/json/walk_context.h"

namespace bundlebase::json {

class ValueWriter {
 public:
  virtual ~ValueWriter() = default;
  // Appends `value`, which may be JSON null.
  virtual Status Write(od::value value, WalkContext& ctx) = 0;
  // Appends a null for a member the record does not have.
  virtual Status WriteNull() = 0;
};

// A writer for values of `type` that appends to `builder`, which MakeBuilder(type) made.
std::unique_ptr<ValueWriter> MakeValueWriter(const DataTypePtr& type, ArrayBuilder* builder);

}  // namespace bundlebase::json
