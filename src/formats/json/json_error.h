// The messages of the JSON reader's errors. Every error names the input (when it has a name);
// parse failures also say where: the byte offset with line and column for a JSON document, the
// line with column and byte offset for JSON lines.
#pragma once

#include <cstdint>
#include <string_view>

#include "bundlebase/status.h"
#include "formats/json/walk_context.h"

namespace bundlebase::json {

// `status` with "<filename>: " in front of its message (unchanged when filename is empty).
Status NameInput(std::string_view filename, const Status& status);

// A failure at failure.offset of `text`, a document that starts at byte `base` of the input.
Status DocumentErrorStatus(std::string_view filename, std::string_view text, uint64_t base,
                     const ParseFailure& failure);

// A failure on line `line` (1-based) of a JSON lines input, at `column` (1-based) and absolute
// byte offset `byte`.
Status LineErrorStatus(std::string_view filename, int64_t line, size_t column, uint64_t byte,
                       const ParseFailure& failure);

}  // namespace bundlebase::json
