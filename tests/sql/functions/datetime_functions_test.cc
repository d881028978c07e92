// Date/time functions: extract/date_part fields for each type, date_trunc, now/current_date,
// make_date/make_timestamp, age, to_timestamp, to_char and strftime.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

Scalar D(const char* v) { return Value(Date32(), v); }
Scalar Ts(const char* v) { return Value(Timestamp(), v); }
Scalar Iv(int32_t months, int32_t days, int64_t micros) {
  return Scalar(Interval(), MonthDayNano{months, days, micros * 1000});
}

std::string Extract(const char* field, Scalar value) { return Eval("extract", {Text(field), value}); }

TEST(DatetimeFunctionsTest, ExtractFromTimestamp) {
  Scalar ts = Ts("2024-03-15 13:45:30.123456");
  EXPECT_EQ(Extract("year", ts), "2024.000000");
  EXPECT_EQ(Extract("second", ts), "30.123456");
  EXPECT_EQ(Extract("milliseconds", ts), "30123.456000");
  EXPECT_EQ(Extract("epoch", ts), "1710510330.123456");
  EXPECT_EQ(Eval("date_part", {Text("hour"), ts}), "13");
  EXPECT_EQ(Eval("date_part", {Text("QUARTER"), ts}), "1");
  EXPECT_EQ(Eval("date_part", {Text("dow"), ts}), "5");
  EXPECT_EQ(Eval("date_part", {Text("doy"), ts}), "75");
  EXPECT_EQ(Eval("date_part", {Text("century"), ts}), "21");
  EXPECT_EQ(Eval("date_part", {Text("decade"), ts}), "202");
  EXPECT_EQ(Eval("date_part", {Text("millennium"), ts}), "3");
  EXPECT_EQ(Eval("date_part", {Text("nope"), ts}).substr(0, 29), "error: unit \"nope\" not recogn");
}

TEST(DatetimeFunctionsTest, ExtractScaleFollowsTheLiteralField) {
  std::vector<ArgumentInfo> args = {{Utf8(), true, "year"}, {Timestamp(), false, ""}};
  ASSERT_OK_AND_ASSIGN(auto call, FunctionRegistry::Default().ResolveScalar("extract", args));
  EXPECT_EQ(call.output_type->scale(), 0);
  args[0].literal_text = "second";
  ASSERT_OK_AND_ASSIGN(call, FunctionRegistry::Default().ResolveScalar("extract", args));
  EXPECT_EQ(call.output_type->scale(), 6);
}

TEST(DatetimeFunctionsTest, FieldsMayBeAColumn) {
  auto fields = Column(Utf8(), {"year", "second", std::nullopt, "month"});
  auto ts = Column(Timestamp(), {"2024-03-15 13:45:30.5", "2024-03-15 13:45:30.5",
                                 "2024-03-15 13:45:30.5", std::nullopt});
  ASSERT_OK_AND_ASSIGN(auto parts, Call("date_part", {fields, ts}));
  EXPECT_EQ(Texts(parts), Rows({"2024", "30.5", "NULL", "NULL"}));
  ASSERT_OK_AND_ASSIGN(auto extracted, Call("extract", {fields, ts}));
  EXPECT_EQ(Texts(extracted), Rows({"2024.000000", "30.500000", "NULL", "NULL"}));
  ASSERT_OK_AND_ASSIGN(auto truncated, Call("date_trunc", {fields, ts}));
  EXPECT_EQ(Texts(truncated), Rows({"2024-01-01 00:00:00", "2024-03-15 13:45:30", "NULL", "NULL"}));
}

TEST(DatetimeFunctionsTest, IsoWeeksAndDates) {
  EXPECT_EQ(Eval("date_part", {Text("week"), D("2021-01-03")}), "53");
  EXPECT_EQ(Eval("date_part", {Text("isoyear"), D("2021-01-03")}), "2020");
  EXPECT_EQ(Eval("date_part", {Text("week"), D("2024-12-30")}), "1");
  EXPECT_EQ(Eval("date_part", {Text("isodow"), D("2024-03-17")}), "7");
  EXPECT_EQ(Eval("date_part", {Text("epoch"), D("1970-01-02")}), "86400");
  EXPECT_EQ(Eval("date_part", {Text("hour"), D("2024-03-17")}),
            "error: unit \"hour\" not supported for type date");
  auto dates = Column(Date32(), {"2024-01-31", std::nullopt, "1999-12-31"});
  ASSERT_OK_AND_ASSIGN(auto out, Call("date_part", {Datum(Text("month")), dates}));
  EXPECT_EQ(Texts(out), Rows({"1", "NULL", "12"}));
}

TEST(DatetimeFunctionsTest, ExtractFromIntervalAndTime) {
  Scalar iv = Iv(14, 3, (4 * 3600 + 5 * 60 + 6) * 1000000LL + 500000);
  EXPECT_EQ(Eval("date_part", {Text("year"), iv}), "1");
  EXPECT_EQ(Eval("date_part", {Text("month"), iv}), "2");
  EXPECT_EQ(Eval("date_part", {Text("day"), iv}), "3");
  EXPECT_EQ(Eval("date_part", {Text("minute"), iv}), "5");
  EXPECT_EQ(Eval("date_part", {Text("second"), iv}), "6.5");
  EXPECT_EQ(Eval("date_part", {Text("epoch"), Iv(0, 1, 0)}), "86400");
  EXPECT_EQ(Eval("date_part", {Text("minute"), Value(Time64(), "10:20:30")}), "20");
}

