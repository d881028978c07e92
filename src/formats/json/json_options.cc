// Validation of JsonReadOptions and parsing of the JSON options of sources.
#include "formats/json/json_options.h"

#include "base/strings.h"

namespace bundlebase::json {

Status JsonReadOptions::Validate() const {
  if (record_path && format == JsonFormat::kLines) {
    return Status::Invalid(
        "json_record_path needs one JSON document; it cannot be used with JSON lines");
  }
  if (!meta.empty() && !record_path) {
    return Status::Invalid("json_meta needs json_record_path: meta fields sit outside the "
                           "records array");
  }
  for (const std::string& path : meta) {
    if (Trim(path).empty()) return Status::Invalid("json_meta has an empty path");
  }
  if (block_size < 1) return Status::Invalid("block_size must be positive, got {}", block_size);
  if (max_buffered_bytes < 0) {
    return Status::Invalid("max_buffered_bytes must be >= 0, got {}", max_buffered_bytes);
  }
  if (num_threads < 0) return Status::Invalid("num_threads must be >= 0, got {}", num_threads);
  if (max_depth < 1) return Status::Invalid("max_depth must be at least 1");
  if (max_columns < 1) return Status::Invalid("max_columns must be at least 1");
  return Status::OK();
}

Status SetJsonSourceOption(JsonReadOptions* options, std::string_view name,
                           std::string_view value) {
  if (name == "json_record_path") {
    options->record_path = std::string(Trim(value));
  } else if (name == "json_sep") {
    options->sep = std::string(value);
  } else if (name == "json_meta") {
    options->meta.clear();
    for (std::string_view path : SplitAndTrim(value, ',')) options->meta.emplace_back(path);
  } else {
    return Status::KeyError("unknown JSON option '{}' (expected json_record_path, json_sep or "
                            "json_meta)",
                            EscapeForDisplay(name));
  }
  return Status::OK();
}

}  // namespace bundlebase::json
