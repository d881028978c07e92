// Bit packing as Parquet does it: fixed-width values packed back to back, least significant bit
// first. The RLE/bit-packing hybrid, DELTA_BINARY_PACKED and PLAIN booleans are all built on it.
//
// Unpacking is the hot loop of every dictionary-encoded column and of definition levels, so it
// runs 32 values at a time with the bit width a template parameter: each value becomes one
// unaligned load, shift and mask with all offsets known at compile time. The loads never reach
// past the packed bytes, so callers only need to hold exactly BitPackedBytes(count, width).
#pragma once

#include <cstdint>

namespace bundlebase::parquet {

// Bytes that `count` values of `bit_width` bits occupy.
inline int64_t BitPackedBytes(int64_t count, int bit_width) {
  return (count * bit_width + 7) / 8;
}

// The bits needed for `value` (0 for 0).
inline int BitWidthOf(uint64_t value) { return value == 0 ? 0 : 64 - __builtin_clzll(value); }

// Unpacks `count` values of `bit_width` bits (0..32 / 0..64) starting at bit 0 of `in`, which
// must hold BitPackedBytes(count, bit_width) bytes.
void UnpackBits32(const uint8_t* in, int64_t count, int bit_width, uint32_t* out);
void UnpackBits64(const uint8_t* in, int64_t count, int bit_width, uint64_t* out);

// Packs `count` values into exactly BitPackedBytes(count, bit_width) bytes at `out`; the unused
// high bits of the last byte are zero. Values must fit in bit_width bits.
void PackBits32(const uint32_t* in, int64_t count, int bit_width, uint8_t* out);
void PackBits64(const uint64_t* in, int64_t count, int bit_width, uint8_t* out);

}  // namespace bundlebase::parquet
