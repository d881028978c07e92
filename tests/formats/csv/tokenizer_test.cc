// Tokenizer tests: field ends, quoting rules, and the bitmask scanner checked against the
// scalar state machine on many random inputs (every 64-byte boundary case included).
#include "formats/csv/tokenizer.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace bundlebase::csv {
namespace {

struct Tokens {
  bool ok;
  std::vector<uint32_t> ends;
  std::vector<uint32_t> records;
  SyntaxError error{};
};

Tokens TokenizeText(const std::string& s, bool scalar, TokenizerConfig c = {}) {
  TokenizedSpan span;
  Tokens t;
  t.ok = scalar ? TokenizeScalar(s.data(), s.size(), c, &span, &t.error)
                : Tokenize(s.data(), s.size(), c, &span, &t.error);
  if (t.ok) {
    t.ends.assign(span.ends.data(), span.ends.data() + span.ends.size());
    t.records.assign(span.record_last.data(), span.record_last.data() + span.record_last.size());
  }
  return t;
}

TEST(TokenizerTest, FieldAndRecordEnds) {
  Tokens t = TokenizeText("a,b\ncc,d\n", false);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.ends, (std::vector<uint32_t>{1, 3, 6, 8}));
  EXPECT_EQ(t.records, (std::vector<uint32_t>{1, 3}));
}

TEST(TokenizerTest, LastRecordWithoutNewline) {
  Tokens t = TokenizeText("a,b\nc,", false);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.ends, (std::vector<uint32_t>{1, 3, 5, 6}));
  EXPECT_EQ(t.records, (std::vector<uint32_t>{1, 3}));
}

TEST(TokenizerTest, QuotedSeparatorsAreData) {
  Tokens t = TokenizeText("\"a,\n\"\"b\",c\n", false);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.ends, (std::vector<uint32_t>{8, 10}));
}

TEST(TokenizerTest, QuotingErrors) {
  Tokens stray = TokenizeText("ab\"c,d\n", false);
  ASSERT_FALSE(stray.ok);
  EXPECT_EQ(stray.error.kind, SyntaxErrorKind::kStrayQuote);
  EXPECT_EQ(stray.error.offset, 2u);
  Tokens after = TokenizeText("\"ab\"c,d\n", false);
  ASSERT_FALSE(after.ok);
  EXPECT_EQ(after.error.kind, SyntaxErrorKind::kTextAfterQuote);
  EXPECT_EQ(after.error.offset, 4u);
  Tokens open = TokenizeText("a,\"b\nc,d\n", false);
  ASSERT_FALSE(open.ok);
  EXPECT_EQ(open.error.kind, SyntaxErrorKind::kUnterminatedQuote);
  EXPECT_EQ(open.error.offset, 2u);
  // The field that never closes is reported, not the doubled quote inside it.
  Tokens doubled = TokenizeText("x,\"ab\"\"cd\n", false);
  ASSERT_FALSE(doubled.ok);
  EXPECT_EQ(doubled.error.offset, 2u);
}

TEST(TokenizerTest, ClosingQuoteBeforeCrLf) {
  Tokens t = TokenizeText("\"a\"\r\n\"b\"\r\n", false);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.records.size(), 2u);
  Tokens bad = TokenizeText("\"a\"\rx\n", false);
  EXPECT_FALSE(bad.ok);
}

TEST(TokenizerTest, NoQuotingTreatsQuotesAsData) {
  TokenizerConfig c;
  c.quote = '\0';
  Tokens t = TokenizeText("a\"b,\"c\n", false, c);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.ends, (std::vector<uint32_t>{3, 6}));
}

TEST(TokenizerTest, BackslashEscapes) {
  TokenizerConfig c;
  c.escape = '\\';
  Tokens t = TokenizeText("\"a\\\"b\",\"c\\\\\"\n", false, c);
  ASSERT_TRUE(t.ok) << static_cast<int>(t.error.kind);
  EXPECT_EQ(t.ends, (std::vector<uint32_t>{6, 12}));
}

TEST(TokenizerTest, CrNewline) {
  TokenizerConfig c;
  c.newline = '\r';
  Tokens t = TokenizeText("a,b\rc,\"d\r\"\r", false, c);
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.records.size(), 2u);
  EXPECT_EQ(t.ends.back(), 10u);
}

TEST(TokenizerTest, PrefixDropsTheCutRecord) {
  TokenizedSpan span;
  SyntaxError e;
  TokenizerConfig c;
  std::string s = "a,b\nc,\"d\ne";
  ASSERT_TRUE(TokenizePrefix(s.data(), s.size(), false, c, &span, &e));
  EXPECT_EQ(span.num_records(), 1u);
  s = "a,b\nc,d";
  ASSERT_TRUE(TokenizePrefix(s.data(), s.size(), false, c, &span, &e));
  EXPECT_EQ(span.num_records(), 1u);
  ASSERT_TRUE(TokenizePrefix(s.data(), s.size(), true, c, &span, &e));
  EXPECT_EQ(span.num_records(), 2u);
}

// Random text over the characters that matter, so quotes, separators and line endings meet
// at every offset of the 64-byte steps.
TEST(TokenizerTest, BitmaskMatchesStateMachine) {
  std::mt19937 rng(12345);
  const std::string alphabet = "ab,,\"\"\n\r  x";
  for (char newline : {'\n', '\r'}) {
    TokenizerConfig c;
    c.newline = newline;
    for (int iter = 0; iter < 20000; ++iter) {
      const size_t len = rng() % 300;
      std::string s;
      for (size_t i = 0; i < len; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
      Tokens fast = TokenizeText(s, false, c);
      Tokens slow = TokenizeText(s, true, c);
      ASSERT_EQ(fast.ok, slow.ok) << "input: " << s;
      if (fast.ok) {
        ASSERT_EQ(fast.ends, slow.ends) << "input: " << s;
        ASSERT_EQ(fast.records, slow.records) << "input: " << s;
      } else {
        ASSERT_EQ(fast.error.kind, slow.error.kind) << "input: " << s;
        ASSERT_EQ(fast.error.offset, slow.error.offset) << "input: " << s;
      }
    }
  }
}

// Well-formed CSV (random fields, some quoted) so the success path is exercised at length.
TEST(TokenizerTest, BitmaskMatchesStateMachineOnValidCsv) {
  std::mt19937 rng(7);
  for (int iter = 0; iter < 2000; ++iter) {
    std::string s;
    const int rows = static_cast<int>(rng() % 20);
    for (int r = 0; r < rows; ++r) {
      for (int f = 0; f < 4; ++f) {
        if (f) s += ',';
        if (rng() % 3 == 0) {
          s += '"';
          for (unsigned k = rng() % 90; k > 0; --k) {
            const char pick[] = "a,\n\"b";
            char ch = pick[rng() % 5];
            s += ch;
            if (ch == '"') s += '"';
          }
          s += '"';
        } else {
          for (unsigned k = rng() % 70; k > 0; --k) s += static_cast<char>('a' + rng() % 26);
        }
      }
      s += rng() % 2 ? "\n" : "\r\n";
    }
    Tokens fast = TokenizeText(s, false);
    Tokens slow = TokenizeText(s, true);
    ASSERT_TRUE(fast.ok) << s;
    ASSERT_TRUE(slow.ok) << s;
    ASSERT_EQ(fast.ends, slow.ends) << s;
    ASSERT_EQ(fast.records, slow.records) << s;
    ASSERT_EQ(fast.records.size(), static_cast<size_t>(rows));
  }
}

}  // namespace
}  // namespace bundlebase::csv
