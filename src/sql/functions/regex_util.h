// Regular expressions for ~, ~*, regexp_replace and regexp_matches: POSIX extended regular
// expressions (glibc <regex.h>), which like PostgreSQL's AREs pick the leftmost-longest match,
// with the common ARE escapes translated (\d \D \s \S \w \W, \m \M \y word boundaries, \t \n,
// and (?: ) groups). Non-greedy quantifiers and lookaround are rejected with a clear error
// rather than silently matching differently. A Regex is compiled once per pattern and used for
// a whole batch.
#pragma once

#include <regex.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"

namespace bundlebase::sql {

class Regex {
 public:
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // "invalid regular expression: ..." on a bad pattern.
  static Result<std::unique_ptr<Regex>> Compile(std::string_view pattern, bool case_insensitive);

  // Whether the pattern matches anywhere in `text`.
  bool Search(std::string_view text) const;
  // The first match at or after byte `from`: groups[0] is the whole match, groups[k] the k-th
  // parenthesised group ({-1, -1} when it did not take part). False when there is none.
  bool Find(std::string_view text, size_t from, std::vector<regmatch_t>* groups) const;
  size_t group_count() const { return regex_.re_nsub; }

 private:
  Regex() = default;
  regex_t regex_{};
  bool compiled_ = false;
};

// Applies regexp_replace's replacement text to one match: \1..\9 are groups, \& the whole match,
// \\ a backslash.
void AppendReplacement(std::string_view text, const std::vector<regmatch_t>& groups,
                       std::string_view replacement, std::string* out);

// Parses regexp flags: 'g' (all matches), 'i' (case-insensitive), 'c' (case-sensitive);
// anything else is an error naming the flag.
struct RegexFlags {
  bool global = false;
  bool case_insensitive = false;
};
Result<RegexFlags> ParseRegexFlags(std::string_view flags);

// Compiles patterns once for a batch: the same pattern as the previous row reuses its Regex.
class RegexCache {
 public:
  Result<const Regex*> Get(std::string_view pattern, bool case_insensitive);

 private:
  std::string pattern_;
  bool case_insensitive_ = false;
  std::unique_ptr<Regex> regex_;
};

}  // namespace bundlebase::sql
