// Record location and the walks over the records of a single JSON document.
#include "formats/json/document_reader.h"

#include <cstring>
#include <functional>
#include <limits>
#include <utility>

#include "formats/json/json_error.h"
#include "formats/json/json_path.h"
#include "formats/json/meta_fields.h"
#include "formats/json/record_writer.h"
#include "formats/json/schema_inference.h"

namespace bundlebase::json {

namespace {

static_assert(kBufferPadding >= simdjson::SIMDJSON_PADDING,
              "owned Buffers must be padded enough for simdjson to read them in place");

using RecordFn = std::function<Status(od::object&, WalkContext&)>;

// One indexed document and the way back to its records after a rewind.
class Document {
 public:
  Document(std::string_view text, uint64_t start, const JsonReadOptions& options,
           bool array_required)
      : text_(text),
        start_(start),
        options_(options),
        array_required_(array_required),
        ctx_(options.max_depth, options.max_columns) {
    ctx_.set_text(text);
  }

  Status Open() {
    auto padded = simdjson::padded_string_view(text_.data(), text_.size(),
                                               text_.size() + simdjson::SIMDJSON_PADDING);
    if (auto error = parser_.iterate(padded).get(doc_)) {
      return Failed(ctx_.FailJson(error, nullptr));
    }
    if (auto error = doc_.type().get(root_type_)) return Failed(ctx_.FailJson(error, nullptr));
    return Status::OK();
  }

  // Calls fn for the records in order, at most `limit` of them, and returns how many it saw.
  // With `mismatch` given, a value fn's writers do not allow (WalkContext::Mismatch) sets it and
  // returns the raw error, which the caller recovers from.
  Result<int64_t> ForEachRecord(const RecordFn& fn,
                                int64_t limit = std::numeric_limits<int64_t>::max(),
                                bool* mismatch = nullptr) {
    Result<int64_t> count = VisitRecords(fn, limit);
    if (!count.ok()) {
      if (mismatch != nullptr && ctx_.failure() && ctx_.failure()->mismatch) {
        *mismatch = true;
        ctx_.ClearFailure();
        return count.status();
      }
      return Failed(count.status());
    }
    if (*count < limit) BB_RETURN_NOT_OK(Failed(CheckComplete()));
    return count;
  }

  // The json_meta fields: their names and values (null where a path does not exist).
  Result<std::vector<std::pair<std::string, Scalar>>> ReadMeta() {
    std::vector<std::pair<std::string, Scalar>> fields;
    for (const std::string& path : options_.meta) {
      std::vector<std::string> segments = SplitPath(path);
      Scalar value = Scalar::MakeNull(Utf8());
      doc_.rewind();
      if (IsContainer(root_type_)) {
        od::value at;
        bool found = false;
        if (auto error = doc_.get_value().get(at)) return Failed(ctx_.FailJson(error, nullptr));
        BB_RETURN_NOT_OK(Failed(FollowPath(&at, segments, &found, ctx_)));
        if (found) {
          auto read = ReadMetaValue(at, ctx_);
          if (!read.ok()) return Failed(read.status());
          value = std::move(read).ValueOrDie();
        }
      }
      fields.emplace_back(segments.empty() ? path : segments.back(), std::move(value));
    }
    return fields;
  }

 private:
  static bool IsContainer(od::json_type type) {
    return type == od::json_type::object || type == od::json_type::array;
  }

  Status Failed(const Status& status) {
    if (status.ok() || !ctx_.failure()) return NameInput(options_.filename, status);
    return DocumentErrorStatus(options_.filename, text_, start_, *ctx_.failure());
  }

