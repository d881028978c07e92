// DictionaryBuilder: indices in first-seen order, the PLAIN dictionary page body, bitwise
// identity of floats, growth of the hash table, byte arrays and odd fixed widths.
#include "formats/parquet/dictionary_builder.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

TEST(DictionaryBuilderTest, IndicesAndPlainBodyOfInt32) {
  const int32_t values[] = {7, -1, 7, 7, 0, -1};
  DictionaryBuilder d(Type::kInt32, 4);
  std::vector<uint32_t> indices;
  auto pv = PhysicalValues::FixedView(Type::kInt32, 4, reinterpret_cast<const uint8_t*>(values), 6);
  d.Put(pv, 0, 6, &indices);
  EXPECT_EQ(indices, (std::vector<uint32_t>{0, 1, 0, 0, 2, 1}));
  ASSERT_EQ(d.size(), 3);
  const int32_t expected[] = {7, -1, 0};
  EXPECT_EQ(d.plain(), std::string(reinterpret_cast<const char*>(expected), 12));
  std::string plain;
  d.AppendPlain(1, &plain);
  EXPECT_EQ(plain, std::string(reinterpret_cast<const char*>(&expected[1]), 4));
}

TEST(DictionaryBuilderTest, FloatsAreComparedAsBits) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double values[] = {0.0, -0.0, nan, nan, -nan, 0.0};
  DictionaryBuilder d(Type::kDouble, 8);
  std::vector<uint32_t> indices;
  d.Put(PhysicalValues::FixedView(Type::kDouble, 8, reinterpret_cast<const uint8_t*>(values), 6), 0,
        6, &indices);
  EXPECT_EQ(indices, (std::vector<uint32_t>{0, 1, 2, 2, 3, 0}));
}

TEST(DictionaryBuilderTest, GrowsPastItsFirstTable) {
  std::vector<int64_t> values;
  for (int64_t i = 0; i < 100000; ++i) values.push_back((i * 7919) % 30000 - 15000);
  DictionaryBuilder d(Type::kInt64, 8);
  std::vector<uint32_t> indices;
  auto pv = PhysicalValues::FixedView(Type::kInt64, 8,
                                      reinterpret_cast<const uint8_t*>(values.data()), 100000);
  d.Put(pv, 0, 50000, &indices);
  d.Put(pv, 50000, 50000, &indices);
  ASSERT_EQ(d.size(), 30000);
  for (size_t i = 0; i < values.size(); ++i) {
    int64_t entry;
    std::memcpy(&entry, d.plain().data() + indices[i] * 8, 8);
    ASSERT_EQ(entry, values[i]) << i;
  }
}

TEST(DictionaryBuilderTest, ByteArraysAndWideFixedValues) {
  std::vector<std::string_view> views = {"b", "", "a", "b", "", "long value"};
  DictionaryBuilder d(Type::kByteArray, 0);
  std::vector<uint32_t> indices;
  d.Put(PhysicalValues::ByteArrayView(views), 0, 6, &indices);
  EXPECT_EQ(indices, (std::vector<uint32_t>{0, 1, 2, 0, 1, 3}));
  EXPECT_EQ(d.plain(), std::string("\1\0\0\0b\0\0\0\0\1\0\0\0a\12\0\0\0long value", 28));
  std::string plain;
  d.AppendPlain(3, &plain);
  EXPECT_EQ(plain, std::string("\12\0\0\0long value", 14));
  auto entries = d.Entries();
  ASSERT_EQ(entries.count(), 4);
  EXPECT_EQ(entries.views()[3], "long value");

  const uint8_t fixed[] = {1, 2, 3, 4, 5, 6, 1, 2, 3, 9, 9, 9, 1, 2, 3, 4, 5, 6};
  DictionaryBuilder f(Type::kFixedLenByteArray, 6);
  indices.clear();
  f.Put(PhysicalValues::FixedView(Type::kFixedLenByteArray, 6, fixed, 3), 0, 3, &indices);
  EXPECT_EQ(indices, (std::vector<uint32_t>{0, 1, 0}));
  EXPECT_EQ(f.plain(), std::string(reinterpret_cast<const char*>(fixed), 12));
}

}  // namespace
}  // namespace bundlebase::parquet
