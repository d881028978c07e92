// String helpers shared by every layer: splitting, trimming, ASCII case folding, UTF-8
// validation, safe display of untrusted bytes in error messages, and "did you mean" lookups.
//
// Everything here is byte-oriented and locale-independent on purpose: identifiers, option names
// and file contents must compare the same way on every machine, whatever LANG says. Case folding
// touches ASCII letters only; other bytes (including UTF-8 sequences) pass through unchanged.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bundlebase {

// Splits at every `sep`, keeping empty fields: "a,,b" -> {"a", "", "b"}, "" -> {""}. There is
// always one more field than there are separators. The views point into `s`.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Splits a user-written list such as "*.csv, *.parquet": each item is trimmed and empty items
// are dropped, so "a, ,b," -> {"a", "b"} and "" -> {}.
std::vector<std::string_view> SplitAndTrim(std::string_view s, char sep = ',');

// ASCII whitespace: space, \t, \n, \v, \f, \r.
bool IsAsciiSpace(char c);
std::string_view TrimLeft(std::string_view s);
std::string_view TrimRight(std::string_view s);
std::string_view Trim(std::string_view s);

char AsciiToLower(char c);
char AsciiToUpper(char c);
std::string ToLower(std::string_view s);
std::string ToUpper(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Concatenates `parts` (anything whose elements convert to string_view) with `sep` between.
template <typename Range>
std::string Join(const Range& parts, std::string_view sep) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out.append(sep);
    out.append(std::string_view(part));
    first = false;
  }
  return out;
}

// Replaces every non-overlapping occurrence of `from`, left to right. An empty `from` matches
// nothing (the input is returned unchanged) rather than looping forever.
std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to);

// Returns std::string_view::npos if `s` is well-formed UTF-8, else the offset of the first byte
// of the first ill-formed sequence. Follows Unicode table 3-7: overlong encodings, surrogates
// (U+D800..U+DFFF), code points above U+10FFFF and sequences truncated by the end of the input
// are all rejected. Runs of ASCII are checked eight bytes at a time.
size_t ValidateUtf8(std::string_view s);

// Renders untrusted bytes (a line of a malformed file, a bad option value) for an error message:
// printable ASCII and well-formed UTF-8 are shown as they are, control characters and invalid
// bytes as \xNN. Backslashes are left alone, favouring readability of Windows paths over strict
// reversibility. The output, not counting a final "..." added when the input was cut short,
// holds at most `max_len` bytes and never ends in the middle of an escape or a character.
std::string EscapeForDisplay(std::string_view s, size_t max_len = 200);

// Levenshtein distance (insertions, deletions, substitutions) ignoring ASCII case.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `name` by EditDistance, if it is close enough to be a plausible typo:
// a case-insensitive exact match always qualifies; otherwise names of up to 3 characters allow
// one edit and longer names max(2, length / 3). Ties go to the earliest candidate. Used for
// "unknown column 'amout', did you mean 'amount'?".
std::optional<std::string> ClosestMatch(std::string_view name,
                                        const std::vector<std::string>& candidates);

}  // namespace bundlebase
