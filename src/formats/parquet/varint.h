// ULEB128 varints and zigzag integers, shared by the Thrift compact protocol, the RLE/bit-packing
// hybrid and DELTA_BINARY_PACKED.
//
// Decoding is bounds-checked against an explicit end pointer and rejects varints that are longer
// than the integer they encode (more than 5 bytes for 32 bits, 10 for 64) or carry bits past
// its width, so hostile input can never make a caller read past its buffer or silently wrap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace bundlebase::parquet {

inline constexpr int kMaxVarintBytes32 = 5;
inline constexpr int kMaxVarintBytes64 = 10;

// Decodes one ULEB128 from [p, end). Returns the bytes consumed, or 0 when the input ends inside
// the varint or the value does not fit in 64 bits.
inline size_t DecodeUleb128(const uint8_t* p, const uint8_t* end, uint64_t* out) {
  uint64_t value = 0;
  for (int i = 0; i < kMaxVarintBytes64; ++i) {
    if (p + i >= end) return 0;
    uint8_t byte = p[i];
    // The tenth byte holds bit 63 only.
    if (i == kMaxVarintBytes64 - 1 && byte > 1) return 0;
    value |= static_cast<uint64_t>(byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      *out = value;
      return static_cast<size_t>(i) + 1;
    }
  }
  return 0;
}

// As DecodeUleb128, for a value that must fit in 32 bits.
inline size_t DecodeUleb128(const uint8_t* p, const uint8_t* end, uint32_t* out) {
  uint32_t value = 0;
  for (int i = 0; i < kMaxVarintBytes32; ++i) {
    if (p + i >= end) return 0;
    uint8_t byte = p[i];
    // The fifth byte holds bits 28..31 only.
    if (i == kMaxVarintBytes32 - 1 && byte > 0x0F) return 0;
    value |= static_cast<uint32_t>(byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      *out = value;
      return static_cast<size_t>(i) + 1;
    }
  }
  return 0;
}

inline uint64_t ZigZagEncode64(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t ZigZagDecode64(uint64_t v) {
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}
inline uint32_t ZigZagEncode32(int32_t v) {
  return (static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31);
}
inline int32_t ZigZagDecode32(uint32_t v) {
  return static_cast<int32_t>((v >> 1) ^ (~(v & 1) + 1));
}

// Writes `v` as ULEB128 to `out`, which must have room for kMaxVarintBytes64; returns the length.
inline size_t EncodeUleb128(uint64_t v, uint8_t* out) {
  size_t n = 0;
  while (v >= 0x80) {
    out[n++] = static_cast<uint8_t>(v | 0x80);
    v >>= 7;
  }
  out[n++] = static_cast<uint8_t>(v);
  return n;
}

inline void AppendUleb128(uint64_t v, std::string* out) {
  uint8_t buf[kMaxVarintBytes64];
  size_t n = EncodeUleb128(v, buf);
  out->append(reinterpret_cast<const char*>(buf), n);
}

}  // namespace bundlebase::parquet
