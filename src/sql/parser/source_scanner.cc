// Token boundaries of SQL text (see source_scanner.h).
#include "sql/parser/source_scanner.h"

#include <algorithm>

namespace bundlebase::sql {
namespace {

bool IsWordStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool IsWordChar(unsigned char c) { return IsWordStart(c) || (c >= '0' && c <= '9') || c == '$'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsOperatorChar(char c) {
  return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : s_(text) {}

  std::vector<SourceToken> Run() {
    std::vector<SourceToken> tokens;
    while (SkipSpaceAndComments()) {
      size_t start = pos_;
      SourceToken token = Next();
      token.start = static_cast<int>(start);
      token.end = static_cast<int>(pos_);
      tokens.push_back(std::move(token));
    }
    return tokens;
  }

 private:
  char At(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  // Returns false at the end of the text.
  bool SkipSpaceAndComments() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '-' && At(pos_ + 1) == '-') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && At(pos_ + 1) == '*') {
        SkipBlockComment();
      } else {
        return true;
      }
    }
    return false;
  }

  void SkipBlockComment() {
    int depth = 0;
    while (pos_ < s_.size()) {
      if (s_[pos_] == '/' && At(pos_ + 1) == '*') {
        ++depth;
        pos_ += 2;
      } else if (s_[pos_] == '*' && At(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) return;
      } else {
        ++pos_;
      }
    }
  }

  // Skips a quoted run opened at pos_ by `quote`, where a doubled quote stands for itself;
  // E'' strings also honour backslash escapes. Returns the unquoted content.
  std::string SkipQuoted(char quote, bool backslash_escapes) {
    std::string content;
    ++pos_;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (backslash_escapes && c == '\\' && pos_ + 1 < s_.size()) {
        content += s_[pos_ + 1];
        pos_ += 2;
      } else if (c == quote && At(pos_ + 1) == quote) {
        content += quote;
        pos_ += 2;
      } else if (c == quote) {
        ++pos_;
        return content;
      } else {
        content += c;
        ++pos_;
      }
    }
    return content;
  }

  SourceToken Next() {
    char c = s_[pos_];
    char next = At(pos_ + 1);
    if (c == '\'') {
      SkipQuoted('\'', false);
      return {TokenType::kString, 0, 0, ""};
    }
    if ((c == 'e' || c == 'E') && next == '\'') {
      ++pos_;
      SkipQuoted('\'', true);
      return {TokenType::kString, 0, 0, ""};
    }
    if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && next == '\'') {
      ++pos_;
      SkipQuoted('\'', false);
      return {TokenType::kString, 0, 0, ""};
    }
    if ((c == 'u' || c == 'U') && next == '&' && (At(pos_ + 2) == '\'' || At(pos_ + 2) == '"')) {
      pos_ += 2;
      bool identifier = s_[pos_] == '"';
      std::string content = SkipQuoted(s_[pos_], false);
      if (identifier) return {TokenType::kQuotedIdentifier, 0, 0, content};
      return {TokenType::kString, 0, 0, ""};
    }
    if (c == '"') return {TokenType::kQuotedIdentifier, 0, 0, SkipQuoted('"', false)};
    if (c == '$' && IsDigit(static_cast<unsigned char>(next))) {
      size_t start = pos_++;
      while (IsDigit(static_cast<unsigned char>(At(pos_)))) ++pos_;
      return {TokenType::kParameter, 0, 0, std::string(s_.substr(start, pos_ - start))};
    }
    if (c == '$') return DollarQuotedOrSymbol();
    if (IsDigit(static_cast<unsigned char>(c)) ||
        (c == '.' && IsDigit(static_cast<unsigned char>(next)))) {
      return Number();
    }
    if (IsWordStart(static_cast<unsigned char>(c))) {
      size_t start = pos_;
      while (pos_ < s_.size() && IsWordChar(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return {TokenType::kWord, 0, 0, std::string(s_.substr(start, pos_ - start))};
    }
    if (c == ':' && next == ':') {
      pos_ += 2;
      return {TokenType::kSymbol, 0, 0, "::"};
    }
    if (IsOperatorChar(c)) {
      size_t start = pos_;
      while (pos_ < s_.size() && IsOperatorChar(s_[pos_]) &&
             !(s_[pos_] == '-' && At(pos_ + 1) == '-') &&
             !(s_[pos_] == '/' && At(pos_ + 1) == '*')) {
        ++pos_;
      }
      return {TokenType::kSymbol, 0, 0, std::string(s_.substr(start, pos_ - start))};
    }
    ++pos_;
    return {TokenType::kSymbol, 0, 0, std::string(1, c)};
  }

  SourceToken DollarQuotedOrSymbol() {
    size_t tag_end = pos_ + 1;
    while (tag_end < s_.size() && IsWordChar(static_cast<unsigned char>(s_[tag_end])) &&
           s_[tag_end] != '$') {
      ++tag_end;
    }
    if (At(tag_end) != '$') {
      ++pos_;
      return {TokenType::kSymbol, 0, 0, "$"};
    }
    std::string_view tag = s_.substr(pos_, tag_end + 1 - pos_);
    size_t close = s_.find(tag, tag_end + 1);
    pos_ = close == std::string_view::npos ? s_.size() : close + tag.size();
    return {TokenType::kString, 0, 0, ""};
  }

  SourceToken Number() {
    size_t start = pos_;
    while (IsDigit(static_cast<unsigned char>(At(pos_))) || At(pos_) == '_') ++pos_;
    if (At(pos_) == '.' && At(pos_ + 1) != '.') {
      ++pos_;
      while (IsDigit(static_cast<unsigned char>(At(pos_))) || At(pos_) == '_') ++pos_;
    }
    if ((At(pos_) == 'e' || At(pos_) == 'E') &&
        (IsDigit(static_cast<unsigned char>(At(pos_ + 1))) ||
         ((At(pos_ + 1) == '+' || At(pos_ + 1) == '-') &&
          IsDigit(static_cast<unsigned char>(At(pos_ + 2)))))) {
      pos_ += 2;
      while (IsDigit(static_cast<unsigned char>(At(pos_)))) ++pos_;
    }
    return {TokenType::kNumber, 0, 0, std::string(s_.substr(start, pos_ - start))};
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

SourceScanner::SourceScanner(std::string_view text) : tokens_(Tokenizer(text).Run()) {}

size_t SourceScanner::FirstTokenAtOrAfter(int position) const {
  auto it = std::lower_bound(
      tokens_.begin(), tokens_.end(), position,
      [](const SourceToken& token, int pos) { return token.start < pos; });
  return static_cast<size_t>(it - tokens_.begin());
}

}  // namespace bundlebase::sql
