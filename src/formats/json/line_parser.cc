// One JSON object per line: blank-line skipping, per-line parsing and line-level errors.
#include "formats/json/line_parser.h"

#include <cstring>

namespace bundlebase::json {

namespace {

bool IsLineSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

Status LineParser::Parse(std::string_view text, WalkContext& ctx, const RecordFn& fn,
                         int64_t* lines, LineError* error) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const char* const padded_end = end + simdjson::SIMDJSON_PADDING;
  int64_t line = 0;
  while (p < end) {
    const char* newline = static_cast<const char*>(std::memchr(p, '\n', end - p));
    const char* line_end = newline ? newline : end;
    Status status = ParseLine(std::string_view(p, line_end - p), padded_end - p, ctx, fn);
    if (!status.ok()) {
      if (ctx.failure()) {
        error->line = line;
        error->line_start = static_cast<uint64_t>(p - text.data());
        error->failure = *ctx.failure();
      }
      return status;
    }
    ++line;
    p = newline ? newline + 1 : end;
  }
  *lines = line;
  return Status::OK();
}

Status LineParser::ParseLine(std::string_view line, size_t capacity, WalkContext& ctx,
                             const RecordFn& fn) {
  size_t first = 0;
  while (first < line.size() && IsLineSpace(line[first])) ++first;
  if (first == line.size()) return Status::OK();
  ctx.set_text(line);
  od::document doc;
  if (auto error = parser_.iterate(simdjson::padded_string_view(line.data(), line.size(), capacity))
                       .get(doc)) {
    return ctx.FailJson(error, nullptr);
  }
  od::json_type type;
  if (auto error = doc.type().get(type)) return ctx.FailJson(error, nullptr);
  if (type != od::json_type::object) {
    return ctx.Fail(line.data() + first,
                    fmt::format("expected a JSON object, got {}", JsonTypeWithArticle(type)));
  }
  od::object record;
  if (auto error = doc.get_object().get(record)) return ctx.FailJson(error, nullptr);
  BB_RETURN_NOT_OK(fn(record, ctx));
  const char* rest;
  if (!doc.current_location().get(rest)) {
    return ctx.Fail(rest, "unexpected content after the record (JSON lines holds one record "
                          "per line)");
  }
  return Status::OK();
}

}  // namespace bundlebase::json
