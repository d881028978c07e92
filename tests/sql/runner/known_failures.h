// The known-failures list: records of the corpus our engine does not pass yet.
//
// tests/sql/known_failures.txt names one record per line as `<file>.test:<line>  # <reason>`
// (the record's header line; blank lines and `#` comment lines are allowed). A run given the
// list counts a listed record that fails as a known failure, and a listed record that passes as
// a failure, so the list can only shrink: it never hides a bug that has been fixed. The same
// format is written back by --write-known-failures from the records that failed in a run.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bundlebase/result.h"

namespace bundlebase::sql {

// One record that failed: the test file's name (without directories), the record's header
// line and a one-line reason (the first line of the error, or "wrong result").
struct FailedRecord {
  std::string file;
  int line = 0;
  std::string reason;
};

class KnownFailures {
 public:
  // Parses the list's text; `source` names it in error messages.
  static Result<KnownFailures> Parse(std::string_view text, const std::string& source);
  static Result<KnownFailures> Read(const std::string& path);

  // The listed reason for the record at `line` of `file_name`, or nullptr when not listed.
  const std::string* Find(const std::string& file_name, int line) const;
  // The listed lines of `file_name`, ascending.
  std::vector<int> LinesOf(const std::string& file_name) const;
  size_t size() const { return entries_.size(); }

 private:
  std::map<std::pair<std::string, int>, std::string> entries_;
};

// The name a list entry uses for a test file: its path without directories.
std::string KnownFailureFileName(const std::string& test_path);

// A reason fit for one list line: the first line of `message`, shortened if very long.
std::string ShortReason(std::string_view message);

// The list's text for `records`, sorted by file and line, with a header saying how to
// regenerate it and a comment line counting each file's records.
std::string FormatKnownFailures(std::vector<FailedRecord> records);

}  // namespace bundlebase::sql
