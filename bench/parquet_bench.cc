// parquet_bench: times our Parquet writer and reader for bench/parquet_bench.py, which runs
// DuckDB on the same data and files with the same thread count.
//
//   parquet_bench write|write-durable OUT.parquet ROWS CODEC REPS
//       Builds ROWS rows in memory (not timed): a int64 (high cardinality), b double, c
//       low-cardinality string (100 distinct), d high-cardinality string; then writes them with
//       ParquetFileWriter (CODEC: snappy, zstd, ...) REPS times.
//       "write" goes through a plain buffered file, as DuckDB's COPY does; "write-durable"
//       through the local FileSystem, which also fsyncs and publishes atomically.
//   Each run prints its wall-clock "seconds=" and the process's CPU seconds "cpu=".
//   parquet_bench read FILE REPS [COLUMN]
//       Decodes every row group (all columns, or only COLUMN), row groups in parallel, and
//       folds every value into a checksum so nothing can be skipped.
// Threads: BUNDLEBASE_THREADS (the shared pool's size), set by the driver.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/thread_pool.h"
#include "formats/parquet/file_reader.h"
#include "formats/parquet/file_writer.h"
#include "io/local_file_system.h"

using namespace bundlebase;
using namespace bundlebase::parquet;

namespace {

constexpr int64_t kBatchRows = 64 * 1024;

// A buffered file without fsync or atomic publishing: what DuckDB's COPY TO writes through.
class PlainFileStream final : public io::OutputStream {
 public:
  explicit PlainFileStream(std::string path)
      : path_(std::move(path)), file_(std::fopen(path_.c_str(), "wb")) {}
  ~PlainFileStream() override {
    if (file_) std::fclose(file_);
  }
  const std::string& path() const override { return path_; }
  Status Write(const void* data, size_t size) override {
    if (!file_ || std::fwrite(data, 1, size, file_) != size) {
      return Status::IOError("cannot write {}", path_);
    }
    written_ += size;
    return Status::OK();
  }
  uint64_t bytes_written() const override { return written_; }
  Status Close() override {
    const bool ok = file_ && std::fclose(file_) == 0;
    file_ = nullptr;
    return ok ? Status::OK() : Status::IOError("cannot close {}", path_);
  }
  void Abort() override {}

