// tpch_query: runs one SQL file over the TPC-H Parquet tables with our engine and prints one
// JSON line per repetition — {"seconds": wall, "cpu_seconds": process CPU, "rows": n} — for
// tpch_bench.py, which runs DuckDB on the same files and compares.
//
//   tpch_query --data DIR --threads N --repeat K FILE.sql
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "io/local_file_system.h"
#include "sql/catalog/file_table_functions.h"
#include "sql/engine/sql_engine.h"

namespace bundlebase {
namespace {

const char* const kTables[] = {"region", "nation", "supplier", "customer",
                               "part",   "partsupp", "orders", "lineitem"};

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "tpch_query: %s\n", message.c_str());
  return 1;
}

int Main(int argc, char** argv) {
  std::string data, file;
  int threads = 0, repeat = 1;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--data") data = value();
    else if (arg == "--threads") threads = std::atoi(value().c_str());
    else if (arg == "--repeat") repeat = std::atoi(value().c_str());
    else file = arg;
  }
  if (data.empty() || file.empty() || repeat < 1) {
    return Fail("usage: tpch_query --data DIR --threads N --repeat K FILE.sql");
  }
  std::ifstream in(file);
  if (!in) return Fail("cannot read " + file);
  std::stringstream sql;
  sql << in.rdbuf();

  sql::EngineOptions options;
  options.execution.threads = threads;
  sql::SqlEngine engine(options);
  auto fs = io::LocalFileSystem::Instance();
  for (const char* table : kTables) {
    auto opened = sql::OpenTableFunction("read_parquet", {Scalar::FromUtf8(data + "/" + table + ".parquet")},
                                         {}, fs);
    if (!opened.ok()) return Fail(opened.status().ToString());
    Status added = engine.local_catalog().AddTable(table, *opened);
    if (!added.ok()) return Fail(added.ToString());
  }
  for (int r = 0; r < repeat; ++r) {
    auto wall_start = std::chrono::steady_clock::now();
    double cpu_start = CpuSeconds();
    auto result = engine.Execute(sql.str());
    double cpu = CpuSeconds() - cpu_start;
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    if (!result.ok()) return Fail(file + ": " + result.status().ToString());
    std::printf("{\"seconds\": %.6f, \"cpu_seconds\": %.6f, \"rows\": %lld}\n", wall, cpu,
                static_cast<long long>(result->num_rows()));
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace bundlebase

int main(int argc, char** argv) { return bundlebase::Main(argc, argv); }
