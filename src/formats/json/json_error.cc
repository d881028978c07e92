// Formatting of positioned JSON reader errors.
#include "formats/json/json_error.h"

#include "formats/json/syntax_check.h"

namespace bundlebase::json {

Status NameInput(std::string_view filename, const Status& status) {
  if (filename.empty() || status.ok()) return status;
  return status.WithContext(filename);
}

Status DocumentErrorStatus(std::string_view filename, std::string_view text, uint64_t base,
                     const ParseFailure& failure) {
  TextPosition pos = PositionOf(text, failure.offset);
  return NameInput(filename, Status::Invalid("{}at byte {} (line {}, column {}): {}",
                                             failure.invalid_json ? "invalid JSON " : "",
                                             base + failure.offset, pos.line, pos.column,
                                             failure.message));
}

Status LineErrorStatus(std::string_view filename, int64_t line, size_t column, uint64_t byte,
                 std::string_view message, bool invalid_json) {
  if (invalid_json) {
    return NameInput(filename, Status::Invalid("line {}: invalid JSON at column {} (byte {}): {}",
                                               line, column, byte, message));
  }
  return NameInput(filename, Status::Invalid("line {}, column {} (byte {}): {}", line, column,
                                             byte, message));
}

}  // namespace bundlebase::json
