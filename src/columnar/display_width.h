// How many terminal columns text takes, for printers that line values up in boxes.
//
// Counting bytes would misalign every non-ASCII value, and a full Unicode width table is more
// than a result printer needs. We count code points, with two cheap corrections that cover what
// real data holds: East Asian wide characters (CJK, Hangul, fullwidth forms, common emoji)
// count 2, combining marks and zero-width characters count 0. Invalid UTF-8 bytes count 1 each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bundlebase {

int64_t DisplayWidth(std::string_view utf8);

// The longest prefix of `utf8` that fits in `width` columns, ending in "…" when anything was
// cut (the ellipsis is counted in the width). Never splits a character.
std::string TruncateToWidth(std::string_view utf8, int64_t width);

}  // namespace bundlebase
