// ReadJson over JSON documents: inference rules end to end, nesting, order, nulls, conflicts.
#include "formats/json/json_reader.h"

#include <gtest/gtest.h>

#include "formats/json/json_test_util.h"

namespace bundlebase::json {
namespace {

using testing::Column;
using testing::ErrorOf;
using testing::ReadText;
using testing::SchemaText;

TEST(JsonReaderTest, ArrayOfObjects) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([
    {"id": 1, "name": "Ann", "score": 9.5, "ok": true},
    {"id": 2, "name": "Bo", "score": 7, "ok": false}
  ])"));
  EXPECT_EQ(SchemaText(batch), "id: int64, name: utf8, score: float64, ok: bool");
  EXPECT_EQ(batch->num_rows(), 2);
  EXPECT_EQ(Column(batch, "id"), "[1, 2]");
  EXPECT_EQ(Column(batch, "name"), "[Ann, Bo]");
  EXPECT_EQ(Column(batch, "score"), "[9.5, 7]");
  EXPECT_EQ(Column(batch, "ok"), "[true, false]");
}

TEST(JsonReaderTest, ColumnsInFirstSeenOrderMissingKeysNull) {
  ASSERT_OK_AND_ASSIGN(auto batch,
                       ReadText(R"([{"b": 1}, {"c": "x", "a": 2}, {"a": 3, "b": null}])"));
  EXPECT_EQ(SchemaText(batch), "b: int64, c: utf8, a: int64");
  EXPECT_EQ(Column(batch, "b"), "[1, NULL, NULL]");
  EXPECT_EQ(Column(batch, "c"), "[NULL, x, NULL]");
  EXPECT_EQ(Column(batch, "a"), "[NULL, 2, 3]");
}

TEST(JsonReaderTest, IntegersWidenToDoubleNextToFractions) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([{"v": 1}, {"v": 2.5}, {"v": -3}, {"v": 1e2}])"));
  EXPECT_EQ(SchemaText(batch), "v: float64");
  EXPECT_EQ(Column(batch, "v"), "[1, 2.5, -3, 100]");
}

TEST(JsonReaderTest, ConflictsBecomeJsonText) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([
    {"v": 1}, {"v": "two"}, {"v": true}, {"v": [1, 2]}, {"v": {"a": 1}}, {"v": null}, {"v": 2.50}
  ])"));
  EXPECT_EQ(SchemaText(batch), "v: utf8");
  EXPECT_EQ(Column(batch, "v"), R"([1, two, true, [1,2], {"a":1}, NULL, 2.50])");
}

TEST(JsonReaderTest, ConflictingTypeOnTheLastRecordIsNotLost) {
  std::string text = "[";
  for (int i = 0; i < 10000; ++i) text += R"({"v": )" + std::to_string(i) + "},";
  text += R"({"v": "late"}])";
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(text));
  EXPECT_EQ(SchemaText(batch), "v: utf8");
  auto column = batch->GetColumnByName("v");
  EXPECT_EQ(column->GetView(0), "0");
  EXPECT_EQ(column->GetView(9999), "9999");
  EXPECT_EQ(column->GetView(10000), "late");
}

TEST(JsonReaderTest, TypesDriftingAfterTheFirstThousandRecords) {
  // The reader guesses types from the first records; later ones must still widen them.
  std::string text = "[";
  for (int i = 0; i < 3000; ++i) {
    text += R"({"i": )" + std::to_string(i) + R"(, "s": {"a": 1}, "n": null},)";
  }
  text += R"({"i": 0.5, "s": {"b": true}, "n": [1], "new": "x"}])";
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(text));
  EXPECT_EQ(SchemaText(batch),
            "i: float64, s: struct<a: int64, b: bool>, n: list<int64>, new: utf8");
  EXPECT_EQ(batch->num_rows(), 3001);
  EXPECT_EQ(batch->GetColumnByName("i")->values<double>()[2999], 2999.0);
  EXPECT_EQ(batch->GetColumnByName("new")->null_count(), 3000);
}

