// Tests for the known-failures list: parsing (and its errors), lookups, and the text written
// by --write-known-failures reading back as the same list.
#include "known_failures.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bundlebase::sql {
namespace {

TEST(KnownFailures, ParsesEntriesCommentsAndBlankLines) {
  ASSERT_OK_AND_ASSIGN(KnownFailures list,
                       KnownFailures::Parse("# header\n\njoins.test:12  # wrong result\n"
                                            "  joins.test:3\t#  bad # with hash  \n"
                                            "casts.test:40\n",
                                            "list.txt"));
  EXPECT_EQ(list.size(), 3u);
  ASSERT_NE(list.Find("joins.test", 12), nullptr);
  EXPECT_EQ(*list.Find("joins.test", 12), "wrong result");
  EXPECT_EQ(*list.Find("joins.test", 3), "bad # with hash");
  EXPECT_EQ(*list.Find("casts.test", 40), "");
  EXPECT_EQ(list.Find("joins.test", 40), nullptr);
  EXPECT_EQ(list.Find("select.test", 12), nullptr);
  EXPECT_EQ(list.LinesOf("joins.test"), (std::vector<int>{3, 12}));
  EXPECT_TRUE(list.LinesOf("select.test").empty());
}

TEST(KnownFailures, RejectsMalformedAndDuplicateEntriesNamingTheLine) {
  struct Case {
    const char* text;
    const char* message_part;
  };
  for (const Case& c : {Case{"joins.test  # no line\n", "list.txt:1: expected '<file>.test"},
                        Case{"\njoins.sql:3\n", "list.txt:2: expected"},
                        Case{"tests/sql/joins.test:3\n", "list.txt:1: expected"},
                        Case{"joins.test:x3\n", "'x3' is not a positive line number"},
                        Case{"joins.test:0\n", "'0' is not a positive line number"},
                        Case{"joins.test:3 # a\njoins.test:3 # b\n", "list.txt:2: "
                                                                      "'joins.test:3' is "
                                                                      "listed twice"}}) {
    auto list = KnownFailures::Parse(c.text, "list.txt");
    ASSERT_FALSE(list.ok()) << c.text;
    EXPECT_NE(list.status().message().find(c.message_part), std::string::npos)
        << list.status().message();
  }
}

TEST(KnownFailures, ReadNamesAMissingFile) {
  auto list = KnownFailures::Read("/nonexistent/known_failures.txt");
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.status().message().find("/nonexistent/known_failures.txt"), std::string::npos);
}

TEST(KnownFailures, WrittenListIsSortedCountedAndReadsBack) {
  std::string text = FormatKnownFailures({{"select.test", 7, "wrong result"},
                                          {"joins.test", 30, "column \"x\" does not exist"},
                                          {"joins.test", 4, ""}});
  size_t joins_4 = text.find("joins.test:4  # failed\n");
  size_t joins_30 = text.find("joins.test:30  # column \"x\" does not exist\n");
  size_t select_7 = text.find("select.test:7  # wrong result\n");
  ASSERT_NE(joins_4, std::string::npos) << text;
  ASSERT_NE(joins_30, std::string::npos) << text;
  ASSERT_NE(select_7, std::string::npos) << text;
  EXPECT_LT(joins_4, joins_30);
  EXPECT_LT(joins_30, select_7);
  EXPECT_NE(text.find("# joins.test: 2 records\n"), std::string::npos);
  EXPECT_NE(text.find("# 3 records.\n"), std::string::npos);
  ASSERT_OK_AND_ASSIGN(KnownFailures list, KnownFailures::Parse(text, "written"));
  EXPECT_EQ(list.size(), 3u);
  EXPECT_EQ(*list.Find("joins.test", 30), "column \"x\" does not exist");
}

TEST(KnownFailures, ReasonsAreOneShortLineAndFilesAreNamedWithoutDirectories) {
  EXPECT_EQ(ShortReason("  syntax error at \"FROM\"\nLINE 1: SELECT FROM\n"),
            "syntax error at \"FROM\"");
  std::string reason = ShortReason(std::string(500, 'x'));
  EXPECT_EQ(reason.size(), 120u);
  EXPECT_EQ(reason.substr(117), "...");
  EXPECT_EQ(KnownFailureFileName("/home/user/bundlebase/tests/sql/joins.test"), "joins.test");
  EXPECT_EQ(KnownFailureFileName("joins.test"), "joins.test");
}

}  // namespace
}  // namespace bundlebase::sql
