// DELTA_BINARY_PACKED: the spec's two examples (with a legal block size), round trips of INT32
// and INT64 including wrap-around, EncodedSize, and hostile headers and blocks.
#include "formats/parquet/delta_binary_packed.h"

#include <algorithm>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "formats/parquet/bit_packing.h"
#include "formats/parquet/varint.h"
#include "test_util.h"

namespace bundlebase::parquet {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}
const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

template <typename T>
std::string Encode(const std::vector<T>& values) {
  DeltaBinaryPackedEncoder<T> e;
  e.Put(values.data(), static_cast<int64_t>(values.size()));
  EXPECT_EQ(e.count(), static_cast<int64_t>(values.size()));
  std::string out;
  e.Flush(&out);
  EXPECT_EQ(e.count(), 0);
  return out;
}

template <typename T>
Result<std::vector<T>> Decode(const std::string& data, int64_t max_values = 1 << 20) {
  DeltaBinaryPackedDecoder<T> d;
  BB_RETURN_NOT_OK(d.Init(U8(data), data.size(), max_values));
  std::vector<T> out(static_cast<size_t>(d.total_values()));
  BB_RETURN_NOT_OK(d.Decode(out.data(), d.total_values()));
  return out;
}

TEST(DeltaBinaryPackedTest, SpecExample1) {
  // 1, 2, 3, 4, 5: deltas all 1, so min delta 1 and bit width 0 (block size 128 here; the
  // spec's example uses 8 for brevity, which real readers reject).
  std::string expected = Bytes({0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00});
  EXPECT_EQ(Encode<int32_t>({1, 2, 3, 4, 5}), expected);
  ASSERT_OK_AND_ASSIGN(auto values, Decode<int32_t>(expected));
  EXPECT_EQ(values, (std::vector<int32_t>{1, 2, 3, 4, 5}));
}

