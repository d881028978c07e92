// Table functions over files: read_parquet('glob'), read_csv('glob', header => true, ...),
// read_json('glob', format => 'array', ...) and their DuckDB aliases, opened into the tables
// of file_parquet_table.h and file_text_tables.h. The binder reaches this through its
// TableFunctionResolver:
//   options.table_functions = [fs](const auto& name, const auto& args, const auto& named) {
//     return OpenTableFunction(name, args, named, fs);
//   };
//
// Functions (names case-insensitive):
//   read_parquet, parquet_scan          no options
//   read_csv, read_csv_auto             CSV options (below)
//   read_json, read_json_auto           JSON options (below)
//   read_ndjson, read_ndjson_auto       JSON options, format newline_delimited by default
// The one positional argument is a path, a glob or a list of them (file_paths.h).
//
// CSV options (DuckDB's names; each maps onto csv::CsvReadOptions):
//   delim | sep | delimiter   one character ('\t' for tab)     header        bool
//   quote          one character, '' for none                  escape        one character
//   skip           lines before the header                     all_varchar   bool: no inference
//   nullstr | null text (or list of texts) read as NULL        null_padding  bool
//   names | column_names   list of column names                sample_size   rows (-1: all)
//   types | column_types | dtypes   struct {'col': 'TYPE'}      new_line      '\n' '\r\n' '\r'
//   columns        struct {'col': 'TYPE'}: names and types     max_line_size bytes
// JSON options (json::JsonReadOptions):
//   format         'auto' | 'newline_delimited' (also 'nd', 'ndjson') | 'array'
//   records        'auto' | true (false is not supported)      json_record_path  dot path
//   json_sep       flattening separator                        json_meta  dot paths
//   flatten        bool                                        maximum_depth  integer
// An unknown function or option is a KeyError listing the valid ones.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/file_system.h"
#include "sql/catalog/table.h"

namespace bundlebase::sql {

using NamedArguments = std::vector<std::pair<std::string, Scalar>>;

Result<TablePtr> OpenTableFunction(const std::string& name, const std::vector<Scalar>& args,
                                   const NamedArguments& named,
                                   std::shared_ptr<io::FileSystem> fs);

// The function names OpenTableFunction knows, for suggestions.
std::vector<std::string> FileTableFunctionNames();

}  // namespace bundlebase::sql
