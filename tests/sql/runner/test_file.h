// A parsed sqllogictest file: its records and the lines they came from.
//
// The format (documented in tests/sql/README.md): records separated by blank lines, `#`
// comment lines, optional `onlyif <backend>` / `skipif <backend>` lines before a record, then
// `statement ok`, `statement error [regex]`, `query <types> [nosort|rowsort|valuesort] [label]`
// or `halt`. A query's SQL ends at `----`; one expected row per line follows, values separated
// by a tab. The original lines are kept so --rewrite can replace just the expected rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"

namespace bundlebase::sql {

enum class RecordKind { kStatementOk, kStatementError, kQuery, kHalt };

enum class SortMode { kNoSort, kRowSort, kValueSort };

struct Record {
  RecordKind kind = RecordKind::kStatementOk;
  int line = 0;  // 1-based line of the record's header, for error messages
  std::vector<std::string> only_if;  // backends the record is limited to (empty: all)
  std::vector<std::string> skip_if;  // backends that skip the record
  std::string sql;
  std::string error_regex;  // statement error: the message must contain a match (may be empty)
  std::string types;        // query: one of I R T B D per column
  SortMode sort_mode = SortMode::kNoSort;
  std::string label;
  std::vector<std::string> expected_lines;  // query: the rows after `----`, one per line
  // query: 0-based index of the line after the SQL (the `----` or the record's end) and of the
  // line after the record, so a rewrite replaces [results_begin, end) only.
  size_t results_begin = 0;
  size_t end = 0;

  bool RunsOn(std::string_view backend) const;
};

struct TestFile {
  std::string path;
  std::vector<std::string> lines;
  std::vector<Record> records;
};

Result<TestFile> ParseTestText(std::string path, std::string_view text);
Result<TestFile> ReadTestFile(const std::string& path);

}  // namespace bundlebase::sql
