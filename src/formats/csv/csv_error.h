// Error messages for malformed CSV: every one names the file, the line and (when it applies)
// the column, shows the offending line, and says how the file was read — the dialect with what
// was detected, and for a value that does not fit its column whether the type was inferred —
// because the fix is usually an option ("set quote to none", "override the column type").
//
// Errors are found on byte offsets inside a block; the line number is only counted here, on
// the error path, by scanning the file up to the offset, so the fast path never tracks lines.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "columnar/type.h"
#include "formats/csv/dialect.h"
#include "formats/csv/tokenizer.h"
#include "io/file_system.h"

namespace bundlebase::csv {

struct ErrorContext {
  std::string filename;
  std::shared_ptr<io::RandomAccessFile> file;
  CsvDialect dialect;
  // Per file column (before projection).
  std::vector<std::string> column_names;
  std::vector<DataTypePtr> column_types;
  std::vector<bool> type_inferred;
  // How types were inferred, for the hint: "the first 20480 rows and 10 samples spread ...".
  std::string sample_description;
  int64_t max_record_bytes = 0;
};

// An Invalid status for `error`, whose offsets are absolute file offsets.
Status SyntaxErrorStatus(const ErrorContext& context, const SyntaxError& error);

// 1-based line number of byte `offset` (line breaks counted by the dialect's newline byte).
Result<int64_t> LineNumberAt(io::RandomAccessFile* file, uint64_t offset, char newline);

}  // namespace bundlebase::csv
