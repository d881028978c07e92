// FindSyntaxError: the position and reason of the first error, for every kind of bad JSON.
#include "formats/json/syntax_check.h"

#include <gtest/gtest.h>

namespace bundlebase::json {
namespace {

std::string Describe(std::string_view text) {
  auto error = FindSyntaxError(text);
  return error ? std::to_string(error->offset) + ": " + error->message : "ok";
}

TEST(SyntaxCheckTest, ValidDocuments) {
  EXPECT_EQ(Describe(R"({"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"]})"), "ok");
  EXPECT_EQ(Describe(" [ ] "), "ok");
  EXPECT_EQ(Describe("{}"), "ok");
  EXPECT_EQ(Describe("0"), "ok");
  EXPECT_EQ(Describe(R"([[[[]]], {"": {}}])"), "ok");
}

TEST(SyntaxCheckTest, TruncatedInput) {
  EXPECT_EQ(Describe(R"({"a": 1)"), "7: unexpected end of input");
  EXPECT_EQ(Describe(R"([1, 2,)"), "6: unexpected end of input");
  EXPECT_EQ(Describe(R"({"a": "abc)"), "6: unterminated string");
  EXPECT_EQ(Describe(R"({"a")"), "4: unexpected end of input");
  EXPECT_EQ(Describe(""), "0: no JSON value (the text is empty)");
}

TEST(SyntaxCheckTest, StructureErrors) {
  EXPECT_EQ(Describe(R"({"a" 1})"), "5: expected ':' after an object key but found '1'");
  EXPECT_EQ(Describe(R"({"a": 1,})"), "8: expected a string key but found '}'");
  EXPECT_EQ(Describe(R"([1,])"), "3: unexpected character ']'");
  EXPECT_EQ(Describe(R"([1 2])"), "3: expected ',' or ']' but found '2'");
  EXPECT_EQ(Describe(R"({a: 1})"), "1: expected a string key but found 'a'");
  EXPECT_EQ(Describe(R"({"a": 1} x)"), "9: unexpected content after the JSON value");
  EXPECT_EQ(Describe(R"({"a": 1}})"), "8: unexpected content after the JSON value");
}

TEST(SyntaxCheckTest, ScalarErrors) {
  EXPECT_EQ(Describe("[01]"), "1: invalid number: leading zero");
  EXPECT_EQ(Describe("[1.]"), "1: invalid number: no digits after the decimal point");
  EXPECT_EQ(Describe("[1e]"), "1: invalid number: no digits in the exponent");
  EXPECT_EQ(Describe("[-]"), "1: invalid number");
  EXPECT_EQ(Describe("[12abc]"), "1: invalid number");
  EXPECT_EQ(Describe("[1e400]"), "1: number out of range");
  EXPECT_EQ(Describe("[tru]"), "1: invalid literal 'tru'");
  EXPECT_EQ(Describe("[nulls]"), "1: invalid literal 'nulls'");
  EXPECT_EQ(Describe(R"(["\q"])"), "2: invalid escape sequence '\\q'");
  EXPECT_EQ(Describe(R"(["\u12"])"), "2: invalid \\u escape: expected four hex digits");
  EXPECT_EQ(Describe(R"(["\ud800x"])"),
            "2: invalid \\u escape: a high surrogate without a low surrogate");
  EXPECT_EQ(Describe(R"(["\udc00"])"),
            "2: invalid \\u escape: a low surrogate without a high surrogate");
  EXPECT_EQ(Describe("[\"a\tb\"]"), "3: unescaped control character U+0009 in a string");
}

TEST(SyntaxCheckTest, InvalidUtf8IsTheFirstError) {
  EXPECT_EQ(Describe("[\"\xff\"]"), "2: invalid UTF-8");
  // The grammar error comes first here, so it wins.
  EXPECT_EQ(Describe("[x, \"\xff\"]"), "1: unexpected character 'x'");
  EXPECT_EQ(Describe("\x89PNG"), "0: invalid UTF-8");
}

TEST(SyntaxCheckTest, DeepNestingNeedsNoRecursion) {
  std::string deep(100000, '[');
  EXPECT_EQ(Describe(deep), "100000: unexpected end of input");
  EXPECT_EQ(Describe(deep + std::string(100000, ']')), "ok");
}

TEST(SyntaxCheckTest, PositionOfCountsLinesAndColumns) {
  std::string text = "ab\ncde\nf";
  EXPECT_EQ(PositionOf(text, 0).line, 1u);
  EXPECT_EQ(PositionOf(text, 0).column, 1u);
  EXPECT_EQ(PositionOf(text, 4).line, 2u);
  EXPECT_EQ(PositionOf(text, 4).column, 2u);
  EXPECT_EQ(PositionOf(text, 7).line, 3u);
  EXPECT_EQ(PositionOf(text, 7).column, 1u);
  EXPECT_EQ(PositionOf(text, 100).line, 3u);
}

}  // namespace
}  // namespace bundlebase::json
