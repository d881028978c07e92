// The CSV/TSV reader: a streaming RecordBatchReader over any io::RandomAccessFile.
//
// Opening reads the first MiB to sniff the dialect and the header, then samples rows (the
// start of the file plus regions spread through it) to infer column types; options override
// any of it (read_options.h). Next() then parses the file a wave of blocks at a time, the
// blocks of a wave in parallel on the shared thread pool, and returns their batches in file
// order. Memory is bounded by one wave (a few MiB per thread), never by the file.
//
// Edge cases (docs/csv.md): an empty file (0 bytes, or only blank lines) is an error unless
// column_names is given, which makes it zero rows of those columns. A file with only a header
// has its columns, all utf8 unless typed by column_types, and zero rows.
// Errors are Invalid statuses naming the file, line and column (csv_error.h).
#pragma once

#include <deque>
#include <memory>
#include <string>

#include "columnar/record_batch.h"
#include "formats/csv/block_parser.h"
#include "formats/csv/block_planner.h"
#include "formats/csv/csv_error.h"
#include "formats/csv/dialect.h"
#include "formats/csv/read_options.h"
#include "io/file_system.h"

namespace bundlebase::csv {

class CsvReader final : public RecordBatchReader {
 public:
  // The columns returned (include_columns applied).
  SchemaPtr schema() const override { return parser_.schema; }
  Result<RecordBatchPtr> Next() override;

  // How the file was read: the sniffed or given dialect.
  const CsvDialect& dialect() const { return errors_.dialect; }
  // Every column of the file with its name and (inferred or given) type.
  const SchemaPtr& file_schema() const { return file_schema_; }

  // Use OpenCsvReader.
  CsvReader(BlockParserConfig parser, ErrorContext errors, SchemaPtr file_schema,
            std::unique_ptr<BlockPlanner> planner, int num_threads, int64_t batch_rows);

 private:
  Status ReadWave();

  BlockParserConfig parser_;
  ErrorContext errors_;
  SchemaPtr file_schema_;
  std::unique_ptr<BlockPlanner> planner_;
  int num_threads_;
  int64_t batch_rows_;
  std::deque<RecordBatchPtr> pending_;
  Status error_;  // returned once the batches before it are consumed
};

Result<std::unique_ptr<CsvReader>> OpenCsvReader(std::shared_ptr<io::RandomAccessFile> file,
                                                 CsvReadOptions options = {});

// Every batch of the file concatenated into one.
Result<RecordBatchPtr> ReadCsv(std::shared_ptr<io::RandomAccessFile> file,
                               CsvReadOptions options = {});
// ReadCsv of a path on `fs` (the local file system when null).
Result<RecordBatchPtr> ReadCsvFile(const std::string& path, CsvReadOptions options = {},
                                   std::shared_ptr<io::FileSystem> fs = nullptr);
// ReadCsv of text in memory; `name` stands for the file name in errors.
Result<RecordBatchPtr> ReadCsvString(std::string text, CsvReadOptions options = {},
                                     std::string name = "<string>");

}  // namespace bundlebase::csv
