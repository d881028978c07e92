// Glob compilation (pattern text -> segments of tokens) and the backtracking matcher.
#include "base/glob.h"

#include <fmt/format.h>

#include "base/strings.h"

namespace bundlebase {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

}  // namespace

Result<GlobPattern> GlobPattern::Compile(std::string_view pattern) {
  if (pattern.empty()) return Status::Invalid("empty glob pattern");
  GlobPattern glob;
  glob.pattern_ = std::string(pattern);
  glob.segments_.emplace_back();
  // Only an unescaped "**" filling its segment is a globstar; "\*\*" is two literal stars.
  size_t segment_start = 0;
  auto end_segment = [&](size_t end, size_t next_start) {
    glob.segments_.back().globstar = pattern.substr(segment_start, end - segment_start) == "**";
    glob.segments_.emplace_back();
    segment_start = next_start;
  };
  auto fail_at = [&](size_t offset, std::string_view what) {
    return Status::Invalid("{} at offset {} in glob pattern '{}'", what, offset,
                           EscapeForDisplay(pattern));
  };

  for (size_t i = 0; i < pattern.size(); ++i) {
    Segment& segment = glob.segments_.back();
    char c = pattern[i];
    if (c == '/') {
      end_segment(i, i + 1);
      continue;
    }
    if (c == '\\') {
      if (i + 1 == pattern.size()) return fail_at(i, "trailing '\\' escapes nothing");
      c = pattern[++i];
      if (c == '/') {
        end_segment(i - 1, i + 1);
        continue;
      }
      segment.tokens.push_back({TokenKind::kLiteral, c, 0});
      segment.text.push_back(c);
      continue;
    }
    if (c == '*') {
      segment.tokens.push_back({TokenKind::kStar, 0, 0});
      segment.literal = false;
      continue;
    }
    if (c == '?') {
      segment.tokens.push_back({TokenKind::kAnyChar, 0, 0});
      segment.literal = false;
      continue;
    }
    if (c != '[') {
      segment.tokens.push_back({TokenKind::kLiteral, c, 0});
      segment.text.push_back(c);
      continue;
    }

    // A bracket expression: [set], [!set] or [^set].
    const size_t open = i;
    size_t j = i + 1;
    bool negate = j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^');
    if (negate) ++j;
    std::bitset<256> set;
    bool first = true;
    for (;; first = false) {
      if (j >= pattern.size()) return fail_at(open, "unterminated '['");
      if (pattern[j] == ']' && !first) break;
      char lo = pattern[j];
      if (lo == '\\') {
        if (++j >= pattern.size()) return fail_at(open, "unterminated '['");
        lo = pattern[j];
      }
      ++j;
      char hi = lo;
      if (j + 1 < pattern.size() && pattern[j] == '-' && pattern[j + 1] != ']') {
        j += 1;
        hi = pattern[j];
        if (hi == '\\') {
          if (++j >= pattern.size()) return fail_at(open, "unterminated '['");
          hi = pattern[j];
        }
        ++j;
        if (static_cast<unsigned char>(hi) < static_cast<unsigned char>(lo)) {
          return fail_at(open, fmt::format("reversed range '{}-{}'", lo, hi));
        }
      }
      for (unsigned b = static_cast<unsigned char>(lo); b <= static_cast<unsigned char>(hi); ++b) {
        set.set(b);
      }
    }
    if (negate) set.flip();
    set.reset('/');
    segment.tokens.push_back({TokenKind::kClass, 0, glob.classes_.size()});
    segment.literal = false;
    glob.classes_.push_back(set);
    i = j;  // the closing ']'
  }

  glob.segments_.back().globstar = pattern.substr(segment_start) == "**";
  return glob;
}

bool GlobPattern::TokenMatches(const Token& token, char c) const {
  switch (token.kind) {
    case TokenKind::kLiteral: return token.literal == c;
    case TokenKind::kAnyChar: return c != '/';
    case TokenKind::kClass: return classes_[token.class_index].test(static_cast<unsigned char>(c));
    case TokenKind::kStar: return false;
  }
  return false;
}