TEST(DeltaBinaryPackedTest, SpecExample2) {
  // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, relative deltas 0,0,0,3,3,3,3 at bit width 2.
  std::string expected = Bytes({0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00, 0xC0,
                                0x3F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
  EXPECT_EQ(Encode<int64_t>({7, 5, 3, 1, 2, 3, 4, 5}), expected);
  ASSERT_OK_AND_ASSIGN(auto values, Decode<int64_t>(expected));
  EXPECT_EQ(values, (std::vector<int64_t>{7, 5, 3, 1, 2, 3, 4, 5}));
}

template <typename T>
void RoundTrip(uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (size_t n : {0, 1, 2, 31, 32, 33, 127, 128, 129, 1000, 4097}) {
    std::vector<T> values(n);
    for (size_t i = 0; i < n; ++i) {
      switch (i / 200 % 4) {
        case 0:  // sorted-ish
          values[i] = static_cast<T>(i * 3 + rng() % 5);
          break;
        case 1:  // anything, including wrap-around deltas
          values[i] = static_cast<T>(rng());
          break;
        case 2:
          values[i] = i % 2 ? std::numeric_limits<T>::max() : std::numeric_limits<T>::min();
          break;
        default:
          values[i] = static_cast<T>(-static_cast<int64_t>(i));
      }
    }
    std::string data = Encode(values);
    std::string with_tail = data + "tail";
    ASSERT_OK_AND_ASSIGN(size_t size, DeltaBinaryPackedDecoder<T>::EncodedSize(
                                          U8(with_tail), with_tail.size(), 1 << 20));
    EXPECT_EQ(size, data.size()) << n;
    DeltaBinaryPackedDecoder<T> d;
    ASSERT_OK(d.Init(U8(with_tail), with_tail.size(), static_cast<int64_t>(n)));
    ASSERT_EQ(d.total_values(), static_cast<int64_t>(n));
    std::vector<T> back(n);
    size_t done = 0;
    int64_t batch = 1;
    while (done < n) {
      int64_t want = std::min<int64_t>(batch, static_cast<int64_t>(n - done));
      ASSERT_OK(d.Decode(back.data() + done, want));
      done += static_cast<size_t>(want);
      batch = batch * 5 % 301 + 1;
    }
    EXPECT_EQ(d.values_left(), 0);
    ASSERT_EQ(back, values) << n;
    EXPECT_TRUE(d.Decode(back.data(), 1).IsInvalid());
  }
}

TEST(DeltaBinaryPackedTest, RoundTripsInt32) { RoundTrip<int32_t>(1); }
TEST(DeltaBinaryPackedTest, RoundTripsInt64) { RoundTrip<int64_t>(2); }

TEST(DeltaBinaryPackedTest, AcceptsAnUnpaddedLastMiniblock) {
  // Five values: deltas 3, -2, 1, -2 are 5, 0, 3, 0 above the minimum, width 3. Those four need
  // 2 bytes; the padded miniblock of 32 takes 12.
  std::string data = Encode<int32_t>({0, 3, 1, 2, 0});
  ASSERT_EQ(data.size(), 22u);
  std::string trimmed = data.substr(0, 12);
  ASSERT_OK_AND_ASSIGN(auto values, Decode<int32_t>(trimmed));
  EXPECT_EQ(values, (std::vector<int32_t>{0, 3, 1, 2, 0}));
  ASSERT_OK_AND_ASSIGN(size_t size,
                       DeltaBinaryPackedDecoder<int32_t>::EncodedSize(U8(trimmed), 12, 5));
  EXPECT_EQ(size, 12u);
}

TEST(DeltaBinaryPackedTest, IgnoresBitWidthsOfUnusedMiniblocks) {
  std::string data = Encode<int32_t>({1, 2, 3, 4, 5});
  data[7] = static_cast<char>(0xFF);  // width of the 2nd miniblock, which holds no values
  ASSERT_OK_AND_ASSIGN(auto values, Decode<int32_t>(data));
  EXPECT_EQ(values.size(), 5u);
}

TEST(DeltaBinaryPackedTest, RejectsHostileHeaders) {
  DeltaBinaryPackedDecoder<int32_t> d;
  // Block size 8 (the spec's illustration) is not a multiple of 128.
  std::string small_block = Bytes({0x08, 0x01, 0x05, 0x02, 0x02, 0x00});
  EXPECT_TRUE(d.Init(U8(small_block), small_block.size(), 100).IsInvalid());
  // 3 miniblocks do not divide 128.
  std::string three = Bytes({0x80, 0x01, 0x03, 0x05, 0x02});
  EXPECT_TRUE(d.Init(U8(three), three.size(), 100).IsInvalid());
  // 8 miniblocks of 16 values each.
  std::string sixteen = Bytes({0x80, 0x01, 0x08, 0x05, 0x02});
  EXPECT_TRUE(d.Init(U8(sixteen), sixteen.size(), 100).IsInvalid());
  // More values announced than the page holds.
  std::string many = Encode<int32_t>(std::vector<int32_t>(300, 1));
  EXPECT_TRUE(d.Init(U8(many), many.size(), 299).IsInvalid());
  EXPECT_OK(d.Init(U8(many), many.size(), 300));
  // Truncated header.
  EXPECT_TRUE(d.Init(U8(many), 3, 300).IsInvalid());
}

TEST(DeltaBinaryPackedTest, RejectsWidthsPast64) {
  std::string data = Encode<int32_t>({1, 2, 3, 4, 5});
  data[6] = 65;
  DeltaBinaryPackedDecoder<int32_t> d;
  ASSERT_OK(d.Init(U8(data), data.size(), 5));
  std::vector<int32_t> out(5);
  EXPECT_TRUE(d.Decode(out.data(), 5).IsInvalid());
  auto size = DeltaBinaryPackedDecoder<int32_t>::EncodedSize(U8(data), data.size(), 5);
  EXPECT_TRUE(size.status().IsInvalid());
  DeltaBinaryPackedDecoder<int64_t> d64;
  ASSERT_OK(d64.Init(U8(data), data.size(), 5));
  std::vector<int64_t> out64(5);
  EXPECT_TRUE(d64.Decode(out64.data(), 5).IsInvalid());
  // 64 bits is fine for INT64.
  std::vector<int64_t> wide = {0, std::numeric_limits<int64_t>::max(),
                               std::numeric_limits<int64_t>::min(), 0};
  std::string encoded = Encode<int64_t>(wide);
  ASSERT_OK_AND_ASSIGN(auto back, Decode<int64_t>(encoded));
  EXPECT_EQ(back, wide);
}

// INT32 values whose deltas were taken in 64-bit arithmetic, as DuckDB writes them: the
// miniblock is 33 bits wide, and the deltas wrap to the right values in 32 bits.
TEST(DeltaBinaryPackedTest, ReadsInt32MiniblocksWiderThan32Bits) {
  const int64_t max = std::numeric_limits<int32_t>::max();
  const int64_t min = std::numeric_limits<int32_t>::min();
  const std::vector<int64_t> values = {max, min, max, 0};
  std::vector<int64_t> deltas;
  for (size_t i = 1; i < values.size(); ++i) deltas.push_back(values[i] - values[i - 1]);
  const int64_t min_delta = *std::min_element(deltas.begin(), deltas.end());
  uint64_t relative[32] = {};
  for (size_t i = 0; i < deltas.size(); ++i) {
    relative[i] = static_cast<uint64_t>(deltas[i] - min_delta);
  }
  ASSERT_EQ(BitWidthOf(relative[1]), 33);
  std::string data = Bytes({0x80, 0x01, 0x04, static_cast<int>(values.size())});
  AppendUleb128(ZigZagEncode64(values[0]), &data);
  AppendUleb128(ZigZagEncode64(min_delta), &data);
  data += Bytes({33, 0, 0, 0});
  std::string packed(static_cast<size_t>(BitPackedBytes(32, 33)), '\0');
  PackBits64(relative, 32, 33, reinterpret_cast<uint8_t*>(packed.data()));
  data += packed;
  ASSERT_OK_AND_ASSIGN(auto decoded, Decode<int32_t>(data));
  EXPECT_EQ(decoded, (std::vector<int32_t>{INT32_MAX, INT32_MIN, INT32_MAX, 0}));
  ASSERT_OK_AND_ASSIGN(size_t size,
                       DeltaBinaryPackedDecoder<int32_t>::EncodedSize(U8(data), data.size(), 4));
  EXPECT_EQ(size, data.size());
}

TEST(DeltaBinaryPackedTest, EveryTruncationFails) {
  std::vector<int64_t> values;
  for (int i = 0; i < 300; ++i) values.push_back(i * i * 1000 - 7);
  std::string data = Encode(values);
  for (size_t n = 0; n < data.size(); ++n) {
    std::string cut = data.substr(0, n);
    auto decoded = Decode<int64_t>(cut);
    auto size = DeltaBinaryPackedDecoder<int64_t>::EncodedSize(U8(cut), cut.size(), 1000);
    // The last miniblock may lose its padding and still decode.
    if (decoded.ok()) {
      EXPECT_EQ(*decoded, values) << n;
      EXPECT_TRUE(size.ok()) << n;
    } else {
      EXPECT_TRUE(decoded.status().IsInvalid()) << n;
      EXPECT_FALSE(size.ok()) << n;
    }
  }
}

}  // namespace
}  // namespace bundlebase::parquet
