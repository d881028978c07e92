// The JSON lines reader guesses column types from the first block and builds later blocks with
// them; these tests make the types drift after the first block and check that every block
// size, thread count and memory budget gives exactly what one sequential inference gives.
#include "formats/json/json_reader.h"

#include <random>

#include <gtest/gtest.h>

#include "formats/json/json_test_util.h"
#include "io/memory_file.h"

namespace bundlebase::json {
namespace {

using testing::Column;
using testing::ReadText;
using testing::SchemaText;

// Reads `text` as JSON lines in blocks of `block_size` bytes; the reference reading uses one
// block, so it infers everything before building anything.
Result<RecordBatchPtr> ReadInBlocks(const std::string& text, int64_t block_size, int threads) {
  JsonReadOptions options;
  options.format = JsonFormat::kLines;
  options.block_size = block_size;
  options.num_threads = threads;
  return ReadText(text, options);
}

Result<RecordBatchPtr> ReadStreaming(const std::string& text, int64_t block_size,
                                     int64_t max_buffered_bytes) {
  JsonReadOptions options;
  options.block_size = block_size;
  options.max_buffered_bytes = max_buffered_bytes;
  auto file = std::make_shared<io::MemoryFile>(Buffer::FromString(text), "drift.jsonl");
  BB_ASSIGN_OR_RAISE(auto reader, OpenJsonLinesReader(file, options));
  BB_ASSIGN_OR_RAISE(auto batches, reader->ReadAll());
  return ConcatenateBatches(reader->schema(), batches);
}

void ExpectSameEverywhere(const std::string& text) {
  ASSERT_OK_AND_ASSIGN(auto reference, ReadInBlocks(text, int64_t{1} << 40, 1));
  for (int64_t block_size : {1, 50, 400, 4000}) {
    for (int threads : {1, 3}) {
      ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(text, block_size, threads));
      EXPECT_EQ(SchemaText(batch), SchemaText(reference)) << block_size << " " << threads;
      EXPECT_TRUE(batch->Equals(*reference)) << block_size << " " << threads;
    }
    for (int64_t budget : {0, 1000, 1 << 30}) {
      ASSERT_OK_AND_ASSIGN(auto batch, ReadStreaming(text, block_size, budget));
      EXPECT_TRUE(batch->Equals(*reference)) << block_size << " budget " << budget;
    }
  }
}

std::string Repeat(const std::string& line, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += line + "\n";
  return out;
}

TEST(JsonLinesDriftTest, IntegersWidenToDoublesLater) {
  std::string text = Repeat(R"({"v": 1, "w": 2})", 100) + Repeat(R"({"v": 0.5, "w": 3})", 5);
  ExpectSameEverywhere(text);
  ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(text, 50, 2));
  EXPECT_EQ(SchemaText(batch), "v: float64, w: int64");
}

TEST(JsonLinesDriftTest, ColumnsAppearLater) {
  std::string text = Repeat(R"({"a": 1})", 100) + Repeat(R"({"b": "x", "a": 2})", 3) +
                     Repeat(R"({"c": [1], "a": 3})", 3);
  ExpectSameEverywhere(text);
  ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(text, 50, 2));
  EXPECT_EQ(SchemaText(batch), "a: int64, b: utf8, c: list<int64>");
  EXPECT_EQ(batch->GetColumnByName("b")->null_count(), 103);
}

TEST(JsonLinesDriftTest, KeysThatAppearLaterHoldingOnlyNulls) {
  std::string text = Repeat(R"({"a": 1})", 100) + Repeat(R"({"a": 2, "z": null})", 3);
  ExpectSameEverywhere(text);
  ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(text, 50, 2));
  EXPECT_EQ(SchemaText(batch), "a: int64, z: utf8");
}

TEST(JsonLinesDriftTest, BadLiteralUnderANewKeyIsAnErrorInEveryBlockSize) {
  // Found by the fuzzer: a key the guess lacks, holding a malformed null.
  std::string text = "\xEF\xBB\xBF{\"k\": true}\n{\" ,in\": nsue5}\n";
  for (int64_t block_size : {16, 1 << 20}) {
    EXPECT_EQ(testing::ErrorOf(ReadInBlocks(text, block_size, 1)),
              "line 2: invalid JSON at column 10 (byte 24): invalid literal 'nsue5'");
  }
}

TEST(JsonLinesDriftTest, NullOnlyColumnsGetTypesLater) {
  ExpectSameEverywhere(Repeat(R"({"a": null, "b": null, "c": null})", 100) +
                       Repeat(R"({"a": "text", "b": 7, "c": {"x": true}})", 3));
  ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(Repeat(R"({"a": null, "b": null})", 100) +
                                                    Repeat(R"({"a": "t", "b": 7})", 3),
                                                50, 2));
  EXPECT_EQ(SchemaText(batch), "a: utf8, b: int64");
}

TEST(JsonLinesDriftTest, StructsGainFieldsLater) {
  std::string text = Repeat(R"({"s": {"x": 1}, "l": [{"p": 1}]})", 100) +
                     Repeat(R"({"s": {"y": "new", "x": 2.5}, "l": [{"q": true}]})", 3);
  ExpectSameEverywhere(text);
  ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(text, 50, 2));
  EXPECT_EQ(SchemaText(batch),
            "s: struct<x: float64, y: utf8>, l: list<struct<p: int64, q: bool>>");
}

