// SortOperator: order of every key type against an independent reference, NULL placement, NaN,
// ties on several keys, empty input, thread counts 1/2/4 agreeing, the memory limit.
#include "sql/execution/sort_operator.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "sort_test_source.h"

namespace bundlebase::sql {
namespace {

using order_testing::BatchSource;
using order_testing::MakeColumn;
using order_testing::MakeStrings;
using order_testing::RunPlan;
using order_testing::SplitIntoBatches;
using order_testing::Values;

std::unique_ptr<SortOperator> MakeSort(const SchemaPtr& schema, std::vector<RecordBatchPtr> batches,
                                       std::vector<SortKey> keys) {
  return std::make_unique<SortOperator>(
      schema, std::make_unique<BatchSource>(schema, std::move(batches)), std::move(keys));
}

// Reference order of optional values under one key, NULL placement included.
template <typename T>
bool RefLess(const std::optional<T>& a, const std::optional<T>& b, const SortKey& key) {
  if (!a || !b) {
    if (!a && !b) return false;
    return key.nulls_first ? !a : !b;
  }
  return key.ascending ? *a < *b : *b < *a;
}

TEST(SortOperatorTest, Int64KeysEveryDirectionAndNullPlacementAcrossThreads) {
  std::mt19937_64 rng(7);
  const int n = 20000;
  std::vector<std::optional<int64_t>> keys(n);
  std::vector<std::optional<int64_t>> ids(n);
  for (int i = 0; i < n; ++i) {
    if (rng() % 10 == 0) {
      keys[i] = std::nullopt;
    } else {
      keys[i] = static_cast<int64_t>(rng() % 2000) - 1000;
    }
    ids[i] = i;
  }
  auto schema = MakeSchema({Field("k", Int64()), Field("id", Int64())});
  auto batches = SplitIntoBatches(
      schema, {MakeColumn<int64_t>(Int64(), keys), MakeColumn<int64_t>(Int64(), ids)}, 777);
  for (bool ascending : {true, false}) {
    for (bool nulls_first : {true, false}) {
      SortKey key{0, ascending, nulls_first};
      auto expected = keys;
      std::sort(expected.begin(), expected.end(),
                [&](const auto& a, const auto& b) { return RefLess(a, b, key); });
      for (int threads : {1, 2, 4}) {
        auto sort = MakeSort(schema, batches, {key});
        ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, threads));
        EXPECT_EQ(Values<int64_t>(out, 0), expected) << key.ToString() << " threads " << threads;
        // Every row exactly once, and each id still beside its key.
        auto got_ids = Values<int64_t>(out, 1);
        auto got_keys = Values<int64_t>(out, 0);
        std::vector<bool> seen(n, false);
        for (size_t r = 0; r < got_ids.size(); ++r) {
          ASSERT_FALSE(seen[*got_ids[r]]);
          seen[*got_ids[r]] = true;
          EXPECT_EQ(got_keys[r], keys[*got_ids[r]]);
        }
        EXPECT_EQ(got_ids.size(), static_cast<size_t>(n));
      }
    }
  }
}

