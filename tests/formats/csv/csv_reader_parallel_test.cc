// Block boundaries and parallel parsing: any block size and thread count gives exactly the
// result of reading the file in one piece, quoted newlines and escapes included.
#include <random>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "csv_test_util.h"
#include "io/local_file_system.h"

namespace bundlebase::csv {
namespace {

using testing::Read;

// Records with quoted delimiters, doubled quotes, quoted newlines (\n and \r\n), NULLs and
// numbers; `backslash` writes \" escapes instead of doubled quotes.
std::string TrickyCsv(int rows, bool backslash, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s = "id,text,amount,day\n";
  for (int i = 0; i < rows; ++i) {
    s += std::to_string(i) + ",";
    switch (rng() % 6) {
      case 0: s += "plain"; break;
      case 1: s += "\"a, b\""; break;
      case 2: s += backslash ? "\"say \\\"hi\\\"\"" : "\"say \"\"hi\"\"\""; break;
      case 3: s += "\"multi\nline\r\nvalue\""; break;
      case 4: break;  // NULL
      default: s += "\"\""; break;
    }
    s += fmt::format(",{}.{},2024-01-{}{}", i % 97, i % 10, 10 + i % 19,
                     rng() % 4 == 0 ? "\r\n" : "\n");
  }
  return s;
}

std::vector<std::vector<std::string>> AllRows(const RecordBatch& b) {
  std::vector<std::vector<std::string>> rows;
  for (int64_t r = 0; r < b.num_rows(); ++r) rows.push_back(testing::Row(b, r));
  return rows;
}

TEST(CsvReaderParallelTest, AnyBlockSizeGivesTheSameResult) {
  for (bool backslash : {false, true}) {
    std::string text = TrickyCsv(3000, backslash, 5);
    CsvReadOptions base;
    if (backslash) base.escape = '\\';
    base.block_bytes = 1 << 30;
    base.num_threads = 1;
    ASSERT_OK_AND_ASSIGN(auto whole, Read(text, base));
    ASSERT_EQ(whole->num_rows(), 3000);
    EXPECT_EQ(testing::TypeNames(*whole), (std::vector<std::string>{"int64", "utf8", "float64",
                                                                     "date32"}));
    const auto expected = AllRows(*whole);
    for (int64_t block : {1, 2, 7, 63, 64, 65, 100, 1000, 4096, 65536}) {
      for (int threads : {1, 2, 4}) {
        CsvReadOptions o = base;
        o.block_bytes = block;
        o.num_threads = threads;
        ASSERT_OK_AND_ASSIGN(auto b, Read(text, o));
        ASSERT_EQ(AllRows(*b), expected) << "block " << block << " threads " << threads
                                         << " backslash " << backslash;
      }
    }
  }
}

TEST(CsvReaderParallelTest, LargeFileStreamsInManyBatches) {
  bundlebase::testing::ScratchDir dir;
  std::string text = "a,b,c\n";
  int64_t sum = 0;
  for (int i = 0; i < 400000; ++i) {
    text += fmt::format("{},x{},{}\n", i, i % 13, i * 0.5);
    sum += i;
  }
  std::string path = dir.WriteFile("big.csv", text);
  ASSERT_OK_AND_ASSIGN(auto file, io::LocalFileSystem::Instance()->OpenRead(path));
  CsvReadOptions o;
  o.block_bytes = 256 << 10;
  ASSERT_OK_AND_ASSIGN(auto reader,
                       OpenCsvReader(std::shared_ptr<io::RandomAccessFile>(std::move(file)), o));
  int64_t rows = 0, total = 0, batches = 0;
  for (;;) {
    ASSERT_OK_AND_ASSIGN(auto batch, reader->Next());
    if (!batch) break;
    ++batches;
    const int64_t* v = batch->column(0)->values<int64_t>();
    for (int64_t r = 0; r < batch->num_rows(); ++r) total += v[r];
    rows += batch->num_rows();
  }
  EXPECT_EQ(rows, 400000);
  EXPECT_EQ(total, sum);
  EXPECT_GT(batches, 10);
}

// Streaming holds one wave of blocks, not the file: the memory the reader allocates stays far
// below the file's size while batches are consumed and dropped.
TEST(CsvReaderParallelTest, MemoryStaysBoundedWhileStreaming) {
  std::string text = "a,b,c\n";
  while (text.size() < (48u << 20)) {
    text += fmt::format("{},some text here,{}\n", text.size(), text.size() * 0.25);
  }
  CsvReadOptions o;
  o.block_bytes = 512 << 10;
  o.num_threads = 2;
  const int64_t before = TotalAllocatedBytes();
  ASSERT_OK_AND_ASSIGN(auto reader, testing::OpenText(std::move(text), o));
  int64_t peak = 0, rows = 0;
  for (;;) {
    ASSERT_OK_AND_ASSIGN(auto batch, reader->Next());
    if (!batch) break;
    rows += batch->num_rows();
    peak = std::max(peak, TotalAllocatedBytes() - before);
  }
  EXPECT_GT(rows, 1000000);
  // A wave is 3 blocks per thread of 512 KiB; its decoded columns take a few times that.
  EXPECT_LT(peak, int64_t{24} << 20);
}

TEST(CsvReaderParallelTest, ErrorLineNumbersCountQuotedNewlines) {
  std::string text = TrickyCsv(2000, false, 9);
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  text += "oops,x,1.0,2024-01-01\n";
  CsvReadOptions o;
  o.block_bytes = 1000;
  o.sample_rows = 100;
  auto r = Read(text, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line " + std::to_string(lines + 1) + ", column 1"),
            std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace bundlebase::csv
