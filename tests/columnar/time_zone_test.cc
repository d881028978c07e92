// Time zone names we accept and offsets as PostgreSQL prints them.
#include "columnar/time_zone.h"

#include "test_util.h"

namespace bundlebase {
namespace {

TEST(TimeZoneTest, FixedOffsets) {
  EXPECT_EQ(*FixedTimeZoneOffset("UTC"), 0);
  EXPECT_EQ(*FixedTimeZoneOffset("utc"), 0);
  EXPECT_EQ(*FixedTimeZoneOffset("Etc/UTC"), 0);
  EXPECT_EQ(*FixedTimeZoneOffset("Z"), 0);
  EXPECT_EQ(*FixedTimeZoneOffset("+00:00"), 0);
  EXPECT_EQ(*FixedTimeZoneOffset("+05:30"), 19800);
  EXPECT_EQ(*FixedTimeZoneOffset("-0800"), -28800);
  EXPECT_EQ(*FixedTimeZoneOffset("+09"), 32400);
  EXPECT_TRUE(FixedTimeZoneOffset("+25:00").status().IsInvalid());
  EXPECT_TRUE(FixedTimeZoneOffset("+5").status().IsInvalid());
  Status named = FixedTimeZoneOffset("Europe/Paris").status();
  EXPECT_EQ(named.code(), StatusCode::kNotImplemented);
  EXPECT_NE(named.message().find("Europe/Paris"), std::string::npos);
}

TEST(TimeZoneTest, PrintsOffsetsLikePostgres) {
  auto print = [](int32_t s) {
    std::string out;
    AppendUtcOffset(s, &out);
    return out;
  };
  EXPECT_EQ(print(0), "+00");
  EXPECT_EQ(print(19800), "+05:30");
  EXPECT_EQ(print(-28800), "-08");
  EXPECT_EQ(print(3601), "+01:00:01");
}

}  // namespace
}  // namespace bundlebase
