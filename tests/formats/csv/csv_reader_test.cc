// Reading CSV text end to end: types, NULLs, quoting, line endings, headers, options.
#include "formats/csv/csv_reader.h"

#include <gtest/gtest.h>

#include "csv_test_util.h"

namespace bundlebase::csv {
namespace {

using testing::Cell;
using testing::Column;
using testing::Read;
using testing::Row;
using testing::TypeNames;
using V = std::vector<std::string>;

TEST(CsvReaderTest, InfersTypesAndReadsValues) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("id,price,name,day,at,ok\n"
                                    "1,2.5,apple,2024-01-02,2024-01-02 10:00:00,true\n"
                                    "2,3,pear,2024-01-03,2024-01-03T11:30:00.5,false\n"));
  EXPECT_EQ(b->schema()->names(), (V{"id", "price", "name", "day", "at", "ok"}));
  EXPECT_EQ(TypeNames(*b), (V{"int64", "float64", "utf8", "date32", "timestamp[us]", "bool"}));
  ASSERT_EQ(b->num_rows(), 2);
  EXPECT_EQ(Row(*b, 0), (V{"1", "2.5", "apple", "2024-01-02", "2024-01-02 10:00:00", "true"}));
  EXPECT_EQ(Row(*b, 1), (V{"2", "3", "pear", "2024-01-03", "2024-01-03 11:30:00.5", "false"}));
}

TEST(CsvReaderTest, EmptyFieldsAreNull) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b,c\n1,,x\n,2.5,\n"));
  EXPECT_EQ(TypeNames(*b), (V{"int64", "float64", "utf8"}));
  EXPECT_EQ(Row(*b, 0), (V{"1", "NULL", "x"}));
  EXPECT_EQ(Row(*b, 1), (V{"NULL", "2.5", "NULL"}));
  EXPECT_EQ(b->column(0)->null_count(), 1);
}

TEST(CsvReaderTest, QuotedEmptyIsEmptyStringButNullForOtherTypes) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("s,n\n\"\",\"\"\n,1\nx,2\n"));
  EXPECT_EQ(TypeNames(*b), (V{"utf8", "int64"}));
  EXPECT_EQ(Cell(*b, 0, 0), "");
  EXPECT_EQ(Cell(*b, 0, 1), "NULL");
  EXPECT_EQ(Cell(*b, 1, 0), "NULL");
}

TEST(CsvReaderTest, NullValuesOption) {
  CsvReadOptions o;
  o.null_values = {"NA", "NULL"};
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n1,NA\nNULL,x\n3,\"NA\"\n", o));
  EXPECT_EQ(TypeNames(*b), (V{"int64", "utf8"}));
  EXPECT_EQ(Column(*b, 0), (V{"1", "NULL", "3"}));
  EXPECT_EQ(Column(*b, 1), (V{"NULL", "x", "NA"}));
}

TEST(CsvReaderTest, Rfc4180Quoting) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n"
                                    "\"x, y\",\"say \"\"hi\"\"\"\n"
                                    "\"line1\nline2\",\"\r\n\"\n"
                                    "plain,\"\"\"\"\n"));
  ASSERT_EQ(b->num_rows(), 3);
  EXPECT_EQ(Column(*b, 0), (V{"x, y", "line1\nline2", "plain"}));
  EXPECT_EQ(Column(*b, 1), (V{"say \"hi\"", "\r\n", "\""}));
}

TEST(CsvReaderTest, QuotedNumbersParse) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n\"1\",\"2024-01-01\"\n\"2\",\"2024-01-02\"\n"));
  EXPECT_EQ(TypeNames(*b), (V{"int64", "date32"}));
  EXPECT_EQ(Column(*b, 0), (V{"1", "2"}));
}

TEST(CsvReaderTest, LineEndings) {
  for (std::string nl : {"\n", "\r\n", "\r"}) {
    std::string text = "a,b" + nl + "1,x" + nl + "2,\"q" + nl + "r\"" + nl + "3,z";
    ASSERT_OK_AND_ASSIGN(auto b, Read(text));
    ASSERT_EQ(b->num_rows(), 3) << "newline " << testing::Cell(*b, 1, 0);
    EXPECT_EQ(Column(*b, 0), (V{"1", "2", "3"}));
    EXPECT_EQ(Column(*b, 1), (V{"x", "q" + nl + "r", "z"}));
  }
}

TEST(CsvReaderTest, CrLfKeepsLastFieldClean) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\r\n1,x\r\n2,\"y\"\r\n3,\r\n"));
  EXPECT_EQ(Column(*b, 1), (V{"x", "y", "NULL"}));
  EXPECT_EQ(Column(*b, 0), (V{"1", "2", "3"}));
}

TEST(CsvReaderTest, NoTrailingNewlineAndBlankLines) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n\n1,2\n   \n\n3,4"));
  EXPECT_EQ(Column(*b, 0), (V{"1", "3"}));
  EXPECT_EQ(Column(*b, 1), (V{"2", "4"}));
}

