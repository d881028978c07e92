// Bad input never crashes or hangs: each case is a clear error naming the input and the byte
// (and line) where it went wrong.
#include "formats/json/json_reader.h"

#include <gtest/gtest.h>

#include "formats/json/json_test_util.h"
#include "io/local_file_system.h"

namespace bundlebase::json {
namespace {

using testing::ErrorOf;
using testing::ReadText;

JsonReadOptions Named(std::string name) {
  JsonReadOptions options;
  options.filename = std::move(name);
  return options;
}

Result<RecordBatchPtr> ReadFile(const std::string& name, const std::string& contents) {
  bundlebase::testing::ScratchDir dir;
  std::string path = dir.WriteFile(name, contents);
  auto fs = io::LocalFileSystem::Instance();
  auto result = ReadJsonFile(*fs, path, Named(name));
  return result;
}

TEST(JsonBadInputTest, EmptyAndWhitespaceInputs) {
  EXPECT_EQ(ErrorOf(ReadFile("empty.json", "")), "empty.json: the input is empty");
  EXPECT_EQ(ErrorOf(ReadFile("blank.json", " \n\t ")),
            "blank.json: the input holds only whitespace, no JSON");
  EXPECT_EQ(ErrorOf(ReadText("", Named("x.jsonl"))), "x.jsonl: the input is empty");
}

TEST(JsonBadInputTest, TruncatedFiles) {
  EXPECT_EQ(ErrorOf(ReadFile("cut.json", R"([{"a": 1}, {"a": 2)")),
            "cut.json: invalid JSON at byte 18 (line 1, column 19): unexpected end of input");
  EXPECT_EQ(ErrorOf(ReadFile("cut2.json", "[{\"a\": \"abc")),
            "cut2.json: invalid JSON at byte 7 (line 1, column 8): unterminated string");
  EXPECT_EQ(ErrorOf(ReadFile("cut.jsonl", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": ")),
            "cut.jsonl: line 3: invalid JSON at column 7 (byte 24): unexpected end of input");
}

TEST(JsonBadInputTest, InvalidUtf8) {
  EXPECT_EQ(ErrorOf(ReadFile("bad.json", "[{\"a\": \"ok\"},\n {\"a\": \"\xc3\x28\"}]")),
            "bad.json: invalid JSON at byte 22 (line 2, column 9): invalid UTF-8");
  EXPECT_EQ(ErrorOf(ReadFile("bad.jsonl", "{\"a\": \"ok\"}\n{\"a\": \"x\xff\"}\n")),
            "bad.jsonl: line 2: invalid JSON at column 9 (byte 20): invalid UTF-8");
  EXPECT_EQ(ErrorOf(ReadFile("key.jsonl", "{\"\xe2\x82\": 1}\n")),
            "key.jsonl: line 1: invalid JSON at column 3 (byte 2): invalid UTF-8");
}

TEST(JsonBadInputTest, BinaryFileNamedJson) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\rIHDR\0\0\0\x10", 13);
  EXPECT_EQ(ErrorOf(ReadFile("image.json", png)),
            "image.json: not JSON: the input starts with '\\x89' at byte 0, but JSON records "
            "start with '[' or '{'");
  std::string zeros(1000, '\0');
  EXPECT_EQ(ErrorOf(ReadFile("zeros.json", zeros)),
            "zeros.json: not JSON: the input starts with '\\x00' at byte 0, but JSON records "
            "start with '[' or '{'");
  // Binary after a plausible start.
  EXPECT_EQ(ErrorOf(ReadFile("mixed.json", std::string("[{\"a\": 1}, \x01\x02]"))),
            "mixed.json: invalid JSON at byte 11 (line 1, column 12): unexpected character "
            "'\\x01'");
  EXPECT_EQ(ErrorOf(ReadFile("mixed.jsonl", std::string("{\"a\": 1}\n{\x01\x02\n"))),
            "mixed.jsonl: line 2: invalid JSON at column 2 (byte 10): expected a string key but "
            "found '\\x01'");
}

TEST(JsonBadInputTest, TenMegabyteString) {
  std::string big(10 << 20, 'x');
  ASSERT_OK_AND_ASSIGN(auto array, ReadFile("big.json", "[{\"s\": \"" + big + "\", \"n\": 1}]"));
  EXPECT_EQ(array->column(0)->GetView(0).size(), big.size());
  ASSERT_OK_AND_ASSIGN(auto lines,
                       ReadFile("big.jsonl", "{\"n\": 0}\n{\"s\": \"" + big + "\"}\n{\"n\": 2}\n"));
  EXPECT_EQ(lines->num_rows(), 3);
  EXPECT_EQ(lines->GetColumnByName("s")->GetView(1).size(), big.size());
  EXPECT_EQ(ErrorOf(ReadFile("bigcut.json", "[{\"s\": \"" + big)),
            "bigcut.json: invalid JSON at byte 7 (line 1, column 8): unterminated string");
}

TEST(JsonBadInputTest, DeepNesting) {
  const int depth = 10000;
  std::string nested = std::string(depth, '[') + std::string(depth, ']');
  EXPECT_EQ(ErrorOf(ReadFile("deep.json", "[{\"a\": " + nested + "}]")),
            "deep.json: at byte 1030 (line 1, column 1031): nesting deeper than 1024 levels");
  EXPECT_EQ(ErrorOf(ReadFile("deep.jsonl", "{\"a\": 1}\n{\"a\": " + nested + "}\n")),
            "deep.jsonl: line 2, column 1030 (byte 1038): nesting deeper than 1024 levels");
  std::string objects;
  for (int i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(depth, '}');
  JsonReadOptions flatten = Named("deep_objects.json");
  flatten.flatten = true;
  EXPECT_EQ(ErrorOf(ReadText("[" + objects + "]", flatten)),
            "deep_objects.json: at byte 5121 (line 1, column 5122): nesting deeper than 1024 "
            "levels");
  // Unbalanced deep nesting: the depth limit stops the walk first, without recursion.
  EXPECT_EQ(ErrorOf(ReadFile("deepcut.json", "[{\"a\": " + std::string(depth, '[') + "}]")),
            "deepcut.json: at byte 1030 (line 1, column 1031): nesting deeper than 1024 levels");
  EXPECT_EQ(ErrorOf(ReadFile("deepcut.jsonl", "{\"a\": " + std::string(depth, '['))),
            "deepcut.jsonl: line 1: invalid JSON at column 10007 (byte 10006): unexpected end of "
            "input");
}

TEST(JsonBadInputTest, NestingLimitIsConfigurable) {
  JsonReadOptions options;
  options.max_depth = 3;
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": [[[1]]]}])", options)),
            "at byte 9 (line 1, column 10): nesting deeper than 3 levels");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": [[1]]}])", options)), "");
}

