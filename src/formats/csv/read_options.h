// CsvReadOptions: everything a caller may say about a CSV/TSV file. Every dialect field is
// optional: unset means "detect it" (dialect_sniffer.h), set means "trust me", and the error
// messages say which was which. docs/csv.md is the user-facing reference for these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "columnar/type.h"
#include "formats/csv/dialect.h"

namespace bundlebase::csv {

struct CsvReadOptions {
  // ---- Dialect overrides (unset: detected) ----
  std::optional<char> delimiter;
  std::optional<char> quote;   // '\0' disables quoting
  std::optional<char> escape;  // the quote char itself means doubling (""); or e.g. '\\'
  std::optional<bool> header;
  std::optional<LineEnding> line_ending;
  // Lines to skip before the header (a title or preamble). Unset: leading lines whose field
  // count differs from the rest of the sample are skipped.
  std::optional<int64_t> skip_rows;

  // ---- Columns ----
  // Names to use instead of the header's (or for a file without one). Must match the number
  // of fields per record.
  std::vector<std::string> column_names;
  // Types to use instead of inferred ones, by column name (after column_names is applied).
  // Supported: bool, int8..int64, uint8..uint64, float32, float64, decimal128, utf8, binary,
  // date32, time64, timestamp (any unit, with or without a time zone).
  std::vector<std::pair<std::string, DataTypePtr>> column_types;
  // Only these columns are materialized, in this order (names as in the schema; matched
  // exactly first, then ignoring ASCII case). Empty: all columns in file order.
  std::vector<std::string> include_columns;
  // Extra spellings of NULL besides the empty unquoted field (e.g. "NA", "NULL"). They only
  // apply to unquoted fields: "NA" in quotes is the string NA.
  std::vector<std::string> null_values;
  // false: every column is utf8 (no type inference).
  bool infer_types = true;
  // A first record with more fields than this is an error: a table that wide is almost always
  // a misdetected delimiter or a file that is not CSV, and would cost memory per column.
  int max_columns = 100000;

  // ---- Shape ----
  // A record with fewer fields than the header gets NULLs for the missing ones instead of an
  // error. Too many fields is always an error.
  bool null_padding = false;
  // A record (or a quoted field) longer than this is an error; it usually means an unbalanced
  // quote swallowed the rest of the file.
  int64_t max_record_bytes = int64_t{64} << 20;

  // ---- Sampling ----
  // Rows at the start of the file used for type inference; <= 0 means the whole file (exact,
  // but reads it twice).
  int64_t sample_rows = 20480;
  // Extra samples of about 1000 rows spread evenly through the rest of the file, so a type
  // change late in a large file is usually caught before reading starts.
  int sample_regions = 10;

  // ---- Execution ----
  // Upper bound on the rows of one output batch (batches are zero-copy slices of a block).
  int64_t batch_rows = 65536;
  // Threads that parse blocks in parallel (the caller included); 0 means the default pool's.
  int num_threads = 0;
  // Bytes per parse block; each block becomes one or more batches.
  int64_t block_bytes = int64_t{2} << 20;

  // The name errors use for the file; empty means the path of the file being read.
  std::string filename;
};

}  // namespace bundlebase::csv
