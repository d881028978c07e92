// Tests for the .test file parser: every record kind, conditions, and the errors it reports.
#include "test_file.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bundlebase::sql {
namespace {

TEST(TestFileParser, ReadsEveryRecordKind) {
  std::string text =
      "# a comment\n"
      "statement ok\n"
      "CREATE TABLE t (a INTEGER)\n"
      "\n"
      "statement error column .*nope.* does not exist\n"
      "SELECT nope\n"
      "FROM t\n"
      "\n"
      "onlyif postgres\n"
      "skipif bundlebase\n"
      "query IT rowsort my_label\n"
      "SELECT 1, 'x'\n"
      "----\n"
      "1\tx\n"
      "\n"
      "halt\n";
  ASSERT_OK_AND_ASSIGN(TestFile file, ParseTestText("f.test", text));
  ASSERT_EQ(file.records.size(), 4u);
  EXPECT_EQ(file.records[0].kind, RecordKind::kStatementOk);
  EXPECT_EQ(file.records[0].line, 2);
  EXPECT_EQ(file.records[1].kind, RecordKind::kStatementError);
  EXPECT_EQ(file.records[1].error_regex, "column .*nope.* does not exist");
  EXPECT_EQ(file.records[1].sql, "SELECT nope\nFROM t");
  const Record& query = file.records[2];
  EXPECT_EQ(query.kind, RecordKind::kQuery);
  EXPECT_EQ(query.types, "IT");
  EXPECT_EQ(query.sort_mode, SortMode::kRowSort);
  EXPECT_EQ(query.label, "my_label");
  EXPECT_EQ(query.expected_lines, std::vector<std::string>{"1\tx"});
  EXPECT_EQ(query.results_begin, 12u);
  EXPECT_EQ(query.end, 14u);
  EXPECT_TRUE(query.RunsOn("postgres"));
  EXPECT_FALSE(query.RunsOn("bundlebase"));
  EXPECT_FALSE(query.RunsOn("other"));
  EXPECT_EQ(file.records[3].kind, RecordKind::kHalt);
}

TEST(TestFileParser, QueryWithoutResultSectionExpectsNoRows) {
  ASSERT_OK_AND_ASSIGN(TestFile file, ParseTestText("f.test", "query I\nSELECT 1 WHERE false\n"));
  ASSERT_EQ(file.records.size(), 1u);
  EXPECT_TRUE(file.records[0].expected_lines.empty());
  EXPECT_EQ(file.records[0].sort_mode, SortMode::kNoSort);
}

TEST(TestFileParser, ErrorsNameTheFileAndLine) {
  auto bad_type = ParseTestText("f.test", "\nquery IX\nSELECT 1\n");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_NE(bad_type.status().message().find("f.test:2:"), std::string::npos);
  EXPECT_NE(bad_type.status().message().find("'X'"), std::string::npos);

  auto unknown = ParseTestText("f.test", "statment ok\nSELECT 1\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("f.test:1: unknown record"), std::string::npos);

  auto no_sql = ParseTestText("f.test", "statement ok\n\n");
  EXPECT_FALSE(no_sql.ok());

  auto results_on_statement = ParseTestText("f.test", "statement ok\nSELECT 1\n----\n1\n");
  EXPECT_FALSE(results_on_statement.ok());

  auto dangling_condition = ParseTestText("f.test", "onlyif postgres\n");
  EXPECT_FALSE(dangling_condition.ok());
}

}  // namespace
}  // namespace bundlebase::sql
