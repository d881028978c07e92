// JSON lines: one object per line, blank lines, layout detection, and the streaming reader over
// many blocks and threads.
#include "formats/json/json_reader.h"

#include <gtest/gtest.h>

#include "formats/json/json_test_util.h"
#include "io/local_file_system.h"

namespace bundlebase::json {
namespace {

using testing::Column;
using testing::ErrorOf;
using testing::ReadText;
using testing::SchemaText;

TEST(JsonLinesTest, OneObjectPerLineBlankLinesSkipped) {
  ASSERT_OK_AND_ASSIGN(
      auto batch, ReadText("{\"a\": 1, \"b\": \"x\"}\n\n  \r\n{\"a\": 2}\r\n\t\n{\"b\": \"y\"}"));
  EXPECT_EQ(SchemaText(batch), "a: int64, b: utf8");
  EXPECT_EQ(Column(batch, "a"), "[1, 2, NULL]");
  EXPECT_EQ(Column(batch, "b"), "[x, NULL, y]");
}

TEST(JsonLinesTest, DetectionByFirstCharacter) {
  JsonReadOptions lines;
  lines.format = JsonFormat::kLines;
  ASSERT_OK_AND_ASSIGN(auto detected, ReadText("\n  {\"a\": 1}\n{\"a\": 2}\n"));
  ASSERT_OK_AND_ASSIGN(auto forced, ReadText("\n  {\"a\": 1}\n{\"a\": 2}\n", lines));
  EXPECT_EQ(Column(detected, "a"), "[1, 2]");
  EXPECT_EQ(Column(forced, "a"), "[1, 2]");
  // A first line that is not a complete value is a pretty-printed document.
  ASSERT_OK_AND_ASSIGN(auto pretty, ReadText("{\n \"a\": 1\n}"));
  EXPECT_EQ(Column(pretty, "a"), "[1]");
  // ...but forcing JSON lines reads it line by line.
  EXPECT_EQ(ErrorOf(ReadText("{\n \"a\": 1\n}", lines)),
            "line 1: invalid JSON at column 2 (byte 1): unexpected end of input");
}

TEST(JsonLinesTest, LinesMustHoldOneObject) {
  EXPECT_EQ(ErrorOf(ReadText("{\"a\": 1}\n[1, 2]\n")),
            "line 2, column 1 (byte 9): expected a JSON object, got an array");
  EXPECT_EQ(ErrorOf(ReadText("{\"a\": 1}\n  42\n")),
            "line 2, column 3 (byte 11): expected a JSON object, got a number");
  EXPECT_EQ(ErrorOf(ReadText("{\"a\": 1} {\"a\": 2}\n")),
            "line 1, column 10 (byte 9): unexpected content after the record (JSON lines holds "
            "one record per line)");
  EXPECT_EQ(ErrorOf(ReadText("{\"a\": 1}\n{\"a\": 2} x\n")),
            "line 2: invalid JSON at column 10 (byte 18): unexpected content after the JSON "
            "value");
}

TEST(JsonLinesTest, ErrorsNameTheLine) {
  JsonReadOptions options;
  options.filename = "events.jsonl";
  EXPECT_EQ(ErrorOf(ReadText("{\"a\": 1}\n\n{\"a\": 2,}\n", options)),
            "events.jsonl: line 3: invalid JSON at column 9 (byte 18): expected a string key "
            "but found '}'");
}

TEST(JsonLinesTest, OnlyBlankLinesIsAnError) {
  JsonReadOptions lines;
  lines.format = JsonFormat::kLines;
  EXPECT_EQ(ErrorOf(ReadText("\n \n\n", lines)), "no records: the input holds only blank lines");
}

TEST(JsonLinesTest, SmallBlocksAndThreadsGiveTheSameResult) {
  std::string text;
  for (int i = 0; i < 5000; ++i) {
    text += "{\"i\": " + std::to_string(i) + ", \"s\": \"row" + std::to_string(i) +
            "\", \"l\": [" + std::to_string(i % 7) + "]}\n";
    if (i % 100 == 0) text += "\n";
  }
  ASSERT_OK_AND_ASSIGN(auto whole, ReadText(text));
  for (int64_t block_size : {1, 64, 1000, 100000}) {
    for (int threads : {1, 2, 4}) {
      JsonReadOptions options;
      options.block_size = block_size;
      options.num_threads = threads;
      ASSERT_OK_AND_ASSIGN(auto batch, ReadText(text, options));
      EXPECT_TRUE(batch->Equals(*whole)) << block_size << " " << threads;
    }
  }
  EXPECT_EQ(whole->num_rows(), 5000);
}

TEST(JsonLinesTest, ConflictInTheLastBlockWidensTheColumn) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "{\"v\": " + std::to_string(i) + "}\n";
  text += "{\"v\": 0.5, \"late\": true}\n";
  JsonReadOptions options;
  options.block_size = 256;
  ASSERT_OK_AND_ASSIGN(auto batch, ReadText(text, options));
  EXPECT_EQ(SchemaText(batch), "v: float64, late: bool");
  EXPECT_EQ(batch->num_rows(), 2001);
  EXPECT_EQ(batch->GetColumnByName("v")->values<double>()[1999], 1999.0);
  EXPECT_EQ(batch->GetColumnByName("v")->values<double>()[2000], 0.5);
  EXPECT_EQ(batch->GetColumnByName("late")->null_count(), 2000);
}

TEST(JsonLinesTest, ErrorLineNumbersCountEarlierBlocks) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "{\"v\": " + std::to_string(i) + "}\n";
  text += "{\"v\": tru}\n";
  for (int threads : {1, 2}) {
    JsonReadOptions options;
    options.block_size = 300;
    options.num_threads = threads;
    EXPECT_EQ(ErrorOf(ReadText(text, options)),
              "line 3001: invalid JSON at column 7 (byte 34896): invalid literal 'tru'");
  }
}

