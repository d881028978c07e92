// Bad input never crashes or hangs: each kind gives an error naming the file, line and column,
// showing the line and the dialect that was used. Also the edge cases that are not errors.
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "csv_test_util.h"

namespace bundlebase::csv {
namespace {

using testing::Column;
using testing::Read;
using testing::ReadError;
using V = std::vector<std::string>;

void ExpectContains(const std::string& message, const std::vector<std::string>& parts) {
  for (const std::string& p : parts) {
    EXPECT_NE(message.find(p), std::string::npos) << "missing '" << p << "' in:\n" << message;
  }
}

TEST(CsvReaderErrorsTest, ZeroByteFileIsAnErrorUnlessColumnsAreGiven) {
  auto empty = Read("");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(empty.status().IsInvalid());
  EXPECT_NE(empty.status().message().find("the file is empty (0 bytes)"), std::string::npos)
      << empty.status().message();
  auto blank = Read("\xef\xbb\xbf\n\r\n  \n");
  ASSERT_FALSE(blank.ok());
  EXPECT_NE(blank.status().message().find("only blank lines"), std::string::npos)
      << blank.status().message();
  CsvReadOptions o;
  o.column_names = {"a", "b"};
  o.column_types = {{"b", Int64()}};
  ASSERT_OK_AND_ASSIGN(auto named, Read("", o));
  EXPECT_EQ(named->schema()->names(), (V{"a", "b"}));
  EXPECT_EQ(testing::TypeNames(*named), (V{"utf8", "int64"}));
}

TEST(CsvReaderErrorsTest, HeaderOnlyFileHasColumnsAndNoRows) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("id,name\n"));
  EXPECT_EQ(b->schema()->names(), (V{"id", "name"}));
  EXPECT_EQ(b->num_rows(), 0);
}

TEST(CsvReaderErrorsTest, TruncatedRecordNamesTheLine) {
  std::string m = ReadError("a,b,c\n1,2,3\n4,5");
  ExpectContains(m, {"test.csv: line 3", "expected 3 fields, found 2", "null_padding",
                     "line 3: 4,5", "delimiter ',' (detected)"});
}

TEST(CsvReaderErrorsTest, TooManyFields) {
  std::string m = ReadError("a,b\n1,2\n3,4,5\n");
  ExpectContains(m, {"line 3, column 3", "expected 2 fields, found 3", "line 3: 3,4,5"});
}

TEST(CsvReaderErrorsTest, TruncatedInsideQuotes) {
  std::string m = ReadError("a,b\n1,x\n2,\"abc");
  ExpectContains(m, {"line 3, column 2", "never closed", "unbalanced quote"});
}

TEST(CsvReaderErrorsTest, UnbalancedQuoteInLargeFile) {
  std::string text = "a,b\n1,\"oops\n";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",x\n";
  CsvReadOptions o;
  o.block_bytes = 4096;
  std::string m = ReadError(text, o);
  ExpectContains(m, {"test.csv: line 2, column 2", "never closed"});
}

TEST(CsvReaderErrorsTest, UnbalancedQuoteBeyondRecordLimit) {
  std::string text = "a,b\n1,\"oops\n";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",x\n";
  CsvReadOptions o;
  o.quote = '"';
  o.block_bytes = 1024;
  o.max_record_bytes = 4096;
  std::string m = ReadError(text, o);
  ExpectContains(m, {"line 2", "never closed"});
}

TEST(CsvReaderErrorsTest, StrayQuote) {
  CsvReadOptions o;
  o.quote = '"';
  std::string m = ReadError("a,b\n1,x\"y\n", o);
  ExpectContains(m, {"line 2, column 2 (\"b\")", "inside an unquoted field", "quote to none",
                     "quote '\"' (given)"});
}

TEST(CsvReaderErrorsTest, TextAfterClosingQuote) {
  CsvReadOptions o;
  o.quote = '"';
  o.escape = '"';
  std::string m = ReadError("a,b\n1,\"x\"y\n", o);
  ExpectContains(m, {"line 2, column 2", "closing quote", "found 'y'"});
}

TEST(CsvReaderErrorsTest, InvalidUtf8) {
  std::string m = ReadError("a,b\n1,ok\n2,caf\xe9\n");
  ExpectContains(m, {"line 3, column 2 (\"b\")", "invalid UTF-8", "0xe9", "Latin-1"});
  CsvReadOptions o;
  o.column_types = {{"b", Binary()}};
  ASSERT_OK_AND_ASSIGN(auto b, Read("a,b\n1,ok\n2,caf\xe9\n", o));
  EXPECT_EQ(b->num_rows(), 2);
  std::string header = ReadError("a,\xff\xfe" "b\n1,2\n");
  ExpectContains(header, {"line 1, column 2", "invalid UTF-8"});
}

