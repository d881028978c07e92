// csv_read_bench: times the CSV reader over one file, consuming every column.
//
// Usage: csv_read_bench <file.csv> [threads] [repetitions]
// Prints one line per repetition: seconds, MB/s, rows, and a checksum over every value (so no
// column can be skipped), for bench/csv_read_bench.py to compare with DuckDB on the same file.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/thread_pool.h"
#include "formats/csv/csv_reader.h"
#include "io/local_file_system.h"

using namespace bundlebase;

namespace {

// Folds every value of `array` into a checksum: numbers by value, text by length, dates and
// timestamps by value. Written per type so it costs little next to parsing.
double Checksum(const Array& a) {
  double sum = 0;
  const int64_t n = a.length();
  const bool nulls = a.null_count() > 0;
  auto valid = [&](int64_t i) { return !nulls || a.IsValid(i); };
  switch (a.type_id()) {
    case TypeId::kBool:
      for (int64_t i = 0; i < n; ++i) sum += valid(i) && a.GetBool(i);
      break;
    case TypeId::kInt64:
    case TypeId::kTimestamp: {
      const int64_t* v = a.values<int64_t>();
      int64_t s = 0;
      for (int64_t i = 0; i < n; ++i) s += valid(i) ? v[i] : 0;
      sum += static_cast<double>(s);
      break;
    }
    case TypeId::kDate32: {
      const int32_t* v = a.values<int32_t>();
      int64_t s = 0;
      for (int64_t i = 0; i < n; ++i) s += valid(i) ? v[i] : 0;
      sum += static_cast<double>(s);
      break;
    }
    case TypeId::kFloat64: {
      const double* v = a.values<double>();
      for (int64_t i = 0; i < n; ++i) sum += valid(i) ? v[i] : 0;
      break;
    }
    case TypeId::kUtf8: {
      const int32_t* o = a.offsets();
      sum += o[n] - o[0];
      break;
    }
    default:
      break;
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <file.csv> [threads] [repetitions]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  const int repetitions = argc > 3 ? std::atoi(argv[3]) : 3;
  auto fs = io::LocalFileSystem::Instance();
  for (int rep = 0; rep < repetitions; ++rep) {
    auto start = std::chrono::steady_clock::now();
    auto file = fs->OpenRead(path);
    if (!file.ok()) {
      std::fprintf(stderr, "%s\n", file.status().ToString().c_str());
      return 1;
    }
    const uint64_t bytes = (*file)->size();
    csv::CsvReadOptions options;
    options.num_threads = threads;
    auto reader =
        csv::OpenCsvReader(std::shared_ptr<io::RandomAccessFile>(std::move(*file)), options);
    if (!reader.ok()) {
      std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
      return 1;
    }
    int64_t rows = 0;
    double checksum = 0;
    for (;;) {
      auto batch = (*reader)->Next();
      if (!batch.ok()) {
        std::fprintf(stderr, "%s\n", batch.status().ToString().c_str());
        return 1;
      }
      if (!*batch) break;
      rows += (*batch)->num_rows();
      for (const auto& column : (*batch)->columns()) checksum += Checksum(*column);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (rep == 0) {
      std::fprintf(stderr, "schema:\n%s\n", (*reader)->schema()->ToString().c_str());
    }
    std::printf("seconds=%.4f mb_per_s=%.1f rows=%lld checksum=%.6g threads=%zu\n", seconds,
                static_cast<double>(bytes) / seconds / 1e6, static_cast<long long>(rows),
                checksum, threads > 0 ? static_cast<size_t>(threads)
                                      : ThreadPool::Default().num_threads());
  }
  return 0;
}
