// Column names from a header row: what a data engineer expects a header like
// " Id , Name ,,Name" to become — "Id", "Name", "column_3", "Name_1". Names are trimmed (of
// ASCII whitespace and stray byte order marks), empty ones are named after their 1-based
// position, and duplicates get "_1", "_2"... until unique. Uniqueness ignores ASCII case
// because unquoted SQL identifiers do (DESIGN §2): "id" and "ID" in one table could never both
// be reached without quotes.
#pragma once

#include <string>
#include <vector>

namespace bundlebase::csv {

std::vector<std::string> NormalizeColumnNames(const std::vector<std::string>& raw);

// column_1, column_2, ... for a file without a header.
std::vector<std::string> DefaultColumnNames(int count);

}  // namespace bundlebase::csv
