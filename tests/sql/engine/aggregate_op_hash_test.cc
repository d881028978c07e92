// HashAggregateOperator: grouping by each key layout, NULL keys, many groups across threads,
// ungrouped aggregates on empty input, grouping sets, FILTER, DISTINCT, memory limit, EXPLAIN.
#include <map>

#include <gtest/gtest.h>

#include "hash_test_util.h"
#include "sql/execution/aggregate_operator.h"

namespace bundlebase::sql {
namespace {

using hash_testing::BatchSource;
using hash_testing::Int32s;
using hash_testing::Int64s;
using hash_testing::MakeBatch;
using hash_testing::RunPlan;
using hash_testing::SortedRows;
using hash_testing::Strings;

// test_sum / test_count (hash_test_util.h): the operator is tested apart from the function
// library.
HashAggregateCall Call(const std::string& name, std::vector<int> columns) {
  HashAggregateCall call;
  call.call = hash_testing::TestAggregate(name == "sum", !columns.empty());
  call.arg_columns = std::move(columns);
  return call;
}

PhysicalOperatorPtr Source(SchemaPtr schema, std::vector<RecordBatchPtr> batches) {
  return std::make_unique<BatchSource>(std::move(schema), std::move(batches));
}

// (k int64, v int64) in `num_batches` batches; k = i % groups, NULL every 7th row.
std::vector<RecordBatchPtr> KeyValueBatches(const SchemaPtr& schema, int num_batches,
                                            int rows_per_batch, int groups) {
  std::vector<RecordBatchPtr> batches;
  int64_t i = 0;
  for (int b = 0; b < num_batches; ++b) {
    std::vector<std::optional<int64_t>> k, v;
    for (int r = 0; r < rows_per_batch; ++r, ++i) {
      k.push_back(i % 7 == 3 ? std::nullopt : std::optional<int64_t>(i % groups));
      v.push_back(i);
    }
    batches.push_back(MakeBatch(schema, {Int64s(k), Int64s(v)}));
  }
  return batches;
}

std::vector<std::string> ExpectedKeyValueSums(int num_batches, int rows_per_batch, int groups) {
  std::map<std::string, std::pair<int64_t, int64_t>> sums;
  int64_t i = 0;
  for (int b = 0; b < num_batches; ++b) {
    for (int r = 0; r < rows_per_batch; ++r, ++i) {
      std::string key = i % 7 == 3 ? "NULL" : std::to_string(i % groups);
      sums[key].first += i;
      sums[key].second += 1;
    }
  }
  std::vector<std::string> rows;
  for (auto& [k, s] : sums) {
    rows.push_back(k + "|" + std::to_string(s.first) + "|" + std::to_string(s.second));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

SchemaPtr KeyValueSchema() { return MakeSchema({{"k", Int64()}, {"v", Int64()}}); }

std::unique_ptr<HashAggregateOperator> SumCountPlan(std::vector<RecordBatchPtr> batches) {
  auto input = KeyValueSchema();
  std::vector<HashAggregateCall> calls = {Call("sum", {1}), Call("count", {})};
  auto out = MakeSchema({{"k", Int64()}, {"sum", calls[0].call.output_type},
                         {"count", Int64()}});
  return std::make_unique<HashAggregateOperator>(out, Source(input, std::move(batches)),
                                                 std::vector<int>{0},
                                                 std::vector<std::vector<int>>{}, calls);
}

TEST(HashAggregate, GroupsIntKeysWithNullsOnAnyThreadCount) {
  auto expected = ExpectedKeyValueSums(20, 1000, 37);
  for (int threads : {1, 2, 4}) {
    auto plan = SumCountPlan(KeyValueBatches(KeyValueSchema(), 20, 1000, 37));
    ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
    EXPECT_EQ(SortedRows(result), expected) << threads << " threads";
  }
}

TEST(HashAggregate, ManyGroupsMergeAcrossThreads) {
  const int groups = 150000;
  auto expected = ExpectedKeyValueSums(200, 2048, groups);
  for (int threads : {1, 2, 4}) {
    auto plan = SumCountPlan(KeyValueBatches(KeyValueSchema(), 200, 2048, groups));
    ASSERT_OK_AND_ASSIGN(auto result, RunPlan(*plan, threads));
    for (const auto& b : result) EXPECT_LE(b->num_rows(), 2048);
    EXPECT_EQ(SortedRows(result), expected) << threads << " threads";
  }
}

TEST(HashAggregate, StringAndMultiColumnKeys) {
  auto input = MakeSchema({{"s", Utf8()}, {"n", Int32()}, {"v", Int64()}});
  std::vector<RecordBatchPtr> batches;
  std::map<std::string, int64_t> by_s, by_sn;
  for (int b = 0; b < 30; ++b) {
    std::vector<std::optional<std::string>> s;
    std::vector<std::optional<int32_t>> n;
    std::vector<std::optional<int64_t>> v;
    for (int r = 0; r < 500; ++r) {
      int i = b * 500 + r;
      std::optional<std::string> sv =
          i % 11 == 0 ? std::nullopt : std::optional<std::string>("key" + std::to_string(i % 5003));
      std::optional<int32_t> nv = i % 13 == 0 ? std::nullopt : std::optional<int32_t>(i % 3);
      s.push_back(sv);
      n.push_back(nv);
      v.push_back(1);
      std::string ks = sv ? *sv : "NULL";
      by_s[ks] += 1;
      by_sn[ks + "|" + (nv ? std::to_string(*nv) : "NULL")] += 1;
    }
    batches.push_back(MakeBatch(input, {Strings(s), Int32s(n), Int64s(v)}));
  }
  auto count = Call("count", {});
  for (int threads : {1, 2, 4}) {
    HashAggregateOperator by_string(MakeSchema({{"s", Utf8()}, {"c", Int64()}}),
                                    Source(input, batches), {0}, {}, {count});
    ASSERT_OK_AND_ASSIGN(auto r1, RunPlan(by_string, threads));
    std::vector<std::string> expected;
    for (auto& [k, c] : by_s) expected.push_back(k + "|" + std::to_string(c));
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(SortedRows(r1), expected);

    HashAggregateOperator by_both(MakeSchema({{"s", Utf8()}, {"n", Int32()}, {"c", Int64()}}),
                                  Source(input, batches), {0, 1}, {}, {count});
    ASSERT_OK_AND_ASSIGN(auto r2, RunPlan(by_both, threads));
    expected.clear();
    for (auto& [k, c] : by_sn) expected.push_back(k + "|" + std::to_string(c));
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(SortedRows(r2), expected);
  }
}

TEST(HashAggregate, NoKeysGiveOneRowEvenForEmptyInput) {
  auto input = KeyValueSchema();
  std::vector<HashAggregateCall> calls = {Call("sum", {1}), Call("count", {}),
                                          Call("count", {0})};
  auto out = MakeSchema({{"sum", calls[0].call.output_type}, {"c", Int64()}, {"ck", Int64()}});
  for (int threads : {1, 2, 4}) {
    HashAggregateOperator empty(out, Source(input, {}), {}, {}, calls);
    ASSERT_OK_AND_ASSIGN(auto r, RunPlan(empty, threads));
    EXPECT_EQ(SortedRows(r), std::vector<std::string>{"NULL|0|0"});

    HashAggregateOperator full(out, Source(input, KeyValueBatches(input, 5, 100, 10)), {}, {},
                               calls);
    ASSERT_OK_AND_ASSIGN(auto r2, RunPlan(full, threads));
    // 500 rows, values 0..499, keys NULL on rows i % 7 == 3 (71 of them).
    EXPECT_EQ(SortedRows(r2), std::vector<std::string>{"124750|500|429"});
  }
}

TEST(HashAggregate, EmptyInputWithKeysGivesNoRows) {
  auto plan = SumCountPlan({});
  ASSERT_OK_AND_ASSIGN(auto r, RunPlan(*plan, 2));
  EXPECT_EQ(hash_testing::CountRows(r), 0);
}

TEST(HashAggregate, RollupWithGroupingId) {
  auto input = MakeSchema({{"a", Int64()}, {"b", Utf8()}, {"v", Int64()}});
  auto batch = MakeBatch(input, {Int64s({1, 1, 2, std::nullopt}), Strings({"x", "y", "x", "x"}),
                                 Int64s({10, 20, 30, 40})});
  auto sum = Call("sum", {2});
  auto out = MakeSchema({{"a", Int64()}, {"b", Utf8()}, {"sum", sum.call.output_type},
                         {"grouping_id", Int64()}});
  for (int threads : {1, 2}) {
    HashAggregateOperator rollup(out, Source(input, {batch}), {0, 1}, {{0, 1}, {0}, {}}, {sum});
    ASSERT_OK_AND_ASSIGN(auto r, RunPlan(rollup, threads));
    std::vector<std::string> expected = {"1|NULL|30|2", "1|x|10|0",    "1|y|20|0",
                                         "2|NULL|30|2", "2|x|30|0",    "NULL|NULL|100|3",
                                         "NULL|NULL|40|2", "NULL|x|40|0"};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(SortedRows(r), expected);
  }
  // The empty grouping set gives its row even for empty input, as in PostgreSQL.
  HashAggregateOperator empty(out, Source(input, {}), {0, 1}, {{0, 1}, {}}, {sum});
  ASSERT_OK_AND_ASSIGN(auto r, RunPlan(empty, 2));
  EXPECT_EQ(SortedRows(r), std::vector<std::string>{"NULL|NULL|NULL|3"});
}

TEST(HashAggregate, FilterColumnSelectsRows) {
  auto input = MakeSchema({{"k", Int64()}, {"v", Int64()}, {"f", Bool()}});
  auto batch = MakeBatch(input, {Int64s({1, 1, 2, 2}), Int64s({5, 6, 7, 8}),
                                 hash_testing::Bools({true, std::nullopt, false, false})});
  auto sum = Call("sum", {1});
  sum.filter_column = 2;
  auto count = Call("count", {});
  count.filter_column = 2;
  auto out = MakeSchema({{"k", Int64()}, {"s", sum.call.output_type}, {"c", Int64()}});
  HashAggregateOperator plan(out, Source(input, {batch}), {0}, {}, {sum, count});
  ASSERT_OK_AND_ASSIGN(auto r, RunPlan(plan, 1));
  EXPECT_EQ(SortedRows(r), (std::vector<std::string>{"1|5|1", "2|NULL|0"}));
}

TEST(HashAggregate, DistinctIsKeysWithoutAggregates) {
  auto input = KeyValueSchema();
  for (int threads : {1, 2, 4}) {
    HashAggregateOperator distinct(MakeSchema({{"k", Int64()}}),
                                   Source(input, KeyValueBatches(input, 10, 300, 50)), {0}, {},
                                   {});
    ASSERT_OK_AND_ASSIGN(auto r, RunPlan(distinct, threads));
    EXPECT_EQ(hash_testing::CountRows(r), 51);  // 50 keys and NULL
  }
}

TEST(HashAggregate, MemoryLimitIsAClearError) {
  auto plan = SumCountPlan(KeyValueBatches(KeyValueSchema(), 100, 2048, 1 << 30));
  auto result = RunPlan(*plan, 2, /*memory_limit=*/1 << 20);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(result.status().message().find("hash aggregate"), std::string::npos);
}

TEST(HashAggregate, ExplainDetails) {
  auto plan = SumCountPlan({});
  EXPECT_EQ(plan->name(), "HASH_AGGREGATE");
  EXPECT_EQ(plan->details(), "keys: #0; aggregates: test_sum(#1), test_count(*)");
}

// The built-in aggregates through the registry, DISTINCT included (their wrappers live in the
// function library).
TEST(HashAggregate, BuiltinAggregatesThroughTheRegistry) {
  auto resolve = [](const char* name, std::vector<DataTypePtr> types) {
    std::vector<ArgumentInfo> args;
    for (auto& t : types) args.push_back({t, false});
    auto resolved = FunctionRegistry::Default().ResolveAggregate(name, args);
    EXPECT_TRUE(resolved.ok()) << resolved.status().ToString();
    return resolved.ok() ? *resolved : ResolvedAggregateCall{};
  };
  HashAggregateCall count_distinct{resolve("count", {Int64()}), {1}, -1, true, {}};
  HashAggregateCall max{resolve("max", {Int64()}), {1}, -1, false, {}};
  auto input = KeyValueSchema();
  auto batch = MakeBatch(input, {Int64s({1, 1, 1, 2, 2, std::nullopt}),
                                 Int64s({5, 5, 6, std::nullopt, 7, 9})});
  for (int threads : {1, 2}) {
    HashAggregateOperator plan(MakeSchema({{"k", Int64()}, {"c", Int64()}, {"m", Int64()}}),
                               Source(input, {batch, batch}), {0}, {}, {count_distinct, max});
    ASSERT_OK_AND_ASSIGN(auto r, RunPlan(plan, threads));
    EXPECT_EQ(SortedRows(r), (std::vector<std::string>{"1|2|6", "2|1|7", "NULL|1|9"}));
  }
}

}  // namespace
}  // namespace bundlebase::sql