TEST(SortOperatorTest, TextThenIntegerKeysBreakTies) {
  std::mt19937_64 rng(11);
  const int n = 5000;
  const std::vector<std::string> words = {"", "a", "ab", "abcdefgh", "abcdefghi", "abcdefghj",
                                          "b", "\xc3\xa9t\xc3\xa9", "Z"};
  std::vector<std::optional<std::string>> text(n);
  std::vector<std::optional<int32_t>> number(n);
  for (int i = 0; i < n; ++i) {
    if (rng() % 13 == 0) {
      text[i] = std::nullopt;
    } else {
      text[i] = words[rng() % words.size()];
    }
    if (rng() % 17 == 0) {
      number[i] = std::nullopt;
    } else {
      number[i] = static_cast<int32_t>(rng() % 50);
    }
  }
  auto schema = MakeSchema({Field("t", Utf8()), Field("n", Int32())});
  auto batches = SplitIntoBatches(schema, {MakeStrings(text), MakeColumn<int32_t>(Int32(), number)},
                                  300);
  const SortKey text_key = SortKey::Default(0, false);
  const SortKey number_key = SortKey::Default(1, true);
  std::vector<std::pair<std::optional<std::string>, std::optional<int32_t>>> expected;
  for (int i = 0; i < n; ++i) expected.emplace_back(text[i], number[i]);
  std::sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
    if (RefLess(a.first, b.first, text_key)) return true;
    if (RefLess(b.first, a.first, text_key)) return false;
    return RefLess(a.second, b.second, number_key);
  });
  for (int threads : {1, 2, 4}) {
    auto sort = MakeSort(schema, batches, {text_key, number_key});
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, threads));
    auto got_text = Values<std::string>(out, 0);
    auto got_number = Values<int32_t>(out, 1);
    ASSERT_EQ(got_text.size(), expected.size());
    for (size_t r = 0; r < expected.size(); ++r) {
      ASSERT_EQ(got_text[r], expected[r].first) << "row " << r;
      ASSERT_EQ(got_number[r], expected[r].second) << "row " << r;
    }
  }
}

TEST(SortOperatorTest, FloatsOrderNaNAboveInfinityAndNegativeZeroAsZero) {
  const double nan = std::nan("");
  const double inf = INFINITY;
  auto schema = MakeSchema({Field("x", Float64())});
  std::vector<std::optional<double>> values = {1.0, nan, -inf, std::nullopt, 0.0, -0.0, inf, -2.5};
  auto batches = SplitIntoBatches(schema, {MakeColumn<double>(Float64(), values)}, 3);
  auto sort = MakeSort(schema, batches, {SortKey::Default(0, true)});
  ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, 2));
  auto got = Values<double>(out, 0);
  ASSERT_EQ(got.size(), 8u);
  EXPECT_EQ(got[0], -inf);
  EXPECT_EQ(got[1], -2.5);
  EXPECT_EQ(*got[2], 0.0);
  EXPECT_EQ(*got[3], 0.0);
  EXPECT_EQ(got[4], 1.0);
  EXPECT_EQ(got[5], inf);
  EXPECT_TRUE(std::isnan(*got[6]));
  EXPECT_FALSE(got[7].has_value());

  auto descending = MakeSort(schema, batches, {SortKey::Default(0, false)});
  ASSERT_OK_AND_ASSIGN(auto down, RunPlan(*descending, 1));
  auto got_down = Values<double>(down, 0);
  EXPECT_FALSE(got_down[0].has_value());  // NULLS FIRST is DESC's default
  EXPECT_TRUE(std::isnan(*got_down[1]));
  EXPECT_EQ(got_down[2], inf);
  EXPECT_EQ(got_down[7], -inf);
}

