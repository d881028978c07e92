// docs/sql-functions.md must document every registered function: its reference section is
// generated from the registry's FunctionDoc entries and must match them exactly. To refresh it
// after adding or changing a function, run this test with BB_UPDATE_FUNCTION_DOCS=1 in the
// environment; it rewrites the section between the markers.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "sql/functions/function_registry.h"
#include "test_util.h"

namespace bundlebase::sql {
namespace {

constexpr std::string_view kBegin = "<!-- BEGIN GENERATED REFERENCE -->\n";
constexpr std::string_view kEnd = "<!-- END GENERATED REFERENCE -->\n";

bool IsOperator(const std::string& name) {
  return name == "like" || name == "ilike" || name == "neg" || !std::isalpha(static_cast<unsigned char>(name[0]));
}

void AppendEntry(const std::string& name, const FunctionDoc& doc, std::string* out) {
  std::string shown = name == "neg" ? "- (unary minus)" : name;
  *out += "### `" + shown + "`\n\n" + doc.summary + "\n\n";
  *out += "- usage: `" + doc.usage + "`\n";
  if (!doc.example.empty()) *out += "- example: `" + doc.example + "`\n";
  *out += "\n";
}

std::string GeneratedReference() {
  const FunctionRegistry& registry = FunctionRegistry::Default();
  std::string out;
  out += "## Operators\n\n";
  for (const auto& name : registry.ScalarNames()) {
    if (IsOperator(name)) AppendEntry(name, registry.FindScalar(name)->doc, &out);
  }
  out += "## Scalar functions\n\n";
  for (const auto& name : registry.ScalarNames()) {
    if (!IsOperator(name)) AppendEntry(name, registry.FindScalar(name)->doc, &out);
  }
  out += "## Aggregate functions\n\n";
  for (const auto& name : registry.AggregateNames()) {
    AppendEntry(name, registry.FindAggregate(name)->doc, &out);
  }
  return out;
}

TEST(FunctionDocsTest, EveryFunctionHasASummaryAndUsage) {
  const FunctionRegistry& registry = FunctionRegistry::Default();
  EXPECT_GT(registry.ScalarNames().size(), 80u);
  for (const auto& name : registry.ScalarNames()) {
    const ScalarFunction* f = registry.FindScalar(name);
    EXPECT_FALSE(f->doc.summary.empty()) << name;
    EXPECT_FALSE(f->doc.usage.empty()) << name;
    for (const auto& kernel : f->kernels) EXPECT_TRUE(kernel.exec) << name;
  }
}

TEST(FunctionDocsTest, ReferenceMatchesTheRegistry) {
  std::string path = testing::RepoFile("docs/sql-functions.md");
  std::string text = testing::ReadFileOrDie(path);
  size_t begin = text.find(kBegin);
  size_t end = text.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << "docs/sql-functions.md lacks the generated-reference markers";
  ASSERT_NE(end, std::string::npos);
  begin += kBegin.size();
  std::string expected = GeneratedReference();
  if (std::getenv("BB_UPDATE_FUNCTION_DOCS") != nullptr) {
    std::ofstream(path, std::ios::binary) << text.substr(0, begin) << expected << text.substr(end);
    return;
  }
  std::string actual = text.substr(begin, end - begin);
  if (actual != expected) {
    size_t at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
    size_t line_start = expected.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    ADD_FAILURE() << "docs/sql-functions.md is out of date (first difference in the line \""
                  << expected.substr(line_start, expected.find('\n', at) - line_start)
                  << "\"): run sql_functions_test with BB_UPDATE_FUNCTION_DOCS=1 to regenerate "
                     "its reference section";
  }
  for (const auto& name : FunctionRegistry::Default().ScalarNames()) {
    EXPECT_NE(text.find("### `" + (name == "neg" ? std::string("- (unary minus)") : name) + "`"),
              std::string::npos)
        << name << " is not documented";
  }
}

}  // namespace
}  // namespace bundlebase::sql
