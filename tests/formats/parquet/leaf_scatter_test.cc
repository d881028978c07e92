// The reader's last steps for nullable and dictionary-encoded leaves: validity from levels,
// scattering dense values over slots (every width, across 64-slot words; strings without
// copying their bytes), and gathering dictionary strings.
#include "formats/parquet/leaf_scatter.h"

#include "columnar/builder.h"
#include "formats/parquet/byte_array_gather.h"
#include "test_util.h"

namespace bundlebase::parquet {
namespace {

TEST(LeafScatterTest, ValidityFromLevels) {
  std::vector<int16_t> def;
  for (int i = 0; i < 70; ++i) def.push_back(static_cast<int16_t>(i % 3));
  int64_t nulls = 0;
  ASSERT_OK_AND_ASSIGN(BufferPtr bits, ValidityFromLevels(def.data(), 70, 2, &nulls));
  ASSERT_NE(bits, nullptr);
  EXPECT_EQ(nulls, 70 - 23);
  for (int i = 0; i < 70; ++i) EXPECT_EQ(bitmap::GetBit(bits->data(), i), i % 3 == 2) << i;
  ASSERT_OK_AND_ASSIGN(BufferPtr none, ValidityFromLevels(def.data(), 70, 0, &nulls));
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(nulls, 0);
}

// n slots, valid where pattern(i); the dense values are 1000 + their position among the valid.
template <typename T>
void CheckFixed(const DataTypePtr& type, int64_t n, bool (*pattern)(int64_t)) {
  FixedWidthBuilder<T> dense(type);
  std::vector<int16_t> def(n);
  for (int64_t i = 0, k = 0; i < n; ++i) {
    def[i] = pattern(i);
    if (pattern(i)) ASSERT_OK(dense.Append(static_cast<T>(1000 + k++)));
  }
  ASSERT_OK_AND_ASSIGN(auto values, dense.Finish());
  int64_t nulls = 0;
  ASSERT_OK_AND_ASSIGN(BufferPtr validity, ValidityFromLevels(def.data(), n, 1, &nulls));
  ASSERT_OK_AND_ASSIGN(auto out, ScatterLeafValues(values, validity, n, nulls));
  ASSERT_EQ(out->length(), n);
  EXPECT_EQ(out->null_count(), nulls);
  for (int64_t i = 0, k = 0; i < n; ++i) {
    ASSERT_EQ(out->IsValid(i), pattern(i)) << i;
    if (pattern(i)) {
      ASSERT_EQ(out->template values<T>()[i], static_cast<T>(1000 + k)) << i;
      ++k;
    }
  }
}

TEST(LeafScatterTest, FixedWidthValuesOfEveryWidth) {
  auto sparse = +[](int64_t i) { return i % 5 == 1; };
  auto dense = +[](int64_t i) { return i != 3 && i != 130; };  // whole valid words in between
  for (int64_t n : {1, 63, 64, 65, 200, 1000}) {
    CheckFixed<int8_t>(Int8(), n, sparse);
    CheckFixed<int16_t>(Int16(), n, dense);
    CheckFixed<int32_t>(Int32(), n, sparse);
    CheckFixed<int64_t>(Int64(), n, dense);
    CheckFixed<double>(Float64(), n, sparse);
    CheckFixed<__int128>(Decimal128(30, 2), n, dense);
  }
}

TEST(LeafScatterTest, StringsKeepTheirBytesAndBooleansTheirBits) {
  BinaryBuilder text(Utf8());
  for (const char* s : {"ab", "", "cde"}) ASSERT_OK(text.Append(s));
  ASSERT_OK_AND_ASSIGN(auto values, text.Finish());
  std::vector<int16_t> def = {0, 1, 1, 0, 0, 1, 0};
  int64_t nulls = 0;
  ASSERT_OK_AND_ASSIGN(BufferPtr validity, ValidityFromLevels(def.data(), 7, 1, &nulls));
  ASSERT_OK_AND_ASSIGN(auto out, ScatterLeafValues(values, validity, 7, nulls));
  EXPECT_EQ(out->buffers()[2], values->buffers()[2]);  // the same bytes, not a copy
  const std::vector<std::string> expected = {"", "ab", "", "", "", "cde", ""};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(out->IsValid(i), def[i] == 1);
    EXPECT_EQ(out->GetView(i), expected[i]);
  }
  ASSERT_OK(ValidateArray(*out));

  BoolBuilder flags;
  for (bool b : {true, false, true}) ASSERT_OK(flags.Append(b));
  ASSERT_OK_AND_ASSIGN(auto bools, flags.Finish());
  ASSERT_OK_AND_ASSIGN(auto scattered, ScatterLeafValues(bools, validity, 7, nulls));
  EXPECT_TRUE(scattered->GetBool(1));
  EXPECT_FALSE(scattered->GetBool(2));
  EXPECT_TRUE(scattered->GetBool(5));
  EXPECT_TRUE(scattered->IsNull(0));
}

TEST(ByteArrayGatherTest, ShortAndLongValues) {
  const std::string long_value(100, 'x');
  std::vector<std::string_view> dictionary = {"", "a", "exactly16bytes!!", long_value, "é"};
  std::vector<uint32_t> indices = {3, 1, 0, 2, 4, 4, 0, 3, 1};
  ASSERT_OK_AND_ASSIGN(auto out, GatherByteArrays(dictionary, indices.data(),
                                                  static_cast<int64_t>(indices.size()), 1 << 20));
  ASSERT_EQ(out->length(), 9);
  for (size_t i = 0; i < indices.size(); ++i) EXPECT_EQ(out->GetView(i), dictionary[indices[i]]);
  ASSERT_OK(ValidateArray(*out));
  // Nothing but empty strings, and no values at all.
  std::vector<uint32_t> zeros(5, 0);
  ASSERT_OK_AND_ASSIGN(auto empty, GatherByteArrays(dictionary, zeros.data(), 5, 1 << 20));
  EXPECT_EQ(empty->GetView(4), "");
  ASSERT_OK_AND_ASSIGN(auto none, GatherByteArrays({}, nullptr, 0, 1 << 20));
  EXPECT_EQ(none->length(), 0);
}

TEST(ByteArrayGatherTest, RefusesToExpandPastTheLimit) {
  const std::string value(1000, 'y');
  std::vector<std::string_view> dictionary = {value};
  std::vector<uint32_t> indices(100, 0);
  EXPECT_TRUE(GatherByteArrays(dictionary, indices.data(), 100, 99999).status().IsResourceExhausted());
  EXPECT_OK(GatherByteArrays(dictionary, indices.data(), 100, 100000));
}

}  // namespace
}  // namespace bundlebase::parquet