TEST(JsonLinesTest, StreamingReaderYieldsBatchesPerBlock) {
  bundlebase::testing::ScratchDir dir;
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text += "{\"id\": " + std::to_string(i) + ", \"nested\": {\"x\": " + std::to_string(i * 2) +
            "}}\n";
  }
  std::string path = dir.WriteFile("data.jsonl", text);
  auto fs = io::LocalFileSystem::Instance();
  ASSERT_OK_AND_ASSIGN(std::shared_ptr<io::RandomAccessFile> file, fs->OpenRead(path));
  JsonReadOptions options;
  options.block_size = 1024;
  ASSERT_OK_AND_ASSIGN(auto reader, OpenJsonLinesReader(file, options));
  EXPECT_EQ(reader->schema()->ToString(), "id: int64\nnested: struct<x: int64>\n");
  int64_t rows = 0;
  int batches = 0;
  int64_t expected_id = 0;
  while (true) {
    ASSERT_OK_AND_ASSIGN(auto batch, reader->Next());
    if (!batch) break;
    ++batches;
    for (int64_t i = 0; i < batch->num_rows(); ++i) {
      EXPECT_EQ(batch->column(0)->values<int64_t>()[i], expected_id++);
    }
    rows += batch->num_rows();
  }
  EXPECT_EQ(rows, 1000);
  EXPECT_GT(batches, 10);
}

TEST(JsonLinesTest, ReadJsonFileDetectsTheLayout) {
  bundlebase::testing::ScratchDir dir;
  auto fs = io::LocalFileSystem::Instance();
  std::string lines = dir.WriteFile("a.json", "{\"a\": 1}\n{\"a\": 2}\n");
  std::string array = dir.WriteFile("b.json", "[{\"a\": 1}, {\"a\": 2}]");
  std::string pretty = dir.WriteFile("c.json", "{\n  \"a\": 1\n}\n");
  ASSERT_OK_AND_ASSIGN(auto from_lines, ReadJsonFile(*fs, lines, {}));
  ASSERT_OK_AND_ASSIGN(auto from_array, ReadJsonFile(*fs, array, {}));
  ASSERT_OK_AND_ASSIGN(auto from_pretty, ReadJsonFile(*fs, pretty, {}));
  EXPECT_EQ(Column(from_lines, "a"), "[1, 2]");
  EXPECT_EQ(Column(from_array, "a"), "[1, 2]");
  EXPECT_EQ(Column(from_pretty, "a"), "[1]");
}

TEST(JsonLinesTest, ReadJsonFileFindsTheEndOfALongFirstLine) {
  bundlebase::testing::ScratchDir dir;
  auto fs = io::LocalFileSystem::Instance();
  std::string text = "{\"s\": \"" + std::string(300000, 'x') + "\"}\n{\"s\": \"y\"}\n";
  ASSERT_OK_AND_ASSIGN(auto batch, ReadJsonFile(*fs, dir.WriteFile("long.jsonl", text), {}));
  EXPECT_EQ(batch->num_rows(), 2);
  EXPECT_EQ(batch->column(0)->GetView(0).size(), 300000u);
}

TEST(JsonLinesTest, SampleObjectsFile) {
  BB_SAMPLE_OR_SKIP(path, "objects.json");
  auto fs = io::LocalFileSystem::Instance();
  ASSERT_OK_AND_ASSIGN(auto batch, ReadJsonFile(*fs, path, {}));
  EXPECT_EQ(batch->num_rows(), 4);
  EXPECT_EQ(SchemaText(batch), "name: utf8, session: utf8, score: int64, completed: bool");
  EXPECT_EQ(Column(batch, "name"), "[Gilbert, Alexa, May, Deloise]");
}

}  // namespace
}  // namespace bundlebase::json
