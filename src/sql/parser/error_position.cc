// Line/column and caret rendering for SQL error messages (see error_position.h).
#include "sql/parser/error_position.h"

#include <algorithm>

#include <fmt/format.h>

namespace bundlebase::sql {
namespace {

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

struct LinePosition {
  int line = 1;
  std::string_view text;  // the whole source line, without its line break
  std::string caret_indent;
  int column = 1;
};

LinePosition Locate(std::string_view sql, size_t location) {
  LinePosition result;
  size_t line_start = 0;
  for (size_t i = 0; i < location; ++i) {
    if (sql[i] == '\n') {
      ++result.line;
      line_start = i + 1;
    }
  }
  size_t line_end = sql.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = sql.size();
  result.text = sql.substr(line_start, line_end - line_start);
  if (!result.text.empty() && result.text.back() == '\r') result.text.remove_suffix(1);
  for (size_t i = line_start; i < location; ++i) {
    if (IsUtf8Continuation(sql[i])) continue;
    ++result.column;
    result.caret_indent += sql[i] == '\t' ? '\t' : ' ';
  }
  return result;
}

}  // namespace

std::string DescribePosition(std::string_view sql, int location) {
  if (location < 0) return "";
  size_t clamped = std::min(static_cast<size_t>(location), sql.size());
  LinePosition position = Locate(sql, clamped);
  return fmt::format("line {}, column {}\n  {}\n  {}^", position.line, position.column,
                     position.text, position.caret_indent);
}

std::string PositionSuffix(std::string_view sql, int location) {
  if (location < 0) return "";
  std::string description = DescribePosition(sql, location);
  size_t first_break = description.find('\n');
  return fmt::format(" ({}){}", description.substr(0, first_break),
                     description.substr(first_break));
}

}  // namespace bundlebase::sql
