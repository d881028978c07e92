// Column lookup by name, type overrides and projection.
#include "formats/csv/column_resolution.h"

#include "base/strings.h"
#include "formats/csv/column_decoder.h"

namespace bundlebase::csv {

Result<int> FindColumn(const std::vector<std::string>& names, std::string_view name,
                       std::string_view option) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  int found = -1;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!EqualsIgnoreCase(names[i], name)) continue;
    if (found >= 0) {
      return Status::KeyError("{}: column name '{}' is ambiguous ('{}' and '{}'); use the exact "
                              "spelling",
                              option, name, names[static_cast<size_t>(found)], names[i]);
    }
    found = static_cast<int>(i);
  }
  if (found >= 0) return found;
  std::string hint;
  if (auto close = ClosestMatch(name, names)) hint = ", did you mean '" + *close + "'?";
  return Status::KeyError("{}: no column named '{}'{} (columns: {})", option, name, hint,
                          Join(names, ", "));
}

Result<ResolvedColumns> ResolveColumns(const std::vector<std::string>& names,
                                       const std::vector<DataTypePtr>& inferred_types,
                                       const CsvReadOptions& options) {
  ResolvedColumns out;
  out.inferred.assign(names.size(), options.infer_types);
  for (size_t i = 0; i < names.size(); ++i) {
    out.file_fields.emplace_back(names[i], options.infer_types ? inferred_types[i] : Utf8());
  }
  for (const auto& [name, type] : options.column_types) {
    BB_ASSIGN_OR_RAISE(int col, FindColumn(names, name, "column_types"));
    if (!type || !IsDecodableType(*type)) {
      return Status::NotImplemented("column_types: CSV columns cannot be read as {} (column '{}')",
                                    type ? type->ToString() : "a null type", name);
    }
    out.file_fields[static_cast<size_t>(col)].type = type;
    out.inferred[static_cast<size_t>(col)] = false;
  }
  if (options.include_columns.empty()) {
    for (size_t i = 0; i < names.size(); ++i) out.projection.push_back(static_cast<int>(i));
    return out;
  }
  std::vector<bool> taken(names.size(), false);
  for (const std::string& name : options.include_columns) {
    BB_ASSIGN_OR_RAISE(int col, FindColumn(names, name, "include_columns"));
    if (taken[static_cast<size_t>(col)]) {
      return Status::Invalid("include_columns: column '{}' is listed twice", name);
    }
    taken[static_cast<size_t>(col)] = true;
    out.projection.push_back(col);
  }
  return out;
}

}  // namespace bundlebase::csv