TEST(CsvReaderErrorsTest, BadValueAfterTheSampleNamesValueTypeAndHint) {
  std::string text = "id,name\n";
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + ",n" + std::to_string(i) + "\n";
  text += "oops,late\n";
  CsvReadOptions o;
  o.sample_regions = 0;
  std::string m = ReadError(text, o);
  ExpectContains(m, {"test.csv: line 50002, column 1 (\"id\")", "cannot read 'oops' as int64",
                     "inferred from", "column_types", "line 50002: oops,late"});
  o.sample_rows = 0;  // the whole file: the late value makes the column text
  ASSERT_OK_AND_ASSIGN(auto b, Read(text, o));
  EXPECT_EQ(b->schema()->field(0).type->ToString(), "utf8");
}

TEST(CsvReaderErrorsTest, SampledRegionsCatchLateTypeChanges) {
  std::string text = "id,v\n";
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + "," + std::to_string(i) + "\n";
  for (int i = 0; i < 20000; ++i) {
    text += 'x';
    text += std::to_string(i) + ",1.5\n";
  }
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + "," + std::to_string(i) + "\n";
  ASSERT_OK_AND_ASSIGN(auto b, Read(text));
  EXPECT_EQ(testing::TypeNames(*b), (V{"utf8", "float64"}));
  EXPECT_EQ(b->num_rows(), 120000);
}

TEST(CsvReaderErrorsTest, GivenTypeThatDoesNotFit) {
  CsvReadOptions o;
  o.column_types = {{"a", Int32()}};
  std::string m = ReadError("a\n1\n99999999999\n", o);
  ExpectContains(m, {"line 3", "cannot read '99999999999' as int32", "given in column_types"});
}

TEST(CsvReaderErrorsTest, TenMegabyteField) {
  std::string big(10 << 20, 'x');
  std::string text = "a,b\n1,\"" + big + "\"\n2,y\n";
  ASSERT_OK_AND_ASSIGN(auto b, Read(text));
  ASSERT_EQ(b->num_rows(), 2);
  EXPECT_EQ(b->column(1)->GetView(0).size(), big.size());
  CsvReadOptions o;
  o.max_record_bytes = 1 << 20;
  std::string m = ReadError(text, o);
  ExpectContains(m, {"line 2", "max_record_bytes = 1 MiB"});
  // Unquoted, on one line, with tiny blocks: the same limit applies.
  o.block_bytes = 4096;
  std::string unquoted = "a,b\n1," + big + "\n2,y\n";
  ExpectContains(ReadError(unquoted, o), {"line 2", "longer than max_record_bytes = 1 MiB"});
}

TEST(CsvReaderErrorsTest, HugeFirstRecord) {
  std::string big(20 << 20, 'x');
  ASSERT_OK_AND_ASSIGN(auto b, Read("\"" + big + "\",b\n1,2\n"));
  EXPECT_EQ(b->schema()->field(0).name.size(), big.size());
  CsvReadOptions o;
  o.max_record_bytes = 1 << 20;
  ExpectContains(ReadError("\"" + big + "\",b\n1,2\n", o),
                 {"no complete record", "max_record_bytes"});
}

TEST(CsvReaderErrorsTest, BinaryFilesAreRecognized) {
  ExpectContains(ReadError(std::string("PAR1\x15\x04\x15\x10", 8) + "rest"),
                 {"test.csv", "not a CSV file", "Parquet"});
  ExpectContains(ReadError(std::string("\x1f\x8b\x08\x00\x00", 5)), {"gzip"});
  ExpectContains(ReadError(std::string("\xff\xfe" "a\0,\0b\0", 8)), {"UTF-16"});
  std::mt19937 rng(1);
  std::string noise;
  for (int i = 0; i < 100000; ++i) noise.push_back(static_cast<char>(rng()));
  std::string m = ReadError(noise);
  ExpectContains(m, {"test.csv", "NUL byte"});
}

