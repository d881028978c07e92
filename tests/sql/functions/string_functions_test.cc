// String functions: UTF-8 aware lengths and positions, case, trimming, concatenation,
// substring/left/right/pad, split_part, replace and the regexp functions.
#include <gtest/gtest.h>

#include "function_test_util.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT

TEST(StringFunctionsTest, LengthsCountCharacters) {
  EXPECT_EQ(Eval("length", {Text("héllo")}), "5");
  EXPECT_EQ(Eval("char_length", {Text("")}), "0");
  EXPECT_EQ(Eval("octet_length", {Text("é")}), "2");
  auto texts = Column(Utf8(), {"a", std::nullopt, "日本語", "xyz"})->Slice(1, 3);
  ASSERT_OK_AND_ASSIGN(auto out, Call("length", {texts}));
  EXPECT_EQ(Texts(out), Rows({"NULL", "3", "3"}));
}

TEST(StringFunctionsTest, Case) {
  EXPECT_EQ(Eval("lower", {Text("ÀBC Straße ΣΑ")}), "àbc straße σα");
  EXPECT_EQ(Eval("upper", {Text("àbc")}), "ÀBC");
  EXPECT_EQ(Eval("initcap", {Text("hi THOMAS o'neil")}), "Hi Thomas O'Neil");
  EXPECT_EQ(Eval("reverse", {Text("añb")}), "bña");
  ASSERT_OK_AND_ASSIGN(auto out, Call("upper", {Column(Utf8(), {"a", std::nullopt})}));
  EXPECT_EQ(Texts(out), Rows({"A", "NULL"}));
}

TEST(StringFunctionsTest, Trim) {
  EXPECT_EQ(Eval("btrim", {Text("  a b  ")}), "a b");
  EXPECT_EQ(Eval("trim", {Text("xyxtrimyyx"), Text("xy")}), "trim");
  EXPECT_EQ(Eval("ltrim", {Text("zzzytest"), Text("xyz")}), "test");
  EXPECT_EQ(Eval("rtrim", {Text("testxxzx"), Text("xyz")}), "test");
  EXPECT_EQ(Eval("btrim", {Text("ééaé"), Text("é")}), "a");
  EXPECT_EQ(Eval("btrim", {Text("xx"), Text("x")}), "");
}

TEST(StringFunctionsTest, Concatenation) {
  EXPECT_EQ(Eval("||", {Text("Post"), Text("greSQL")}), "PostgreSQL");
  EXPECT_EQ(Eval("||", {Text("n="), I32(5)}), "n=5");
  EXPECT_EQ(Eval("||", {Text("a"), Scalar::MakeNull(Utf8())}), "NULL");
  EXPECT_EQ(Eval("concat", {Text("abc"), I32(2), Scalar::MakeNull(Utf8()), I32(22)}), "abc222");
  EXPECT_EQ(Eval("concat_ws", {Text(","), Text("abc"), I32(2), Scalar::MakeNull(Int32())}), "abc,2");
  EXPECT_EQ(Eval("concat_ws", {Scalar::MakeNull(Utf8()), Text("abc")}), "NULL");
  auto a = Column(Utf8(), {"x", std::nullopt, "z"});
  ASSERT_OK_AND_ASSIGN(auto out, Call("concat", {a, Datum(Text("!"))}));
  EXPECT_EQ(Texts(out), Rows({"x!", "!", "z!"}));
}

TEST(StringFunctionsTest, SubstringLeftRight) {
  EXPECT_EQ(Eval("substring", {Text("Thomas"), I64(2), I64(3)}), "hom");
  EXPECT_EQ(Eval("substring", {Text("Thomas"), I64(0), I64(3)}), "Th");
  EXPECT_EQ(Eval("substring", {Text("Thomas"), I64(3)}), "omas");
  EXPECT_EQ(Eval("substr", {Text("héllo"), I64(2), I64(2)}), "él");
  EXPECT_EQ(Eval("substring", {Text("abc"), I64(5)}), "");
  EXPECT_EQ(Eval("substring", {Text("abc"), I64(1), I64(-1)}),
            "error: negative substring length not allowed");
  EXPECT_EQ(Eval("left", {Text("abcde"), I32(2)}), "ab");
  EXPECT_EQ(Eval("left", {Text("abcde"), I32(-2)}), "abc");
  EXPECT_EQ(Eval("right", {Text("abcde"), I32(2)}), "de");
  EXPECT_EQ(Eval("right", {Text("abcde"), I32(-2)}), "cde");
  EXPECT_EQ(Eval("right", {Text("ab"), I32(-5)}), "");
}

