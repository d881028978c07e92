// Applying the caller's column options to the columns found in the file: column_types replaces
// inferred types, include_columns picks and orders the output. Names are matched as SQL
// identifiers are (DESIGN §2): exactly first, then ignoring ASCII case when that is unambiguous.
// Unknown names are KeyErrors that suggest the closest column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"
#include "columnar/schema.h"
#include "formats/csv/read_options.h"

namespace bundlebase::csv {

struct ResolvedColumns {
  std::vector<Field> file_fields;  // every file column with its final type
  std::vector<bool> inferred;      // whether that type came from inference
  std::vector<int> projection;     // file column of each output column
};

Result<ResolvedColumns> ResolveColumns(const std::vector<std::string>& names,
                                       const std::vector<DataTypePtr>& inferred_types,
                                       const CsvReadOptions& options);

// Index of `name` in `names`; `option` names the option for the error message.
Result<int> FindColumn(const std::vector<std::string>& names, std::string_view name,
                       std::string_view option);

}  // namespace bundlebase::csv