TEST(JsonReaderTest, IntegersBeyondInt64KeepTheirDigits) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([
    {"id": 9223372036854775807, "big": 18446744073709551615, "mixed": 1,
     "neg": -9223372036854775809},
    {"id": 1, "big": 123456789012345678901234567890, "mixed": 0.5, "neg": 5}
  ])"));
  EXPECT_EQ(SchemaText(batch), "id: int64, big: utf8, mixed: float64, neg: utf8");
  EXPECT_EQ(Column(batch, "id"), "[9223372036854775807, 1]");
  EXPECT_EQ(Column(batch, "big"), "[18446744073709551615, 123456789012345678901234567890]");
  EXPECT_EQ(Column(batch, "neg"), "[-9223372036854775809, 5]");
  ASSERT_OK_AND_ASSIGN(auto widened,
                       ReadText(R"([{"v": 18446744073709551615}, {"v": 1.5}])"));
  EXPECT_EQ(SchemaText(widened), "v: float64");
  EXPECT_EQ(Column(widened, "v"), "[1.8446744073709552e+19, 1.5]");
}

TEST(JsonReaderTest, NullOnlyColumnsAreUtf8) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([{"a": null, "b": 1}, {"a": null, "b": 2}])"));
  EXPECT_EQ(SchemaText(batch), "a: utf8, b: int64");
  EXPECT_EQ(Column(batch, "a"), "[NULL, NULL]");
}

TEST(JsonReaderTest, NestedObjectsAreStructsWithoutFlattening) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([
    {"id": 1, "info": {"score": 9, "tags": ["a", "b"]}},
    {"id": 2, "info": {"extra": {"deep": true}}},
    {"id": 3, "info": null},
    {"id": 4}
  ])"));
  EXPECT_EQ(SchemaText(batch),
            "id: int64, info: struct<score: int64, tags: list<utf8>, extra: struct<deep: bool>>");
  EXPECT_EQ(Column(batch, "info"),
            "[{score: 9, tags: [a, b], extra: NULL}, {score: NULL, tags: NULL, extra: {deep: "
            "true}}, NULL, NULL]");
}

TEST(JsonReaderTest, ArraysAreListsOfTheInferredItemType) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([
    {"ints": [1, 2], "mixed": [1, 2.5], "empty": [], "nested": [[1], [2, 3]],
     "objs": [{"a": 1}, {"b": "x"}]},
    {"ints": null, "mixed": [], "empty": [], "nested": [], "objs": [{"a": 2, "b": null}]}
  ])"));
  EXPECT_EQ(SchemaText(batch),
            "ints: list<int64>, mixed: list<float64>, empty: list<utf8>, nested: "
            "list<list<int64>>, objs: list<struct<a: int64, b: utf8>>");
  EXPECT_EQ(Column(batch, "ints"), "[[1, 2], NULL]");
  EXPECT_EQ(Column(batch, "mixed"), "[[1, 2.5], []]");
  EXPECT_EQ(Column(batch, "nested"), "[[[1], [2, 3]], []]");
  EXPECT_EQ(Column(batch, "objs"), "[[{a: 1, b: NULL}, {a: NULL, b: x}], [{a: 2, b: NULL}]]");
}

TEST(JsonReaderTest, ListItemsWithConflictsAreText) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([{"v": [1, "a", {"k": [true]}]}])"));
  EXPECT_EQ(SchemaText(batch), "v: list<utf8>");
  EXPECT_EQ(Column(batch, "v"), R"([[1, a, {"k":[true]}]])");
}

TEST(JsonReaderTest, EmptyObjectsStayJsonText) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([{"o": {}}, {"o": { }}])"));
  EXPECT_EQ(SchemaText(batch), "o: utf8");
  EXPECT_EQ(Column(batch, "o"), "[{}, {}]");
}

TEST(JsonReaderTest, RepeatedKeyKeepsTheFirstValue) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([{"a": 1, "a": "x", "s": {"b": 1, "b": 2}}])"));
  EXPECT_EQ(SchemaText(batch), "a: int64, s: struct<b: int64>");
  EXPECT_EQ(Column(batch, "a"), "[1]");
  EXPECT_EQ(Column(batch, "s"), "[{b: 1}]");
}

