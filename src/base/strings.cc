// String helpers: splitting, trimming, case folding, UTF-8 validation and typo suggestions.
#include "base/strings.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace bundlebase {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      fields.push_back(s.substr(start));
      return fields;
    }
    fields.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::vector<std::string_view> SplitAndTrim(std::string_view s, char sep) {
  std::vector<std::string_view> items;
  for (std::string_view field : Split(s, sep)) {
    field = Trim(field);
    if (!field.empty()) items.push_back(field);
  }
  return items;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsAsciiSpace(s[i])) ++i;
  return s.substr(i);
}

std::string_view TrimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsAsciiSpace(s[n - 1])) --n;
  return s.substr(0, n);
}

std::string_view Trim(std::string_view s) { return TrimRight(TrimLeft(s)); }

char AsciiToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
char AsciiToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiToLower(c);
  return out;
}

std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiToUpper(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiToLower(a[i]) != AsciiToLower(b[i])) return false;
  }
  return true;
}

std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to) {
  if (from.empty()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(from, start);
    if (pos == std::string_view::npos) break;
    out.append(s.substr(start, pos - start));
    out.append(to);
    start = pos + from.size();
  }
  out.append(s.substr(start));
  return out;
}

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (which is >= 0x80), or 0 if the
// bytes there are ill-formed or truncated. The ranges are Unicode's table 3-7.
size_t Utf8SequenceLength(const uint8_t* s, size_t i, size_t n) {
  uint8_t b0 = s[i];
  size_t len;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // continuation byte, overlong C0/C1, or F5..FF
  }
  if (n - i < len) return 0;
  if (s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (s[i + k] < 0x80 || s[i + k] > 0xBF) return 0;
  }
  return len;
}

}  // namespace

size_t ValidateUtf8(std::string_view str) {
  const auto* s = reinterpret_cast<const uint8_t*>(str.data());
  const size_t n = str.size();
  size_t i = 0;
  while (i < n) {
    // Fast path: skip eight ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(s, i, n);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string EscapeForDisplay(std::string_view str, size_t max_len) {
  const auto* s = reinterpret_cast<const uint8_t*>(str.data());
  const size_t n = str.size();
  std::string out;
  size_t i = 0;
  while (i < n) {
    size_t consumed = 1;
    std::string_view piece;
    char escape[4];
    if (s[i] >= 0x20 && s[i] < 0x7F) {
      piece = str.substr(i, 1);
    } else if (size_t len = s[i] >= 0x80 ? Utf8SequenceLength(s, i, n) : 0; len > 0) {
      piece = str.substr(i, len);
      consumed = len;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      escape[0] = '\\';
      escape[1] = 'x';
      escape[2] = kHex[s[i] >> 4];
      escape[3] = kHex[s[i] & 0xF];
      piece = std::string_view(escape, 4);
    }
    if (out.size() + piece.size() > max_len) break;
    out.append(piece);
    i += consumed;
  }
  if (i < n) out.append("...");
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  // One row of the dynamic-programming table, sized by the shorter string.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = AsciiToLower(a[i - 1]) == AsciiToLower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> ClosestMatch(std::string_view name,
                                        const std::vector<std::string>& candidates) {
  const size_t allowed = name.size() <= 3 ? 1 : std::max<size_t>(2, name.size() / 3);
  const std::string* best = nullptr;
  size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    size_t d = EditDistance(name, candidate);
    if (d > allowed || (d > 0 && d >= std::max(name.size(), candidate.size()))) continue;
    if (best == nullptr || d < best_distance) {
      best = &candidate;
      best_distance = d;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace bundlebase
