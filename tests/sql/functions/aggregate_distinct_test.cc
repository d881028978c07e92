// DISTINCT aggregates: first occurrences per group, NULLs, float and interval equality, and
// merging threads whose sets overlap.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;

RunOptions Distinct(int64_t num_groups = 1) {
  RunOptions options = Groups(num_groups);
  options.distinct = true;
  return options;
}

TEST(AggregateDistinct, CountSumAvgOfDistinctValues) {
  ArrayPtr column = Col(Int32(), {"1", "2", "2", std::nullopt, "1", "5", std::nullopt});
  ASSERT_OK_AND_ASSIGN(auto count, RunAgg("count", {column}, {}, Distinct()));
  EXPECT_EQ(count, Strings{"3"});
  ASSERT_OK_AND_ASSIGN(auto sum, RunAgg("sum", {column}, {}, Distinct()));
  EXPECT_EQ(sum, Strings{"8"});
  ASSERT_OK_AND_ASSIGN(auto avg, RunAgg("avg", {column}, {}, Distinct()));
  EXPECT_EQ(avg, Strings{"2.6666666666666667"});
  ASSERT_OK_AND_ASSIGN(auto none, RunAgg("count", {Col(Int32(), {})}, {}, Distinct()));
  EXPECT_EQ(none, Strings{"0"});
}

TEST(AggregateDistinct, PerGroup) {
  ArrayPtr column = Col(Utf8(), {"a", "a", "b", "a", "b", std::nullopt});
  ASSERT_OK_AND_ASSIGN(auto count,
                       RunAgg("count", {column}, {0, 1, 0, 0, 1, 1}, Distinct(3)));
  EXPECT_EQ(count, (Strings{"2", "2", "0"}));
}

TEST(AggregateDistinct, ArrayAggKeepsOneNull) {
  ArrayPtr column = Col(Float64(), {"0", "-0", std::nullopt, "NaN", "NaN", std::nullopt, "1"});
  ASSERT_OK_AND_ASSIGN(auto result, RunAgg("array_agg", {column}, {}, Distinct()));
  EXPECT_EQ(result, Strings{"[0, NULL, NaN, 1]"});
}

TEST(AggregateDistinct, IntervalsEqualByLength) {
  IntervalBuilder builder(Interval());
  ASSERT_OK(builder.Append({1, 0, 0}));
  ASSERT_OK(builder.Append({0, 30, 0}));
  ASSERT_OK(builder.Append({0, 31, 0}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr column, builder.Finish());
  ASSERT_OK_AND_ASSIGN(auto result, RunAgg("count", {column}, {}, Distinct()));
  EXPECT_EQ(result, Strings{"2"});
}

TEST(AggregateDistinct, MergeCountsValuesSeenByBothThreadsOnce) {
  ArrayPtr a = Col(Int64(), {"1", "2", "3", "3"});
  ArrayPtr b = Col(Int64(), {"3", "4", "1", "9"});
  // Thread one: all in group 0; thread two: 3 and 4 in group 0, 1 and 9 in group 1.
  ASSERT_OK_AND_ASSIGN(auto count, RunThreads("count", {Int64()},
                                              {{Batch{{a}, {0, 0, 0, 0}}},
                                               {Batch{{b}, {0, 0, 1, 1}}}},
                                              Distinct(2)));
  EXPECT_EQ(count, (Strings{"4", "2"}));
  ASSERT_OK_AND_ASSIGN(auto sum, RunThreads("sum", {Int64()},
                                            {{Batch{{a}, {0, 0, 0, 0}}},
                                             {Batch{{b}, {0, 0, 1, 1}}}},
                                            Distinct(2)));
  EXPECT_EQ(sum, (Strings{"10", "10"}));
}

TEST(AggregateDistinct, StringAggDistinctOrdered) {
  RunOptions options = Distinct();
  options.order_by = {SortKeySpec{false, false}};
  ArrayPtr values = Col(Utf8(), {"b", "a", "b", "c", "a"});
  ASSERT_OK_AND_ASSIGN(auto result, RunAgg("string_agg", {values, Scalar::FromUtf8(","), values},
                                           {}, options));
  EXPECT_EQ(result, Strings{"c,b,a"});
}

TEST(AggregateOrderBy, IgnoredByOrderInsensitiveAggregates) {
  RunOptions options;
  options.order_by = {SortKeySpec{}};
  ASSERT_OK_AND_ASSIGN(auto result, RunAgg("sum", {Col(Int32(), {"1", "2"}),
                                                   Col(Utf8(), {"z", "y"})},
                                           {}, options));
  EXPECT_EQ(result, Strings{"3"});
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
