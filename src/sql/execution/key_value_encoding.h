// The kRow key layout (key_encoder.h): rows of several key columns, or of key types without a
// fast path (decimal, interval, nested), encoded into bytes that are equal exactly when the
// keys are equal under the grouping rules (NULL equals NULL, -0 equals 0, NaN equals NaN).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "sql/execution/key_encoder.h"

namespace bundlebase::sql {

// The bit pattern of `value` with -0 folded into 0 and every NaN into one NaN.
inline int64_t NormalizedFloatBits(double value) {
  if (value == 0.0) value = 0.0;
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();
  int64_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  return bits;
}

// Fills out->owned_data / owned_offsets / data / offsets / hashes for `num_rows` rows.
Status EncodeRows(const std::vector<ArrayPtr>& key_columns, int64_t num_rows, EncodedKeys* out);

// Appends the encoding of row i of `array` (any type) to `out`.
void AppendEncodedValue(const Array& array, int64_t i, std::vector<uint8_t>* out);

}  // namespace bundlebase::sql
