// Runs the records of one test file: against one backend (checking the expected rows, or
// rewriting them from what the backend returns), or against two backends compared with each
// other (--differential). Failures are printed to the given stream with file:line, the SQL,
// and expected vs actual; the tallies go into RunTally. A FailurePolicy makes the records of a
// known-failures list count as known failures (and a failure when they pass).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "record_judge.h"
#include "sql_backend.h"
#include "test_file.h"

namespace bundlebase::sql {

// Checks every record that runs on `backend` against the file's expectations.
RunTally RunFile(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                 const FailurePolicy& policy = {});

// Like RunFile, but a query's expected rows are replaced by what `backend` returns (statement
// records are still checked). `*rewritten` receives the new file text.
RunTally RewriteFile(const TestFile& file, SqlBackend& backend, std::ostream& failures,
                     std::string* rewritten);

// Runs every record on both backends and compares their outcomes with each other, in the
// record's sort mode. A statement runs on each backend it applies to; a query is compared only
// when it applies to both.
RunTally RunFileDifferential(const TestFile& file, SqlBackend& first, SqlBackend& second,
                             std::ostream& failures, const FailurePolicy& policy = {});

}  // namespace bundlebase::sql
