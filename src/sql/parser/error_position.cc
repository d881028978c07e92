// Line/column and caret rendering for SQL error messages (see error_position.h).
#include "sql/parser/error_position.h"

#include <algorithm>

#include <fmt/format.h>

namespace bundlebase::sql {
namespace {

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Long lines (SQL generated on one line) are cut to a window around the position so the
// message stays readable.
constexpr size_t kContextBefore = 60;
constexpr size_t kContextAfter = 40;

struct LinePosition {
  int line = 1;
  int column = 1;
  std::string shown;  // the source line, or the window of it around the position
  std::string caret_indent;
};

size_t BackToCharacterStart(std::string_view text, size_t i) {
  while (i > 0 && i < text.size() && IsUtf8Continuation(text[i])) --i;
  return i;
}

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
  std::string_view line = sql.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t offset = location - line_start;
  for (size_t i = 0; i < offset; ++i) {
    if (!IsUtf8Continuation(line[i])) ++result.column;
  }
  size_t window_start = 0;
  size_t window_end = line.size();
  if (offset > kContextBefore) window_start = BackToCharacterStart(line, offset - kContextBefore);
  if (line.size() > offset + kContextAfter) {
    window_end = BackToCharacterStart(line, offset + kContextAfter);
  }
  std::string prefix = window_start > 0 ? "..." : "";
  result.shown = prefix + std::string(line.substr(window_start, window_end - window_start)) +
                 (window_end < line.size() ? "..." : "");
  result.caret_indent = std::string(prefix.size(), ' ');
  for (size_t i = window_start; i < offset && i < line.size(); ++i) {
    if (IsUtf8Continuation(line[i])) continue;
    result.caret_indent += line[i] == '\t' ? '\t' : ' ';
  }
  return result;
}

}  // namespace

std::string DescribePosition(std::string_view sql, int location) {
  if (location < 0) return "";
  size_t clamped = std::min(static_cast<size_t>(location), sql.size());
  LinePosition position = Locate(sql, clamped);
  return fmt::format("line {}, column {}\n  {}\n  {}^", position.line, position.column,
                     position.shown, position.caret_indent);
}

std::string PositionSuffix(std::string_view sql, int location) {
  if (location < 0) return "";
  std::string description = DescribePosition(sql, location);
  size_t first_break = description.find('\n');
  return fmt::format(" ({}){}", description.substr(0, first_break),
                     description.substr(first_break));
}

}  // namespace bundlebase::sql
