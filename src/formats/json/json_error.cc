// Formatting of positioned JSON reader errors.
#include "formats/json/json_error.h"

#include "formats/json/syntax_check.h"

namespace bundlebase::json {

Status NameInput(std::string_view filename, const Status& status) {
  if (filename.empty() || status.ok()) return status;
  return status.WithContext(filename);
}

namespace {

// A mismatch in the last pass means the schema of the first no longer describes the input.
std::string Reason(const ParseFailure& failure) {
  if (!failure.mismatch) return failure.message;
  return "the input changed while it was being read (" + failure.message + ")";
}

}  // namespace

Status DocumentErrorStatus(std::string_view filename, std::string_view text, uint64_t base,
                           const ParseFailure& failure) {
  TextPosition pos = PositionOf(text, failure.offset);
  return NameInput(filename, Status::Invalid("{}at byte {} (line {}, column {}): {}",
                                             failure.invalid_json ? "invalid JSON " : "",
                                             base + failure.offset, pos.line, pos.column,
                                             Reason(failure)));
}

Status LineErrorStatus(std::string_view filename, int64_t line, size_t column, uint64_t byte,
                       const ParseFailure& failure) {
  if (failure.invalid_json) {
    return NameInput(filename, Status::Invalid("line {}: invalid JSON at column {} (byte {}): {}",
                                               line, column, byte, Reason(failure)));
  }
  return NameInput(filename, Status::Invalid("line {}, column {} (byte {}): {}", line, column,
                                             byte, Reason(failure)));
}

}  // namespace bundlebase::json
