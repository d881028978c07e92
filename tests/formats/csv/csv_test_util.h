// Helpers for the CSV tests: read text in memory and look at cells as text.
#pragma once

#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "columnar/value_formatting.h"
#include "formats/csv/csv_reader.h"
#include "io/memory_file.h"
#include "test_util.h"

namespace bundlebase::csv::testing {

// The cell as PostgreSQL would print it, or "NULL".
inline std::string Cell(const RecordBatch& batch, int col, int64_t row) {
  const Array& a = *batch.column(col);
  if (a.IsNull(row)) return "NULL";
  std::string out;
  EXPECT_TRUE(AppendFormattedValue(a, row, &out).ok());
  return out;
}

inline std::vector<std::string> Column(const RecordBatch& batch, int col) {
  std::vector<std::string> out;
  for (int64_t r = 0; r < batch.num_rows(); ++r) out.push_back(Cell(batch, col, r));
  return out;
}

inline std::vector<std::string> Row(const RecordBatch& batch, int64_t row) {
  std::vector<std::string> out;
  for (int c = 0; c < batch.num_columns(); ++c) out.push_back(Cell(batch, c, row));
  return out;
}

inline std::vector<std::string> TypeNames(const RecordBatch& batch) {
  std::vector<std::string> out;
  for (const Field& f : batch.schema()->fields()) out.push_back(f.type->ToString());
  return out;
}

inline Result<RecordBatchPtr> Read(std::string text, CsvReadOptions options = {}) {
  return ReadCsvString(std::move(text), std::move(options), "test.csv");
}

inline Result<std::unique_ptr<CsvReader>> OpenText(std::string text,
                                                   CsvReadOptions options = {}) {
  return OpenCsvReader(std::make_shared<io::MemoryFile>(Buffer::FromString(std::move(text)), "t.csv"),
                       std::move(options));
}

// The error message of reading `text` (empty if it read fine).
inline std::string ReadError(std::string text, CsvReadOptions options = {}) {
  auto r = Read(std::move(text), std::move(options));
  return r.ok() ? std::string() : r.status().message();
}

}  // namespace bundlebase::csv::testing
