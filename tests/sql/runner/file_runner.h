// Runs the records of one test file: against one backend (checking the expected rows, or
// rewriting them from what the backend returns), or against two backends compared with each
// other (--differential). Failures are printed to the given stream with file:line, the SQL,
// and expected vs actual; the tallies go into RunTally.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sql_backend.h"
#include "test_file.h"

namespace bundlebase::sql {

struct RunTally {
  int queries_passed = 0;
  int queries_failed = 0;
  int queries_skipped = 0;
  int statements_passed = 0;
  int statements_failed = 0;
  int statements_skipped = 0;

  void Add(const RunTally& other);
  int failures() const { return queries_failed + statements_failed; }
};

// Checks every record that runs on `backend` against the file's expectations.
RunTally RunFile(const TestFile& file, SqlBackend& backend, std::ostream& failures);

// Like RunFile, but a query's expected rows are replaced by what `backend` returns (statement
// records are still checked). `*rewritten` receives the new file text.
RunTally RewriteFile(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                     std::string* rewritten);

// Runs every record on both backends and compares their outcomes with each other, in the
// record's sort mode. A statement runs on each backend it applies to; a query is compared only
// when it applies to both.
RunTally RunFileDifferential(const TestFile& file, SqlBackend& first, SqlBackend& second,
                             std::ostream& failures);

}  // namespace bundlebase::sql
