// CsvWriter: quoting, NULLs, options, and round trips through the reader.
#include "formats/csv/csv_writer.h"

#include <gtest/gtest.h>

#include "columnar/builder.h"
#include "csv_test_util.h"
#include "io/local_file_system.h"

namespace bundlebase::csv {
namespace {

using testing::Read;
using testing::Row;
using V = std::vector<std::string>;

// An OutputStream into a string.
class StringStream final : public io::OutputStream {
 public:
  const std::string& path() const override { return path_; }
  Status Write(const void* data, size_t size) override {
    text.append(static_cast<const char*>(data), size);
    return Status::OK();
  }
  uint64_t bytes_written() const override { return text.size(); }
  Status Close() override { return Status::OK(); }
  void Abort() override {}
  std::string text;

 private:
  std::string path_ = "out.csv";
};

RecordBatchPtr SampleBatch() {
  BinaryBuilder s;
  EXPECT_OK(s.Append("plain"));
  EXPECT_OK(s.Append("a, b"));
  EXPECT_OK(s.Append("say \"hi\""));
  EXPECT_OK(s.Append("two\nlines"));
  EXPECT_OK(s.Append(""));
  EXPECT_OK(s.AppendNull());
  Int64Builder n(Int64());
  for (int64_t v : {1, -2, 3, 4, 5}) EXPECT_OK(n.Append(v));
  EXPECT_OK(n.AppendNull());
  Float64Builder f(Float64());
  for (double v : {0.1, -2.5, 1e20, 3.0, 0.0, 7.25}) EXPECT_OK(f.Append(v));
  FixedWidthBuilder<int32_t> d(Date32());
  for (int32_t v : {0, 19000, -1, 1, 2, 3}) EXPECT_OK(d.Append(v));
  FixedWidthBuilder<int64_t> t(Timestamp(TimeUnit::kMicro));
  for (int64_t v : std::vector<int64_t>{0, 1500000, 86400000000, 1, 2, 3}) {
    EXPECT_OK(t.Append(v));
  }
  BoolBuilder b;
  for (bool v : {true, false, true, true, false, false}) EXPECT_OK(b.Append(v));
  std::vector<ArrayPtr> cols;
  for (ArrayBuilder* builder : std::initializer_list<ArrayBuilder*>{&s, &n, &f, &d, &t, &b}) {
    auto a = builder->Finish();
    EXPECT_TRUE(a.ok());
    cols.push_back(*a);
  }
  auto schema = MakeSchema({Field("s", Utf8()), Field("n", Int64()), Field("f", Float64()),
                            Field("d", Date32()), Field("t", Timestamp(TimeUnit::kMicro)),
                            Field("b", Bool())});
  return std::make_shared<RecordBatch>(schema, 6, cols);
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsIt) {
  StringStream out;
  ASSERT_OK(WriteCsv(&out, *SampleBatch()));
  EXPECT_EQ(out.text,
            "s,n,f,d,t,b\n"
            "plain,1,0.1,1970-01-01,1970-01-01 00:00:00,true\n"
            "\"a, b\",-2,-2.5,2022-01-08,1970-01-01 00:00:01.5,false\n"
            "\"say \"\"hi\"\"\",3,1e+20,1969-12-31,1970-01-02 00:00:00,true\n"
            "\"two\nlines\",4,3,1970-01-02,1970-01-01 00:00:00.000001,true\n"
            "\"\",5,0,1970-01-03,1970-01-01 00:00:00.000002,false\n"
            ",,7.25,1970-01-04,1970-01-01 00:00:00.000003,false\n");
}

TEST(CsvWriterTest, RoundTripsThroughTheReader) {
  auto batch = SampleBatch();
  StringStream out;
  ASSERT_OK(WriteCsv(&out, *batch));
  ASSERT_OK_AND_ASSIGN(auto back, Read(out.text));
  ASSERT_TRUE(back->schema()->Equals(*batch->schema())) << back->schema()->ToString();
  EXPECT_TRUE(back->Equals(*batch));
}

TEST(CsvWriterTest, OptionsDelimiterLineEndingNullsHeader) {
  auto batch = SampleBatch()->SelectColumns({0, 1});
  StringStream out;
  CsvWriteOptions o;
  o.delimiter = '\t';
  o.line_ending = LineEnding::kCrLf;
  o.null_string = "NA";
  o.header = false;
  ASSERT_OK(WriteCsv(&out, *batch->Slice(4, 2), o));
  EXPECT_EQ(out.text, "\"\"\t5\r\nNA\tNA\r\n");
  CsvReadOptions r;
  r.null_values = {"NA"};
  r.header = false;
  ASSERT_OK_AND_ASSIGN(auto back, Read(out.text, r));
  EXPECT_EQ(Row(*back, 0), (V{"", "5"}));
  EXPECT_EQ(Row(*back, 1), (V{"NULL", "NULL"}));
}

TEST(CsvWriterTest, TextEqualToNullStringIsQuoted) {
  BinaryBuilder s;
  ASSERT_OK(s.Append("NA"));
  ASSERT_OK_AND_ASSIGN(auto a, s.Finish());
  auto batch = std::make_shared<RecordBatch>(MakeSchema({Field("x", Utf8())}), 1,
                                             std::vector<ArrayPtr>{a});
  StringStream out;
  CsvWriteOptions o;
  o.null_string = "NA";
  ASSERT_OK(WriteCsv(&out, *batch, o));
  EXPECT_EQ(out.text, "x\n\"NA\"\n");
}

TEST(CsvWriterTest, LeadingByteOrderMarkInTheFirstFieldIsQuoted) {
  // A reader drops a BOM at the start of a file, so a first header name (or value) beginning
  // with one must be quoted to read back the same.
  const std::string bom = "\xEF\xBB\xBF";
  BinaryBuilder s;
  ASSERT_OK(s.Append(bom + "x"));
  ASSERT_OK_AND_ASSIGN(auto a, s.Finish());
  auto batch = std::make_shared<RecordBatch>(MakeSchema({Field(bom, Utf8())}), 1,
                                             std::vector<ArrayPtr>{a});
  StringStream out;
  ASSERT_OK(WriteCsv(&out, *batch));
  EXPECT_EQ(out.text, "\"" + bom + "\"\n" + bom + "x\n");
}

TEST(CsvWriterTest, OneColumnNullsSurviveTheRoundTrip) {
  Int64Builder n(Int64());
  ASSERT_OK(n.Append(1));
  ASSERT_OK(n.AppendNull());
  ASSERT_OK(n.Append(3));
  ASSERT_OK_AND_ASSIGN(auto a, n.Finish());
  auto batch = std::make_shared<RecordBatch>(MakeSchema({Field("n", Int64())}), 3,
                                             std::vector<ArrayPtr>{a});
  StringStream out;
  ASSERT_OK(WriteCsv(&out, *batch));
  EXPECT_EQ(out.text, "n\n1\n\n3\n");
  ASSERT_OK_AND_ASSIGN(auto back, Read(out.text));
  EXPECT_TRUE(back->Equals(*batch));
}

TEST(CsvWriterTest, StreamsBatchesToAFile) {
  bundlebase::testing::ScratchDir dir;
  auto fs = io::LocalFileSystem::Instance();
  ASSERT_OK_AND_ASSIGN(auto stream,
                       fs->OpenWrite(dir.Path("out.csv"), io::WriteMode::kAtomicReplace));
  auto batch = SampleBatch();
  ASSERT_OK_AND_ASSIGN(auto writer, CsvWriter::Make(stream.get(), batch->schema()));
  for (int i = 0; i < 1000; ++i) ASSERT_OK(writer->Write(*batch));
  ASSERT_OK(writer->Finish());
  ASSERT_OK(stream->Close());
  EXPECT_EQ(writer->rows_written(), 6000);
  ASSERT_OK_AND_ASSIGN(auto back, ReadCsvFile(dir.Path("out.csv")));
  EXPECT_EQ(back->num_rows(), 6000);
  EXPECT_TRUE(back->Slice(5994, 6)->Equals(*batch));
}

TEST(CsvWriterTest, RejectsMismatchedBatchesAndBadOptions) {
  StringStream out;
  auto batch = SampleBatch();
  ASSERT_OK_AND_ASSIGN(auto writer, CsvWriter::Make(&out, batch->schema()));
  EXPECT_TRUE(writer->Write(*batch->SelectColumns({0})).IsTypeError());
  CsvWriteOptions o;
  o.delimiter = '"';
  EXPECT_TRUE(CsvWriter::Make(&out, batch->schema(), o).status().IsInvalid());
}

TEST(CsvWriterTest, EmptyTableWritesHeaderOnly) {
  StringStream out;
  auto batch = SampleBatch()->Slice(0, 0);
  ASSERT_OK(WriteCsv(&out, *batch));
  EXPECT_EQ(out.text, "s,n,f,d,t,b\n");
}

}  // namespace
}  // namespace bundlebase::csv
