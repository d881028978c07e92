// KeyEncoder and GroupTable: layouts chosen by type, grouping rules for floats (-0 = 0,
// NaN = NaN), NULLs, nested and decimal keys, unmatchable rows for joins, table growth and
// re-insertion of another table's groups.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "hash_test_util.h"
#include "sql/execution/hash_group_table.h"
#include "sql/execution/key_encoder.h"

namespace bundlebase::sql {
namespace {

using hash_testing::Int64s;
using hash_testing::Strings;

// Group ids of `columns` rows through a fresh table.
std::vector<uint32_t> GroupIds(const std::vector<ArrayPtr>& columns, KeyLayout expected_layout,
                               int64_t* num_groups) {
  std::vector<DataTypePtr> types;
  for (const auto& c : columns) types.push_back(c->type());
  KeyEncoder encoder(types);
  EXPECT_EQ(encoder.layout(), expected_layout);
  MemoryBudget budget(int64_t{1} << 30);
  GroupTable table(encoder.layout(), &budget, "test");
  EncodedKeys keys;
  EXPECT_TRUE(encoder.Encode(columns, columns[0]->length(), &keys).ok());
  std::vector<uint32_t> ids(static_cast<size_t>(columns[0]->length()));
  std::vector<int32_t> new_rows;
  EXPECT_TRUE(table.FindOrInsert(keys, ids.data(), &new_rows).ok());
  *num_groups = table.num_groups();
  EXPECT_EQ(static_cast<int64_t>(new_rows.size()), table.num_groups());
  table.ReleaseMemory();
  EXPECT_EQ(budget.used(), 0);
  return ids;
}

ArrayPtr Doubles(const std::vector<std::optional<double>>& values) {
  Float64Builder b(Float64());
  for (const auto& v : values) {
    EXPECT_TRUE((v ? b.Append(*v) : b.AppendNull()).ok());
  }
  return b.Finish().ValueOrDie();
}

TEST(KeyEncoder, FloatsGroupNegativeZeroAndNaN) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto column = Doubles({0.0, -0.0, nan, -nan, 1.5, std::nullopt, std::nullopt});
  int64_t groups = 0;
  auto ids = GroupIds({column}, KeyLayout::kInt64, &groups);
  EXPECT_EQ(groups, 4);
  EXPECT_EQ(ids[0], ids[1]);
  EXPECT_EQ(ids[2], ids[3]);
  EXPECT_EQ(ids[5], ids[6]);
  EXPECT_NE(ids[0], ids[2]);
  // The same in the multi-column layout.
  auto ones = Int64s({1, 1, 1, 1, 1, 1, 1});
  auto row_ids = GroupIds({column, ones}, KeyLayout::kRow, &groups);
  EXPECT_EQ(groups, 4);
  EXPECT_EQ(row_ids[0], row_ids[1]);
  EXPECT_EQ(row_ids[2], row_ids[3]);
}

TEST(KeyEncoder, StringsAndMultiColumnNulls) {
  int64_t groups = 0;
  auto ids = GroupIds({Strings({"a", "", std::nullopt, "a", std::nullopt, ""})}, KeyLayout::kBytes,
                      &groups);
  EXPECT_EQ(groups, 3);
  EXPECT_EQ(ids[0], ids[3]);
  EXPECT_EQ(ids[1], ids[5]);
  EXPECT_EQ(ids[2], ids[4]);
  EXPECT_NE(ids[1], ids[2]);  // '' is not NULL
  // ("a", NULL) vs (NULL, "a") vs ("", "a"): the NULL flag keeps them apart.
  auto row_ids = GroupIds({Strings({"a", std::nullopt, "", "a"}),
                           Strings({std::nullopt, "a", "a", std::nullopt})},
                          KeyLayout::kRow, &groups);
  EXPECT_EQ(groups, 3);
  EXPECT_EQ(row_ids[0], row_ids[3]);
}

TEST(KeyEncoder, ListAndDecimalKeys) {
  ListBuilder list(List(Int64()), std::make_unique<Int64Builder>(Int64()));
  auto* items = static_cast<Int64Builder*>(list.value_builder());
  auto add = [&](std::vector<int64_t> values) {
    ASSERT_OK(list.Append());
    for (int64_t v : values) ASSERT_OK(items->Append(v));
  };
  add({1, 2});
  add({1, 2});
  add({1});
  ASSERT_OK(list.AppendNull());
  add({});
  add({2, 1});
  ASSERT_OK_AND_ASSIGN(ArrayPtr lists, list.Finish());
  int64_t groups = 0;
  auto ids = GroupIds({lists}, KeyLayout::kRow, &groups);
  EXPECT_EQ(groups, 5);
  EXPECT_EQ(ids[0], ids[1]);

  Decimal128Builder decimals(Decimal128(10, 2));
  for (int v : {100, 250, 100}) ASSERT_OK(decimals.Append(v));
  ASSERT_OK_AND_ASSIGN(ArrayPtr dec, decimals.Finish());
  auto dec_ids = GroupIds({dec}, KeyLayout::kRow, &groups);
  EXPECT_EQ(groups, 2);
  EXPECT_EQ(dec_ids[0], dec_ids[2]);
}

TEST(KeyEncoder, UnmatchableRowsForJoins) {
  KeyEncoder encoder({Int64(), Int64()});
  EncodedKeys keys;
  std::vector<ArrayPtr> columns = {Int64s({1, std::nullopt, 3}), Int64s({std::nullopt, 2, 3})};
  ASSERT_OK(encoder.Encode(columns, 3, &keys, {true, false}));
  EXPECT_TRUE(keys.is_unmatchable(0));   // NULL in the second key, which is not null-safe
  EXPECT_FALSE(keys.is_unmatchable(1));  // NULL in the first key, which is
  EXPECT_FALSE(keys.is_unmatchable(2));
}

TEST(GroupTable, GrowsAndMergesAnotherTable) {
  MemoryBudget budget(int64_t{1} << 30);
  KeyEncoder encoder({Int64()});
  GroupTable first(KeyLayout::kInt64, &budget, "test");
  std::vector<std::optional<int64_t>> values;
  for (int64_t i = 0; i < 100000; ++i) values.push_back(i * 7919 % 100003);
  EncodedKeys keys;
  ASSERT_OK(encoder.Encode({Int64s(values)}, 100000, &keys));
  std::vector<uint32_t> ids(100000), again(100000);
  std::vector<int32_t> new_rows;
  ASSERT_OK(first.FindOrInsert(keys, ids.data(), &new_rows));
  EXPECT_EQ(first.num_groups(), 100000);
  new_rows.clear();
  ASSERT_OK(first.FindOrInsert(keys, again.data(), &new_rows));
  EXPECT_TRUE(new_rows.empty());
  EXPECT_EQ(ids, again);

  GroupTable second(KeyLayout::kInt64, &budget, "test");
  std::vector<uint32_t> groups = {5, 7, 5};
  std::vector<uint32_t> mapped(3);
  std::vector<uint32_t> new_groups;
  ASSERT_OK(second.FindOrInsertGroups(first, groups.data(), 3, mapped.data(), &new_groups));
  EXPECT_EQ(mapped, (std::vector<uint32_t>{0, 1, 0}));
  EXPECT_EQ(new_groups, (std::vector<uint32_t>{5, 7}));
  EXPECT_GT(budget.used(), 0);
  first.ReleaseMemory();
  second.ReleaseMemory();
  EXPECT_EQ(budget.used(), 0);
}

}  // namespace
}  // namespace bundlebase::sql
