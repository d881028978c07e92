// OpenTableFunction: dispatch by name, the path argument expanded, options applied.
#include "sql/catalog/file_table_functions.h"

#include "base/strings.h"
#include "sql/catalog/file_parquet_table.h"
#include "sql/catalog/file_paths.h"
#include "sql/catalog/file_table_options.h"
#include "sql/catalog/file_text_tables.h"

namespace bundlebase::sql {
namespace {

enum class FileFormat : uint8_t { kParquet, kCsv, kJson, kNdjson };

struct FunctionEntry {
  std::string_view name;
  FileFormat format;
};

constexpr FunctionEntry kFunctions[] = {
    {"read_parquet", FileFormat::kParquet}, {"parquet_scan", FileFormat::kParquet},
    {"read_csv", FileFormat::kCsv},         {"read_csv_auto", FileFormat::kCsv},
    {"read_json", FileFormat::kJson},       {"read_json_auto", FileFormat::kJson},
    {"read_ndjson", FileFormat::kNdjson},   {"read_ndjson_auto", FileFormat::kNdjson},
};

}  // namespace

std::vector<std::string> FileTableFunctionNames() {
  std::vector<std::string> names;
  for (const FunctionEntry& entry : kFunctions) names.emplace_back(entry.name);
  return names;
}

Result<TablePtr> OpenTableFunction(const std::string& name, const std::vector<Scalar>& args,
                                   const NamedArguments& named,
                                   std::shared_ptr<io::FileSystem> fs) {
  const std::string function = ToLower(name);
  const FunctionEntry* entry = nullptr;
  for (const FunctionEntry& candidate : kFunctions) {
    if (candidate.name == function) entry = &candidate;
  }
  if (entry == nullptr) {
    return Status::KeyError("table function \"{}\" does not exist; table functions: {}", name,
                            Join(FileTableFunctionNames(), ", "));
  }
  if (args.size() != 1) {
    return Status::Invalid(
        "{} takes one positional argument (a path, a glob or a list of them), not {}", function,
        args.size());
  }
  BB_ASSIGN_OR_RAISE(auto patterns, PathArgument(args[0], function));
  switch (entry->format) {
    case FileFormat::kParquet: {
      if (!named.empty()) {
        return Status::KeyError("{}: unknown option \"{}\"; {} takes no options", function,
                                named[0].first, function);
      }
      BB_ASSIGN_OR_RAISE(auto files, ExpandFilePatterns(*fs, patterns));
      BB_ASSIGN_OR_RAISE(auto table, ParquetTable::Open(std::move(fs), std::move(files)));
      return TablePtr(std::move(table));
    }
    case FileFormat::kCsv: {
      csv::CsvReadOptions options;
      BB_RETURN_NOT_OK(ApplyCsvOptions(named, function, &options));
      BB_ASSIGN_OR_RAISE(auto files, ExpandFilePatterns(*fs, patterns));
      BB_ASSIGN_OR_RAISE(auto table, CsvTable::Open(std::move(fs), std::move(files), options));
      return TablePtr(std::move(table));
    }
    case FileFormat::kJson:
    case FileFormat::kNdjson: {
      json::JsonReadOptions options;
      if (entry->format == FileFormat::kNdjson) options.format = json::JsonFormat::kLines;
      BB_RETURN_NOT_OK(ApplyJsonOptions(named, function, &options));
      BB_ASSIGN_OR_RAISE(auto files, ExpandFilePatterns(*fs, patterns));
      BB_ASSIGN_OR_RAISE(auto table, JsonTable::Open(std::move(fs), std::move(files), options));
      return TablePtr(std::move(table));
    }
  }
  return Status::Internal("unknown file format");
}

}  // namespace bundlebase::sql
