// DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY: the spec's examples, round trips decoded in runs,
// FIXED_LEN_BYTE_ARRAY values, and lengths or prefixes that lie.
#include "formats/parquet/delta_byte_array.h"

#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

const uint8_t* U8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

std::string DeltaInts(const std::vector<int32_t>& values) {
  DeltaBinaryPackedEncoder<int32_t> e;
  e.Put(values.data(), static_cast<int64_t>(values.size()));
  std::string out;
  e.Flush(&out);
  return out;
}

struct Strings {
  std::vector<int32_t> offsets{0};
  std::string data;
  explicit Strings(const std::vector<std::string>& values) {
    for (const auto& v : values) {
      data += v;
      offsets.push_back(static_cast<int32_t>(data.size()));
    }
  }
  int64_t size() const { return static_cast<int64_t>(offsets.size()) - 1; }
};

std::vector<std::string> ToStrings(const Array& a) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < a.length(); ++i) out.emplace_back(a.GetView(i));
  return out;
}

TEST(DeltaLengthByteArrayTest, SpecExample) {
  std::vector<std::string> values = {"Hello", "World", "Foobar", "ABCDEF"};
  Strings s(values);
  DeltaLengthByteArrayEncoder e;
  e.Put(s.offsets.data(), U8(s.data), s.size());
  std::string out;
  e.Flush(&out);
  EXPECT_EQ(out, DeltaInts({5, 5, 6, 6}) + "HelloWorldFoobarABCDEF");

  DeltaLengthByteArrayDecoder d;
  ASSERT_OK(d.Init(U8(out), out.size(), 4));
  std::vector<std::string_view> views(4);
  ASSERT_OK(d.Decode(4, views.data()));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(views[i], values[i]);
  EXPECT_EQ(d.values_left(), 0);
}

TEST(DeltaByteArrayTest, SpecExample) {
  std::vector<std::string> values = {"axis", "axle", "babble", "babyhood"};
  Strings s(values);
  DeltaByteArrayEncoder e;
  e.Put(s.offsets.data(), U8(s.data), s.size());
  std::string out;
  e.Flush(&out);
  EXPECT_EQ(out, DeltaInts({0, 2, 0, 3}) + DeltaInts({4, 2, 6, 5}) + "axislebabbleyhood");

  DeltaByteArrayDecoder d;
  ASSERT_OK(d.Init(U8(out), out.size(), 4));
  BinaryBuilder b(Utf8());
  ASSERT_OK(d.Decode(4, &b));
  ASSERT_OK_AND_ASSIGN(ArrayPtr a, b.Finish());
  EXPECT_EQ(ToStrings(*a), values);
}

std::vector<std::string> RandomStrings(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  std::string prev;
  for (size_t i = 0; i < n; ++i) {
    std::string v = prev.substr(0, rng() % (prev.size() + 1));
    size_t extra = rng() % 12;
    for (size_t j = 0; j < extra; ++j) v.push_back(static_cast<char>('a' + rng() % 26));
    if (i % 97 == 0) v.clear();
    out.push_back(v);
    prev = v;
  }
  return out;
}

TEST(DeltaByteArrayTest, RoundTripsBothEncodingsInRuns) {
  for (size_t n : {0, 1, 5, 1024, 1025, 5000}) {
    std::vector<std::string> values = RandomStrings(n, static_cast<uint32_t>(n));
    Strings s(values);
    std::string dlba, dba;
    DeltaLengthByteArrayEncoder e1;
    DeltaByteArrayEncoder e2;
    // Put in two pieces, as a writer does across batches.
    int64_t half = s.size() / 2;
    e1.Put(s.offsets.data(), U8(s.data), half);
    e1.Put(s.offsets.data() + half, U8(s.data), s.size() - half);
    e2.Put(s.offsets.data(), U8(s.data), half);
    e2.Put(s.offsets.data() + half, U8(s.data), s.size() - half);
    e1.Flush(&dlba);
    e2.Flush(&dba);
    EXPECT_LT(dba.size(), dlba.size() + 16);

    DeltaLengthByteArrayDecoder d1;
    DeltaByteArrayDecoder d2;
    ASSERT_OK(d1.Init(U8(dlba), dlba.size(), s.size()));
    ASSERT_OK(d2.Init(U8(dba), dba.size(), s.size()));
    BinaryBuilder b1(Utf8()), b2(Utf8());
    int64_t done = 0, batch = 1;
    while (done < s.size()) {
      int64_t want = std::min(batch, s.size() - done);
      ASSERT_OK(d1.Decode(want, &b1));
      ASSERT_OK(d2.Decode(want, &b2));
      ASSERT_OK(b1.AppendNull());  // a reader interleaves nulls between runs
      ASSERT_OK(b2.AppendNull());
      done += want;
      batch = batch * 7 % 2000 + 1;
    }
    ASSERT_OK_AND_ASSIGN(ArrayPtr a1, b1.Finish());
    ASSERT_OK_AND_ASSIGN(ArrayPtr a2, b2.Finish());
    ASSERT_OK(ValidateArray(*a1));
    std::vector<std::string> got1, got2;
    for (int64_t i = 0; i < a1->length(); ++i) {
      if (a1->IsValid(i)) got1.emplace_back(a1->GetView(i));
      if (a2->IsValid(i)) got2.emplace_back(a2->GetView(i));
    }
    EXPECT_EQ(got1, values);
    EXPECT_EQ(got2, values);
  }
}

