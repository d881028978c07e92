// The record loop behind RunFile, RewriteFile and RunFileDifferential.
#include "file_runner.h"

#include <regex>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "result_rows.h"

namespace bundlebase::sql {
namespace {

std::string Indent(const std::string& text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

std::string IndentLines(const std::vector<std::string>& lines) {
  if (lines.empty()) return "    (no rows)";
  std::string joined;
  for (const auto& line : lines) joined += (joined.empty() ? "" : "\n") + line;
  return Indent(joined);
}

void ReportFailure(std::ostream& out, const TestFile& file, const Record& record,
                   const std::string& what, const std::string& details) {
  fmt::print(out, "{}:{}: {}\n  SQL:\n{}\n{}\n\n", file.path, record.line, what,
             Indent(record.sql), details);
}

// The outcome of a statement record against its expectation; nullopt when it is as expected.
std::optional<std::string> CheckStatement(const Record& record, const Status& status) {
  if (record.kind == RecordKind::kStatementOk) {
    if (status.ok()) return std::nullopt;
    return fmt::format("  expected: success\n  actual:   error: {}", status.message());
  }
  if (status.ok()) {
    return fmt::format("  expected: an error matching /{}/\n  actual:   success",
                       record.error_regex);
  }
  std::regex pattern;
  try {
    pattern = std::regex(record.error_regex, std::regex::ECMAScript | std::regex::icase);
  } catch (const std::regex_error& error) {
    return fmt::format("  the record's regex /{}/ is invalid: {}", record.error_regex,
                       error.what());
  }
  if (std::regex_search(status.message(), pattern)) return std::nullopt;
  return fmt::format("  expected: an error matching /{}/\n  actual:   error: {}",
                     record.error_regex, status.message());
}

// A query's rows in canonical form and the record's sort order, or why there are none.
Result<CanonicalRows> QueryRows(SqlBackend& backend, const Record& record) {
  BB_ASSIGN_OR_RAISE(QueryOutput output, backend.Query(record.sql));
  BB_ASSIGN_OR_RAISE(CanonicalRows rows, CanonicalizeOutput(record.types, output));
  ApplySortMode(record.sort_mode, &rows);
  return rows;
}

class SingleBackendRun {
 public:
  SingleBackendRun(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                   bool rewrite)
      : file_(file), backend_(backend), failures_(failures), rewrite_(rewrite) {}

  RunTally Run(std::string* rewritten) {
    size_t copied_up_to = 0;
    for (const Record& record : file_.records) {
      if (record.kind == RecordKind::kHalt) {
        if (record.RunsOn(backend_.name())) break;
        continue;
      }
      bool is_query = record.kind == RecordKind::kQuery;
      if (!record.RunsOn(backend_.name())) {
        ++(is_query ? tally_.queries_skipped : tally_.statements_skipped);
        continue;
      }
      if (!is_query) {
        RunStatement(record);
        continue;
      }
      std::optional<CanonicalRows> rows = RunQuery(record);
      if (rewrite_ && rows) {
        for (; copied_up_to < record.results_begin; ++copied_up_to) {
          new_lines_.push_back(file_.lines[copied_up_to]);
        }
        new_lines_.push_back("----");
        for (auto& line : RenderRows(*rows)) new_lines_.push_back(std::move(line));
        copied_up_to = record.end;
      }
    }
    if (rewritten != nullptr) {
      for (; copied_up_to < file_.lines.size(); ++copied_up_to) {
        new_lines_.push_back(file_.lines[copied_up_to]);
      }
      rewritten->clear();
      for (const auto& line : new_lines_) *rewritten += line + "\n";
    }
    return tally_;
  }

 private:
  void RunStatement(const Record& record) {
    std::optional<std::string> problem = CheckStatement(record, backend_.Execute(record.sql));
    if (!problem) {
      ++tally_.statements_passed;
      return;
    }
    ++tally_.statements_failed;
    ReportFailure(failures_, file_, record, "statement failed", *problem);
  }

  // The query's canonical rows when they could be read (for a rewrite), whether or not they
  // matched the expected ones.
  std::optional<CanonicalRows> RunQuery(const Record& record) {
    Result<CanonicalRows> actual = QueryRows(backend_, record);
    if (!actual.ok()) {
      ++tally_.queries_failed;
      ReportFailure(failures_, file_, record, "query failed",
                    "  error: " + actual.status().message());
      return std::nullopt;
    }
    if (rewrite_) {
      ++tally_.queries_passed;
      return *actual;
    }
    CanonicalRows expected = SplitExpectedLines(record.expected_lines);
    ApplySortMode(record.sort_mode, &expected);
    std::optional<std::string> mismatch =
        DescribeMismatch(record.types, record.sort_mode, expected, *actual);
    if (!mismatch) {
      ++tally_.queries_passed;
    } else {
      ++tally_.queries_failed;
      ReportFailure(failures_, file_, record, "wrong result: " + *mismatch,
                    fmt::format("  expected:\n{}\n  actual:\n{}",
                                IndentLines(RenderRows(expected)),
                                IndentLines(RenderRows(*actual))));
    }
    return *actual;
  }

  const TestFile& file_;
  SqlBackend& backend_;
  std::ostream& failures_;
  bool rewrite_;
  RunTally tally_;
  std::vector<std::string> new_lines_;
};

std::string DescribeOutcome(const Result<CanonicalRows>& rows) {
  if (!rows.ok()) return "    error: " + rows.status().message();
  return IndentLines(RenderRows(*rows));
}

}  // namespace

void RunTally::Add(const RunTally& other) {
  queries_passed += other.queries_passed;
  queries_failed += other.queries_failed;
  queries_skipped += other.queries_skipped;
  statements_passed += other.statements_passed;
  statements_failed += other.statements_failed;
  statements_skipped += other.statements_skipped;
}

RunTally RunFile(const TestFile& file, SqlBackend& backend, std::ostream& failures) {
  return SingleBackendRun(file, backend, failures, /*rewrite=*/false).Run(nullptr);
}

RunTally RewriteFile(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                     std::string* rewritten) {
  return SingleBackendRun(file, backend, failures, /*rewrite=*/true).Run(rewritten);
}

RunTally RunFileDifferential(const TestFile& file, SqlBackend& first, SqlBackend& second,
                             std::ostream& failures) {
  RunTally tally;
  for (const Record& record : file.records) {
    bool on_first = record.RunsOn(first.name());
    bool on_second = record.RunsOn(second.name());
    if (record.kind == RecordKind::kHalt) {
      if (on_first || on_second) break;
      continue;
    }
    if (record.kind != RecordKind::kQuery) {
      std::optional<std::string> problem;
      for (SqlBackend* backend : {&first, &second}) {
        if (!record.RunsOn(backend->name())) continue;
        if (auto p = CheckStatement(record, backend->Execute(record.sql))) {
          problem = fmt::format("{}on {}:\n{}", problem ? *problem + "\n" : "", backend->name(),
                                *p);
        }
      }
      if (!on_first && !on_second) {
        ++tally.statements_skipped;
      } else if (problem) {
        ++tally.statements_failed;
        ReportFailure(failures, file, record, "statement failed", *problem);
      } else {
        ++tally.statements_passed;
      }
      continue;
    }
    if (!on_first || !on_second) {
      ++tally.queries_skipped;
      continue;
    }
    Result<CanonicalRows> a = QueryRows(first, record);
    Result<CanonicalRows> b = QueryRows(second, record);
    std::optional<std::string> mismatch;
    if (a.ok() && b.ok()) {
      mismatch = DescribeMismatch(record.types, record.sort_mode, *a, *b);
    } else {
      mismatch = fmt::format("the query failed on {}", !a.ok() ? first.name() : second.name());
    }
    if (!mismatch) {
      ++tally.queries_passed;
      continue;
    }
    ++tally.queries_failed;
    ReportFailure(failures, file, record, "backends differ: " + *mismatch,
                  fmt::format("  {}:\n{}\n  {}:\n{}", first.name(), DescribeOutcome(a),
                              second.name(), DescribeOutcome(b)));
  }
  return tally;
}

}  // namespace bundlebase::sql
