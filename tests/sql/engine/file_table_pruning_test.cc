// Row-group pruning of ParquetTable, type by type: for every operator and many constants
// (each value in the data, values beside them, NULL, NaN for floats) the rows matching the
// predicate in a pruned scan must be exactly those matching it in a full scan, and the obvious
// cases must actually skip row groups.
#include <cmath>

#include <gtest/gtest.h>

#include "file_table_test_util.h"
#include "sql/catalog/file_parquet_table.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT
using bundlebase::testing::ScratchDir;
using Op = ScanPredicate::Op;

// The engine's comparison, written independently of the product's: NaN above all floats,
// strings bytewise.
int Compare(const Scalar& a, const Scalar& b) {
  return std::visit(
      [&](const auto& x) -> int {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b.value());
        if constexpr (std::is_same_v<T, double>) {
          if (std::isnan(x) || std::isnan(y)) return std::isnan(x) - std::isnan(y);
          return (x > y) - (x < y);
        } else if constexpr (std::is_same_v<T, std::string>) {
          for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
            auto cx = static_cast<unsigned char>(x[i]);
            auto cy = static_cast<unsigned char>(y[i]);
            if (cx != cy) return cx < cy ? -1 : 1;
          }
          return (x.size() > y.size()) - (x.size() < y.size());
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int64_t> ||
                             std::is_same_v<T, uint64_t> || std::is_same_v<T, __int128>) {
          return (x > y) - (x < y);
        } else {
          ADD_FAILURE() << "unexpected value kind";
          return 0;
        }
      },
      a.value());
}

bool Holds(const ScanPredicate& p, const Scalar& v) {
  if (p.op == Op::kIsNull) return v.is_null();
  if (p.op == Op::kIsNotNull) return !v.is_null();
  if (v.is_null() || p.value.is_null()) return false;
  int c = Compare(v, p.value);
  switch (p.op) {
    case Op::kEq: return c == 0;
    case Op::kNotEq: return c != 0;
    case Op::kLt: return c < 0;
    case Op::kLtEq: return c <= 0;
    case Op::kGt: return c > 0;
    case Op::kGtEq: return c >= 0;
    default: return false;
  }
}

std::vector<Scalar> Matching(const std::vector<std::vector<Scalar>>& rows, const ScanPredicate& p) {
  std::vector<Scalar> out;
  for (const auto& row : rows) {
    if (Holds(p, row[0])) out.push_back(row[0]);
  }
  return out;
}

// Writes `values` (row groups of 10) and checks every operator against every constant.
// Returns how many scans skipped at least one row group.
int CheckPruning(const DataTypePtr& type, const std::vector<Scalar>& values,
                 const std::vector<Scalar>& extra_constants) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("v", type)});
  EXPECT_OK(WriteParquet(dir.Path("t.parquet"), schema, {values}, 10));
  auto table = ParquetTable::Open(io::LocalFileSystem::Instance(), {dir.Path("t.parquet")});
  EXPECT_OK(table.status());
  if (!table.ok()) return 0;
  auto all = ScanAll(**table);
  EXPECT_OK(all.status());
  if (!all.ok()) return 0;
  std::vector<Scalar> constants = extra_constants;
  for (const Scalar& v : values) constants.push_back(v);
  constants.push_back(Scalar::MakeNull(type));
  int pruned_scans = 0;
  for (Op op : {Op::kEq, Op::kNotEq, Op::kLt, Op::kLtEq, Op::kGt, Op::kGtEq, Op::kIsNull,
                Op::kIsNotNull}) {
    for (const Scalar& constant : constants) {
      ScanPredicate predicate{0, op, constant};
      auto scan = (*table)->Scan(ScanRequest{{0}, {predicate}});
      EXPECT_OK(scan.status());
      if (!scan.ok()) return 0;
      auto rows = ScanRows(**scan);
      EXPECT_OK(rows.status());
      if (!rows.ok()) return 0;
      std::vector<Scalar> expected = Matching(*all, predicate);
      std::vector<Scalar> got = Matching(*rows, predicate);
      EXPECT_EQ(got.size(), expected.size())
          << type->ToString() << " op " << static_cast<int>(op) << " constant "
          << (constant.is_null() ? "NULL" : "#") << " " << (*scan)->Describe();
      if ((*scan)->num_partitions() < static_cast<int64_t>(values.size() + 9) / 10) ++pruned_scans;
    }
  }
  return pruned_scans;
}

// Ten row groups: sorted values with NULLs sprinkled in, one group entirely NULL.
template <typename Make>
std::vector<Scalar> SortedWithNulls(const DataTypePtr& type, Make make) {
  std::vector<Scalar> values;
  for (int i = 0; i < 100; ++i) {
    if (i % 7 == 3 || (i >= 50 && i < 60)) {
      values.push_back(Scalar::MakeNull(type));
    } else {
      values.push_back(make(i * 3 - 40));
    }
  }
  return values;
}

TEST(ParquetPruningTest, Integers) {
  for (auto type : {Int8(), Int16(), Int32(), Int64()}) {
    auto values = SortedWithNulls(type, [&](int i) { return Scalar(type, int64_t{i}); });
    EXPECT_GT(CheckPruning(type, values, {Scalar(type, int64_t{-100}), Scalar(type, int64_t{0}),
                                          Scalar(type, int64_t{1}), Scalar(type, int64_t{127})}),
              0);
  }
}