TEST(SortOperatorTest, DecimalIntervalDateAndBoolKeys) {
  auto schema = MakeSchema({Field("d", Decimal128(38, 2)), Field("i", Interval()),
                            Field("day", Date32()), Field("b", Bool())});
  const __int128 big = static_cast<__int128>(1) << 100;
  std::vector<std::optional<__int128>> decimals = {big, -big, 5, -5, big + 1, std::nullopt};
  // 1 month = 30 days; 29 days 25 hours is more than 30 days.
  std::vector<std::optional<MonthDayNano>> intervals = {
      MonthDayNano{1, 0, 0}, MonthDayNano{0, 29, int64_t{25} * 3600 * 1000000000},
      MonthDayNano{0, 30, 1}, MonthDayNano{0, -1, 0}, std::nullopt, MonthDayNano{0, 0, 0}};
  std::vector<std::optional<int32_t>> days = {3, -3, 0, std::nullopt, 20000, 1};
  BoolBuilder bools;
  for (int i = 0; i < 6; ++i) ASSERT_OK(i == 2 ? bools.AppendNull() : bools.Append(i % 2 == 1));
  ASSERT_OK_AND_ASSIGN(ArrayPtr bool_column, bools.Finish());
  auto batches = SplitIntoBatches(schema,
                                  {MakeColumn<__int128>(Decimal128(38, 2), decimals),
                                   MakeColumn<MonthDayNano>(Interval(), intervals),
                                   MakeColumn<int32_t>(Date32(), days), bool_column},
                                  2);
  {
    auto sort = MakeSort(schema, batches, {SortKey::Default(0, true)});
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, 2));
    auto got = order_testing::ColumnValues(out, 0);
    std::vector<std::optional<__int128>> want = {-big, -5, 5, big, big + 1, std::nullopt};
    for (size_t r = 0; r < want.size(); ++r) {
      if (want[r]) {
        EXPECT_TRUE(got[r].get<__int128>() == *want[r]) << "row " << r;
      } else {
        EXPECT_TRUE(got[r].is_null());
      }
    }
  }
  {
    auto sort = MakeSort(schema, batches, {SortKey::Default(1, true)});
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, 1));
    auto got = order_testing::ColumnValues(out, 1);
    EXPECT_EQ(got[0].get<MonthDayNano>(), (MonthDayNano{0, -1, 0}));
    EXPECT_EQ(got[1].get<MonthDayNano>(), (MonthDayNano{0, 0, 0}));
    EXPECT_EQ(got[2].get<MonthDayNano>(), (MonthDayNano{1, 0, 0}));
    EXPECT_EQ(got[3].get<MonthDayNano>(), (MonthDayNano{0, 30, 1}));
    EXPECT_EQ(got[4].get<MonthDayNano>(), (MonthDayNano{0, 29, int64_t{25} * 3600 * 1000000000}));
    EXPECT_TRUE(got[5].is_null());
  }
  {
    auto sort = MakeSort(schema, batches, {SortKey{2, false, false}});
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, 4));
    EXPECT_EQ(Values<int32_t>(out, 2),
              (std::vector<std::optional<int32_t>>{20000, 3, 1, 0, -3, std::nullopt}));
  }
  {
    auto sort = MakeSort(schema, batches, {SortKey{3, true, true}, SortKey::Default(2, true)});
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, 1));
    EXPECT_EQ(Values<int32_t>(out, 2),
              (std::vector<std::optional<int32_t>>{0, 3, 20000, -3, 1, std::nullopt}));
  }
}

TEST(SortOperatorTest, EmptyInputGivesNoRows) {
  auto schema = MakeSchema({Field("k", Int64())});
  for (int threads : {1, 4}) {
    auto sort = MakeSort(schema, {}, {SortKey::Default(0, true)});
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(*sort, threads));
    EXPECT_EQ(order_testing::CountRows(out), 0);
  }
}

TEST(SortOperatorTest, MemoryLimitIsAClearError) {
  std::vector<std::optional<int64_t>> keys(100000, 1);
  auto schema = MakeSchema({Field("k", Int64())});
  auto batches = SplitIntoBatches(schema, {MakeColumn<int64_t>(Int64(), keys)}, 2048);
  auto sort = MakeSort(schema, batches, {SortKey::Default(0, true)});
  auto result = RunPlan(*sort, 2, 64 * 1024);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(result.status().ToString().find("sort"), std::string::npos);
}

TEST(SortOperatorTest, ExplainNamesTheKeys) {
  auto schema = MakeSchema({Field("a", Int64()), Field("b", Int64())});
  auto sort = MakeSort(schema, {}, {SortKey::Default(1, false), SortKey{0, true, true}});
  EXPECT_EQ(sort->name(), "SORT");
  EXPECT_EQ(sort->details(), "keys: #1 DESC, #0 NULLS FIRST");
  auto last = MakeSort(schema, {}, {SortKey{1, false, false}, SortKey::Default(0, true)});
  EXPECT_EQ(last->details(), "keys: #1 DESC NULLS LAST, #0");
}

TEST(SortOperatorTest, ListKeysAreRejectedWithTheirType) {
  auto schema = MakeSchema({Field("l", List(Int64()))});
  auto sort = MakeSort(schema, {}, {SortKey::Default(0, true)});
  auto result = RunPlan(*sort, 1);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().ToString().find("list<int64>"), std::string::npos);
}

}  // namespace
}  // namespace bundlebase::sql