 private:
  std::string path_;
  std::FILE* file_;
  uint64_t written_ = 0;
};

// The same formulas as bench/parquet_bench.py's DuckDB table.
Result<RecordBatchPtr> MakeBatch(const SchemaPtr& schema, int64_t start, int64_t n) {
  Int64Builder a(Int64());
  Float64Builder b(Float64());
  BinaryBuilder c(Utf8());
  BinaryBuilder d(Utf8());
  BB_RETURN_NOT_OK(a.Reserve(n));
  BB_RETURN_NOT_OK(b.Reserve(n));
  for (int64_t i = start; i < start + n; ++i) {
    a.UnsafeAppend((i * 7919) % 10000019);
    b.UnsafeAppend(static_cast<double>(i) * 0.5 + static_cast<double>((i * 40503) % 1000) / 1000.0);
    BB_RETURN_NOT_OK(c.Append("category_" + std::to_string(i % 100)));
    BB_RETURN_NOT_OK(d.Append("customer_" + std::to_string((i * 2654435761) % 100000007)));
  }
  std::vector<ArrayPtr> columns(4);
  BB_ASSIGN_OR_RAISE(columns[0], a.Finish());
  BB_ASSIGN_OR_RAISE(columns[1], b.Finish());
  BB_ASSIGN_OR_RAISE(columns[2], c.Finish());
  BB_ASSIGN_OR_RAISE(columns[3], d.Finish());
  return RecordBatch::Make(schema, std::move(columns));
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU seconds of every thread of the process so far: on a shared machine the wall clock also
// counts the time other processes held the cores.
double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int Fail(const Status& st) {
  std::fprintf(stderr, "parquet_bench: %s\n", st.ToString().c_str());
  return 1;
}

int Write(const std::string& path, int64_t rows, const std::string& codec, int reps,
          bool durable) {
  auto schema = MakeSchema({Field("a", Int64()), Field("b", Float64()), Field("c", Utf8()),
                            Field("d", Utf8())});
  std::vector<RecordBatchPtr> batches;
  for (int64_t start = 0; start < rows; start += kBatchRows) {
    auto batch = MakeBatch(schema, start, std::min(kBatchRows, rows - start));
    if (!batch.ok()) return Fail(batch.status());
    batches.push_back(*batch);
  }
  ParquetWriteOptions options;
  if (codec == "snappy") {
    options.codec = CompressionCodec::kSnappy;
  } else if (codec == "zstd") {
    options.codec = CompressionCodec::kZstd;
  } else if (codec == "uncompressed") {
    options.codec = CompressionCodec::kUncompressed;
  } else {
    return Fail(Status::Invalid("unknown codec '{}'", codec));
  }
  auto fs = io::LocalFileSystem::Instance();
  for (int r = 0; r < reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    const double cpu = CpuSeconds();
    Status st;
    if (durable) {
      st = WriteParquetFile(fs, path, schema, batches, options);
    } else {
      auto writer = ParquetFileWriter::Open(std::make_unique<PlainFileStream>(path), schema,
                                            options);
      st = writer.status();
      for (size_t b = 0; st.ok() && b < batches.size(); ++b) st = (*writer)->WriteBatch(*batches[b]);
      if (st.ok()) st = (*writer)->Close();
    }
    if (!st.ok()) return Fail(st);
    std::printf("seconds=%.4f cpu=%.4f rows=%lld\n", Seconds(start), CpuSeconds() - cpu,
                static_cast<long long>(rows));
  }
  return 0;
}

// Every value folded in: numbers by value, strings by length and first byte.
double Checksum(const Array& a) {
  double sum = 0;
  const int64_t n = a.length();
  switch (a.type_id()) {
    case TypeId::kInt64: {
      const int64_t* v = a.values<int64_t>();
      int64_t s = 0;
      for (int64_t i = 0; i < n; ++i) s += a.IsValid(i) ? v[i] : 0;
      return static_cast<double>(s);
    }
    case TypeId::kFloat64: {
      const double* v = a.values<double>();
      for (int64_t i = 0; i < n; ++i) sum += a.IsValid(i) ? v[i] : 0;
      return sum;
    }
    case TypeId::kUtf8: {
      const int32_t* o = a.offsets();
      const char* data = a.buffers()[2]->data_as<char>();
      int64_t s = o[n] - o[0];
      for (int64_t i = 0; i < n; ++i) s += o[i + 1] > o[i] ? data[o[i]] : 0;
      return static_cast<double>(s);
    }
    default:
      return 0;
  }
}

int Read(const std::string& path, int reps, const std::string& column) {
  auto fs = io::LocalFileSystem::Instance();
  auto file = fs->OpenRead(path);
  if (!file.ok()) return Fail(file.status());
  auto reader = ParquetFileReader::Open(std::shared_ptr<io::RandomAccessFile>(std::move(*file)));
  if (!reader.ok()) return Fail(reader.status());
  std::vector<int> fields;
  if (!column.empty()) {
    int index = (*reader)->schema()->FieldIndex(column);
    if (index < 0) return Fail(Status::KeyError("no column '{}'", column));
    fields.push_back(index);
  }
  const int groups = (*reader)->num_row_groups();
  for (int r = 0; r < reps; ++r) {
    auto start = std::chrono::steady_clock::now();
    const double cpu = CpuSeconds();
    std::vector<double> sums(groups, 0);
    std::vector<int64_t> rows(groups, 0);
    Status st = ThreadPool::Default().ParallelFor(groups, [&](size_t g) -> Status {
      BB_ASSIGN_OR_RAISE(auto batch, (*reader)->ReadRowGroup(static_cast<int>(g), fields));
      for (const auto& col : batch->columns()) sums[g] += Checksum(*col);
      rows[g] = batch->num_rows();
      return Status::OK();
    });
    if (!st.ok()) return Fail(st);
    double sum = 0;
    int64_t total = 0;
    for (int g = 0; g < groups; ++g) {
      sum += sums[g];
      total += rows[g];
    }
    std::printf("seconds=%.4f cpu=%.4f rows=%lld checksum=%.6g\n", Seconds(start),
                CpuSeconds() - cpu, static_cast<long long>(total), sum);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if ((mode == "write" || mode == "write-durable") && argc == 6) {
    return Write(argv[2], std::atoll(argv[3]), argv[4], std::atoi(argv[5]),
                 mode == "write-durable");
  }
  if (mode == "read" && (argc == 4 || argc == 5)) {
    return Read(argv[2], std::atoi(argv[3]), argc == 5 ? argv[4] : "");
  }
  std::fprintf(stderr,
               "usage: parquet_bench write|write-durable OUT.parquet ROWS CODEC REPS\n"
               "       parquet_bench read FILE REPS [COLUMN]\n");
  return 2;
}
