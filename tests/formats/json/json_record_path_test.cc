// json_record_path, json_meta and json_sep: the options sources use to convert API responses.
#include "formats/json/json_reader.h"

#include <gtest/gtest.h>

#include "formats/json/json_test_util.h"

namespace bundlebase::json {
namespace {

using testing::Column;
using testing::ErrorOf;
using testing::ReadText;
using testing::SchemaText;

constexpr const char* kWrapped = R"({"total": 4, "items": [
  {"id": 1, "name": "a", "info": {"score": 9}},
  {"id": 2, "name": "b", "info": {"score": 7}},
  {"id": 3, "name": "c", "info": {"score": 8}},
  {"id": 4, "name": "d", "info": {"score": 6}}
]})";

JsonReadOptions PathOptions(std::string path) {
  JsonReadOptions options;
  options.record_path = std::move(path);
  return options;
}

TEST(JsonRecordPathTest, RecordsAtAPathAreFlattenedWithMeta) {
  JsonReadOptions options = PathOptions("items");
  options.meta = {"total"};
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(kWrapped, options));
  EXPECT_EQ(SchemaText(batch), "id: int64, name: utf8, info_score: int64, total: int64");
  EXPECT_EQ(Column(batch, "info_score"), "[9, 7, 8, 6]");
  EXPECT_EQ(Column(batch, "total"), "[4, 4, 4, 4]");
}

TEST(JsonRecordPathTest, BriefExampleColumns) {
  JsonReadOptions options = PathOptions("items");
  options.meta = {"total"};
  ASSERT_OK_AND_ASSIGN(
      auto batch, ReadText(R"({"total": 4, "items": [{"id": 1, "info": {"score": 9}}]})", options));
  EXPECT_EQ(batch->schema()->names(), (std::vector<std::string>{"id", "info_score", "total"}));
}

TEST(JsonRecordPathTest, FlattenCanBeTurnedOff) {
  JsonReadOptions options = PathOptions("items");
  options.flatten = false;
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(kWrapped, options));
  EXPECT_EQ(SchemaText(batch), "id: int64, name: utf8, info: struct<score: int64>");
}

TEST(JsonRecordPathTest, SeparatorIsConfigurable) {
  JsonReadOptions options = PathOptions("items");
  options.sep = "__";
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(kWrapped, options));
  EXPECT_EQ(SchemaText(batch), "id: int64, name: utf8, info__score: int64");
}

TEST(JsonRecordPathTest, NestedPathsAndArrayIndexes) {
  ASSERT_OK_AND_ASSIGN(
      auto batch,
      ReadText(R"({"a": {"b": [{"rows": [{"x": 1}]}, {"rows": [{"x": 2}, {"x": 3}]}]}})",
               PathOptions("a.b.1.rows")));
  EXPECT_EQ(Column(batch, "x"), "[2, 3]");
}

TEST(JsonRecordPathTest, EmptyPathIsTheTopLevelArray) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([{"a": {"b": 1}}])", PathOptions("")));
  EXPECT_EQ(SchemaText(batch), "a_b: int64");
}

TEST(JsonRecordPathTest, MetaPathsNestedMissingAndTyped) {
  JsonReadOptions options = PathOptions("data");
  options.meta = {"page.number", "page.next", "source", "flags", "missing.path"};
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"({
    "page": {"number": 3, "next": null}, "source": "api", "flags": [1, 2],
    "data": [{"v": 1.5}, {"v": 2}]})", options));
  EXPECT_EQ(SchemaText(batch),
            "v: float64, number: int64, next: utf8, source: utf8, flags: utf8, path: utf8");
  EXPECT_EQ(Column(batch, "number"), "[3, 3]");
  EXPECT_EQ(Column(batch, "next"), "[NULL, NULL]");
  EXPECT_EQ(Column(batch, "source"), "[api, api]");
  EXPECT_EQ(Column(batch, "flags"), "[[1,2], [1,2]]");
  EXPECT_EQ(Column(batch, "path"), "[NULL, NULL]");
}

TEST(JsonRecordPathTest, MetaAfterTheRecordsArray) {
  JsonReadOptions options = PathOptions("items");
  options.meta = {"count"};
  ASSERT_OK_AND_ASSIGN(auto batch,
                       ReadText(R"({"items": [{"a": 1}, {"a": 2}], "count": 2})", options));
  EXPECT_EQ(Column(batch, "count"), "[2, 2]");
}

TEST(JsonRecordPathTest, MetaNameCollisionIsAnError) {
  JsonReadOptions options = PathOptions("items");
  options.meta = {"id"};
  EXPECT_EQ(ErrorOf(ReadText(R"({"id": 7, "items": [{"id": 1}]})", options)),
            "json_meta field 'id' has the same name as another column; meta columns are named "
            "after the last segment of their path");
}

TEST(JsonRecordPathTest, UpstreamErrors) {
  JsonReadOptions options = PathOptions("data");
  options.filename = "resp.json";
  EXPECT_EQ(ErrorOf(ReadText(R"({"items": []})", options)),
            "resp.json: Path 'data' not found in JSON document");
  EXPECT_EQ(ErrorOf(ReadText(R"({"data": {"a": 1}})", options)),
            "resp.json: Expected JSON array at path 'data', got: object");
  EXPECT_EQ(ErrorOf(ReadText(R"({"data": []})", options)), "resp.json: JSON array is empty");
  EXPECT_EQ(ErrorOf(ReadText(R"([1])", PathOptions("data"))),
            "Path 'data' not found in JSON document");
  EXPECT_EQ(ErrorOf(ReadText(R"({"a": 1})", PathOptions(""))),
            "Expected JSON array at path '', got: object");
  EXPECT_EQ(ErrorOf(ReadText(R"({"data": [{"a": 1}, "x"]})", PathOptions("data"))),
            "at byte 20 (line 1, column 21): record 2 is a string, expected a JSON object");
}

TEST(JsonRecordPathTest, TheWholeDocumentMustBeComplete) {
  EXPECT_EQ(ErrorOf(ReadText(R"({"items": [{"a": 1}], "total": 4)", PathOptions("items"))),
            "invalid JSON at byte 32 (line 1, column 33): unexpected end of input");
  EXPECT_EQ(ErrorOf(ReadText(R"({"items": [{"a": 1}], "t": {"x": 1})", PathOptions("items"))),
            "invalid JSON at byte 35 (line 1, column 36): unexpected end of input");
  EXPECT_EQ(ErrorOf(ReadText(R"({"items": [{"a": 1}]} [])", PathOptions("items"))),
            "invalid JSON at byte 22 (line 1, column 23): unexpected content after the JSON "
            "value");
}

}  // namespace
}  // namespace bundlebase::json
