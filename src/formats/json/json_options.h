// JsonReadOptions: how the JSON reader finds the records in its input and turns them into
// columns, including the options JSON sources accept (json_record_path, json_sep, json_meta).
//
// docs/json.md describes every option, the inference rules and the errors for users.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/status.h"

namespace bundlebase::json {

enum class JsonFormat : uint8_t {
  kAuto,   // '[' first: one JSON document; '{' first: JSON lines, unless the first line is an
           // incomplete value (a pretty-printed object), which makes it one document
  kArray,  // one JSON document whose records are an array (at record_path if given)
  kLines,  // JSON lines: one object per line
};

struct JsonReadOptions {
  // Dot path to the array of records inside one JSON document ("data", "results.items");
  // "" means the top-level value is the array. Unset, the input is a top-level array, a single
  // object (one record) or JSON lines, as `format` says.
  std::optional<std::string> record_path;
  // Put between the names of a parent and a child when nested objects are flattened.
  std::string sep = "_";
  // Dot paths (from the document root) of fields copied onto every row, for example a page
  // number or a total; the column is named after the last segment. Needs record_path.
  std::vector<std::string> meta;
  JsonFormat format = JsonFormat::kAuto;
  // Spread nested objects of records into "<parent><sep><child>" columns instead of struct
  // columns. Unset: flatten exactly when record_path is set (a source converting an API
  // response to Parquet), keep structs otherwise.
  std::optional<bool> flatten;
  // JSON lines: bytes of input per batch. Blocks end at a line end, so a batch may be larger.
  int64_t block_size = int64_t{4} << 20;
  // OpenJsonLinesReader: input bytes whose batches the first pass may build and keep for
  // Next(); later blocks are parsed a second time instead. This bounds the reader's memory.
  // (ReadJson and ReadJsonFile keep every batch anyway, so for them there is no limit.)
  int64_t max_buffered_bytes = int64_t{256} << 20;
  // Threads parsing JSON lines blocks; 0 means every thread of the default pool.
  int num_threads = 0;
  // The input's name in error messages ("exports/day1.jsonl").
  std::string filename;
  // Deepest nesting of objects and arrays in a record; the record itself is level 1.
  size_t max_depth = 1024;
  // Most distinct columns plus nested struct fields; more means keys are data, not names.
  int max_columns = 10000;

  bool flatten_enabled() const { return flatten.value_or(record_path.has_value()); }
  Status Validate() const;
};

// Sets a source's JSON option: json_record_path, json_sep or json_meta (comma-separated dot
// paths). Any other name is a KeyError.
Status SetJsonSourceOption(JsonReadOptions* options, std::string_view name,
                           std::string_view value);

}  // namespace bundlebase::json
