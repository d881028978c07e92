// The rules under file-table pruning and statistics: which type changes between files are
// safe, how row-group statistics merge, and when missing statistics must keep data.
#include <cmath>

#include <gtest/gtest.h>

#include "file_table_test_util.h"
#include "sql/catalog/file_column_mapping.h"
#include "sql/catalog/file_statistics.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT
using Op = ScanPredicate::Op;

TEST(FileStatisticsTest, SafeWidenings) {
  EXPECT_TRUE(IsSafeWidening(*Int32(), *Int64()));
  EXPECT_TRUE(IsSafeWidening(*UInt32(), *Int64()));
  EXPECT_FALSE(IsSafeWidening(*UInt64(), *Int64()));
  EXPECT_FALSE(IsSafeWidening(*Int32(), *UInt64()));
  EXPECT_FALSE(IsSafeWidening(*Int64(), *Int32()));
  EXPECT_TRUE(IsSafeWidening(*Float32(), *Float64()));
  EXPECT_FALSE(IsSafeWidening(*Float64(), *Float32()));
  EXPECT_FALSE(IsSafeWidening(*Int64(), *Float64()));
  EXPECT_TRUE(IsSafeWidening(*Decimal128(5, 2), *Decimal128(7, 3)));
  EXPECT_FALSE(IsSafeWidening(*Decimal128(5, 2), *Decimal128(5, 3)));  // loses an integer digit
  EXPECT_FALSE(IsSafeWidening(*Decimal128(5, 2), *Decimal128(9, 1)));  // loses a fraction digit
  EXPECT_TRUE(IsSafeWidening(*Timestamp(TimeUnit::kMilli), *Timestamp(TimeUnit::kNano)));
  EXPECT_FALSE(IsSafeWidening(*Timestamp(TimeUnit::kMilli), *Timestamp(TimeUnit::kMilli, "UTC")));
  EXPECT_FALSE(IsSafeWidening(*Date32(), *Timestamp()));
  EXPECT_FALSE(IsSafeWidening(*Int64(), *Utf8()));
  EXPECT_TRUE(IsAllowedWidening(*Int64(), *Utf8(), WideningRules::kJson));
  EXPECT_TRUE(IsAllowedWidening(*Int64(), *Float64(), WideningRules::kJson));
  EXPECT_FALSE(IsAllowedWidening(*Float64(), *Int64(), WideningRules::kJson));
}

TEST(FileStatisticsTest, MissingStatisticsNeverPrune) {
  DataStatistics unknown;
  unknown.num_rows = 10;
  for (Op op : {Op::kEq, Op::kNotEq, Op::kLt, Op::kLtEq, Op::kGt, Op::kGtEq, Op::kIsNull,
                Op::kIsNotNull}) {
    EXPECT_TRUE(MayMatch({0, op, I64(5)}, *Int64(), unknown)) << static_cast<int>(op);
  }
  DataStatistics only_max = unknown;
  only_max.max = I64(3);
  EXPECT_FALSE(MayMatch({0, Op::kGt, I64(3)}, *Int64(), only_max));
  EXPECT_TRUE(MayMatch({0, Op::kLt, I64(-100)}, *Int64(), only_max));
  EXPECT_TRUE(MayMatch({0, Op::kEq, I64(-100)}, *Int64(), only_max));
}

TEST(FileStatisticsTest, FloatColumnsMayHideNaNAboveTheirMax) {
  DataStatistics stats{F64(1.0), F64(2.0), 0, 10};
  EXPECT_TRUE(MayMatch({0, Op::kGt, F64(5.0)}, *Float64(), stats));
  EXPECT_TRUE(MayMatch({0, Op::kNotEq, F64(1.0)}, *Float64(), stats));
  EXPECT_TRUE(MayMatch({0, Op::kEq, F64(std::nan(""))}, *Float64(), stats));
  EXPECT_FALSE(MayMatch({0, Op::kEq, F64(5.0)}, *Float64(), stats));
  EXPECT_FALSE(MayMatch({0, Op::kLt, F64(1.0)}, *Float64(), stats));
  DataStatistics all_null{std::nullopt, std::nullopt, 10, 10};
  EXPECT_FALSE(MayMatch({0, Op::kGt, F64(5.0)}, *Float64(), all_null));
  EXPECT_TRUE(MayMatch({0, Op::kIsNull, {}}, *Float64(), all_null));
}

TEST(FileStatisticsTest, AccumulatorSkipsAllNullPartsAndLosesBoundsOnUnknownOnes) {
  StatisticsAccumulator merged;
  merged.Add({std::nullopt, std::nullopt, 4, 4});  // all NULL
  merged.Add({I64(5), I64(9), 1, 4});
  merged.Add({I64(-2), I64(7), 0, 4});
  ColumnStatistics stats = merged.Finish();
  EXPECT_EQ(stats.min, I64(-2));
  EXPECT_EQ(stats.max, I64(9));
  EXPECT_EQ(stats.null_count, 5);

  merged.Add({std::nullopt, I64(100), std::nullopt, 4});
  stats = merged.Finish();
  EXPECT_FALSE(stats.min.has_value());
  EXPECT_EQ(stats.max, I64(100));
  EXPECT_FALSE(stats.null_count.has_value());
}

}  // namespace
}  // namespace bundlebase::sql
