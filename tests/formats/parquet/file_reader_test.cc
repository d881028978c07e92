// ParquetFileReader on real files (the committed interoperability corpus and the optional
// sample data) and on hostile ones: truncated, corrupted, lying about sizes.
#include <random>

#include "base/buffer.h"
#include "formats/parquet/file_reader.h"
#include "io/local_file_system.h"
#include "io/memory_file.h"
#include "test_util.h"

namespace bundlebase::parquet {
namespace {

std::string Corpus(const std::string& name) {
  return testing::RepoFile("tests/formats/parquet/interop/corpus/" + name);
}

Result<RecordBatchPtr> ReadAllBytes(std::string bytes) {
  auto file = std::make_shared<io::MemoryFile>(Buffer::FromString(std::move(bytes)), "test.parquet");
  BB_ASSIGN_OR_RAISE(auto reader, ParquetFileReader::Open(file));
  std::vector<RecordBatchPtr> batches;
  for (int g = 0; g < reader->num_row_groups(); ++g) {
    BB_ASSIGN_OR_RAISE(auto b, reader->ReadRowGroup(g));
    batches.push_back(b);
  }
  if (batches.empty()) return RecordBatchPtr();
  return ConcatenateBatches(batches[0]->schema(), batches);
}

TEST(ParquetFileReaderTest, SampleUserData) {
  BB_SAMPLE_OR_SKIP(path, "userdata.parquet");
  ASSERT_OK_AND_ASSIGN(auto batch, ReadParquetFile(io::LocalFileSystem::Instance(), path));
  EXPECT_EQ(batch->num_rows(), 1000);
  EXPECT_EQ(batch->num_columns(), 13);
  int ts = batch->schema()->FieldIndex("registration_dttm");
  ASSERT_GE(ts, 0);
  EXPECT_EQ(batch->schema()->field(ts).type->id(), TypeId::kTimestamp);
}

TEST(ParquetFileReaderTest, ReadsCorpusFileWithProjectionAndStatistics) {
  auto fs = io::LocalFileSystem::Instance();
  ASSERT_OK_AND_ASSIGN(auto file, fs->OpenRead(Corpus("pyarrow/row_groups_pages_v1.parquet")));
  ASSERT_OK_AND_ASSIGN(auto reader,
                       ParquetFileReader::Open(std::shared_ptr<io::RandomAccessFile>(std::move(file))));
  ASSERT_GT(reader->num_row_groups(), 1);
  int64_t rows = 0;
  ASSERT_OK_AND_ASSIGN(auto batches, reader->GetBatchReader({0}));
  for (;;) {
    ASSERT_OK_AND_ASSIGN(auto b, batches->Next());
    if (!b) break;
    EXPECT_EQ(b->num_columns(), 1);
    rows += b->num_rows();
  }
  EXPECT_EQ(rows, reader->num_rows());
  auto stats = reader->Statistics(0, 0);
  EXPECT_TRUE(stats.null_count.has_value());
}

// hyparquet-writer gives the empty row_groups list of a file without rows element type 0.
TEST(ParquetFileReaderTest, ReadsEmptyRowGroupListWithoutElementType) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadParquetFile(io::LocalFileSystem::Instance(),
                                                   Corpus("hyparquet/empty.parquet")));
  EXPECT_EQ(batch->num_rows(), 0);
  EXPECT_GT(batch->num_columns(), 0);
}

// DuckDB writes DELTA_BINARY_PACKED INT32 deltas 33 bits wide; they wrap to the right values.
TEST(ParquetFileReaderTest, ReadsDuckDbWideInt32Deltas) {
  ASSERT_OK_AND_ASSIGN(auto batch, ReadParquetFile(io::LocalFileSystem::Instance(),
                                                   Corpus("duckdb/types_v2_wide_delta.parquet")));
  auto column = batch->GetColumnByName("int32");
  ASSERT_NE(column, nullptr);
  ASSERT_EQ(column->type_id(), TypeId::kInt32);
  bool saw_min = false, saw_max = false;
  for (int64_t i = 0; i < column->length(); ++i) {
    if (column->IsNull(i)) continue;
    saw_min |= column->values<int32_t>()[i] == INT32_MIN;
    saw_max |= column->values<int32_t>()[i] == INT32_MAX;
  }
  EXPECT_TRUE(saw_min && saw_max);
}

TEST(ParquetFileReaderTest, RejectsNonParquetAndTruncatedFiles) {
  EXPECT_TRUE(ReadAllBytes("").status().IsInvalid());
  EXPECT_TRUE(ReadAllBytes("hello, this is not parquet at all").status().IsInvalid());
  std::string good = testing::ReadFileOrDie(Corpus("pyarrow/nested_v1.parquet"));
  ASSERT_FALSE(good.empty());
  for (size_t cut : {size_t{4}, size_t{100}, good.size() / 2, good.size() - 1}) {
    auto r = ReadAllBytes(good.substr(0, cut));
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_NE(r.status().message().find("test.parquet"), std::string::npos)
        << r.status().message();
  }
  // A footer length pointing before the start of the file.
  std::string lying = good;
  uint32_t huge = 0x7fffffff;
  std::memcpy(lying.data() + lying.size() - 8, &huge, 4);
  EXPECT_TRUE(ReadAllBytes(lying).status().IsInvalid());
}

TEST(ParquetFileReaderTest, CorruptedBytesNeverCrash) {
  // Flip bytes all over real files (data pages and footer); every read must either succeed or
  // fail with an error naming the file.
  std::mt19937 rng(42);
  for (const char* name : {"pyarrow/nested_v1.parquet", "pyarrow/codec_snappy_v1.parquet",
                           "pyarrow/enc_delta_byte_array_v2.parquet",
                           "duckdb/types_zstd_v1.parquet"}) {
    std::string good = testing::ReadFileOrDie(Corpus(name));
    ASSERT_FALSE(good.empty()) << name;
    for (int trial = 0; trial < 200; ++trial) {
      std::string bad = good;
      int flips = 1 + static_cast<int>(rng() % 4);
      for (int f = 0; f < flips; ++f) {
        bad[rng() % bad.size()] = static_cast<char>(rng());
      }
      auto r = ReadAllBytes(bad);
      if (!r.ok()) {
        EXPECT_NE(r.status().message().find("test.parquet"), std::string::npos)
            << r.status().message();
      }
    }
  }
}

TEST(ParquetFileReaderTest, ChunkLimitStopsDecompressionBombs) {
  auto fs = io::LocalFileSystem::Instance();
  ASSERT_OK_AND_ASSIGN(auto file, fs->OpenRead(Corpus("pyarrow/row_groups_pages_v1.parquet")));
  ParquetReadOptions options;
  options.limits.max_column_chunk_bytes = 64;
  ASSERT_OK_AND_ASSIGN(
      auto reader,
      ParquetFileReader::Open(std::shared_ptr<io::RandomAccessFile>(std::move(file)), options));
  auto r = reader->ReadRowGroup(0);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsResourceExhausted()) << r.status().ToString();
  EXPECT_NE(r.status().message().find("row group 0"), std::string::npos);
}

}  // namespace
}  // namespace bundlebase::parquet
