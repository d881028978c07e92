// sqllogictest: checks .test files against a SQL backend (see tests/sql/README.md).
//
//   sqllogictest [--backend=NAME] FILE_OR_DIR...     check the expected rows (default postgres)
//   sqllogictest --differential[=A,B] FILE_OR_DIR...  compare two backends (postgres,bundlebase)
//   sqllogictest --rewrite [--backend=NAME] FILE...  replace expected rows with NAME's results
//   sqllogictest --count FILE_OR_DIR...              count the records, run nothing
// With --known-failures=LIST, the failing records LIST names count as known failures and a
// listed record that passes is a failure; --write-known-failures=LIST writes the run's failing
// records as a new list (known_failures.h). A directory stands for its *.test files. The exit
// status is non-zero on any failure (when writing a list: when a file could not be run).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "backend_registry.h"
#include "file_runner.h"
#include "known_failures.h"
#include "test_file.h"

namespace bundlebase::sql {
namespace {

struct Options {
  std::string backend = "postgres";
  std::string differential_with;  // the second backend; empty unless --differential
  bool rewrite = false;
  bool count = false;
  std::string known_failures_path;
  std::string write_known_failures_path;
  std::vector<std::string> files;
};

constexpr const char* kUsage =
    "usage: sqllogictest [--backend=NAME | --differential[=A,B] | --rewrite | --count] "
    "[--known-failures=LIST] [--write-known-failures=LIST] FILE_OR_DIR...\n";

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
    } else if (arg.rfind("--known-failures=", 0) == 0) {
      options.known_failures_path = arg.substr(17);
    } else if (arg.rfind("--write-known-failures=", 0) == 0) {
      options.write_known_failures_path = arg.substr(23);
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
  bool uses_lists =
      !options.known_failures_path.empty() || !options.write_known_failures_path.empty();
  if (options.rewrite && uses_lists) {
    return Status::Invalid("--rewrite records results, it does not judge them: drop "
                           "--known-failures / --write-known-failures");
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

// Runs one file, returning its tally; nullopt when the file could not be run (unreadable, or
// a backend that cannot start), which has been reported.
std::optional<RunTally> RunOneFile(const Options& options, const std::string& path,
                                   BackendProvider& provider, BackendProvider* second_provider,
                                   const FailurePolicy& policy) {
  auto file = ReadTestFile(path);
  if (!file.ok()) {
    std::cerr << file.status().message() << "\n";
    return std::nullopt;
  }
  auto backend = provider.OpenFresh(path);
  if (!backend.ok()) {
    std::cerr << path << ": " << backend.status().message() << "\n";
    return std::nullopt;
  }
  if (second_provider != nullptr) {
    auto second = second_provider->OpenFresh(path);
    if (!second.ok()) {
      std::cerr << path << ": " << second.status().message() << "\n";
      return std::nullopt;
    }
    return RunFileDifferential(*file, **backend, **second, std::cerr, policy);
  }
  if (!options.rewrite) return RunFile(*file, **backend, std::cerr, policy);
  std::string rewritten;
  RunTally tally = RewriteFile(*file, **backend, std::cerr, &rewritten);
  Status written = WriteFile(path, rewritten);
  if (!written.ok()) {
    std::cerr << written.message() << "\n";
    return std::nullopt;
  }
  return tally;
}

void PrintSummary(const RunTally& total, size_t file_count) {
  fmt::print("sqllogictest: {} queries passed, {} failed, {} known failures, {} skipped in {} "
             "files ({} statements passed, {} failed, {} known failures, {} skipped)\n",
             total.queries_passed, total.queries_failed, total.queries_known_failed,
             total.queries_skipped, file_count, total.statements_passed,
             total.statements_failed, total.statements_known_failed, total.statements_skipped);
  if (total.stale_known_failures > 0) {
    fmt::print("sqllogictest: {} known-failures entries name no record\n",
               total.stale_known_failures);
  }
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
  std::optional<KnownFailures> known;
  if (!options->known_failures_path.empty()) {
    auto read = KnownFailures::Read(options->known_failures_path);
    if (!read.ok()) {
      std::cerr << "sqllogictest: " << read.status().message() << "\n";
      return 2;
    }
    known = std::move(*read);
  }
  std::vector<FailedRecord> failed_records;
  FailurePolicy policy;
  policy.known = known ? &*known : nullptr;
  bool writing_list = !options->write_known_failures_path.empty();
  if (writing_list) policy.failed_records = &failed_records;
  RunTally total;
  int files_not_run = 0;
  for (const auto& path : options->files) {
    auto tally = RunOneFile(*options, path, **provider, second_provider.get(), policy);
    if (tally) {
      total.Add(*tally);
    } else {
      ++files_not_run;
    }
  }
  PrintSummary(total, options->files.size());
  if (files_not_run > 0) fmt::print("sqllogictest: {} files could not be run\n", files_not_run);
  if (writing_list) {
    Status written =
        WriteFile(options->write_known_failures_path, FormatKnownFailures(failed_records));
    if (!written.ok()) {
      std::cerr << "sqllogictest: " << written.message() << "\n";
      return 1;
    }
    fmt::print("sqllogictest: wrote {} failing records to {}\n", failed_records.size(),
               options->write_known_failures_path);
    return files_not_run == 0 ? 0 : 1;
  }
  return total.failures() == 0 && files_not_run == 0 ? 0 : 1;
}

}  // namespace
}  // namespace bundlebase::sql

int main(int argc, char** argv) { return bundlebase::sql::Main(argc, argv); }
