// Arrow C arrays: our arrays exported and imported back for every type, with nulls, slices,
// nested structs at offsets and empty arrays; zero copy; and release callbacks that run
// exactly once, whoever ends up holding the data.
#include "columnar/arrow_c.h"

#include "columnar/pretty_print.h"
#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::Decimals;
using testing::Doubles;
using testing::Ints;
using testing::kNull;
using testing::Strings;

// Exports `array`, imports it back by type and by schema, and checks both equal the input.
void ExpectRoundTrip(const ArrayPtr& array) {
  SCOPED_TRACE(array->type()->ToString());
  ArrowArray c;
  ASSERT_OK(ExportArray(array, &c));
  ASSERT_OK(ValidateArray(*array));
  ASSERT_OK_AND_ASSIGN(ArrayPtr back, ImportArray(&c, array->type()));
  EXPECT_EQ(c.release, nullptr);
  ASSERT_OK(ValidateArray(*back));
  EXPECT_TRUE(ArrayEquals(*back, *array)) << ArrayToString(*back);
  EXPECT_EQ(back->null_count(), array->null_count());

  ArrowSchema s;
  ASSERT_OK(ExportArray(array, &c));
  ASSERT_OK(ExportType(*array->type(), &s));
  ASSERT_OK_AND_ASSIGN(ArrayPtr again, ImportArray(&c, &s));
  EXPECT_TRUE(again->type()->Equals(*array->type()));
  EXPECT_TRUE(ArrayEquals(*again, *array));
}

ArrayPtr NestedColumn() {
  // list<struct<id: int64, tags: list<utf8>, point: struct<x: float64>>>
  auto point = Struct({Field("x", Float64())});
  auto item = Struct({Field("id", Int64()), Field("tags", List(Utf8())), Field("point", point)});
  auto type = List(item);
  auto make_item = [&](int64_t id, std::vector<std::string> tags, std::optional<double> x) {
    std::vector<Scalar> tag_scalars;
    for (auto& t : tags) tag_scalars.push_back(Scalar::FromUtf8(t));
    return Scalar(item, std::vector<Scalar>{
                            Scalar::FromInt64(id), Scalar(List(Utf8()), std::move(tag_scalars)),
                            Scalar(point, std::vector<Scalar>{x ? Scalar::FromFloat64(*x)
                                                                : Scalar::MakeNull(Float64())})});
  };
  std::vector<Scalar> rows;
  for (int i = 0; i < 12; ++i) {
    if (i % 5 == 3) {
      rows.push_back(Scalar::MakeNull(type));
      continue;
    }
    std::vector<Scalar> items;
    for (int k = 0; k < i % 3; ++k) {
      items.push_back(k == 1 ? Scalar::MakeNull(item)
                             : make_item(i * 10 + k, {fmt::format("t{}", i)},
                                         i % 2 ? std::optional<double>(i) : std::nullopt));
    }
    rows.emplace_back(type, std::move(items));
  }
  return MakeArrayFromScalars(type, rows).ValueOrDie();
}

std::vector<ArrayPtr> EveryType() {
  std::vector<ArrayPtr> out = {
      Ints(Bool(), {1, 0, kNull, 1, 1, 0, 0, 1, 1, kNull, 0}),
      Ints(Int8(), {1, -128, kNull, 127}),
      Ints(Int16(), {1, kNull, -3}),
      Ints(Int32(), {1, 2, kNull, 4, 5, 6, 7, 8, 9, 10}),
      Ints(Int64(), {kNull, INT64_MIN, INT64_MAX}),
      Ints(UInt8(), {255, kNull}),
      Ints(UInt16(), {65535, 0}),
      Ints(UInt32(), {kNull, 7}),
      Ints(UInt64(), {-1, 0, kNull}),
      Doubles(Float32(), {1.5, kNull, -0.0}),
      Doubles(Float64(), {0.1, kNull, 1e300}),
      Decimals(Decimal128(38, 5), {__int128{1} << 100, kNull, -5}),
      Strings({"a", kNull, "", "héllo", "日本語"}),
      Strings({std::string("\0\xff", 2), kNull}, Binary()),
      Ints(Date32(), {20458, kNull, -719162}),
      Ints(Time64(TimeUnit::kMicro), {49500000000, kNull}),
      Ints(Time64(TimeUnit::kNano), {1}),
      Ints(Timestamp(TimeUnit::kSecond), {0, kNull}),
      Ints(Timestamp(TimeUnit::kMilli, "UTC"), {1767620700123}),
      Ints(Timestamp(TimeUnit::kNano, "+05:30"), {kNull, -1}),
      MakeArrayFromScalars(Interval(), {Scalar(Interval(), MonthDayNano{1, -2, 3}),
                                        Scalar::MakeNull(Interval())})
          .ValueOrDie(),
      MakeNullArray(Null(), 4).ValueOrDie(),
      NestedColumn(),
  };
  return out;
}

