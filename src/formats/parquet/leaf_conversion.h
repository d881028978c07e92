// Converts a leaf column's decoded physical values (Parquet's representation) into an array of
// the leaf's bundlebase type: usually a reinterpretation of the same buffer, otherwise one pass
// (narrow integers, decimals, INT96, UUID, FLOAT16, intervals, TIME(MILLIS)). Text is checked
// for valid UTF-8 here, once per column chunk.
#pragma once

#include <memory>
#include <string>

#include "columnar/builder.h"
#include "formats/parquet/schema_conversion.h"

namespace bundlebase::parquet {

// `fixed` holds `count` fixed-width values (or BOOLEAN bits); `bytes` the BYTE_ARRAY values as
// a binary array. Either may be null when `count` is 0. `utf8_checked`: the caller already
// knows the bytes are valid UTF-8 (text from a dictionary whose entries it checked).
Result<ArrayPtr> ConvertLeafValues(const LeafColumn& leaf, int64_t count,
                                   const std::shared_ptr<MutableBuffer>& fixed,
                                   const ArrayPtr& bytes, bool utf8_checked,
                                   const std::string& where);

}  // namespace bundlebase::parquet
