// sum and avg: result types, NULLs, empty input, groups, threads, overflow, decimals, floats.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;

TEST(AggregateSum, ResultTypesFollowPostgres) {
  ASSERT_OK_AND_ASSIGN(Call i32, Resolve("sum", {Int32()}));
  EXPECT_EQ(i32.options.output_type->ToString(), "int64");
  ASSERT_OK_AND_ASSIGN(Call i64, Resolve("sum", {Int64()}));
  EXPECT_EQ(i64.options.output_type->ToString(), Decimal128(38, 0)->ToString());
  ASSERT_OK_AND_ASSIGN(Call dec, Resolve("sum", {Decimal128(10, 2)}));
  EXPECT_TRUE(dec.options.output_type->Equals(*Decimal128(38, 2)));
  ASSERT_OK_AND_ASSIGN(Call f32, Resolve("sum", {Float32()}));
  EXPECT_TRUE(f32.options.output_type->Equals(*Float32()));
  ASSERT_OK_AND_ASSIGN(Call avg_int, Resolve("avg", {Int16()}));
  EXPECT_TRUE(avg_int.options.output_type->Equals(*Decimal128(38, 16)));
  ASSERT_OK_AND_ASSIGN(Call avg_dec, Resolve("avg", {Decimal128(38, 0)}));
  EXPECT_TRUE(avg_dec.options.output_type->Equals(*Decimal128(38, 0)));
  ASSERT_OK_AND_ASSIGN(Call avg_f, Resolve("avg", {Float32()}));
  EXPECT_TRUE(avg_f.options.output_type->Equals(*Float64()));
}

TEST(AggregateSum, NullsAndEmpty) {
  EXPECT_EQ(One("sum", Col(Int32(), {"1", std::nullopt, "3"})), "4");
  EXPECT_EQ(One("sum", Col(Int32(), {std::nullopt})), "NULL");
  EXPECT_EQ(One("sum", Col(Int64(), {})), "NULL");
  EXPECT_EQ(One("avg", Col(Int64(), {})), "NULL");
  EXPECT_EQ(One("sum", Col(Int64(), {"-5", "7", std::nullopt})), "2");
  EXPECT_EQ(One("sum", Col(UInt64(), {"18446744073709551615", "18446744073709551615"})),
            "36893488147419103230");
  EXPECT_EQ(One("sum", Col(Float64(), {"0.5", "0.25", std::nullopt})), "0.75");
  EXPECT_EQ(One("sum", Col(Float32(), {"1.5", "2"})), "3.5");
  EXPECT_EQ(One("sum", Col(Decimal128(10, 2), {"1.25", "-0.5", std::nullopt})), "0.75");
}

TEST(AggregateSum, Int64SumIsExactPastInt64) {
  std::vector<std::optional<std::string>> values(1000, "9223372036854775807");
  values.push_back("-9223372036854775808");
  EXPECT_EQ(One("sum", Col(Int64(), values)), "9214148664817921031192");
}

TEST(AggregateSum, BigintOverflowIsAnError) {
  // sum(int32) is bigint; a bigint state overflows only through many batches or merges.
  ASSERT_OK_AND_ASSIGN(Call call, Resolve("sum", {Int32()}));
  ASSERT_OK_AND_ASSIGN(auto a, call.kernel->make(call.options));
  ASSERT_OK(a->Resize(1));
  std::vector<std::optional<std::string>> big(1 << 16, "2147483647");
  ArrayPtr column = Col(Int32(), big);
  Status status;
  for (int i = 0; i < (1 << 16) + 10 && status.ok(); ++i) status = a->Update({column}, nullptr,
                                                                             column->length());
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("bigint out of range"), std::string::npos) << status.message();
}

TEST(AggregateSum, NumericOverflowIsAnError) {
  const std::string max38(38, '9');
  auto result = RunAgg("sum", {Col(Decimal128(38, 0), {max38, "1"})});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("numeric field overflow"), std::string::npos);
  EXPECT_EQ(One("sum", Col(Decimal128(38, 0), {max38, "-1"})), std::string(37, '9') + "8");
}

TEST(AggregateAvg, IntegerAverageIsNumericWithSixteenDigits) {
  EXPECT_EQ(One("avg", Col(Int32(), {"1", "2", std::nullopt})), "1.5000000000000000");
  EXPECT_EQ(One("avg", Col(Int32(), {"1", "1", "2"})), "1.3333333333333333");
  EXPECT_EQ(One("avg", Col(Int32(), {"2", "2", "1"})), "1.6666666666666667");
  EXPECT_EQ(One("avg", Col(Int32(), {"-2", "-2", "-1"})), "-1.6666666666666667");
  EXPECT_EQ(One("avg", Col(Int64(), {"9223372036854775807", "9223372036854775807"})),
            "9223372036854775807.0000000000000000");
  EXPECT_EQ(One("avg", Col(Decimal128(5, 2), {"1.00", "2.01"})), "1.5050000000000000");
  EXPECT_EQ(One("avg", Col(Float64(), {"1", "2", "4"})), "2.3333333333333335");
}

