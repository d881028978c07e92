// What a ParquetTable knows about its files, shared by the table and its scans (a scan may
// outlive the table object that made it): the footers, read once and in parallel, reduced to
// what planning needs — row counts, the column mapping and per row group statistics in the
// table's types.
#pragma once

#include <mutex>
#include <optional>

#include "sql/catalog/file_column_mapping.h"
#include "sql/catalog/file_parquet_table.h"
#include "sql/catalog/file_statistics.h"

namespace bundlebase::sql {

struct ParquetFileFacts {
  FileColumnMapping mapping;
  std::vector<int64_t> row_group_rows;
  // [row group][table column]; only min/max/null_count of top-level primitive columns.
  std::vector<std::vector<DataStatistics>> statistics;
  // Kept when the table has few files (ParquetTableOptions::max_open_files), else null.
  std::shared_ptr<const parquet::ParquetFileReader> reader;
};

struct ParquetTable::State {
  std::shared_ptr<io::FileSystem> fs;
  std::vector<std::string> files;
  ParquetTableOptions options;
  SchemaPtr schema;
  std::shared_ptr<const parquet::ParquetFileReader> first_reader;

  // Every file's facts, read on first use; the error of the first failing file otherwise.
  Result<const std::vector<ParquetFileFacts>*> Facts();
  // A reader of file `index`: the kept one or a freshly opened one.
  Result<std::shared_ptr<const parquet::ParquetFileReader>> Reader(size_t index) const;

 private:
  mutable std::mutex mu_;
  bool loaded_ = false;  // a failed load is tried again by the next caller
  std::vector<ParquetFileFacts> facts_;
};

// Opens `path` on `fs` as a Parquet file.
Result<std::shared_ptr<const parquet::ParquetFileReader>> OpenParquetReader(
    io::FileSystem& fs, const std::string& path, const parquet::ParquetReadOptions& options);

}  // namespace bundlebase::sql
