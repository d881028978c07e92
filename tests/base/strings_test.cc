// String helpers: splitting, trimming, case, UTF-8 validation, display escaping, suggestions.
#include "base/strings.h"

#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase {
namespace {

using Views = std::vector<std::string_view>;

TEST(SplitTest, KeepsEmptyFields) {
  EXPECT_EQ(Split("a,b,c", ','), (Views{"a", "b", "c"}));
  EXPECT_EQ(Split("a,,b", ','), (Views{"a", "", "b"}));
  EXPECT_EQ(Split(",a,", ','), (Views{"", "a", ""}));
  EXPECT_EQ(Split("", ','), (Views{""}));
  EXPECT_EQ(Split(",", ','), (Views{"", ""}));
  EXPECT_EQ(Split("abc", ','), (Views{"abc"}));
  EXPECT_EQ(Split("a/b", '/'), (Views{"a", "b"}));
}

TEST(SplitTest, SplitAndTrimDropsBlankItems) {
  EXPECT_EQ(SplitAndTrim("*.csv, *.parquet"), (Views{"*.csv", "*.parquet"}));
  EXPECT_EQ(SplitAndTrim(" a , ,b,\t"), (Views{"a", "b"}));
  EXPECT_EQ(SplitAndTrim(""), Views{});
  EXPECT_EQ(SplitAndTrim(" , "), Views{});
  EXPECT_EQ(SplitAndTrim("x; y", ';'), (Views{"x", "y"}));
}

TEST(TrimTest, AsciiWhitespaceOnly) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimLeft("  a "), "a ");
  EXPECT_EQ(TrimRight("  a "), "  a");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t\v\f "), "");
  // A UTF-8 no-break space is not ASCII whitespace.
  EXPECT_EQ(Trim("\xC2\xA0x"), "\xC2\xA0x");
}

TEST(CaseTest, AsciiOnly) {
  EXPECT_EQ(ToLower("Customer ID_9"), "customer id_9");
  EXPECT_EQ(ToUpper("Customer id_9"), "CUSTOMER ID_9");
  EXPECT_EQ(ToLower("\xC3\x89t\xC3\xA9"), "\xC3\x89t\xC3\xA9");  // "Été": non-ASCII untouched
  EXPECT_TRUE(EqualsIgnoreCase("Event_Type", "EVENT_type"));
  EXPECT_FALSE(EqualsIgnoreCase("event", "events"));
  EXPECT_FALSE(EqualsIgnoreCase("a[", "A{"));  // '[' and '{' differ by 32 but are not letters
  EXPECT_TRUE(EqualsIgnoreCase("", ""));
}

