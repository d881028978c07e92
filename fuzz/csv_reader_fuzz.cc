// libFuzzer target for the CSV reader: any bytes go through the sniffer and the streaming reader
// from memory and must read or fail cleanly. Two oracles on top of "no crash": the bitmask
// tokenizer must agree with the scalar state machine, and whatever reads must survive a write
// through CsvWriter and a second read with the same row count.
#include <cstdlib>
#include <memory>
#include <string>

#include "formats/csv/csv_reader.h"
#include "formats/csv/csv_writer.h"
#include "io/memory_file.h"
#include "formats/csv/tokenizer.h"

namespace csv = bundlebase::csv;

namespace {

class StringStream final : public bundlebase::io::OutputStream {
 public:
  const std::string& path() const override { return path_; }
  bundlebase::Status Write(const void* data, size_t size) override {
    text.append(static_cast<const char*>(data), size);
    return bundlebase::Status::OK();
  }
  uint64_t bytes_written() const override { return text.size(); }
  bundlebase::Status Close() override { return bundlebase::Status::OK(); }
  void Abort() override {}
  std::string text;

 private:
  std::string path_ = "fuzz-out.csv";
};

void CheckTokenizers(const std::string& text, char newline) {
  csv::TokenizerConfig config;
  config.newline = newline;
  csv::TokenizedSpan fast, slow;
  csv::SyntaxError fast_error, slow_error;
  bool fast_ok = csv::Tokenize(text.data(), text.size(), config, &fast, &fast_error);
  bool slow_ok = csv::TokenizeScalar(text.data(), text.size(), config, &slow, &slow_error);
  if (fast_ok != slow_ok) std::abort();
  if (!fast_ok) {
    if (fast_error.kind != slow_error.kind || fast_error.offset != slow_error.offset) std::abort();
    return;
  }
  if (fast.ends.size() != slow.ends.size() ||
      fast.record_last.size() != slow.record_last.size()) {
    std::abort();
  }
  for (size_t i = 0; i < fast.ends.size(); ++i) {
    if (fast.ends[i] != slow.ends[i]) std::abort();
  }
  for (size_t i = 0; i < fast.record_last.size(); ++i) {
    if (fast.record_last[i] != slow.record_last[i]) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  CheckTokenizers(text, '\n');
  CheckTokenizers(text, '\r');

  // Tiny blocks so record boundaries land everywhere; one thread keeps runs reproducible.
  csv::CsvReadOptions options;
  options.block_bytes = 1 + static_cast<int64_t>(size % 61);
  options.num_threads = 1;
  options.null_padding = size % 2 == 1;
  options.max_record_bytes = 1 << 16;
  auto file = std::make_shared<bundlebase::io::MemoryFile>(bundlebase::Buffer::FromString(text), "fuzz.csv");
  auto table = csv::ReadCsv(file, options);
  if (!table.ok()) return 0;

  StringStream out;
  if (!csv::WriteCsv(&out, **table).ok()) std::abort();
  csv::CsvReadOptions again;
  again.header = true;
  again.infer_types = false;
  again.delimiter = ',';
  again.quote = '"';
  again.escape = '"';
  again.skip_rows = 0;
  again.line_ending = csv::LineEnding::kLf;
  again.null_padding = options.null_padding;
  again.max_record_bytes = 1 << 20;
  auto reread = csv::ReadCsv(
      std::make_shared<bundlebase::io::MemoryFile>(bundlebase::Buffer::FromString(out.text), "again.csv"),
      again);
  // A table without columns writes nothing; anything else must read back row for row — unless
  // the text written happens to start like a binary format (a header cell "PAR1\x01...").
  if ((*table)->num_columns() == 0) return 0;
  if (!reread.ok()) {
    if (reread.status().message().find("not a CSV file") != std::string::npos) return 0;
    std::abort();
  }
  if ((*reread)->num_rows() != (*table)->num_rows()) std::abort();
  return 0;
}
