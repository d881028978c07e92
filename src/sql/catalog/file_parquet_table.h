// ParquetTable: one or more Parquet files queried as one table — read_parquet('glob') today,
// the same machinery a bundle's blocks will use.
//
// The schema is the first file's; the others are matched to it by column name
// (file_column_mapping.h: missing columns read as NULL, safe widenings are cast, anything else
// is an error naming both files). Opening the table reads only the first footer, so naming a
// glob of thousands of files is quick; the other footers are read in parallel the first time
// statistics or a scan need them, and kept.
//
// A scan has one partition per (file, row group). Row groups whose statistics prove that no
// row satisfies the scan's predicates are left out (file_statistics.h has the rules), and a
// partition reads only the requested columns' chunks. Statistics() merges the footers' row
// group statistics per top-level primitive column.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "formats/parquet/file_reader.h"
#include "io/file_system.h"
#include "sql/catalog/table.h"

namespace bundlebase::sql {

struct ParquetTableOptions {
  parquet::ParquetReadOptions read_options;
  // Rows per batch a partition hands out (its row group is sliced, not copied).
  int64_t batch_rows = 64 * 1024;
  // Up to this many files stay open between scans; with more, each partition opens its file
  // again (one extra footer read) so a huge glob cannot exhaust file descriptors.
  size_t max_open_files = 256;
};

class ParquetTable final : public Table {
 public:
  // `files` are paths on `fs`, read in that order; at least one.
  static Result<std::shared_ptr<ParquetTable>> Open(std::shared_ptr<io::FileSystem> fs,
                                                    std::vector<std::string> files,
                                                    ParquetTableOptions options = {});

  SchemaPtr schema() const override;
  // Unknown (empty) when a footer cannot be read; the scan then reports the error.
  TableStatistics Statistics() const override;
  Result<std::unique_ptr<TableScan>> Scan(const ScanRequest& request) const override;

  const std::vector<std::string>& files() const;

  struct State;
  explicit ParquetTable(std::shared_ptr<State> state) : state_(std::move(state)) {}

 private:
  std::shared_ptr<State> state_;
};

}  // namespace bundlebase::sql
