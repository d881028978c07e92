// PLAIN encoding: byte layouts from the spec, round trips for every physical type, decoding in
// runs (as a reader with nulls does), unaligned boolean bits, and truncated pages.
#include "formats/parquet/plain_encoding.h"

#include <cstring>
#include <random>
#include <vector>

#include "columnar/bitmap.h"
#include "test_util.h"

namespace bundlebase::parquet {
namespace {

const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

TEST(PlainEncodingTest, Int32AndDoubleLayout) {
  std::string out;
  int32_t ints[] = {1, -2};
  EncodePlainFixed(ints, 4, 2, &out);
  EXPECT_EQ(out, std::string("\x01\0\0\0\xfe\xff\xff\xff", 8));
  PlainDecoder d(U8(out), out.size());
  int32_t back[2];
  ASSERT_OK(d.Decode(back, 2));
  EXPECT_EQ(back[0], 1);
  EXPECT_EQ(back[1], -2);
  EXPECT_EQ(d.remaining(), 0u);

  std::vector<double> doubles = {0.5, -1e300, 3.25};
  std::string dout;
  EncodePlainFixed(doubles.data(), 8, 3, &dout);
  PlainDecoder dd(U8(dout), dout.size());
  std::vector<double> dback(3);
  ASSERT_OK(dd.Decode(dback.data(), 1));
  ASSERT_OK(dd.Decode(dback.data() + 1, 2));
  EXPECT_EQ(dback, doubles);
}

TEST(PlainEncodingTest, Int96AndFixedLenByteArray) {
  // INT96 is 12 bytes per value, FLBA `type_length` bytes; both are opaque fixed widths here.
  std::string in;
  for (int i = 0; i < 36; ++i) in.push_back(static_cast<char>(i));
  PlainDecoder d(U8(in), in.size());
  uint8_t out[36];
  ASSERT_OK(d.DecodeFixed(12, 2, out));
  ASSERT_OK(d.DecodeFixed(12, 1, out + 24));
  EXPECT_EQ(std::memcmp(out, in.data(), 36), 0);
  EXPECT_TRUE(d.DecodeFixed(12, 1, out).IsInvalid());

  PlainDecoder flba(U8(in), in.size());
  ASSERT_OK(flba.DecodeFixed(5, 7, out));
  EXPECT_TRUE(flba.DecodeFixed(5, 1, out).IsInvalid());  // 1 byte left
  ASSERT_OK(flba.DecodeFixed(1, 1, out));
}

TEST(PlainEncodingTest, BooleansAreLsbFirstAndDecodeInUnalignedRuns) {
  // true, false, true, true, false, false, false, false, true -> 0b00001101, 0b00000001
  uint8_t bits[2] = {0b00001101, 0b00000001};
  std::string out;
  PlainBooleanEncoder e(&out);
  e.Put(bits, 0, 3);
  e.Put(bits, 3, 6);
  EXPECT_EQ(e.count(), 9);
  EXPECT_EQ(out, std::string("\x0d\x01", 2));

  std::mt19937 rng(3);
  std::vector<uint8_t> src(200);
  for (auto& b : src) b = static_cast<uint8_t>(rng());
  std::string encoded;
  PlainBooleanEncoder enc(&encoded);
  // Bits 5..1500 of src, appended in uneven pieces.
  int64_t pos = 5;
  while (pos < 1500) {
    int64_t n = std::min<int64_t>(1 + static_cast<int64_t>(rng() % 70), 1500 - pos);
    enc.Put(src.data(), pos, n);
    pos += n;
  }
  ASSERT_EQ(encoded.size(), static_cast<size_t>((1495 + 7) / 8));
  PlainDecoder d(U8(encoded), encoded.size());
  std::vector<uint8_t> dst(200, 0xFF);
  int64_t done = 0;
  while (done < 1495) {
    int64_t n = std::min<int64_t>(1 + static_cast<int64_t>(rng() % 50), 1495 - done);
    // Decode into the destination at an offset of 3 bits.
    ASSERT_OK(d.DecodeBooleans(n, dst.data(), 3 + done));
    done += n;
  }
  for (int64_t i = 0; i < 1495; ++i) {
    ASSERT_EQ(bitmap::GetBit(dst.data(), 3 + i), bitmap::GetBit(src.data(), 5 + i)) << i;
  }
  // Bits around the range are untouched.
  EXPECT_TRUE(bitmap::GetBit(dst.data(), 0));
  EXPECT_TRUE(bitmap::GetBit(dst.data(), 3 + 1495));
  // The padding bits of the last byte can be read as values, but nothing past them.
  EXPECT_OK(d.DecodeBooleans(1, dst.data(), 0));
  EXPECT_TRUE(d.DecodeBooleans(8, dst.data(), 0).IsInvalid());
}

TEST(PlainEncodingTest, ByteArraysRoundTripIntoViewsAndBuilders) {
  std::vector<std::string> values = {"", "a", "hello", std::string(1000, 'x'), "\0\x01"};
  std::vector<int32_t> offsets = {0};
  std::string data;
  for (const auto& v : values) {
    data += v;
    offsets.push_back(static_cast<int32_t>(data.size()));
  }
  std::string out;
  EncodePlainByteArrays(offsets.data(), U8(data), static_cast<int64_t>(values.size()), &out);
  EXPECT_EQ(out.substr(0, 9), std::string("\0\0\0\0\x01\0\0\0a", 9));

  PlainDecoder views(U8(out), out.size());
  std::vector<std::string_view> got(values.size());
  ASSERT_OK(views.DecodeByteArrays(static_cast<int64_t>(values.size()), got.data()));
  for (size_t i = 0; i < values.size(); ++i) EXPECT_EQ(got[i], values[i]);

  PlainDecoder into(U8(out), out.size());
  BinaryBuilder builder(Binary());
  ASSERT_OK(into.DecodeByteArrays(2, &builder));
  ASSERT_OK(builder.AppendNull());
  ASSERT_OK(into.DecodeByteArrays(3, &builder));
  ASSERT_OK_AND_ASSIGN(ArrayPtr array, builder.Finish());
  ASSERT_OK(ValidateArray(*array));
  ASSERT_EQ(array->length(), 6);
  EXPECT_EQ(array->GetView(1), "a");
  EXPECT_TRUE(array->IsNull(2));
  EXPECT_EQ(array->GetView(4), values[3]);
  EXPECT_EQ(array->GetView(5), values[4]);
}

TEST(PlainEncodingTest, TruncatedByteArraysFailWithoutMoving) {
  std::string out = std::string("\x03\0\0\0abc", 7) + std::string("\x05\0\0\0ab", 6);
  BinaryBuilder builder(Utf8());
  PlainDecoder d(U8(out), out.size());
  EXPECT_TRUE(d.DecodeByteArrays(2, &builder).IsInvalid());
  EXPECT_EQ(builder.length(), 0);
  ASSERT_OK(d.DecodeByteArrays(1, &builder));  // the first value is still there
  EXPECT_TRUE(d.DecodeByteArrays(1, &builder).IsInvalid());
  std::string_view view;
  EXPECT_TRUE(d.DecodeByteArrays(1, &view).IsInvalid());
  // A length prefix itself cut short, and a length near 4 GiB.
  std::string short_prefix("\x01\0", 2);
  PlainDecoder d2(U8(short_prefix), short_prefix.size());
  EXPECT_TRUE(d2.DecodeByteArrays(1, &view).IsInvalid());
  std::string huge("\xff\xff\xff\xff" "abc", 7);
  PlainDecoder d3(U8(huge), huge.size());
  EXPECT_TRUE(d3.DecodeByteArrays(1, &builder).IsInvalid());
}

TEST(PlainEncodingTest, RejectsNonsenseCountsAndWidths) {
  std::string in(16, '\0');
  PlainDecoder d(U8(in), in.size());
  int64_t out[2];
  EXPECT_TRUE(d.DecodeFixed(8, -1, out).IsInvalid());
  EXPECT_TRUE(d.DecodeFixed(0, 1, out).IsInvalid());
  EXPECT_TRUE(d.DecodeFixed(8, int64_t{1} << 62, out).IsInvalid());
  EXPECT_TRUE(d.DecodeBooleans(-1, nullptr, 0).IsInvalid());
  ASSERT_OK(d.DecodeFixed(8, 2, out));
}

}  // namespace
}  // namespace bundlebase::parquet
