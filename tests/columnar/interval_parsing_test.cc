// ParseInterval: PostgreSQL's interval input forms, fractions carried down, and rejections.
#include <gtest/gtest.h>

#include "columnar/value_parsing.h"

namespace bundlebase {
namespace {

constexpr int64_t kSecond = 1000000000;

MonthDayNano Parse(std::string_view text) {
  auto v = ParseInterval(text);
  EXPECT_TRUE(v.has_value()) << text;
  return v.value_or(MonthDayNano{0, 0, 0});
}

TEST(ParseIntervalTest, UnitsAndCombinations) {
  EXPECT_EQ(Parse("90 day"), (MonthDayNano{0, 90, 0}));
  EXPECT_EQ(Parse("1 year"), (MonthDayNano{12, 0, 0}));
  EXPECT_EQ(Parse("3 MONTHS"), (MonthDayNano{3, 0, 0}));
  EXPECT_EQ(Parse("1 year 2 months 3 days"), (MonthDayNano{14, 3, 0}));
  EXPECT_EQ(Parse("2 weeks"), (MonthDayNano{0, 14, 0}));
  EXPECT_EQ(Parse("-3 hours"), (MonthDayNano{0, 0, -3 * 3600 * kSecond}));
  EXPECT_EQ(Parse("1 day 02:30:00"), (MonthDayNano{0, 1, (2 * 3600 + 30 * 60) * kSecond}));
  EXPECT_EQ(Parse("90days"), (MonthDayNano{0, 90, 0}));
  EXPECT_EQ(Parse("10"), (MonthDayNano{0, 0, 10 * kSecond}));
  EXPECT_EQ(Parse("@ 1 minute"), (MonthDayNano{0, 0, 60 * kSecond}));
  EXPECT_EQ(Parse("2 days ago"), (MonthDayNano{0, -2, 0}));
  EXPECT_EQ(Parse("250 milliseconds"), (MonthDayNano{0, 0, kSecond / 4}));
}

TEST(ParseIntervalTest, FractionsCarryDown) {
  EXPECT_EQ(Parse("1.5 days"), (MonthDayNano{0, 1, 12 * 3600 * kSecond}));
  EXPECT_EQ(Parse("1.5 months"), (MonthDayNano{1, 15, 0}));
  EXPECT_EQ(Parse("1.5 hours"), (MonthDayNano{0, 0, 90 * 60 * kSecond}));
}

TEST(ParseIntervalTest, RejectsNonsense) {
  EXPECT_FALSE(ParseInterval("").has_value());
  EXPECT_FALSE(ParseInterval("abc").has_value());
  EXPECT_FALSE(ParseInterval("3 fortnights").has_value());
  EXPECT_FALSE(ParseInterval("1:99").has_value());
  EXPECT_FALSE(ParseInterval("day").has_value());
}

}  // namespace
}  // namespace bundlebase
