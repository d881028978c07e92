// read_csv / read_json named arguments: each value checked for its kind and stored in the
// reader options; type names go through the SQL parser and binder's type resolution.
#include "sql/catalog/file_table_options.h"

#include "base/strings.h"
#include "sql/binder/type_names.h"
#include "sql/parser/parser.h"

namespace bundlebase::sql {
namespace {

constexpr std::string_view kCsvOptions =
    "delim, sep, delimiter, quote, escape, header, skip, nullstr, null, all_varchar, names, "
    "column_names, types, column_types, dtypes, columns, null_padding, sample_size, new_line, "
    "max_line_size";
constexpr std::string_view kJsonOptions =
    "format, records, json_record_path, json_sep, json_meta, flatten, maximum_depth";

struct Option {
  std::string_view function;
  const std::string& name;
  const Scalar& value;

  Status Wrong(std::string_view expected) const {
    return Status::TypeError("{}: option {} must be {}", function, name, expected);
  }
  Result<std::string> Text() const {
    if (value.is_null() || value.type()->id() != TypeId::kUtf8) return Wrong("a string");
    return value.get<std::string>();
  }
  Result<char> Char(bool allow_empty) const {
    BB_ASSIGN_OR_RAISE(std::string text, Text());
    if (text == "\\t") return '\t';
    if (text.empty() && allow_empty) return '\0';
    if (text.size() != 1) return Wrong(allow_empty ? "one character or ''" : "one character");
    return text[0];
  }
  Result<bool> Bool() const {
    if (!value.is_null() && value.type()->id() == TypeId::kBool) return value.get<bool>();
    if (!value.is_null() && value.type()->id() == TypeId::kUtf8) {
      std::string text = ToLower(value.get<std::string>());
      if (text == "true") return true;
      if (text == "false") return false;
    }
    return Wrong("true or false");
  }
  Result<int64_t> Integer() const {
    if (!value.is_null() && value.type()->is_signed_integer()) return value.get<int64_t>();
    if (!value.is_null() && value.type()->is_unsigned_integer() &&
        value.get<uint64_t>() <= uint64_t{INT64_MAX}) {
      return static_cast<int64_t>(value.get<uint64_t>());
    }
    return Wrong("an integer");
  }
  // One string or a list of strings.
  Result<std::vector<std::string>> TextList() const {
    if (!value.is_null() && value.type()->id() == TypeId::kList) {
      std::vector<std::string> out;
      for (const Scalar& item : value.get<std::vector<Scalar>>()) {
        if (item.is_null() || item.type()->id() != TypeId::kUtf8) {
          return Wrong("a string or a list of strings");
        }
        out.push_back(item.get<std::string>());
      }
      return out;
    }
    BB_ASSIGN_OR_RAISE(std::string text, Text());
    return std::vector<std::string>{text};
  }
  // {'column': 'TYPE', ...}
  Result<std::vector<std::pair<std::string, DataTypePtr>>> TypeMap() const {
    if (value.is_null() || value.type()->id() != TypeId::kStruct) {
      return Wrong("a struct of column names and type names, such as {'id': 'BIGINT'}");
    }
    std::vector<std::pair<std::string, DataTypePtr>> out;
    const auto& items = value.get<std::vector<Scalar>>();
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string& column = value.type()->fields()[i].name;
      if (items[i].is_null() || items[i].type()->id() != TypeId::kUtf8) {
        return Wrong("a struct whose values are type names");
      }
      BB_ASSIGN_OR_RAISE(DataTypePtr type, ParseTypeName(items[i].get<std::string>()));
      out.emplace_back(column, std::move(type));
    }
    return out;
  }
  Result<DataTypePtr> ParseTypeName(const std::string& text) const {
    std::string sql = "CAST(NULL AS " + text + ")";
    auto parsed = ParseExpression(sql);
    if (!parsed.ok() || (*parsed)->kind != ExprKind::kCast) {
      return Status::Invalid("{}: option {}: \"{}\" is not a type name", function, name, text);
    }
    return ResolveTypeName((*parsed)->As<CastExpr>().type, sql);
  }
};

Status Unknown(std::string_view function, const std::string& name, std::string_view valid) {
  return Status::KeyError("{}: unknown option \"{}\"; valid options: {}", function, name, valid);
}

Result<csv::LineEnding> ParseNewLine(const Option& option) {
  BB_ASSIGN_OR_RAISE(std::string text, option.Text());
  if (text == "\n" || text == "\\n") return csv::LineEnding::kLf;
  if (text == "\r\n" || text == "\\r\\n") return csv::LineEnding::kCrLf;
  if (text == "\r" || text == "\\r") return csv::LineEnding::kCr;
  return option.Wrong("'\\n', '\\r\\n' or '\\r'");
}

}  // namespace