TEST(StringFunctionsTest, Padding) {
  EXPECT_EQ(Eval("lpad", {Text("hi"), I32(5), Text("xy")}), "xyxhi");
  EXPECT_EQ(Eval("rpad", {Text("hi"), I32(5), Text("xy")}), "hixyx");
  EXPECT_EQ(Eval("lpad", {Text("hello"), I32(2)}), "he");
  EXPECT_EQ(Eval("lpad", {Text("7"), I32(3)}), "  7");
  EXPECT_EQ(Eval("rpad", {Text("é"), I32(3), Text("ü")}), "éüü");
}

TEST(StringFunctionsTest, SearchAndSplit) {
  EXPECT_EQ(Eval("strpos", {Text("high"), Text("ig")}), "2");
  EXPECT_EQ(Eval("position", {Text("héllo"), Text("l")}), "3");
  EXPECT_EQ(Eval("strpos", {Text("high"), Text("x")}), "0");
  EXPECT_EQ(Eval("starts_with", {Text("alphabet"), Text("alph")}), "true");
  EXPECT_EQ(Eval("split_part", {Text("abc~@~def~@~ghi"), Text("~@~"), I32(2)}), "def");
  EXPECT_EQ(Eval("split_part", {Text("a,b,c"), Text(","), I32(-1)}), "c");
  EXPECT_EQ(Eval("split_part", {Text("a,b,c"), Text(","), I32(4)}), "");
  EXPECT_EQ(Eval("split_part", {Text("a,b"), Text(","), I32(0)}), "error: field position must not be zero");
  EXPECT_EQ(Eval("replace", {Text("abcdefabcdef"), Text("cd"), Text("XX")}), "abXXefabXXef");
  EXPECT_EQ(Eval("repeat", {Text("Pg"), I32(3)}), "PgPgPg");
  EXPECT_EQ(Eval("repeat", {Text("Pg"), I32(-1)}), "");
}

TEST(StringFunctionsTest, Characters) {
  EXPECT_EQ(Eval("ascii", {Text("x")}), "120");
  EXPECT_EQ(Eval("ascii", {Text("é")}), "233");
  EXPECT_EQ(Eval("chr", {I32(65)}), "A");
  EXPECT_EQ(Eval("chr", {I32(0)}), "error: null character not permitted");
  EXPECT_EQ(Eval("translate", {Text("12345"), Text("143"), Text("ax")}), "a2x5");
}

TEST(StringFunctionsTest, RegexpFunctions) {
  EXPECT_EQ(Eval("regexp_replace", {Text("Thomas"), Text(".[mN]a."), Text("M")}), "ThM");
  EXPECT_EQ(Eval("regexp_replace", {Text("foobarbaz"), Text("b(..)"), Text("X\\1Y"), Text("g")}),
            "fooXarYXazY");
  EXPECT_EQ(Eval("regexp_replace", {Text("ABC"), Text("b"), Text("x"), Text("i")}), "AxC");
  EXPECT_EQ(Eval("regexp_replace", {Text("abc"), Text("x*"), Text("-"), Text("g")}), "-a-b-c-");
  EXPECT_EQ(Eval("regexp_replace", {Text("abc"), Text("b"), Text("x"), Text("z")}).substr(0, 40),
            "error: invalid regular expression option");
  EXPECT_EQ(Eval("regexp_matches", {Text("foobarbequebaz"), Text("(bar)(beque)")}), "[bar, beque]");
  EXPECT_EQ(Eval("regexp_matches", {Text("abc"), Text("b")}), "[b]");
  EXPECT_EQ(Eval("regexp_matches", {Text("abc"), Text("x")}), "NULL");
}

}  // namespace
}  // namespace bundlebase::sql
