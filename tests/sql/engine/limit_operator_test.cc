// LimitOperator: exact counts across threads, offsets, early stop of the scan, and order kept
// above a sort.
#include "sql/execution/limit_operator.h"

#include <set>

#include <gtest/gtest.h>

#include "sort_test_source.h"
#include "sql/execution/sort_operator.h"

namespace bundlebase::sql {
namespace {

using order_testing::BatchSource;
using order_testing::MakeColumn;
using order_testing::RunPlan;
using order_testing::SplitIntoBatches;
using order_testing::Values;

std::vector<RecordBatchPtr> Numbers(const SchemaPtr& schema, int n, int batch_rows) {
  std::vector<std::optional<int64_t>> values(n);
  for (int i = 0; i < n; ++i) values[i] = (i * 7919) % n;  // a permutation of 0..n-1
  return SplitIntoBatches(schema, {MakeColumn<int64_t>(Int64(), values)}, batch_rows);
}

TEST(LimitOperatorTest, KeepsExactlyTheRequestedCountOfDistinctRows) {
  auto schema = MakeSchema({Field("x", Int64())});
  auto batches = Numbers(schema, 10000, 333);
  const std::vector<std::pair<int64_t, int64_t>> shapes = {
      {100, 50}, {LimitOperator::kNoLimit, 50}, {20000, 0}, {0, 0}, {10, 9995}, {10, 10000}};
  for (auto [limit, offset] : shapes) {
    for (int threads : {1, 2, 4}) {
      LimitOperator op(schema, std::make_unique<BatchSource>(schema, batches), limit, offset);
      ASSERT_OK_AND_ASSIGN(auto out, RunPlan(op, threads));
      auto got = Values<int64_t>(out, 0);
      const int64_t available = std::max<int64_t>(0, 10000 - offset);
      const int64_t want = limit == LimitOperator::kNoLimit ? available
                                                           : std::min(limit, available);
      EXPECT_EQ(static_cast<int64_t>(got.size()), want) << limit << " offset " << offset;
      std::set<int64_t> distinct;
      for (const auto& v : got) distinct.insert(*v);
      EXPECT_EQ(distinct.size(), got.size());
    }
  }
}

TEST(LimitOperatorTest, StopsTheScanOnceItHasItsRows) {
  auto schema = MakeSchema({Field("x", Int64())});
  auto batches = Numbers(schema, 100000, 100);  // 1000 batches
  auto source = std::make_unique<BatchSource>(schema, batches);
  const BatchSource* scan = source.get();
  LimitOperator op(schema, std::move(source), 250, 0);
  ASSERT_OK_AND_ASSIGN(auto out, RunPlan(op, 1));
  EXPECT_EQ(order_testing::CountRows(out), 250);
  EXPECT_EQ(scan->produced(), 3);
}

TEST(LimitOperatorTest, KeepsTheOrderOfASortedInput) {
  auto schema = MakeSchema({Field("x", Int64())});
  auto batches = Numbers(schema, 10000, 333);
  for (int threads : {1, 2, 4}) {
    auto sort = std::make_unique<SortOperator>(
        schema, std::make_unique<BatchSource>(schema, batches),
        std::vector<SortKey>{SortKey::Default(0, false)});
    LimitOperator op(schema, std::move(sort), 3000, 100);
    EXPECT_TRUE(op.source_is_ordered());
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(op, threads));
    auto got = Values<int64_t>(out, 0);
    ASSERT_EQ(got.size(), 3000u);
    for (size_t r = 0; r < got.size(); ++r) ASSERT_EQ(*got[r], 9899 - static_cast<int64_t>(r));
  }
}

TEST(LimitOperatorTest, Explain) {
  auto schema = MakeSchema({Field("x", Int64())});
  LimitOperator both(schema, std::make_unique<BatchSource>(schema, std::vector<RecordBatchPtr>{}),
                     10, 5);
  EXPECT_EQ(both.name(), "LIMIT");
  EXPECT_EQ(both.details(), "limit 10 offset 5");
  LimitOperator offset_only(
      schema, std::make_unique<BatchSource>(schema, std::vector<RecordBatchPtr>{}),
      LimitOperator::kNoLimit, 5);
  EXPECT_EQ(offset_only.details(), "offset 5");
  EXPECT_FALSE(offset_only.source_is_ordered());
}

}  // namespace
}  // namespace bundlebase::sql
