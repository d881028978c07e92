// CsvTable: the first file's schema, then every file read with the table's column types.
#include "base/strings.h"
#include "formats/csv/csv_reader.h"
#include "sql/catalog/file_text_scan.h"
#include "sql/catalog/file_text_tables.h"

namespace bundlebase::sql {
namespace {

Result<std::unique_ptr<csv::CsvReader>> OpenCsv(io::FileSystem& fs, const std::string& path,
                                                csv::CsvReadOptions options) {
  auto file = fs.OpenRead(path);
  if (!file.ok()) return file.status().WithContextF("opening CSV file \"{}\"", path);
  return csv::OpenCsvReader(std::move(*file), std::move(options));
}

// The column names of a later file: its header (or column_names) without inferring types.
Result<std::vector<std::string>> ColumnNames(io::FileSystem& fs, const std::string& path,
                                             const csv::CsvReadOptions& options) {
  csv::CsvReadOptions probe = options;
  probe.infer_types = false;
  probe.column_types.clear();
  probe.include_columns.clear();
  probe.sample_rows = 1;
  probe.sample_regions = 0;
  BB_ASSIGN_OR_RAISE(auto reader, OpenCsv(fs, path, std::move(probe)));
  return reader->file_schema()->names();
}

int FindName(const std::vector<std::string>& names, const std::string& name) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (EqualsIgnoreCase(names[i], name)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

Result<std::shared_ptr<CsvTable>> CsvTable::Open(std::shared_ptr<io::FileSystem> fs,
                                                 std::vector<std::string> files,
                                                 csv::CsvReadOptions options) {
  if (files.empty()) return Status::Invalid("a CSV table needs at least one file");
  BB_ASSIGN_OR_RAISE(auto reader, OpenCsv(*fs, files[0], options));
  SchemaPtr schema = reader->schema();
  return std::make_shared<CsvTable>(std::move(fs), std::move(files), std::move(options),
                                    std::move(schema));
}

Result<std::unique_ptr<TableScan>> CsvTable::Scan(const ScanRequest& request) const {
  BB_ASSIGN_OR_RAISE(SchemaPtr output, ProjectSchema(*schema_, request.columns));
  auto open = [fs = fs_, files = files_, options = options_, table = schema_,
               requested = request.columns,
               output](size_t index) -> Result<std::unique_ptr<RecordBatchReader>> {
    const std::string& path = files[index];
    std::vector<std::string> names = table->names();
    if (index > 0) {
      BB_ASSIGN_OR_RAISE(names, ColumnNames(*fs, path, options));
    }
    // The requested columns this file has, each read once and with the table's type.
    csv::CsvReadOptions file_options = options;
    file_options.include_columns.clear();
    file_options.column_types.clear();
    FileColumnMapping mapping;
    mapping.file_columns.assign(table->num_fields(), -1);
    mapping.needs_cast.assign(table->num_fields(), false);
    for (int column : requested) {
      int found = FindName(names, table->field(column).name);
      if (found < 0 || mapping.file_columns[column] >= 0) continue;
      mapping.file_columns[column] = static_cast<int>(file_options.include_columns.size());
      file_options.include_columns.push_back(names[found]);
      file_options.column_types.emplace_back(names[found], table->field(column).type);
    }
    if (file_options.include_columns.empty() && !names.empty()) {
      // Nothing requested is here (count(*), or only missing columns): read one column for the
      // row count.
      file_options.include_columns.push_back(names[0]);
    }
    BB_ASSIGN_OR_RAISE(auto reader, OpenCsv(*fs, path, std::move(file_options)));
    for (int column : requested) {
      int position = mapping.file_columns[column];
      if (position >= 0) {
        mapping.needs_cast[column] =
            !reader->schema()->field(position).type->Equals(*table->field(column).type);
      }
    }
    std::vector<int> file_columns;
    for (int i = 0; i < reader->schema()->num_fields(); ++i) file_columns.push_back(i);
    return MakeConformingReader(std::move(reader), std::move(file_columns), std::move(mapping),
                                requested, output, path);
  };
  return MakePerFileScan(output, files_.size(), std::move(open));
}

}  // namespace bundlebase::sql
