// ParquetFileWriter failures: an output stream that fails at every possible call (no file is
// ever published), values the schema or Parquet cannot hold, bad options and schemas, misuse.
#include <filesystem>

#include "io/fault_injection.h"
#include "io/local_file_system.h"
#include "writer_test_util.h"

namespace bundlebase::parquet {
namespace {

using bundlebase::testing::ScratchDir;
using writer_test::MakeArray;
using writer_test::MakeBatch;
using writer_test::Nul;
using writer_test::ReadBytes;
using writer_test::StreamEvents;
using writer_test::StringOutputStream;
using writer_test::Val;
using writer_test::WriteBytes;

std::vector<RecordBatchPtr> SomeBatches() {
  std::vector<RecordBatchPtr> batches;
  for (int b = 0; b < 3; ++b) {
    Int64Builder ints(Int64());
    BinaryBuilder text(Utf8());
    for (int i = 0; i < 700; ++i) {
      EXPECT_OK(ints.Append(b * 1000 + i));
      EXPECT_OK(text.Append("row " + std::to_string(i % 17)));
    }
    batches.push_back(MakeBatch({Field("i", Int64()), Field("s", Utf8())},
                                {*ints.Finish(), *text.Finish()}));
  }
  return batches;
}

TEST(ParquetWriterErrorsTest, EveryFailingStreamCallLeavesNoFile) {
  ScratchDir dir;
  auto local = std::make_shared<io::LocalFileSystem>();
  auto batches = SomeBatches();
  ParquetWriteOptions options;
  options.row_group_rows = 500;  // several row groups, so writes happen mid-stream
  // The calls one successful write makes.
  auto counter = std::make_shared<io::FaultInjectingFileSystem>(local);
  ASSERT_OK(WriteParquetFile(counter, dir.Path("ok.parquet"), batches[0]->schema(), batches,
                             options));
  const uint64_t calls = counter->call_count();
  ASSERT_GT(calls, 4u);
  for (uint64_t n = 1; n <= calls; ++n) {
    SCOPED_TRACE(n);
    auto fs = std::make_shared<io::FaultInjectingFileSystem>(local);
    fs->FailNthCall(n, Status::IOError("injected failure"));
    const std::string path = dir.Path("f" + std::to_string(n) + ".parquet");
    Status st = WriteParquetFile(fs, path, batches[0]->schema(), batches, options);
    ASSERT_TRUE(st.IsIOError()) << st.ToString();
    EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  // A disk that fills up part way.
  const uint64_t size = std::filesystem::file_size(dir.Path("ok.parquet"));
  for (uint64_t budget : {uint64_t{0}, uint64_t{3}, size / 2, size - 1}) {
    auto fs = std::make_shared<io::FaultInjectingFileSystem>(local);
    fs->SetCrashAfterBytes(budget);
    const std::string path = dir.Path("full" + std::to_string(budget) + ".parquet");
    EXPECT_TRUE(WriteParquetFile(fs, path, batches[0]->schema(), batches, options).IsIOError());
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  // Only the successful file is there.
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1);
}

// Writes `batch` through a writer whose stream records Close/Abort; returns the error.
Status WriteExpectingFailure(const RecordBatchPtr& batch, ParquetWriteOptions options = {}) {
  auto bytes = std::make_shared<std::string>();
  auto events = std::make_shared<StreamEvents>();
  BB_ASSIGN_OR_RAISE(auto writer,
                     ParquetFileWriter::Open(std::make_unique<StringOutputStream>(bytes, events),
                                             batch->schema(), std::move(options)));
  Status write = writer->WriteBatch(*batch);
  Status close = writer->Close();
  EXPECT_FALSE(close.ok());
  EXPECT_TRUE(events->aborted);
  EXPECT_FALSE(events->closed);
  // Once failed, the writer stays failed with the first error.
  if (!write.ok()) {
    EXPECT_EQ(close.ToString(), write.ToString());
  }
  return close;
}

TEST(ParquetWriterErrorsTest, NullsInColumnsDeclaredNotNull) {
  auto ints = MakeArray(Int64(), {Val(Int64(), int64_t{1}), Nul(Int64())});
  Status flat = WriteExpectingFailure(MakeBatch({Field("i", Int64(), false)}, {ints}));
  EXPECT_TRUE(flat.IsInvalid()) << flat.ToString();
  EXPECT_NE(flat.message().find("'i'"), std::string::npos) << flat.ToString();
  // Inside a struct and as list elements.
  auto st = Struct({Field("k", Int64(), false)});
  auto structs = MakeArray(st, {Val(st, std::vector<Scalar>{Nul(Int64())})});
  EXPECT_TRUE(WriteExpectingFailure(MakeBatch({Field("s", st)}, {structs})).IsInvalid());
  auto lt = List(Field("element", Int64(), false));
  auto lists = MakeArray(lt, {Val(lt, std::vector<Scalar>{Nul(Int64())})});
  EXPECT_TRUE(WriteExpectingFailure(MakeBatch({Field("l", lt)}, {lists})).IsInvalid());
  // A null struct row hides whatever its required children hold.
  auto hidden = MakeArray(st, {Nul(st), Val(st, std::vector<Scalar>{Val(Int64(), int64_t{2})})});
  auto ok = MakeBatch({Field("s", st)}, {hidden});
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(ok->schema(), {ok}));
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  EXPECT_TRUE(back->column(0)->IsNull(0));
  EXPECT_EQ(back->column(0)->child(0)->values<int64_t>()[1], 2);
}

TEST(ParquetWriterErrorsTest, ValuesParquetCannotHold) {
  Field uuid("u", Utf8());
  uuid.metadata = {{kLogicalTypeKey, "UUID"}};
  auto text = MakeArray(Utf8(), {Val(Utf8(), std::string("00112233-4455-6677-8899-aabbccddeeff")),
                                 Val(Utf8(), std::string("not-a-uuid"))});
  Status bad_uuid = WriteExpectingFailure(MakeBatch({uuid}, {text}));
  EXPECT_TRUE(bad_uuid.IsInvalid());
  EXPECT_NE(bad_uuid.message().find("row 1"), std::string::npos) << bad_uuid.ToString();
  auto negative = MakeArray(Interval(), {Val(Interval(), MonthDayNano{-1, 0, 0})});
  EXPECT_TRUE(WriteExpectingFailure(MakeBatch({Field("iv", Interval())}, {negative})).IsInvalid());
  auto d = Decimal128(5, 2);
  auto too_wide = MakeArray(d, {Val(d, __int128{10000000000})});
  EXPECT_TRUE(WriteExpectingFailure(MakeBatch({Field("d", d)}, {too_wide})).IsInvalid());
  auto d30 = Decimal128(30, 0);
  auto too_wide_bytes = MakeArray(d30, {Val(d30, __int128{1} << 120)});
  EXPECT_TRUE(WriteExpectingFailure(MakeBatch({Field("d", d30)}, {too_wide_bytes})).IsInvalid());
  auto ts = Timestamp(TimeUnit::kSecond);
  auto overflow = MakeArray(ts, {Val(ts, int64_t{INT64_MAX / 10})});
  EXPECT_TRUE(WriteExpectingFailure(MakeBatch({Field("t", ts)}, {overflow})).IsInvalid());
}

TEST(ParquetWriterErrorsTest, BadOptionsAndSchemas) {
  auto schema = MakeSchema({Field("i", Int64())});
  auto open = [&](ParquetWriteOptions options, SchemaPtr s = nullptr) {
    auto bytes = std::make_shared<std::string>();
    return ParquetFileWriter::Open(std::make_unique<StringOutputStream>(bytes),
                                   s ? s : schema, options)
        .status();
  };
  ParquetWriteOptions o;
  o.row_group_rows = 0;
  EXPECT_TRUE(open(o).IsInvalid());
  o = {};
  o.parallel_row_groups = 0;
  EXPECT_TRUE(open(o).IsInvalid());
  o = {};
  o.data_page_bytes = 0;
  EXPECT_TRUE(open(o).IsInvalid());
  o = {};
  o.data_page_version = 3;
  EXPECT_TRUE(open(o).IsInvalid());
  o = {};
  o.codec = CompressionCodec::kLzo;
  EXPECT_TRUE(open(o).code() == StatusCode::kNotImplemented);
  o = {};
  o.compression_level = 1000;
  EXPECT_TRUE(open(o).IsInvalid());
  Field bad_id("i", Int64());
  bad_id.metadata = {{kFieldIdKey, "twelve"}};
  EXPECT_TRUE(open({}, MakeSchema({bad_id})).IsInvalid());
  EXPECT_TRUE(open({}, MakeSchema({Field("s", Struct({}))})).code() == StatusCode::kNotImplemented);
}

TEST(ParquetWriterErrorsTest, MisuseIsAnErrorNotACrash) {
  auto bytes = std::make_shared<std::string>();
  auto events = std::make_shared<StreamEvents>();
  auto schema = MakeSchema({Field("i", Int64())});
  ASSERT_OK_AND_ASSIGN(auto writer, ParquetFileWriter::Open(
                                        std::make_unique<StringOutputStream>(bytes, events), schema));
  // A batch of another schema is refused, and the writer stays usable.
  auto other = MakeBatch({Field("j", Int64())}, {MakeArray(Int64(), {Val(Int64(), int64_t{1})})});
  EXPECT_TRUE(writer->WriteBatch(*other).IsTypeError());
  auto good = MakeBatch({Field("i", Int64())}, {MakeArray(Int64(), {Val(Int64(), int64_t{1})})});
  ASSERT_OK(writer->WriteBatch(*good));
  ASSERT_OK(writer->Close());
  EXPECT_TRUE(events->closed);
  EXPECT_FALSE(events->aborted);
  EXPECT_TRUE(writer->WriteBatch(*good).IsInvalid());
  EXPECT_TRUE(writer->Close().IsInvalid());
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(*bytes));
  EXPECT_EQ(back->num_rows(), 1);
}

TEST(ParquetWriterErrorsTest, WriterDestroyedWithoutCloseAbortsItsStream) {
  auto events = std::make_shared<StreamEvents>();
  auto good = MakeBatch({Field("i", Int64())}, {MakeArray(Int64(), {Val(Int64(), int64_t{1})})});
  {
    ASSERT_OK_AND_ASSIGN(auto writer, ParquetFileWriter::Open(
                                          std::make_unique<StringOutputStream>(
                                              std::make_shared<std::string>(), events),
                                          good->schema()));
    ASSERT_OK(writer->WriteBatch(*good));
  }
  EXPECT_TRUE(events->aborted);
  EXPECT_FALSE(events->closed);
}

}  // namespace
}  // namespace bundlebase::parquet
