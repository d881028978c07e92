// Casts among bool, integers, floats and decimals: range checks, PostgreSQL's rounding rules,
// TRY_CAST nulls and the error messages.
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
using testing::TextRows;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(CastNumericTest, IntegersAreRangeChecked) {
  auto a = Ints(Int64(), {1, -5, kNull, 127, -128});
  EXPECT_EQ(CastTexts(a, Int8()), (TextRows{"1", "-5", "NULL", "127", "-128"}));
  EXPECT_EQ(CastTexts(a, UInt64(), {.null_on_error = true}),
            (TextRows{"1", "NULL", "NULL", "127", "NULL"}));
  Status st = CastError(Ints(Int64(), {1, 300}), Int8());
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_EQ(st.message(), "value 300 is out of range for int8 (row 1)");
  EXPECT_EQ(CastError(Ints(Int32(), {-1}), UInt32()).message(),
            "value -1 is out of range for uint32 (row 0)");
  auto big = Ints(UInt64(), {static_cast<int64_t>(std::numeric_limits<uint64_t>::max())});
  EXPECT_EQ(CastError(big, Int64()).message(),
            "value 18446744073709551615 is out of range for int64 (row 0)");
  EXPECT_EQ(CastTexts(Ints(UInt8(), {255}), Int16()), (TextRows{"255"}));
  EXPECT_EQ(CastTexts(Ints(Int16(), {-32768, 32767}), Int64()), (TextRows{"-32768", "32767"}));
}

TEST(CastNumericTest, FloatToIntegerRoundsHalfToEven) {
  auto a = Doubles(Float64(), {2.5, 3.5, -2.5, 0.49999999999999994, -0.5, kNull});
  EXPECT_EQ(CastTexts(a, Int32()), (TextRows{"2", "4", "-2", "0", "0", "NULL"}));
  EXPECT_EQ(CastError(Doubles(Float64(), {1e10}), Int32()).message(),
            "value 10000000000 is out of range for int32 (row 0)");
  EXPECT_EQ(CastError(Doubles(Float64(), {1, kNaN}), Int64()).message(),
            "value NaN is out of range for int64 (row 1)");
  EXPECT_TRUE(CastError(Doubles(Float64(), {kInf}), Int64()).IsInvalid());
  EXPECT_TRUE(CastError(Doubles(Float64(), {9223372036854775808.0}), Int64()).IsInvalid());
  EXPECT_EQ(CastTexts(Doubles(Float64(), {-9223372036854775808.0}), Int64()),
            (TextRows{"-9223372036854775808"}));
  EXPECT_EQ(CastTexts(Doubles(Float64(), {18446744073709549568.0}), UInt64()),
            (TextRows{"18446744073709549568"}));
  EXPECT_TRUE(CastError(Doubles(Float64(), {-1}), UInt8()).IsInvalid());
  EXPECT_EQ(CastTexts(Doubles(Float32(), {2.5, 255.4}), UInt8()), (TextRows{"2", "255"}));
  EXPECT_EQ(CastTexts(Doubles(Float64(), {kNaN, 3}), Int8(), {.null_on_error = true}),
            (TextRows{"NULL", "3"}));
}

TEST(CastNumericTest, IntegerToFloat) {
  EXPECT_EQ(CastTexts(Ints(Int64(), {9007199254740993, -3}), Float64()),
            (TextRows{"9.007199254740992e+15", "-3"}));
  EXPECT_EQ(CastTexts(Ints(Int32(), {16777217}), Float32()), (TextRows{"1.6777216e+07"}));
  EXPECT_EQ(CastTexts(Ints(UInt64(), {-1}), Float64()), (TextRows{"1.8446744073709552e+19"}));
}

TEST(CastNumericTest, FloatToFloat) {
  EXPECT_EQ(CastTexts(Doubles(Float64(), {0.1, kNaN, -kInf, kNull}), Float32()),
            (TextRows{"0.1", "NaN", "-Infinity", "NULL"}));
  EXPECT_EQ(CastError(Doubles(Float64(), {1e300}), Float32()).message(),
            "value 1e+300 is out of range for float32 (row 0)");
  EXPECT_TRUE(CastError(Doubles(Float64(), {1e-50}), Float32()).IsInvalid());
  EXPECT_EQ(CastTexts(Doubles(Float32(), {0.1}), Float64()), (TextRows{"0.10000000149011612"}));
}

