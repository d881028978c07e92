// Code point decoding and the wide/zero-width ranges behind DisplayWidth.
#include "columnar/display_width.h"

namespace bundlebase {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
    {0x2028, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
};

template <size_t N>
bool InRanges(char32_t c, const Range (&ranges)[N]) {
  for (const Range& r : ranges) {
    if (c < r.first) return false;  // sorted: no later range can hold it
    if (c <= r.last) return true;
  }
  return false;
}

int CodePointWidth(char32_t c) {
  if (c < 0x300) return 1;
  if (InRanges(c, kZeroWidth)) return 0;
  return InRanges(c, kWide) ? 2 : 1;
}

// Decodes the character at `i` (advancing `i`); an invalid byte decodes as itself, length 1.
char32_t Next(std::string_view s, size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  int length = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (length <= 1 || *i + length > s.size()) {
    ++*i;
    return b0;
  }
  char32_t c = b0 & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return b0;
    }
    c = (c << 6) | (b & 0x3F);
  }
  *i += length;
  return c;
}

}  // namespace

int64_t DisplayWidth(std::string_view utf8) {
  int64_t width = 0;
  for (size_t i = 0; i < utf8.size();) width += CodePointWidth(Next(utf8, &i));
  return width;
}

std::string TruncateToWidth(std::string_view utf8, int64_t width) {
  if (DisplayWidth(utf8) <= width) return std::string(utf8);
  if (width <= 0) return "";
  int64_t used = 0;
  size_t end = 0;
  for (size_t i = 0; i < utf8.size();) {
    const int w = CodePointWidth(Next(utf8, &i));
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    used += w;
    end = i;
  }
  return std::string(utf8.substr(0, end)) + "…";
}

}  // namespace bundlebase
