// JsonLinesWriter: record batches -> JSON lines (one object per row) on an io::OutputStream,
// the output of COPY ... TO 'x.jsonl' (FORMAT json).
//
// Keys are the column names in schema order. Values: NULL -> null; booleans and integers as
// themselves; decimals as JSON numbers with all their scale digits ("12.30"), so no precision
// is lost to a double; finite floats in their shortest round-trip text; NaN and infinities,
// which JSON cannot spell, as null; dates, times, timestamps and intervals as strings in the
// text forms of columnar/value_formatting.h ("2026-01-05", "2026-01-05 13:45:00.5+00");
// binary as its "\x0aff" hex text; lists as arrays and structs as objects. Strings are escaped
// as RFC 8259 requires (quote, backslash, control characters); other UTF-8 passes through.
// Like CsvWriter, the writer buffers and does not own or close the stream: Finish() flushes,
// then the caller closes the stream to publish the file.
#pragma once

#include <memory>
#include <string>

#include "columnar/record_batch.h"
#include "io/file_system.h"

namespace bundlebase::json {

class JsonLinesWriter {
 public:
  JsonLinesWriter(io::OutputStream* out, SchemaPtr schema);

  // `batch` must have the writer's column types.
  Status Write(const RecordBatch& batch);
  Status Finish();

  int64_t rows_written() const { return rows_; }

 private:
  io::OutputStream* out_;
  SchemaPtr schema_;
  std::vector<std::string> keys_;  // each column name already escaped and quoted, with ':'
  std::string buffer_;
  int64_t rows_ = 0;
};

// Appends the JSON text of row `row` of `array` to `out`.
Status AppendJsonValue(const Array& array, int64_t row, std::string* out);

// Appends `text` as a quoted, escaped JSON string.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace bundlebase::json
