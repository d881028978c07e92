// CsvTable and JsonTable: CSV/TSV and JSON (documents or JSON lines) files queried as one
// table — read_csv('glob', ...) and read_json('glob', ...).
//
// Both take their schema from the first file, read as the format readers read a file on its
// own (dialect sniffing and type inference for CSV, schema inference for JSON), and have one
// partition per file, read by the formats' streaming readers (JSON documents, which cannot be
// streamed, are read whole). The other files are matched to the first by column name, ignoring
// case; a column a file lacks reads as NULL.
//  - CSV: each file is read with the table's column types forced on it, so a column inferred
//    as text in the first file stays text everywhere and a value that does not parse as the
//    table's type is the CSV reader's error naming the file, line and column.
//  - JSON: each file's inferred types must widen to the table's (file_column_mapping.h), and
//    additionally integers may become float64 and scalars text (how the JSON reader itself
//    reconciles such values); anything else is an error naming both files and the column.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "formats/csv/read_options.h"
#include "formats/json/json_options.h"
#include "io/file_system.h"
#include "sql/catalog/table.h"

namespace bundlebase::sql {

class CsvTable final : public Table {
 public:
  static Result<std::shared_ptr<CsvTable>> Open(std::shared_ptr<io::FileSystem> fs,
                                                std::vector<std::string> files,
                                                csv::CsvReadOptions options = {});
  SchemaPtr schema() const override { return schema_; }
  Result<std::unique_ptr<TableScan>> Scan(const ScanRequest& request) const override;

  CsvTable(std::shared_ptr<io::FileSystem> fs, std::vector<std::string> files,
           csv::CsvReadOptions options, SchemaPtr schema)
      : fs_(std::move(fs)), files_(std::move(files)), options_(std::move(options)),
        schema_(std::move(schema)) {}

 private:
  std::shared_ptr<io::FileSystem> fs_;
  std::vector<std::string> files_;
  csv::CsvReadOptions options_;
  SchemaPtr schema_;
};

class JsonTable final : public Table {
 public:
  static Result<std::shared_ptr<JsonTable>> Open(std::shared_ptr<io::FileSystem> fs,
                                                 std::vector<std::string> files,
                                                 json::JsonReadOptions options = {});
  SchemaPtr schema() const override { return schema_; }
  Result<std::unique_ptr<TableScan>> Scan(const ScanRequest& request) const override;

  JsonTable(std::shared_ptr<io::FileSystem> fs, std::vector<std::string> files,
            json::JsonReadOptions options, SchemaPtr schema)
      : fs_(std::move(fs)), files_(std::move(files)), options_(std::move(options)),
        schema_(std::move(schema)) {}

 private:
  std::shared_ptr<io::FileSystem> fs_;
  std::vector<std::string> files_;
  json::JsonReadOptions options_;
  SchemaPtr schema_;
};

}  // namespace bundlebase::sql
