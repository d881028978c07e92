// bool_and, bool_or, every, and approx_count_distinct.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;

TEST(AggregateBool, AndOrEvery) {
  ArrayPtr mixed = Col(Bool(), {"true", std::nullopt, "false"});
  ArrayPtr trues = Col(Bool(), {"true", std::nullopt, "true"});
  EXPECT_EQ(One("bool_and", mixed), "false");
  EXPECT_EQ(One("every", mixed), "false");
  EXPECT_EQ(One("bool_or", mixed), "true");
  EXPECT_EQ(One("bool_and", trues), "true");
  EXPECT_EQ(One("bool_or", Col(Bool(), {"false", "false"})), "false");
  EXPECT_EQ(One("bool_and", Col(Bool(), {std::nullopt})), "NULL");
  EXPECT_EQ(One("bool_or", Col(Bool(), {})), "NULL");
}

TEST(AggregateBool, GroupsSliceAndMerge) {
  ArrayPtr column =
      Col(Bool(), {"false", "true", "true", "false", std::nullopt, "true"})->Slice(1, 5);
  // rows: true, true, false, NULL, true
  std::vector<uint32_t> first{0, 1};
  std::vector<uint32_t> rest{1, 2, 0};
  ASSERT_OK_AND_ASSIGN(auto result,
                       RunThreads("bool_and", {Bool()},
                                  {{Batch{{column->Slice(0, 2)}, first}},
                                   {Batch{{column->Slice(2, 3)}, rest}}},
                                  Groups(3)));
  EXPECT_EQ(result, (Strings{"true", "false", "NULL"}));
}

TEST(AggregateApproxDistinct, CloseToTheTruth) {
  for (int distinct : {0, 1, 10, 1000, 50000}) {
    SCOPED_TRACE(distinct);
    std::vector<std::optional<std::string>> values;
    for (int i = 0; i < distinct * 2; ++i) values.push_back(std::to_string(i % distinct));
    values.push_back(std::nullopt);
    for (const DataTypePtr& type : {Int64(), Utf8()}) {
      const double estimate = std::stod(One("approx_count_distinct", Col(type, values)));
      EXPECT_NEAR(estimate, distinct, 0.05 * distinct + 0.5);
    }
  }
}

TEST(AggregateApproxDistinct, MergedThreadsDoNotDoubleCount) {
  std::vector<std::optional<std::string>> values;
  for (int i = 0; i < 2000; ++i) values.push_back(std::to_string(i));
  ArrayPtr column = Col(Int32(), values);
  // Both threads see the same 2000 values in group 0; thread two also 1000 of them in group 1.
  std::vector<uint32_t> zeros(2000, 0);
  std::vector<uint32_t> halves(2000, 0);
  for (int i = 0; i < 1000; ++i) halves[i] = 1;
  ASSERT_OK_AND_ASSIGN(auto result, RunThreads("approx_count_distinct", {Int32()},
                                               {{Batch{{column}, zeros}},
                                                {Batch{{column}, halves}}},
                                               Groups(3)));
  EXPECT_NEAR(std::stod(result[0]), 2000, 100);
  EXPECT_NEAR(std::stod(result[1]), 1000, 50);
  EXPECT_EQ(result[2], "0");
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
