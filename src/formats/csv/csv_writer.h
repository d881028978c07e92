// CsvWriter: record batches -> RFC 4180 CSV text on an io::OutputStream.
//
// Values are written as columnar/value_formatting.h spells them (PostgreSQL's text forms: ISO
// dates, "2024-01-05 13:45:00.5" timestamps, "+00" for zoned ones, shortest round-trip
// floats), which the reader parses back to the same values and types. A field is quoted when it
// contains the delimiter, the quote, CR or LF; an empty string is written as "" so it stays
// distinct from NULL (written as null_string, empty by default); a text value equal to a
// non-empty null_string is quoted for the same reason. The writer buffers and does not own or
// close the stream: Finish() flushes, the caller then closes the stream to publish the file.
#pragma once

#include <memory>
#include <string>

#include "columnar/record_batch.h"
#include "formats/csv/dialect.h"
#include "io/file_system.h"

namespace bundlebase::csv {

struct CsvWriteOptions {
  char delimiter = ',';
  char quote = '"';
  bool header = true;
  // kLf writes "\n", kCrLf "\r\n", kCr "\r".
  LineEnding line_ending = LineEnding::kLf;
  std::string null_string;
  // Quote every text field, needed or not.
  bool quote_all_text = false;
};

class CsvWriter {
 public:
  // Fails on an unusable delimiter/quote pair. Writes the header (if any) on the first Write
  // or Finish.
  static Result<std::unique_ptr<CsvWriter>> Make(io::OutputStream* out, SchemaPtr schema,
                                                 CsvWriteOptions options = {});

  // `batch` must have the writer's schema (same names and types).
  Status Write(const RecordBatch& batch);
  // Writes what is buffered (and the header of an empty file). Call once, before closing.
  Status Finish();

  int64_t rows_written() const { return rows_; }

 private:
  CsvWriter(io::OutputStream* out, SchemaPtr schema, CsvWriteOptions options);
  Status WriteHeaderOnce();
  void AppendField(std::string_view text, bool is_text);
  Status FlushIfFull();

  io::OutputStream* out_;
  SchemaPtr schema_;
  CsvWriteOptions options_;
  std::string line_end_;
  std::string buffer_;
  std::string scratch_;
  bool header_done_ = false;
  // Nothing written yet: a first field that starts with a UTF-8 byte-order mark is quoted, or a
  // reader would take those bytes for the file's BOM and drop them.
  bool at_file_start_ = true;
  int64_t rows_ = 0;
};

// Writes one batch as a whole CSV file (header included) to `out` and flushes it.
Status WriteCsv(io::OutputStream* out, const RecordBatch& batch, CsvWriteOptions options = {});

}  // namespace bundlebase::csv
