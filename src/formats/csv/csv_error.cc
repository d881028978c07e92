// Building CSV error messages: line counting, the offending line, and one sentence per kind
// of problem with the option that most likely fixes it.
#include "formats/csv/csv_error.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/strings.h"

namespace bundlebase::csv {

namespace {

constexpr uint64_t kCountChunk = uint64_t{4} << 20;
// How far around an offset the offending line is looked for; longer lines are shown cut.
constexpr uint64_t kLineWindow = uint64_t{16} << 10;
constexpr size_t kShownLineBytes = 200;

struct LineView {
  std::string text;         // the line (or the part of it around the offset)
  uint64_t start = 0;       // file offset of text[0]
  bool cut_before = false;  // the line starts before `start`
};

Result<LineView> LineAround(io::RandomAccessFile* file, uint64_t offset, char newline) {
  const uint64_t size = file->size();
  offset = std::min(offset, size);
  const uint64_t from = offset > kLineWindow ? offset - kLineWindow : 0;
  const uint64_t to = std::min(size, offset + kLineWindow);
  BB_ASSIGN_OR_RAISE(auto bytes, file->ReadAt(from, to - from));
  std::string_view window = bytes->view();
  const size_t at = offset - from;
  size_t begin = at == 0 ? std::string_view::npos : window.rfind(newline, at - 1);
  LineView line;
  if (begin == std::string_view::npos) {
    begin = 0;
    line.cut_before = from > 0;
  } else {
    ++begin;
  }
  size_t end = window.find(newline, at);
  if (end == std::string_view::npos) end = window.size();
  if (end > begin && window[end - 1] == '\r') --end;
  line.text = std::string(window.substr(begin, end - begin));
  line.start = from + begin;
  return line;
}

// 1-based field number of `offset` within its line, counting delimiters outside quotes.
int ColumnInLine(const LineView& line, uint64_t offset, const CsvDialect& d) {
  int column = 1;
  bool in_quote = false;
  const uint64_t upto = std::min<uint64_t>(offset - line.start, line.text.size());
  for (uint64_t i = 0; i < upto; ++i) {
    char c = line.text[i];
    if (d.quote != '\0' && c == d.quote) {
      in_quote = !in_quote;
    } else if (c == d.delimiter && !in_quote) {
      ++column;
    }
  }
  return column;
}

std::string ColumnLabel(const ErrorContext& ctx, int column) {
  if (column >= 0 && static_cast<size_t>(column) < ctx.column_names.size()) {
    return fmt::format("column {} (\"{}\")", column + 1,
                       EscapeForDisplay(ctx.column_names[static_cast<size_t>(column)], 80));
  }
  return fmt::format("column {}", column + 1);
}

std::string Bytes(int64_t n) {
  if (n >= (int64_t{1} << 20) && n % (int64_t{1} << 20) == 0) {
    return fmt::format("{} MiB", n >> 20);
  }
  return fmt::format("{} bytes", n);
}

}  // namespace

Result<int64_t> LineNumberAt(io::RandomAccessFile* file, uint64_t offset, char newline) {
  offset = std::min(offset, file->size());
  int64_t lines = 1;
  for (uint64_t pos = 0; pos < offset; pos += kCountChunk) {
    const uint64_t n = std::min(kCountChunk, offset - pos);
    BB_ASSIGN_OR_RAISE(auto chunk, file->ReadAt(pos, n));
    const char* p = chunk->data_as<char>();
    lines += std::count(p, p + n, newline);
  }
  return lines;
}

Status SyntaxErrorStatus(const ErrorContext& ctx, const SyntaxError& e) {
  const CsvDialect& d = ctx.dialect;
  const char newline = d.newline();
  BB_ASSIGN_OR_RAISE(int64_t line_number, LineNumberAt(ctx.file.get(), e.offset, newline));
  BB_ASSIGN_OR_RAISE(LineView line, LineAround(ctx.file.get(), e.offset, newline));
  const int column = e.column >= 0 ? e.column : ColumnInLine(line, e.offset, d) - 1;

  std::string where = fmt::format("{}: line {}", ctx.filename, line_number);
  std::string what;
  switch (e.kind) {
    case SyntaxErrorKind::kBadValue:
    case SyntaxErrorKind::kInvalidUtf8: {
      const uint64_t len = std::min<uint64_t>(e.related - e.offset, 4096);
      BB_ASSIGN_OR_RAISE(auto raw, ctx.file->ReadAt(e.offset, len));
      const size_t col = static_cast<size_t>(column);
      const bool known = col < ctx.column_types.size() && ctx.column_types[col];
      where += ", " + ColumnLabel(ctx, column);
      if (e.kind == SyntaxErrorKind::kInvalidUtf8) {
        size_t bad = ValidateUtf8(raw->view());
        what = fmt::format(
            "invalid UTF-8 (byte 0x{:02x} at position {} of the field '{}'); the file may be in "
            "another encoding such as Latin-1 or Windows-1252: convert it to UTF-8, or read the "
            "column as binary with column_types",
            bad < raw->size() ? static_cast<unsigned char>(raw->view()[bad]) : 0, bad + 1,
            EscapeForDisplay(raw->view(), 80));
        break;
      }
      const std::string type = known ? ctx.column_types[col]->ToString() : "its type";
      what = fmt::format("cannot read '{}' as {}", EscapeForDisplay(raw->view(), 80), type);
      if (col < ctx.type_inferred.size() && ctx.type_inferred[col]) {
        what += fmt::format(
            " — the type {} was inferred from {}; set column_types (e.g. \"{}\": utf8) to "
            "override it, or sample_rows = 0 to infer from the whole file",
            type, ctx.sample_description,
            col < ctx.column_names.size() ? EscapeForDisplay(ctx.column_names[col], 80) : "");
      } else {
        what += " (the type was given in column_types)";
      }
      break;
    }
    case SyntaxErrorKind::kStrayQuote:
      where += ", " + ColumnLabel(ctx, column);
      what = fmt::format(
          "quote character {} inside an unquoted field (RFC 4180 allows quotes only around a "
          "whole field); if quotes are ordinary text in this file, set quote to none",
          DescribeChar(d.quote));
      break;
    case SyntaxErrorKind::kTextAfterQuote: {
      where += ", " + ColumnLabel(ctx, column);
      const uint64_t at = e.offset - line.start;
      std::string found = at < line.text.size() ? EscapeForDisplay(line.text.substr(at, 1), 8)
                                                : std::string("a line break");
      what = fmt::format(
          "a closing quote must be followed by the delimiter {} or the end of the line, found "
          "'{}' (a quote inside a quoted field is written twice: \"\")",
          DescribeChar(d.delimiter), found);
      if (d.escape == d.quote) {
        what += "; if this file escapes quotes with a backslash, set escape to '\\\\'";
      }
      break;
    }
    case SyntaxErrorKind::kUnterminatedQuote:
      where += ", " + ColumnLabel(ctx, column);
      what = fmt::format(
          "the quoted field that starts here is never closed (an unbalanced quote {}; no closing "
          "quote before the end of the file or within max_record_bytes = {})",
          DescribeChar(d.quote), Bytes(ctx.max_record_bytes));
      break;
    case SyntaxErrorKind::kTooManyFields:
      where += ", " + ColumnLabel(ctx, column);
      what = fmt::format(
          "expected {} fields, found {} (check the delimiter, and that text containing it is "
          "quoted)",
          ctx.column_names.size(), e.related);
      break;
    case SyntaxErrorKind::kTooFewFields:
      what = fmt::format(
          "expected {} fields, found {} (set null_padding to read missing fields as NULL)",
          ctx.column_names.size(), e.related);
      break;
    case SyntaxErrorKind::kRecordTooLong:
      what = fmt::format(
          "a record starting here is longer than max_record_bytes = {} (is a quote unbalanced? "
          "raise max_record_bytes if records really are this long)",
          Bytes(ctx.max_record_bytes));
      break;
  }
  std::string shown = EscapeForDisplay(line.text, kShownLineBytes);
  return Status::Invalid("{}: {}\n  line {}: {}{}\n  read with {}", where, what, line_number,
                         line.cut_before ? "..." : "", shown, DescribeDialect(d));
}

}  // namespace bundlebase::csv