TEST(CsvReaderErrorsTest, TextThatStartsLikeAMagicNumberIsStillCsv) {
  ASSERT_OK_AND_ASSIGN(auto b, Read("PAR1,PK\n1,2\n"));
  EXPECT_EQ(b->schema()->names(), (V{"PAR1", "PK"}));
  ASSERT_OK_AND_ASSIGN(auto pdf, Read("%PDF-notes\nx\n"));
  EXPECT_EQ(pdf->num_rows(), 1);
}

TEST(CsvReaderErrorsTest, RandomBytesNeverCrash) {
  std::mt19937 rng(99);
  const std::string alphabet = "ab1,;\t|\"'\\\n\r \xc3\xa9\xff";
  for (int iter = 0; iter < 3000; ++iter) {
    std::string s;
    for (size_t n = rng() % 400; n > 0; --n) s.push_back(alphabet[rng() % alphabet.size()]);
    CsvReadOptions o;
    o.block_bytes = 1 + rng() % 64;
    o.null_padding = rng() % 2;
    auto r = Read(s, o);
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("test.csv"), std::string::npos) << r.status().message();
    }
  }
}

// Degenerate shapes must finish quickly (the test timeout catches a hang or a quadratic loop).
TEST(CsvReaderErrorsTest, PathologicalShapesFinish) {
  const size_t n = 4 << 20;
  std::string wide;
  for (int i = 0; i < 50000; ++i) wide += "c,";
  wide += "c\n" + std::string(50000, ',') + "\n";
  CsvReadOptions header;
  header.header = true;
  ASSERT_OK_AND_ASSIGN(auto b, Read(wide, header));
  EXPECT_EQ(b->num_columns(), 50001);
  EXPECT_EQ(b->num_rows(), 1);
  EXPECT_EQ(b->schema()->field(50000).name, "c_50000");
  ExpectContains(ReadError(std::string(n, ',')), {"4194305 fields, more than max_columns"});
  for (char c : {'"', ',', '\n', '\r', ' ', 'x', '\''}) {
    auto r = Read(std::string(n, c));
    if (!r.ok()) ExpectContains(r.status().message(), {"test.csv"});
  }
  auto quotes = Read("a\n" + std::string(n, '"') + "\n");
  ASSERT_OK(quotes.status());
  EXPECT_EQ((*quotes)->column(0)->GetView(0).size(), n / 2 - 1);
}

TEST(CsvReaderErrorsTest, BinaryFileOnDisk) {
  bundlebase::testing::ScratchDir dir;
  std::string bytes = "PAR1";
  for (int i = 0; i < 5000; ++i) bytes.push_back(static_cast<char>(i * 7));
  std::string path = dir.WriteFile("data.csv", bytes);
  auto r = ReadCsvFile(path);
  ASSERT_FALSE(r.ok());
  ExpectContains(r.status().message(), {"data.csv", "Parquet"});
}

TEST(CsvReaderErrorsTest, InvalidOptions) {
  CsvReadOptions o;
  o.delimiter = '\n';
  EXPECT_TRUE(Read("a\n", o).status().IsInvalid());
  o = {};
  o.delimiter = '"';
  o.quote = '"';
  EXPECT_TRUE(Read("a\n", o).status().IsInvalid());
  o = {};
  o.batch_rows = 0;
  EXPECT_TRUE(Read("a\n", o).status().IsInvalid());
  o = {};
  o.column_types = {{"a", List(Int64())}};
  EXPECT_EQ(Read("a\n1\n", o).status().code(), StatusCode::kNotImplemented);
}

TEST(CsvReaderErrorsTest, ErrorAfterGoodBatchesComesInOrder) {
  std::string text = "n\n";
  for (int i = 0; i < 5000; ++i) text += std::to_string(i) + "\n";
  text += "bad\n";
  CsvReadOptions o;
  o.block_bytes = 1000;
  o.batch_rows = 100000;
  o.sample_regions = 0;
  o.sample_rows = 100;
  ASSERT_OK_AND_ASSIGN(auto reader, testing::OpenText(text, o));
  int64_t rows = 0;
  Status error;
  for (;;) {
    auto next = reader->Next();
    if (!next.ok()) {
      error = next.status();
      break;
    }
    if (!*next) break;
    rows += (*next)->num_rows();
  }
  // Every block before the bad one arrives; the bad block's good rows do not.
  EXPECT_GT(rows, 4500);
  EXPECT_LT(rows, 5000);
  ExpectContains(error.message(), {"t.csv: line 5002", "cannot read 'bad' as int64"});
  // The error is sticky.
  EXPECT_FALSE(reader->Next().ok());
}

}  // namespace
}  // namespace bundlebase::csv