TEST(DeltaByteArrayTest, DecodesFixedLengthValues) {
  std::vector<std::string> values = {"abcd", "abce", "zzzz", "zzzy"};
  Strings s(values);
  DeltaByteArrayEncoder e;
  e.Put(s.offsets.data(), U8(s.data), s.size());
  std::string out;
  e.Flush(&out);
  DeltaByteArrayDecoder d;
  ASSERT_OK(d.Init(U8(out), out.size(), 4));
  uint8_t fixed[16];
  ASSERT_OK(d.DecodeFixed(1, 4, fixed));
  ASSERT_OK(d.DecodeFixed(3, 4, fixed + 4));
  EXPECT_EQ(std::string(reinterpret_cast<char*>(fixed), 16), "abcdabcezzzzzzzy");

  DeltaByteArrayDecoder wrong;
  ASSERT_OK(wrong.Init(U8(out), out.size(), 4));
  EXPECT_TRUE(wrong.DecodeFixed(1, 5, fixed).IsInvalid());
}

TEST(DeltaByteArrayTest, RejectsLyingLengthsAndPrefixes) {
  BinaryBuilder b(Utf8());
  // Lengths adding up to more than the bytes present.
  std::string too_long = DeltaInts({3, 10}) + "abcdef";
  DeltaLengthByteArrayDecoder d1;
  ASSERT_OK(d1.Init(U8(too_long), too_long.size(), 2));
  EXPECT_TRUE(d1.Decode(2, &b).IsInvalid());
  // A negative length.
  std::string negative = DeltaInts({3, -1}) + "abc";
  DeltaLengthByteArrayDecoder d2;
  ASSERT_OK(d2.Init(U8(negative), negative.size(), 2));
  EXPECT_TRUE(d2.Decode(2, &b).IsInvalid());
  // A prefix longer than the previous value.
  std::string prefix = DeltaInts({0, 5}) + DeltaInts({2, 1}) + "abc";
  DeltaByteArrayDecoder d3;
  ASSERT_OK(d3.Init(U8(prefix), prefix.size(), 2));
  EXPECT_TRUE(d3.Decode(2, &b).IsInvalid());
  // Different numbers of prefixes and suffixes.
  std::string mismatch = DeltaInts({0, 0, 0}) + DeltaInts({1, 1}) + "ab";
  DeltaByteArrayDecoder d4;
  EXPECT_TRUE(d4.Init(U8(mismatch), mismatch.size(), 3).IsInvalid());
  // More values than the page holds.
  DeltaByteArrayDecoder d5;
  std::string ok = DeltaInts({0, 0}) + DeltaInts({1, 1}) + "ab";
  EXPECT_TRUE(d5.Init(U8(ok), ok.size(), 1).IsInvalid());
  // Asking for more values than there are.
  DeltaByteArrayDecoder d6;
  ASSERT_OK(d6.Init(U8(ok), ok.size(), 2));
  EXPECT_TRUE(d6.Decode(3, &b).IsInvalid());
}

TEST(DeltaByteArrayTest, EveryTruncationFailsCleanly) {
  std::vector<std::string> values = RandomStrings(300, 9);
  Strings s(values);
  DeltaByteArrayEncoder e;
  e.Put(s.offsets.data(), U8(s.data), s.size());
  std::string out;
  e.Flush(&out);
  for (size_t n = 0; n < out.size(); ++n) {
    std::string cut = out.substr(0, n);
    DeltaByteArrayDecoder d;
    Status st = d.Init(U8(cut), cut.size(), 300);
    if (st.ok()) {
      BinaryBuilder b(Utf8());
      st = d.Decode(300, &b);
    }
    EXPECT_TRUE(st.IsInvalid()) << n;
  }
}

}  // namespace
}  // namespace bundlebase::parquet
