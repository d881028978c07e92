// The record loop behind RunFile, RewriteFile and RunFileDifferential.
#include "file_runner.h"

#include <regex>

#include <fmt/format.h>

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

constexpr const char* kWrongResult = "wrong result";

// Why a statement record did not go as expected: the report's details and a one-line reason.
struct StatementProblem {
  std::string details;
  std::string reason;
};

std::optional<StatementProblem> CheckStatement(const Record& record, const Status& status) {
  if (record.kind == RecordKind::kStatementOk) {
    if (status.ok()) return std::nullopt;
    return StatementProblem{
        fmt::format("  expected: success\n  actual:   error: {}", status.message()),
        status.message()};
  }
  if (status.ok()) {
    return StatementProblem{
        fmt::format("  expected: an error matching /{}/\n  actual:   success",
                    record.error_regex),
        fmt::format("no error, expected one matching /{}/", record.error_regex)};
  }
  std::regex pattern;
  try {
    pattern = std::regex(record.error_regex, std::regex::ECMAScript | std::regex::icase);
  } catch (const std::regex_error& error) {
    std::string details = fmt::format("  the record's regex /{}/ is invalid: {}",
                                      record.error_regex, error.what());
    return StatementProblem{details, details};
  }
  if (std::regex_search(status.message(), pattern)) return std::nullopt;
  return StatementProblem{fmt::format("  expected: an error matching /{}/\n  actual:   error: {}",
                                      record.error_regex, status.message()),
                          status.message()};
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
                   const FailurePolicy& policy, bool rewrite)
      : file_(file), backend_(backend), judge_(file, failures, policy), rewrite_(rewrite) {}

  RunTally Run(std::string* rewritten) {
    size_t copied_up_to = 0;
    for (const Record& record : file_.records) {
      if (record.kind == RecordKind::kHalt) {
        if (record.RunsOn(backend_.name())) break;
        continue;
      }
      if (!record.RunsOn(backend_.name())) {
        judge_.Skipped(record);
        continue;
      }
      if (record.kind != RecordKind::kQuery) {
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
    judge_.CheckListedLinesAreRecords();
    if (rewritten != nullptr) {
      for (; copied_up_to < file_.lines.size(); ++copied_up_to) {
        new_lines_.push_back(file_.lines[copied_up_to]);
      }
      rewritten->clear();
      for (const auto& line : new_lines_) *rewritten += line + "\n";
    }
    return judge_.tally();
  }

 private:
  void RunStatement(const Record& record) {
    std::optional<StatementProblem> problem =
        CheckStatement(record, backend_.Execute(record.sql));
    if (!problem) {
      judge_.Passed(record);
      return;
    }
    judge_.Failed(record, "statement failed", problem->details, problem->reason);
  }

  // The query's canonical rows when they could be read (for a rewrite), whether or not they
  // matched the expected ones.
  std::optional<CanonicalRows> RunQuery(const Record& record) {
    Result<CanonicalRows> actual = QueryRows(backend_, record);
    if (!actual.ok()) {
      judge_.Failed(record, "query failed", "  error: " + actual.status().message(),
                    actual.status().message());
      return std::nullopt;
    }
    if (rewrite_) {
      judge_.Passed(record);
      return *actual;
    }
    CanonicalRows expected = SplitExpectedLines(record.expected_lines);
    ApplySortMode(record.sort_mode, &expected);
    std::optional<std::string> mismatch =
        DescribeMismatch(record.types, record.sort_mode, expected, *actual);
    if (!mismatch) {
      judge_.Passed(record);
    } else {
      judge_.Failed(record, "wrong result: " + *mismatch,
                    fmt::format("  expected:\n{}\n  actual:\n{}",
                                IndentLines(RenderRows(expected)),
                                IndentLines(RenderRows(*actual))),
                    kWrongResult);
    }
    return *actual;
  }

  const TestFile& file_;
  SqlBackend& backend_;
  RecordJudge judge_;
  bool rewrite_;
  std::vector<std::string> new_lines_;
};

std::string DescribeOutcome(const Result<CanonicalRows>& rows) {
  if (!rows.ok()) return "    error: " + rows.status().message();
  return IndentLines(RenderRows(*rows));
}

void RunStatementOnBoth(const Record& record, SqlBackend& first, SqlBackend& second,
                        RecordJudge& judge) {
  std::string details;
  std::string reason;
  bool runs_anywhere = false;
  // The second backend's problem names the reason when both have one: it is the engine under
  // test in the usual postgres,bundlebase pairing.
  for (SqlBackend* backend : {&first, &second}) {
    if (!record.RunsOn(backend->name())) continue;
    runs_anywhere = true;
    if (auto problem = CheckStatement(record, backend->Execute(record.sql))) {
      details += fmt::format("{}on {}:\n{}", details.empty() ? "" : "\n", backend->name(),
                             problem->details);
      reason = problem->reason;
    }
  }
  if (!runs_anywhere) {
    judge.Skipped(record);
  } else if (!details.empty()) {
    judge.Failed(record, "statement failed", details, reason);
  } else {
    judge.Passed(record);
  }
}

void CompareQueryOnBoth(const Record& record, SqlBackend& first, SqlBackend& second,
                        RecordJudge& judge) {
  Result<CanonicalRows> a = QueryRows(first, record);
  Result<CanonicalRows> b = QueryRows(second, record);
  std::optional<std::string> mismatch;
  std::string reason = kWrongResult;
  if (a.ok() && b.ok()) {
    mismatch = DescribeMismatch(record.types, record.sort_mode, *a, *b);
  } else {
    mismatch = fmt::format("the query failed on {}", !a.ok() ? first.name() : second.name());
    reason = !b.ok() ? b.status().message() : a.status().message();
  }
  if (!mismatch) {
    judge.Passed(record);
    return;
  }
  judge.Failed(record, "backends differ: " + *mismatch,
               fmt::format("  {}:\n{}\n  {}:\n{}", first.name(), DescribeOutcome(a),
                           second.name(), DescribeOutcome(b)),
               reason);
}

}  // namespace

RunTally RunFile(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                 const FailurePolicy& policy) {
  return SingleBackendRun(file, backend, failures, policy, /*rewrite=*/false).Run(nullptr);
}

RunTally RewriteFile(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                     std::string* rewritten) {
  return SingleBackendRun(file, backend, failures, FailurePolicy(), /*rewrite=*/true)
      .Run(rewritten);
}

RunTally RunFileDifferential(const TestFile& file, SqlBackend& first, SqlBackend& second,
                             std::ostream& failures, const FailurePolicy& policy) {
  RecordJudge judge(file, failures, policy);
  for (const Record& record : file.records) {
    bool on_first = record.RunsOn(first.name());
    bool on_second = record.RunsOn(second.name());
    if (record.kind == RecordKind::kHalt) {
      if (on_first || on_second) break;
      continue;
    }
    if (record.kind != RecordKind::kQuery) {
      RunStatementOnBoth(record, first, second, judge);
    } else if (!on_first || !on_second) {
      judge.Skipped(record);
    } else {
      CompareQueryOnBoth(record, first, second, judge);
    }
  }
  judge.CheckListedLinesAreRecords();
  return judge.tally();
}

}  // namespace bundlebase::sql
