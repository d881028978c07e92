// Column chunk statistics written by ParquetFileWriter, read back through the reader's decoder
// and, where the encoding itself matters (signed zeros), as raw bytes: each type's order,
// NaN and zero rules, null counts, dictionary and fallback chunks, and omitted min/max.
#include <cmath>
#include <cstring>
#include <limits>

#include "writer_test_util.h"

namespace bundlebase::parquet {
namespace {

using writer_test::MakeArray;
using writer_test::MakeBatch;
using writer_test::Nul;
using writer_test::OpenBytes;
using writer_test::Val;
using writer_test::WriteBytes;

// Writes one column and returns the reader (kept alive by the caller).
std::unique_ptr<ParquetFileReader> WriteColumn(const DataTypePtr& type,
                                               const std::vector<Scalar>& values,
                                               ParquetWriteOptions options = {}) {
  auto batch = MakeBatch({Field("c", type)}, {MakeArray(type, values)});
  auto bytes = WriteBytes(batch->schema(), {batch}, options);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto reader = OpenBytes(*bytes);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  return std::move(reader).ValueOrDie();
}

const Statistics& RawStatistics(const ParquetFileReader& reader) {
  return *reader.metadata().row_groups[0].columns[0].meta_data->statistics;
}

template <typename T>
void ExpectMinMax(const ParquetFileReader& reader, const T& min, const T& max,
                  int64_t null_count) {
  ColumnStatistics s = reader.Statistics(0, 0);
  ASSERT_TRUE(s.min.has_value() && s.max.has_value());
  EXPECT_EQ(s.min->get<T>(), min);
  EXPECT_EQ(s.max->get<T>(), max);
  EXPECT_EQ(s.null_count, null_count);
}

TEST(ParquetWriterStatisticsTest, SignedAndUnsignedIntegers) {
  auto i32 = WriteColumn(Int32(), {Val(Int32(), int64_t{5}), Val(Int32(), int64_t{-3}),
                                   Nul(Int32()), Val(Int32(), int64_t{7})});
  ExpectMinMax<int64_t>(*i32, -3, 7, 1);
  auto i8 = WriteColumn(Int8(), {Val(Int8(), int64_t{-128}), Val(Int8(), int64_t{127})});
  ExpectMinMax<int64_t>(*i8, -128, 127, 0);
  auto u32 = WriteColumn(UInt32(), {Val(UInt32(), uint64_t{1}), Val(UInt32(), uint64_t{4294967295u}),
                                    Val(UInt32(), uint64_t{2147483648u})});
  ExpectMinMax<uint64_t>(*u32, 1, 4294967295u, 0);
  auto u64 = WriteColumn(UInt64(), {Val(UInt64(), uint64_t{1} << 63), Val(UInt64(), uint64_t{2}),
                                    Nul(UInt64()), Nul(UInt64())});
  ExpectMinMax<uint64_t>(*u64, 2, uint64_t{1} << 63, 2);
  auto i64 = WriteColumn(Int64(), {Val(Int64(), int64_t{INT64_MIN}), Val(Int64(), int64_t{0})});
  ExpectMinMax<int64_t>(*i64, INT64_MIN, 0, 0);
  auto ts = Timestamp(TimeUnit::kSecond);
  auto seconds = WriteColumn(ts, {Val(ts, int64_t{3}), Val(ts, int64_t{-1})});
  ExpectMinMax<int64_t>(*seconds, -1000, 3000, 0);  // stored in milliseconds
}

TEST(ParquetWriterStatisticsTest, FloatsIgnoreNanAndWidenZeros) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto d = WriteColumn(Float64(), {Val(Float64(), nan), Val(Float64(), 1.5), Val(Float64(), -2.0),
                                   Val(Float64(), nan)});
  ExpectMinMax<double>(*d, -2.0, 1.5, 0);
  auto all_nan = WriteColumn(Float64(), {Val(Float64(), nan), Nul(Float64())});
  EXPECT_FALSE(RawStatistics(*all_nan).min_value.has_value());
  EXPECT_EQ(RawStatistics(*all_nan).null_count, 1);
  // A zero bound is written as -0.0 when it is the minimum and +0.0 when the maximum.
  auto zeros = WriteColumn(Float64(), {Val(Float64(), 0.0), Val(Float64(), -0.0)});
  double min, max;
  std::memcpy(&min, RawStatistics(*zeros).min_value->data(), 8);
  std::memcpy(&max, RawStatistics(*zeros).max_value->data(), 8);
  EXPECT_TRUE(min == 0 && std::signbit(min));
  EXPECT_TRUE(max == 0 && !std::signbit(max));
  auto f = WriteColumn(Float32(), {Val(Float32(), 0.25), Val(Float32(), -0.0),
                                   Val(Float32(), static_cast<double>(NAN))});
  ASSERT_EQ(RawStatistics(*f).min_value->size(), 4u);
  float fmin, fmax;
  std::memcpy(&fmin, RawStatistics(*f).min_value->data(), 4);
  std::memcpy(&fmax, RawStatistics(*f).max_value->data(), 4);
  EXPECT_TRUE(fmin == 0 && std::signbit(fmin));
  EXPECT_EQ(fmax, 0.25f);
}

TEST(ParquetWriterStatisticsTest, BytesCompareUnsigned) {
  auto s = WriteColumn(Utf8(), {Val(Utf8(), std::string("b")), Val(Utf8(), std::string("é")),
                                Val(Utf8(), std::string("a")), Nul(Utf8()),
                                Val(Utf8(), std::string("z"))});
  ExpectMinMax<std::string>(*s, "a", "é", 1);
  auto b = WriteColumn(Binary(), {Val(Binary(), std::string("\x7f")), Val(Binary(), std::string("\x80")),
                                  Val(Binary(), std::string(""))});
  ExpectMinMax<std::string>(*b, "", "\x80", 0);
  // A value longer than the bound leaves min/max out, not the null count.
  auto long_text = WriteColumn(Utf8(), {Val(Utf8(), std::string(5000, 'x')), Nul(Utf8())});
  EXPECT_FALSE(RawStatistics(*long_text).max_value.has_value());
  EXPECT_EQ(RawStatistics(*long_text).null_count, 1);
}

TEST(ParquetWriterStatisticsTest, DecimalsCompareAsSignedNumbers) {
  const __int128 big = __int128{1} << 80;
  auto d30 = Decimal128(30, 2);
  auto wide = WriteColumn(d30, {Val(d30, __int128{-5}), Val(d30, __int128{3}), Val(d30, -big),
                                Val(d30, big)});
  EXPECT_EQ(RawStatistics(*wide).min_value->size(), 13u);  // FIXED_LEN_BYTE_ARRAY(13)
  ExpectMinMax<__int128>(*wide, -big, big, 0);
  auto d5 = Decimal128(5, 1);
  auto narrow = WriteColumn(d5, {Val(d5, __int128{-5}), Val(d5, __int128{3})});
  ExpectMinMax<__int128>(*narrow, -5, 3, 0);
}

TEST(ParquetWriterStatisticsTest, BooleansDatesAndTypesWithoutOrder) {
  auto b = WriteColumn(Bool(), {Val(Bool(), true), Val(Bool(), true), Nul(Bool())});
  ExpectMinMax<bool>(*b, true, true, 1);
  auto mixed = WriteColumn(Bool(), {Val(Bool(), true), Val(Bool(), false)});
  ExpectMinMax<bool>(*mixed, false, true, 0);
  auto dates = WriteColumn(Date32(), {Val(Date32(), int64_t{100}), Val(Date32(), int64_t{-100})});
  ExpectMinMax<int64_t>(*dates, -100, 100, 0);
  auto nulls = WriteColumn(Null(), {Nul(Null()), Nul(Null()), Nul(Null())});
  EXPECT_EQ(RawStatistics(*nulls).null_count, 3);
  EXPECT_FALSE(RawStatistics(*nulls).min_value.has_value());
  auto interval = WriteColumn(Interval(), {Val(Interval(), MonthDayNano{1, 2, 3000000})});
  EXPECT_FALSE(RawStatistics(*interval).min_value.has_value());
  EXPECT_EQ(RawStatistics(*interval).null_count, 0);
}

TEST(ParquetWriterStatisticsTest, DictionaryAndFallbackChunksCoverEveryValue) {
  // The dictionary holds the first part, PLAIN pages the rest; min/max come from both.
  std::vector<Scalar> values;
  for (int i = 0; i < 40000; ++i) values.push_back(Val(Int64(), int64_t{i % 10}));
  for (int i = 0; i < 5000; ++i) values.push_back(Val(Int64(), int64_t{1000 + i}));
  values.push_back(Val(Int64(), int64_t{-50}));
  ParquetWriteOptions options;
  options.dictionary_page_size_limit = 1024;
  auto reader = WriteColumn(Int64(), values, options);
  const ColumnMetaData& m = *reader->metadata().row_groups[0].columns[0].meta_data;
  EXPECT_TRUE(m.dictionary_page_offset.has_value());
  ExpectMinMax<int64_t>(*reader, -50, 5999, 0);
  ParquetWriteOptions no_fallback;
  auto dictionary_only = WriteColumn(Int64(), {values.begin(), values.begin() + 40000}, no_fallback);
  ExpectMinMax<int64_t>(*dictionary_only, 0, 9, 0);
}

TEST(ParquetWriterStatisticsTest, EveryRowGroupHasItsOwn) {
  std::vector<Scalar> values;
  for (int i = 0; i < 30; ++i) values.push_back(i % 4 == 0 ? Nul(Int32()) : Val(Int32(), int64_t{i}));
  ParquetWriteOptions options;
  options.row_group_rows = 10;
  auto reader = WriteColumn(Int32(), values, options);
  ASSERT_EQ(reader->num_row_groups(), 3);
  for (int g = 0; g < 3; ++g) {
    ColumnStatistics s = reader->Statistics(g, 0);
    int64_t lo = INT64_MAX, hi = INT64_MIN, nulls = 0;
    for (int i = g * 10; i < g * 10 + 10; ++i) {
      if (i % 4 == 0) {
        ++nulls;
      } else {
        lo = std::min<int64_t>(lo, i);
        hi = std::max<int64_t>(hi, i);
      }
    }
    EXPECT_EQ(s.min->get<int64_t>(), lo);
    EXPECT_EQ(s.max->get<int64_t>(), hi);
    EXPECT_EQ(s.null_count, nulls);
  }
}

}  // namespace
}  // namespace bundlebase::parquet
