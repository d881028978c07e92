// A query result as canonical text rows: built from a backend's output or from a record's
// expected lines, put in the record's sort order, compared and printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sql_backend.h"
#include "test_file.h"

namespace bundlebase::sql {

using CanonicalRows = std::vector<std::vector<std::string>>;

// Every value of `output` in canonical form (value_format.h). TypeError names the row and
// column of a value that does not fit `types`, or a row whose width differs from `types`.
Result<CanonicalRows> CanonicalizeOutput(const std::string& types, const QueryOutput& output);

// A record's expected lines split at tabs.
CanonicalRows SplitExpectedLines(const std::vector<std::string>& lines);

// rowsort sorts the rows; valuesort turns the rows into one value per row, sorted; nosort
// keeps the order.
void ApplySortMode(SortMode mode, CanonicalRows* rows);

// nullopt when `actual` matches `expected` (already sorted alike), else what differs first.
std::optional<std::string> DescribeMismatch(const std::string& types, SortMode mode,
                                            const CanonicalRows& expected,
                                            const CanonicalRows& actual);

// One line per row, values joined by a tab: the text a .test file records after `----`.
std::vector<std::string> RenderRows(const CanonicalRows& rows);

}  // namespace bundlebase::sql
