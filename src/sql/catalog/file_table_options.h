// Named arguments of read_csv / read_json mapped onto the format readers' options
// (file_table_functions.h lists them).
#pragma once

#include "formats/csv/read_options.h"
#include "formats/json/json_options.h"
#include "sql/catalog/file_table_functions.h"

namespace bundlebase::sql {

// `function` names the function in errors.
Status ApplyCsvOptions(const NamedArguments& named, std::string_view function,
                       csv::CsvReadOptions* options);
Status ApplyJsonOptions(const NamedArguments& named, std::string_view function,
                        json::JsonReadOptions* options);

}  // namespace bundlebase::sql
