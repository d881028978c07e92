// Tests of the text -> value parsers shared by the readers and casts (columnar/value_parsing.h).
#include "columnar/value_parsing.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace bundlebase {
namespace {

TEST(CivilDaysTest, RoundTripsAndKnownValues) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(0, 1, 1), -719528);
  for (int64_t d = -800000; d <= 3000000; d += 997) {
    CivilDate c = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
}

TEST(ParseBoolTest, PostgresSpellings) {
  for (const char* t : {"true", "TRUE", "t", "T", "yes", "y", "on", "1", " True "}) {
    EXPECT_EQ(ParseBool(t), std::optional<bool>(true)) << t;
  }
  for (const char* f : {"false", "False", "f", "no", "N", "off", "0"}) {
    EXPECT_EQ(ParseBool(f), std::optional<bool>(false)) << f;
  }
  for (const char* bad : {"", "2", "tru", "yess", "nope", "o"}) {
    EXPECT_FALSE(ParseBool(bad)) << bad;
  }
}

TEST(ParseInt64Test, RangeSignsAndJunk) {
  EXPECT_EQ(ParseInt64("42"), 42);
  EXPECT_EQ(ParseInt64("-42"), -42);
  EXPECT_EQ(ParseInt64("+42"), 42);
  EXPECT_EQ(ParseInt64(" 7\t"), 7);
  EXPECT_EQ(ParseInt64("9223372036854775807"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ParseInt64("-9223372036854775808"), std::numeric_limits<int64_t>::min());
  for (const char* bad : {"", "9223372036854775808", "1.5", "1e3", "+-1", "--1", "12a", " ", "+"}) {
    EXPECT_FALSE(ParseInt64(bad)) << bad;
  }
  EXPECT_EQ(ParseUInt64("18446744073709551615"), std::numeric_limits<uint64_t>::max());
  EXPECT_FALSE(ParseUInt64("-1"));
}

TEST(ParseDoubleTest, FormsAndSpecialValues) {
  EXPECT_EQ(ParseDouble("1.5"), 1.5);
  EXPECT_EQ(ParseDouble("-2.25e2"), -225.0);
  EXPECT_EQ(ParseDouble("1e5"), 100000.0);
  EXPECT_EQ(ParseDouble("+.5"), 0.5);
  EXPECT_EQ(ParseDouble("5."), 5.0);
  EXPECT_EQ(ParseDouble("0.1"), 0.1);  // correctly rounded
  EXPECT_TRUE(std::isinf(*ParseDouble("inf")));
  EXPECT_TRUE(std::isinf(*ParseDouble("-Infinity")));
  EXPECT_LT(*ParseDouble("-inf"), 0);
  EXPECT_TRUE(std::isnan(*ParseDouble("NaN")));
  EXPECT_TRUE(std::isinf(*ParseDouble("1e400")));
  EXPECT_TRUE(std::isinf(*ParseDouble("-1e99999999999999999999")));
  EXPECT_EQ(*ParseDouble("1e-400"), 0.0);
  EXPECT_EQ(*ParseDouble("0.00001e-400"), 0.0);
  for (const char* bad : {"", "abc", "1.2.3", "1e", "--1", "+-1", "0x10", "1,5", "e5"}) {
    EXPECT_FALSE(ParseDouble(bad)) << bad;
  }
}

TEST(ParseDate32Test, IsoDatesAndValidation) {
  EXPECT_EQ(ParseDate32("1970-01-01"), 0);
  EXPECT_EQ(ParseDate32("2020-08-24"), DaysFromCivil(2020, 8, 24));
  EXPECT_EQ(ParseDate32("2024-2-9"), DaysFromCivil(2024, 2, 9));
  EXPECT_EQ(ParseDate32("2024-02-29"), DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(ParseDate32("0001-01-01"), DaysFromCivil(1, 1, 1));
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "24-01-01",
                          "2024/01/01", "2024-01-01x", "20240101", ""}) {
    EXPECT_FALSE(ParseDate32(bad)) << bad;
  }
}

TEST(ParseTime64Test, UnitsAndRounding) {
  EXPECT_EQ(ParseTime64("00:00:00", TimeUnit::kMicro), 0);
  EXPECT_EQ(ParseTime64("13:45", TimeUnit::kSecond), 13 * 3600 + 45 * 60);
  EXPECT_EQ(ParseTime64("01:02:03.5", TimeUnit::kMilli), 3723500);
  EXPECT_EQ(ParseTime64("01:02:03.123456789", TimeUnit::kNano), 3723123456789);
  EXPECT_EQ(ParseTime64("00:00:00.0000015", TimeUnit::kMicro), 2);  // half rounds up
  EXPECT_EQ(ParseTime64("24:00:00", TimeUnit::kSecond), 86400);
  for (const char* bad : {"24:00:01", "12:60", "12:30:60", "1230", "12:3", "12:30:00.", ""}) {
    EXPECT_FALSE(ParseTime64(bad, TimeUnit::kMicro)) << bad;
  }
}

