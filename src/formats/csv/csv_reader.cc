// CsvReader: waves of blocks parsed in parallel, batches handed out in file order, the first
// error (in file order) returned after the batches that precede it.
#include "formats/csv/csv_reader.h"

#include "base/thread_pool.h"
#include "io/memory_file.h"
#include "io/local_file_system.h"

namespace bundlebase::csv {

CsvReader::CsvReader(BlockParserConfig parser, ErrorContext errors, SchemaPtr file_schema,
                     std::unique_ptr<BlockPlanner> planner, int num_threads, int64_t batch_rows)
    : parser_(std::move(parser)),
      errors_(std::move(errors)),
      file_schema_(std::move(file_schema)),
      planner_(std::move(planner)),
      num_threads_(num_threads),
      batch_rows_(batch_rows) {}

Result<RecordBatchPtr> CsvReader::Next() {
  for (;;) {
    if (!pending_.empty()) {
      RecordBatchPtr batch = std::move(pending_.front());
      pending_.pop_front();
      return batch;
    }
    if (!error_.ok()) return error_;
    if (planner_->done()) return RecordBatchPtr();
    BB_RETURN_NOT_OK(ReadWave());
  }
}

Status CsvReader::ReadWave() {
  BB_ASSIGN_OR_RAISE(Wave wave, planner_->NextWave());
  std::vector<ParsedBlock> parsed(wave.blocks.size());
  const char* base = wave.bytes ? wave.bytes->data_as<char>() : nullptr;
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      wave.blocks.size(),
      [&](size_t i) {
        auto [begin, end] = wave.blocks[i];
        return ParseBlock(parser_, base + (begin - wave.offset), end - begin, &parsed[i]);
      },
      static_cast<size_t>(num_threads_)));
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (parsed[i].error) {
      error_ = SyntaxErrorStatus(errors_, Rebased(*parsed[i].error, wave.blocks[i].first));
      return Status::OK();
    }
    const RecordBatchPtr& batch = parsed[i].batch;
    if (!batch) continue;
    for (int64_t at = 0; at < batch->num_rows(); at += batch_rows_) {
      const int64_t n = std::min(batch_rows_, batch->num_rows() - at);
      pending_.push_back(n == batch->num_rows() ? batch : batch->Slice(at, n));
    }
  }
  if (wave.error) error_ = SyntaxErrorStatus(errors_, *wave.error);
  return Status::OK();
}

Result<RecordBatchPtr> ReadCsv(std::shared_ptr<io::RandomAccessFile> file,
                               CsvReadOptions options) {
  BB_ASSIGN_OR_RAISE(auto reader, OpenCsvReader(std::move(file), std::move(options)));
  BB_ASSIGN_OR_RAISE(auto batches, reader->ReadAll());
  return ConcatenateBatches(reader->schema(), batches);
}

Result<RecordBatchPtr> ReadCsvFile(const std::string& path, CsvReadOptions options,
                                   std::shared_ptr<io::FileSystem> fs) {
  if (!fs) fs = io::LocalFileSystem::Instance();
  BB_ASSIGN_OR_RAISE(auto file, fs->OpenRead(path));
  return ReadCsv(std::shared_ptr<io::RandomAccessFile>(std::move(file)), std::move(options));
}

Result<RecordBatchPtr> ReadCsvString(std::string text, CsvReadOptions options, std::string name) {
  auto file =
      std::make_shared<io::MemoryFile>(Buffer::FromString(std::move(text)), std::move(name));
  return ReadCsv(std::move(file), std::move(options));
}

}  // namespace bundlebase::csv
