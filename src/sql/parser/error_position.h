// Pointing at a place in SQL text for error messages: "line 2, column 8", the source line and a
// caret under the column. The parser uses it for syntax errors and the binder for unknown
// names ("column "custmer" not found (line 1, column 8)\n  SELECT custmer FROM t\n         ^").
#pragma once

#include <string>
#include <string_view>

namespace bundlebase::sql {

// "line L, column C\n  <source line>\n  <spaces>^" for byte offset `location` (0-based) of
// `sql`. Lines and columns count from 1; columns count characters, not bytes, so the caret
// sits under the right character of UTF-8 text; tabs are kept so the caret lines up. Lines
// longer than about 100 characters are shown as a window around the position. A location
// at the end of the text points just past the last character. Returns "" when location < 0.
std::string DescribePosition(std::string_view sql, int location);

// The same description as a suffix for a message: " (line L, column C)\n  line\n  ^", or ""
// when location < 0.
std::string PositionSuffix(std::string_view sql, int location);

}  // namespace bundlebase::sql