TEST(CsvReaderTest, BomIsSkipped) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("\xef\xbb\xbfid,name\n1,a\n"));
  EXPECT_EQ(b->schema()->names(), (V{"id", "name"}));
}

TEST(CsvReaderTest, HeaderNamesAreTrimmedAndMadeUnique) {
  ASSERT_OK_AND_ASSIGN(auto b, Read(" Id , Name ,,name,Name_1\n1,a,b,c,d\n"));
  EXPECT_EQ(b->schema()->names(), (V{"Id", "Name", "column_3", "name_2", "Name_1"}));
}

TEST(CsvReaderTest, TabSemicolonAndPipeDelimiters) {
  for (char d : {'\t', ';', '|'}) {
    std::string text = std::string("a") + d + "b" + d + "c\n1" + d + "x,y" + d + "2.5\n2" + d +
                       "z" + d + "3.5\n";
    ASSERT_OK_AND_ASSIGN(auto reader, testing::OpenText(text));
    EXPECT_EQ(reader->dialect().delimiter, d);
    ASSERT_OK_AND_ASSIGN(auto batches, reader->ReadAll());
    ASSERT_EQ(batches.size(), 1u);
    EXPECT_EQ(Column(*batches[0], 1), (V{"x,y", "z"}));
  }
}

TEST(CsvReaderTest, HeaderlessFileGetsColumnNames) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("1,2.5,2024-01-01\n2,3.5,2024-01-02\n"));
  EXPECT_EQ(b->schema()->names(), (V{"column_1", "column_2", "column_3"}));
  EXPECT_EQ(b->num_rows(), 2);
  CsvReadOptions o;
  o.header = true;
  ASSERT_OK_AND_ASSIGN(auto h, Read("1,2.5,2024-01-01\n2,3.5,2024-01-02\n", o));
  EXPECT_EQ(h->schema()->names(), (V{"1", "2.5", "2024-01-01"}));
  EXPECT_EQ(h->num_rows(), 1);
}

TEST(CsvReaderTest, ColumnNamesOption) {
  CsvReadOptions o;
  o.header = false;
  o.column_names = {"x", "y"};
  ASSERT_OK_AND_ASSIGN(auto b, Read("1,2\n3,4\n", o));
  EXPECT_EQ(b->schema()->names(), (V{"x", "y"}));
  EXPECT_EQ(b->num_rows(), 2);
  o.column_names = {"x"};
  EXPECT_NE(testing::ReadError("1,2\n3,4\n", o)
                .find("column_names lists 1 names but the file has 2"),
            std::string::npos);
}

TEST(CsvReaderTest, ColumnTypesOverride) {
  CsvReadOptions o;
  o.column_types = {{"zip", Utf8()},   {"amount", Decimal128(10, 2)}, {"small", Int16()},
                    {"f", Float32()}, {"t", Time64(TimeUnit::kMicro)}};
  ASSERT_OK_AND_ASSIGN(auto b, Read("zip,amount,t,small,f\n"
                                    "00501,12.345,10:30:00,7,1.5\n"
                                    "02134,-1,23:59:59.25,-300,2\n", o));
  EXPECT_EQ(TypeNames(*b), (V{"utf8", "decimal(10, 2)", "time64[us]", "int16", "float32"}));
  EXPECT_EQ(Row(*b, 0), (V{"00501", "12.35", "10:30:00", "7", "1.5"}));
  EXPECT_EQ(Row(*b, 1), (V{"02134", "-1.00", "23:59:59.25", "-300", "2"}));
}

TEST(CsvReaderTest, ColumnTypesUnknownNameSuggests) {
  CsvReadOptions o;
  o.column_types = {{"amout", Int64()}};
  auto r = Read("amount,b\n1,2\n", o);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsKeyError());
  EXPECT_NE(r.status().message().find("did you mean 'amount'"), std::string::npos)
      << r.status().message();
}

TEST(CsvReaderTest, InferTypesOffReadsText) {
  CsvReadOptions o;
  o.infer_types = false;
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n1,2024-01-01\n", o));
  EXPECT_EQ(TypeNames(*b), (V{"utf8", "utf8"}));
}

TEST(CsvReaderTest, IncludeColumnsProjectsAndOrders) {
  CsvReadOptions o;
  o.include_columns = {"c", "A"};
  ASSERT_OK_AND_ASSIGN(auto reader, testing::OpenText("a,b,c\n1,x,2.5\n2,y,3.5\n", o));
  EXPECT_EQ(reader->schema()->names(), (V{"c", "a"}));
  EXPECT_EQ(reader->file_schema()->num_fields(), 3);
  ASSERT_OK_AND_ASSIGN(auto batches, reader->ReadAll());
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_EQ(Row(*batches[0], 1), (V{"3.5", "2"}));
  o.include_columns = {"nope"};
  auto bad = Read("a,b\n1,2\n", o);
  EXPECT_TRUE(bad.status().IsKeyError());
}