TEST(AggregateSumAvg, GroupsSlicesAndThreads) {
  std::vector<std::optional<std::string>> values;
  std::vector<uint32_t> groups;
  std::vector<int64_t> sums(3, 0);
  std::vector<int64_t> counts(3, 0);
  for (int i = 0; i < 500; ++i) {
    const bool null = i % 7 == 0;
    values.push_back(null ? std::nullopt : std::optional<std::string>(std::to_string(i * 11)));
  }
  ArrayPtr column = Col(Int64(), values)->Slice(3, 400);
  for (int i = 0; i < 400; ++i) {
    groups.push_back(static_cast<uint32_t>((i * 7) % 3));
    if ((i + 3) % 7 != 0) {
      sums[groups.back()] += (i + 3) * 11;
      ++counts[groups.back()];
    }
  }
  // Split over two threads: first 150 rows and the rest.
  std::vector<uint32_t> first(groups.begin(), groups.begin() + 150);
  std::vector<uint32_t> rest(groups.begin() + 150, groups.end());
  std::vector<std::vector<Batch>> threads{{Batch{{column->Slice(0, 150)}, first}},
                                          {Batch{{column->Slice(150, 250)}, rest}}};
  ASSERT_OK_AND_ASSIGN(auto result, RunThreads("sum", {Int64()}, threads, Groups(3)));
  EXPECT_EQ(result, (Strings{std::to_string(sums[0]), std::to_string(sums[1]),
                             std::to_string(sums[2])}));
  ASSERT_OK_AND_ASSIGN(auto as_int32,
                       RunThreads("sum", {Int32()},
                                  {{Batch{{*Cast(column->Slice(0, 150), Int32())}, first}},
                                   {Batch{{*Cast(column->Slice(150, 250), Int32())}, rest}}},
                                  Groups(3)));
  EXPECT_EQ(as_int32, result);
  ASSERT_OK_AND_ASSIGN(auto total, RunThreads("sum", {Int64()},
                                              {{Batch{{column->Slice(0, 150)}, {}}},
                                               {Batch{{column->Slice(150, 250)}, {}}}}));
  EXPECT_EQ(total[0], std::to_string(sums[0] + sums[1] + sums[2]));
  ASSERT_OK_AND_ASSIGN(auto floats, RunThreads("avg", {Float64()},
                                               {{Batch{{*Cast(column, Float64())}, groups}}},
                                               Groups(3)));
  for (int g = 0; g < 3; ++g) {
    EXPECT_DOUBLE_EQ(std::stod(floats[g]), static_cast<double>(sums[g]) / counts[g]);
  }
}

TEST(AggregateSum, EmptyGroupIsNull) {
  ASSERT_OK_AND_ASSIGN(auto result, RunAgg("sum", {Col(Int32(), {"1", "2"})}, {0, 0},
                                        Groups(2)));
  EXPECT_EQ(result, (Strings{"3", "NULL"}));
}

TEST(AggregateSum, ScalarArgument) {
  ASSERT_OK_AND_ASSIGN(auto result, RunThreads("sum", {Int64()},
                                               {{Batch{{Scalar::FromInt64(3)}, {}, 4}}}));
  EXPECT_EQ(result, Strings{"12"});
}

// Blocks of 64 rows that mix NULLs and values take the masked path; check every input type.
TEST(AggregateSum, UngroupedWithNullsEveryType) {
  std::vector<std::optional<std::string>> values;
  int64_t expected = 0;
  for (int i = 0; i < 300; ++i) {
    const bool null = i % 5 == 1 || (i >= 128 && i < 192);
    values.push_back(null ? std::nullopt : std::optional<std::string>(std::to_string(i - 100)));
    if (!null && i >= 3 && i < 283) expected += i - 100;
  }
  for (const DataTypePtr& type : {Int8(), Int16(), Int32(), Int64(), Float32(), Float64(),
                                  Decimal128(10, 0)}) {
    SCOPED_TRACE(type->ToString());
    std::vector<std::optional<std::string>> typed = values;
    if (type->id() == TypeId::kInt8) {
      for (auto& v : typed) {
        if (v && (std::stoi(*v) > 127 || std::stoi(*v) < -128)) v = "0";
      }
    }
    int64_t want = expected;
    if (type->id() == TypeId::kInt8) {
      want = 0;
      for (int i = 3; i < 283; ++i) want += typed[i] ? std::stoi(*typed[i]) : 0;
    }
    EXPECT_EQ(One("sum", Col(type, typed)->Slice(3, 280)), std::to_string(want));
  }
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
