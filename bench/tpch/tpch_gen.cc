// tpch_gen: writes the TPC-H tables as Parquet with bundlebase's own writer, for the SQL
// benchmark (bench/tpch/tpch_bench.py) and anyone who wants TPC-H data without dbgen.
//
//   tpch_gen --scale SF --out DIR [--threads N] [--codec snappy|zstd|uncompressed]
//
// Writes DIR/{region,nation,supplier,customer,part,partsupp,orders,lineitem}.parquet. The data
// follows the TPC-H specification's rules (clause 4.2) but is not byte-identical to dbgen's.
// Output depends only on the scale factor and codec, never on the thread count. The default
// codec is snappy because that is what DuckDB's COPY ... (FORMAT parquet) writes by default;
// row groups are the writer's default 128 Ki rows.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "base/thread_pool.h"
#include "tpch_dataset.h"

using namespace bundlebase;

namespace {

struct Arguments {
  double scale = 0;
  std::string out_dir;
  int threads = 0;  // 0: BUNDLEBASE_THREADS or every hardware thread
  parquet::CompressionCodec codec = parquet::CompressionCodec::kSnappy;
};

constexpr const char* kUsage =
    "usage: tpch_gen --scale SF --out DIR [--threads N] [--codec snappy|zstd|uncompressed]";

Result<Arguments> ParseArguments(int argc, char** argv) {
  static const std::map<std::string, parquet::CompressionCodec> kCodecs = {
      {"snappy", parquet::CompressionCodec::kSnappy},
      {"zstd", parquet::CompressionCodec::kZstd},
      {"uncompressed", parquet::CompressionCodec::kUncompressed}};
  Arguments args;
  for (int i = 1; i < argc; i += 2) {
    const std::string option = argv[i];
    if (i + 1 >= argc) return Status::Invalid("{} needs a value\n{}", option, kUsage);
    const std::string value = argv[i + 1];
    char* end = nullptr;
    if (option == "--scale") {
      args.scale = std::strtod(value.c_str(), &end);
      if (*end != '\0' || !(args.scale > 0 && args.scale <= 1000)) {
        return Status::Invalid("--scale takes a number above 0 and up to 1000, not '{}'", value);
      }
    } else if (option == "--out") {
      args.out_dir = value;
    } else if (option == "--threads") {
      args.threads = static_cast<int>(std::strtol(value.c_str(), &end, 10));
      if (*end != '\0' || args.threads < 1 || args.threads > 1024) {
        return Status::Invalid("--threads takes a whole number from 1 to 1024, not '{}'", value);
      }
    } else if (option == "--codec") {
      auto it = kCodecs.find(value);
      if (it == kCodecs.end()) {
        return Status::Invalid("--codec takes snappy, zstd or uncompressed, not '{}'", value);
      }
      args.codec = it->second;
    } else {
      return Status::Invalid("unknown option '{}'\n{}", option, kUsage);
    }
  }
  if (args.scale == 0 || args.out_dir.empty()) {
    return Status::Invalid("--scale and --out are required\n{}", kUsage);
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  Result<Arguments> parsed = ParseArguments(argc, argv);
  if (!parsed.ok()) {
    std::fprintf(stderr, "tpch_gen: %s\n", parsed.status().message().c_str());
    return 2;
  }
  const Arguments& args = *parsed;
  // The shared pool reads its size from the environment when first used, which is below.
  if (args.threads > 0) setenv("BUNDLEBASE_THREADS", std::to_string(args.threads).c_str(), 1);

  tpch::TableWriteOptions options;
  options.out_dir = args.out_dir;
  options.parquet.codec = args.codec;
  double total_seconds = 0;
  const Status status =
      tpch::GenerateDataset(tpch::TpchScale(args.scale), options, [&](const tpch::TableReport& r) {
        total_seconds += r.seconds;
        for (size_t i = 0; i < r.names.size(); ++i) {
          std::printf("%-9s %10lld rows%s\n", r.names[i].c_str(),
                      static_cast<long long>(r.rows[i]),
                      i + 1 == r.names.size() ? "" : "  (generated together with the next)");
        }
        std::printf("          %.2f s\n", r.seconds);
        std::fflush(stdout);
      });
  if (!status.ok()) {
    std::fprintf(stderr, "tpch_gen: %s\n", status.message().c_str());
    return 1;
  }
  std::printf("scale %g written to %s in %.2f s on %zu threads\n", args.scale,
              args.out_dir.c_str(), total_seconds, ThreadPool::Default().num_threads());
  return 0;
}
