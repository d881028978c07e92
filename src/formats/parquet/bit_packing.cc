// Bit packing: width-specialized unpack kernels for groups of 32 values, generic packing.
#include "formats/parquet/bit_packing.h"

#include <array>
#include <bit>
#include <cstring>
#include <utility>

namespace bundlebase::parquet {
namespace {

static_assert(std::endian::native == std::endian::little,
              "Parquet's packed layouts are read with little-endian loads");

constexpr int kGroup = 32;  // values per kernel call: 32 * W bits is always whole bytes

// An unaligned little-endian load of exactly N (1, 2, 4 or 8) bytes: one instruction each.
template <int N>
inline uint64_t Load(const uint8_t* p) {
  if constexpr (N == 1) {
    return *p;
  } else if constexpr (N == 2) {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
  } else if constexpr (N == 4) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  } else {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
}

constexpr int LoadSize(int bytes) { return bytes <= 1 ? 1 : bytes <= 2 ? 2 : bytes <= 4 ? 4 : 8; }

// Value I of a group of W-bit values: the smallest power-of-two load that covers its bits, moved
// back when it would pass the group's 4 * W bytes, then a shift and a mask. Every constant folds
// for a given <W, I>, so each value is a load, a shift and an and.
template <typename T, int W, int I>
inline T Extract(const uint8_t* in) {
  constexpr int kFirstBit = I * W;
  constexpr int kStart = kFirstBit / 8;
  constexpr int kNeed = (kFirstBit % 8 + W + 7) / 8;
  constexpr int kLoad = LoadSize(kNeed);
  constexpr int kLoadStart = kStart + kLoad <= 4 * W ? kStart : 4 * W - kLoad;
  constexpr int kShift = kFirstBit - 8 * kLoadStart;
  uint64_t v = Load<kLoad>(in + kLoadStart) >> kShift;
  if constexpr (kShift + W > 64) {
    // Only 64-bit values of width > 57 straddle nine bytes.
    v |= static_cast<uint64_t>(in[kLoadStart + 8]) << (64 - kShift);
  }
  if constexpr (W < 64) v &= (uint64_t{1} << W) - 1;
  return static_cast<T>(v);
}

template <typename T, int W, size_t... I>
inline void UnpackGroup(const uint8_t* in, T* out, std::index_sequence<I...>) {
  ((out[I] = Extract<T, W, static_cast<int>(I)>(in)), ...);
}

template <typename T, int W>
void UnpackGroupOf32(const uint8_t* in, T* out) {
  if constexpr (W == 0) {
    for (int i = 0; i < kGroup; ++i) out[i] = 0;
  } else {
    UnpackGroup<T, W>(in, out, std::make_index_sequence<kGroup>());
  }
}

template <typename T>
using GroupKernel = void (*)(const uint8_t*, T*);

template <typename T, size_t... W>
constexpr auto MakeKernels(std::index_sequence<W...>) {
  return std::array<GroupKernel<T>, sizeof...(W)>{&UnpackGroupOf32<T, static_cast<int>(W)>...};
}

constexpr auto kKernels32 = MakeKernels<uint32_t>(std::make_index_sequence<33>());
constexpr auto kKernels64 = MakeKernels<uint64_t>(std::make_index_sequence<65>());

template <typename T, size_t N>
void Unpack(const std::array<GroupKernel<T>, N>& kernels, const uint8_t* in, int64_t count,
            int bit_width, T* out) {
  GroupKernel<T> kernel = kernels[bit_width];
  const int64_t group_bytes = 4 * bit_width;
  int64_t full = count / kGroup;
  for (int64_t g = 0; g < full; ++g) {
    kernel(in, out);
    in += group_bytes;
    out += kGroup;
  }
  int64_t rest = count - full * kGroup;
  if (rest > 0) {
    // The kernel reads a whole group: give it a zero-padded copy of the last partial one.
    uint8_t padded[4 * 64] = {};
    std::memcpy(padded, in, static_cast<size_t>(BitPackedBytes(rest, bit_width)));
    T values[kGroup];
    kernel(padded, values);
    std::memcpy(out, values, static_cast<size_t>(rest) * sizeof(T));
  }
}

}  // namespace

void UnpackBits32(const uint8_t* in, int64_t count, int bit_width, uint32_t* out) {
  Unpack(kKernels32, in, count, bit_width, out);
}

void UnpackBits64(const uint8_t* in, int64_t count, int bit_width, uint64_t* out) {
  Unpack(kKernels64, in, count, bit_width, out);
}

void PackBits32(const uint32_t* in, int64_t count, int bit_width, uint8_t* out) {
  uint64_t acc = 0;
  int bits = 0;
  for (int64_t i = 0; i < count; ++i) {
    acc |= static_cast<uint64_t>(in[i]) << bits;
    bits += bit_width;
    if (bits >= 32) {
      uint32_t word = static_cast<uint32_t>(acc);
      std::memcpy(out, &word, 4);
      out += 4;
      acc >>= 32;
      bits -= 32;
    }
  }
  for (; bits > 0; bits -= 8) {
    *out++ = static_cast<uint8_t>(acc);
    acc >>= 8;
  }
}

void PackBits64(const uint64_t* in, int64_t count, int bit_width, uint8_t* out) {
  unsigned __int128 acc = 0;
  int bits = 0;
  for (int64_t i = 0; i < count; ++i) {
    acc |= static_cast<unsigned __int128>(in[i]) << bits;
    bits += bit_width;
    if (bits >= 64) {
      uint64_t word = static_cast<uint64_t>(acc);
      std::memcpy(out, &word, 8);
      out += 8;
      acc >>= 64;
      bits -= 64;
    }
  }
  for (; bits > 0; bits -= 8) {
    *out++ = static_cast<uint8_t>(acc);
    acc >>= 8;
  }
}

}  // namespace bundlebase::parquet
