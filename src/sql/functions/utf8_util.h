// UTF-8 helpers for the string kernels: character lengths, character-indexed positions, and
// simple case mapping (ASCII plus Latin-1, Latin Extended-A, Greek and Cyrillic letters).
// Text columns hold valid UTF-8 (readers validate it), so these do not re-check.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bundlebase::sql {

// Bytes in the character that starts with byte `lead` (1 for stray continuation bytes).
inline int Utf8CharLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Number of characters.
int64_t Utf8Length(std::string_view s);

// Byte offset of character `index` (0-based); s.size() when past the end.
size_t Utf8Offset(std::string_view s, int64_t index);

// Decodes the character at s[i] and advances i.
uint32_t DecodeUtf8(std::string_view s, size_t* i);
void AppendUtf8(uint32_t code_point, std::string* out);

uint32_t LowerCodePoint(uint32_t c);
uint32_t UpperCodePoint(uint32_t c);

// Appends the lower/upper-cased text (ASCII fast path).
void AppendLower(std::string_view s, std::string* out);
void AppendUpper(std::string_view s, std::string* out);

}  // namespace bundlebase::sql
