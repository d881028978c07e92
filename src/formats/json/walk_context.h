// WalkContext: what the reader's two passes share while walking one JSON text with simdjson's
// On-Demand API — the text (to turn pointers into byte offsets), the nesting limit, the stamps
// that tell one object apart from the next, and the first failure with its position.
//
// Walkers return a Status; when it is not OK, failure() says where (an offset into the current
// text) and why, so the caller can name the file, line and byte in the message the user sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "bundlebase/status.h"
#include "formats/json/key_index.h"

namespace bundlebase::json {

namespace od = simdjson::ondemand;

struct ParseFailure {
  size_t offset = 0;  // into the text being walked
  std::string message;
  bool invalid_json = false;  // the text is not JSON (rather than JSON the reader cannot use)
  bool mismatch = false;      // a value the column types being written do not allow
};

class WalkContext {
 public:
  WalkContext(size_t max_depth, int max_fields) : max_depth_(max_depth), max_fields_(max_fields) {}

  // The document or line being walked; pointers handed to Fail() point into it.
  void set_text(std::string_view text) { text_ = text; }

  size_t max_depth() const { return max_depth_; }
  // A stamp no object walked with this context had before (see SeenFields).
  uint64_t NextStamp() { return ++stamp_; }

  // Counts `n` newly discovered columns or struct fields against the limit.
  Status CountNewFields(int n, const char* at);

  // Fails at `at` (a pointer into the text, or null when unknown).
  Status Fail(const char* at, std::string message);
  // Fails because simdjson reported `code` near `at`. The text is re-scanned to report the
  // exact position and reason of a syntax error; other errors keep simdjson's reason.
  Status FailJson(simdjson::error_code code, const char* at);
  // Fails because the text at `at` is not JSON, for the reason `message`.
  Status FailInvalid(const char* at, std::string message) {
    return Record(at, std::move(message), true);
  }
  // Fails because the value at `at` does not fit the column types being written (see
  // InferredType::Keeps).
  Status Mismatch(const char* at, std::string message) {
    Status status = Record(at, std::move(message), false);
    if (failure_) failure_->mismatch = true;
    return status;
  }
  // Fails because an array or object at `at` nests deeper than max_depth.
  Status FailDepth(const char* at);

  const std::optional<ParseFailure>& failure() const { return failure_; }
  // Forgets a failure that was handled (a mismatch the caller recovers from).
  void ClearFailure() { failure_.reset(); }

 private:
  size_t OffsetOf(const char* at) const;
  Status Record(const char* at, std::string message, bool invalid_json);

  std::string_view text_;
  size_t max_depth_;
  int max_fields_;
  int fields_ = 0;
  uint64_t stamp_ = 0;
  std::optional<ParseFailure> failure_;
};

// Looks up the key of `field` (the member at `position` of its object) in `keys`: sets *index to
// its index, or to -1 with *key set to the unescaped key when `keys` lacks it. The key
// predicted for the position is compared with the raw bytes first, which spares unescaping the
// key of nearly every member of nearly every record.
inline simdjson::error_code MatchKey(od::field& field, KeyIndex& keys, size_t position,
                                     int* index, std::string_view* key) {
  int guess = keys.Predicted(position);
  if (guess >= 0 && keys.MatchesRaw(guess, field.key().raw())) {
    *index = guess;
    return simdjson::SUCCESS;
  }
  if (auto error = field.unescaped_key().get(*key)) return error;
  *index = keys.Find(*key, position);
  return simdjson::SUCCESS;
}

// The start of the value's token in the input, for error positions.
inline const char* TokenStart(od::value& value) { return value.raw_json_token().data(); }

// "object", "array", "string", "number", "boolean" or "null".
std::string_view JsonTypeName(od::json_type type);
// "an object", "an array", "a string", "a number", "a boolean" or "null".
std::string_view JsonTypeWithArticle(od::json_type type);

}  // namespace bundlebase::json
