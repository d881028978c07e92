// LIKE / ILIKE (fast paths, '_' on UTF-8, escapes) and the regular expression operators.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

std::string Like(const char* text, const char* pattern) {
  return Eval("like", {Text(text), Text(pattern)});
}

TEST(LikeTest, FastPathsAndGeneralPatterns) {
  EXPECT_EQ(Like("hello", "hello"), "true");
  EXPECT_EQ(Like("hello", "hell"), "false");
  EXPECT_EQ(Like("hello", "he%"), "true");
  EXPECT_EQ(Like("hello", "%lo"), "true");
  EXPECT_EQ(Like("hello", "%ll%"), "true");
  EXPECT_EQ(Like("hello", "%x%"), "false");
  EXPECT_EQ(Like("hello", "%"), "true");
  EXPECT_EQ(Like("", "%"), "true");
  EXPECT_EQ(Like("", "_"), "false");
  EXPECT_EQ(Like("hello", "h_l%o"), "true");
  EXPECT_EQ(Like("héllo", "h_llo"), "true");
  EXPECT_EQ(Like("abcabc", "%b%c"), "true");
  EXPECT_EQ(Like("abcabd", "%b%c"), "false");
  EXPECT_EQ(Like("abc", "a%%c"), "true");
  EXPECT_EQ(Like("abc", "a%b%"), "true");
  EXPECT_EQ(Like("a%c", "a\\%c"), "true");
  EXPECT_EQ(Like("abc", "a\\%c"), "false");
  EXPECT_EQ(Eval("like", {Text("a_c"), Text("a#_c"), Text("#")}), "true");
  EXPECT_EQ(Eval("like", {Text("abc"), Text("a\\")}),
            "error: LIKE pattern must not end with escape character");
  EXPECT_EQ(Eval("ilike", {Text("HeLLo"), Text("hel%")}), "true");
  EXPECT_EQ(Eval("ilike", {Text("ÉTÉ"), Text("été")}), "true");
}

TEST(LikeTest, ColumnsOfTextsAndPatterns) {
  auto texts = Column(Utf8(), {"apple", std::nullopt, "banana", "cherry"});
  ASSERT_OK_AND_ASSIGN(auto out, Call("like", {texts, Datum(Text("%an%"))}));
  EXPECT_EQ(Texts(out), Rows({"false", "NULL", "true", "false"}));
  auto patterns = Column(Utf8(), {"a%", "b%", std::nullopt, "%y"});
  ASSERT_OK_AND_ASSIGN(out, Call("like", {texts, patterns}));
  EXPECT_EQ(Texts(out), Rows({"true", "NULL", "NULL", "true"}));
  ASSERT_OK_AND_ASSIGN(out, Call("like", {texts->Slice(2, 2), Datum(Text("%rr%"))}));
  EXPECT_EQ(Texts(out), Rows({"false", "true"}));
}

TEST(RegexTest, Operators) {
  EXPECT_EQ(Eval("~", {Text("abc123"), Text("\\d+")}), "true");
  EXPECT_EQ(Eval("~", {Text("abc"), Text("^b")}), "false");
  EXPECT_EQ(Eval("~*", {Text("ABC"), Text("b")}), "true");
  EXPECT_EQ(Eval("!~", {Text("ABC"), Text("b")}), "true");
  EXPECT_EQ(Eval("!~*", {Text("ABC"), Text("b")}), "false");
  EXPECT_EQ(Eval("~", {Text("a b"), Text("\\s")}), "true");
  EXPECT_EQ(Eval("~", {Text("x"), Text("[\\d]")}), "false");
  EXPECT_NE(Eval("~", {Text("x"), Text("(")}).find("invalid regular expression"), std::string::npos);
  EXPECT_NE(Eval("~", {Text("x"), Text("a*?")}).find("non-greedy"), std::string::npos);
  auto texts = Column(Utf8(), {"a1", std::nullopt, "bb"});
  ASSERT_OK_AND_ASSIGN(auto out, Call("~", {texts, Datum(Text("[0-9]"))}));
  EXPECT_EQ(Texts(out), Rows({"true", "NULL", "false"}));
}

}  // namespace
}  // namespace bundlebase::sql
