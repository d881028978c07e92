// Text output of every type: dates across the calendar's edges, PostgreSQL floats and
// intervals, decimals, zoned timestamps, nested values and array rows.
#include "columnar/value_formatting.h"

#include <limits>

#include "test_util.h"

namespace bundlebase {
namespace {

TEST(ValueFormattingTest, Dates) {
  EXPECT_EQ(FormatDate32(0), "1970-01-01");
  EXPECT_EQ(FormatDate32(20458), "2026-01-05");
  EXPECT_EQ(FormatDate32(11016), "2000-02-29");
  EXPECT_EQ(FormatDate32(-1), "1969-12-31");
  EXPECT_EQ(FormatDate32(-719162), "0001-01-01");
  EXPECT_EQ(FormatDate32(-719163), "0000-12-31");
  EXPECT_EQ(FormatDate32(-719529), "-0001-12-31");
  EXPECT_EQ(FormatDate32(2932897), "10000-01-01");
  EXPECT_EQ(FormatDate32(std::numeric_limits<int32_t>::max()), "5881580-07-11");
  EXPECT_EQ(FormatDate32(std::numeric_limits<int32_t>::min()), "-5877641-06-23");
}

TEST(ValueFormattingTest, TimesTrimTrailingZeros) {
  EXPECT_EQ(FormatTime64(0, TimeUnit::kMicro), "00:00:00");
  EXPECT_EQ(FormatTime64(49500000000, TimeUnit::kMicro), "13:45:00");
  EXPECT_EQ(FormatTime64(49500500000, TimeUnit::kMicro), "13:45:00.5");
  EXPECT_EQ(FormatTime64(49500000000123, TimeUnit::kNano), "13:45:00.000000123");
  EXPECT_EQ(FormatTime64(86399999999, TimeUnit::kMicro), "23:59:59.999999");
}

TEST(ValueFormattingTest, Timestamps) {
  const int64_t us = 1767620700123456;  // 2026-01-05 13:45:00.123456 UTC
  EXPECT_EQ(FormatTimestamp(us, TimeUnit::kMicro), "2026-01-05 13:45:00.123456");
  EXPECT_EQ(FormatTimestamp(us / 1000, TimeUnit::kMilli), "2026-01-05 13:45:00.123");
  EXPECT_EQ(FormatTimestamp(us / 1000000, TimeUnit::kSecond), "2026-01-05 13:45:00");
  EXPECT_EQ(FormatTimestamp(us * 1000 + 7, TimeUnit::kNano), "2026-01-05 13:45:00.123456007");
  EXPECT_EQ(FormatTimestamp(-1, TimeUnit::kMicro), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(FormatTimestamp(0, TimeUnit::kSecond, "UTC"), "1970-01-01 00:00:00+00");
  EXPECT_EQ(FormatTimestamp(0, TimeUnit::kSecond, "+05:30"), "1970-01-01 05:30:00+05:30");
  EXPECT_EQ(FormatTimestamp(0, TimeUnit::kSecond, "-08:00"), "1969-12-31 16:00:00-08");
  // A zone without a fixed offset is shown as the same instant in UTC.
  EXPECT_EQ(FormatTimestamp(0, TimeUnit::kSecond, "Europe/Paris"), "1970-01-01 00:00:00+00");
  EXPECT_EQ(FormatTimestamp(std::numeric_limits<int64_t>::min(), TimeUnit::kNano),
            "1677-09-21 00:12:43.145224192");
  EXPECT_EQ(FormatTimestamp(std::numeric_limits<int64_t>::max(), TimeUnit::kNano),
            "2262-04-11 23:47:16.854775807");
  EXPECT_EQ(FormatTimestamp(std::numeric_limits<int64_t>::max(), TimeUnit::kSecond),
            "292277026596-12-04 15:30:07");
}

TEST(ValueFormattingTest, Decimals) {
  EXPECT_EQ(FormatDecimal128(-1234, 2), "-12.34");
  EXPECT_EQ(FormatDecimal128(5, 2), "0.05");
  EXPECT_EQ(FormatDecimal128(-5, 3), "-0.005");
  EXPECT_EQ(FormatDecimal128(0, 2), "0.00");
  EXPECT_EQ(FormatDecimal128(1200, 2), "12.00");
  EXPECT_EQ(FormatDecimal128(42, 0), "42");
  EXPECT_EQ(FormatDecimal128(42, -2), "4200");
  __int128 big = 1;
  for (int i = 0; i < 38; ++i) big *= 10;
  EXPECT_EQ(FormatDecimal128(-(big - 1), 10), "-9999999999999999999999999999.9999999999");
}

TEST(ValueFormattingTest, FloatsFollowPostgres) {
  EXPECT_EQ(FormatDouble(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatDouble(1e15), "1e+15");
  EXPECT_EQ(FormatDouble(123456789012345.0), "123456789012345");
  EXPECT_EQ(FormatDouble(1.5e-5), "1.5e-05");
  EXPECT_EQ(FormatDouble(0.0001), "0.0001");
  EXPECT_EQ(FormatDouble(-2.5), "-2.5");
  EXPECT_EQ(FormatDouble(100), "100");
  EXPECT_EQ(FormatDouble(0.0), "0");
  EXPECT_EQ(FormatDouble(-0.0), "-0");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(FormatDouble(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(FormatDouble(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(FormatDouble(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(FormatFloat(1e6f), "1e+06");
  EXPECT_EQ(FormatFloat(100000.0f), "100000");
  EXPECT_EQ(FormatFloat(0.1f), "0.1");
}

TEST(ValueFormattingTest, IntervalsFollowPostgres) {
  EXPECT_EQ(FormatInterval({0, 0, 0}), "00:00:00");
  EXPECT_EQ(FormatInterval({-12, 2, 0}), "-1 years +2 days");
  EXPECT_EQ(FormatInterval({14, 3, 14706789000000}), "1 year 2 mons 3 days 04:05:06.789");
  EXPECT_EQ(FormatInterval({0, -1, -1000000000}), "-1 days -00:00:01");
  EXPECT_EQ(FormatInterval({0, 1, 90000000000000}), "1 day 25:00:00");
  EXPECT_EQ(FormatInterval({-14, 0, 0}), "-1 years -2 mons");
  EXPECT_EQ(FormatInterval({1, 0, -1000000000}), "1 mon -00:00:01");
  EXPECT_EQ(FormatInterval({0, 0, 1}), "00:00:00.000000001");
}

TEST(ValueFormattingTest, Scalars) {
  EXPECT_EQ(FormatScalar(Scalar::FromBool(true)), "true");
  EXPECT_EQ(FormatScalar(Scalar::FromInt64(-7)), "-7");
  EXPECT_EQ(FormatScalar(Scalar(UInt64(), std::numeric_limits<uint64_t>::max())),
            "18446744073709551615");
  EXPECT_EQ(FormatScalar(Scalar(Float32(), double{0.1f})), "0.1");
  EXPECT_EQ(FormatScalar(Scalar::MakeNull(Int64())), "NULL");
  EXPECT_EQ(FormatScalar(Scalar(Binary(), std::string("\x0a\xff", 2))), "\\x0aff");
  EXPECT_EQ(FormatScalar(Scalar(Date32(), int64_t{20458})), "2026-01-05");
  EXPECT_EQ(FormatScalar(Scalar(Decimal128(5, 2), __int128{-1234})), "-12.34");
  auto item = Struct({Field("a", Int64()), Field("b", Utf8())});
  Scalar s(item, std::vector<Scalar>{Scalar::FromInt64(1), Scalar::FromUtf8("x")});
  EXPECT_EQ(FormatScalar(s), "{a: 1, b: x}");
  Scalar list(List(item), std::vector<Scalar>{s, Scalar::MakeNull(item)});
  EXPECT_EQ(FormatScalar(list), "[{a: 1, b: x}, NULL]");
  EXPECT_EQ(FormatScalar(Scalar(List(Int64()), std::vector<Scalar>{})), "[]");
}

TEST(ValueFormattingTest, ArrayRowsMatchScalars) {
  auto item = Struct({Field("id", Int64()), Field("tags", List(Utf8()))});
  auto type = List(item);
  std::vector<Scalar> rows = {
      Scalar(type, std::vector<Scalar>{Scalar(
                       item, std::vector<Scalar>{
                                 Scalar::FromInt64(1),
                                 Scalar(List(Utf8()), std::vector<Scalar>{
                                                          Scalar::FromUtf8("a"),
                                                          Scalar::MakeNull(Utf8())})})}),
      Scalar::MakeNull(type),
      Scalar(type, std::vector<Scalar>{}),
  };
  ASSERT_OK_AND_ASSIGN(ArrayPtr array, MakeArrayFromScalars(type, rows));
  std::vector<std::string> expected = {"[{id: 1, tags: [a, NULL]}]", "NULL", "[]"};
  for (int i = 0; i < 3; ++i) {
    std::string text;
    ASSERT_OK(AppendFormattedValue(*array, i, &text));
    EXPECT_EQ(text, expected[i]);
    EXPECT_EQ(FormatScalar(rows[i]), expected[i]);
  }
  ArrayPtr sliced = array->Slice(1, 2);
  std::string text;
  ASSERT_OK(AppendFormattedValue(*sliced, 1, &text));
  EXPECT_EQ(text, "[]");
  EXPECT_TRUE(AppendFormattedValue(*sliced, 2, &text).IsInvalid());

  ASSERT_OK_AND_ASSIGN(
      ArrayPtr ts, MakeArrayFromScalars(Timestamp(TimeUnit::kMilli, "UTC"),
                                        {Scalar(Timestamp(TimeUnit::kMilli, "UTC"),
                                                int64_t{1767620700500})}));
  text.clear();
  ASSERT_OK(AppendFormattedValue(*ts, 0, &text));
  EXPECT_EQ(text, "2026-01-05 13:45:00.5+00");
}

}  // namespace
}  // namespace bundlebase
