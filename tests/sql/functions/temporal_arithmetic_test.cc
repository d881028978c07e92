// Date, timestamp and interval arithmetic operators.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

Scalar D(const char* v) { return Value(Date32(), v); }
Scalar Ts(const char* v) { return Value(Timestamp(), v); }
// Intervals are built from fields: text -> interval is not a columnar cast.
Scalar Iv(int32_t months, int32_t days, int64_t micros = 0) {
  return Scalar(Interval(), MonthDayNano{months, days, micros * 1000});
}
constexpr int64_t kHour = 3600000000;

TEST(TemporalArithmeticTest, DatesAndDays) {
  EXPECT_EQ(Eval("+", {D("2024-02-28"), I32(2)}), "2024-03-01");
  EXPECT_EQ(Eval("+", {I32(1), D("2024-12-31")}), "2025-01-01");
  EXPECT_EQ(Eval("-", {D("2024-03-01"), I32(1)}), "2024-02-29");
  EXPECT_EQ(Eval("-", {D("2024-03-01"), D("2024-01-01")}), "60");
}

TEST(TemporalArithmeticTest, IntervalsOnDatesAndTimestamps) {
  EXPECT_EQ(Eval("+", {D("2024-01-31"), Iv(1, 0)}), "2024-02-29 00:00:00");
  EXPECT_EQ(Eval("+", {Ts("2024-01-31 10:00:00"), Iv(1, 1, 2 * kHour + 30 * 60000000)}),
            "2024-03-01 12:30:00");
  EXPECT_EQ(Eval("-", {Ts("2024-03-31 00:00:00"), Iv(1, 0)}), "2024-02-29 00:00:00");
  EXPECT_EQ(Eval("+", {Iv(0, 1), Ts("2024-01-01 00:00:00")}), "2024-01-02 00:00:00");
  EXPECT_EQ(Eval("+", {Value(Timestamp(TimeUnit::kMicro, "UTC"), "2024-01-01 00:00:00+00"), Iv(0, 0, kHour)}),
            "2024-01-01 01:00:00+00");
}

TEST(TemporalArithmeticTest, TimestampDifferenceIsDaysAndTime) {
  EXPECT_EQ(Eval("-", {Ts("2024-01-03 01:00:00"), Ts("2024-01-01 00:00:00")}), "2 days 01:00:00");
  EXPECT_EQ(Eval("-", {Ts("2024-01-01 00:00:00"), Ts("2024-01-03 01:00:00")}), "-2 days -01:00:00");
}

TEST(TemporalArithmeticTest, IntervalArithmetic) {
  EXPECT_EQ(Eval("+", {Iv(0, 1), Iv(0, 0, 2 * kHour)}), "1 day 02:00:00");
  EXPECT_EQ(Eval("-", {Iv(0, 1), Iv(0, 0, 2 * kHour)}), "1 day -02:00:00");
  EXPECT_EQ(Eval("*", {Iv(0, 1), F64(1.5)}), "1 day 12:00:00");
  EXPECT_EQ(Eval("*", {I32(2), Iv(1, 0)}), "2 mons");
  EXPECT_EQ(Eval("*", {Iv(1, 0), F64(0.5)}), "15 days");
  EXPECT_EQ(Eval("/", {Iv(0, 1), F64(4)}), "06:00:00");
  EXPECT_EQ(Eval("/", {Iv(0, 1), F64(0)}), "error: division by zero");
  EXPECT_EQ(Eval("neg", {Iv(0, 1)}), "-1 days");
}

TEST(TemporalArithmeticTest, TimeOfDay) {
  Scalar t = Value(Time64(), "23:30:00");
  EXPECT_EQ(Eval("+", {t, Iv(0, 1, kHour)}), "00:30:00");
  EXPECT_EQ(Eval("-", {t, Iv(0, 0, 24 * kHour)}), "23:30:00");
  EXPECT_EQ(Eval("-", {t, Value(Time64(), "01:00:00")}), "22:30:00");
}

TEST(TemporalArithmeticTest, ColumnsWithNulls) {
  auto dates = Column(Date32(), {"2024-01-01", std::nullopt, "2024-02-29"});
  ASSERT_OK_AND_ASSIGN(auto plus, Call("+", {dates, Datum(Iv(12, 0))}));
  EXPECT_EQ(Texts(plus), Rows({"2025-01-01 00:00:00", "NULL", "2025-02-28 00:00:00"}));
}

}  // namespace
}  // namespace bundlebase::sql
