// Recovering identifiers as written from the source text (see ast_builder.h).
//
// PostgreSQL lower-cases unquoted ASCII letters and truncates names to 63 bytes. A token
// "spells" a name from the tree if it is a quoted identifier with exactly that content, or a
// word whose ASCII lower-case form is that name (or starts with it, for truncated names).
#include <cstdlib>

#include "base/strings.h"
#include "sql/parser/ast_builder.h"

namespace bundlebase::sql {
namespace {

constexpr size_t kPostgresMaxIdentifierBytes = 63;

bool Spells(const SourceToken& token, std::string_view folded) {
  if (token.type == TokenType::kQuotedIdentifier) return token.text == folded;
  if (token.type != TokenType::kWord) return false;
  std::string lower = ToLower(token.text);
  if (lower == folded) return true;
  return folded.size() == kPostgresMaxIdentifierBytes && lower.starts_with(folded);
}

}  // namespace

AstBuilder::AstBuilder(std::string_view sql, int shift)
    : sql_(sql), shift_(shift), scanner_(sql) {}

Identifier AstBuilder::Recover(std::string_view folded, int raw_from, int* raw_end) {
  const std::vector<SourceToken>& tokens = scanner_.tokens();
  if (raw_from >= 0) {
    for (size_t i = scanner_.FirstTokenAtOrAfter(raw_from); i < tokens.size(); ++i) {
      const SourceToken& token = tokens[i];
      if (!Spells(token, folded)) continue;
      if (raw_end) *raw_end = token.end;
      bool quoted = token.type == TokenType::kQuotedIdentifier;
      return Identifier{quoted ? std::string(folded) : token.text, quoted, Shift(token.start)};
    }
  }
  // Not found in the text: a name PostgreSQL made up. Upper case can only come from quotes.
  return Identifier{std::string(folded), ToLower(folded) != folded, -1};
}

QualifiedName AstBuilder::RecoverQualified(const std::vector<std::string>& folded, int raw_from,
                                           int* raw_end) {
  return RecoverSequence(folded, raw_from, raw_end);
}

std::vector<Identifier> AstBuilder::RecoverSequence(const std::vector<std::string>& folded,
                                                    int raw_from, int* raw_end) {
  std::vector<Identifier> out;
  int position = raw_from;
  for (const std::string& name : folded) {
    int end = position;
    out.push_back(Recover(name, position, &end));
    position = end;
  }
  if (raw_end) *raw_end = position;
  return out;
}

int AstBuilder::EndOfSubtree(json::Element node, int raw_from) {
  json::LocationRange range = json::FindLocationRange(node);
  if (range.max < 0) return raw_from;
  const std::vector<SourceToken>& tokens = scanner_.tokens();
  size_t i = scanner_.FirstTokenAtOrAfter(range.max);
  if (i >= tokens.size()) return static_cast<int>(sql_.size());
  int end = tokens[i].end;
  // A dotted name (t.a, s.t.a) is one node located at its first part.
  while (i + 2 < tokens.size() && tokens[i + 1].text == "." &&
         tokens[i + 1].type == TokenType::kSymbol) {
    i += 2;
    end = tokens[i].end;
  }
  return std::max(end, raw_from);
}

int64_t AstBuilder::RecoverIntegerLiteral(int raw_location) const {
  const std::vector<SourceToken>& tokens = scanner_.tokens();
  int64_t sign = 1;
  for (size_t i = scanner_.FirstTokenAtOrAfter(raw_location); i < tokens.size(); ++i) {
    const SourceToken& token = tokens[i];
    if (token.type == TokenType::kNumber) {
      return sign * std::strtoll(ReplaceAll(token.text, "_", "").c_str(), nullptr, 10);
    }
    if (token.type != TokenType::kSymbol) break;
    for (char c : token.text) {
      if (c == '-') sign = -sign;
    }
  }
  return 0;
}

}  // namespace bundlebase::sql
