// Glob patterns that pick files out of a source directory listing ("**/*.csv",
// "year=*/month=*/day=*/*.parquet").
//
// Patterns match paths relative to the listed directory, with '/' separators, exactly as the
// FileSystem seam reports them; matching is case-sensitive and byte-wise. Syntax:
//   *        any run of characters within one path segment (never '/'; dots included)
//   **       as a whole segment: zero or more directories ("**/*.csv" matches "a.csv" and
//            "x/y/a.csv"); elsewhere it is just two '*'
//   ?        one character other than '/'
//   [abc] [a-z] [!abc] [^abc]   one character in (or not in) the set; a ']' right after the
//            '[' or '[!' is a member
//   \c       the character c literally
// The matcher is hand-written and backtracks only to the most recent '*' (within a segment)
// and '**' (across segments), so matching costs at most O(pattern x path) — patterns such as
// "*a*a*a*a*b" cannot blow up exponentially the way naive recursion or std::regex can.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"

namespace bundlebase {

class GlobPattern {
 public:
  // Fails with Invalid, naming the pattern and offset, on an unterminated '[', a reversed range
  // such as [z-a], a trailing lone '\', or an empty pattern.
  static Result<GlobPattern> Compile(std::string_view pattern);

  bool Matches(std::string_view relative_path) const;

  // Whether some path inside directory `relative_dir` (given without a trailing '/') could
  // match, so a recursive listing can skip directories that cannot contain matches.
  bool CouldMatchUnder(std::string_view relative_dir) const;

  // The leading directories that contain no wildcard, with a trailing '/' ("year=2026/" for
  // "year=2026/month=*/x.parquet"), or "" if the first segment has one. Listing only below it
  // keeps remote listings small.
  std::string LiteralPrefix() const;

  const std::string& pattern() const { return pattern_; }

 private:
  enum class TokenKind : unsigned char { kLiteral, kAnyChar, kStar, kClass };
  struct Token {
    TokenKind kind;
    char literal;        // kLiteral
    size_t class_index;  // kClass: index into classes_
  };
  struct Segment {
    bool globstar = false;  // the whole segment is "**"
    bool literal = true;    // no wildcards: `text` is what it matches
    std::string text;       // the unescaped characters, meaningful when `literal`
    std::vector<Token> tokens;
  };

  GlobPattern() = default;
  bool MatchSegment(const Segment& segment, std::string_view text) const;
  bool TokenMatches(const Token& token, char c) const;

  std::string pattern_;
  std::vector<Segment> segments_;
  std::vector<std::bitset<256>> classes_;
};

// Several patterns, any of which may match: the "*.csv, *.parquet" a user writes in a source
// definition.
class GlobSet {
 public:
  // Splits at commas and trims each pattern; write "\," for a comma inside a pattern. Fails
  // with Invalid if there are no patterns or one of them does not compile.
  static Result<GlobSet> Compile(std::string_view comma_separated);

  bool Matches(std::string_view relative_path) const;
  bool CouldMatchUnder(std::string_view relative_dir) const;
  // The longest directory prefix shared by every pattern's LiteralPrefix().
  std::string LiteralPrefix() const;

  const std::vector<GlobPattern>& patterns() const { return patterns_; }

 private:
  explicit GlobSet(std::vector<GlobPattern> patterns) : patterns_(std::move(patterns)) {}
  std::vector<GlobPattern> patterns_;
};

}  // namespace bundlebase