TEST(ParseTimestampTest, SeparatorsFractionsAndZones) {
  const int64_t day = DaysFromCivil(2024, 3, 5) * 86400;
  auto ts = ParseTimestamp("2024-03-05 10:20:30", TimeUnit::kSecond);
  ASSERT_TRUE(ts);
  EXPECT_EQ(ts->value, day + 37230);
  EXPECT_FALSE(ts->has_tz);
  EXPECT_EQ(ParseTimestamp("2024-03-05T10:20:30.25", TimeUnit::kMilli)->value,
            (day + 37230) * 1000 + 250);
  EXPECT_EQ(ParseTimestamp("2024-03-05", TimeUnit::kSecond)->value, day);
  auto z = ParseTimestamp("2024-03-05T10:20:30Z", TimeUnit::kSecond);
  EXPECT_TRUE(z->has_tz);
  EXPECT_EQ(z->value, day + 37230);
  EXPECT_EQ(ParseTimestamp("2024-03-05 10:20:30+02:00", TimeUnit::kSecond)->value,
            day + 37230 - 7200);
  EXPECT_EQ(ParseTimestamp("2024-03-05 10:20:30 -0130", TimeUnit::kSecond)->value,
            day + 37230 + 5400);
  EXPECT_EQ(ParseTimestamp("2024-03-05 10:20:30-05", TimeUnit::kSecond)->value,
            day + 37230 + 18000);
  EXPECT_TRUE(ParseTimestamp("2024-03-05 10:20:30 UTC", TimeUnit::kSecond)->has_tz);
  EXPECT_EQ(ParseTimestamp("1969-12-31 23:59:59.999999999", TimeUnit::kNano)->value, -1);
  EXPECT_EQ(ParseTimestamp("2024-03-05 10:20:30.123456789", TimeUnit::kNano)->value,
            (day + 37230) * 1000000000 + 123456789);
  // Nanoseconds since 1970 overflow int64 outside 1677..2262.
  EXPECT_FALSE(ParseTimestamp("2300-01-01 00:00:00", TimeUnit::kNano));
  EXPECT_TRUE(ParseTimestamp("2300-01-01 00:00:00", TimeUnit::kMicro));
  for (const char* bad : {"2024-03-05 25:00:00", "2024-03-05X10:00:00", "2024-03-05 10:00:00+25",
                          "2024-03-05 10:00:00Q", "10:00:00", ""}) {
    EXPECT_FALSE(ParseTimestamp(bad, TimeUnit::kMicro)) << bad;
  }
}

TEST(ParseDecimal128Test, ScaleRoundingAndPrecision) {
  EXPECT_EQ(ParseDecimal128("12.34", 10, 2), __int128{1234});
  EXPECT_EQ(ParseDecimal128("-12.3", 10, 2), __int128{-1230});
  EXPECT_EQ(ParseDecimal128("12", 10, 2), __int128{1200});
  EXPECT_EQ(ParseDecimal128("0.005", 10, 2), __int128{1});    // half away from zero
  EXPECT_EQ(ParseDecimal128("-0.005", 10, 2), __int128{-1});
  EXPECT_EQ(ParseDecimal128("0.0049", 10, 2), __int128{0});
  EXPECT_EQ(ParseDecimal128("1.5e2", 10, 2), __int128{15000});
  EXPECT_EQ(ParseDecimal128("125e-2", 10, 2), __int128{125});
  EXPECT_EQ(ParseDecimal128(".5", 3, 1), __int128{5});
  EXPECT_EQ(ParseDecimal128("99999999.99", 10, 2), __int128{9999999999});
  EXPECT_FALSE(ParseDecimal128("100000000.00", 10, 2));
  EXPECT_FALSE(ParseDecimal128("9.995", 3, 2));  // rounds up to 10.00, too many digits
  __int128 max38 = 1;
  for (int i = 0; i < 38; ++i) max38 *= 10;
  EXPECT_EQ(ParseDecimal128("99999999999999999999999999999999999999", 38, 0), max38 - 1);
  EXPECT_FALSE(ParseDecimal128("100000000000000000000000000000000000000", 38, 0));
  for (const char* bad : {"", ".", "-", "1.2.3", "1e", "1e 5", "abc", "1,5"}) {
    EXPECT_FALSE(ParseDecimal128(bad, 10, 2)) << bad;
  }
  EXPECT_FALSE(ParseDecimal128("1", 0, 0));
  EXPECT_FALSE(ParseDecimal128("1", 39, 0));
}

}  // namespace
}  // namespace bundlebase
