// RLE/bit-packing hybrid: hand-assembled runs, the encoder's run choices, round trips in odd
// batch sizes at every width, dictionary gathering, hostile data; legacy BIT_PACKED levels.
#include "formats/parquet/rle_bit_packed.h"

#include <list>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

// The decoder does not own its input: keep every test input alive until the binary exits.
RleBitPackedDecoder DecoderOf(std::string s, int bit_width) {
  static std::list<std::string> inputs;
  const std::string& kept = inputs.emplace_back(std::move(s));
  return RleBitPackedDecoder(reinterpret_cast<const uint8_t*>(kept.data()), kept.size(), bit_width);
}

std::vector<uint32_t> DecodeAll(const std::string& s, int bit_width, int64_t max = 1 << 20) {
  auto d = DecoderOf(s, bit_width);
  std::vector<uint32_t> out(static_cast<size_t>(max));
  auto n = d.GetBatch(out.data(), max);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  out.resize(n.ok() ? static_cast<size_t>(*n) : 0);
  return out;
}

TEST(RleBitPackedTest, DecodesHandAssembledRuns) {
  // RLE run: 100 x 4 (header 200 = C8 01), then one bit-packed group of 0..7 at width 3.
  std::string data = Bytes({0xC8, 0x01, 0x04, 0x03, 0x88, 0xC6, 0xFA});
  std::vector<uint32_t> expected(100, 4);
  for (uint32_t i = 0; i < 8; ++i) expected.push_back(i);
  EXPECT_EQ(DecodeAll(data, 3), expected);
}

TEST(RleBitPackedTest, EncoderChoosesRunsAndLiterals) {
  std::string out;
  RleBitPackedEncoder e(3, &out);
  for (int i = 0; i < 100; ++i) e.Put(4);
  for (uint32_t i = 0; i < 8; ++i) e.Put(i);
  e.Flush();
  EXPECT_EQ(out, Bytes({0xC8, 0x01, 0x04, 0x03, 0x88, 0xC6, 0xFA}));

  // Three values are padded into one literal group.
  std::string short_out;
  RleBitPackedEncoder e2(1, &short_out);
  e2.Put(1);
  e2.Put(0);
  e2.Put(1);
  e2.Flush();
  EXPECT_EQ(short_out, Bytes({0x03, 0x05}));

  // A short tail of one value becomes a repeated run, not a padded group.
  std::string tail;
  RleBitPackedEncoder e3(8, &tail);
  for (int i = 0; i < 3; ++i) e3.Put(200);
  e3.Flush();
  EXPECT_EQ(tail, Bytes({0x06, 0xC8}));
}

TEST(RleBitPackedTest, WideRepeatedValuesUseWholeBytes) {
  std::string out;
  RleBitPackedEncoder e(20, &out);
  for (int i = 0; i < 10; ++i) e.Put(0xABCDE);
  e.Flush();
  EXPECT_EQ(out, Bytes({0x14, 0xDE, 0xBC, 0x0A}));
  EXPECT_EQ(DecodeAll(out, 20), std::vector<uint32_t>(10, 0xABCDE));
}

TEST(RleBitPackedTest, RoundTripsAtEveryWidthInOddBatches) {
  std::mt19937 rng(7);
  for (int width = 0; width <= 32; ++width) {
    uint64_t limit = width == 32 ? 0xFFFFFFFFull : (1ull << width) - 1;
    std::vector<uint32_t> values;
    // Runs of random lengths (some long, some 1..9) mixed with noise.
    while (values.size() < 5000) {
      uint32_t v = static_cast<uint32_t>(rng() & limit);
      int len = (rng() % 3 == 0) ? static_cast<int>(rng() % 300) : static_cast<int>(rng() % 9) + 1;
      for (int i = 0; i < len; ++i) values.push_back(rng() % 4 == 0 ? v : rng() & limit);
    }
    std::string out;
    RleBitPackedEncoder e(width, &out);
    e.PutBatch(values.data(), static_cast<int64_t>(values.size()));
    e.Flush();
    auto d = DecoderOf(out, width);
    std::vector<uint32_t> back(values.size());
    size_t done = 0;
    int64_t batch = 1;
    while (done < values.size()) {
      int64_t want = std::min<int64_t>(batch, static_cast<int64_t>(values.size() - done));
      ASSERT_OK_AND_ASSIGN(int64_t got, d.GetBatch(back.data() + done, want));
      ASSERT_EQ(got, want);
      done += static_cast<size_t>(got);
      batch = batch * 3 % 1777 + 1;
    }
    ASSERT_EQ(back, values) << "width " << width;
  }
}

TEST(RleBitPackedTest, EncodesLongLiteralStretchesInSeveralRuns) {
  // More than 63 groups of non-repeating values need more than one literal run header.
  std::vector<uint32_t> values;
  for (int i = 0; i < 63 * 8 * 3 + 5; ++i) values.push_back(static_cast<uint32_t>(i % 7));
  std::string out;
  RleBitPackedEncoder e(3, &out);
  e.PutBatch(values.data(), static_cast<int64_t>(values.size()));
  e.Flush();
  auto back = DecodeAll(out, 3);
  back.resize(values.size());  // the last group is padded
  EXPECT_EQ(back, values);
}

