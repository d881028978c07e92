// min and max over every orderable type, with NULLs, NaN, groups, slices and merging.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;
using Opt = std::optional<std::string>;

TEST(AggregateMinMax, EveryOrderableType) {
  struct Case {
    DataTypePtr type;
    std::vector<Opt> values;
    std::string min;
    std::string max;
  };
  const std::vector<Case> cases = {
      {Int8(), {"3", "-7", std::nullopt, "5"}, "-7", "5"},
      {Int16(), {"300", "-7"}, "-7", "300"},
      {Int32(), {"-2147483648", "2147483647"}, "-2147483648", "2147483647"},
      {Int64(), {"10", std::nullopt, "-10"}, "-10", "10"},
      {UInt8(), {"255", "0"}, "0", "255"},
      {UInt64(), {"18446744073709551615", "1"}, "1", "18446744073709551615"},
      {Float32(), {"1.5", "-2.5"}, "-2.5", "1.5"},
      {Float64(), {"1.5", "NaN", "-Infinity"}, "-Infinity", "NaN"},
      {Decimal128(10, 2), {"1.25", "-3.50", "2"}, "-3.50", "2.00"},
      {Utf8(), {"pear", "apple", std::nullopt, "Zebra"}, "Zebra", "pear"},
      {Binary(), {"b", "ab"}, "\\x6162", "\\x62"},
      {Bool(), {"true", "false", std::nullopt}, "false", "true"},
      {Date32(), {"2024-03-01", "1999-12-31"}, "1999-12-31", "2024-03-01"},
      {Time64(), {"13:00:00", "09:30:00"}, "09:30:00", "13:00:00"},
      {Timestamp(TimeUnit::kMicro, "UTC"), {"2024-01-01 00:00:00+00", "2023-01-01 00:00:00+00"},
       "2023-01-01 00:00:00+00", "2024-01-01 00:00:00+00"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.type->ToString());
    ArrayPtr column = Col(c.type, c.values);
    EXPECT_EQ(One("min", column), c.min);
    EXPECT_EQ(One("max", column), c.max);
    // The grouped path, with the values in group 1 and group 0 empty.
    std::vector<uint32_t> groups(c.values.size(), 1);
    ASSERT_OK_AND_ASSIGN(auto grouped, RunAgg("max", {column}, groups, Groups(2)));
    EXPECT_EQ(grouped, (Strings{"NULL", c.max}));
  }
}

TEST(AggregateMinMax, IntervalsCompareByLength) {
  // A month counts 30 days, as in PostgreSQL: 1 day 25:00:00 < 29 days < 1 mon < 30 days 01:00.
  IntervalBuilder builder(Interval());
  const int64_t hour = int64_t{3600} * 1000000000;
  ASSERT_OK(builder.Append({1, 0, 0}));
  ASSERT_OK(builder.Append({0, 29, 0}));
  ASSERT_OK(builder.Append({0, 1, 25 * hour}));
  ASSERT_OK(builder.AppendNull());
  ASSERT_OK(builder.Append({0, 30, hour}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr column, builder.Finish());
  EXPECT_EQ(One("min", column), "1 day 25:00:00");
  EXPECT_EQ(One("max", column), "30 days 01:00:00");
  ASSERT_OK_AND_ASSIGN(auto grouped, RunAgg("min", {column}, {0, 0, 1, 1, 1}, Groups(2)));
  EXPECT_EQ(grouped, (Strings{"29 days", "1 day 25:00:00"}));
}

TEST(AggregateMinMax, NaNOnlyWinsMax) {
  ArrayPtr column = Col(Float64(), {"NaN", "3", "1"});
  EXPECT_EQ(One("min", column), "1");
  EXPECT_EQ(One("max", column), "NaN");
  EXPECT_EQ(One("min", Col(Float64(), {"NaN"})), "NaN");
}

TEST(AggregateMinMax, EmptyAndAllNull) {
  EXPECT_EQ(One("min", Col(Int32(), {})), "NULL");
  EXPECT_EQ(One("max", Col(Utf8(), {std::nullopt, std::nullopt})), "NULL");
  EXPECT_EQ(One("max", Col(Bool(), {std::nullopt})), "NULL");
}

TEST(AggregateMinMax, GroupsSlicesAndThreads) {
  std::vector<Opt> values;
  for (int i = 0; i < 300; ++i) {
    values.push_back(i % 5 == 0 ? std::nullopt : Opt(std::to_string((i * 37) % 101)));
  }
  for (const DataTypePtr& type : {Int32(), Float64(), Utf8()}) {
    SCOPED_TRACE(type->ToString());
    ArrayPtr column = Col(type, values)->Slice(7, 280);
    std::vector<uint32_t> groups;
    std::vector<std::optional<std::string>> best(4);
    ArrayPtr as_text = *Cast(column, Utf8());
    for (int i = 0; i < 280; ++i) {
      groups.push_back(static_cast<uint32_t>(i % 4));
      if (column->IsNull(i)) continue;
      const std::string v(as_text->GetView(i));
      auto& b = best[i % 4];
      if (!b || (type->id() == TypeId::kUtf8 ? v < *b : std::stod(v) < std::stod(*b))) b = v;
    }
    std::vector<uint32_t> first(groups.begin(), groups.begin() + 100);
    std::vector<uint32_t> rest(groups.begin() + 100, groups.end());
    ASSERT_OK_AND_ASSIGN(auto result,
                         RunThreads("min", {type},
                                    {{Batch{{column->Slice(0, 100)}, first}},
                                     {Batch{{column->Slice(100, 180)}, rest}}},
                                    Groups(4)));
    EXPECT_EQ(result, (Strings{*best[0], *best[1], *best[2], *best[3]}));
  }
}

TEST(AggregateMinMax, ListsAreRejected) {
  auto result = Resolve("min", {List(Int64())});
  EXPECT_FALSE(result.ok());
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
