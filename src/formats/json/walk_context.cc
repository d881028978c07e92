// Failure reporting for the JSON walkers: simdjson error codes turned into positioned reasons.
#include "formats/json/walk_context.h"

#include "formats/json/syntax_check.h"

namespace bundlebase::json {

namespace {

// Reasons for the errors the syntax check cannot locate (it only knows the grammar).
std::string Reason(simdjson::error_code code) {
  switch (code) {
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::UNCLOSED_STRING: return "unterminated string";
    case simdjson::UNESCAPED_CHARS: return "unescaped control character in a string";
    case simdjson::STRING_ERROR: return "invalid string escape";
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return "invalid or out-of-range number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "invalid literal";
    case simdjson::EMPTY: return "no JSON value";
    case simdjson::CAPACITY:
      return "the document is larger than 4 GiB, the most one JSON value may be";
    case simdjson::MEMALLOC: return "out of memory while parsing";
    default: return simdjson::error_message(code);
  }
}

}  // namespace

size_t WalkContext::OffsetOf(const char* at) const {
  if (at == nullptr || at < text_.data() || at > text_.data() + text_.size()) return text_.size();
  return static_cast<size_t>(at - text_.data());
}

Status WalkContext::CountNewFields(int n, const char* at) {
  fields_ += n;
  if (fields_ <= max_fields_) return Status::OK();
  return Fail(at, fmt::format("more than {} distinct columns and nested fields; records keyed by "
                              "ids or other data are not tables (raise max_columns to read "
                              "them anyway)",
                              max_fields_));
}

Status WalkContext::Record(const char* at, std::string message, bool invalid_json) {
  if (!failure_) failure_ = ParseFailure{OffsetOf(at), std::move(message), invalid_json, false};
  return Status::Invalid("{}", failure_->message);
}

Status WalkContext::Fail(const char* at, std::string message) {
  return Record(at, std::move(message), false);
}

Status WalkContext::FailJson(simdjson::error_code code, const char* at) {
  if (code == simdjson::CAPACITY || code == simdjson::MEMALLOC) return Fail(at, Reason(code));
  if (auto error = FindSyntaxError(text_)) {
    return Record(text_.data() + error->offset, error->message, true);
  }
  return Record(at, Reason(code), true);
}

Status WalkContext::FailDepth(const char* at) {
  return Fail(at, fmt::format("nesting deeper than {} levels", max_depth_));
}

std::string_view JsonTypeName(od::json_type type) {
  switch (type) {
    case od::json_type::object: return "object";
    case od::json_type::array: return "array";
    case od::json_type::string: return "string";
    case od::json_type::number: return "number";
    case od::json_type::boolean: return "boolean";
    case od::json_type::null: return "null";
  }
  return "value";
}

std::string_view JsonTypeWithArticle(od::json_type type) {
  switch (type) {
    case od::json_type::object: return "an object";
    case od::json_type::array: return "an array";
    case od::json_type::string: return "a string";
    case od::json_type::number: return "a number";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "a value";
}

}  // namespace bundlebase::json