TEST(JoinTest, Variants) {
  EXPECT_EQ(Join(std::vector<std::string>{"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join(Views{"x"}, "/"), "x");
  EXPECT_EQ(Join(std::vector<std::string>{}, ","), "");
  EXPECT_EQ(Join(Views{"", ""}, ","), ",");
}

TEST(ReplaceAllTest, NonOverlappingLeftToRight) {
  EXPECT_EQ(ReplaceAll("a-b-c", "-", "+"), "a+b+c");
  EXPECT_EQ(ReplaceAll("aaa", "aa", "b"), "ba");
  EXPECT_EQ(ReplaceAll("abc", "", "x"), "abc");
  EXPECT_EQ(ReplaceAll("abc", "abc", ""), "");
  EXPECT_EQ(ReplaceAll("xx", "x", "xx"), "xxxx");
  EXPECT_EQ(ReplaceAll("", "a", "b"), "");
}

constexpr size_t npos = std::string_view::npos;

TEST(Utf8Test, AcceptsWellFormed) {
  EXPECT_EQ(ValidateUtf8(""), npos);
  EXPECT_EQ(ValidateUtf8("plain ascii text that is longer than eight bytes"), npos);
  EXPECT_EQ(ValidateUtf8("\xC2\x80"), npos);              // U+0080
  EXPECT_EQ(ValidateUtf8("\xDF\xBF"), npos);              // U+07FF
  EXPECT_EQ(ValidateUtf8("\xE0\xA0\x80"), npos);          // U+0800
  EXPECT_EQ(ValidateUtf8("\xED\x9F\xBF"), npos);          // U+D7FF
  EXPECT_EQ(ValidateUtf8("\xEE\x80\x80"), npos);          // U+E000
  EXPECT_EQ(ValidateUtf8("\xEF\xBF\xBF"), npos);          // U+FFFF
  EXPECT_EQ(ValidateUtf8("\xF0\x90\x80\x80"), npos);      // U+10000
  EXPECT_EQ(ValidateUtf8("\xF4\x8F\xBF\xBF"), npos);      // U+10FFFF
  EXPECT_EQ(ValidateUtf8("caf\xC3\xA9 \xE2\x82\xAC 12345678 \xF0\x9F\x98\x80"), npos);
  EXPECT_EQ(ValidateUtf8(std::string_view("a\0b", 3)), npos);  // NUL is valid UTF-8
}

TEST(Utf8Test, RejectsIllFormedAtTheRightOffset) {
  EXPECT_EQ(ValidateUtf8("\x80"), 0u);                   // lone continuation byte
  EXPECT_EQ(ValidateUtf8("abc\xBF"), 3u);
  EXPECT_EQ(ValidateUtf8("\xC0\xAF"), 0u);               // overlong '/'
  EXPECT_EQ(ValidateUtf8("\xC1\xBF"), 0u);               // overlong
  EXPECT_EQ(ValidateUtf8("\xE0\x80\xAF"), 0u);           // overlong 3-byte
  EXPECT_EQ(ValidateUtf8("\xE0\x9F\xBF"), 0u);           // overlong 3-byte (U+07FF)
  EXPECT_EQ(ValidateUtf8("\xF0\x80\x80\xAF"), 0u);       // overlong 4-byte
  EXPECT_EQ(ValidateUtf8("\xF0\x8F\xBF\xBF"), 0u);       // overlong 4-byte (U+FFFF)
  EXPECT_EQ(ValidateUtf8("\xED\xA0\x80"), 0u);           // surrogate U+D800
  EXPECT_EQ(ValidateUtf8("\xED\xBF\xBF"), 0u);           // surrogate U+DFFF
  EXPECT_EQ(ValidateUtf8("\xF4\x90\x80\x80"), 0u);       // U+110000
  EXPECT_EQ(ValidateUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(ValidateUtf8("\xFF"), 0u);
  EXPECT_EQ(ValidateUtf8("\xFE"), 0u);
  EXPECT_EQ(ValidateUtf8("ok \xC3"), 3u);                // truncated at end of input
  EXPECT_EQ(ValidateUtf8("\xE2\x82"), 0u);
  EXPECT_EQ(ValidateUtf8("\xF0\x9F\x98"), 0u);
  EXPECT_EQ(ValidateUtf8("\xC3(x"), 0u);                 // continuation replaced by ASCII
  EXPECT_EQ(ValidateUtf8("\xE2\x28\xA1"), 0u);
  EXPECT_EQ(ValidateUtf8("\xE2\x82\x28"), 0u);           // bad third byte
  EXPECT_EQ(ValidateUtf8("\xF0\x9F\x98\x28"), 0u);       // bad fourth byte
}

TEST(Utf8Test, OffsetsAfterFastPathAndMultibyte) {
  std::string s(100, 'x');
  s += "\xC3\xA9";
  EXPECT_EQ(ValidateUtf8(s), npos);
  s += std::string(13, 'y') + "\xFF" + std::string(20, 'z');
  EXPECT_EQ(ValidateUtf8(s), 115u);
  for (size_t pos = 0; pos < 24; ++pos) {
    std::string t(24, 'a');
    t[pos] = '\x80';
    EXPECT_EQ(ValidateUtf8(t), pos) << pos;
  }
}

TEST(EscapeForDisplayTest, EscapesControlAndInvalidBytes) {
  EXPECT_EQ(EscapeForDisplay("a,b,c"), "a,b,c");
  EXPECT_EQ(EscapeForDisplay("a\tb\r\n"), "a\\x09b\\x0D\\x0A");
  EXPECT_EQ(EscapeForDisplay(std::string_view("\0", 1)), "\\x00");
  EXPECT_EQ(EscapeForDisplay("\x7F"), "\\x7F");
  EXPECT_EQ(EscapeForDisplay("caf\xC3\xA9"), "caf\xC3\xA9");  // valid UTF-8 kept
  EXPECT_EQ(EscapeForDisplay("caf\xC3"), "caf\\xC3");           // truncated sequence escaped
  EXPECT_EQ(EscapeForDisplay("\xED\xA0\x80"), "\\xED\\xA0\\x80");
  EXPECT_EQ(EscapeForDisplay("C:\\data"), "C:\\data");
  EXPECT_EQ(EscapeForDisplay(""), "");
}

TEST(EscapeForDisplayTest, TruncatesWithoutSplitting) {
  EXPECT_EQ(EscapeForDisplay("abcdef", 6), "abcdef");
  EXPECT_EQ(EscapeForDisplay("abcdefg", 6), "abcdef...");
  EXPECT_EQ(EscapeForDisplay("abcdefg", 0), "...");
  // An escape takes four bytes and is never cut.
  EXPECT_EQ(EscapeForDisplay("ab\x01zz", 5), "ab...");
  EXPECT_EQ(EscapeForDisplay("ab\x01zz", 6), "ab\\x01...");
  // Nor is a multibyte character.
  EXPECT_EQ(EscapeForDisplay("a\xE2\x82\xAC", 3), "a...");
  EXPECT_EQ(EscapeForDisplay("a\xE2\x82\xAC", 4), "a\xE2\x82\xAC");
  std::string long_line(1000, 'x');
  EXPECT_EQ(EscapeForDisplay(long_line).size(), 203u);
}

TEST(EditDistanceTest, Levenshtein) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("sitting", "kitten"), 3u);
  EXPECT_EQ(EditDistance("flaw", "lawn"), 2u);
  EXPECT_EQ(EditDistance("amount", "amout"), 1u);
  EXPECT_EQ(EditDistance("Amount", "aMOUNT"), 0u);
  EXPECT_EQ(EditDistance("nmae", "name"), 2u);
}

TEST(ClosestMatchTest, SuggestsOnlyPlausibleTypos) {
  std::vector<std::string> columns = {"event_type", "amount", "Customer Id", "ts", "id"};
  EXPECT_EQ(ClosestMatch("amout", columns), "amount");
  EXPECT_EQ(ClosestMatch("evnt_type", columns), "event_type");
  EXPECT_EQ(ClosestMatch("customer id", columns), "Customer Id");
  EXPECT_EQ(ClosestMatch("customer_id", columns), "Customer Id");
  EXPECT_EQ(ClosestMatch("AMOUNT", columns), "amount");
  EXPECT_EQ(ClosestMatch("ix", columns), "id");
  EXPECT_EQ(ClosestMatch("price", columns), std::nullopt);
  EXPECT_EQ(ClosestMatch("xy", columns), std::nullopt);
  EXPECT_EQ(ClosestMatch("zzzzzzzzzz", columns), std::nullopt);
  EXPECT_EQ(ClosestMatch("amount", {}), std::nullopt);
  EXPECT_EQ(ClosestMatch("nmae", {"name", "game"}), "name");
}

TEST(ClosestMatchTest, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(ClosestMatch("cat", {"bat", "hat"}), "bat");
  EXPECT_EQ(ClosestMatch("cat", {"hat", "bat"}), "hat");
  // A closer later candidate still wins.
  EXPECT_EQ(ClosestMatch("cart", {"card", "cart"}), "cart");
}

TEST(ClosestMatchTest, ShortNamesNeedNearlyExactMatches) {
  EXPECT_EQ(ClosestMatch("a", {"b"}), std::nullopt);   // replacing everything is not a typo
  EXPECT_EQ(ClosestMatch("a", {"ab"}), "ab");
  EXPECT_EQ(ClosestMatch("abc", {"axz"}), std::nullopt);
  EXPECT_EQ(ClosestMatch("abc", {"abd"}), "abd");
  EXPECT_EQ(ClosestMatch("", {""}), "");
}

}  // namespace
}  // namespace bundlebase
