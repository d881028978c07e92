// Counting and reporting record outcomes (record_judge.h).
#include "record_judge.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

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

bool IsQuery(const Record& record) { return record.kind == RecordKind::kQuery; }

}  // namespace

void RunTally::Add(const RunTally& other) {
  queries_passed += other.queries_passed;
  queries_failed += other.queries_failed;
  queries_known_failed += other.queries_known_failed;
  queries_skipped += other.queries_skipped;
  statements_passed += other.statements_passed;
  statements_failed += other.statements_failed;
  statements_known_failed += other.statements_known_failed;
  statements_skipped += other.statements_skipped;
  stale_known_failures += other.stale_known_failures;
}

RecordJudge::RecordJudge(const TestFile& file, std::ostream& failures,
                         const FailurePolicy& policy)
    : file_(file),
      file_name_(KnownFailureFileName(file.path)),
      failures_(failures),
      policy_(policy) {}

const std::string* RecordJudge::ListedReason(const Record& record) const {
  return policy_.known == nullptr ? nullptr : policy_.known->Find(file_name_, record.line);
}

void RecordJudge::Skipped(const Record& record) {
  ++(IsQuery(record) ? tally_.queries_skipped : tally_.statements_skipped);
}

void RecordJudge::Passed(const Record& record) {
  const std::string* listed = ListedReason(record);
  if (listed == nullptr) {
    ++(IsQuery(record) ? tally_.queries_passed : tally_.statements_passed);
    return;
  }
  ++(IsQuery(record) ? tally_.queries_failed : tally_.statements_failed);
  fmt::print(failures_,
             "{}:{}: now passes: remove it from known_failures.txt (listed as: {})\n  SQL:\n{}\n\n",
             file_.path, record.line, *listed, Indent(record.sql));
}

void RecordJudge::Failed(const Record& record, const std::string& what,
                         const std::string& details, const std::string& reason) {
  if (policy_.failed_records != nullptr) {
    policy_.failed_records->push_back({file_name_, record.line, ShortReason(reason)});
  }
  if (ListedReason(record) != nullptr) {
    ++(IsQuery(record) ? tally_.queries_known_failed : tally_.statements_known_failed);
    return;
  }
  ++(IsQuery(record) ? tally_.queries_failed : tally_.statements_failed);
  fmt::print(failures_, "{}:{}: {}\n  SQL:\n{}\n{}\n\n", file_.path, record.line, what,
             Indent(record.sql), details);
}

void RecordJudge::CheckListedLinesAreRecords() {
  if (policy_.known == nullptr) return;
  for (int line : policy_.known->LinesOf(file_name_)) {
    bool is_record = std::any_of(file_.records.begin(), file_.records.end(), [&](const Record& r) {
      return r.line == line && r.kind != RecordKind::kHalt;
    });
    if (is_record) continue;
    ++tally_.stale_known_failures;
    fmt::print(failures_,
               "{}:{}: listed in the known failures, but no record starts on this line: "
               "regenerate the list (tests/sql/README.md)\n\n",
               file_.path, line);
  }
}

}  // namespace bundlebase::sql
