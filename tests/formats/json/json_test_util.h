// Helpers for the JSON reader tests: read a string, and show a column as text for comparison.
#pragma once

#include <string>

#include "columnar/pretty_print.h"
#include "formats/json/json_reader.h"
#include "test_util.h"

namespace bundlebase::json::testing {

inline Result<RecordBatchPtr> ReadText(const std::string& text, JsonReadOptions options = {}) {
  return ReadJson(Buffer::FromString(text), options);
}

// "[1, NULL, 3]" for the column named `name` ("<missing>" when there is none).
inline std::string Column(const RecordBatchPtr& batch, const std::string& name) {
  ArrayPtr column = batch->GetColumnByName(name);
  return column ? ArrayToString(*column) : "<missing>";
}

// "a: int64, b: utf8" for the batch's schema.
inline std::string SchemaText(const RecordBatchPtr& batch) {
  std::string out;
  for (const Field& field : batch->schema()->fields()) {
    if (!out.empty()) out += ", ";
    out += field.name + ": " + field.type->ToString();
  }
  return out;
}

// The error message of a read that must fail ("" when it succeeded).
inline std::string ErrorOf(const Result<RecordBatchPtr>& result) {
  return result.ok() ? "" : result.status().message();
}

}  // namespace bundlebase::json::testing
