// Layout detection (document or lines) and dispatch to the two readers.
#include "formats/json/json_reader.h"

#include <algorithm>
#include <limits>

#include "base/strings.h"
#include "formats/json/document_reader.h"
#include "formats/json/json_error.h"
#include "formats/json/lines_reader.h"
#include "io/memory_file.h"
#include "formats/json/syntax_check.h"

namespace bundlebase::json {

namespace {

enum class Layout { kDocument, kLines, kNeedMoreInput };

uint64_t ByteOrderMarkLength(std::string_view head) {
  return head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// "a string" when `c` starts a JSON string, and so on; "" when it starts no JSON value.
std::string_view ScalarStartedBy(char c) {
  if (c == '"') return "a string";
  if (c == '-' || (c >= '0' && c <= '9')) return "a number";
  if (c == 't' || c == 'f') return "a boolean";
  if (c == 'n') return "null";
  return "";
}

// Decides from the start of the input (after any byte order mark). `complete` says whether
// `head` is the whole input; if it is not and more is needed to decide, says so.
Result<Layout> DetectLayout(std::string_view head, bool complete, const JsonReadOptions& options,
                            uint64_t base) {
  if (options.record_path || options.format == JsonFormat::kArray) return Layout::kDocument;
  if (options.format == JsonFormat::kLines) return Layout::kLines;
  size_t first = 0;
  while (first < head.size() && IsJsonSpace(head[first])) ++first;
  if (first == head.size()) {
    if (!complete) return Layout::kNeedMoreInput;
    return Status::Invalid("the input holds only whitespace, no JSON");
  }
  if (head[first] == '[') return Layout::kDocument;
  if (head[first] != '{') {
    std::string_view scalar = ScalarStartedBy(head[first]);
    if (!scalar.empty()) {
      return Status::Invalid("expected JSON records (an array of objects, an object, or JSON "
                             "lines), got {}",
                             scalar);
    }
    return Status::Invalid("not JSON: the input starts with '{}' at byte {}, but JSON records "
                           "start with '[' or '{{'",
                           EscapeForDisplay(head.substr(first, 1)), base + first);
  }
  // '{' starts JSON lines, unless the first line is an unfinished value: a pretty-printed
  // object spans lines and is one document (one record).
  size_t newline = head.find('\n', first);
  if (newline == std::string_view::npos && !complete) return Layout::kNeedMoreInput;
  std::string_view line = head.substr(first, newline == std::string_view::npos
                                                 ? std::string_view::npos
                                                 : newline - first);
  auto error = FindSyntaxError(line);
  bool unfinished = error && error->offset == line.size() && newline != std::string_view::npos;
  return unfinished ? Layout::kDocument : Layout::kLines;
}

// All batches are kept for the result anyway, so every block may be built in the first pass.
Result<RecordBatchPtr> ReadAllLines(std::shared_ptr<io::RandomAccessFile> file,
                                    const JsonReadOptions& options, uint64_t start) {
  BB_ASSIGN_OR_RAISE(auto reader, OpenLinesReader(std::move(file), options, start,
                                                  std::numeric_limits<int64_t>::max()));
  BB_ASSIGN_OR_RAISE(auto batches, reader->ReadAll());
  if (batches.size() == 1) return batches[0];
  return ConcatenateBatches(reader->schema(), batches);
}

}  // namespace

Result<RecordBatchPtr> ReadJson(std::shared_ptr<Buffer> bytes, const JsonReadOptions& options) {
  BB_RETURN_NOT_OK(options.Validate());
  if (bytes->empty()) return NameInput(options.filename, Status::Invalid("the input is empty"));
  const uint64_t start = ByteOrderMarkLength(bytes->view());
  auto layout = DetectLayout(bytes->view().substr(start), true, options, start);
  if (!layout.ok()) return NameInput(options.filename, layout.status());
  if (*layout == Layout::kLines) {
    auto file = std::make_shared<io::MemoryFile>(std::move(bytes), options.filename);
    return ReadAllLines(std::move(file), options, start);
  }
  return ReadDocument(bytes, start, options, options.format == JsonFormat::kArray);
}

Result<std::unique_ptr<RecordBatchReader>> OpenJsonLinesReader(
    std::shared_ptr<io::RandomAccessFile> file, const JsonReadOptions& options) {
  BB_RETURN_NOT_OK(options.Validate());
  if (options.record_path) {
    return Status::Invalid(
        "json_record_path needs one JSON document; it cannot be used with JSON lines");
  }
  BB_ASSIGN_OR_RAISE(auto head, file->ReadAt(0, std::min<uint64_t>(3, file->size())));
  return OpenLinesReader(std::move(file), options, ByteOrderMarkLength(head->view()),
                         options.max_buffered_bytes);
}

Result<RecordBatchPtr> ReadJsonFile(io::FileSystem& fs, const std::string& path,
                                    JsonReadOptions options) {
  if (options.filename.empty()) options.filename = path;
  BB_RETURN_NOT_OK(options.Validate());
  BB_ASSIGN_OR_RAISE(std::shared_ptr<io::RandomAccessFile> file, fs.OpenRead(path));
  const uint64_t size = file->size();
  if (size == 0) return NameInput(options.filename, Status::Invalid("the input is empty"));
  // Only a first line starting with '{' needs reading to its end; read ahead until it is known.
  uint64_t head_size = std::min<uint64_t>(size, 64 << 10);
  while (true) {
    BB_ASSIGN_OR_RAISE(auto head, file->ReadAt(0, head_size));
    const uint64_t start = ByteOrderMarkLength(head->view());
    auto layout = DetectLayout(head->view().substr(start), head_size == size, options, start);
    if (!layout.ok()) return NameInput(options.filename, layout.status());
    if (*layout == Layout::kLines) return ReadAllLines(std::move(file), options, start);
    if (*layout == Layout::kDocument) {
      BB_ASSIGN_OR_RAISE(auto bytes, file->ReadAll());
      return ReadDocument(bytes, start, options, options.format == JsonFormat::kArray);
    }
    head_size = std::min(size, head_size * 4);
  }
}

}  // namespace bundlebase::json
