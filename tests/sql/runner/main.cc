// sqllogictest: checks .test files against a SQL backend (see tests/sql/README.md).
//
//   sqllogictest [--backend=NAME] FILE_OR_DIR...     check the expected rows (default postgres)
//   sqllogictest --differential[=A,B] FILE_OR_DIR...  compare two backends (postgres,bundlebase)
//   sqllogictest --rewrite [--backend=NAME] FILE...  replace expected rows with NAME's results
//   sqllogictest --count FILE_OR_DIR...              count the records, run nothing
// A directory stands for its *.test files. The exit status is non-zero on any failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "backend_registry.h"
#include "file_runner.h"
#include "test_file.h"

namespace bundlebase::sql {
namespace {

struct Options {
  std::string backend = "postgres";
  std::string differential_with;  // the second backend; empty unless --differential
  bool rewrite = false;
  bool count = false;
  std::vector<std::string> files;
};

constexpr const char* kUsage =
    "usage: sqllogictest [--backend=NAME | --differential[=A,B] | --rewrite | --count] "
    "FILE_OR_DIR...\n";

Result<Options> ParseOptions(int argc, char** argv) {
  Options options;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--backend=", 0) == 0) {
      options.backend = arg.substr(10);
    } else if (arg == "--differential") {
      options.differential_with = "bundlebase";
    } else if (arg.rfind("--differential=", 0) == 0) {
      std::string pair = arg.substr(15);
      size_t comma = pair.find(',');
      if (comma == std::string::npos) {
        return Status::Invalid("--differential= takes two backends, e.g. postgres,bundlebase");
      }
      options.backend = pair.substr(0, comma);
      options.differential_with = pair.substr(comma + 1);
    } else if (arg == "--rewrite") {
      options.rewrite = true;
    } else if (arg == "--count") {
      options.count = true;
    } else if (arg == "--help" || arg == "-h") {
      return Status::Invalid("{}", kUsage);
    } else if (arg.rfind("--", 0) == 0) {
      return Status::Invalid("unknown option '{}'\n{}", arg, kUsage);
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) return Status::Invalid("no test files given\n{}", kUsage);
  if (options.rewrite && !options.differential_with.empty()) {
    return Status::Invalid("--rewrite takes one backend, not --differential");
  }
  for (const auto& input : inputs) {
    if (!std::filesystem::is_directory(input)) {
      options.files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(input)) {
      if (entry.path().extension() == ".test") found.push_back(entry.path().string());
    }
    if (found.empty()) return Status::NotFound("no *.test files in directory '{}'", input);
    std::sort(found.begin(), found.end());
    options.files.insert(options.files.end(), found.begin(), found.end());
  }
  return options;
}

int CountRecords(const Options& options) {
  int statements_total = 0;
  int queries_total = 0;
  for (const auto& path : options.files) {
    auto file = ReadTestFile(path);
    if (!file.ok()) {
      std::cerr << file.status().message() << "\n";
      return 1;
    }
    int statements = 0;
    int queries = 0;
    for (const auto& record : file->records) {
      if (record.kind == RecordKind::kQuery) ++queries;
      if (record.kind == RecordKind::kStatementOk || record.kind == RecordKind::kStatementError) {
        ++statements;
      }
    }
    fmt::print("{}: {} statements, {} queries\n", path, statements, queries);
    statements_total += statements;
    queries_total += queries;
  }
  fmt::print("total: {} statements, {} queries in {} files\n", statements_total, queries_total,
             options.files.size());
  return 0;
}

Status WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::IOError("cannot write '{}'", path);
  return Status::OK();
}

// Runs one file, returning its tally; an unreadable file or a backend that cannot start
// counts as a failed statement so the run fails.
RunTally RunOneFile(const Options& options, const std::string& path, BackendProvider& provider,
                    BackendProvider* second_provider) {
  RunTally broken;
  broken.statements_failed = 1;
  auto file = ReadTestFile(path);
  if (!file.ok()) {
    std::cerr << file.status().message() << "\n";
    return broken;
  }
  auto backend = provider.OpenFresh(path);
  if (!backend.ok()) {
    std::cerr << path << ": " << backend.status().message() << "\n";
    return broken;
  }
  if (second_provider != nullptr) {
    auto second = second_provider->OpenFresh(path);
    if (!second.ok()) {
      std::cerr << path << ": " << second.status().message() << "\n";
      return broken;
    }
    return RunFileDifferential(*file, **backend, **second, std::cerr);
  }
  if (!options.rewrite) return RunFile(*file, **backend, std::cerr);
  std::string rewritten;
  RunTally tally = RewriteFile(*file, **backend, std::cerr, &rewritten);
  Status written = WriteFile(path, rewritten);
  if (!written.ok()) {
    std::cerr << written.message() << "\n";
    return broken;
  }
  return tally;
}

int Main(int argc, char** argv) {
  auto options = ParseOptions(argc, argv);
  if (!options.ok()) {
    std::cerr << "sqllogictest: " << options.status().message() << "\n";
    return 2;
  }
  if (options->count) return CountRecords(*options);
  auto provider = MakeBackendProvider(options->backend);
  if (!provider.ok()) {
    std::cerr << "sqllogictest: " << provider.status().message() << "\n";
    return 1;
  }
  std::unique_ptr<BackendProvider> second_provider;
  if (!options->differential_with.empty()) {
    auto second = MakeBackendProvider(options->differential_with);
    if (!second.ok()) {
      std::cerr << "sqllogictest: " << second.status().message() << "\n";
      return 1;
    }
    second_provider = std::move(*second);
  }
  RunTally total;
  for (const auto& path : options->files) {
    total.Add(RunOneFile(*options, path, **provider, second_provider.get()));
  }
  fmt::print("sqllogictest: {} queries passed, {} failed, {} skipped in {} files ({} statements "
             "passed, {} failed, {} skipped)\n",
             total.queries_passed, total.queries_failed, total.queries_skipped,
             options->files.size(), total.statements_passed, total.statements_failed,
             total.statements_skipped);
  return total.failures() == 0 ? 0 : 1;
}

}  // namespace
}  // namespace bundlebase::sql

int main(int argc, char** argv) { return bundlebase::sql::Main(argc, argv); }
