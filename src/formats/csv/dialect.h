// CsvDialect: how a CSV/TSV file is spelled — delimiter, quoting, line endings, header — and
// which of those the sniffer detected rather than the user gave. The detected flags exist for
// error messages: when a value fails to parse, the user needs to know that the delimiter was a
// guess before they can tell a wrong guess from bad data.
#pragma once

#include <cstdint>
#include <string>

namespace bundlebase::csv {

enum class LineEnding : uint8_t {
  kLf,    // "\n"; a "\r" just before it is dropped, so mixed \n and \r\n files read fine
  kCrLf,  // "\r\n"; read exactly like kLf, kept apart so messages and the writer can say so
  kCr,    // "\r" alone (classic Mac OS); "\n" is then ordinary data
};

struct CsvDialect {
  char delimiter = ',';
  // '\0' disables quoting: quote characters are then ordinary data.
  char quote = '"';
  // Inside a quoted field: equal to `quote` means RFC 4180 doubling (""); another character
  // (usually '\\') escapes the byte after it (\" and \\), and "" is still accepted.
  char escape = '"';
  bool header = true;
  LineEnding line_ending = LineEnding::kLf;
  // A UTF-8 byte order mark was present (and skipped).
  bool bom = false;
  // Lines skipped before the header (or the first data row).
  int64_t skip_rows = 0;

  struct Detected {
    bool delimiter = false;
    bool quote = false;
    bool escape = false;
    bool header = false;
    bool line_ending = false;
    bool skip_rows = false;
  } detected;

  // The byte that ends a record.
  char newline() const { return line_ending == LineEnding::kCr ? '\r' : '\n'; }
};

// "delimiter ',' (detected), quote '"' (detected), escape '"' (detected), header: yes (given),
// line endings: \r\n (detected)" — the sentence errors append so a wrong guess is visible.
std::string DescribeDialect(const CsvDialect& dialect);

// ',' -> "','", '\t' -> "'\t'", '\0' -> "none".
std::string DescribeChar(char c);

}  // namespace bundlebase::csv
