// UTF-8 helpers (utf8_util.h).
#include "sql/functions/utf8_util.h"

namespace bundlebase::sql {

int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t Utf8Offset(std::string_view s, int64_t index) {
  size_t i = 0;
  while (index > 0 && i < s.size()) {
    i += Utf8CharLength(static_cast<unsigned char>(s[i]));
    --index;
  }
  return std::min(i, s.size());
}

uint32_t DecodeUtf8(std::string_view s, size_t* i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(*i);
  int len = Utf8CharLength(lead);
  if (*i + len > s.size()) len = 1;
  uint32_t c;
  switch (len) {
    case 1: c = lead; break;
    case 2: c = ((lead & 0x1Fu) << 6) | (byte(*i + 1) & 0x3Fu); break;
    case 3: c = ((lead & 0x0Fu) << 12) | ((byte(*i + 1) & 0x3Fu) << 6) | (byte(*i + 2) & 0x3Fu); break;
    default:
      c = ((lead & 0x07u) << 18) | ((byte(*i + 1) & 0x3Fu) << 12) | ((byte(*i + 2) & 0x3Fu) << 6) |
          (byte(*i + 3) & 0x3Fu);
      break;
  }
  *i += len;
  return c;
}

void AppendUtf8(uint32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

uint32_t LowerCodePoint(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;                 // Latin-1
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x178) {
    // Latin Extended-A pairs: even upper / odd lower, shifted by one in 0x139..0x148 and 0x179..
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
    return c;
  }
  if (c == 0x178) return 0xFF;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;                 // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                               // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

uint32_t UpperCodePoint(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0xE0) return c;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149) {
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 0) : (c % 2 == 1)) return c - 1;
    return c;
  }
  if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}

namespace {

template <bool kLower>
void AppendCased(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      char c = static_cast<char>(b);
      if (kLower && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (!kLower && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      *out += c;
      ++i;
      continue;
    }
    uint32_t cp = DecodeUtf8(s, &i);
    AppendUtf8(kLower ? LowerCodePoint(cp) : UpperCodePoint(cp), out);
  }
}

}  // namespace

void AppendLower(std::string_view s, std::string* out) { AppendCased<true>(s, out); }
void AppendUpper(std::string_view s, std::string* out) { AppendCased<false>(s, out); }

}  // namespace bundlebase::sql
