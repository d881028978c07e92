// Dialect sniffing, header names and type inference on their own.
#include "formats/csv/dialect_sniffer.h"

#include <gtest/gtest.h>

#include "formats/csv/column_names.h"
#include "formats/csv/type_inference.h"
#include "test_util.h"

namespace bundlebase::csv {
namespace {

using V = std::vector<std::string>;

CsvDialect Sniff(std::string_view text, CsvReadOptions o = {}) {
  auto d = SniffDialect(text, true, o);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? *d : CsvDialect{};
}

TEST(DialectSnifferTest, DelimiterByConsistency) {
  EXPECT_EQ(Sniff("a,b;c\n1,2;3\n4,5;6\n").delimiter, ',');  // 3 fields by ',' beats 2
  EXPECT_EQ(Sniff("a;b\n1,5;2\n3,5;4\n").delimiter, ';');
  EXPECT_EQ(Sniff("a\tb c\n1\t2 3\n").delimiter, '\t');
  EXPECT_EQ(Sniff("a|b\n1|2\n").delimiter, '|');
  EXPECT_TRUE(Sniff("a,b\n1,2\n").detected.delimiter);
  CsvReadOptions o;
  o.delimiter = ';';
  CsvDialect given = Sniff("a,b\n1,2\n", o);
  EXPECT_EQ(given.delimiter, ';');
  EXPECT_FALSE(given.detected.delimiter);
}

TEST(DialectSnifferTest, QuoteAndEscape) {
  CsvDialect d = Sniff("a,b\n\"x,y\",1\n\"p\",2\n");
  EXPECT_EQ(d.quote, '"');
  EXPECT_EQ(d.escape, '"');
  EXPECT_EQ(Sniff("a,b\n'x,y',1\n'p',2\n").quote, '\'');
  EXPECT_EQ(Sniff("a,b\n\"x \\\"q\\\" y\",1\n").escape, '\\');
  EXPECT_EQ(Sniff("h,w\nTom,5'11\"\n").quote, '\0');
}

TEST(DialectSnifferTest, LineEndingsAndBom) {
  EXPECT_EQ(Sniff("a,b\r\n1,2\r\n").line_ending, LineEnding::kCrLf);
  EXPECT_EQ(Sniff("a,b\r1,2\r").line_ending, LineEnding::kCr);
  EXPECT_EQ(Sniff("a,b\n1,2\n").line_ending, LineEnding::kLf);
  EXPECT_EQ(Sniff("a,\"x\ry\"\n1,2\n3,4\n").line_ending, LineEnding::kLf);
  EXPECT_EQ(Sniff("a,\"x\ny\"\r1,2\r3,4\r").line_ending, LineEnding::kCr);
  EXPECT_TRUE(Sniff("\xef\xbb\xbf" "a,b\n1,2\n").bom);
}

TEST(DialectSnifferTest, Header) {
  EXPECT_TRUE(Sniff("id,amount\n1,2.5\n2,3.5\n").header);
  EXPECT_FALSE(Sniff("1,2.5\n2,3.5\n").header);
  EXPECT_FALSE(Sniff("2024-01-01,x\n2024-01-02,y\n").header);
  EXPECT_TRUE(Sniff("name,city\nann,paris\nbob,rome\n").header);  // all text: distinct names
  EXPECT_FALSE(Sniff("ann,ann\nbob,rome\n").header);              // all text, repeated value
  EXPECT_TRUE(Sniff("a,b\n").header);
  EXPECT_FALSE(Sniff("1,2\n").header);
}

TEST(DialectSnifferTest, TitleLines) {
  CsvDialect d = Sniff("Quarterly report\n\nRegion,Sales\nNorth,10\nSouth,20\n");
  EXPECT_EQ(d.skip_rows, 2);
  EXPECT_TRUE(d.detected.skip_rows);
  EXPECT_TRUE(d.header);
}

TEST(DialectSnifferTest, BinaryInput) {
  auto d = SniffDialect(std::string_view("a,b\n\0\0\0", 7), true, {});
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("NUL byte at offset 4"), std::string::npos);
}

TEST(DialectSnifferTest, DescribeDialectSaysWhatWasDetected) {
  CsvReadOptions o;
  o.header = true;
  std::string s = DescribeDialect(Sniff("a;b\r\n1;2\r\n", o));
  EXPECT_NE(s.find("delimiter ';' (detected)"), std::string::npos) << s;
  EXPECT_NE(s.find("header: yes (given)"), std::string::npos) << s;
  EXPECT_NE(s.find("line endings: \\r\\n (detected)"), std::string::npos) << s;
}

TEST(ColumnNamesTest, TrimFillAndDeduplicate) {
  EXPECT_EQ(NormalizeColumnNames({" Id ", "Name", "", "name", "NAME", "Name_1"}),
            (V{"Id", "Name", "column_3", "name_2", "NAME_3", "Name_1"}));
  EXPECT_EQ(NormalizeColumnNames({"a", "a", "a_1"}), (V{"a", "a_2", "a_1"}));
  EXPECT_EQ(NormalizeColumnNames({"\xef\xbb\xbfid", "\xef\xbb\xbf"}), (V{"id", "column_2"}));
  EXPECT_EQ(DefaultColumnNames(2), (V{"column_1", "column_2"}));
}

std::string Infer(std::initializer_list<std::string_view> values) {
  ColumnTypeGuess g;
  for (auto v : values) g.Observe(v);
  return g.Resolve()->ToString();
}

TEST(TypeInferenceTest, NarrowestTypeThatFitsEveryValue) {
  EXPECT_EQ(Infer({"true", "FALSE"}), "bool");
  EXPECT_EQ(Infer({"1", "0"}), "int64");
  EXPECT_EQ(Infer({"yes", "no"}), "utf8");
  EXPECT_EQ(Infer({"1", "-2", "+3"}), "int64");
  EXPECT_EQ(Infer({"1", "2.5"}), "float64");
  EXPECT_EQ(Infer({"1e5", "inf"}), "float64");
  EXPECT_EQ(Infer({"nan", "NaN"}), "utf8");
  EXPECT_EQ(Infer({"007", "12"}), "utf8");
  EXPECT_EQ(Infer({"0", "0.5"}), "float64");
  EXPECT_EQ(Infer({"99999999999999999999"}), "utf8");
  EXPECT_EQ(Infer({"2024-01-01", "2024-12-31"}), "date32");
  EXPECT_EQ(Infer({"2024-01-01", "2024-01-01 10:00"}), "timestamp[us]");
  EXPECT_EQ(Infer({"2024-01-01T10:00:00Z", "2024-01-01 10:00:00+01:00"}), "timestamp[us, tz=UTC]");
  EXPECT_EQ(Infer({"2024-01-01T10:00:00Z", "2024-01-01 10:00:00"}), "utf8");
  EXPECT_EQ(Infer({}), "utf8");
  ColumnTypeGuess a, b;
  a.Observe("1");
  b.Observe("1.5");
  a.Merge(b);
  EXPECT_EQ(a.Resolve()->ToString(), "float64");
  EXPECT_FALSE(a.Fits("abc"));
  EXPECT_TRUE(a.Fits("7"));
}

}  // namespace
}  // namespace bundlebase::csv
