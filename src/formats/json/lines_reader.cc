// The two passes of the JSON lines reader over parallel blocks.
#include "formats/json/lines_reader.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <vector>

#include "base/thread_pool.h"
#include "formats/json/json_error.h"
#include "formats/json/line_blocks.h"
#include "formats/json/line_parser.h"
#include "formats/json/record_writer.h"
#include "formats/json/schema_inference.h"

namespace bundlebase::json {

namespace {

// simdjson parsers keep their buffers from one document to the next, so the threads borrow a
// parser per block instead of allocating a fresh one each time.
class ParserPool {
 public:
  std::unique_ptr<LineParser> Take() {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.empty()) return std::make_unique<LineParser>();
    auto parser = std::move(free_.back());
    free_.pop_back();
    return parser;
  }
  void Give(std::unique_ptr<LineParser> parser) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(parser));
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<LineParser>> free_;
};

class JsonLinesReader final : public RecordBatchReader {
 public:
  JsonLinesReader(std::shared_ptr<io::RandomAccessFile> file, JsonReadOptions options,
                  std::vector<LineBlock> blocks)
      : file_(std::move(file)), options_(std::move(options)), blocks_(std::move(blocks)) {}

  Status InferSchema();
  SchemaPtr schema() const override { return schema_; }
  Result<RecordBatchPtr> Next() override;

 private:
  // Parses block i's lines with `fn`; parse failures name the line, which is
  // `first_line` (1-based), or found by counting newlines when first_line is 0.
  Status ParseBlock(size_t i, int64_t first_line, const LineParser::RecordFn& fn,
                    int64_t* lines);
  Status BuildGroup();
  size_t parallelism() const {
    return options_.num_threads > 0 ? static_cast<size_t>(options_.num_threads) : 0;
  }

  std::shared_ptr<io::RandomAccessFile> file_;
  JsonReadOptions options_;
  std::vector<LineBlock> blocks_;
  std::vector<int64_t> first_lines_;  // of each block, 1-based
  std::vector<int64_t> records_;      // in each block
  SchemaPtr schema_;
  ParserPool parsers_;
  size_t next_block_ = 0;
  std::deque<RecordBatchPtr> ready_;
  Status error_;
};

Status JsonLinesReader::ParseBlock(size_t i, int64_t first_line,
                                   const LineParser::RecordFn& fn, int64_t* lines) {
  BB_ASSIGN_OR_RAISE(PaddedBlock block, ReadPaddedBlock(*file_, blocks_[i]));
  WalkContext ctx(options_.max_depth, options_.max_columns);
  LineError error;
  auto parser = parsers_.Take();
  Status status = parser->Parse(block.text, ctx, fn, lines, &error);
  parsers_.Give(std::move(parser));
  if (status.ok() || !ctx.failure()) return NameInput(options_.filename, status);
  if (first_line == 0) {
    BB_ASSIGN_OR_RAISE(int64_t before, CountNewlines(*file_, 0, blocks_[i].begin));
    first_line = before + 1;
  }
  return LineErrorStatus(options_.filename, first_line + error.line, error.column,
                         blocks_[i].begin + error.offset, error.message, error.invalid_json);
}

Status JsonLinesReader::InferSchema() {
  const size_t n = blocks_.size();
  const bool flatten = options_.flatten_enabled();
  std::vector<std::unique_ptr<RecordShape>> shapes(n);
  std::vector<int64_t> lines(n, 0);
  records_.assign(n, 0);
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      n,
      [&](size_t i) -> Status {
        auto shape = std::make_unique<RecordShape>();
        SchemaInference inference(shape.get(), flatten, options_.sep);
        int64_t records = 0;
        BB_RETURN_NOT_OK(ParseBlock(
            i, 0,
            [&](od::object record, WalkContext& ctx) {
              ++records;
              return inference.AddRecord(record, ctx);
            },
            &lines[i]));
        records_[i] = records;
        shapes[i] = std::move(shape);
        return Status::OK();
      },
      parallelism()));

  // Merging in file order keeps the columns in the order a sequential pass would find them.
  RecordShape merged;
  int64_t fields = 0;
  first_lines_.assign(n, 1);
  for (size_t i = 0; i < n; ++i) {
    fields += merged.Merge(*shapes[i]);
    if (fields > options_.max_columns) {
      return NameInput(options_.filename,
                       Status::Invalid("more than {} distinct columns and nested fields; records "
                                       "keyed by ids or other data are not tables (raise "
                                       "max_columns to read them anyway)",
                                       options_.max_columns));
    }
    if (i + 1 < n) first_lines_[i + 1] = first_lines_[i] + lines[i];
    shapes[i].reset();
  }
  int64_t total = 0;
  for (int64_t r : records_) total += r;
  if (total == 0) {
    return NameInput(options_.filename,
                     Status::Invalid("no records: the input holds only blank lines"));
  }
  schema_ = merged.ToSchema();
  return Status::OK();
}

Status JsonLinesReader::BuildGroup() {
  const size_t pool = ThreadPool::Default().num_threads();
  const size_t width = std::min(parallelism() == 0 ? pool : std::min(parallelism(), pool),
                                blocks_.size() - next_block_);
  const size_t first = next_block_;
  std::vector<RecordBatchPtr> batches(width);
  const bool flatten = options_.flatten_enabled();
  Status status = ThreadPool::Default().ParallelFor(
      width,
      [&](size_t j) -> Status {
        const size_t i = first + j;
        if (records_[i] == 0) return Status::OK();
        BB_ASSIGN_OR_RAISE(auto writer, RecordWriter::Make(schema_, flatten, options_.sep));
        int64_t lines = 0;
        BB_RETURN_NOT_OK(ParseBlock(
            i, first_lines_[i],
            [&](od::object record, WalkContext& ctx) { return writer->AddRecord(record, ctx); },
            &lines));
        BB_ASSIGN_OR_RAISE(batches[j], writer->Finish());
        return Status::OK();
      },
      width);
  next_block_ += width;
  BB_RETURN_NOT_OK(status);
  for (auto& batch : batches) {
    if (batch) ready_.push_back(std::move(batch));
  }
  return Status::OK();
}

Result<RecordBatchPtr> JsonLinesReader::Next() {
  BB_RETURN_NOT_OK(error_);
  while (ready_.empty()) {
    if (next_block_ >= blocks_.size()) return RecordBatchPtr();
    error_ = BuildGroup();
    BB_RETURN_NOT_OK(error_);
  }
  RecordBatchPtr batch = std::move(ready_.front());
  ready_.pop_front();
  return batch;
}

}  // namespace

Result<std::unique_ptr<RecordBatchReader>> OpenLinesReader(
    std::shared_ptr<io::RandomAccessFile> file, const JsonReadOptions& options, uint64_t start) {
  BB_ASSIGN_OR_RAISE(auto blocks,
                     SplitIntoLineBlocks(*file, start, static_cast<uint64_t>(options.block_size)));
  if (blocks.empty()) {
    return NameInput(options.filename, Status::Invalid("the input is empty"));
  }
  auto reader = std::make_unique<JsonLinesReader>(std::move(file), options, std::move(blocks));
  BB_RETURN_NOT_OK(reader->InferSchema());
  return std::unique_ptr<RecordBatchReader>(std::move(reader));
}

}  // namespace bundlebase::json
