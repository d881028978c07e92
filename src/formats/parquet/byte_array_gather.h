// Builds the string column of a dictionary-encoded BYTE_ARRAY chunk in one pass: the value at
// every index copied out of the dictionary.
//
// This is the hot loop of reading low-cardinality strings (most of a chunk's values are short
// repeats of a few dictionary entries). The dictionary is first copied into one padded buffer so
// each value can be moved with one fixed 16-byte copy when it is that short — no call and no
// length-dependent branch — and the offsets are written as the values go.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "columnar/array.h"

namespace bundlebase::parquet {

// `indices` are already checked to be below dictionary.size(). A result of more than
// `max_bytes` (at most 2 GiB, what int32 offsets can address) is a ResourceExhausted error.
Result<ArrayPtr> GatherByteArrays(const std::vector<std::string_view>& dictionary,
                                  const uint32_t* indices, int64_t count, int64_t max_bytes);

}  // namespace bundlebase::parquet
