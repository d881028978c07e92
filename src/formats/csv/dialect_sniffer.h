// The dialect sniffer: guesses how a CSV/TSV file is spelled from its first bytes.
//
//   encoding     a UTF-8 byte order mark is skipped; UTF-16/32 marks and NUL bytes (binary
//                files, compressed files, Parquet files named .csv) are errors naming the
//                kind of file when it is recognizable.
//   line ending  the most frequent line break: \r\n, \r alone, or \n.
//   delimiter,   every combination of delimiter (, \t ; |), quote (" ' none) and escape
//   quote,       (doubling, backslash) tokenizes the sample; combinations that break the
//   escape       quoting rules are out; the score of the rest is the number of records with
//                the most common field count (plus short records when null_padding is on)
//                times that count. Ties go to more columns, then to the order above.
//   skip_rows    leading single-field lines (a title above a table) are skipped.
//   header       the first record is a header if some column whose values below have a type
//                (number, date, bool) holds a value of another kind in the first record; when
//                every column is text, if its values are non-empty and distinct.
// Options that are set are taken as given and not sniffed.
#pragma once

#include <string_view>

#include "bundlebase/result.h"
#include "formats/csv/dialect.h"
#include "formats/csv/read_options.h"

namespace bundlebase::csv {

// `sample` is the start of the file; `complete` says whether it is the whole file (otherwise
// its last, possibly cut, record is ignored).
Result<CsvDialect> SniffDialect(std::string_view sample, bool complete,
                                const CsvReadOptions& options);

// The byte offset just after the first `lines` line breaks (or the end of `text`).
size_t SkipLines(std::string_view text, int64_t lines, char newline);

}  // namespace bundlebase::csv
