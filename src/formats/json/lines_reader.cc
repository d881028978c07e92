// The passes of the JSON lines reader over parallel blocks.
#include "formats/json/lines_reader.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

#include "base/thread_pool.h"
#include "formats/json/batch_conform.h"
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

// What the first pass learned about one block.
struct BlockState {
  int64_t lines = 0;
  int64_t records = 0;
  RecordBatchPtr batch;                // built with the guessed types, or null
  std::unique_ptr<RecordShape> shape;  // inferred, when the block was not built
};

class JsonLinesReader final : public RecordBatchReader {
 public:
  JsonLinesReader(std::shared_ptr<io::RandomAccessFile> file, JsonReadOptions options,
                  std::vector<LineBlock> blocks, int64_t buffer_limit)
      : file_(std::move(file)),
        options_(std::move(options)),
        flatten_(options_.flatten_enabled()),
        blocks_(std::move(blocks)),
        states_(blocks_.size()),
        buffer_limit_(buffer_limit) {}

  Status FirstPass();
  SchemaPtr schema() const override { return schema_; }
  Result<RecordBatchPtr> Next() override;

 private:
  // Parses block i's lines with `fn`. A parse failure names its line, counted from
  // `first_line` (1-based), or from the start of the file when first_line is 0.
  Status ParseBlock(size_t i, int64_t first_line, const LineParser::RecordFn& fn,
                    int64_t* lines, bool* mismatch);
  Status Infer(size_t i, RecordShape* shape);
  Status Build(size_t i, const RecordShape& shape, int64_t first_line, RecordBatchPtr* batch,
               bool* mismatch);
  int64_t block_size(size_t i) const {
    return static_cast<int64_t>(blocks_[i].end - blocks_[i].begin);
  }
  Status FirstPassBlock(size_t i);
  Result<RecordBatchPtr> FinalBatch(size_t i);
  Status NextGroup();
  size_t parallelism() const {
    size_t pool = ThreadPool::Default().num_threads();
    return options_.num_threads > 0 ? std::min(pool, static_cast<size_t>(options_.num_threads))
                                    : pool;
  }

  std::shared_ptr<io::RandomAccessFile> file_;
  JsonReadOptions options_;
  bool flatten_;
  std::vector<LineBlock> blocks_;
  std::vector<BlockState> states_;
  std::vector<int64_t> first_lines_;  // of each block, 1-based
  int64_t buffer_limit_;
  std::atomic<int64_t> buffered_{0};
  RecordShape guess_;
  RecordShape final_;
  // The first block's batch: how large the builders of other blocks will get.
  RecordBatchPtr sizing_sample_;
  SchemaPtr schema_;
  ParserPool parsers_;
  size_t next_block_ = 0;
  std::deque<RecordBatchPtr> ready_;
  Status error_;
};

Status JsonLinesReader::ParseBlock(size_t i, int64_t first_line,
                                   const LineParser::RecordFn& fn, int64_t* lines,
                                   bool* mismatch) {
  BB_ASSIGN_OR_RAISE(PaddedBlock block, ReadPaddedBlock(*file_, blocks_[i]));
  WalkContext ctx(options_.max_depth, options_.max_columns);
  LineError error;
  auto parser = parsers_.Take();
  Status status = parser->Parse(block.text, ctx, fn, lines, &error);
  parsers_.Give(std::move(parser));
  if (status.ok() || !ctx.failure()) return NameInput(options_.filename, status);
  if (mismatch != nullptr && error.failure.mismatch) {
    *mismatch = true;
    return status;
  }
  if (first_line == 0) {
    BB_ASSIGN_OR_RAISE(int64_t before, CountNewlines(*file_, 0, blocks_[i].begin));
    first_line = before + 1;
  }
  return LineErrorStatus(options_.filename, first_line + error.line, error.failure.offset + 1,
                         blocks_[i].begin + error.line_start + error.failure.offset,
                         error.failure);
}

Status JsonLinesReader::Infer(size_t i, RecordShape* shape) {
  SchemaInference inference(shape, flatten_, options_.sep);
  int64_t records = 0;
  BB_RETURN_NOT_OK(ParseBlock(
      i, 0,
      [&](od::object& record, WalkContext& ctx) {
        ++records;
        return inference.AddRecord(record, ctx);
      },
      &states_[i].lines, nullptr));
  states_[i].records = records;
  return Status::OK();
}

Status JsonLinesReader::Build(size_t i, const RecordShape& shape, int64_t first_line,
                              RecordBatchPtr* batch, bool* mismatch) {
  BB_ASSIGN_OR_RAISE(auto writer, RecordWriter::Make(shape, flatten_, options_.sep));
  if (sizing_sample_) {
    // A little headroom: a block a few rows longer than the sample should not grow its builders.
    double scale = 1.05 * static_cast<double>(block_size(i)) / static_cast<double>(block_size(0));
    BB_RETURN_NOT_OK(writer->ReserveLike(*sizing_sample_, scale));
  }
  BB_RETURN_NOT_OK(ParseBlock(
      i, first_line,
      [&](od::object& record, WalkContext& ctx) { return writer->AddRecord(record, ctx); },
      &states_[i].lines, mismatch));
  states_[i].records = writer->num_rows();
  BB_ASSIGN_OR_RAISE(*batch, writer->Finish());
  return Status::OK();
}