  Result<int64_t> VisitRecords(const RecordFn& fn, int64_t limit) {
    doc_.rewind();
    if (!options_.record_path && !array_required_ && root_type_ == od::json_type::object) {
      od::object record;
      if (auto error = doc_.get_object().get(record)) return ctx_.FailJson(error, nullptr);
      BB_RETURN_NOT_OK(fn(record, ctx_));
      return 1;
    }
    const std::string path = options_.record_path.value_or("");
    od::value records;
    bool found = IsContainer(root_type_);
    if (found) {
      if (auto error = doc_.get_value().get(records)) return ctx_.FailJson(error, nullptr);
      if (options_.record_path) {
        BB_RETURN_NOT_OK(FollowPath(&records, SplitPath(path), &found, ctx_));
      }
    }
    od::json_type type = root_type_;
    if (found) {
      if (auto error = records.type().get(type)) return ctx_.FailJson(error, TokenStart(records));
    } else if (!path.empty()) {
      return Status::Invalid("Path '{}' not found in JSON document", path);
    }
    if (type != od::json_type::array) {
      if (!options_.record_path && !array_required_) {
        return Status::Invalid("expected a JSON array of records or a single object, got {}",
                               JsonTypeWithArticle(type));
      }
      return Status::Invalid("Expected JSON array at path '{}', got: {}", path,
                             JsonTypeName(type));
    }
    od::array array;
    if (auto error = records.get_array().get(array)) {
      return ctx_.FailJson(error, TokenStart(records));
    }
    int64_t count = 0;
    for (auto element : array) {
      if (count == limit) break;
      if (auto error = element.error()) return ctx_.FailJson(error, nullptr);
      od::value& item = element.value_unsafe();
      const char* at = TokenStart(item);
      od::json_type item_type;
      if (auto error = item.type().get(item_type)) return ctx_.FailJson(error, at);
      if (item_type != od::json_type::object) {
        return ctx_.Fail(at, fmt::format("record {} is {}, expected a JSON object", count + 1,
                                         JsonTypeWithArticle(item_type)));
      }
      od::object record;
      if (auto error = item.get_object().get(record)) return ctx_.FailJson(error, at);
      BB_RETURN_NOT_OK(fn(record, ctx_));
      ++count;
    }
    if (count == 0) return Status::Invalid("JSON array is empty");
    return count;
  }

  // The records may end well before the document does (json_record_path): skip the whole root
  // value too, so a truncated file is an error rather than silently accepted.
  Status CheckComplete() {
    doc_.rewind();
    std::string_view root;
    if (auto error = doc_.raw_json().get(root)) return ctx_.FailJson(error, nullptr);
    const char* rest;
    if (!doc_.current_location().get(rest)) {
      return ctx_.FailJson(simdjson::TRAILING_CONTENT, rest);
    }
    return Status::OK();
  }

  std::string_view text_;
  uint64_t start_;
  const JsonReadOptions& options_;
  bool array_required_;
  WalkContext ctx_;
  od::parser parser_;
  od::document doc_;
  od::json_type root_type_ = od::json_type::null;
};

}  // namespace

Result<RecordBatchPtr> ReadDocument(const std::shared_ptr<Buffer>& bytes, uint64_t start,
                                    const JsonReadOptions& options, bool array_required) {
  // simdjson reads past the end of its input: owned buffers have the padding, others
  // (memory-mapped files, imported memory) are copied into one that does.
  std::shared_ptr<Buffer> padded = bytes;
  if (dynamic_cast<const MutableBuffer*>(bytes.get()) == nullptr) {
    BB_ASSIGN_OR_RAISE(auto copy, MutableBuffer::Allocate(bytes->size()));
    if (!bytes->empty()) std::memcpy(copy->mutable_data(), bytes->data(), bytes->size());
    padded = std::move(copy);
  }
  std::string_view text(padded->data_as<char>() + start, padded->size() - start);
  Document doc(text, start, options, array_required);
  BB_RETURN_NOT_OK(doc.Open());

  const bool flatten = options.flatten_enabled();
  // Types are guessed from the first records and every record is built with them; the
  // writers refuse what the guess does not cover, and only then is the whole document
  // inferred and built again. A document whose types settle early is walked once more, not
  // twice.
  constexpr int64_t kGuessRecords = 1000;
  RecordShape guess;
  SchemaInference guess_inference(&guess, flatten, options.sep);
  BB_RETURN_NOT_OK(doc.ForEachRecord(
      [&](od::object& record, WalkContext& ctx) { return guess_inference.AddRecord(record, ctx); },
      kGuessRecords));
  BB_ASSIGN_OR_RAISE(auto writer, RecordWriter::Make(guess, flatten, options.sep));
  bool mismatch = false;
  Result<int64_t> built = doc.ForEachRecord(
      [&](od::object& record, WalkContext& ctx) { return writer->AddRecord(record, ctx); },
      std::numeric_limits<int64_t>::max(), &mismatch);
  if (!built.ok() && !mismatch) return built.status();
  RecordShape shape;
  if (!built.ok()) {
    SchemaInference inference(&shape, flatten, options.sep);
    BB_RETURN_NOT_OK(doc.ForEachRecord(
        [&](od::object& record, WalkContext& ctx) { return inference.AddRecord(record, ctx); }));
    BB_ASSIGN_OR_RAISE(writer, RecordWriter::Make(shape, flatten, options.sep));
    BB_RETURN_NOT_OK(doc.ForEachRecord(
        [&](od::object& record, WalkContext& ctx) { return writer->AddRecord(record, ctx); }));
  }
  BB_ASSIGN_OR_RAISE(auto records, writer->Finish());
  BB_ASSIGN_OR_RAISE(auto meta, doc.ReadMeta());
  return AddMetaColumns(records, meta, options.filename);
}

}  // namespace bundlebase::json
