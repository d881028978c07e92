// HashJoinOperator: every join type against a brute-force reference, on 1, 2 and 4 threads,
// with duplicate keys on both sides, NULL keys, null-safe keys, empty sides, a residual
// condition, NOT IN semantics, output batch sizes under heavy fan-out, and EXPLAIN.
#include <gtest/gtest.h>

#include "hash_test_util.h"
#include "sql/execution/hash_join_operator.h"

namespace bundlebase::sql {
namespace {

using hash_testing::BatchSource;
using hash_testing::Int64s;
using hash_testing::MakeBatch;
using hash_testing::RunPlan;
using hash_testing::SortedRows;
using Column = std::vector<std::optional<int64_t>>;

SchemaPtr ProbeSchema() { return MakeSchema({{"k", Int64()}, {"v", Int64()}}); }
SchemaPtr BuildSchema() { return MakeSchema({{"bk", Int64()}, {"w", Int64()}}); }

// Two columns split into batches of `rows_per_batch`.
std::vector<RecordBatchPtr> Batches(const SchemaPtr& schema, const Column& a, const Column& b,
                                    size_t rows_per_batch) {
  std::vector<RecordBatchPtr> out;
  for (size_t start = 0; start < a.size(); start += rows_per_batch) {
    size_t end = std::min(a.size(), start + rows_per_batch);
    out.push_back(MakeBatch(schema, {Int64s(Column(a.begin() + start, a.begin() + end)),
                                     Int64s(Column(b.begin() + start, b.begin() + end))}));
  }
  return out;
}

std::string Text(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "NULL"; }

struct Sides {
  Column k, v, bk, w;
};

// What PostgreSQL returns, by brute force over all pairs.
std::vector<std::string> Reference(const Sides& s, LogicalJoinType type, bool null_safe,
                                   bool residual_distinct) {
  auto match = [&](size_t i, size_t j) {
    bool keys = null_safe ? s.k[i] == s.bk[j] : (s.k[i] && s.bk[j] && *s.k[i] == *s.bk[j]);
    return keys && (!residual_distinct || s.v[i] != s.w[j]);
  };
  std::vector<std::string> rows;
  std::vector<bool> build_matched(s.bk.size(), false);
  for (size_t i = 0; i < s.k.size(); ++i) {
    bool any = false;
    for (size_t j = 0; j < s.bk.size(); ++j) {
      if (!match(i, j)) continue;
      any = true;
      build_matched[j] = true;
      if (type != LogicalJoinType::kSemi && type != LogicalJoinType::kAnti) {
        rows.push_back(Text(s.k[i]) + "|" + Text(s.v[i]) + "|" + Text(s.bk[j]) + "|" +
                       Text(s.w[j]));
      }
    }
    const std::string probe = Text(s.k[i]) + "|" + Text(s.v[i]);
    if (type == LogicalJoinType::kSemi && any) rows.push_back(probe);
    if (type == LogicalJoinType::kAnti && !any) rows.push_back(probe);
    if ((type == LogicalJoinType::kLeft || type == LogicalJoinType::kFull) && !any) {
      rows.push_back(probe + "|NULL|NULL");
    }
  }
  if (type == LogicalJoinType::kRight || type == LogicalJoinType::kFull) {
    for (size_t j = 0; j < s.bk.size(); ++j) {
      if (!build_matched[j]) rows.push_back("NULL|NULL|" + Text(s.bk[j]) + "|" + Text(s.w[j]));
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

SchemaPtr OutputSchema(LogicalJoinType type) {
  if (type == LogicalJoinType::kSemi || type == LogicalJoinType::kAnti ||
      type == LogicalJoinType::kNullAwareAnti) {
    return ProbeSchema();
  }
  return MakeSchema({{"k", Int64()}, {"v", Int64()}, {"bk", Int64()}, {"w", Int64()}});
}

// v IS DISTINCT FROM w, over [k, v, bk, w].
ExprPtr DistinctResidual() {
  auto v = MakeColumnRef(1, Int64(), "v");
  auto w = MakeColumnRef(3, Int64(), "w");
  auto expr = std::make_shared<Expression>(*MakeExpr(BoundExprKind::kIsDistinct, Bool(), {v, w}));
  auto equals = FunctionRegistry::Default().ResolveScalar("=", {{Int64()}, {Int64()}});
  EXPECT_TRUE(equals.ok()) << equals.status().ToString();
  expr->in_equals.push_back(*equals);
  return ResolveColumns(expr, {0, 1, 2, 3}).ValueOrDie();
}

std::unique_ptr<HashJoinOperator> Join(const Sides& s, LogicalJoinType type, bool null_safe,
                                       ExprPtr residual, size_t batch_rows = 7) {
  return std::make_unique<HashJoinOperator>(
      OutputSchema(type),
      std::make_unique<BatchSource>(ProbeSchema(), Batches(ProbeSchema(), s.k, s.v, batch_rows)),
      std::make_unique<BatchSource>(BuildSchema(),
                                    Batches(BuildSchema(), s.bk, s.w, batch_rows)),
      type, std::vector<JoinKey>{{0, 0, null_safe}}, std::move(residual));
}

Sides DuplicatesAndNulls() {
  Sides s;
  for (int i = 0; i < 60; ++i) {
    s.k.push_back(i % 9 == 0 ? std::nullopt : std::optional<int64_t>(i % 6));
    s.v.push_back(i % 4);
  }
  for (int j = 0; j < 40; ++j) {
    s.bk.push_back(j % 7 == 0 ? std::nullopt : std::optional<int64_t>(j % 8 + 2));
    s.w.push_back(j % 5 == 0 ? std::nullopt : std::optional<int64_t>(j % 3));
  }
  return s;
}

const LogicalJoinType kTypes[] = {LogicalJoinType::kInner, LogicalJoinType::kLeft,
                                  LogicalJoinType::kRight, LogicalJoinType::kFull,
                                  LogicalJoinType::kSemi,  LogicalJoinType::kAnti};

TEST(HashJoin, EveryTypeMatchesTheReference) {
  Sides s = DuplicatesAndNulls();
  for (LogicalJoinType type : kTypes) {
    for (bool null_safe : {false, true}) {
      for (bool residual : {false, true}) {
        auto expected = Reference(s, type, null_safe, residual);
        for (int threads : {1, 2, 4}) {
          auto plan = Join(s, type, null_safe, residual ? DistinctResidual() : nullptr);
          ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
          EXPECT_EQ(SortedRows(result), expected)
              << JoinTypeName(type) << " null_safe=" << null_safe << " residual=" << residual
              << " threads=" << threads;
        }
      }
    }
  }
}

TEST(HashJoin, EmptySides) {
  Sides full = DuplicatesAndNulls();
  Sides no_build = full;
  no_build.bk.clear();
  no_build.w.clear();
  Sides no_probe = full;
  no_probe.k.clear();
  no_probe.v.clear();
  for (LogicalJoinType type : kTypes) {
    for (const Sides* s : {&no_build, &no_probe}) {
      auto expected = Reference(*s, type, false, false);
      for (int threads : {1, 3}) {
        auto plan = Join(*s, type, false, nullptr);
        ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
        EXPECT_EQ(SortedRows(result), expected) << JoinTypeName(type);
      }
    }
  }
}

TEST(HashJoin, NullAwareAntiFollowsNotIn) {
  Sides s;
  s.k = {1, 2, std::nullopt, 4};
  s.v = {10, 20, 30, 40};
  s.bk = {2, 3};
  s.w = {0, 0};
  auto plan = Join(s, LogicalJoinType::kNullAwareAnti, false, nullptr, 2);
  ASSERT_OK_AND_ASSIGN(auto r, RunPlan(*plan, 2));
  EXPECT_EQ(SortedRows(r), (std::vector<std::string>{"1|10", "4|40"}));

  s.bk.push_back(std::nullopt);  // NOT IN (2, 3, NULL) is never true
  s.w.push_back(0);
  auto with_null = Join(s, LogicalJoinType::kNullAwareAnti, false, nullptr, 2);
  ASSERT_OK_AND_ASSIGN(auto r2, RunPlan(*with_null, 2));
  EXPECT_TRUE(SortedRows(r2).empty());

  s.bk.clear();  // NOT IN (empty) is true, even for NULL
  s.w.clear();
  auto empty = Join(s, LogicalJoinType::kNullAwareAnti, false, nullptr, 2);
  ASSERT_OK_AND_ASSIGN(auto r3, RunPlan(*empty, 2));
  EXPECT_EQ(SortedRows(r3).size(), 4u);
}

TEST(HashJoin, HeavyFanOutComesInBoundedBatches) {
  Sides s;
  for (int i = 0; i < 3000; ++i) {
    s.k.push_back(i % 3);
    s.v.push_back(i);
  }
  for (int j = 0; j < 2000; ++j) {
    s.bk.push_back(j % 2);
    s.w.push_back(j);
  }
  for (LogicalJoinType type : {LogicalJoinType::kInner, LogicalJoinType::kFull}) {
    for (int threads : {1, 2, 4}) {
      auto plan = Join(s, type, false, nullptr, 1024);
      ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
      int64_t rows = 0;
      for (const auto& b : result) {
        EXPECT_LE(b->num_rows(), 2 * 2048);
        rows += b->num_rows();
      }
      // Keys 0 and 1: 1000 probe rows x 1000 build rows each; key 2's 1000 probe rows pad.
      EXPECT_EQ(rows, 2000000 + (type == LogicalJoinType::kFull ? 1000 : 0));
    }
  }
}

TEST(HashJoin, SemiAndAntiWithResidualAcrossChunks) {
  Sides s;
  for (int i = 0; i < 3000; ++i) {
    s.k.push_back(i % 3);
    s.v.push_back(i % 1500);
  }
  for (int j = 0; j < 3000; ++j) {
    s.bk.push_back(j % 2);
    s.w.push_back(j % 1500);
  }
  for (LogicalJoinType type : {LogicalJoinType::kSemi, LogicalJoinType::kAnti}) {
    auto expected = Reference(s, type, false, true);
    for (int threads : {1, 2}) {
      auto plan = Join(s, type, false, DistinctResidual(), 1024);
      ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
      EXPECT_EQ(SortedRows(result), expected) << JoinTypeName(type);
    }
  }
}

TEST(HashJoin, StringAndMultiColumnKeys) {
  auto probe_schema = MakeSchema({{"s", Utf8()}, {"n", Int64()}});
  auto build_schema = MakeSchema({{"s2", Utf8()}, {"n2", Int64()}});
  auto probe = MakeBatch(probe_schema, {hash_testing::Strings({"a", "b", std::nullopt, "a"}),
                                        Int64s({1, 2, 3, 2})});
  auto build = MakeBatch(build_schema, {hash_testing::Strings({"a", "a", std::nullopt, "b"}),
                                        Int64s({1, 2, 3, 3})});
  auto out = MakeSchema({{"s", Utf8()}, {"n", Int64()}, {"s2", Utf8()}, {"n2", Int64()}});
  HashJoinOperator by_string(out, std::make_unique<BatchSource>(probe_schema,
                                                                std::vector{probe}),
                             std::make_unique<BatchSource>(build_schema, std::vector{build}),
                             LogicalJoinType::kInner, {{0, 0, false}});
  ASSERT_OK_AND_ASSIGN(auto r1, RunPlan(by_string, 2));
  EXPECT_EQ(SortedRows(r1), (std::vector<std::string>{"a|1|a|1", "a|1|a|2", "a|2|a|1",
                                                      "a|2|a|2", "b|2|b|3"}));
  HashJoinOperator by_both(out, std::make_unique<BatchSource>(probe_schema, std::vector{probe}),
                           std::make_unique<BatchSource>(build_schema, std::vector{build}),
                           LogicalJoinType::kInner, {{0, 0, true}, {1, 1, false}});
  ASSERT_OK_AND_ASSIGN(auto r2, RunPlan(by_both, 2));
  EXPECT_EQ(SortedRows(r2),
            (std::vector<std::string>{"NULL|3|NULL|3", "a|1|a|1", "a|2|a|2"}));
}

TEST(HashJoin, BuildSideMemoryLimit) {
  Sides s;
  for (int i = 0; i < 200000; ++i) {
    s.bk.push_back(i);
    s.w.push_back(i);
  }
  s.k = {1};
  s.v = {1};
  auto plan = Join(s, LogicalJoinType::kInner, false, nullptr, 2048);
  auto result = RunPlan(*plan, 2, /*memory_limit=*/1 << 20);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(result.status().message().find("hash join"), std::string::npos);
}

TEST(HashJoin, ExplainDetails) {
  auto plan = Join(DuplicatesAndNulls(), LogicalJoinType::kLeft, true, nullptr);
  EXPECT_EQ(plan->name(), "HASH_JOIN");
  EXPECT_EQ(plan->details(), "LEFT on #0 IS NOT DISTINCT FROM build#0");
}

}  // namespace
}  // namespace bundlebase::sql
