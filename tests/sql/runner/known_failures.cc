// Reading and writing the known-failures list (known_failures.h).
#include "known_failures.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace bundlebase::sql {
namespace {

constexpr size_t kMaxReasonLength = 120;

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t\r");
  return text.substr(begin, last - begin + 1);
}

// Splits `file.test:123` into its file name and line, or fails naming the list line.
Result<std::pair<std::string, int>> ParseKey(std::string_view key, const std::string& where) {
  size_t colon = key.rfind(':');
  std::string_view file = colon == std::string_view::npos ? key : key.substr(0, colon);
  if (colon == std::string_view::npos || file.size() <= 5 ||
      file.substr(file.size() - 5) != ".test" || file.find('/') != std::string_view::npos) {
    return Status::Invalid("{}: expected '<file>.test:<line>  # <reason>', got '{}'", where,
                           key);
  }
  std::string_view digits = key.substr(colon + 1);
  int line = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), line);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      line <= 0) {
    return Status::Invalid("{}: '{}' is not a positive line number", where, digits);
  }
  return std::make_pair(std::string(file), line);
}

}  // namespace

Result<KnownFailures> KnownFailures::Parse(std::string_view text, const std::string& source) {
  KnownFailures list;
  int line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) newline = text.size();
    std::string_view line = Trim(text.substr(start, newline - start));
    start = newline + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    size_t hash = line.find('#');
    std::string_view key = Trim(line.substr(0, hash));
    std::string reason(hash == std::string_view::npos ? "" : Trim(line.substr(hash + 1)));
    std::string where = fmt::format("{}:{}", source, line_number);
    BB_ASSIGN_OR_RAISE(auto file_and_line, ParseKey(key, where));
    if (!list.entries_.emplace(file_and_line, std::move(reason)).second) {
      return Status::Invalid("{}: '{}' is listed twice; keep one line per record", where, key);
    }
  }
  return list;
}

Result<KnownFailures> KnownFailures::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError("cannot read the known-failures list '{}': check the path", path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

const std::string* KnownFailures::Find(const std::string& file_name, int line) const {
  auto it = entries_.find({file_name, line});
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<int> KnownFailures::LinesOf(const std::string& file_name) const {
  std::vector<int> lines;
  for (auto it = entries_.lower_bound({file_name, 0});
       it != entries_.end() && it->first.first == file_name; ++it) {
    lines.push_back(it->first.second);
  }
  return lines;
}

std::string KnownFailureFileName(const std::string& test_path) {
  size_t slash = test_path.find_last_of('/');
  return slash == std::string::npos ? test_path : test_path.substr(slash + 1);
}

std::string ShortReason(std::string_view message) {
  std::string_view first = Trim(message.substr(0, message.find('\n')));
  if (first.size() <= kMaxReasonLength) return std::string(first);
  return std::string(first.substr(0, kMaxReasonLength - 3)) + "...";
}

std::string FormatKnownFailures(std::vector<FailedRecord> records) {
  std::sort(records.begin(), records.end(), [](const FailedRecord& a, const FailedRecord& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  std::string text =
      "# Records of tests/sql/*.test that the bundlebase engine does not pass yet, with the\n"
      "# first line of the error (or \"wrong result\"). ctest's sql_bundlebase and\n"
      "# sql_differential fail when a record not listed here fails, and when a listed record\n"
      "# passes: remove fixed records (or regenerate) so the list only shrinks. Regenerate with\n"
      "#   sqllogictest --backend=bundlebase --write-known-failures=tests/sql/known_failures.txt "
      "tests/sql\n";
  fmt::format_to(std::back_inserter(text), "# {} records.\n", records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const FailedRecord& record = records[i];
    if (i == 0 || records[i - 1].file != record.file) {
      size_t in_file = 0;
      while (i + in_file < records.size() && records[i + in_file].file == record.file) {
        ++in_file;
      }
      fmt::format_to(std::back_inserter(text), "\n# {}: {} records\n", record.file, in_file);
    }
    std::string reason = ShortReason(record.reason);
    fmt::format_to(std::back_inserter(text), "{}:{}  # {}\n", record.file, record.line,
                   reason.empty() ? "failed" : reason);
  }
  return text;
}

}  // namespace bundlebase::sql