Status JsonLinesReader::FirstPassBlock(size_t i) {
  BlockState& state = states_[i];
  if (state.batch) return Status::OK();  // the first block, built before the others
  const int64_t size = block_size(i);
  if (buffered_.fetch_add(size) + size <= buffer_limit_) {
    bool mismatch = false;
    Status status = Build(i, guess_, 0, &state.batch, &mismatch);
    if (status.ok()) return status;
    if (!mismatch) return status;
  }
  // Not built: the guess did not cover the block, or the budget is spent.
  buffered_.fetch_sub(size);
  state.batch.reset();
  state.shape = std::make_unique<RecordShape>();
  return Infer(i, state.shape.get());
}

Status JsonLinesReader::FirstPass() {
  BB_RETURN_NOT_OK(Infer(0, &guess_));
  // The first block is built before the others: its batch tells them how to size builders.
  RecordBatchPtr first;
  BB_RETURN_NOT_OK(Build(0, guess_, 1, &first, nullptr));
  sizing_sample_ = first;
  if (buffered_.fetch_add(block_size(0)) + block_size(0) <= buffer_limit_) {
    states_[0].batch = std::move(first);
  } else {
    buffered_.fetch_sub(block_size(0));
  }
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      blocks_.size(), [&](size_t i) { return FirstPassBlock(i); }, parallelism()));

  // Built blocks fit the guess, so they add nothing: merging the guess and the inferred
  // shapes in file order gives the schema one sequential inference would find.
  int64_t fields = final_.Merge(guess_);
  int64_t records = 0;
  first_lines_.assign(blocks_.size(), 1);
  for (size_t i = 0; i < blocks_.size(); ++i) {
    BlockState& state = states_[i];
    if (state.shape) {
      fields += final_.Merge(*state.shape);
      state.shape.reset();
    }
    if (fields > options_.max_columns) {
      return NameInput(options_.filename,
                       Status::Invalid("more than {} distinct columns and nested fields; records "
                                       "keyed by ids or other data are not tables (raise "
                                       "max_columns to read them anyway)",
                                       options_.max_columns));
    }
    records += state.records;
    if (i + 1 < blocks_.size()) first_lines_[i + 1] = first_lines_[i] + state.lines;
  }
  if (records == 0) {
    return NameInput(options_.filename,
                     Status::Invalid("no records: the input holds only blank lines"));
  }
  schema_ = final_.ToSchema();
  return Status::OK();
}

Result<RecordBatchPtr> JsonLinesReader::FinalBatch(size_t i) {
  BlockState& state = states_[i];
  if (state.records == 0) return RecordBatchPtr();
  RecordBatchPtr batch = std::move(state.batch);
  if (batch) {
    buffered_.fetch_sub(block_size(i));
    BB_ASSIGN_OR_RAISE(batch, ConformBatch(batch, schema_));
    if (batch) return batch;
  }
  BB_RETURN_NOT_OK(Build(i, final_, first_lines_[i], &batch, nullptr));
  return batch;
}

Status JsonLinesReader::NextGroup() {
  const size_t first = next_block_;
  const size_t width = std::min(parallelism(), blocks_.size() - first);
  std::vector<RecordBatchPtr> batches(width);
  next_block_ += width;
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      width,
      [&](size_t j) -> Status {
        BB_ASSIGN_OR_RAISE(batches[j], FinalBatch(first + j));
        return Status::OK();
      },
      width));
  for (auto& batch : batches) {
    if (batch) ready_.push_back(std::move(batch));
  }
  return Status::OK();
}

Result<RecordBatchPtr> JsonLinesReader::Next() {
  BB_RETURN_NOT_OK(error_);
  while (ready_.empty()) {
    if (next_block_ >= blocks_.size()) return RecordBatchPtr();
    error_ = NextGroup();
    BB_RETURN_NOT_OK(error_);
  }
  RecordBatchPtr batch = std::move(ready_.front());
  ready_.pop_front();
  return batch;
}

}  // namespace

Result<std::unique_ptr<RecordBatchReader>> OpenLinesReader(
    std::shared_ptr<io::RandomAccessFile> file, const JsonReadOptions& options, uint64_t start,
    int64_t buffer_limit) {
  BB_ASSIGN_OR_RAISE(auto blocks,
                     SplitIntoLineBlocks(*file, start, static_cast<uint64_t>(options.block_size)));
  if (blocks.empty()) {
    return NameInput(options.filename, Status::Invalid("the input is empty"));
  }
  auto reader = std::make_unique<JsonLinesReader>(std::move(file), options, std::move(blocks),
                                                  buffer_limit);
  BB_RETURN_NOT_OK(reader->FirstPass());
  return std::unique_ptr<RecordBatchReader>(std::move(reader));
}

}  // namespace bundlebase::json
