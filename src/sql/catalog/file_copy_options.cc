// ParseCopyOptions: COPY's option list to writer options (copy_writer.h lists them).
#include <charconv>

#include "base/strings.h"
#include "sql/catalog/copy_writer.h"

namespace bundlebase::sql {
namespace {

constexpr std::string_view kValidOptions =
    "FORMAT, COMPRESSION, COMPRESSION_LEVEL, ROW_GROUP_SIZE (parquet); HEADER, DELIMITER, "
    "QUOTE, NULL (csv)";

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         EqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

CopyFormat FormatFromPath(const std::string& path) {
  if (EndsWith(path, ".csv") || EndsWith(path, ".tsv")) return CopyFormat::kCsv;
  if (EndsWith(path, ".json") || EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) {
    return CopyFormat::kJson;
  }
  return CopyFormat::kParquet;
}

// The option's single value as text ("HEADER" alone yields `if_absent`).
Result<std::string> OptionText(const CopyOption& option, std::optional<std::string> if_absent = {}) {
  if (option.values.empty()) {
    if (if_absent) return *if_absent;
    return Status::Invalid("COPY option {} needs a value", ToUpper(option.name));
  }
  if (option.values.size() > 1) {
    return Status::Invalid("COPY option {} takes one value, not {}", ToUpper(option.name),
                           option.values.size());
  }
  const ConstantExpr& value = *option.values[0];
  switch (value.constant_kind) {
    case ConstantKind::kString:
    case ConstantKind::kNumeric:
      return value.text;
    case ConstantKind::kInteger:
      return std::to_string(value.integer);
    case ConstantKind::kBoolean:
      return std::string(value.boolean ? "true" : "false");
    default:
      return Status::Invalid("COPY option {} has an unusable value", ToUpper(option.name));
  }
}

Result<bool> OptionBool(const CopyOption& option) {
  BB_ASSIGN_OR_RAISE(std::string text, OptionText(option, "true"));
  std::string lower = ToLower(text);
  if (lower == "true" || lower == "on" || lower == "1") return true;
  if (lower == "false" || lower == "off" || lower == "0") return false;
  return Status::Invalid("COPY option {} must be true or false, not '{}'", ToUpper(option.name),
                         text);
}

Result<int64_t> OptionInteger(const CopyOption& option, int64_t min) {
  BB_ASSIGN_OR_RAISE(std::string text, OptionText(option));
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min) {
    return Status::Invalid("COPY option {} must be an integer of at least {}, not '{}'",
                           ToUpper(option.name), min, text);
  }
  return value;
}

Result<char> OptionChar(const CopyOption& option) {
  BB_ASSIGN_OR_RAISE(std::string text, OptionText(option));
  if (text == "\\t") return '\t';
  if (text.size() != 1) {
    return Status::Invalid("COPY option {} must be one character, not '{}'",
                           ToUpper(option.name), text);
  }
  return text[0];
}

Result<parquet::CompressionCodec> ParseCodec(const std::string& text) {
  std::string name = ToLower(text);
  if (name == "snappy") return parquet::CompressionCodec::kSnappy;
  if (name == "zstd") return parquet::CompressionCodec::kZstd;
  if (name == "gzip") return parquet::CompressionCodec::kGzip;
  if (name == "lz4" || name == "lz4_raw") return parquet::CompressionCodec::kLz4Raw;
  if (name == "brotli") return parquet::CompressionCodec::kBrotli;
  if (name == "uncompressed" || name == "none") return parquet::CompressionCodec::kUncompressed;
  return Status::Invalid(
      "unknown COMPRESSION '{}'; use snappy, zstd, gzip, lz4, brotli or uncompressed", text);
}

}  // namespace

Result<CopyOptions> ParseCopyOptions(const std::vector<CopyOption>& options,
                                     const std::string& path) {
  CopyOptions out;
  out.format = FormatFromPath(path);
  if (EndsWith(path, ".tsv")) out.csv.delimiter = '\t';
  for (const CopyOption& option : options) {
    if (ToLower(option.name) != "format") continue;
    BB_ASSIGN_OR_RAISE(std::string text, OptionText(option));
    std::string name = ToLower(text);
    if (name == "parquet") {
      out.format = CopyFormat::kParquet;
    } else if (name == "csv") {
      out.format = CopyFormat::kCsv;
    } else if (name == "json" || name == "ndjson" || name == "jsonl") {
      out.format = CopyFormat::kJson;
    } else {
      return Status::Invalid("unknown COPY FORMAT '{}'; use parquet, csv or json", text);
    }
  }
  const bool parquet = out.format == CopyFormat::kParquet;
  const bool csv = out.format == CopyFormat::kCsv;
  for (const CopyOption& option : options) {
    const std::string name = ToLower(option.name);
    auto only_for = [&](bool allowed, std::string_view format) -> Status {
      if (allowed) return Status::OK();
      return Status::Invalid("COPY option {} applies to FORMAT {} only", ToUpper(name), format);
    };
    if (name == "format") continue;
    if (name == "compression" || name == "codec") {
      BB_RETURN_NOT_OK(only_for(parquet, "parquet"));
      BB_ASSIGN_OR_RAISE(std::string text, OptionText(option));
      BB_ASSIGN_OR_RAISE(out.parquet.codec, ParseCodec(text));
    } else if (name == "compression_level") {
      BB_RETURN_NOT_OK(only_for(parquet, "parquet"));
      BB_ASSIGN_OR_RAISE(int64_t level, OptionInteger(option, -131072));
      out.parquet.compression_level = static_cast<int>(level);
    } else if (name == "row_group_size") {
      BB_RETURN_NOT_OK(only_for(parquet, "parquet"));
      BB_ASSIGN_OR_RAISE(out.parquet.row_group_rows, OptionInteger(option, 1));
    } else if (name == "header") {
      BB_RETURN_NOT_OK(only_for(csv, "csv"));
      BB_ASSIGN_OR_RAISE(out.csv.header, OptionBool(option));
    } else if (name == "delimiter" || name == "delim" || name == "sep") {
      BB_RETURN_NOT_OK(only_for(csv, "csv"));
      BB_ASSIGN_OR_RAISE(out.csv.delimiter, OptionChar(option));
    } else if (name == "quote") {
      BB_RETURN_NOT_OK(only_for(csv, "csv"));
      BB_ASSIGN_OR_RAISE(out.csv.quote, OptionChar(option));
    } else if (name == "null") {
      BB_RETURN_NOT_OK(only_for(csv, "csv"));
      BB_ASSIGN_OR_RAISE(out.csv.null_string, OptionText(option));
    } else {
      return Status::Invalid("unknown COPY option {}; valid options: {}", ToUpper(name),
                             kValidOptions);
    }
  }
  return out;
}

}  // namespace bundlebase::sql
