// Parser for the sqllogictest format described in test_file.h.
#include "test_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace bundlebase::sql {
namespace {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) newline = text.size();
    std::string line(text.substr(start, newline - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = newline + 1;
  }
  return lines;
}

std::vector<std::string> SplitWords(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

// The text after the first `count` words of `line`, without surrounding spaces.
std::string RestAfterWords(const std::string& line, int count) {
  size_t pos = 0;
  for (int i = 0; i < count; ++i) {
    pos = line.find_first_not_of(" \t", pos);
    pos = line.find_first_of(" \t", pos);
    if (pos == std::string::npos) return "";
  }
  size_t begin = line.find_first_not_of(" \t", pos);
  if (begin == std::string::npos) return "";
  size_t last = line.find_last_not_of(" \t");
  return line.substr(begin, last - begin + 1);
}

class Parser {
 public:
  explicit Parser(TestFile* file) : file_(file), lines_(file->lines) {}

  Status Run() {
    Record pending;
    while (pos_ < lines_.size()) {
      const std::string& line = lines_[pos_];
      if (IsBlank(line) || line[0] == '#') {
        ++pos_;
        continue;
      }
      std::vector<std::string> words = SplitWords(line);
      if (words[0] == "onlyif" || words[0] == "skipif") {
        if (words.size() != 2) return Error("'{}' takes exactly one backend name", words[0]);
        (words[0] == "onlyif" ? pending.only_if : pending.skip_if).push_back(words[1]);
        ++pos_;
        continue;
      }
      pending.line = static_cast<int>(pos_) + 1;
      BB_RETURN_NOT_OK(ParseHeader(words, &pending));
      ++pos_;
      if (pending.kind != RecordKind::kHalt) BB_RETURN_NOT_OK(ParseBody(&pending));
      file_->records.push_back(std::move(pending));
      pending = Record();
    }
    if (!pending.only_if.empty() || !pending.skip_if.empty()) {
      return Error("onlyif/skipif at the end of the file applies to no record");
    }
    return Status::OK();
  }

 private:
  template <typename... Args>
  Status Error(fmt::format_string<Args...> f, Args&&... args) {
    return Status::Invalid("{}:{}: {}", file_->path, pos_ + 1,
                           fmt::format(f, std::forward<Args>(args)...));
  }

  Status ParseHeader(const std::vector<std::string>& words, Record* record) {
    const std::string& line = lines_[pos_];
    if (words[0] == "halt" && words.size() == 1) {
      record->kind = RecordKind::kHalt;
      return Status::OK();
    }
    if (words[0] == "statement" && words.size() == 2 && words[1] == "ok") {
      record->kind = RecordKind::kStatementOk;
      return Status::OK();
    }
    if (words[0] == "statement" && words.size() >= 2 && words[1] == "error") {
      record->kind = RecordKind::kStatementError;
      record->error_regex = RestAfterWords(line, 2);
      return Status::OK();
    }
    if (words[0] == "query") return ParseQueryHeader(words, record);
    return Error("unknown record '{}': expected statement ok, statement error, query or halt",
                 line);
  }

  Status ParseQueryHeader(const std::vector<std::string>& words, Record* record) {
    record->kind = RecordKind::kQuery;
    if (words.size() < 2) return Error("query needs its column types, e.g. 'query IT'");
    record->types = words[1];
    for (char type : record->types) {
      if (std::string_view("IRTBD").find(type) == std::string_view::npos) {
        return Error("unknown column type '{}' in '{}': use I, R, T, B or D", type, words[1]);
      }
    }
    size_t next = 2;
    if (next < words.size()) {
      if (words[next] == "nosort") {
        record->sort_mode = SortMode::kNoSort;
        ++next;
      } else if (words[next] == "rowsort") {
        record->sort_mode = SortMode::kRowSort;
        ++next;
      } else if (words[next] == "valuesort") {
        record->sort_mode = SortMode::kValueSort;
        ++next;
      }
    }
    if (next < words.size()) record->label = words[next++];
    if (next < words.size()) return Error("unexpected '{}' after the query header", words[next]);
    return Status::OK();
  }

  // The SQL lines, then for a query the optional `----` and expected rows, up to a blank line.
  Status ParseBody(Record* record) {
    std::string sql;
    while (pos_ < lines_.size() && !IsBlank(lines_[pos_]) && lines_[pos_] != "----") {
      if (!sql.empty()) sql += '\n';
      sql += lines_[pos_++];
    }
    if (sql.empty()) return Error("the record starting at line {} has no SQL", record->line);
    record->sql = std::move(sql);
    record->results_begin = pos_;
    if (pos_ < lines_.size() && lines_[pos_] == "----") {
      if (record->kind != RecordKind::kQuery) {
        return Error("only query records have a '----' result section");
      }
      ++pos_;
      while (pos_ < lines_.size() && !IsBlank(lines_[pos_])) {
        record->expected_lines.push_back(lines_[pos_++]);
      }
    }
    record->end = pos_;
    return Status::OK();
  }

  TestFile* file_;
  const std::vector<std::string>& lines_;
  size_t pos_ = 0;
};

}  // namespace

bool Record::RunsOn(std::string_view backend) const {
  if (std::find(skip_if.begin(), skip_if.end(), backend) != skip_if.end()) return false;
  if (only_if.empty()) return true;
  return std::find(only_if.begin(), only_if.end(), backend) != only_if.end();
}

Result<TestFile> ParseTestText(std::string path, std::string_view text) {
  TestFile file;
  file.path = std::move(path);
  file.lines = SplitLines(text);
  Parser parser(&file);
  BB_RETURN_NOT_OK(parser.Run());
  return file;
}

Result<TestFile> ReadTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open test file '{}'", path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseTestText(path, buffer.str());
}

}  // namespace bundlebase::sql