TEST(RleBitPackedTest, DecodesIntoNarrowTypesAndChunks) {
  std::string out;
  RleBitPackedEncoder e(2, &out);
  std::vector<int16_t> levels;
  for (int i = 0; i < 3000; ++i) levels.push_back(static_cast<int16_t>(i % 50 < 40 ? 2 : i % 3));
  e.PutBatch(levels.data(), static_cast<int64_t>(levels.size()));
  e.Flush();
  auto d = DecoderOf(out, 2);
  std::vector<int16_t> back(levels.size());
  ASSERT_OK_AND_ASSIGN(int64_t n, d.GetBatch(back.data(), static_cast<int64_t>(back.size())));
  EXPECT_EQ(n, 3000);
  EXPECT_EQ(back, levels);

  // The chunk view exposes the runs themselves.
  auto d2 = DecoderOf(out, 2);
  RleBitPackedDecoder::Chunk c;
  ASSERT_OK(d2.NextChunk(1000, &c));
  EXPECT_TRUE(c.repeated);
  EXPECT_EQ(c.value, 2u);
  EXPECT_EQ(c.count, 40);
}

TEST(RleBitPackedTest, GathersFromADictionary) {
  std::vector<double> dict = {0.5, 1.5, 2.5};
  std::string out;
  RleBitPackedEncoder e(2, &out);
  std::vector<uint32_t> idx;
  for (int i = 0; i < 1000; ++i) idx.push_back(i < 500 ? 1 : static_cast<uint32_t>(i % 3));
  e.PutBatch(idx.data(), static_cast<int64_t>(idx.size()));
  e.Flush();
  auto d = DecoderOf(out, 2);
  std::vector<double> values(1000);
  ASSERT_OK_AND_ASSIGN(int64_t n, d.GetBatchWithDictionary(dict.data(), 3, values.data(), 1000));
  ASSERT_EQ(n, 1000);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(values[i], dict[idx[i]]);

  // Index 3 is past a 3-entry dictionary, as a repeated run and as a literal.
  auto d2 = DecoderOf(Bytes({0x10, 0x03}), 2);
  EXPECT_TRUE(d2.GetBatchWithDictionary(dict.data(), 3, values.data(), 8).status().IsInvalid());
  auto d3 = DecoderOf(Bytes({0x03, 0x00, 0xC0}), 2);
  EXPECT_TRUE(d3.GetBatchWithDictionary(dict.data(), 3, values.data(), 8).status().IsInvalid());
}

TEST(RleBitPackedTest, BitWidthZero) {
  std::string out;
  RleBitPackedEncoder e(0, &out);
  for (int i = 0; i < 20; ++i) e.Put(0);
  e.Flush();
  EXPECT_EQ(DecodeAll(out, 0), std::vector<uint32_t>(20, 0));
  // A literal run at width 0 holds zeros and takes no bytes.
  EXPECT_EQ(DecodeAll(Bytes({0x05}), 0), std::vector<uint32_t>(16, 0));
}

TEST(RleBitPackedTest, RejectsMalformedRuns) {
  std::vector<uint32_t> out(100);
  // Truncated header varint.
  auto d1 = DecoderOf(Bytes({0x80}), 3);
  EXPECT_TRUE(d1.GetBatch(out.data(), 10).status().IsInvalid());
  // Overlong header varint.
  auto d2 = DecoderOf(Bytes({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}), 3);
  EXPECT_TRUE(d2.GetBatch(out.data(), 10).status().IsInvalid());
  // Repeated value missing.
  auto d3 = DecoderOf(Bytes({0x10}), 9);
  EXPECT_TRUE(d3.GetBatch(out.data(), 10).status().IsInvalid());
  // Repeated value wider than the bit width.
  auto d4 = DecoderOf(Bytes({0x10, 0x08}), 3);
  EXPECT_TRUE(d4.GetBatch(out.data(), 10).status().IsInvalid());
  // Bit widths past 32.
  auto d5 = DecoderOf(Bytes({0x10, 0, 0, 0, 0, 0}), 33);
  EXPECT_TRUE(d5.GetBatch(out.data(), 10).status().IsInvalid());
}

TEST(RleBitPackedTest, TruncatedLiteralRunsYieldTheirWholeValues) {
  // Claims 2 groups (16 values at width 3 = 6 bytes) but holds 4 bytes: 10 whole values.
  std::string data = Bytes({0x05, 0x88, 0xC6, 0xFA, 0x88});
  auto back = DecodeAll(data, 3);
  ASSERT_EQ(back.size(), 10u);
  EXPECT_EQ(back[7], 7u);
}

TEST(RleBitPackedTest, HugeRunsAreBoundedByTheCaller) {
  // A repeated run of 2^31 - 1 values in five bytes: decoding stops at `max`.
  auto d = DecoderOf(Bytes({0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x01}), 1);
  std::vector<uint8_t> out(64);
  ASSERT_OK_AND_ASSIGN(int64_t n, d.GetBatch(out.data(), 64));
  EXPECT_EQ(n, 64);
  EXPECT_EQ(out[63], 1);
}

TEST(LegacyBitPackedTest, SpecExample) {
  // Encodings.md: 0..7 at width 3, MSB first: 00000101 00111001 01110111.
  std::string data = Bytes({0b00000101, 0b00111001, 0b01110111});
  std::vector<int16_t> out(8);
  ASSERT_OK_AND_ASSIGN(size_t used,
                       DecodeLegacyBitPacked(reinterpret_cast<const uint8_t*>(data.data()),
                                             data.size(), 3, 8, out.data()));
  EXPECT_EQ(used, 3u);
  EXPECT_EQ(out, (std::vector<int16_t>{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_TRUE(DecodeLegacyBitPacked(reinterpret_cast<const uint8_t*>(data.data()), 2, 3, 8,
                                    out.data())
                  .status()
                  .IsInvalid());
  EXPECT_TRUE(DecodeLegacyBitPacked(reinterpret_cast<const uint8_t*>(data.data()), 3, 17, 1,
                                    out.data())
                  .status()
                  .IsInvalid());
}

}  // namespace
}  // namespace bundlebase::parquet
