// BYTE_STREAM_SPLIT: the spec's example, round trips at every width (the SSE2 paths and their
// scalar tails), decoding in runs, and sizes that are not whole values.
#include "formats/parquet/byte_stream_split.h"

#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

TEST(ByteStreamSplitTest, SpecExample) {
  std::string values =
      Bytes({0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0xA3, 0xB4, 0xC5, 0xD6});
  std::string streams =
      Bytes({0xAA, 0x00, 0xA3, 0xBB, 0x11, 0xB4, 0xCC, 0x22, 0xC5, 0xDD, 0x33, 0xD6});
  ByteStreamSplitEncoder e(4);
  e.Put(values.data(), 3);
  std::string out;
  e.Flush(&out);
  EXPECT_EQ(out, streams);
  ByteStreamSplitDecoder d;
  ASSERT_OK(d.Init(U8(streams), streams.size(), 4));
  EXPECT_EQ(d.num_values(), 3);
  std::string back(12, '\0');
  ASSERT_OK(d.Decode(3, reinterpret_cast<uint8_t*>(back.data())));
  EXPECT_EQ(back, values);
}

TEST(ByteStreamSplitTest, RoundTripsEveryWidthInRuns) {
  std::mt19937 rng(5);
  for (int width : {1, 2, 3, 4, 5, 8, 12, 16}) {
    for (int64_t n : {0, 1, 15, 16, 17, 100, 1000}) {
      std::string values(static_cast<size_t>(n * width), '\0');
      for (auto& c : values) c = static_cast<char>(rng());
      ByteStreamSplitEncoder e(width);
      e.Put(values.data(), n / 2);
      e.Put(values.data() + n / 2 * width, n - n / 2);
      std::string out;
      e.Flush(&out);
      ASSERT_EQ(out.size(), values.size());
      ByteStreamSplitDecoder d;
      ASSERT_OK(d.Init(U8(out), out.size(), width));
      std::string back(values.size(), '\0');
      int64_t done = 0, batch = 3;
      while (done < n) {
        int64_t want = std::min(batch, n - done);
        ASSERT_OK(d.Decode(want, reinterpret_cast<uint8_t*>(back.data()) + done * width));
        done += want;
        batch = batch * 7 % 61 + 1;
      }
      ASSERT_EQ(back, values) << "width " << width << " n " << n;
      EXPECT_EQ(d.values_left(), 0);
    }
  }
}

TEST(ByteStreamSplitTest, DoublesSurviveTheTrip) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(i * 0.1 - 7.5);
  ByteStreamSplitEncoder e(8);
  e.Put(values.data(), static_cast<int64_t>(values.size()));
  std::string out;
  e.Flush(&out);
  ByteStreamSplitDecoder d;
  ASSERT_OK(d.Init(U8(out), out.size(), 8));
  std::vector<double> back(values.size());
  ASSERT_OK(d.Decode(static_cast<int64_t>(back.size()), reinterpret_cast<uint8_t*>(back.data())));
  EXPECT_EQ(back, values);
}

TEST(ByteStreamSplitTest, RejectsPartialValuesAndOverreads) {
  std::string data(10, '\0');
  ByteStreamSplitDecoder d;
  EXPECT_TRUE(d.Init(U8(data), data.size(), 4).IsInvalid());
  EXPECT_TRUE(d.Init(U8(data), data.size(), 0).IsInvalid());
  ASSERT_OK(d.Init(U8(data), data.size(), 5));
  uint8_t out[16];
  EXPECT_TRUE(d.Decode(3, out).IsInvalid());
  EXPECT_TRUE(d.Decode(-1, out).IsInvalid());
  ASSERT_OK(d.Decode(2, out));
}

}  // namespace
}  // namespace bundlebase::parquet
