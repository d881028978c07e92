// Glob patterns: wildcard semantics, globstar, character classes, escapes, errors, speed on
// adversarial patterns, pruning and literal prefixes; GlobSet lists.
#include "base/glob.h"

#include <chrono>

#include "test_util.h"

namespace bundlebase {
namespace {

GlobPattern Glob(std::string_view pattern) {
  auto glob = GlobPattern::Compile(pattern);
  EXPECT_TRUE(glob.ok()) << pattern << ": " << glob.status().ToString();
  return std::move(glob).ValueOrDie();
}

bool Match(std::string_view pattern, std::string_view path) { return Glob(pattern).Matches(path); }

std::string CompileError(std::string_view pattern) {
  auto glob = GlobPattern::Compile(pattern);
  EXPECT_FALSE(glob.ok()) << pattern << " compiled";
  if (glob.ok()) return "";
  EXPECT_TRUE(glob.status().IsInvalid());
  return glob.status().message();
}

TEST(GlobTest, LiteralPatterns) {
  EXPECT_TRUE(Match("a.csv", "a.csv"));
  EXPECT_FALSE(Match("a.csv", "b.csv"));
  EXPECT_FALSE(Match("a.csv", "a.csvx"));
  EXPECT_FALSE(Match("a.csv", "x/a.csv"));
  EXPECT_TRUE(Match("dir/a.csv", "dir/a.csv"));
  EXPECT_FALSE(Match("A.csv", "a.csv"));  // case-sensitive
  EXPECT_FALSE(Match("a.csv", ""));
}

TEST(GlobTest, StarStaysWithinASegment) {
  EXPECT_TRUE(Match("*.csv", "a.csv"));
  EXPECT_TRUE(Match("*.csv", ".csv"));
  EXPECT_TRUE(Match("*.csv", ".hidden.csv"));
  EXPECT_FALSE(Match("*.csv", "x/a.csv"));
  EXPECT_FALSE(Match("*.csv", "a.csv.gz"));
  EXPECT_TRUE(Match("*", "anything"));
  EXPECT_TRUE(Match("*", ""));
  EXPECT_FALSE(Match("*", "a/b"));
  EXPECT_TRUE(Match("a*b*c", "abc"));
  EXPECT_TRUE(Match("a*b*c", "aXbYbZc"));
  EXPECT_FALSE(Match("a*b*c", "aXbYbZ"));
  EXPECT_TRUE(Match("data-*-*.json", "data-2026-01.json"));
  EXPECT_TRUE(Match("dir/*", "dir/x"));
  EXPECT_FALSE(Match("dir/*", "dir/x/y"));
  EXPECT_TRUE(Match("a**b", "aXXb"));      // "**" inside a segment is just two stars
  EXPECT_FALSE(Match("a**b", "aX/Xb"));
  EXPECT_TRUE(Match("*/*", "a/b"));
  EXPECT_TRUE(Match("a/*/b", "a//b"));     // '*' matches an empty segment
}

TEST(GlobTest, QuestionMark) {
  EXPECT_TRUE(Match("part-?.parquet", "part-0.parquet"));
  EXPECT_FALSE(Match("part-?.parquet", "part-10.parquet"));
  EXPECT_FALSE(Match("part-?.parquet", "part-.parquet"));
  EXPECT_FALSE(Match("a?b", "a/b"));
  EXPECT_TRUE(Match("???", "abc"));
  EXPECT_TRUE(Match("\xC3\xA9?", "\xC3\xA9x"));  // byte-wise
}

TEST(GlobTest, Globstar) {
  EXPECT_TRUE(Match("**/*.csv", "a.csv"));
  EXPECT_TRUE(Match("**/*.csv", "x/a.csv"));
  EXPECT_TRUE(Match("**/*.csv", "x/y/z/a.csv"));
  EXPECT_FALSE(Match("**/*.csv", "x/y/a.json"));
  EXPECT_TRUE(Match("**", "a"));
  EXPECT_TRUE(Match("**", "a/b/c"));
  EXPECT_TRUE(Match("a/**", "a/b"));
  EXPECT_TRUE(Match("a/**", "a/b/c"));
  EXPECT_TRUE(Match("a/**", "a"));  // zero directories, consistently
  EXPECT_FALSE(Match("a/**", "b/c"));
  EXPECT_TRUE(Match("a/**/b", "a/b"));
  EXPECT_TRUE(Match("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(Match("a/**/b", "a/x/y/c"));
  EXPECT_TRUE(Match("**/x/**/*.csv", "1/2/x/3/4/f.csv"));
  EXPECT_TRUE(Match("**/x/**/*.csv", "x/f.csv"));
  EXPECT_FALSE(Match("**/x/**/*.csv", "1/2/y/3/f.csv"));
  EXPECT_TRUE(Match("**/**/a", "a"));
  EXPECT_TRUE(Match("logs/**/2026-*.json", "logs/eu/west/2026-01-05.json"));
  // Backtracking across segments: the first "b" is not the one that completes the match.
  EXPECT_TRUE(Match("**/b/c", "b/b/c"));
  EXPECT_TRUE(Match("**/b/*/d", "b/x/b/y/d"));
}

TEST(GlobTest, HivePartitionLayout) {
  GlobPattern glob = Glob("year=*/month=*/day=*/*.parquet");
  EXPECT_TRUE(glob.Matches("year=2026/month=01/day=05/part-0.parquet"));
  EXPECT_FALSE(glob.Matches("year=2026/month=01/part-0.parquet"));
  EXPECT_FALSE(glob.Matches("year=2026/month=01/day=05/extra/part-0.parquet"));
  EXPECT_FALSE(glob.Matches("year=2026/month=01/day=05/part-0.csv"));
  EXPECT_FALSE(glob.Matches("yr=2026/month=01/day=05/part-0.parquet"));
}

TEST(GlobTest, CharacterClasses) {
  EXPECT_TRUE(Match("[abc].csv", "b.csv"));
  EXPECT_FALSE(Match("[abc].csv", "d.csv"));
  EXPECT_TRUE(Match("part-[0-9].csv", "part-7.csv"));
  EXPECT_FALSE(Match("part-[0-9].csv", "part-x.csv"));
  EXPECT_TRUE(Match("[a-cx-z]", "y"));
  EXPECT_FALSE(Match("[a-cx-z]", "m"));
  EXPECT_TRUE(Match("[!abc]", "d"));
  EXPECT_FALSE(Match("[!abc]", "a"));
  EXPECT_TRUE(Match("[^abc]", "d"));
  EXPECT_FALSE(Match("[^abc]", "b"));
  EXPECT_FALSE(Match("a[!x]b", "a/b"));  // a negated set never matches '/'
  EXPECT_TRUE(Match("[]]", "]"));         // ']' first is a member
  EXPECT_TRUE(Match("[!]]", "a"));
  EXPECT_FALSE(Match("[!]]", "]"));
  EXPECT_TRUE(Match("[a-]", "-"));        // '-' last is a member
  EXPECT_TRUE(Match("[-a]", "-"));
  EXPECT_TRUE(Match("[\\]x]", "]"));
  EXPECT_TRUE(Match("[*?]", "*"));
  EXPECT_FALSE(Match("[*?]", "a"));
  EXPECT_TRUE(Match("[!a]*", "bcd"));
  EXPECT_TRUE(Match("[\x01-\xFF]", "\xC3"));
}

TEST(GlobTest, Escapes) {
  EXPECT_TRUE(Match("a\\*b", "a*b"));
  EXPECT_FALSE(Match("a\\*b", "axb"));
  EXPECT_TRUE(Match("\\?", "?"));
  EXPECT_FALSE(Match("\\?", "x"));
  EXPECT_TRUE(Match("\\[x]", "[x]"));
  EXPECT_TRUE(Match("\\\\", "\\"));
  EXPECT_TRUE(Match("\\*\\*/a", "**/a"));  // escaped stars are not a globstar
  EXPECT_FALSE(Match("\\*\\*/a", "x/a"));
  EXPECT_TRUE(Match("a\\/b", "a/b"));      // an escaped '/' still separates segments
}

TEST(GlobTest, CompileErrors) {
  std::string msg = CompileError("data/[abc.csv");
  EXPECT_NE(msg.find("unterminated '['"), std::string::npos) << msg;
  EXPECT_NE(msg.find("offset 5"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'data/[abc.csv'"), std::string::npos) << msg;
  EXPECT_NE(CompileError("[").find("unterminated"), std::string::npos);
  EXPECT_NE(CompileError("[]").find("unterminated"), std::string::npos);
  EXPECT_NE(CompileError("[!]").find("unterminated"), std::string::npos);
  EXPECT_NE(CompileError("[a\\").find("unterminated"), std::string::npos);
  EXPECT_NE(CompileError("[a-\\").find("unterminated"), std::string::npos);
  EXPECT_NE(CompileError("[z-a]").find("reversed range 'z-a'"), std::string::npos);
  EXPECT_NE(CompileError("abc\\").find("trailing '\\'"), std::string::npos);
  EXPECT_NE(CompileError("").find("empty glob pattern"), std::string::npos);
}

TEST(GlobTest, NoExponentialBlowup) {
  std::string text(5000, 'a');
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(Match("*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
  EXPECT_TRUE(Match("*a*a*a*a*a*a*a*a*a*a*a*a*", text));
  std::string path;
  for (int i = 0; i < 300; ++i) path += "d/";
  path += "f.json";
  EXPECT_FALSE(Match("**/d/**/d/**/d/**/d/**/*.csv", path));
  EXPECT_TRUE(Match("**/d/**/d/**/d/**/d/**/*.json", path));
  // Generous bound: exponential behaviour would take hours, linear takes microseconds.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(GlobTest, CouldMatchUnder) {
  GlobPattern hive = Glob("year=2026/month=*/*.parquet");
  EXPECT_TRUE(hive.CouldMatchUnder(""));
  EXPECT_TRUE(hive.CouldMatchUnder("year=2026"));
  EXPECT_TRUE(hive.CouldMatchUnder("year=2026/"));
  EXPECT_TRUE(hive.CouldMatchUnder("year=2026/month=01"));
  EXPECT_FALSE(hive.CouldMatchUnder("year=2025"));
  EXPECT_FALSE(hive.CouldMatchUnder("year=2026/month=01/extra"));
  EXPECT_FALSE(hive.CouldMatchUnder("year=2026/day=01"));

  GlobPattern deep = Glob("logs/**/*.json");
  EXPECT_TRUE(deep.CouldMatchUnder("logs"));
  EXPECT_TRUE(deep.CouldMatchUnder("logs/a/b/c"));
  EXPECT_FALSE(deep.CouldMatchUnder("other"));
  EXPECT_FALSE(Glob("*.csv").CouldMatchUnder("sub"));
  EXPECT_TRUE(Glob("**/*.csv").CouldMatchUnder("sub/sub"));
}

TEST(GlobTest, LiteralPrefix) {
  EXPECT_EQ(Glob("year=2026/month=*/x.parquet").LiteralPrefix(), "year=2026/");
  EXPECT_EQ(Glob("raw/events/**/*.csv").LiteralPrefix(), "raw/events/");
  EXPECT_EQ(Glob("raw/events/a.csv").LiteralPrefix(), "raw/events/");
  EXPECT_EQ(Glob("*.csv").LiteralPrefix(), "");
  EXPECT_EQ(Glob("a.csv").LiteralPrefix(), "");
  EXPECT_EQ(Glob("**/x/a.csv").LiteralPrefix(), "");
  EXPECT_EQ(Glob("a[0-9]/b/c").LiteralPrefix(), "");
  EXPECT_EQ(Glob("a\\*b/c*").LiteralPrefix(), "a*b/");
  EXPECT_EQ(Glob("a/b?/c").LiteralPrefix(), "a/");
  EXPECT_EQ(Glob("year=*/month=*/day=*/*.parquet").pattern(), "year=*/month=*/day=*/*.parquet");
}

TEST(GlobSetTest, AnyPatternMatches) {
  ASSERT_OK_AND_ASSIGN(GlobSet set, GlobSet::Compile(" *.csv , **/*.parquet,, "));
  EXPECT_EQ(set.patterns().size(), 2u);
  EXPECT_EQ(set.patterns()[0].pattern(), "*.csv");
  EXPECT_TRUE(set.Matches("a.csv"));
  EXPECT_TRUE(set.Matches("x/y/a.parquet"));
  EXPECT_FALSE(set.Matches("x/a.csv"));
  EXPECT_FALSE(set.Matches("a.json"));
  EXPECT_TRUE(set.CouldMatchUnder("x"));

  ASSERT_OK_AND_ASSIGN(GlobSet single, GlobSet::Compile("*.csv"));
  EXPECT_FALSE(single.CouldMatchUnder("x"));
}

TEST(GlobSetTest, EscapedComma) {
  ASSERT_OK_AND_ASSIGN(GlobSet set, GlobSet::Compile("a\\,b.csv, c.csv"));
  ASSERT_EQ(set.patterns().size(), 2u);
  EXPECT_TRUE(set.Matches("a,b.csv"));
  EXPECT_TRUE(set.Matches("c.csv"));
  EXPECT_FALSE(set.Matches("a"));
}

TEST(GlobSetTest, Errors) {
  for (std::string_view empty : {"", " ", " , ,"}) {
    auto set = GlobSet::Compile(empty);
    ASSERT_FALSE(set.ok());
    EXPECT_TRUE(set.status().IsInvalid());
    EXPECT_NE(set.status().message().find("no glob patterns"), std::string::npos);
  }
  auto bad = GlobSet::Compile("*.csv, data/[x");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'data/[x'"), std::string::npos);
}

TEST(GlobSetTest, CommonLiteralPrefix) {
  auto prefix = [](std::string_view list) {
    return GlobSet::Compile(list).ValueOrDie().LiteralPrefix();
  };
  EXPECT_EQ(prefix("raw/a/*.csv, raw/b/*.csv"), "raw/");
  EXPECT_EQ(prefix("raw/a/*.csv, raw/a/**/*.json"), "raw/a/");
  EXPECT_EQ(prefix("raw/ab/*.csv, raw/ac/*.csv"), "raw/");
  EXPECT_EQ(prefix("rawx/*.csv, raw/*.csv"), "");
  EXPECT_EQ(prefix("raw/*.csv, *.csv"), "");
  EXPECT_EQ(prefix("raw/x/*.csv"), "raw/x/");
}

}  // namespace
}  // namespace bundlebase
