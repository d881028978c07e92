// LIKE / ILIKE pattern matching: '%' matches any run of characters, '_' exactly one character
// (UTF-8 aware), the escape character (default '\') makes the next character literal.
// A pattern is compiled once; patterns that are a plain string, 'prefix%', '%suffix' or
// '%infix%' take fast paths (comparison, memcmp, substring search), everything else a
// backtracking matcher that is linear for a single '%'.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"

namespace bundlebase::sql {

class LikeMatcher {
 public:
  // `escape` empty disables escaping. ILIKE (case_insensitive) folds ASCII and the Latin-1,
  // Greek and Cyrillic letters lower() knows.
  static Result<LikeMatcher> Compile(std::string_view pattern, std::string_view escape,
                                     bool case_insensitive);

  bool Matches(std::string_view text) const;

 private:
  enum class Kind { kExact, kPrefix, kSuffix, kContains, kGeneral };
  enum class Token : char { kLiteral, kOne, kAny };
  struct Element {
    Token token;
    std::string literal;  // kLiteral: the bytes of one run of literal characters
  };

  bool MatchGeneral(std::string_view text) const;

  Kind kind_ = Kind::kGeneral;
  std::string needle_;  // kExact, kPrefix, kSuffix, kContains
  std::vector<Element> elements_;
  bool case_insensitive_ = false;
};

}  // namespace bundlebase::sql
