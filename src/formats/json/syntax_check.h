// A small, strict, non-recursive JSON validator that says where and why a text is not JSON.
//
// simdjson finds errors fast but often cannot say where (a stage-1 failure has no position) or
// says it vaguely ("improper structure"). The reader runs this scanner only after simdjson has
// failed, over the failing document or line, to report "invalid JSON at byte N: <reason>".
// It follows RFC 8259 exactly and keeps an explicit stack, so hostile nesting cannot overflow the
// call stack (the reader's nesting limit is enforced where records are read, not here). Speed
// does not matter here; clarity does.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bundlebase::json {

struct SyntaxError {
  size_t offset;        // byte offset into the text
  std::string message;  // "unterminated string", "expected ',' or '}' after an object member"...
};

// The first error in `text`, which must hold exactly one JSON value (surrounding whitespace
// allowed), or nullopt when it is valid JSON.
std::optional<SyntaxError> FindSyntaxError(std::string_view text);

// 1-based line and column (in bytes) of `offset` in `text`.
struct TextPosition {
  size_t line;
  size_t column;
};
TextPosition PositionOf(std::string_view text, size_t offset);

}  // namespace bundlebase::json
