// Reading meta values and appending them as constant columns.
#include "formats/json/meta_fields.h"

#include <set>

#include "formats/json/json_error.h"
#include "formats/json/syntax_check.h"

namespace bundlebase::json {

namespace {

// A column holding `value` on each of `rows` rows.
Result<ArrayPtr> RepeatScalar(const Scalar& value, int64_t rows) {
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(value.type()));
  BB_RETURN_NOT_OK(builder->Reserve(rows));
  for (int64_t i = 0; i < rows; ++i) BB_RETURN_NOT_OK(AppendScalar(builder.get(), value));
  return builder->Finish();
}

}  // namespace

Result<Scalar> ReadMetaValue(od::value value, WalkContext& ctx) {
  const char* at = TokenStart(value);
  od::json_type type;
  if (auto error = value.type().get(type)) return ctx.FailJson(error, at);
  switch (type) {
    case od::json_type::null: return Scalar::MakeNull(Utf8());
    case od::json_type::boolean: {
      bool b;
      if (auto error = value.get_bool().get(b)) return ctx.FailJson(error, at);
      return Scalar::FromBool(b);
    }
    case od::json_type::number: {
      od::number_type number_type;
      if (auto error = value.get_number_type().get(number_type)) return ctx.FailJson(error, at);
      int64_t i;
      if (number_type == od::number_type::signed_integer && !value.get_int64().get(i)) {
        return Scalar::FromInt64(i);
      }
      double d;
      if (auto error = value.get_double().get(d)) return ctx.FailJson(error, at);
      if (number_type == od::number_type::floating_point_number) return Scalar::FromFloat64(d);
      // An integer beyond int64 keeps its digits, as in record columns.
      std::string_view token = value.raw_json_token();
      while (!token.empty() && (token.back() == ' ' || token.back() == '\t' ||
                                token.back() == '\n' || token.back() == '\r')) {
        token.remove_suffix(1);
      }
      return Scalar::FromUtf8(std::string(token));
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto error = value.get_string().get(s)) return ctx.FailJson(error, at);
      return Scalar::FromUtf8(std::string(s));
    }
    case od::json_type::object:
    case od::json_type::array: {
      std::string_view raw;
      if (type == od::json_type::object) {
        od::object object;
        if (auto error = value.get_object().get(object)) return ctx.FailJson(error, at);
        if (auto error = object.raw_json().get(raw)) return ctx.FailJson(error, at);
      } else {
        od::array array;
        if (auto error = value.get_array().get(array)) return ctx.FailJson(error, at);
        if (auto error = array.raw_json().get(raw)) return ctx.FailJson(error, at);
      }
      if (auto error = FindSyntaxError(raw)) {
        return ctx.FailInvalid(raw.data() + error->offset, error->message);
      }
      std::string minified(raw.size() + simdjson::SIMDJSON_PADDING, '\0');
      size_t length = 0;
      if (auto error = simdjson::minify(raw.data(), raw.size(), minified.data(), length)) {
        return ctx.FailJson(error, at);
      }
      minified.resize(length);
      return Scalar::FromUtf8(std::move(minified));
    }
  }
  return ctx.FailJson(simdjson::TAPE_ERROR, at);
}


// The records' batch with the meta columns appended after the records' own columns.
Result<RecordBatchPtr> AddMetaColumns(const RecordBatchPtr& records,
                                      const std::vector<std::pair<std::string, Scalar>>& meta,
                                      std::string_view filename) {
  if (meta.empty()) return records;
  std::vector<Field> fields = records->schema()->fields();
  std::vector<ArrayPtr> columns = records->columns();
  std::set<std::string> names;
  for (const auto& field : fields) names.insert(field.name);
  for (const auto& [name, value] : meta) {
    if (!names.insert(name).second) {
      return NameInput(filename,
                       Status::Invalid("json_meta field '{}' has the same name as another column; "
                                       "meta columns are named after the last segment of their "
                                       "path",
                                       name));
    }
    BB_ASSIGN_OR_RAISE(auto column, RepeatScalar(value, records->num_rows()));
    fields.emplace_back(name, value.type());
    columns.push_back(std::move(column));
  }
  return RecordBatch::Make(MakeSchema(std::move(fields)), std::move(columns));
}


}  // namespace bundlebase::json
