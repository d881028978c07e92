// Spreads a leaf column's dense values (Parquet stores only the non-null ones) over its slots,
// leaving a null wherever the validity bitmap says so: the last step of reading a nullable
// column.
//
// It runs once per nullable column chunk, so it avoids per-value work where it can: fixed-width
// values are copied a run of valid slots at a time (64 slots per bitmap word), and strings are
// not copied at all — the result gets new offsets over the same bytes, since a null slot is just
// an empty span.
#pragma once

#include <cstdint>

#include "columnar/array.h"

namespace bundlebase::parquet {

// `values` holds the valid slots' values in order (length = n - null_count); `validity` has n
// bits of which null_count are clear (or is null when null_count is 0: `values` is the result).
Result<ArrayPtr> ScatterLeafValues(const ArrayPtr& values, BufferPtr validity, int64_t n,
                                   int64_t null_count);

// The validity bitmap of `count` slots whose definition levels are def[0, count): valid where
// the level reaches `level`. Sets *null_count; returns null when there is no null.
Result<BufferPtr> ValidityFromLevels(const int16_t* def, int64_t count, int16_t level,
                                     int64_t* null_count);

}  // namespace bundlebase::parquet
