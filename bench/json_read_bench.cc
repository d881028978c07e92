// json_read_bench: times the JSON lines reader over one file, consuming every column.
//
// Usage: json_read_bench <file.jsonl> [threads] [repetitions] [stream|whole] [budget MiB]
// `stream` (the default) reads batch by batch through OpenJsonLinesReader, holding at most
// `budget` MiB of first-pass batches (default: the reader's own default); `whole` reads the
// file into one batch with ReadJsonFile. Prints one line per
// repetition: seconds, MB/s, CPU seconds, rows, and a checksum over every value (so no column
// can be skipped), for bench/json_read_bench.py to compare with DuckDB on the same file.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/resource.h>

#include "base/thread_pool.h"
#include "formats/json/json_reader.h"
#include "io/local_file_system.h"

using namespace bundlebase;

namespace {

// Folds every value of `array` into a checksum: numbers by value, strings and lists by length.
double Checksum(const Array& array) {
  double sum = 0;
  for (int64_t i = 0; i < array.length(); ++i) {
    if (array.IsNull(i)) continue;
    switch (array.type_id()) {
      case TypeId::kBool: sum += array.GetBool(i); break;
      case TypeId::kInt64: sum += static_cast<double>(array.values<int64_t>()[i]); break;
      case TypeId::kFloat64: sum += array.values<double>()[i]; break;
      case TypeId::kUtf8: sum += static_cast<double>(array.GetView(i).size()); break;
      case TypeId::kList: sum += array.offsets()[i + 1] - array.offsets()[i]; break;
      default: break;
    }
  }
  if (array.type_id() == TypeId::kList) sum += Checksum(*array.child(0));
  if (array.type_id() == TypeId::kStruct) {
    for (const auto& child : array.children()) sum += Checksum(*child);
  }
  return sum;
}

// CPU seconds used by the whole process so far (all threads), less noisy than wall time on a
// shared machine.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <file.jsonl> [threads] [repetitions]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  const int repetitions = argc > 3 ? std::atoi(argv[3]) : 3;
  const bool whole = argc > 4 && std::string(argv[4]) == "whole";
  const int64_t budget_mib = argc > 5 ? std::atoll(argv[5]) : -1;
  auto fs = io::LocalFileSystem::Instance();
  for (int rep = 0; rep < repetitions; ++rep) {
    auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    auto file = fs->OpenRead(path);
    if (!file.ok()) {
      std::fprintf(stderr, "%s\n", file.status().ToString().c_str());
      return 1;
    }
    uint64_t bytes = (*file)->size();
    json::JsonReadOptions options;
    options.filename = path;
    options.num_threads = threads;
    if (budget_mib >= 0) options.max_buffered_bytes = budget_mib << 20;
    int64_t rows = 0;
    double checksum = 0;
    auto consume = [&](const RecordBatchPtr& batch) {
      rows += batch->num_rows();
      for (const auto& column : batch->columns()) checksum += Checksum(*column);
    };
    if (whole) {
      auto batch = json::ReadJsonFile(*fs, path, options);
      if (!batch.ok()) {
        std::fprintf(stderr, "%s\n", batch.status().ToString().c_str());
        return 1;
      }
      consume(*batch);
    } else {
      auto reader = json::OpenJsonLinesReader(std::move(*file), options);
      if (!reader.ok()) {
        std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
        return 1;
      }
      while (true) {
        auto batch = (*reader)->Next();
        if (!batch.ok()) {
          std::fprintf(stderr, "%s\n", batch.status().ToString().c_str());
          return 1;
        }
        if (!*batch) break;
        consume(*batch);
      }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("seconds=%.4f mb_per_s=%.1f cpu_seconds=%.4f rows=%lld checksum=%.6g threads=%zu\n",
                seconds, static_cast<double>(bytes) / seconds / 1e6, CpuSeconds() - cpu_start,
                static_cast<long long>(rows), checksum, threads > 0 ? static_cast<size_t>(threads)
                                      : ThreadPool::Default().num_threads());
  }
  return 0;
}