TEST(JsonLinesDriftTest, ConflictsLaterTurnColumnsIntoText) {
  std::string text = Repeat(R"({"v": 12, "b": true, "l": [1, 2]})", 100) +
                     Repeat(R"({"v": "twelve", "b": 0, "l": "none"})", 2) +
                     Repeat(R"({"v": 18446744073709551616, "b": null, "l": []})", 2);
  ExpectSameEverywhere(text);
  ASSERT_OK_AND_ASSIGN(auto batch, ReadInBlocks(text, 50, 2));
  EXPECT_EQ(SchemaText(batch), "v: utf8, b: utf8, l: utf8");
  auto v = batch->GetColumnByName("v");
  EXPECT_EQ(v->GetView(0), "12");
  EXPECT_EQ(v->GetView(100), "twelve");
  EXPECT_EQ(v->GetView(103), "18446744073709551616");
  EXPECT_EQ(batch->GetColumnByName("l")->GetView(0), "[1,2]");
}

TEST(JsonLinesDriftTest, FlattenedObjectsAppearLater) {
  std::string text = Repeat(R"({"id": 1, "a": null})", 50) +
                     Repeat(R"({"id": 2, "a": {"b": 1}})", 3) + Repeat(R"({"id": 3, "a": 4})", 2);
  JsonReadOptions options;
  options.format = JsonFormat::kLines;
  options.flatten = true;
  options.block_size = 60;
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(text, options));
  options.block_size = int64_t{1} << 40;
  ASSERT_OK_AND_ASSIGN(auto reference, ReadText(text, options));
  EXPECT_EQ(SchemaText(batch), "id: int64, a: int64, a_b: int64");
  EXPECT_TRUE(batch->Equals(*reference));
}

TEST(JsonLinesDriftTest, StreamingMemoryStaysBoundedByTheBudget) {
  std::string text;
  for (int i = 0; text.size() < (8u << 20); ++i) {
    text += "{\"i\": " + std::to_string(i) + ", \"s\": \"" + std::string(40, 'a' + i % 26) +
            "\", \"l\": [1.5, 2.5]}\n";
  }
  JsonReadOptions options;
  options.block_size = 64 << 10;
  options.max_buffered_bytes = 0;
  options.num_threads = 1;
  auto file = std::make_shared<io::MemoryFile>(Buffer::FromString(text), "big.jsonl");
  const int64_t before = TotalAllocatedBytes();
  ASSERT_OK_AND_ASSIGN(auto reader, OpenJsonLinesReader(file, options));
  int64_t peak = TotalAllocatedBytes() - before;
  int64_t rows = 0;
  while (true) {
    ASSERT_OK_AND_ASSIGN(auto batch, reader->Next());
    if (!batch) break;
    rows += batch->num_rows();
    peak = std::max(peak, TotalAllocatedBytes() - before);
  }
  EXPECT_GT(rows, 80000);
  // The batches add up to about 8 MiB; the reader never holds more than a few blocks' worth.
  EXPECT_LT(peak, 1 << 20);
}

TEST(JsonLinesDriftTest, FlattenedObjectsLaterDropANullOnlyColumn) {
  // "a" is a null-only column in the first block; objects under "a" later remove it, even when
  // their members land in a column the first block already had.
  std::string text = Repeat(R"({"a": null, "a_b": 1})", 50) + Repeat(R"({"a": {"b": 2}})", 3);
  JsonReadOptions options;
  options.format = JsonFormat::kLines;
  options.flatten = true;
  options.block_size = 60;
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(text, options));
  options.block_size = int64_t{1} << 40;
  ASSERT_OK_AND_ASSIGN(auto reference, ReadText(text, options));
  EXPECT_EQ(SchemaText(reference), "a_b: int64");
  EXPECT_TRUE(batch->Equals(*reference));
}

TEST(JsonLinesDriftTest, RepeatedKeysAreStillChecked) {
  EXPECT_EQ(testing::ErrorOf(ReadInBlocks("{\"a\": 1, \"a\": nul}\n", 1 << 20, 1)),
            "line 1: invalid JSON at column 15 (byte 14): invalid literal 'nul'");
  EXPECT_EQ(testing::ErrorOf(ReadInBlocks("{\"s\": {\"a\": 1, \"a\": [1,]}}\n", 1 << 20, 1)),
            "line 1: invalid JSON at column 24 (byte 23): unexpected character ']'");
}

TEST(JsonLinesDriftTest, RandomRecords) {
  std::mt19937 rng(42);
  const char* keys[] = {"a", "b", "c", "d", "e"};
  const char* values[] = {"1", "-7", "2.5", "\"s\"", "true", "null", "[1, 2]", "[]",
                          "{\"x\": 1}", "{\"y\": \"z\", \"x\": 0.5}", "{}", "99999999999999999999"};
  for (int round = 0; round < 20; ++round) {
    std::string text;
    // Each round lets only some values appear, and only after some point, so types drift.
    int allowed = 2 + static_cast<int>(rng() % 10);
    for (int line = 0; line < 300; ++line) {
      text += "{";
      int members = static_cast<int>(rng() % 4);
      for (int m = 0; m < members; ++m) {
        if (m > 0) text += ", ";
        int limit = line < 150 ? std::min(allowed, 3) : allowed;
        text += std::string("\"") + keys[rng() % 5] + "\": " + values[rng() % limit];
      }
      text += "}\n";
    }
    SCOPED_TRACE(text.substr(0, 200));
    ExpectSameEverywhere(text);
  }
}

}  // namespace
}  // namespace bundlebase::json
