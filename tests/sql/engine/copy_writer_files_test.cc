// COPY writers: Parquet, CSV and JSON lines files read back through the file tables, the
// exact JSON text, and atomic publication when a write fails.
#include <cmath>

#include <gtest/gtest.h>

#include "file_table_test_util.h"
#include "sql/catalog/copy_writer.h"
#include "sql/catalog/file_parquet_table.h"
#include "sql/catalog/file_text_tables.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT
using bundlebase::testing::ScratchDir;

std::shared_ptr<io::FileSystem> Fs() { return io::LocalFileSystem::Instance(); }

SchemaPtr SampleSchema() {
  return MakeSchema({Field("id", Int64()), Field("name", Utf8()), Field("price", Decimal128(9, 2)),
                     Field("day", Date32()), Field("at", Timestamp(TimeUnit::kMicro, "UTC")),
                     Field("ratio", Float64())});
}

RecordBatchPtr SampleBatch() {
  auto batch = MakeBatch(
      SampleSchema(),
      {{I64(1), I64(2)},
       {Str("plain"), Str("quote \" back\\slash\nnew\ttab\x01 \xC3\xA9")},
       {Scalar(Decimal128(9, 2), __int128{1230}), Null(Decimal128(9, 2))},
       {Scalar(Date32(), int64_t{20000}), Null(Date32())},
       {Scalar(Timestamp(TimeUnit::kMicro, "UTC"), int64_t{1500000}),
        Null(Timestamp(TimeUnit::kMicro, "UTC"))},
       {F64(0.5), F64(std::nan(""))}});
  EXPECT_OK(batch.status());
  return *batch;
}

TEST(CopyWriterTest, JsonLinesEscapesAndSpellsEveryKind) {
  ScratchDir dir;
  CopyOptions options;
  options.format = CopyFormat::kJson;
  ASSERT_OK(WriteBatches(SampleSchema(), {SampleBatch()}, dir.Path("o.jsonl"), options, *Fs()));
  EXPECT_EQ(bundlebase::testing::ReadFileOrDie(dir.Path("o.jsonl")),
            "{\"id\":1,\"name\":\"plain\",\"price\":12.30,\"day\":\"2024-10-04\","
            "\"at\":\"1970-01-01 00:00:01.5+00\",\"ratio\":0.5}\n"
            "{\"id\":2,\"name\":\"quote \\\" back\\\\slash\\nnew\\ttab\\u0001 \xC3\xA9\","
            "\"price\":null,\"day\":null,\"at\":null,\"ratio\":null}\n");
  // Our own reader takes it back.
  ASSERT_OK_AND_ASSIGN(auto table, JsonTable::Open(Fs(), {dir.Path("o.jsonl")}));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][1], Str("quote \" back\\slash\nnew\ttab\x01 \xC3\xA9"));
}

TEST(CopyWriterTest, JsonListsAndStructsNest) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("l", List(Int64())),
                            Field("s", Struct({Field("a", Utf8()), Field("b", Bool())}))});
  ASSERT_OK_AND_ASSIGN(
      auto batch,
      MakeBatch(schema, {{Scalar(List(Int64()), std::vector<Scalar>{I64(1), Null(Int64())})},
                         {Scalar(schema->field(1).type,
                                 std::vector<Scalar>{Str("x"), Scalar::FromBool(true)})}}));
  CopyOptions options;
  options.format = CopyFormat::kJson;
  ASSERT_OK(WriteBatches(schema, {batch}, dir.Path("n.json"), options, *Fs()));
  EXPECT_EQ(bundlebase::testing::ReadFileOrDie(dir.Path("n.json")),
            "{\"l\":[1,null],\"s\":{\"a\":\"x\",\"b\":true}}\n");
}

TEST(CopyWriterTest, ParquetAndCsvRoundTrip) {
  ScratchDir dir;
  CopyOptions parquet_options;
  parquet_options.parquet.codec = parquet::CompressionCodec::kSnappy;
  parquet_options.parquet.row_group_rows = 1;
  ASSERT_OK(WriteBatches(SampleSchema(), {SampleBatch(), SampleBatch()}, dir.Path("o.parquet"),
                         parquet_options, *Fs()));
  ASSERT_OK_AND_ASSIGN(auto parquet_table, ParquetTable::Open(Fs(), {dir.Path("o.parquet")}));
  ASSERT_OK_AND_ASSIGN(auto scan, parquet_table->Scan(ScanRequest{{0, 1}, {}}));
  EXPECT_EQ(scan->num_partitions(), 4);
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*parquet_table));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[2][2], Scalar(Decimal128(9, 2), __int128{1230}));

  CopyOptions csv_options;
  csv_options.format = CopyFormat::kCsv;
  csv_options.csv.delimiter = '|';
  ASSERT_OK(WriteBatches(SampleSchema(), {SampleBatch()}, dir.Path("o.csv"), csv_options, *Fs()));
  std::string text = bundlebase::testing::ReadFileOrDie(dir.Path("o.csv"));
  EXPECT_EQ(text.substr(0, text.find('\n')), "id|name|price|day|at|ratio");
  ASSERT_OK_AND_ASSIGN(auto csv_table, CsvTable::Open(Fs(), {dir.Path("o.csv")}));
  ASSERT_OK_AND_ASSIGN(auto csv_rows, ScanAll(*csv_table, {1}));
  ASSERT_EQ(csv_rows.size(), 2u);
  EXPECT_EQ(csv_rows[1][0], Str("quote \" back\\slash\nnew\ttab\x01 \xC3\xA9"));
}

TEST(CopyWriterTest, AFailedCopyLeavesTheOldFileAndNoPartialOne) {
  ScratchDir dir;
  std::string target = dir.WriteFile("keep.csv", "old contents\n");
  auto wrong = MakeBatch(MakeSchema({Field("id", Utf8())}), {{Str("not an int")}});
  ASSERT_OK(wrong.status());
  for (CopyFormat format : {CopyFormat::kParquet, CopyFormat::kCsv, CopyFormat::kJson}) {
    CopyOptions options;
    options.format = format;
    Status status = WriteBatches(SampleSchema(), {SampleBatch(), *wrong}, target, options, *Fs());
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(bundlebase::testing::ReadFileOrDie(target), "old contents\n");
    Status fresh =
        WriteBatches(SampleSchema(), {SampleBatch(), *wrong}, dir.Path("new.out"), options, *Fs());
    EXPECT_FALSE(fresh.ok());
    ASSERT_OK_AND_ASSIGN(bool exists, Fs()->Exists(dir.Path("new.out")));
    EXPECT_FALSE(exists);
  }
  ASSERT_OK_AND_ASSIGN(auto listing, Fs()->List(dir.path().string(), false));
  EXPECT_EQ(listing.size(), 1u);  // no temporary file left behind either
}

}  // namespace
}  // namespace bundlebase::sql
