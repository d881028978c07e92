// ParseCopyOptions: COPY's option list, as the parser delivers it, to writer options.
#include <gtest/gtest.h>

#include "sql/catalog/copy_writer.h"
#include "sql/parser/parser.h"
#include "test_util.h"

namespace bundlebase::sql {
namespace {

Result<CopyOptions> Parse(const std::string& sql) {
  BB_ASSIGN_OR_RAISE(auto statements, ParseStatements(sql));
  if (statements.size() != 1 || statements[0]->kind != StatementKind::kCopy) {
    return Status::Invalid("not one COPY statement: {}", sql);
  }
  auto& copy = statements[0]->As<CopyStatement>();
  return ParseCopyOptions(copy.options, copy.path);
}

TEST(CopyOptionsTest, FormatComesFromTheExtensionUnlessGiven) {
  ASSERT_OK_AND_ASSIGN(auto parquet, Parse("COPY (SELECT 1) TO 'out/x.parquet'"));
  EXPECT_EQ(parquet.format, CopyFormat::kParquet);
  ASSERT_OK_AND_ASSIGN(auto csv, Parse("COPY (SELECT 1) TO 'x.CSV'"));
  EXPECT_EQ(csv.format, CopyFormat::kCsv);
  ASSERT_OK_AND_ASSIGN(auto tsv, Parse("COPY (SELECT 1) TO 'x.tsv'"));
  EXPECT_EQ(tsv.csv.delimiter, '\t');
  ASSERT_OK_AND_ASSIGN(auto jsonl, Parse("COPY (SELECT 1) TO 'x.jsonl'"));
  EXPECT_EQ(jsonl.format, CopyFormat::kJson);
  ASSERT_OK_AND_ASSIGN(auto given, Parse("COPY (SELECT 1) TO 'x.parquet' (FORMAT json)"));
  EXPECT_EQ(given.format, CopyFormat::kJson);
  ASSERT_OK_AND_ASSIGN(auto other, Parse("COPY (SELECT 1) TO 'x.data'"));
  EXPECT_EQ(other.format, CopyFormat::kParquet);
}

TEST(CopyOptionsTest, ParquetCompressionAndRowGroupSize) {
  ASSERT_OK_AND_ASSIGN(auto options,
                       Parse("COPY (SELECT 1) TO 'x.parquet' (FORMAT parquet, COMPRESSION "
                             "snappy, ROW_GROUP_SIZE 1000, COMPRESSION_LEVEL 5)"));
  EXPECT_EQ(options.parquet.codec, parquet::CompressionCodec::kSnappy);
  EXPECT_EQ(options.parquet.row_group_rows, 1000);
  EXPECT_EQ(options.parquet.compression_level, 5);
  for (auto [name, codec] : std::vector<std::pair<std::string, parquet::CompressionCodec>>{
           {"zstd", parquet::CompressionCodec::kZstd},
           {"GZIP", parquet::CompressionCodec::kGzip},
           {"lz4", parquet::CompressionCodec::kLz4Raw},
           {"brotli", parquet::CompressionCodec::kBrotli},
           {"uncompressed", parquet::CompressionCodec::kUncompressed}}) {
    ASSERT_OK_AND_ASSIGN(auto o, Parse("COPY (SELECT 1) TO 'x.parquet' (COMPRESSION '" + name +
                                       "')"));
    EXPECT_EQ(o.parquet.codec, codec) << name;
  }
}

TEST(CopyOptionsTest, CsvHeaderDelimiterQuoteAndNull) {
  ASSERT_OK_AND_ASSIGN(auto options,
                       Parse("COPY (SELECT 1) TO 'x.csv' (FORMAT csv, HEADER false, DELIMITER "
                             "'|', QUOTE '''', NULL 'NA')"));
  EXPECT_FALSE(options.csv.header);
  EXPECT_EQ(options.csv.delimiter, '|');
  EXPECT_EQ(options.csv.quote, '\'');
  EXPECT_EQ(options.csv.null_string, "NA");
  ASSERT_OK_AND_ASSIGN(auto bare, Parse("COPY (SELECT 1) TO 'x.csv' (FORMAT csv, HEADER)"));
  EXPECT_TRUE(bare.csv.header);
}

TEST(CopyOptionsTest, ErrorsSayWhatIsValid) {
  auto unknown = Parse("COPY (SELECT 1) TO 'x.parquet' (PARTITION_BY x)");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("PARTITION_BY"), std::string::npos);
  EXPECT_NE(unknown.status().message().find("ROW_GROUP_SIZE"), std::string::npos);
  auto codec = Parse("COPY (SELECT 1) TO 'x.parquet' (COMPRESSION lzo)");
  ASSERT_FALSE(codec.ok());
  EXPECT_NE(codec.status().message().find("snappy"), std::string::npos);
  auto wrong_format = Parse("COPY (SELECT 1) TO 'x.csv' (COMPRESSION zstd)");
  ASSERT_FALSE(wrong_format.ok());
  EXPECT_NE(wrong_format.status().message().find("parquet"), std::string::npos);
  EXPECT_FALSE(Parse("COPY (SELECT 1) TO 'x.csv' (DELIMITER '||')").ok());
  EXPECT_FALSE(Parse("COPY (SELECT 1) TO 'x' (FORMAT xml)").ok());
  EXPECT_FALSE(Parse("COPY (SELECT 1) TO 'x.parquet' (ROW_GROUP_SIZE 0)").ok());
}

}  // namespace
}  // namespace bundlebase::sql
