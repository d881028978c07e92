// Human-readable renderings of columnar data: the boxed result table the CLI and Python's
// repr show, and one-line array dumps for debugging and tests.
//
// The table follows the DuckDB CLI's look: Unicode box drawing, a header row of column names
// and a second of column types (both centred), numbers right-aligned and everything else
// left-aligned, values in value_formatting's text with control characters escaped so a value
// can never break the box. Long results keep their head and tail around a "⋮" row, wide ones
// keep their outer columns around a "…" column, and a footer says what was left out:
//
//   ┌───────┬─────────────┐
//   │  id   │    name     │
//   │ int64 │    utf8     │
//   ├───────┼─────────────┤
//   │     1 │ a           │
//   │   ⋮   │      ⋮      │
//   │  1000 │ NULL        │
//   ├───────┴─────────────┤
//   │ 1000 rows (2 shown) │   (a column widens when the footer needs the room)
//   └─────────────────────┘
//
// Column widths count display columns (display_width.h), so CJK text and accents line up.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "columnar/record_batch.h"

namespace bundlebase {

struct TableFormatOptions {
  // Rows shown at most (head and tail halves); 0 shows every row.
  int64_t max_rows = 40;
  // Width of the whole table in terminal columns; 0 means no limit.
  int64_t max_width = 0;
  // Values and names wider than this are cut with "…".
  int64_t max_column_width = 50;
  std::string null_text = "NULL";
};

// The batches (all of `schema`) as one boxed table, ending in a newline.
std::string FormatBatchesAsTable(const SchemaPtr& schema,
                                 const std::vector<RecordBatchPtr>& batches,
                                 const TableFormatOptions& options = {});

// "[1, NULL, 3]": every row of `array` in value_formatting's text.
std::string ArrayToString(const Array& array);

}  // namespace bundlebase