TEST(ArrowCArrayTest, EveryTypeRoundTrips) {
  for (const ArrayPtr& array : EveryType()) ExpectRoundTrip(array);
}

TEST(ArrowCArrayTest, SlicesAndEmptyArraysRoundTrip) {
  for (const ArrayPtr& array : EveryType()) {
    for (int64_t start = 0; start <= array->length(); ++start) {
      ExpectRoundTrip(array->Slice(start, (array->length() - start + 1) / 2));
    }
    ExpectRoundTrip(array->Slice(0, 0));
    ExpectRoundTrip(MakeNullArray(array->type(), 3).ValueOrDie());
    ExpectRoundTrip(MakeNullArray(array->type(), 0).ValueOrDie());
  }
}

TEST(ArrowCArrayTest, StructsAtOffsetsShiftTheirChildren) {
  auto inner = Struct({Field("v", Int32()), Field("s", Utf8())});
  auto outer = Struct({Field("id", Int64()), Field("inner", inner), Field("l", List(Int64()))});
  std::vector<Scalar> rows;
  for (int i = 0; i < 20; ++i) {
    if (i % 7 == 6) {
      rows.push_back(Scalar::MakeNull(outer));
      continue;
    }
    std::vector<Scalar> inner_fields = {Scalar(Int32(), int64_t{i}),
                                        Scalar::FromUtf8(fmt::format("{}", i))};
    Scalar in = i % 4 == 1 ? Scalar::MakeNull(inner) : Scalar(inner, inner_fields);
    Scalar list(List(Int64()), std::vector<Scalar>(i % 3, Scalar::FromInt64(i)));
    rows.emplace_back(outer, std::vector<Scalar>{Scalar::FromInt64(i * 100), in, list});
  }
  ASSERT_OK_AND_ASSIGN(ArrayPtr array, MakeArrayFromScalars(outer, rows));
  ArrayPtr slice = array->Slice(5, 9)->Slice(2, 6);  // offset 7, children at 7 as well
  ArrowArray c;
  ASSERT_OK(ExportArray(slice, &c));
  // As Arrow sees it: the struct at offset 7 over children whose own offset is 0.
  EXPECT_EQ(c.offset, 7);
  EXPECT_EQ(c.length, 6);
  EXPECT_EQ(c.children[0]->offset, 0);
  EXPECT_EQ(c.children[0]->length, 13);
  EXPECT_EQ(c.children[1]->offset, 0);
  EXPECT_EQ(c.children[1]->children[0]->offset, 0);
  EXPECT_EQ(static_cast<const int64_t*>(c.children[0]->buffers[1])[7 + 2], 900);
  c.release(&c);
  ExpectRoundTrip(slice);
  ExpectRoundTrip(array->Slice(13, 7));

  // Children behind their parent (only hand-made arrays do this) are copied, not misread.
  auto ids = Ints(Int64(), {1, 2, 3});
  auto odd = std::make_shared<Array>(Struct({Field("id", Int64())}), 2,
                                     std::vector<BufferPtr>{nullptr}, 0, /*offset=*/1,
                                     std::vector<ArrayPtr>{ids});
  ExpectRoundTrip(odd);
}

TEST(ArrowCArrayTest, ImportIsZeroCopy) {
  auto values = Ints(Int64(), {1, 2, 3, kNull});
  auto strings = Strings({"abc", "de"});
  for (const ArrayPtr& array : {values, strings}) {
    ArrowArray c;
    ASSERT_OK(ExportArray(array, &c));
    ASSERT_OK_AND_ASSIGN(ArrayPtr back, ImportArray(&c, array->type()));
    for (size_t i = 0; i < array->buffers().size(); ++i) {
      if (array->buffers()[i]) {
        EXPECT_EQ(back->buffers()[i]->data(), array->buffers()[i]->data());
      }
    }
  }
}

// Counts releases of exported structs by interposing on their callback.
int g_releases = 0;
void (*g_original_release)(ArrowArray*) = nullptr;
void CountingRelease(ArrowArray* array) {
  ++g_releases;
  g_original_release(array);
}

