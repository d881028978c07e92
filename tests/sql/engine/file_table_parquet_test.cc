// ParquetTable: reading one file and globs of several, unifying their schemas by name,
// statistics, and the errors for files that do not fit together.
#include <gtest/gtest.h>

#include "file_table_test_util.h"
#include "sql/catalog/file_parquet_table.h"
#include "sql/catalog/file_paths.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT
using bundlebase::testing::ScratchDir;

std::shared_ptr<io::FileSystem> Fs() { return io::LocalFileSystem::Instance(); }

Result<std::shared_ptr<ParquetTable>> OpenGlob(const std::string& glob) {
  BB_ASSIGN_OR_RAISE(auto files, ExpandFilePattern(*Fs(), glob));
  return ParquetTable::Open(Fs(), std::move(files));
}

TEST(ParquetTableTest, ReadsOneFileWithProjectionInRequestedOrder) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("id", Int64()), Field("name", Utf8())});
  ASSERT_OK(WriteParquet(dir.Path("a.parquet"), schema,
                         {{I64(1), I64(2), I64(3)}, {Str("x"), Null(Utf8()), Str("z")}}, 2));
  ASSERT_OK_AND_ASSIGN(auto table, OpenGlob(dir.Path("*.parquet")));
  EXPECT_TRUE(table->schema()->Equals(*schema));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table, {1, 0}));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], Str("x"));
  EXPECT_EQ(rows[0][1], I64(1));
  EXPECT_TRUE(rows[1][0].is_null());
  EXPECT_EQ(rows[2][1], I64(3));
}

TEST(ParquetTableTest, OnePartitionPerRowGroupAndZeroColumnScansKeepRowCounts) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("id", Int64())});
  std::vector<Scalar> ids;
  for (int i = 0; i < 25; ++i) ids.push_back(I64(i));
  ASSERT_OK(WriteParquet(dir.Path("a.parquet"), schema, {ids}, 10));
  ASSERT_OK(WriteParquet(dir.Path("b.parquet"), schema, {{I64(100)}}, 10));
  ASSERT_OK_AND_ASSIGN(auto table, OpenGlob(dir.Path("*.parquet")));
  ScanRequest request;  // no columns: count(*)
  ASSERT_OK_AND_ASSIGN(auto scan, table->Scan(request));
  EXPECT_EQ(scan->num_partitions(), 4);
  EXPECT_EQ(scan->Describe(), "row groups: 4 of 4 read");
  int64_t rows = 0;
  for (int64_t p = 0; p < scan->num_partitions(); ++p) {
    ASSERT_OK_AND_ASSIGN(auto reader, scan->OpenPartition(p));
    ASSERT_OK_AND_ASSIGN(auto batches, reader->ReadAll());
    for (const auto& b : batches) {
      EXPECT_EQ(b->num_columns(), 0);
      rows += b->num_rows();
    }
  }
  EXPECT_EQ(rows, 26);
}

TEST(ParquetTableTest, UnifiesFilesByNameWideningTypesAndFillingMissingColumns) {
  ScratchDir dir;
  auto wide = MakeSchema({Field("id", Int64()), Field("score", Float64()),
                          Field("price", Decimal128(12, 3)),
                          Field("at", Timestamp(TimeUnit::kMicro)), Field("name", Utf8())});
  ASSERT_OK(WriteParquet(dir.Path("1.parquet"), wide,
                         {{I64(1)}, {F64(0.5)}, {Scalar(Decimal128(12, 3), __int128{1500})},
                          {Scalar(Timestamp(TimeUnit::kMicro), int64_t{2000000})},
                          {Str("first")}}));
  // Differently cased names, another order, narrower types, no "name", an extra column.
  auto narrow = MakeSchema({Field("EXTRA", Utf8()), Field("Price", Decimal128(5, 2)),
                            Field("ID", Int32()), Field("Score", Float32()),
                            Field("at", Timestamp(TimeUnit::kMilli))});
  ASSERT_OK(WriteParquet(dir.Path("2.parquet"), narrow,
                         {{Str("ignored")}, {Scalar(Decimal128(5, 2), __int128{-1234})},
                          {I32(7)}, {Scalar(Float32(), 2.25)},
                          {Scalar(Timestamp(TimeUnit::kMilli), int64_t{3000})}}));
  ASSERT_OK_AND_ASSIGN(auto table, OpenGlob(dir.Path("*.parquet")));
  EXPECT_TRUE(table->schema()->Equals(*wide));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], I64(7));
  EXPECT_EQ(rows[1][1], F64(2.25));
  EXPECT_EQ(rows[1][2], Scalar(Decimal128(12, 3), __int128{-12340}));
  EXPECT_EQ(rows[1][3], Scalar(Timestamp(TimeUnit::kMicro), int64_t{3000000}));
  EXPECT_TRUE(rows[1][4].is_null());
  EXPECT_EQ(rows[1][4].type()->id(), TypeId::kUtf8);

  TableStatistics stats = table->Statistics();
  ASSERT_EQ(stats.row_count, 2);
  ASSERT_EQ(stats.columns.size(), 5u);
  EXPECT_EQ(stats.columns[0].min, I64(1));
  EXPECT_EQ(stats.columns[0].max, I64(7));
  EXPECT_EQ(stats.columns[2].min, Scalar(Decimal128(12, 3), __int128{-12340}));
  EXPECT_EQ(stats.columns[2].max, Scalar(Decimal128(12, 3), __int128{1500}));
  EXPECT_EQ(stats.columns[4].null_count, 1);
  EXPECT_EQ(stats.columns[4].min, Str("first"));
  EXPECT_EQ(stats.columns[3].max, Scalar(Timestamp(TimeUnit::kMicro), int64_t{3000000}));
}

