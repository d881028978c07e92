// Tests for the record loop: checking, failure reports, conditions, rewriting and differential
// runs, over a scripted in-memory backend (no database needed).
#include "file_runner.h"

#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "backend_registry.h"
#include "test_util.h"

namespace bundlebase::sql {
namespace {

// Answers each SQL text from a script; unknown SQL fails like an engine would.
class ScriptedBackend : public SqlBackend {
 public:
  explicit ScriptedBackend(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }

  Status Execute(const std::string& sql) override {
    executed.push_back(sql);
    auto it = errors.find(sql);
    if (it != errors.end()) return Status::Invalid("{}", it->second);
    return Status::OK();
  }
  Result<QueryOutput> Query(const std::string& sql) override {
    auto it = answers.find(sql);
    if (it == answers.end()) return Status::Invalid("relation \"x\" does not exist");
    return it->second;
  }

  std::map<std::string, QueryOutput> answers;
  std::map<std::string, std::string> errors;
  std::vector<std::string> executed;

 private:
  std::string name_;
};

TestFile Parse(const std::string& text) {
  auto file = ParseTestText("f.test", text);
  EXPECT_TRUE(file.ok()) << file.status().ToString();
  return file.ok() ? *file : TestFile();
}

TEST(FileRunner, PassesMatchingRecordsAndReportsMismatches) {
  ScriptedBackend backend("postgres");
  backend.answers["SELECT a"] = QueryOutput{{{"1", "t"}, {std::nullopt, "f"}}};
  backend.errors["SELECT nope"] = "column \"nope\" does not exist";
  TestFile file = Parse(
      "statement error column .*nope.* does not exist\nSELECT nope\n\n"
      "query IB rowsort\nSELECT a\n----\nNULL\tfalse\n1\ttrue\n\n"
      "query IB nosort\nSELECT a\n----\nNULL\tfalse\n1\ttrue\n");
  std::ostringstream failures;
  RunTally tally = RunFile(file, backend, failures);
  EXPECT_EQ(tally.statements_passed, 1);
  EXPECT_EQ(tally.queries_passed, 1);
  EXPECT_EQ(tally.queries_failed, 1);
  std::string report = failures.str();
  EXPECT_NE(report.find("f.test:10: wrong result: row 1, column 1: expected 'NULL', got '1'"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("SELECT a"), std::string::npos);
}

TEST(FileRunner, StatementOutcomesAndErrorRegexes) {
  ScriptedBackend backend("postgres");
  backend.errors["BAD"] = "division by zero";
  TestFile file = Parse(
      "statement ok\nBAD\n\n"
      "statement error out of range\nBAD\n\n"
      "statement error\nGOOD\n\n"
      "statement error DIVISION\nBAD\n");
  std::ostringstream failures;
  RunTally tally = RunFile(file, backend, failures);
  EXPECT_EQ(tally.statements_failed, 3);
  EXPECT_EQ(tally.statements_passed, 1);  // regexes ignore case
  EXPECT_NE(failures.str().find("actual:   error: division by zero"), std::string::npos);
  EXPECT_NE(failures.str().find("actual:   success"), std::string::npos);
}

TEST(FileRunner, ConditionsSkipRecordsAndHaltStops) {
  ScriptedBackend backend("bundlebase");
  backend.answers["SELECT 1"] = QueryOutput{{{"1"}}};
  TestFile file = Parse(
      "onlyif postgres\nstatement ok\nPG ONLY\n\n"
      "skipif bundlebase\nquery I\nSELECT 2\n----\n2\n\n"
      "onlyif bundlebase\nquery I\nSELECT 1\n----\n1\n\n"
      "halt\n\nstatement ok\nAFTER HALT\n");
  std::ostringstream failures;
  RunTally tally = RunFile(file, backend, failures);
  EXPECT_EQ(tally.statements_skipped, 1);
  EXPECT_EQ(tally.queries_skipped, 1);
  EXPECT_EQ(tally.queries_passed, 1);
  EXPECT_TRUE(backend.executed.empty());
  EXPECT_EQ(tally.failures(), 0) << failures.str();
}

TEST(FileRunner, RewriteReplacesOnlyTheExpectedRows) {
  ScriptedBackend backend("postgres");
  backend.answers["SELECT a"] = QueryOutput{{{"2.50"}, {""}}};
  TestFile file = Parse(
      "# header\nquery R\nSELECT a\n----\nold\nrows\n\nquery T\nSELECT a\n\n# tail\n");
  std::ostringstream failures;
  std::string rewritten;
  RunTally tally = RewriteFile(file, backend, failures, &rewritten);
  EXPECT_EQ(tally.queries_failed, 1);  // "" is not a number: the R record is left alone
  EXPECT_EQ(rewritten,
            "# header\nquery R\nSELECT a\n----\nold\nrows\n\n"
            "query T\nSELECT a\n----\n2.50\n(empty)\n\n# tail\n");
}

TEST(FileRunner, DifferentialComparesTheBackendsWithEachOther) {
  ScriptedBackend postgres("postgres");
  ScriptedBackend engine("bundlebase");
  postgres.answers["Q1"] = QueryOutput{{{"1"}, {"2"}}};
  engine.answers["Q1"] = QueryOutput{{{"2"}, {"1"}}};
  postgres.answers["Q2"] = QueryOutput{{{"0.1"}}};
  engine.answers["Q2"] = QueryOutput{{{"0.10000000000000001"}}};
  postgres.answers["Q3"] = QueryOutput{{{"x"}}};
  engine.answers["Q3"] = QueryOutput{{{"y"}}};
  TestFile file = Parse(
      "query I rowsort\nQ1\n\nquery R\nQ2\n\nquery T\nQ3\n\n"
      "onlyif postgres\nquery T\nQ4\n\nquery I\nMISSING\n");
  std::ostringstream failures;
  RunTally tally = RunFileDifferential(file, postgres, engine, failures);
  EXPECT_EQ(tally.queries_passed, 2);
  EXPECT_EQ(tally.queries_failed, 2);
  EXPECT_EQ(tally.queries_skipped, 1);
  EXPECT_NE(failures.str().find("backends differ: row 1, column 1: expected 'x', got 'y'"),
            std::string::npos)
      << failures.str();
}

TEST(FileRunnerKnownFailures, ListedFailuresAreKnownAndListedPassesAreFailures) {
  ScriptedBackend backend("bundlebase");
  backend.answers["SELECT 1"] = QueryOutput{{{"1"}}};
  backend.answers["SELECT 2"] = QueryOutput{{{"3"}}};
  backend.errors["CREATE"] = "syntax error at \"CREATE\"\nLINE 1: CREATE";
  TestFile file = Parse(
      "statement ok\nCREATE\n\n"           // line 1: listed, fails
      "query I\nSELECT 1\n----\n1\n\n"     // line 4: listed, passes
      "query I\nSELECT 2\n----\n2\n\n"     // line 9: unlisted, wrong result
      "statement error\nGOOD\n\n"          // line 14: unlisted, no error
      "query I\nMISSING\n\n"               // line 17: listed, fails
      "onlyif postgres\nquery I\nPG\n");     // line 21: listed, skipped
  ASSERT_OK_AND_ASSIGN(KnownFailures known,
                       KnownFailures::Parse("f.test:1\nf.test:4\nf.test:17\nf.test:21\n"
                                            "other.test:1\n",
                                            "list"));
  std::vector<FailedRecord> failed;
  std::ostringstream failures;
  RunTally tally = RunFile(file, backend, failures, FailurePolicy{&known, &failed});
  EXPECT_EQ(tally.statements_known_failed, 1);
  EXPECT_EQ(tally.queries_known_failed, 1);
  EXPECT_EQ(tally.queries_failed, 2);  // line 9 and the now-passing line 4
  EXPECT_EQ(tally.statements_failed, 1);
  EXPECT_EQ(tally.queries_skipped, 1);
  EXPECT_EQ(tally.queries_passed, 0);
  EXPECT_EQ(tally.stale_known_failures, 0) << failures.str();
  std::string report = failures.str();
  EXPECT_NE(report.find("f.test:4: now passes: remove it from known_failures.txt"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("f.test:9: wrong result"), std::string::npos);
  EXPECT_EQ(report.find("f.test:1:"), std::string::npos);   // known failures stay quiet
  EXPECT_EQ(report.find("f.test:17:"), std::string::npos);
  ASSERT_EQ(failed.size(), 4u);
  EXPECT_EQ(failed[0].file, "f.test");
  EXPECT_EQ(failed[0].line, 1);
  EXPECT_EQ(failed[0].reason, "syntax error at \"CREATE\"");
  EXPECT_EQ(failed[1].line, 9);
  EXPECT_EQ(failed[1].reason, "wrong result");
  EXPECT_EQ(failed[2].line, 14);
  EXPECT_EQ(failed[2].reason, "no error, expected one matching //");
  EXPECT_EQ(failed[3].line, 17);
  EXPECT_EQ(failed[3].reason, "relation \"x\" does not exist");
}

TEST(FileRunnerKnownFailures, EntriesThatNameNoRecordFailTheRun) {
  ScriptedBackend backend("bundlebase");
  TestFile file = Parse("# comment\nstatement ok\nSELECT\n\nhalt\n");
  ASSERT_OK_AND_ASSIGN(KnownFailures known,
                       KnownFailures::Parse("f.test:1\nf.test:3\nf.test:5\n", "list"));
  std::ostringstream failures;
  RunTally tally = RunFile(file, backend, failures, FailurePolicy{&known, nullptr});
  EXPECT_EQ(tally.statements_passed, 1);
  EXPECT_EQ(tally.stale_known_failures, 3);  // a comment, the SQL, and a halt
  EXPECT_EQ(tally.failures(), 3);
  EXPECT_NE(failures.str().find("f.test:3: listed in the known failures, but no record starts"),
            std::string::npos)
      << failures.str();
}

TEST(FileRunnerKnownFailures, DifferentialRunsUseTheListForDisagreements) {
  ScriptedBackend postgres("postgres");
  ScriptedBackend engine("bundlebase");
  postgres.answers["Q1"] = QueryOutput{{{"1"}}};
  engine.answers["Q1"] = QueryOutput{{{"2"}}};
  postgres.answers["Q2"] = QueryOutput{{{"1"}}};
  engine.answers["Q2"] = QueryOutput{{{"1"}}};
  postgres.answers["Q3"] = QueryOutput{{{"1"}}};
  engine.errors["BAD"] = "not supported yet";
  TestFile file = Parse(
      "query I\nQ1\n\nquery I\nQ2\n\nquery I\nQ3\n\nstatement ok\nBAD\n\n"
      "query I\nQ1\n");
  ASSERT_OK_AND_ASSIGN(KnownFailures known,
                       KnownFailures::Parse("f.test:1\nf.test:4\nf.test:7\nf.test:10\n", "l"));
  std::vector<FailedRecord> failed;
  std::ostringstream failures;
  RunTally tally =
      RunFileDifferential(file, postgres, engine, failures, FailurePolicy{&known, &failed});
  EXPECT_EQ(tally.queries_known_failed, 2);     // Q1 differs, Q3 fails on bundlebase
  EXPECT_EQ(tally.statements_known_failed, 1);  // BAD
  EXPECT_EQ(tally.queries_failed, 2);           // Q2 now agrees; the unlisted Q1 at line 13
  EXPECT_NE(failures.str().find("f.test:4: now passes"), std::string::npos) << failures.str();
  EXPECT_NE(failures.str().find("f.test:13: backends differ"), std::string::npos);
  ASSERT_EQ(failed.size(), 4u);
  EXPECT_EQ(failed[1].reason, "relation \"x\" does not exist");
  EXPECT_EQ(failed[2].reason, "not supported yet");
}

TEST(BackendRegistry, KnowsPostgresAndNamesTheChoicesForUnknownNames) {
  auto names = RegisteredBackendNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "postgres"), names.end());
  auto unknown = MakeBackendProvider("oracle9i");
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(unknown.status().IsKeyError());
  EXPECT_NE(unknown.status().message().find("postgres"), std::string::npos);
}

}  // namespace
}  // namespace bundlebase::sql