TEST(ArrowCArrayTest, ReleasedExactlyOnceWhenTheLastImportedBufferDies) {
  ArrayPtr array = NestedColumn();
  ASSERT_EQ(array.use_count(), 1);
  ArrowArray c;
  ASSERT_OK(ExportArray(array, &c));
  EXPECT_EQ(array.use_count(), 2);  // the export holds the data
  g_releases = 0;
  g_original_release = c.release;
  c.release = &CountingRelease;
  ASSERT_OK_AND_ASSIGN(ArrayPtr back, ImportArray(&c, array->type()));
  ArrayPtr items = back->child(0);  // keeps the import alive on its own
  back.reset();
  EXPECT_EQ(g_releases, 0);
  EXPECT_EQ(array.use_count(), 2);
  items.reset();
  EXPECT_EQ(g_releases, 1);
  EXPECT_EQ(array.use_count(), 1);
}

TEST(ArrowCArrayTest, ConsumerReleaseFreesTheExport) {
  ArrayPtr array = Strings({"x"});
  ArrowArray c;
  ASSERT_OK(ExportArray(array, &c));
  EXPECT_EQ(array.use_count(), 2);
  // A consumer may move a child out and release it separately.
  ArrayPtr structs =
      std::make_shared<Array>(Struct({Field("s", Utf8())}), 1, std::vector<BufferPtr>{nullptr}, 0,
                              0, std::vector<ArrayPtr>{array});
  ArrowArray parent;
  ASSERT_OK(ExportArray(structs, &parent));
  ArrowArray child = *parent.children[0];
  parent.children[0]->release = nullptr;
  parent.release(&parent);
  EXPECT_EQ(parent.release, nullptr);
  ASSERT_OK_AND_ASSIGN(ArrayPtr moved, ImportArray(&child, Utf8()));
  EXPECT_EQ(moved->GetView(0), "x");
  moved.reset();
  c.release(&c);
  EXPECT_EQ(array.use_count(), 2);  // `structs` still holds it
  structs.reset();
  EXPECT_EQ(array.use_count(), 1);
}

TEST(ArrowCArrayTest, RecordBatchesRoundTrip) {
  auto schema = MakeSchema({Field("id", Int64(), false), Field("name", Utf8()),
                            Field("nested", NestedColumn()->type())});
  schema = std::make_shared<Schema>(schema->fields(),
                                    std::vector<std::pair<std::string, std::string>>{{"k", "v"}});
  ArrayPtr nested = NestedColumn();
  std::vector<std::optional<int64_t>> ids;
  std::vector<std::optional<std::string>> names;
  for (int i = 0; i < nested->length(); ++i) {
    ids.push_back(i);
    names.push_back(i % 4 ? std::optional<std::string>(fmt::format("n{}", i)) : std::nullopt);
  }
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr batch,
                       RecordBatch::Make(schema, {Ints(Int64(), ids), Strings(names), nested}));
  for (const RecordBatchPtr& b : {batch, batch->Slice(3, 6), batch->Slice(12, 0)}) {
    ArrowArray c;
    ArrowSchema s;
    ASSERT_OK(ExportRecordBatch(b, &c, &s));
    EXPECT_STREQ(s.format, "+s");
    EXPECT_EQ(c.length, b->num_rows());
    EXPECT_EQ(c.n_buffers, 1);
    EXPECT_EQ(c.buffers[0], nullptr);
    ASSERT_OK_AND_ASSIGN(RecordBatchPtr back, ImportRecordBatch(&c, &s));
    EXPECT_TRUE(back->Equals(*b));
    EXPECT_EQ(back->schema()->metadata(), schema->metadata());
    ASSERT_OK(ExportRecordBatch(b, &c));
    ASSERT_OK_AND_ASSIGN(RecordBatchPtr again, ImportRecordBatch(&c, schema));
    EXPECT_TRUE(again->Equals(*b));
  }
}

TEST(ArrowCArrayTest, ImportRejectsMismatchedArrays) {
  ArrowArray c;
  ASSERT_OK(ExportArray(Strings({"a"}), &c));
  EXPECT_TRUE(ImportArray(&c, List(Int64())).status().IsInvalid());  // 3 buffers, no child
  EXPECT_EQ(c.release, nullptr);  // released even though it failed
  EXPECT_TRUE(ImportArray(&c, Int64()).status().IsInvalid());  // already released
  ASSERT_OK(ExportArray(Ints(Int64(), {1}), &c));
  auto schema = MakeSchema({Field("a", Int64())});
  EXPECT_TRUE(ImportRecordBatch(&c, schema).status().IsInvalid());  // not a struct array
  EXPECT_EQ(c.release, nullptr);
  // A struct with null rows is not a record batch.
  ASSERT_OK(ExportArray(MakeNullArray(Struct({Field("a", Int64())}), 2).ValueOrDie(), &c));
  EXPECT_TRUE(ImportRecordBatch(&c, schema).status().IsInvalid());
}

}  // namespace
}  // namespace bundlebase