TEST(CastNumericTest, IntegerAndDecimal) {
  EXPECT_EQ(CastTexts(Ints(Int64(), {123, -999, kNull}), Decimal128(5, 2)),
            (TextRows{"123.00", "-999.00", "NULL"}));
  EXPECT_EQ(CastError(Ints(Int64(), {1000}), Decimal128(5, 2)).message(),
            "value 1000 is out of range for decimal(5, 2) (row 0)");
  EXPECT_EQ(CastTexts(Ints(UInt64(), {-1}), Decimal128(38, 0)),
            (TextRows{"18446744073709551615"}));
  // numeric -> integer rounds half away from zero.
  auto d = Decimals(Decimal128(10, 2), {250, -250, 249, 350, -351});
  EXPECT_EQ(CastTexts(d, Int32()), (TextRows{"3", "-3", "2", "4", "-4"}));
  EXPECT_EQ(CastError(Decimals(Decimal128(10, 1), {1285}), Int8()).message(),
            "value 128.5 is out of range for int8 (row 0)");
}

TEST(CastNumericTest, DecimalToDecimal) {
  EXPECT_EQ(CastTexts(Decimals(Decimal128(10, 3), {125, -125, 124, kNull}), Decimal128(10, 2)),
            (TextRows{"0.13", "-0.13", "0.12", "NULL"}));
  EXPECT_EQ(CastTexts(Decimals(Decimal128(10, 2), {12345}), Decimal128(12, 4)),
            (TextRows{"123.4500"}));
  EXPECT_EQ(CastError(Decimals(Decimal128(10, 2), {12345}), Decimal128(4, 2)).message(),
            "value 123.45 is out of range for decimal(4, 2) (row 0)");
  EXPECT_TRUE(CastError(Decimals(Decimal128(38, 0), {__int128{1} << 120}), Decimal128(38, 10))
                  .IsInvalid());
  // Widening the precision at the same scale shares the values.
  auto narrow = Decimals(Decimal128(5, 2), {1, 2});
  ASSERT_OK_AND_ASSIGN(ArrayPtr wide, Cast(narrow, Decimal128(20, 2)));
  EXPECT_EQ(wide->buffers()[1].get(), narrow->buffers()[1].get());
}

TEST(CastNumericTest, DecimalAndFloat) {
  EXPECT_EQ(CastTexts(Decimals(Decimal128(10, 2), {12345, -1, kNull}), Float64()),
            (TextRows{"123.45", "-0.01", "NULL"}));
  __int128 big = 1;
  for (int i = 0; i < 37; ++i) big *= 10;
  EXPECT_EQ(CastTexts(Decimals(Decimal128(38, 30), {big + 1}), Float64()),
            (TextRows{"10000000"}));
  EXPECT_EQ(CastTexts(Decimals(Decimal128(38, 0), {big * 3}), Float32()),
            (TextRows{"3e+37"}));
  // PostgreSQL's float8_numeric keeps 15 significant digits, then rounds to the scale.
  EXPECT_EQ(CastTexts(Doubles(Float64(), {1.005, 0.1 + 0.2, -2.5, kNull}), Decimal128(10, 2)),
            (TextRows{"1.01", "0.30", "-2.50", "NULL"}));
  EXPECT_EQ(CastTexts(Doubles(Float64(), {0.1 + 0.2}), Decimal128(20, 17)),
            (TextRows{"0.30000000000000000"}));
  EXPECT_EQ(CastTexts(Doubles(Float64(), {1e20, 123456789.123456789}), Decimal128(38, 6)),
            (TextRows{"100000000000000000000.000000", "123456789.123457"}));
  EXPECT_EQ(CastTexts(Doubles(Float32(), {0.1}), Decimal128(10, 5)), (TextRows{"0.10000"}));
  EXPECT_EQ(CastTexts(Doubles(Float64(), {1.5e-7}), Decimal128(10, 8)), (TextRows{"0.00000015"}));
  EXPECT_EQ(CastError(Doubles(Float64(), {kNaN}), Decimal128(10, 2)).message(),
            "value NaN is out of range for decimal(10, 2) (row 0)");
  EXPECT_TRUE(CastError(Doubles(Float64(), {1e10}), Decimal128(10, 2)).IsInvalid());
}

TEST(CastNumericTest, BoolAndInteger) {
  EXPECT_EQ(CastTexts(Ints(Bool(), {1, 0, kNull}), Int32()), (TextRows{"1", "0", "NULL"}));
  EXPECT_EQ(CastTexts(Ints(Bool(), {1}), UInt8()), (TextRows{"1"}));
  EXPECT_EQ(CastTexts(Ints(Int64(), {0, 5, -1, kNull}), Bool()),
            (TextRows{"false", "true", "true", "NULL"}));
  EXPECT_FALSE(CanCast(*Bool(), *Float64()));
  EXPECT_FALSE(CanCast(*Decimal128(5, 2), *Bool()));
  EXPECT_TRUE(CastError(Ints(Bool(), {1}), Float64()).IsTypeError());
}

TEST(CastNumericTest, SlicedInput) {
  auto a = Ints(Int64(), {1000, 1, kNull, 2, 1000})->Slice(1, 3);
  EXPECT_EQ(CastTexts(a, Int8()), (TextRows{"1", "NULL", "2"}));
}

}  // namespace
}  // namespace bundlebase
