// DecodeColumn: turns one column of a FieldGrid into an Array of the column's type, parsing
// straight from the block's bytes into the array's buffers (no per-field strings).
//
// NULL rules (docs/csv.md): an empty unquoted field is NULL; so is an unquoted field equal to
// one of the null_values. A quoted empty field ("") is an empty string in text columns and
// NULL in every other type. Surrounding quotes are removed and doubled quotes (or backslash
// escapes, per the dialect) collapsed. Numbers, dates and booleans may carry spaces around
// them; text keeps its spaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "columnar/array.h"
#include "formats/csv/field_grid.h"

namespace bundlebase::csv {

struct DecodeContext {
  const char* data = nullptr;  // the block the grid indexes
  size_t size = 0;
  const FieldGrid* grid = nullptr;
  char quote = '"';
  char escape = '"';
  const std::vector<std::string>* null_values = nullptr;
};

// One field for the slow paths (type inference, headers, error messages): its text without
// the surrounding quotes (escapes not yet collapsed), or is_null under the rules above
// (a quoted "" is not NULL here; only the typed decoders treat it so).
struct FieldText {
  std::string_view text;
  bool quoted = false;
  bool is_null = false;
};
FieldText ReadField(const DecodeContext& ctx, size_t row, int col);
// The field's value with doubled quotes or escapes collapsed.
std::string UnescapedText(const DecodeContext& ctx, const FieldText& field);

// Types DecodeColumn can produce (every type the reader accepts as an override).
bool IsDecodableType(const DataType& type);

// On a value that does not parse (or invalid UTF-8 in a utf8 column), sets *bad_value
// (kBadValue / kInvalidUtf8 with the field's offset in `offset`, its end in `related` and
// `column`) and leaves *out null. A non-OK Status means an allocation failed.
Status DecodeColumn(const DecodeContext& ctx, int column, const DataTypePtr& type, ArrayPtr* out,
                    std::optional<SyntaxError>* bad_value);

}  // namespace bundlebase::csv