TEST(ParquetTableTest, IncompatibleColumnNamesBothFilesAndTheColumn) {
  ScratchDir dir;
  ASSERT_OK(WriteParquet(dir.Path("a.parquet"), MakeSchema({Field("x", Int32())}), {{I32(1)}}));
  ASSERT_OK(WriteParquet(dir.Path("b.parquet"), MakeSchema({Field("X", Utf8())}), {{Str("1")}}));
  ASSERT_OK_AND_ASSIGN(auto table, OpenGlob(dir.Path("*.parquet")));
  auto scan = table->Scan(ScanRequest{{0}, {}});
  ASSERT_FALSE(scan.ok());
  EXPECT_TRUE(scan.status().IsTypeError()) << scan.status().ToString();
  const std::string message = scan.status().message();
  EXPECT_NE(message.find("a.parquet"), std::string::npos) << message;
  EXPECT_NE(message.find("b.parquet"), std::string::npos) << message;
  EXPECT_NE(message.find("\"x\""), std::string::npos) << message;
  EXPECT_TRUE(table->Statistics().columns.empty());
}

TEST(ParquetTableTest, NarrowingIsNotAWidening) {
  ScratchDir dir;
  ASSERT_OK(WriteParquet(dir.Path("a.parquet"), MakeSchema({Field("x", Int32())}), {{I32(1)}}));
  ASSERT_OK(WriteParquet(dir.Path("b.parquet"), MakeSchema({Field("x", Int64())}), {{I64(1)}}));
  ASSERT_OK_AND_ASSIGN(auto table, OpenGlob(dir.Path("*.parquet")));
  EXPECT_TRUE(table->Scan(ScanRequest{{0}, {}}).status().IsTypeError());
}

TEST(ParquetTableTest, NotParquetAndMissingFilesAreErrorsNamingTheFile) {
  ScratchDir dir;
  std::string bad = dir.WriteFile("bad.parquet", "this is not parquet at all");
  auto table = ParquetTable::Open(Fs(), {bad});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("bad.parquet"), std::string::npos)
      << table.status().ToString();
  auto missing = ExpandFilePattern(*Fs(), dir.Path("none/*.parquet"));
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_NE(missing.status().message().find("none/*.parquet"), std::string::npos);
  auto no_match = ExpandFilePattern(*Fs(), dir.Path("*.csv"));
  ASSERT_FALSE(no_match.ok());
  EXPECT_NE(no_match.status().message().find("*.csv"), std::string::npos);
}

TEST(ParquetTableTest, ManyFilesKeepFewerReadersOpenAndStillRead) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("v", Int64())});
  for (int i = 0; i < 12; ++i) {
    ASSERT_OK(WriteParquet(dir.Path(fmt::format("part/{:02}.parquet", i)), schema, {{I64(i)}}));
  }
  ASSERT_OK_AND_ASSIGN(auto files, ExpandFilePattern(*Fs(), dir.Path("**/*.parquet")));
  ASSERT_EQ(files.size(), 12u);
  ParquetTableOptions options;
  options.max_open_files = 4;
  ASSERT_OK_AND_ASSIGN(auto table, ParquetTable::Open(Fs(), files, options));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table));
  ASSERT_EQ(rows.size(), 12u);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(rows[i][0], I64(i));
}

}  // namespace
}  // namespace bundlebase::sql
