// COPY (query) TO 'path' (FORMAT parquet|csv|json, ...): the options COPY accepts and the
// writers that publish the result as a file.
//
// Options (names as PostgreSQL and DuckDB spell them, case-insensitive):
//   FORMAT          parquet | csv | json (JSON lines; also ndjson, jsonl). Default: from the
//                   path's extension (.parquet, .csv, .tsv, .json, .jsonl, .ndjson), else
//                   parquet.
//   COMPRESSION     parquet: snappy | zstd | gzip | lz4 (LZ4_RAW) | brotli | uncompressed
//                   (also CODEC)
//   COMPRESSION_LEVEL  parquet: the codec's own level
//   ROW_GROUP_SIZE  parquet: most rows per row group
//   HEADER          csv: write the header line (default true; HEADER alone means true)
//   DELIMITER       csv: one character (also DELIM, SEP; default ',', '\t' for .tsv)
//   QUOTE           csv: one character
//   NULL            csv: the text written for NULL (default empty)
// An unknown option, a value of the wrong kind, or an option of another format is an error
// that says which options exist. Files are written with the FileSystem's atomic-replace mode:
// a COPY that fails part way leaves the target as it was, never a partial file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "formats/csv/csv_writer.h"
#include "formats/parquet/file_writer.h"
#include "io/file_system.h"
#include "sql/parser/statement.h"

namespace bundlebase::sql {

enum class CopyFormat : uint8_t { kParquet, kCsv, kJson };

struct CopyOptions {
  CopyFormat format = CopyFormat::kParquet;
  parquet::ParquetWriteOptions parquet;
  csv::CsvWriteOptions csv;
};

// The options of a COPY statement writing to `path`.
Result<CopyOptions> ParseCopyOptions(const std::vector<CopyOption>& options,
                                     const std::string& path);

// A file being written by COPY: batches as they come, then Close() publishes it. Destroying it
// without a successful Close() leaves no file behind.
class CopyFileWriter {
 public:
  virtual ~CopyFileWriter() = default;
  virtual Status Write(const RecordBatch& batch) = 0;
  virtual Status Close() = 0;
  virtual int64_t rows_written() const = 0;
};

Result<std::unique_ptr<CopyFileWriter>> OpenCopyWriter(const SchemaPtr& schema,
                                                       const std::string& path,
                                                       const CopyOptions& options,
                                                       io::FileSystem& fs);

// Writes every batch (all with `schema`) to `path` and publishes the file.
Status WriteBatches(const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                    const std::string& path, const CopyOptions& options, io::FileSystem& fs);

}  // namespace bundlebase::sql