Status ApplyCsvOptions(const NamedArguments& named, std::string_view function,
                       csv::CsvReadOptions* options) {
  for (const auto& [raw_name, value] : named) {
    const std::string name = ToLower(raw_name);
    Option option{function, name, value};
    if (name == "delim" || name == "sep" || name == "delimiter") {
      BB_ASSIGN_OR_RAISE(options->delimiter, option.Char(false));
    } else if (name == "quote") {
      BB_ASSIGN_OR_RAISE(options->quote, option.Char(true));
    } else if (name == "escape") {
      BB_ASSIGN_OR_RAISE(options->escape, option.Char(false));
    } else if (name == "header") {
      BB_ASSIGN_OR_RAISE(options->header, option.Bool());
    } else if (name == "skip") {
      BB_ASSIGN_OR_RAISE(int64_t skip, option.Integer());
      if (skip < 0) return option.Wrong("an integer of at least 0");
      options->skip_rows = skip;
    } else if (name == "nullstr" || name == "null") {
      BB_ASSIGN_OR_RAISE(options->null_values, option.TextList());
    } else if (name == "all_varchar") {
      BB_ASSIGN_OR_RAISE(bool all_varchar, option.Bool());
      options->infer_types = !all_varchar;
    } else if (name == "names" || name == "column_names") {
      BB_ASSIGN_OR_RAISE(options->column_names, option.TextList());
    } else if (name == "types" || name == "column_types" || name == "dtypes") {
      BB_ASSIGN_OR_RAISE(options->column_types, option.TypeMap());
    } else if (name == "columns") {
      BB_ASSIGN_OR_RAISE(options->column_types, option.TypeMap());
      options->column_names.clear();
      for (const auto& [column, type] : options->column_types) {
        options->column_names.push_back(column);
      }
    } else if (name == "null_padding") {
      BB_ASSIGN_OR_RAISE(options->null_padding, option.Bool());
    } else if (name == "sample_size") {
      BB_ASSIGN_OR_RAISE(int64_t rows, option.Integer());
      options->sample_rows = rows < 0 ? 0 : rows;
      if (rows < 0) options->sample_regions = 0;
    } else if (name == "new_line") {
      BB_ASSIGN_OR_RAISE(options->line_ending, ParseNewLine(option));
    } else if (name == "max_line_size") {
      BB_ASSIGN_OR_RAISE(int64_t bytes, option.Integer());
      if (bytes <= 0) return option.Wrong("a positive integer");
      options->max_record_bytes = bytes;
    } else {
      return Unknown(function, raw_name, kCsvOptions);
    }
  }
  return Status::OK();
}

Status ApplyJsonOptions(const NamedArguments& named, std::string_view function,
                        json::JsonReadOptions* options) {
  for (const auto& [raw_name, value] : named) {
    const std::string name = ToLower(raw_name);
    Option option{function, name, value};
    if (name == "format") {
      BB_ASSIGN_OR_RAISE(std::string text, option.Text());
      std::string format = ToLower(text);
      if (format == "auto") {
        options->format = json::JsonFormat::kAuto;
      } else if (format == "newline_delimited" || format == "nd" || format == "ndjson") {
        options->format = json::JsonFormat::kLines;
      } else if (format == "array") {
        options->format = json::JsonFormat::kArray;
      } else {
        return option.Wrong("'auto', 'newline_delimited' or 'array'");
      }
    } else if (name == "records") {
      bool records = true;
      if (!value.is_null() && value.type()->id() == TypeId::kUtf8 &&
          ToLower(value.get<std::string>()) == "auto") {
        records = true;
      } else {
        BB_ASSIGN_OR_RAISE(records, option.Bool());
      }
      if (!records) {
        return Status::NotImplemented(
            "{}: records => false (each JSON value as one column) is not supported; objects "
            "are always read as records",
            function);
      }
    } else if (name == "json_record_path" || name == "json_sep" || name == "json_meta") {
      std::string text;
      if (name == "json_meta") {
        BB_ASSIGN_OR_RAISE(auto paths, option.TextList());
        text = Join(paths, ",");
      } else {
        BB_ASSIGN_OR_RAISE(text, option.Text());
      }
      BB_RETURN_NOT_OK(json::SetJsonSourceOption(options, name, text));
    } else if (name == "flatten") {
      BB_ASSIGN_OR_RAISE(bool flatten, option.Bool());
      options->flatten = flatten;
    } else if (name == "maximum_depth") {
      BB_ASSIGN_OR_RAISE(int64_t depth, option.Integer());
      if (depth <= 0) return option.Wrong("a positive integer");
      options->max_depth = static_cast<size_t>(depth);
    } else {
      return Unknown(function, raw_name, kJsonOptions);
    }
  }
  return options->Validate();
}

}  // namespace bundlebase::sql
