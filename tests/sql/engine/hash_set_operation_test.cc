// SetOperationOperator: UNION, INTERSECT [ALL], EXCEPT [ALL] against multiset arithmetic, with
// duplicates and NULLs (which compare equal here), on 1, 2 and 4 threads, and empty sides.
#include <map>

#include <gtest/gtest.h>

#include "hash_test_util.h"
#include "sql/execution/set_operation.h"

namespace bundlebase::sql {
namespace {

using hash_testing::BatchSource;
using hash_testing::Int64s;
using hash_testing::MakeBatch;
using hash_testing::RunPlan;
using hash_testing::SortedRows;
using hash_testing::Strings;

SchemaPtr RowSchema() { return MakeSchema({{"a", Int64()}, {"s", Utf8()}}); }

struct Side {
  std::vector<std::optional<int64_t>> a;
  std::vector<std::optional<std::string>> s;
};

Side MakeSide(int n, int a_mod, int s_mod, int seed) {
  Side side;
  for (int i = 0; i < n; ++i) {
    int x = i * 7 + seed;
    side.a.push_back(x % 10 == 0 ? std::nullopt : std::optional<int64_t>(x % a_mod));
    side.s.push_back(x % 6 == 0 ? std::nullopt : std::optional<std::string>(std::to_string(x % s_mod)));
  }
  return side;
}

std::vector<RecordBatchPtr> Batches(const Side& side, size_t per_batch) {
  std::vector<RecordBatchPtr> out;
  for (size_t start = 0; start < side.a.size(); start += per_batch) {
    size_t end = std::min(side.a.size(), start + per_batch);
    out.push_back(MakeBatch(RowSchema(),
                            {Int64s({side.a.begin() + start, side.a.begin() + end}),
                             Strings({side.s.begin() + start, side.s.begin() + end})}));
  }
  return out;
}

std::map<std::string, int64_t> Multiset(const Side& side) {
  std::map<std::string, int64_t> counts;
  for (size_t i = 0; i < side.a.size(); ++i) {
    counts[(side.a[i] ? std::to_string(*side.a[i]) : "NULL") + "|" +
           (side.s[i] ? *side.s[i] : "NULL")] += 1;
  }
  return counts;
}

std::vector<std::string> Reference(const Side& l, const Side& r, SetOperationKind kind,
                                   bool all) {
  auto m = Multiset(l), n = Multiset(r);
  std::map<std::string, int64_t> keys = m;
  for (auto& [k, c] : n) keys[k] += 0;
  std::vector<std::string> rows;
  for (auto& [k, unused] : keys) {
    int64_t a = m.count(k) ? m[k] : 0, b = n.count(k) ? n[k] : 0;
    int64_t copies = 0;
    if (kind == SetOperationKind::kUnion) copies = 1;
    if (kind == SetOperationKind::kIntersect) copies = all ? std::min(a, b) : (a && b ? 1 : 0);
    if (kind == SetOperationKind::kExcept) copies = all ? std::max<int64_t>(a - b, 0) : (a && !b);
    for (int64_t c = 0; c < copies; ++c) rows.push_back(k);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(HashSetOperation, MatchesMultisetArithmetic) {
  Side left = MakeSide(3000, 40, 3, 1), right = MakeSide(2000, 25, 3, 4);
  for (SetOperationKind kind :
       {SetOperationKind::kUnion, SetOperationKind::kIntersect, SetOperationKind::kExcept}) {
    for (bool all : {false, true}) {
      if (kind == SetOperationKind::kUnion && all) continue;
      auto expected = Reference(left, right, kind, all);
      for (int threads : {1, 2, 4}) {
        SetOperationOperator op(RowSchema(),
                                std::make_unique<BatchSource>(RowSchema(), Batches(left, 128)),
                                std::make_unique<BatchSource>(RowSchema(), Batches(right, 100)),
                                kind, all);
        ASSERT_OK_AND_ASSIGN(auto result, RunPlan(op, threads));
        EXPECT_EQ(SortedRows(result), expected)
            << op.details() << " threads=" << threads;
      }
    }
  }
}

TEST(HashSetOperation, EmptySides) {
  Side some = MakeSide(100, 5, 2, 3), none;
  for (SetOperationKind kind :
       {SetOperationKind::kUnion, SetOperationKind::kIntersect, SetOperationKind::kExcept}) {
    for (const auto& [l, r] : {std::pair{&some, &none}, std::pair{&none, &some}}) {
      SetOperationOperator op(RowSchema(),
                              std::make_unique<BatchSource>(RowSchema(), Batches(*l, 10)),
                              std::make_unique<BatchSource>(RowSchema(), Batches(*r, 10)), kind,
                              true);
      ASSERT_OK_AND_ASSIGN(auto result, RunPlan(op, 2));
      EXPECT_EQ(SortedRows(result), Reference(*l, *r, kind, kind != SetOperationKind::kUnion));
    }
  }
}

TEST(HashSetOperation, ExplainDetails) {
  Side none;
  SetOperationOperator op(RowSchema(), std::make_unique<BatchSource>(RowSchema(), Batches(none, 1)),
                          std::make_unique<BatchSource>(RowSchema(), Batches(none, 1)),
                          SetOperationKind::kExcept, true);
  EXPECT_EQ(op.name(), "HASH_SET_OPERATION");
  EXPECT_EQ(op.details(), "EXCEPT ALL");
}

}  // namespace
}  // namespace bundlebase::sql
