// libFuzzer target for the JSON reader: any bytes go through ReadJson as a document (plain, and
// with a record path and meta fields as sources use it) and as JSON lines, and must read or
// fail cleanly. Oracle on top of "no crash": JSON lines read in tiny blocks, with guessed types
// and with nothing buffered, must give exactly what one block gives (or fail likewise).
#include <cstdlib>
#include <memory>
#include <string>

#include "formats/json/json_reader.h"
#include "io/memory_file.h"

namespace json = bundlebase::json;
using bundlebase::Buffer;
using bundlebase::RecordBatchPtr;
using bundlebase::Result;

namespace {

json::JsonReadOptions Options() {
  json::JsonReadOptions options;
  options.num_threads = 1;
  options.filename = "fuzz.json";
  options.max_depth = 64;
  options.max_columns = 500;
  return options;
}

Result<RecordBatchPtr> ReadLines(const std::string& text, bool flatten, int64_t block_size,
                                 int64_t max_buffered_bytes) {
  json::JsonReadOptions options = Options();
  options.format = json::JsonFormat::kLines;
  options.flatten = flatten;
  options.block_size = block_size;
  options.max_buffered_bytes = max_buffered_bytes;
  auto file = std::make_shared<bundlebase::io::MemoryFile>(Buffer::FromString(text), "fuzz.jsonl");
  BB_ASSIGN_OR_RAISE(auto reader, json::OpenJsonLinesReader(file, options));
  BB_ASSIGN_OR_RAISE(auto batches, reader->ReadAll());
  return bundlebase::ConcatenateBatches(reader->schema(), batches);
}

void CheckSame(const Result<RecordBatchPtr>& a, const Result<RecordBatchPtr>& b) {
  if (a.ok() != b.ok()) std::abort();
  if (a.ok() && !(*a)->Equals(**b)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);

  (void)json::ReadJson(Buffer::FromString(text), Options());

  json::JsonReadOptions wrapped = Options();
  wrapped.record_path = "items";
  wrapped.meta = {"total", "page.next"};
  (void)json::ReadJson(Buffer::FromString(text), wrapped);

  json::JsonReadOptions top = Options();
  top.record_path = "";
  top.flatten = false;
  (void)json::ReadJson(Buffer::FromString(text), top);

  for (bool flatten : {false, true}) {
    auto whole = ReadLines(text, flatten, int64_t{1} << 30, int64_t{1} << 30);
    CheckSame(whole, ReadLines(text, flatten, 16, int64_t{1} << 30));
    CheckSame(whole, ReadLines(text, flatten, 64, 0));
  }
  return 0;
}
