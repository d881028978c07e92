// Human-readable dialect descriptions for error messages.
#include "formats/csv/dialect.h"

#include <fmt/format.h>

namespace bundlebase::csv {

namespace {

const char* Origin(bool detected) { return detected ? "detected" : "given"; }

std::string_view LineEndingName(LineEnding e) {
  switch (e) {
    case LineEnding::kLf: return "\\n";
    case LineEnding::kCrLf: return "\\r\\n";
    case LineEnding::kCr: return "\\r";
  }
  return "?";
}

}  // namespace

std::string DescribeChar(char c) {
  switch (c) {
    case '\0': return "none";
    case '\t': return "'\\t'";
    case '\n': return "'\\n'";
    case '\r': return "'\\r'";
    case '\\': return "'\\\\'";
    default: break;
  }
  auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u >= 0x7f) return fmt::format("'\\x{:02x}'", u);
  return fmt::format("'{}'", c);
}

std::string DescribeDialect(const CsvDialect& d) {
  std::string escape = d.quote == '\0'   ? "none"
                       : d.escape == d.quote ? "doubled quote"
                                             : DescribeChar(d.escape);
  std::string out = fmt::format(
      "delimiter {} ({}), quote {} ({}), escape {} ({}), header: {} ({}), line endings: {} ({})",
      DescribeChar(d.delimiter), Origin(d.detected.delimiter), DescribeChar(d.quote),
      Origin(d.detected.quote), escape, Origin(d.detected.escape), d.header ? "yes" : "no",
      Origin(d.detected.header), LineEndingName(d.line_ending), Origin(d.detected.line_ending));
  if (d.skip_rows > 0) {
    out += fmt::format(", skipped {} leading line(s) ({})", d.skip_rows,
                       Origin(d.detected.skip_rows));
  }
  if (d.bom) out += ", UTF-8 byte order mark skipped";
  return out;
}

}  // namespace bundlebase::csv