TEST(ParquetPruningTest, UnsignedIntegersUseUnsignedOrder) {
  for (auto type : {UInt32(), UInt64()}) {
    uint64_t big = type->id() == TypeId::kUInt32 ? 0xFFFFFFF0u : 0xFFFFFFFFFFFFFFF0u;
    auto values = SortedWithNulls(type, [&](int i) {
      return Scalar(type, i < 20 ? uint64_t(i + 40) : big + uint64_t(i % 10));
    });
    EXPECT_GT(CheckPruning(type, values, {Scalar(type, uint64_t{0}), Scalar(type, big - 1)}), 0);
  }
}

TEST(ParquetPruningTest, FloatsWithNaNInfinitiesAndSignedZeros) {
  for (auto type : {Float32(), Float64()}) {
    auto values = SortedWithNulls(type, [&](int i) { return Scalar(type, i / 4.0); });
    const double nan = std::nan("");
    values[11] = Scalar(type, nan);  // NaN inside a group whose max is far below it
    values[25] = Scalar(type, -0.0);
    values[26] = Scalar(type, 0.0);
    for (int i = 70; i < 80; ++i) values[i] = Scalar(type, nan);  // an all-NaN group
    values[95] = Scalar(type, INFINITY);
    values[96] = Scalar(type, -INFINITY);
    EXPECT_GT(CheckPruning(type, values,
                           {Scalar(type, nan), Scalar(type, 1000.0), Scalar(type, -1000.0),
                            Scalar(type, 0.0), Scalar(type, -0.0), Scalar(type, INFINITY)}),
              0);
  }
}

TEST(ParquetPruningTest, DecimalsOfEveryPhysicalWidth) {
  for (auto type : {Decimal128(5, 2), Decimal128(15, 3), Decimal128(30, 4)}) {
    auto values = SortedWithNulls(type, [&](int i) { return Scalar(type, __int128{i} * 997); });
    EXPECT_GT(CheckPruning(type, values, {Scalar(type, __int128{-99999}), Scalar(type, __int128{1}),
                                          Scalar(type, __int128{0})}),
              0);
  }
}

TEST(ParquetPruningTest, DatesTimestampsAndTimes) {
  for (auto type : {Date32(), Timestamp(TimeUnit::kMicro), Timestamp(TimeUnit::kMilli, "UTC"),
                    Time64(TimeUnit::kMicro)}) {
    auto values = SortedWithNulls(type, [&](int i) { return Scalar(type, int64_t{i + 50} * 86); });
    EXPECT_GT(CheckPruning(type, values, {Scalar(type, int64_t{-1}), Scalar(type, int64_t{0})}), 0);
  }
}

TEST(ParquetPruningTest, StringsCompareBytewiseIncludingNonAsciiAndLongValues) {
  auto values = SortedWithNulls(Utf8(), [](int i) {
    return Str(fmt::format("k{:04}", i + 100));
  });
  values[90] = Str("\xC3\xA9t\xC3\xA9");                    // é sorts above ASCII bytewise
  values[91] = Str(std::string(300, 'z'));                 // long: bounds may be truncated
  values[92] = Str(std::string(300, 'z') + "a");
  values[93] = Str("");
  EXPECT_GT(CheckPruning(Utf8(), values,
                         {Str(""), Str("a"), Str("k"), Str("zzz"), Str(std::string(301, 'z')),
                          Str("\xC3\xA9"), Str("\xF0\x9F\x98\x80")}),
            0);
}

TEST(ParquetPruningTest, Booleans) {
  std::vector<Scalar> values;
  for (int i = 0; i < 40; ++i) {
    values.push_back(i % 9 == 0 ? Null(Bool()) : Scalar::FromBool(i < 20));
  }
  EXPECT_GT(CheckPruning(Bool(), values, {}), 0);
}

TEST(ParquetPruningTest, DescribeCountsSkippedRowGroupsAndMissingColumnsPrune) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("id", Int64()), Field("tag", Utf8())});
  std::vector<Scalar> ids, tags;
  for (int i = 0; i < 40; ++i) {
    ids.push_back(I64(i));
    tags.push_back(Str("t"));
  }
  ASSERT_OK(WriteParquet(dir.Path("a.parquet"), schema, {ids, tags}, 10));
  ASSERT_OK(WriteParquet(dir.Path("b.parquet"), MakeSchema({Field("id", Int64())}), {{I64(5)}}));
  ASSERT_OK_AND_ASSIGN(auto table, ParquetTable::Open(io::LocalFileSystem::Instance(),
                                                      {dir.Path("a.parquet"), dir.Path("b.parquet")}));
  ASSERT_OK_AND_ASSIGN(auto scan, table->Scan(ScanRequest{{0}, {{0, Op::kGtEq, I64(35)}}}));
  EXPECT_EQ(scan->Describe(), "row groups: 1 of 5 read");
  // b.parquet has no "tag": every row is NULL there, so a comparison skips it...
  ASSERT_OK_AND_ASSIGN(auto by_tag, table->Scan(ScanRequest{{0}, {{1, Op::kEq, Str("t")}}}));
  EXPECT_EQ(by_tag->Describe(), "row groups: 4 of 5 read");
  // ...and IS NULL reads only it.
  ASSERT_OK_AND_ASSIGN(auto null_tag, table->Scan(ScanRequest{{0, 1}, {{1, Op::kIsNull, {}}}}));
  EXPECT_EQ(null_tag->Describe(), "row groups: 1 of 5 read");
  ASSERT_OK_AND_ASSIGN(auto rows, ScanRows(*null_tag));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], I64(5));
  // A constant of another type than the column's is not used to prune.
  ASSERT_OK_AND_ASSIGN(auto other_type, table->Scan(ScanRequest{{0}, {{0, Op::kEq, I32(1000)}}}));
  EXPECT_EQ(other_type->Describe(), "row groups: 5 of 5 read");
}

}  // namespace
}  // namespace bundlebase::sql