TEST(JsonBadInputTest, BadValuesInsideRecords) {
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": 1}, {"a": 01}])")),
            "invalid JSON at byte 17 (line 1, column 18): invalid number: leading zero");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": 1.5}, {"a": 1.5.1}])")),
            "invalid JSON at byte 19 (line 1, column 20): invalid number");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": "x\qy"}])")),
            "invalid JSON at byte 9 (line 1, column 10): invalid escape sequence '\\q'");
  EXPECT_EQ(ErrorOf(ReadText("[{\"a\": \"tab\there\"}]")),
            "invalid JSON at byte 11 (line 1, column 12): unescaped control character U+0009 "
            "in a string");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": nul}])")),
            "invalid JSON at byte 7 (line 1, column 8): invalid literal 'nul'");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": [1, 2,]}])")),
            "invalid JSON at byte 13 (line 1, column 14): unexpected character ']'");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": 1, "b": {"c": [1, "x", {"d": 1e999}]}}])")),
            "invalid JSON at byte 36 (line 1, column 37): number out of range");
}

TEST(JsonBadInputTest, ErrorsInsideConflictColumnsAreStillFound) {
  // "v" holds numbers and objects, so its objects are stored as JSON text: still checked.
  EXPECT_EQ(ErrorOf(ReadText(R"([{"v": 1}, {"v": {"x": 01}}])")),
            "invalid JSON at byte 23 (line 1, column 24): invalid number: leading zero");
  EXPECT_EQ(ErrorOf(ReadText(R"([{"v": 1}, {"v": {"x": "\u12"}}])")),
            "invalid JSON at byte 24 (line 1, column 25): invalid \\u escape: expected four hex "
            "digits");
}

}  // namespace
}  // namespace bundlebase::json
