// Arrow C streams: our readers exported and consumed through the raw C callbacks, round trips
// through import, errors mid-stream in both directions, and lifetimes of batches and streams.
#include <cerrno>

#include "columnar/arrow_c.h"
#include "foreign_arrow.h"
#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::Ints;
using testing::kNull;
using testing::Strings;

SchemaPtr TestSchema() { return MakeSchema({Field("id", Int64()), Field("name", Utf8())}); }

std::vector<RecordBatchPtr> TestBatches() {
  std::vector<RecordBatchPtr> out;
  for (int b = 0; b < 3; ++b) {
    out.push_back(RecordBatch::Make(TestSchema(), {Ints(Int64(), {b * 10, kNull, b * 10 + 2}),
                                                   Strings({"x", fmt::format("b{}", b), kNull})})
                      .ValueOrDie());
  }
  return out;
}

// Yields `good` batches, then fails with `error`.
class FailingReader final : public RecordBatchReader {
 public:
  FailingReader(int good, Status error) : good_(good), error_(std::move(error)) {}
  SchemaPtr schema() const override { return TestSchema(); }
  Result<RecordBatchPtr> Next() override {
    if (served_ < good_) return TestBatches()[served_++];
    return error_;
  }

 private:
  int good_;
  int served_ = 0;
  Status error_;
};

TEST(ArrowCStreamTest, ConsumedThroughTheCCallbacks) {
  ArrowArrayStream stream;
  ASSERT_OK(ExportRecordBatchReader(MakeVectorReader(TestSchema(), TestBatches()), &stream));
  ArrowSchema schema;
  ASSERT_EQ(stream.get_schema(&stream, &schema), 0);
  EXPECT_STREQ(schema.format, "+s");
  EXPECT_EQ(schema.n_children, 2);
  schema.release(&schema);
  for (int i = 0; i < 3; ++i) {
    ArrowArray array;
    ASSERT_EQ(stream.get_next(&stream, &array), 0);
    ASSERT_NE(array.release, nullptr);
    EXPECT_EQ(array.length, 3);
    array.release(&array);
  }
  for (int i = 0; i < 2; ++i) {  // the end, and it stays the end
    ArrowArray end;
    ASSERT_EQ(stream.get_next(&stream, &end), 0);
    EXPECT_EQ(end.release, nullptr);
  }
  stream.release(&stream);
  EXPECT_EQ(stream.release, nullptr);
}

TEST(ArrowCStreamTest, RoundTripOutlivesTheStream) {
  ArrowArrayStream stream;
  ASSERT_OK(ExportRecordBatchReader(MakeVectorReader(TestSchema(), TestBatches()), &stream));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<RecordBatchReader> reader, ImportArrowArrayStream(&stream));
  EXPECT_EQ(stream.release, nullptr);  // moved into the reader
  EXPECT_TRUE(reader->schema()->Equals(*TestSchema()));
  ASSERT_OK_AND_ASSIGN(std::vector<RecordBatchPtr> batches, reader->ReadAll());
  reader.reset();  // the batches keep their data after the stream is gone
  auto expected = TestBatches();
  ASSERT_EQ(batches.size(), expected.size());
  for (size_t i = 0; i < batches.size(); ++i) EXPECT_TRUE(batches[i]->Equals(*expected[i]));
}

TEST(ArrowCStreamTest, ErrorsMidStreamReachTheConsumer) {
  ArrowArrayStream stream;
  ASSERT_OK(ExportRecordBatchReader(
      std::make_unique<FailingReader>(1, Status::IOError("disk on fire")), &stream));
  ArrowArray array;
  ASSERT_EQ(stream.get_next(&stream, &array), 0);
  array.release(&array);
  EXPECT_EQ(stream.get_next(&stream, &array), EIO);
  EXPECT_STREQ(stream.get_last_error(&stream), "disk on fire");
  stream.release(&stream);

  // And through import, as a Status of the same kind.
  for (const Status& error : {Status::IOError("disk on fire"), Status::Invalid("bad row 7"),
                              Status::NotImplemented("no codec"),
                              Status::ResourceExhausted("too big")}) {
    ASSERT_OK(ExportRecordBatchReader(std::make_unique<FailingReader>(2, error), &stream));
    ASSERT_OK_AND_ASSIGN(auto reader, ImportArrowArrayStream(&stream));
    ASSERT_OK(reader->Next());
    ASSERT_OK(reader->Next());
    Status st = reader->Next().status();
    EXPECT_EQ(st.code(), error.code());
    EXPECT_EQ(st.message(), error.message());
  }
}

TEST(ArrowCStreamTest, ImportRejectsBrokenStreams) {
  // get_schema fails: the stream is still released.
  static bool released = false;
  released = false;
  ArrowArrayStream broken{
      [](ArrowArrayStream*, ArrowSchema*) { return ENOMEM; },
      [](ArrowArrayStream*, ArrowArray*) { return 0; },
      [](ArrowArrayStream*) -> const char* { return nullptr; },
      [](ArrowArrayStream* s) {
        released = true;
        s->release = nullptr;
      },
      nullptr};
  Status st = ImportArrowArrayStream(&broken).status();
  EXPECT_TRUE(st.IsResourceExhausted());
  EXPECT_NE(st.message().find("get_schema"), std::string::npos);
  EXPECT_TRUE(released);
  EXPECT_TRUE(ImportArrowArrayStream(&broken).status().IsInvalid());  // already released

  // A stream of plain integers is not a stream of record batches.
  released = false;
  ArrowArrayStream ints{
      [](ArrowArrayStream*, ArrowSchema* out) {
        testing::MakeForeignSchema(testing::SchemaSpec("l"), out);
        return 0;
      },
      [](ArrowArrayStream*, ArrowArray*) { return 0; },
      [](ArrowArrayStream*) -> const char* { return nullptr; },
      [](ArrowArrayStream* s) {
        released = true;
        s->release = nullptr;
      },
      nullptr};
  EXPECT_TRUE(ImportArrowArrayStream(&ints).status().IsTypeError());
  EXPECT_TRUE(released);
}

TEST(ArrowCStreamTest, ForeignStreamWithConvertedColumns) {
  // A producer sending large strings (as pyarrow may): converted batch by batch.
  static int batches_left = 0;
  batches_left = 2;
  ArrowArrayStream stream{
      [](ArrowArrayStream*, ArrowSchema* out) {
        testing::MakeForeignSchema(testing::SchemaSpec("+s", "", {testing::SchemaSpec("U", "s")}),
                                   out);
        return 0;
      },
      [](ArrowArrayStream*, ArrowArray* out) {
        if (batches_left-- == 0) {
          out->release = nullptr;
          return 0;
        }
        testing::ArraySpec column(2, {std::nullopt, testing::Bytes<int64_t>({0, 1, 3}), "abc"});
        testing::MakeForeignArray(testing::ArraySpec(2, {std::nullopt}, {column}), out);
        return 0;
      },
      [](ArrowArrayStream*) -> const char* { return nullptr; },
      [](ArrowArrayStream* s) { s->release = nullptr; },
      nullptr};
  ASSERT_OK_AND_ASSIGN(auto reader, ImportArrowArrayStream(&stream));
  EXPECT_EQ(reader->schema()->field(0).type->ToString(), "utf8");
  ASSERT_OK_AND_ASSIGN(auto batches, reader->ReadAll());
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(testing::Texts(*batches[1]->column(0)), (testing::TextRows{"a", "bc"}));
}

}  // namespace
}  // namespace bundlebase
