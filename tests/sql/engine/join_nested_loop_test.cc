// NestedLoopJoinOperator: a non-equality condition and CROSS JOIN for every join type against a
// brute-force reference, on 1, 2 and 4 threads, with NULLs, empty sides and big chunks.
#include <functional>

#include <gtest/gtest.h>

#include "hash_test_util.h"
#include "sql/execution/nested_loop_join.h"

namespace bundlebase::sql {
namespace {

using hash_testing::BatchSource;
using hash_testing::Int64s;
using hash_testing::MakeBatch;
using hash_testing::RunPlan;
using hash_testing::SortedRows;
using Column = std::vector<std::optional<int64_t>>;
using Match = std::function<bool(const std::optional<int64_t>&, const std::optional<int64_t>&)>;

SchemaPtr ProbeSchema() { return MakeSchema({{"v", Int64()}}); }
SchemaPtr BuildSchema() { return MakeSchema({{"w", Int64()}}); }

std::vector<RecordBatchPtr> Batches(const SchemaPtr& schema, const Column& a, size_t per_batch) {
  std::vector<RecordBatchPtr> out;
  for (size_t start = 0; start < a.size(); start += per_batch) {
    size_t end = std::min(a.size(), start + per_batch);
    out.push_back(MakeBatch(schema, {Int64s(Column(a.begin() + start, a.begin() + end))}));
  }
  return out;
}

std::string Text(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "NULL"; }

std::vector<std::string> Reference(const Column& v, const Column& w, LogicalJoinType type,
                                   const Match& match) {
  std::vector<std::string> rows;
  std::vector<bool> build_matched(w.size(), false);
  for (size_t i = 0; i < v.size(); ++i) {
    bool any = false;
    for (size_t j = 0; j < w.size(); ++j) {
      if (!match(v[i], w[j])) continue;
      any = true;
      build_matched[j] = true;
      if (type != LogicalJoinType::kSemi && type != LogicalJoinType::kAnti) {
        rows.push_back(Text(v[i]) + "|" + Text(w[j]));
      }
    }
    if ((type == LogicalJoinType::kSemi && any) || (type == LogicalJoinType::kAnti && !any)) {
      rows.push_back(Text(v[i]));
    }
    if ((type == LogicalJoinType::kLeft || type == LogicalJoinType::kFull) && !any) {
      rows.push_back(Text(v[i]) + "|NULL");
    }
  }
  if (type == LogicalJoinType::kRight || type == LogicalJoinType::kFull) {
    for (size_t j = 0; j < w.size(); ++j) {
      if (!build_matched[j]) rows.push_back("NULL|" + Text(w[j]));
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// v < w over [v, w].
ExprPtr LessThan() {
  auto less = FunctionRegistry::Default().ResolveScalar("<", {{Int64()}, {Int64()}});
  EXPECT_TRUE(less.ok()) << less.status().ToString();
  auto call = MakeCall(*less, {MakeColumnRef(0, Int64(), "v"), MakeColumnRef(1, Int64(), "w")});
  return ResolveColumns(call, {0, 1}).ValueOrDie();
}

std::unique_ptr<NestedLoopJoinOperator> Join(const Column& v, const Column& w,
                                             LogicalJoinType type, ExprPtr condition,
                                             size_t per_batch) {
  bool probe_only = type == LogicalJoinType::kSemi || type == LogicalJoinType::kAnti;
  auto out = probe_only ? ProbeSchema() : MakeSchema({{"v", Int64()}, {"w", Int64()}});
  return std::make_unique<NestedLoopJoinOperator>(
      out, std::make_unique<BatchSource>(ProbeSchema(), Batches(ProbeSchema(), v, per_batch)),
      std::make_unique<BatchSource>(BuildSchema(), Batches(BuildSchema(), w, per_batch)), type,
      std::move(condition));
}

const LogicalJoinType kTypes[] = {LogicalJoinType::kInner, LogicalJoinType::kLeft,
                                  LogicalJoinType::kRight, LogicalJoinType::kFull,
                                  LogicalJoinType::kSemi,  LogicalJoinType::kAnti};

Column Values(int n, int modulo, int null_every) {
  Column c;
  for (int i = 0; i < n; ++i) {
    c.push_back(i % null_every == 0 ? std::nullopt : std::optional<int64_t>(i % modulo));
  }
  return c;
}

TEST(NestedLoopJoin, ConditionJoinMatchesTheReference) {
  Column v = Values(50, 13, 11), w = Values(30, 17, 7);
  Match less = [](const auto& a, const auto& b) { return a && b && *a < *b; };
  for (LogicalJoinType type : kTypes) {
    auto expected = Reference(v, w, type, less);
    for (int threads : {1, 2, 4}) {
      auto plan = Join(v, w, type, LessThan(), 8);
      ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
      EXPECT_EQ(SortedRows(result), expected) << JoinTypeName(type) << " threads=" << threads;
    }
  }
}

TEST(NestedLoopJoin, CrossJoinAndEmptySides) {
  Match any = [](const auto&, const auto&) { return true; };
  Column v = Values(40, 5, 9), w = Values(25, 4, 6);
  for (LogicalJoinType type : kTypes) {
    for (const auto& [pv, pw] : {std::pair{v, w}, std::pair{v, Column{}}, std::pair{Column{}, w}}) {
      auto expected = Reference(pv, pw, type, any);
      for (int threads : {1, 3}) {
        auto plan = Join(pv, pw, type, nullptr, 7);
        ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
        EXPECT_EQ(SortedRows(result), expected) << JoinTypeName(type);
      }
    }
  }
}

TEST(NestedLoopJoin, LargeCrossJoinComesInBoundedBatches) {
  Column v = Values(3000, 100, 1000000), w = Values(1500, 100, 1000000);
  auto plan = Join(v, w, LogicalJoinType::kInner, nullptr, 2048);
  ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, 2));
  for (const auto& b : result) EXPECT_LE(b->num_rows(), 2048);
  EXPECT_EQ(hash_testing::CountRows(result), 3000 * 1500);
}

TEST(NestedLoopJoin, ExplainDetails) {
  auto cross = Join({1}, {2}, LogicalJoinType::kInner, nullptr, 1);
  EXPECT_EQ(cross->name(), "NESTED_LOOP_JOIN");
  EXPECT_EQ(cross->details(), "CROSS");
  auto left = Join({1}, {2}, LogicalJoinType::kLeft, LessThan(), 1);
  EXPECT_EQ(left->details().rfind("LEFT on ", 0), 0u);
}

}  // namespace
}  // namespace bundlebase::sql
