// LIKE pattern compilation and matching (like_matcher.h).
#include "sql/functions/like_matcher.h"

#include "sql/functions/utf8_util.h"

namespace bundlebase::sql {

namespace {

std::string Fold(std::string_view s) {
  std::string out;
  AppendLower(s, &out);
  return out;
}

}  // namespace

Result<LikeMatcher> LikeMatcher::Compile(std::string_view pattern, std::string_view escape,
                                         bool case_insensitive) {
  if (escape.size() > 1 && Utf8Length(escape) > 1) {
    return Status::Invalid("invalid escape string: \"{}\". Escape string must be empty or one character.",
                           escape);
  }
  LikeMatcher m;
  m.case_insensitive_ = case_insensitive;
  std::string folded = case_insensitive ? Fold(pattern) : std::string(pattern);
  std::string_view p = folded;
  for (size_t i = 0; i < p.size();) {
    if (!escape.empty() && p.substr(i, escape.size()) == escape) {
      i += escape.size();
      if (i >= p.size()) {
        return Status::Invalid("LIKE pattern must not end with escape character");
      }
      size_t len = Utf8CharLength(static_cast<unsigned char>(p[i]));
      if (m.elements_.empty() || m.elements_.back().token != Token::kLiteral) {
        m.elements_.push_back({Token::kLiteral, ""});
      }
      m.elements_.back().literal.append(p.substr(i, len));
      i += len;
      continue;
    }
    char c = p[i];
    if (c == '%') {
      // Consecutive '%' are one.
      if (m.elements_.empty() || m.elements_.back().token != Token::kAny) {
        m.elements_.push_back({Token::kAny, ""});
      }
      ++i;
    } else if (c == '_') {
      m.elements_.push_back({Token::kOne, ""});
      ++i;
    } else {
      size_t len = Utf8CharLength(static_cast<unsigned char>(c));
      if (m.elements_.empty() || m.elements_.back().token != Token::kLiteral) {
        m.elements_.push_back({Token::kLiteral, ""});
      }
      m.elements_.back().literal.append(p.substr(i, len));
      i += len;
    }
  }
  const auto& e = m.elements_;
  auto is = [&](size_t k, Token t) { return k < e.size() && e[k].token == t; };
  if (e.empty()) {
    m.kind_ = Kind::kExact;
  } else if (e.size() == 1 && is(0, Token::kLiteral)) {
    m.kind_ = Kind::kExact;
    m.needle_ = e[0].literal;
  } else if (e.size() == 2 && is(0, Token::kLiteral) && is(1, Token::kAny)) {
    m.kind_ = Kind::kPrefix;
    m.needle_ = e[0].literal;
  } else if (e.size() == 2 && is(0, Token::kAny) && is(1, Token::kLiteral)) {
    m.kind_ = Kind::kSuffix;
    m.needle_ = e[1].literal;
  } else if (e.size() == 3 && is(0, Token::kAny) && is(1, Token::kLiteral) && is(2, Token::kAny)) {
    m.kind_ = Kind::kContains;
    m.needle_ = e[1].literal;
  } else if (e.size() == 1 && is(0, Token::kAny)) {
    m.kind_ = Kind::kContains;  // '%' matches everything: an empty needle is always found
  }
  return m;
}

bool LikeMatcher::Matches(std::string_view input) const {
  std::string folded;
  std::string_view text = input;
  if (case_insensitive_) {
    folded = Fold(input);
    text = folded;
  }
  switch (kind_) {
    case Kind::kExact: return text == needle_;
    case Kind::kPrefix: return text.starts_with(needle_);
    case Kind::kSuffix: return text.ends_with(needle_);
    case Kind::kContains: return text.find(needle_) != std::string_view::npos;
    case Kind::kGeneral: return MatchGeneral(text);
  }
  return false;
}

// Greedy matching with backtracking to the most recent '%': each '%' retries by one more
// character, so a pattern with one '%' is linear and k '%' cost at most O(n * k).
bool LikeMatcher::MatchGeneral(std::string_view text) const {
  size_t t = 0;
  size_t p = 0;
  size_t star = SIZE_MAX;
  size_t star_text = 0;
  while (true) {
    // A trailing '%' matches whatever is left.
    if (p == elements_.size() && star + 1 == elements_.size()) return true;
    if (p < elements_.size()) {
      const Element& e = elements_[p];
      if (e.token == Token::kAny) {
        star = p++;
        star_text = t;
        continue;
      }
      if (e.token == Token::kOne && t < text.size()) {
        t += Utf8CharLength(static_cast<unsigned char>(text[t]));
        ++p;
        continue;
      }
      if (e.token == Token::kLiteral && text.substr(t).starts_with(e.literal)) {
        t += e.literal.size();
        ++p;
        continue;
      }
    } else if (t >= text.size()) {
      return true;
    }
    if (star == SIZE_MAX || star_text >= text.size()) return false;
    star_text += Utf8CharLength(static_cast<unsigned char>(text[star_text]));
    t = star_text;
    p = star + 1;
  }
}

}  // namespace bundlebase::sql