// Wildcard matching within one segment. On a mismatch it retries from the most recent '*' with
// one more character consumed; earlier stars never need revisiting, because the later star can
// absorb anything they would have.
bool GlobPattern::MatchSegment(const Segment& segment, std::string_view text) const {
  if (segment.literal) return segment.text == text;
  const std::vector<Token>& tokens = segment.tokens;
  size_t p = 0, t = 0, star_p = kNone, star_t = 0;
  while (t < text.size()) {
    if (p < tokens.size() && tokens[p].kind == TokenKind::kStar) {
      star_p = p++;
      star_t = t;
    } else if (p < tokens.size() && TokenMatches(tokens[p], text[t])) {
      ++p;
      ++t;
    } else if (star_p != kNone) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < tokens.size() && tokens[p].kind == TokenKind::kStar) ++p;
  return p == tokens.size();
}

// The same algorithm one level up: segments play the part of characters and '**' of '*'.
bool GlobPattern::Matches(std::string_view relative_path) const {
  std::vector<std::string_view> parts = Split(relative_path, '/');
  size_t p = 0, t = 0, star_p = kNone, star_t = 0;
  while (t < parts.size()) {
    if (p < segments_.size() && segments_[p].globstar) {
      star_p = p++;
      star_t = t;
    } else if (p < segments_.size() && MatchSegment(segments_[p], parts[t])) {
      ++p;
      ++t;
    } else if (star_p != kNone) {
      p = star_p + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < segments_.size() && segments_[p].globstar) ++p;
  return p == segments_.size();
}

bool GlobPattern::CouldMatchUnder(std::string_view relative_dir) const {
  while (!relative_dir.empty() && relative_dir.back() == '/') relative_dir.remove_suffix(1);
  if (relative_dir.empty()) return true;
  std::vector<std::string_view> parts = Split(relative_dir, '/');
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i >= segments_.size()) return false;
    if (segments_[i].globstar) return true;
    if (!MatchSegment(segments_[i], parts[i])) return false;
  }
  return parts.size() < segments_.size();
}

std::string GlobPattern::LiteralPrefix() const {
  std::string prefix;
  for (size_t i = 0; i + 1 < segments_.size(); ++i) {
    if (!segments_[i].literal || segments_[i].globstar) break;
    prefix += segments_[i].text;
    prefix += '/';
  }
  return prefix;
}

Result<GlobSet> GlobSet::Compile(std::string_view comma_separated) {
  std::vector<GlobPattern> patterns;
  size_t start = 0;
  for (size_t i = 0; i <= comma_separated.size(); ++i) {
    if (i < comma_separated.size() && comma_separated[i] == '\\') {
      ++i;  // "\," (like any escape) stays in the pattern, which reads it as a literal
      continue;
    }
    if (i < comma_separated.size() && comma_separated[i] != ',') continue;
    std::string_view item = Trim(comma_separated.substr(start, i - start));
    start = i + 1;
    if (item.empty()) continue;
    BB_ASSIGN_OR_RAISE(GlobPattern pattern, GlobPattern::Compile(item));
    patterns.push_back(std::move(pattern));
  }
  if (patterns.empty()) {
    return Status::Invalid("no glob patterns in '{}': expected e.g. '*.csv' or '**/*.parquet'",
                           EscapeForDisplay(comma_separated));
  }
  return GlobSet(std::move(patterns));
}

bool GlobSet::Matches(std::string_view relative_path) const {
  for (const GlobPattern& p : patterns_) {
    if (p.Matches(relative_path)) return true;
  }
  return false;
}

bool GlobSet::CouldMatchUnder(std::string_view relative_dir) const {
  for (const GlobPattern& p : patterns_) {
    if (p.CouldMatchUnder(relative_dir)) return true;
  }
  return false;
}

std::string GlobSet::LiteralPrefix() const {
  std::string common = patterns_.front().LiteralPrefix();
  for (size_t i = 1; i < patterns_.size(); ++i) {
    std::string other = patterns_[i].LiteralPrefix();
    // Keep the longest run of whole directories ("a/b/") both prefixes start with.
    size_t keep = 0;
    for (size_t k = 0; k < common.size() && k < other.size() && common[k] == other[k]; ++k) {
      if (common[k] == '/') keep = k + 1;
    }
    common.resize(keep);
  }
  return common;
}

}  // namespace bundlebase
