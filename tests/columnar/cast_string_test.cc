// Casts to and from utf8 (and binary): formatting, parsing, errors naming text and row, and
// text round trips of every parseable type.
#include <cmath>
#include <limits>

#include "columnar/cast.h"
#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::CastError;
using testing::CastTexts;
using testing::Decimals;
using testing::Doubles;
using testing::Ints;
using testing::kNull;
using testing::Strings;
using testing::TextRows;

TEST(CastStringTest, AnythingToUtf8) {
  EXPECT_EQ(CastTexts(Ints(Int64(), {1, kNull, -3}), Utf8()), (TextRows{"1", "NULL", "-3"}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr text, Cast(Ints(Int64(), {1, kNull}), Utf8()));
  EXPECT_TRUE(text->IsNull(1));
  EXPECT_EQ(text->GetView(0), "1");
  EXPECT_EQ(CastTexts(Doubles(Float64(), {0.5, 1e20}), Utf8()), (TextRows{"0.5", "1e+20"}));
  EXPECT_EQ(CastTexts(Ints(Date32(), {20458}), Utf8()), (TextRows{"2026-01-05"}));
  EXPECT_EQ(CastTexts(Ints(Bool(), {1, 0}), Utf8()), (TextRows{"true", "false"}));
  EXPECT_EQ(CastTexts(Decimals(Decimal128(4, 2), {-5}), Utf8()), (TextRows{"-0.05"}));
  ASSERT_OK_AND_ASSIGN(
      ArrayPtr intervals,
      MakeArrayFromScalars(Interval(), {Scalar(Interval(), MonthDayNano{1, 2, 0})}));
  EXPECT_EQ(CastTexts(intervals, Utf8()), (TextRows{"1 mon 2 days"}));
}

TEST(CastStringTest, BinaryAndUtf8) {
  auto bytes = Strings({"abc", kNull}, Binary());
  ASSERT_OK_AND_ASSIGN(ArrayPtr text, Cast(bytes, Utf8()));
  EXPECT_EQ(text->buffers()[2].get(), bytes->buffers()[2].get());  // reinterpreted, not copied
  EXPECT_EQ(testing::Texts(*text), (TextRows{"abc", "NULL"}));
  auto bad = Strings({"ok", std::string("\xff\xfe", 2)}, Binary());
  EXPECT_EQ(CastError(bad, Utf8()).message(),
            "binary value '\\xFF\\xFE' is not valid UTF-8 (row 1)");
  EXPECT_EQ(CastTexts(bad, Utf8(), {.null_on_error = true}), (TextRows{"ok", "NULL"}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr back, Cast(text, Binary()));
  EXPECT_EQ(testing::Texts(*back), (TextRows{"\\x616263", "NULL"}));
}

TEST(CastStringTest, ToIntegers) {
  auto text = Strings({"1", " 42 ", kNull, "abc"});
  Status st = CastError(text, Int64());
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_EQ(st.message(), "cannot cast 'abc' to int64 (row 3)");
  EXPECT_EQ(CastTexts(text, Int64(), {.null_on_error = true}),
            (TextRows{"1", "42", "NULL", "NULL"}));
  EXPECT_EQ(CastError(Strings({"300"}), Int8()).message(),
            "cannot cast '300' to int8 (row 0): out of range");
  EXPECT_EQ(CastError(Strings({"-1"}), UInt8()).message(),
            "cannot cast '-1' to uint8 (row 0): out of range");
  EXPECT_EQ(CastTexts(Strings({"18446744073709551615"}), UInt64()),
            (TextRows{"18446744073709551615"}));
  EXPECT_EQ(CastError(Strings({"1.5"}), Int32()).message(), "cannot cast '1.5' to int32 (row 0)");
  EXPECT_EQ(CastError(Strings({"a\nb"}), Int32()).message(),
            "cannot cast 'a\\x0Ab' to int32 (row 0)");
}

TEST(CastStringTest, ToFloatsBoolsAndDecimals) {
  EXPECT_EQ(CastTexts(Strings({"1.5", "inf", "NaN", "-1e-3"}), Float64()),
            (TextRows{"1.5", "Infinity", "NaN", "-0.001"}));
  EXPECT_EQ(CastError(Strings({"1e300"}), Float32()).message(),
            "cannot cast '1e300' to float32 (row 0): out of range");
  EXPECT_EQ(CastTexts(Strings({"0.1"}), Float32()), (TextRows{"0.1"}));
  EXPECT_EQ(CastTexts(Strings({"yes", "f", "ON"}), Bool()), (TextRows{"true", "false", "true"}));
  EXPECT_EQ(CastError(Strings({"maybe"}), Bool()).message(), "cannot cast 'maybe' to bool (row 0)");
  EXPECT_EQ(CastTexts(Strings({"1.005", "-0.004", kNull}), Decimal128(5, 2)),
            (TextRows{"1.01", "0.00", "NULL"}));
  EXPECT_EQ(CastError(Strings({"12345"}), Decimal128(5, 2)).message(),
            "cannot cast '12345' to decimal(5, 2) (row 0): out of range");
  EXPECT_EQ(CastError(Strings({"x"}), Decimal128(5, 2)).message(),
            "cannot cast 'x' to decimal(5, 2) (row 0)");
}

TEST(CastStringTest, ToTemporal) {
  EXPECT_EQ(CastTexts(Strings({"2026-01-05", "2026-01-05 13:45", kNull}), Date32()),
            (TextRows{"2026-01-05", "2026-01-05", "NULL"}));
  EXPECT_EQ(CastError(Strings({"2026-02-30"}), Date32()).message(),
            "cannot cast '2026-02-30' to date32 (row 0)");
  EXPECT_EQ(CastTexts(Strings({"13:45:00.5"}), Time64(TimeUnit::kNano)),
            (TextRows{"13:45:00.5"}));
  auto stamps = Strings({"2026-01-05 13:45:00", "2026-01-05T13:45:00+02", "2026-01-05 13:45Z"});
  EXPECT_EQ(CastTexts(stamps, Timestamp(TimeUnit::kMicro)),
            (TextRows{"2026-01-05 13:45:00", "2026-01-05 11:45:00", "2026-01-05 13:45:00"}));
  // Text without an offset is local time in the target zone.
  EXPECT_EQ(CastTexts(stamps, Timestamp(TimeUnit::kSecond, "+05:30")),
            (TextRows{"2026-01-05 13:45:00+05:30", "2026-01-05 17:15:00+05:30",
                      "2026-01-05 19:15:00+05:30"}));
  auto zoned = Timestamp(TimeUnit::kSecond, "Europe/Paris");
  EXPECT_EQ(CastError(stamps, zoned).code(), StatusCode::kNotImplemented);
  EXPECT_EQ(CastError(stamps, zoned, {.null_on_error = true}).code(),
            StatusCode::kNotImplemented);
  EXPECT_EQ(CastTexts(Strings({"2026-01-05 13:45Z"}), zoned), (TextRows{"2026-01-05 13:45:00+00"}));
  EXPECT_EQ(CastError(Strings({"noon"}), Timestamp()).message(),
            "cannot cast 'noon' to timestamp[us] (row 0)");
}

TEST(CastStringTest, UnsupportedTargets) {
  EXPECT_FALSE(CanCast(*Utf8(), *List(Int64())));
  EXPECT_FALSE(CanCast(*Utf8(), *Struct({Field("a", Int64())})));
  EXPECT_TRUE(CastError(Strings({"[1]"}), List(Int64())).IsTypeError());
  EXPECT_TRUE(CanCast(*List(Int64()), *Utf8()));
}

TEST(CastStringTest, IntervalsParseAndNameTheBadRow) {
  ASSERT_OK_AND_ASSIGN(ArrayPtr out, Cast(Strings({"90 days", "1 year 2 months"}), Interval()));
  EXPECT_EQ(out->values<MonthDayNano>()[0], (MonthDayNano{0, 90, 0}));
  EXPECT_EQ(out->values<MonthDayNano>()[1], (MonthDayNano{14, 0, 0}));
  Status bad = CastError(Strings({"1 day", "soon"}), Interval());
  EXPECT_NE(bad.message().find("soon"), std::string::npos) << bad.ToString();
}

// Text written by value_formatting reads back to the same value.
TEST(CastStringTest, TextRoundTrips) {
  std::vector<ArrayPtr> columns = {
      Ints(Int64(), {INT64_MIN, INT64_MAX, 0, kNull}),
      Ints(UInt64(), {-1, 0}),
      Ints(Bool(), {1, 0, kNull}),
      Doubles(Float64(), {0.1, 1e-300, 5e-324, 1.7976931348623157e308, -0.0, 1e15, 123.456,
                          std::numeric_limits<double>::quiet_NaN(),
                          -std::numeric_limits<double>::infinity()}),
      Doubles(Float32(), {0.1, 3.4028234663852886e38, 1e-45, 16777216}),
      Decimals(Decimal128(38, 10), {-1, 123456789, kNull}),
      Ints(Date32(), {0, 20458, -719162, 2932896}),
      Ints(Time64(TimeUnit::kNano), {0, 49500123456789, 86399999999999}),
      Ints(Timestamp(TimeUnit::kMicro), {kNull, 1767620700123456, -1, -62135596800000000}),
      Ints(Timestamp(TimeUnit::kMilli, "UTC"), {1767620700123}),
      Ints(Timestamp(TimeUnit::kSecond, "+05:30"), {1767620700}),
  };
  for (const ArrayPtr& column : columns) {
    ASSERT_OK_AND_ASSIGN(ArrayPtr text, Cast(column, Utf8()));
    ASSERT_OK_AND_ASSIGN(ArrayPtr back, Cast(text, column->type()));
    EXPECT_TRUE(ArrayEquals(*back, *column))
        << column->type()->ToString() << ": " << testing::Texts(*text)[0] << " ... "
        << testing::Texts(*back)[0];
  }
}

}  // namespace
}  // namespace bundlebase