TEST(DatetimeFunctionsTest, DateTrunc) {
  Scalar ts = Ts("2024-03-15 13:45:30.5");
  EXPECT_EQ(Eval("date_trunc", {Text("month"), ts}), "2024-03-01 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("hour"), ts}), "2024-03-15 13:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("week"), ts}), "2024-03-11 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("quarter"), ts}), "2024-01-01 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("century"), ts}), "2001-01-01 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("second"), ts}), "2024-03-15 13:45:30");
  EXPECT_EQ(Eval("date_trunc", {Text("day"), D("2024-03-15")}), "2024-03-15 00:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("hour"), Iv(0, 1, 2 * 3600000000LL + 1234)}), "1 day 02:00:00");
  EXPECT_EQ(Eval("date_trunc", {Text("dow"), ts}), "error: unit \"dow\" not supported for date_trunc");
}

TEST(DatetimeFunctionsTest, NowAndCurrentDateUseTheStatementTime) {
  EXPECT_EQ(Eval("now", {}), "2023-11-14 22:13:20.123456+00");
  EXPECT_EQ(Eval("current_timestamp", {}), "2023-11-14 22:13:20.123456+00");
  EXPECT_EQ(Eval("current_date", {}), "2023-11-14");
  EXPECT_EQ(FunctionRegistry::Default().FindScalar("now")->volatility, Volatility::kStable);
}

TEST(DatetimeFunctionsTest, Constructors) {
  EXPECT_EQ(Eval("make_date", {I32(2013), I32(7), I32(15)}), "2013-07-15");
  EXPECT_EQ(Eval("make_date", {I32(2013), I32(2), I32(30)}),
            "error: date field value out of range: 2013-02-30");
  EXPECT_EQ(Eval("make_timestamp", {I32(2013), I32(7), I32(15), I32(8), I32(15), F64(23.5)}),
            "2013-07-15 08:15:23.5");
  EXPECT_EQ(Eval("to_timestamp", {F64(1284352323)}), "2010-09-13 04:32:03+00");
  EXPECT_EQ(Eval("to_timestamp", {F64(NAN)}), "error: timestamp cannot be NaN");
  EXPECT_EQ(Eval("age", {Ts("2001-04-10 00:00:00"), Ts("1957-06-13 00:00:00")}),
            "43 years 9 mons 27 days");
  EXPECT_EQ(Eval("age", {Ts("2024-03-01 00:00:00"), Ts("2024-01-31 12:00:00")}),
            "1 mon 12:00:00");
}

TEST(DatetimeFunctionsTest, DateDiffCountsBoundaries) {
  EXPECT_EQ(Eval("date_diff", {Text("month"), D("2024-01-31"), D("2024-02-01")}), "1");
  EXPECT_EQ(Eval("date_diff", {Text("year"), D("2024-12-31"), D("2023-01-01")}), "-1");
  EXPECT_EQ(Eval("date_diff", {Text("day"), Ts("2024-01-01 23:59:00"), Ts("2024-01-02 00:01:00")}), "1");
  EXPECT_EQ(Eval("date_diff", {Text("hour"), Ts("2024-01-01 10:59:00"), Ts("2024-01-01 12:00:00")}), "2");
  EXPECT_EQ(Eval("date_diff", {Text("week"), D("2024-03-10"), D("2024-03-11")}), "1");
  EXPECT_EQ(Eval("date_diff", {Text("dow"), D("2024-03-10"), D("2024-03-11")}),
            "error: unit \"dow\" not supported for date_diff");
}

TEST(DatetimeFunctionsTest, Formatting) {
  Scalar ts = Ts("2024-03-05 14:07:09.123456");
  EXPECT_EQ(Eval("to_char", {ts, Text("YYYY-MM-DD HH24:MI:SS.US")}), "2024-03-05 14:07:09.123456");
  EXPECT_EQ(Eval("to_char", {ts, Text("DD Mon YYYY HH12:MI PM")}), "05 Mar 2024 02:07 PM");
  EXPECT_EQ(Eval("to_char", {ts, Text("Day, FMMonth FMDD \"at\" HH24h")}), "Tuesday  , March 5 at 14h");
  EXPECT_EQ(Eval("to_char", {D("2024-03-05"), Text("YYYY/MM/DD")}), "2024/03/05");
  EXPECT_EQ(Eval("strftime", {ts, Text("%Y/%m/%d %H:%M:%S.%f %a %b %j %-d")}),
            "2024/03/05 14:07:09.123456 Tue Mar 065 5");
  EXPECT_EQ(Eval("to_timestamp", {Text("05 Mar 2024 02:07:09 PM"), Text("DD Mon YYYY HH12:MI:SS AM")}),
            "2024-03-05 14:07:09+00");
  EXPECT_EQ(Eval("to_timestamp", {Text("2024-03-05 14:07:09.5"), Text("YYYY-MM-DD HH24:MI:SS.MS")}),
            "2024-03-05 14:07:09.5+00");
  EXPECT_NE(Eval("to_timestamp", {Text("2024-13-05"), Text("YYYY-MM-DD")}).find("invalid value"),
            std::string::npos);
}

}  // namespace
}  // namespace bundlebase::sql
