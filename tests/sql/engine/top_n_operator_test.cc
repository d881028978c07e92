// TopNOperator: every limit/offset shape against a full reference sort, across thread counts.
#include "sql/execution/top_n_operator.h"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "sort_test_source.h"

namespace bundlebase::sql {
namespace {

using order_testing::BatchSource;
using order_testing::MakeColumn;
using order_testing::RunPlan;
using order_testing::SplitIntoBatches;
using order_testing::Values;

TEST(TopNOperatorTest, LimitAndOffsetMatchAFullSortAcrossThreads) {
  std::mt19937_64 rng(3);
  const int n = 10000;
  std::vector<std::optional<int64_t>> keys(n);
  std::vector<std::optional<int64_t>> ids(n);
  for (int i = 0; i < n; ++i) {
    if (rng() % 20 == 0) {
      keys[i] = std::nullopt;
    } else {
      keys[i] = static_cast<int64_t>(rng() % 500);
    }
    ids[i] = i;
  }
  auto schema = MakeSchema({Field("k", Int64()), Field("id", Int64())});
  auto batches = SplitIntoBatches(
      schema, {MakeColumn<int64_t>(Int64(), keys), MakeColumn<int64_t>(Int64(), ids)}, 500);
  // DESC puts NULLs first by default: the reference sorts (key DESC NULLS FIRST, id ASC).
  std::vector<std::pair<std::optional<int64_t>, int64_t>> expected;
  for (int i = 0; i < n; ++i) expected.emplace_back(keys[i], i);
  std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) {
      if (!a.first) return true;
      if (!b.first) return false;
      return *a.first > *b.first;
    }
    return a.second < b.second;
  });
  const std::vector<std::pair<int64_t, int64_t>> shapes = {
      {10, 0}, {10, 5}, {5, 9998}, {10, 20000}, {0, 0}, {100000, 0}, {3000, 4000}};
  for (auto [limit, offset] : shapes) {
    for (int threads : {1, 2, 4}) {
      TopNOperator top(schema, std::make_unique<BatchSource>(schema, batches),
                       {SortKey::Default(0, false), SortKey::Default(1, true)}, limit, offset);
      ASSERT_OK_AND_ASSIGN(auto out, RunPlan(top, threads));
      auto got_keys = Values<int64_t>(out, 0);
      auto got_ids = Values<int64_t>(out, 1);
      const size_t from = std::min<size_t>(offset, n);
      const size_t to = std::min<size_t>(offset + limit, n);
      ASSERT_EQ(got_ids.size(), to - from) << limit << " offset " << offset;
      for (size_t r = 0; r < got_ids.size(); ++r) {
        ASSERT_EQ(got_keys[r], expected[from + r].first);
        ASSERT_EQ(*got_ids[r], expected[from + r].second);
      }
    }
  }
}

TEST(TopNOperatorTest, TextKeysSharingLongPrefixes) {
  std::mt19937_64 rng(5);
  std::vector<std::optional<std::string>> text;
  for (int i = 0; i < 6000; ++i) {
    if (rng() % 30 == 0) {
      text.push_back(std::nullopt);
    } else {
      text.push_back("common-prefix-" + std::to_string(rng() % 100000));
    }
  }
  auto schema = MakeSchema({Field("t", Utf8())});
  auto batches = SplitIntoBatches(schema, {order_testing::MakeStrings(text)}, 250);
  std::vector<std::string> expected;
  for (const auto& t : text) {
    if (t) expected.push_back(*t);
  }
  std::sort(expected.begin(), expected.end());
  for (int threads : {1, 2, 4}) {
    TopNOperator top(schema, std::make_unique<BatchSource>(schema, batches),
                     {SortKey::Default(0, true)}, 7, 3);
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(top, threads));
    auto got = Values<std::string>(out, 0);
    ASSERT_EQ(got.size(), 7u);
    for (size_t r = 0; r < got.size(); ++r) EXPECT_EQ(*got[r], expected[3 + r]);
  }
}

TEST(TopNOperatorTest, EmptyInputAndExplain) {
  auto schema = MakeSchema({Field("k", Int64())});
  TopNOperator top(schema, std::make_unique<BatchSource>(schema, std::vector<RecordBatchPtr>{}),
                   {SortKey::Default(0, true)}, 5, 2);
  ASSERT_OK_AND_ASSIGN(auto out, RunPlan(top, 2));
  EXPECT_EQ(order_testing::CountRows(out), 0);
  EXPECT_EQ(top.name(), "TOP_N");
  EXPECT_EQ(top.details(), "keys: #0; limit 5 offset 2");
}

}  // namespace
}  // namespace bundlebase::sql
