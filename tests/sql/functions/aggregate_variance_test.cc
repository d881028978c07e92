// var_samp, var_pop, stddev_samp, stddev_pop (and the variance/stddev aliases).
#include <cmath>

#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;

TEST(AggregateVariance, SmallInputs) {
  ArrayPtr column = Col(Int32(), {"1", "2", std::nullopt, "3", "4"});
  EXPECT_EQ(One("var_samp", column), "1.6666666666666667");
  EXPECT_EQ(One("variance", column), "1.6666666666666667");
  EXPECT_EQ(One("var_pop", column), "1.25");
  EXPECT_EQ(One("stddev_samp", column), "1.2909944487358056");
  EXPECT_EQ(One("stddev", column), "1.2909944487358056");
  EXPECT_EQ(One("stddev_pop", column), "1.118033988749895");
  // Decimals are converted to double, so the result is 0.0002 to double precision only.
  EXPECT_NEAR(std::stod(One("var_samp", Col(Decimal128(5, 2), {"0.01", "0.03"}))), 0.0002, 1e-18);
}

TEST(AggregateVariance, TooFewValues) {
  ArrayPtr one = Col(Float64(), {"5", std::nullopt});
  EXPECT_EQ(One("var_samp", one), "NULL");
  EXPECT_EQ(One("stddev_samp", one), "NULL");
  EXPECT_EQ(One("var_pop", one), "0");
  EXPECT_EQ(One("stddev_pop", one), "0");
  EXPECT_EQ(One("var_pop", Col(Float64(), {})), "NULL");
}

TEST(AggregateVariance, StableForLargeOffsets) {
  // Values 1e9 + {4, 7, 13, 16}: the naive sum-of-squares formula loses every digit here.
  ArrayPtr column = Col(Float64(), {"1000000004", "1000000007", "1000000013", "1000000016"});
  EXPECT_EQ(One("var_samp", column), "30");
}

TEST(AggregateVariance, GroupedAndMergedMatchUngrouped) {
  std::vector<std::optional<std::string>> values;
  for (int i = 0; i < 1000; ++i) {
    const double value = 1e6 + (i * 7919) % 1000 / 10.0;
    values.push_back(i % 9 == 0 ? std::nullopt : std::optional<std::string>(std::to_string(value)));
  }
  ArrayPtr column = Col(Float64(), values)->Slice(1, 998);
  ASSERT_OK_AND_ASSIGN(auto whole, RunAgg("var_pop", {column}));
  // Same rows split over three threads, all in group 1 of 2.
  std::vector<uint32_t> ones(400, 1);
  std::vector<uint32_t> rest(198, 1);
  ASSERT_OK_AND_ASSIGN(auto split,
                       RunThreads("var_pop", {Float64()},
                                  {{Batch{{column->Slice(0, 400)}, ones}},
                                   {Batch{{column->Slice(400, 400)}, ones}},
                                   {Batch{{column->Slice(800, 198)}, rest}}},
                                  Groups(2)));
  EXPECT_EQ(split[0], "NULL");
  EXPECT_NEAR(std::stod(split[1]), std::stod(whole[0]), 1e-9 * std::stod(whole[0]));
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
