// Building, sorting, comparing and printing canonical result rows (see result_rows.h).
#include "result_rows.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "value_format.h"

namespace bundlebase::sql {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> values;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    values.push_back(line.substr(start, tab == std::string::npos ? std::string::npos
                                                                 : tab - start));
    if (tab == std::string::npos) return values;
    start = tab + 1;
  }
}

// The type a value in column `column` is compared as. valuesort mixes the columns, so there a
// value gets R tolerance if any column is R.
char ColumnType(const std::string& types, SortMode mode, size_t column) {
  if (mode == SortMode::kValueSort) {
    return types.find('R') != std::string::npos ? 'R' : 'T';
  }
  return column < types.size() ? types[column] : 'T';
}

}  // namespace

Result<CanonicalRows> CanonicalizeOutput(const std::string& types, const QueryOutput& output) {
  CanonicalRows rows;
  rows.reserve(output.rows.size());
  for (size_t r = 0; r < output.rows.size(); ++r) {
    const auto& row = output.rows[r];
    if (row.size() != types.size()) {
      return Status::TypeError("the query returns {} columns but the record declares {} ('{}')",
                               row.size(), types.size(), types);
    }
    std::vector<std::string> canonical;
    canonical.reserve(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
      auto value = CanonicalValue(types[c], row[c]);
      if (!value.ok()) {
        return value.status().WithContextF("row {}, column {} (type {})", r + 1, c + 1,
                                           types[c]);
      }
      canonical.push_back(std::move(*value));
    }
    rows.push_back(std::move(canonical));
  }
  return rows;
}

CanonicalRows SplitExpectedLines(const std::vector<std::string>& lines) {
  CanonicalRows rows;
  rows.reserve(lines.size());
  for (const std::string& line : lines) rows.push_back(SplitTabs(line));
  return rows;
}

void ApplySortMode(SortMode mode, CanonicalRows* rows) {
  if (mode == SortMode::kRowSort) {
    std::sort(rows->begin(), rows->end());
  } else if (mode == SortMode::kValueSort) {
    CanonicalRows values;
    for (auto& row : *rows) {
      for (auto& value : row) values.push_back({std::move(value)});
    }
    std::sort(values.begin(), values.end());
    *rows = std::move(values);
  }
}

std::optional<std::string> DescribeMismatch(const std::string& types, SortMode mode,
                                            const CanonicalRows& expected,
                                            const CanonicalRows& actual) {
  if (expected.size() != actual.size()) {
    return fmt::format("expected {} rows, got {}", expected.size(), actual.size());
  }
  for (size_t r = 0; r < expected.size(); ++r) {
    if (expected[r].size() != actual[r].size()) {
      return fmt::format("row {}: expected {} values, got {}", r + 1, expected[r].size(),
                         actual[r].size());
    }
    for (size_t c = 0; c < expected[r].size(); ++c) {
      if (!CanonicalValuesMatch(ColumnType(types, mode, c), expected[r][c], actual[r][c])) {
        return fmt::format("row {}, column {}: expected '{}', got '{}'", r + 1, c + 1,
                           expected[r][c], actual[r][c]);
      }
    }
  }
  return std::nullopt;
}

std::vector<std::string> RenderRows(const CanonicalRows& rows) {
  std::vector<std::string> lines;
  lines.reserve(rows.size());
  for (const auto& row : rows) lines.push_back(fmt::format("{}", fmt::join(row, "\t")));
  return lines;
}

}  // namespace bundlebase::sql
