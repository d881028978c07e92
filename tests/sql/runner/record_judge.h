// Where every record's outcome in a run is decided and counted: passed, failed, known failure
// (listed in the known-failures list and failing), or skipped. A failure is printed with
// file:line, the SQL and the details; a listed record that passes is a failure too, so a fixed
// bug is noticed and taken off the list. Every failing record can also be collected, for
// writing a new list (--write-known-failures).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "known_failures.h"
#include "test_file.h"

namespace bundlebase::sql {

struct RunTally {
  int queries_passed = 0;
  int queries_failed = 0;
  int queries_known_failed = 0;
  int queries_skipped = 0;
  int statements_passed = 0;
  int statements_failed = 0;
  int statements_known_failed = 0;
  int statements_skipped = 0;
  // Known-failures entries naming a line of a run file where no record starts.
  int stale_known_failures = 0;

  void Add(const RunTally& other);
  int failures() const { return queries_failed + statements_failed + stale_known_failures; }
  int known_failures() const { return queries_known_failed + statements_known_failed; }
};

// How a run treats failing records.
struct FailurePolicy {
  // Records expected to fail; nullptr when none are.
  const KnownFailures* known = nullptr;
  // When set, receives every record that fails, listed or not.
  std::vector<FailedRecord>* failed_records = nullptr;
};

class RecordJudge {
 public:
  RecordJudge(const TestFile& file, std::ostream& failures, const FailurePolicy& policy);

  void Skipped(const Record& record);
  void Passed(const Record& record);
  // `what` heads the printed report, `details` follow the SQL; `reason` is one line for the
  // known-failures list.
  void Failed(const Record& record, const std::string& what, const std::string& details,
              const std::string& reason);
  // Counts the list's entries for this file that name no record, so an edited file whose
  // records moved is caught instead of its entries silently matching nothing.
  void CheckListedLinesAreRecords();

  const RunTally& tally() const { return tally_; }

 private:
  const std::string* ListedReason(const Record& record) const;

  const TestFile& file_;
  std::string file_name_;
  std::ostream& failures_;
  FailurePolicy policy_;
  RunTally tally_;
};

}  // namespace bundlebase::sql
