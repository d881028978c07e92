// Bit packing and varints: the spec's example bytes, round trips at every width and count, and
// the guarantee that unpacking reads no byte past the packed data.
#include "formats/parquet/bit_packing.h"

#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <vector>

#include "formats/parquet/varint.h"
#include "test_util.h"

namespace bundlebase::parquet {
namespace {

TEST(BitPackingTest, SpecExampleWidth3) {
  // Encodings.md: 0..7 at width 3 pack to 10001000 11000110 11111010.
  uint32_t values[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  uint8_t packed[3];
  PackBits32(values, 8, 3, packed);
  EXPECT_EQ(packed[0], 0b10001000);
  EXPECT_EQ(packed[1], 0b11000110);
  EXPECT_EQ(packed[2], 0b11111010);
  uint32_t back[8];
  UnpackBits32(packed, 8, 3, back);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(back[i], values[i]);
}

template <typename T>
void RoundTripAllWidths(int max_width, void (*pack)(const T*, int64_t, int, uint8_t*),
                        void (*unpack)(const uint8_t*, int64_t, int, T*)) {
  std::mt19937_64 rng(42);
  for (int width = 0; width <= max_width; ++width) {
    for (int64_t count : {0, 1, 7, 8, 31, 32, 33, 100, 1000}) {
      std::vector<T> values(static_cast<size_t>(count));
      T mask = width == static_cast<int>(sizeof(T) * 8) ? std::numeric_limits<T>::max()
                                                         : static_cast<T>((T{1} << width) - 1);
      for (auto& v : values) v = static_cast<T>(rng()) & mask;
      int64_t bytes = BitPackedBytes(count, width);
      // Exactly sized heap buffers so ASan catches any read or write past them.
      auto packed = std::make_unique<uint8_t[]>(static_cast<size_t>(bytes) + 1);
      packed[static_cast<size_t>(bytes)] = 0xAB;
      pack(values.data(), count, width, packed.get());
      EXPECT_EQ(packed[static_cast<size_t>(bytes)], 0xAB) << "wrote past the end";
      auto exact = std::make_unique<uint8_t[]>(static_cast<size_t>(bytes));
      if (bytes > 0) std::memcpy(exact.get(), packed.get(), static_cast<size_t>(bytes));
      std::vector<T> back(static_cast<size_t>(count));
      unpack(exact.get(), count, width, back.data());
      ASSERT_EQ(back, values) << "width " << width << " count " << count;
    }
  }
}

TEST(BitPackingTest, RoundTrips32AtEveryWidth) {
  RoundTripAllWidths<uint32_t>(32, PackBits32, UnpackBits32);
}

TEST(BitPackingTest, RoundTrips64AtEveryWidth) {
  RoundTripAllWidths<uint64_t>(64, PackBits64, UnpackBits64);
}

TEST(BitPackingTest, BitWidthOf) {
  EXPECT_EQ(BitWidthOf(0), 0);
  EXPECT_EQ(BitWidthOf(1), 1);
  EXPECT_EQ(BitWidthOf(255), 8);
  EXPECT_EQ(BitWidthOf(256), 9);
  EXPECT_EQ(BitWidthOf(~uint64_t{0}), 64);
}

TEST(VarintTest, DecodesAndRejectsOverlongValues) {
  const uint8_t one_byte[] = {0x7F};
  uint64_t v64;
  EXPECT_EQ(DecodeUleb128(one_byte, one_byte + 1, &v64), 1u);
  EXPECT_EQ(v64, 127u);
  const uint8_t spec[] = {0xE5, 0x8E, 0x26};  // 624485, the LEB128 textbook example
  uint32_t v32;
  EXPECT_EQ(DecodeUleb128(spec, spec + 3, &v32), 3u);
  EXPECT_EQ(v32, 624485u);
  EXPECT_EQ(DecodeUleb128(spec, spec + 2, &v32), 0u);  // truncated
  const uint8_t max32[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x0F};
  EXPECT_EQ(DecodeUleb128(max32, max32 + 5, &v32), 5u);
  EXPECT_EQ(v32, 0xFFFFFFFFu);
  const uint8_t over32[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x10};
  EXPECT_EQ(DecodeUleb128(over32, over32 + 5, &v32), 0u);
  uint8_t buf[kMaxVarintBytes64];
  size_t n = EncodeUleb128(~uint64_t{0}, buf);
  EXPECT_EQ(n, 10u);
  EXPECT_EQ(DecodeUleb128(buf, buf + n, &v64), 10u);
  EXPECT_EQ(v64, ~uint64_t{0});
  buf[9] = 0x02;  // bit 64
  EXPECT_EQ(DecodeUleb128(buf, buf + n, &v64), 0u);
}

TEST(VarintTest, ZigZag) {
  EXPECT_EQ(ZigZagEncode64(0), 0u);
  EXPECT_EQ(ZigZagEncode64(-1), 1u);
  EXPECT_EQ(ZigZagEncode64(1), 2u);
  EXPECT_EQ(ZigZagEncode64(-2), 3u);
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{12345}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    EXPECT_EQ(ZigZagDecode64(ZigZagEncode64(v)), v);
  }
  for (int32_t v : {0, -1, 7, std::numeric_limits<int32_t>::min(),
                    std::numeric_limits<int32_t>::max()}) {
    EXPECT_EQ(ZigZagDecode32(ZigZagEncode32(v)), v);
  }
}

}  // namespace
}  // namespace bundlebase::parquet