TEST(JsonReaderTest, StringsAreUnescaped) {
  ASSERT_OK_AND_ASSIGN(auto batch,
                       ReadText(R"([{"s": "a\"b\\c\n\u00e9\ud83d\ude00", "k\u0065y": 1}])"));
  EXPECT_EQ(SchemaText(batch), "s: utf8, key: int64");
  EXPECT_EQ(batch->GetColumnByName("s")->GetView(0), "a\"b\\c\n\xc3\xa9\xf0\x9f\x98\x80");
}

TEST(JsonReaderTest, SingleObjectIsOneRecord) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText("{\n  \"a\": 1,\n  \"b\": {\"c\": [1, 2]}\n}\n"));
  EXPECT_EQ(SchemaText(batch), "a: int64, b: struct<c: list<int64>>");
  EXPECT_EQ(batch->num_rows(), 1);
}

TEST(JsonReaderTest, FlattenOptionSpreadsNestedObjects) {
  JsonReadOptions options;
  options.flatten = true;
  options.sep = ".";
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(R"([
    {"id": 1, "a": {"b": {"c": 1}, "d": [{"e": 1}]}},
    {"id": 2, "a": 5}
  ])", options));
  EXPECT_EQ(SchemaText(batch), "id: int64, a.b.c: int64, a.d: list<struct<e: int64>>, a: int64");
  EXPECT_EQ(Column(batch, "a"), "[NULL, 5]");
  EXPECT_EQ(Column(batch, "a.b.c"), "[1, NULL]");
}

TEST(JsonReaderTest, FlattenedNameCollisionKeepsTheFirstValue) {
  JsonReadOptions options;
  options.flatten = true;
  ASSERT_OK_AND_ASSIGN(auto batch,
                       ReadText(R"([{"a_b": 1, "a": {"b": 2}}, {"a": {"b": 3}}])", options));
  EXPECT_EQ(SchemaText(batch), "a_b: int64");
  EXPECT_EQ(Column(batch, "a_b"), "[1, 3]");
}

TEST(JsonReaderTest, FlattenDropsKeysThatOnlyHeldObjectsAndNulls) {
  JsonReadOptions options;
  options.flatten = true;
  ASSERT_OK_AND_ASSIGN(auto batch,
                       ReadText(R"([{"a": {"x": 1}}, {"a": null}, {"a": {}}])", options));
  EXPECT_EQ(SchemaText(batch), "a_x: int64");
  EXPECT_EQ(Column(batch, "a_x"), "[1, NULL, NULL]");
}

TEST(JsonReaderTest, ByteOrderMarkIsSkipped) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText("\xEF\xBB\xBF[{\"a\": 1}]"));
  EXPECT_EQ(Column(batch, "a"), "[1]");
}

TEST(JsonReaderTest, OwnedPaddedBuffersAreReadInPlace) {
  std::string text = R"([{"a": 1}, {"a": 2}])";
  ASSERT_OK_AND_ASSIGN(auto buffer, MutableBuffer::Allocate(text.size()));
  std::memcpy(buffer->mutable_data(), text.data(), text.size());
  ASSERT_OK_AND_ASSIGN(auto batch, ReadJson(buffer, {}));
  EXPECT_EQ(Column(batch, "a"), "[1, 2]");
}

TEST(JsonReaderTest, FormatArrayRequiresAnArray) {
  JsonReadOptions options;
  options.format = JsonFormat::kArray;
  EXPECT_EQ(ErrorOf(ReadText(R"({"a": 1})", options)),
            "Expected JSON array at path '', got: object");
}

TEST(JsonReaderTest, RecordsMustBeObjects) {
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": 1}, 7])")),
            "at byte 11 (line 1, column 12): record 2 is a number, expected a JSON object");
  EXPECT_EQ(ErrorOf(ReadText(R"("text")")),
            "expected JSON records (an array of objects, an object, or JSON lines), got a string");
}

TEST(JsonReaderTest, WideRecordsHitTheColumnLimit) {
  JsonReadOptions options;
  options.max_columns = 3;
  EXPECT_NE(ErrorOf(ReadText(R"([{"a": 1, "b": 2, "c": {"d": 1}}])", options))
                .find("more than 3 distinct columns"),
            std::string::npos);
  EXPECT_EQ(ErrorOf(ReadText(R"([{"a": 1, "b": 2, "c": 3}])", options)), "");
}

}  // namespace
}  // namespace bundlebase::json