TEST(CsvReaderTest, UnrequestedColumnsAreNotDecoded) {
  // Column b holds values that would fail as its forced type; projecting it away must not
  // even look at them.
  CsvReadOptions o;
  o.column_types = {{"b", Int64()}};
  o.include_columns = {"a"};
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n1,x\n2,y\n", o));
  EXPECT_EQ(Column(*b, 0), (V{"1", "2"}));
}

TEST(CsvReaderTest, NullPaddingFillsShortRecords) {
  CsvReadOptions o;
  o.null_padding = true;
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b,c\n1,x,2\n2\r\n3,y\n", o));
  EXPECT_EQ(Row(*b, 1), (V{"2", "NULL", "NULL"}));
  EXPECT_EQ(Row(*b, 2), (V{"3", "y", "NULL"}));
}

TEST(CsvReaderTest, TitleLinesAreSkipped) {
  ASSERT_OK_AND_ASSIGN(auto reader,
                       testing::OpenText("Sales report\nGenerated today\na,b\n1,2\n"));
  EXPECT_EQ(reader->dialect().skip_rows, 2);
  EXPECT_EQ(reader->schema()->names(), (V{"a", "b"}));
  CsvReadOptions o;
  o.skip_rows = 1;
  ASSERT_OK_AND_ASSIGN(auto b, Read("junk \"line\nx,y\n1,2\n", o));
  EXPECT_EQ(b->schema()->names(), (V{"x", "y"}));
}

TEST(CsvReaderTest, BackslashEscapes) {
  CsvReadOptions o;
  o.escape = '\\';
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n\"x \\\" y\",\"c:\\\\dir\"\n2,\"q\"\n", o));
  EXPECT_EQ(Column(*b, 0), (V{"x \" y", "2"}));
  EXPECT_EQ(Column(*b, 1), (V{"c:\\dir", "q"}));
}

TEST(CsvReaderTest, BackslashEscapesAreDetected) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n\"say \\\"hi\\\"\",1\n\"x\",2\n"));
  EXPECT_EQ(Column(*b, 0), (V{"say \"hi\"", "x"}));
}

TEST(CsvReaderTest, QuotesAsDataWhenQuotingIsOff) {
  CsvReadOptions o;
  o.quote = '\0';
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n5'11\",x\"y\n", o));
  EXPECT_EQ(Row(*b, 0), (V{"5'11\"", "x\"y"}));
  // Detected too: '"' breaks the quoting rules here, so quoting is switched off.
  ASSERT_OK_AND_ASSIGN(auto d, Read("h,w\nTom,5'11\"\nAnn,6'1\"\n"));
  EXPECT_EQ(Column(*d, 1), (V{"5'11\"", "6'1\""}));
}

TEST(CsvReaderTest, InferenceKeepsLeadingZerosAndHugeNumbersAsText) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("zip,big,n\n00501,123456789012345678901234,1\n"
                                    "10001,1,nan\n"));
  EXPECT_EQ(TypeNames(*b), (V{"utf8", "utf8", "float64"}));
  EXPECT_EQ(Cell(*b, 0, 0), "00501");
}

TEST(CsvReaderTest, TimestampsWithZonesAreUtc) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("t\n2024-01-01T10:00:00Z\n2024-01-01 12:00:00+02:00\n"));
  EXPECT_EQ(TypeNames(*b), (V{"timestamp[us, tz=UTC]"}));
  EXPECT_EQ(Cell(*b, 0, 1), Cell(*b, 0, 0));
}

TEST(CsvReaderTest, BatchRowsSlicesOutput) {
  std::string text = "n\n";
  for (int i = 0; i < 1000; ++i) text += std::to_string(i) + "\n";
  CsvReadOptions o;
  o.batch_rows = 300;
  ASSERT_OK_AND_ASSIGN(auto reader, testing::OpenText(text, o));
  ASSERT_OK_AND_ASSIGN(auto batches, reader->ReadAll());
  ASSERT_EQ(batches.size(), 4u);
  EXPECT_EQ(batches[0]->num_rows(), 300);
  EXPECT_EQ(batches[3]->num_rows(), 100);
  EXPECT_EQ(Cell(*batches[3], 0, 99), "999");
}

TEST(CsvReaderTest, SingleColumnFile) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("name\nHello, world\nplain\n"));
  // "Hello, world" has a comma but only one line does: one text column is the better reading.
  EXPECT_EQ(b->num_columns(), 1);
  EXPECT_EQ(Column(*b, 0), (V{"Hello, world", "plain"}));
}

TEST(CsvReaderTest, ReadsFromLocalFile) {
  bundlebase::testing::ScratchDir dir;
  std::string path = dir.WriteFile("x.csv", "a,b\n1,2\n");
  ASSERT_OK_AND_ASSIGN(auto b, ReadCsvFile(path));
  EXPECT_EQ(Row(*b, 0), (V{"1", "2"}));
  auto missing = ReadCsvFile(dir.Path("nope.csv"));
  EXPECT_TRUE(missing.status().IsNotFound()) << missing.status().ToString();
}

}  // namespace
}  // namespace bundlebase::csv
