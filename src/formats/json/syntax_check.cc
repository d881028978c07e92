// The validating scanner behind FindSyntaxError: one loop over the bytes with an explicit stack
// of open containers.
#include "formats/json/syntax_check.h"

#include <cmath>
#include <algorithm>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "base/strings.h"

namespace bundlebase::json {

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string Shown(char c) { return "'" + EscapeForDisplay(std::string_view(&c, 1)) + "'"; }

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text), utf8_error_(ValidateUtf8(text)) {}

  std::optional<SyntaxError> Run() {
    SkipSpace();
    if (pos_ >= text_.size()) return Error(pos_, "no JSON value (the text is empty)");
    // The grammar: a value, then either a separator and another value or the end of the
    // containers that enclose it.
    while (true) {
      if (!ParseValue()) return error_;
      while (true) {
        SkipSpace();
        if (stack_.empty()) {
          if (pos_ < text_.size()) return Error(pos_, "unexpected content after the JSON value");
          if (utf8_error_ != std::string_view::npos) return Error(utf8_error_, "invalid UTF-8");
          return std::nullopt;
        }
        if (pos_ >= text_.size()) return Error(pos_, "unexpected end of input");
        char close = stack_.back() == '{' ? '}' : ']';
        char c = text_[pos_];
        if (c == close) {
          ++pos_;
          stack_.pop_back();
          continue;
        }
        if (c != ',') {
          return Error(pos_, fmt::format("expected ',' or '{}' but found {}", close, Shown(c)));
        }
        ++pos_;
        if (stack_.back() == '{' && !ParseKey()) return error_;
        break;
      }
    }
  }

 private:
  std::optional<SyntaxError> Error(size_t at, std::string message) {
    // Invalid UTF-8 earlier in the text is the first error, whatever the grammar says later.
    if (utf8_error_ != std::string_view::npos && utf8_error_ <= at) {
      error_ = SyntaxError{utf8_error_, "invalid UTF-8"};
    } else {
      error_ = SyntaxError{at, std::move(message)};
    }
    return error_;
  }
  bool Fail(size_t at, std::string message) {
    Error(at, std::move(message));
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && IsJsonSpace(text_[pos_])) ++pos_;
  }

  // An object key and its colon, positioned before the key.
  bool ParseKey() {
    SkipSpace();
    if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of input");
    if (text_[pos_] != '"') {
      return Fail(pos_, fmt::format("expected a string key but found {}", Shown(text_[pos_])));
    }
    if (!ParseString()) return false;
    SkipSpace();
    if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of input");
    if (text_[pos_] != ':') {
      return Fail(pos_, fmt::format("expected ':' after an object key but found {}",
                                    Shown(text_[pos_])));
    }
    ++pos_;
    return true;
  }

  // One value; containers are only opened here (their members are handled by Run's loop).
  bool ParseValue() {
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of input");
      char c = text_[pos_];
      if (c == '{' || c == '[') {
        stack_.push_back(c);
        ++pos_;
        SkipSpace();
        char close = c == '{' ? '}' : ']';
        if (pos_ < text_.size() && text_[pos_] == close) {
          // Empty container: a complete value; Run's loop continues after it.
          ++pos_;
          stack_.pop_back();
          return true;
        }
        if (c == '{') {
          if (!ParseKey()) return false;
        }
        continue;  // the first member's value
      }
      if (c == '"') return ParseString();
      if (c == '-' || IsDigit(c)) return ParseNumber();
      if (c == 't') return ParseLiteral("true");
      if (c == 'f') return ParseLiteral("false");
      if (c == 'n') return ParseLiteral("null");
      return Fail(pos_, fmt::format("unexpected character {}", Shown(c)));
    }
  }

  bool ParseString() {
    size_t start = pos_++;
    while (pos_ < text_.size()) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) {
        return Fail(pos_, fmt::format("unescaped control character U+{:04X} in a string",
                                      static_cast<unsigned>(c)));
      }
      if (c != '\\') {
        ++pos_;
        continue;
      }
      if (!ParseEscape()) return false;
    }
    return Fail(start, "unterminated string");
  }

  bool ParseEscape() {
    size_t at = pos_++;
    if (pos_ >= text_.size()) return Fail(at, "unterminated escape sequence");
    char e = text_[pos_];
    if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
        e == 't') {
      ++pos_;
      return true;
    }
    if (e != 'u') {
      return Fail(at, fmt::format("invalid escape sequence '\\{}'",
                                  EscapeForDisplay(std::string_view(&e, 1))));
    }
    unsigned unit = 0;
    if (!ParseHex4(at, &unit)) return false;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return Fail(at, "invalid \\u escape: a low surrogate without a high surrogate");
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      unsigned low = 0;
      if (pos_ + 1 >= text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u' ||
          !ParseHex4(pos_++, &low) || low < 0xDC00 || low > 0xDFFF) {
        return Fail(at, "invalid \\u escape: a high surrogate without a low surrogate");
      }
    }
    return true;
  }

  // Reads "uXXXX" at pos_ (positioned on the 'u').
  bool ParseHex4(size_t escape_start, unsigned* out) {
    ++pos_;
    unsigned v = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      if (pos_ >= text_.size() || !IsHex(text_[pos_])) {
        return Fail(escape_start, "invalid \\u escape: expected four hex digits");
      }
      char h = text_[pos_];
      v = v * 16 + static_cast<unsigned>(IsDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    *out = v;
    return true;
  }

  bool ParseNumber() {
    size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    if (pos_ >= text_.size() || !IsDigit(text_[pos_])) return Fail(start, "invalid number");
    if (text_[pos_] == '0' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1])) {
      return Fail(start, "invalid number: leading zero");
    }
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    bool integer = true;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      integer = false;
      ++pos_;
      if (pos_ >= text_.size() || !IsDigit(text_[pos_])) {
        return Fail(start, "invalid number: no digits after the decimal point");
      }
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      integer = false;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (pos_ >= text_.size() || !IsDigit(text_[pos_])) {
        return Fail(start, "invalid number: no digits in the exponent");
      }
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && !IsDelimiter(text_[pos_])) {
      return Fail(start, "invalid number");
    }
    if (!integer) {
      // Grammatical but beyond the range of a double (1e400): not representable.
      std::string token(text_.substr(start, pos_ - start));
      double d = std::strtod(token.c_str(), nullptr);
      if (std::isinf(d)) return Fail(start, "number out of range");
    }
    return true;
  }

  bool ParseLiteral(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word ||
        (pos_ + word.size() < text_.size() && !IsDelimiter(text_[pos_ + word.size()]))) {
      size_t end = pos_;
      while (end < text_.size() && !IsDelimiter(text_[end]) && end - pos_ < 20) ++end;
      return Fail(pos_, fmt::format("invalid literal '{}'",
                                    EscapeForDisplay(text_.substr(pos_, end - pos_))));
    }
    pos_ += word.size();
    return true;
  }

  static bool IsDelimiter(char c) {
    return IsJsonSpace(c) || c == ',' || c == ']' || c == '}' || c == ':';
  }

  std::string_view text_;
  size_t utf8_error_;
  size_t pos_ = 0;
  std::vector<char> stack_;
  std::optional<SyntaxError> error_;
};

}  // namespace

std::optional<SyntaxError> FindSyntaxError(std::string_view text) {
  return Scanner(text).Run();
}

TextPosition PositionOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  TextPosition pos{1, offset + 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = offset - i;
    }
  }
  return pos;
}

}  // namespace bundlebase::json
