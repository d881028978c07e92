// LineParser: parses the lines of one block of a JSON lines file, one record per line.
//
// Each non-blank line must hold exactly one JSON object; blank lines (only spaces, tabs or a
// carriage return) are skipped. Lines are parsed one at a time with simdjson's single-document
// API, which needs no guess at the largest record and makes a line's error that line's alone.
// A failure reports the line (counted from the block's start) and the byte column in it.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "formats/json/walk_context.h"

namespace bundlebase::json {

struct LineError {
  int64_t line = 0;         // 0-based, counted from the first line of the block
  uint64_t line_start = 0;  // byte offset of the line from the start of the block
  ParseFailure failure;     // failure.offset counts from the start of the line
};

class LineParser {
 public:
  using RecordFn = std::function<Status(od::object&, WalkContext&)>;

  // Calls `fn` with the object of every non-blank line of `text`, which must be followed by
  // SIMDJSON_PADDING readable bytes. Sets *lines to the number of lines in `text`. On failure
  // returns the error and describes it in *error.
  Status Parse(std::string_view text, WalkContext& ctx, const RecordFn& fn, int64_t* lines,
               LineError* error);

 private:
  Status ParseLine(std::string_view line, size_t capacity, WalkContext& ctx, const RecordFn& fn);

  od::parser parser_;
};

}  // namespace bundlebase::json
