// A small SQL tokenizer used to recover what PostgreSQL's parse tree forgets: the original
// spelling of identifiers, whether they were quoted, and the value of negative integer
// literals (libpg_query 15's JSON output drops those).
//
// It only needs to find token boundaries the way PostgreSQL's lexer does: comments (nested
// /* */ included), string literals ('', E'', B'', X'', U&'', $tag$...$tag$), quoted
// identifiers, numbers, words and operator characters. It never fails: anything unexpected
// becomes a one-character token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bundlebase::sql {

enum class TokenType { kWord, kQuotedIdentifier, kString, kNumber, kParameter, kSymbol };

struct SourceToken {
  TokenType type;
  int start;  // byte offsets into the scanned text
  int end;
  // kWord: the word as written; kQuotedIdentifier: the name with "" undoubled;
  // kSymbol / kNumber: the text.
  std::string text;
};

class SourceScanner {
 public:
  explicit SourceScanner(std::string_view text);

  const std::vector<SourceToken>& tokens() const { return tokens_; }
  // Index of the first token starting at or after `position` (tokens().size() if none).
  size_t FirstTokenAtOrAfter(int position) const;

 private:
  std::vector<SourceToken> tokens_;
};

}  // namespace bundlebase::sql
