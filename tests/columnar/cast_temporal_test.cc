// Casts among date32, time64 and timestamps: units, zones, flooring and overflow.
#include "columnar/cast.h"
#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::CastError;
using testing::CastTexts;
using testing::Ints;
using testing::kNull;
using testing::TextRows;

constexpr int64_t kNoonMicros = 1767620700123456;  // 2026-01-05 13:45:00.123456 UTC

TEST(CastTemporalTest, DateToTimestamp) {
  auto dates = Ints(Date32(), {20458, -1, kNull});
  EXPECT_EQ(CastTexts(dates, Timestamp(TimeUnit::kMicro)),
            (TextRows{"2026-01-05 00:00:00", "1969-12-31 00:00:00", "NULL"}));
  EXPECT_EQ(CastTexts(dates, Timestamp(TimeUnit::kSecond, "UTC")),
            (TextRows{"2026-01-05 00:00:00+00", "1969-12-31 00:00:00+00", "NULL"}));
  // Midnight in the target zone.
  EXPECT_EQ(CastTexts(Ints(Date32(), {20458}), Timestamp(TimeUnit::kMilli, "+05:30")),
            (TextRows{"2026-01-05 00:00:00+05:30"}));
  EXPECT_EQ(CastError(Ints(Date32(), {0, 200000}), Timestamp(TimeUnit::kNano)).message(),
            "value 2517-08-01 is out of range for timestamp[ns] (row 1)");
  EXPECT_EQ(CastError(Ints(Date32(), {0}), Timestamp(TimeUnit::kNano, "Europe/Paris")).code(),
            StatusCode::kNotImplemented);
}

TEST(CastTemporalTest, TimestampToDateFloorsInLocalTime) {
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kMicro), {kNoonMicros, -1, kNull}), Date32()),
            (TextRows{"2026-01-05", "1969-12-31", "NULL"}));
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kSecond, "+05:30"), {-3600}), Date32()),
            (TextRows{"1970-01-01"}));
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kSecond, "-08:00"), {0}), Date32()),
            (TextRows{"1969-12-31"}));
  EXPECT_TRUE(
      CastError(Ints(Timestamp(TimeUnit::kSecond), {INT64_MAX}), Date32()).IsInvalid());
}

TEST(CastTemporalTest, TimestampUnits) {
  auto seconds = Ints(Timestamp(TimeUnit::kSecond), {1767620700, kNull});
  EXPECT_EQ(CastTexts(seconds, Timestamp(TimeUnit::kNano)),
            (TextRows{"2026-01-05 13:45:00", "NULL"}));
  auto nanos = Ints(Timestamp(TimeUnit::kNano), {-1, 1500000001});
  EXPECT_EQ(CastTexts(nanos, Timestamp(TimeUnit::kSecond)),
            (TextRows{"1969-12-31 23:59:59", "1970-01-01 00:00:01"}));
  EXPECT_EQ(CastTexts(nanos, Timestamp(TimeUnit::kMilli)),
            (TextRows{"1969-12-31 23:59:59.999", "1970-01-01 00:00:01.5"}));
  EXPECT_EQ(CastError(Ints(Timestamp(TimeUnit::kSecond), {100000000000}),
                      Timestamp(TimeUnit::kNano))
                .message(),
            "value 5138-11-16 09:46:40 is out of range for timestamp[ns] (row 0)");
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kSecond), {100000000000}),
                      Timestamp(TimeUnit::kNano), {.null_on_error = true}),
            (TextRows{"NULL"}));
}

TEST(CastTemporalTest, NaiveAndZoned) {
  auto naive = Ints(Timestamp(TimeUnit::kSecond), {0, kNull});
  // Naive -> UTC keeps the values (zero copy): local time in UTC is the instant.
  ASSERT_OK_AND_ASSIGN(ArrayPtr utc, Cast(naive, Timestamp(TimeUnit::kSecond, "UTC")));
  EXPECT_EQ(utc->buffers()[1].get(), naive->buffers()[1].get());
  EXPECT_EQ(CastTexts(naive, Timestamp(TimeUnit::kSecond, "+01:00")),
            (TextRows{"1970-01-01 00:00:00+01", "NULL"}));
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kSecond, "+01:00"), {0}),
                      Timestamp(TimeUnit::kMilli)),
            (TextRows{"1970-01-01 01:00:00"}));
  // Zoned -> zoned is the same instant whatever the zones are.
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kSecond, "UTC"), {0}),
                      Timestamp(TimeUnit::kSecond, "-08:00")),
            (TextRows{"1969-12-31 16:00:00-08"}));
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kSecond, "Europe/Paris"), {0}),
                      Timestamp(TimeUnit::kMicro, "UTC")),
            (TextRows{"1970-01-01 00:00:00+00"}));
  Status named = CastError(naive, Timestamp(TimeUnit::kSecond, "America/New_York"));
  EXPECT_EQ(named.code(), StatusCode::kNotImplemented);
  EXPECT_NE(named.message().find("America/New_York"), std::string::npos);
}

TEST(CastTemporalTest, TimeOfDay) {
  auto ts = Ints(Timestamp(TimeUnit::kMicro), {kNoonMicros, -1, kNull});
  EXPECT_EQ(CastTexts(ts, Time64(TimeUnit::kMicro)),
            (TextRows{"13:45:00.123456", "23:59:59.999999", "NULL"}));
  EXPECT_EQ(CastTexts(ts, Time64(TimeUnit::kNano)),
            (TextRows{"13:45:00.123456", "23:59:59.999999", "NULL"}));
  EXPECT_EQ(CastTexts(Ints(Timestamp(TimeUnit::kNano, "+02:00"), {1999}),
                      Time64(TimeUnit::kMicro)),
            (TextRows{"02:00:00.000001"}));
  auto times = Ints(Time64(TimeUnit::kNano), {49500123456789});
  EXPECT_EQ(CastTexts(times, Time64(TimeUnit::kMicro)), (TextRows{"13:45:00.123456"}));
  EXPECT_EQ(CastTexts(Ints(Time64(TimeUnit::kMicro), {1}), Time64(TimeUnit::kNano)),
            (TextRows{"00:00:00.000001"}));
}

TEST(CastTemporalTest, UnsupportedPairs) {
  EXPECT_EQ(CastError(Ints(Date32(), {1}), Int64()).message(), "cannot cast date32 to int64");
  EXPECT_TRUE(CastError(Ints(Date32(), {1}), Time64()).IsTypeError());
  EXPECT_TRUE(CastError(Ints(Time64(), {1}), Timestamp()).IsTypeError());
  EXPECT_FALSE(CanCast(*Int64(), *Timestamp()));
  EXPECT_FALSE(CanCast(*Interval(), *Int64()));
  EXPECT_TRUE(CanCast(*Timestamp(TimeUnit::kNano, "UTC"), *Date32()));
}

}  // namespace
}  // namespace bundlebase
