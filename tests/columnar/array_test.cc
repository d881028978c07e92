// Builders, arrays, slicing, concatenation, scalars and record batches.
#include "columnar/record_batch.h"
#include "columnar/scalar.h"
#include "test_util.h"

namespace bundlebase {
namespace {

TEST(TypeTest, NamesAndEquality) {
  EXPECT_EQ(Int64()->ToString(), "int64");
  EXPECT_EQ(Decimal128(10, 2)->ToString(), "decimal(10, 2)");
  EXPECT_EQ(Timestamp(TimeUnit::kMicro, "UTC")->ToString(), "timestamp[us, tz=UTC]");
  EXPECT_EQ(Timestamp(TimeUnit::kNano)->ToString(), "timestamp[ns]");
  EXPECT_EQ(List(Utf8())->ToString(), "list<utf8>");
  EXPECT_EQ(Struct({Field("a", Int64()), Field("b", Utf8(), false)})->ToString(),
            "struct<a: int64, b: utf8 not null>");
  EXPECT_TRUE(Decimal128(10, 2)->Equals(*Decimal128(10, 2)));
  EXPECT_FALSE(Decimal128(10, 2)->Equals(*Decimal128(10, 3)));
  EXPECT_FALSE(Timestamp(TimeUnit::kMicro)->Equals(*Timestamp(TimeUnit::kMicro, "UTC")));
  EXPECT_TRUE(List(Field("element", Int32()))->Equals(*List(Int32())));
  EXPECT_EQ(Decimal128(38, 0)->byte_width(), 16);
  EXPECT_TRUE(Bool()->is_fixed_width());
  EXPECT_FALSE(Utf8()->is_fixed_width());
}

TEST(BuilderTest, Int64WithNulls) {
  Int64Builder b(Int64());
  for (int i = 0; i < 100; ++i) {
    if (i % 7 == 0) {
      ASSERT_OK(b.AppendNull());
    } else {
      ASSERT_OK(b.Append(i));
    }
  }
  ASSERT_OK_AND_ASSIGN(ArrayPtr a, b.Finish());
  ASSERT_OK(ValidateArray(*a));
  EXPECT_EQ(a->length(), 100);
  EXPECT_EQ(a->null_count(), 15);
  EXPECT_TRUE(a->IsNull(0));
  EXPECT_TRUE(a->IsValid(1));
  EXPECT_EQ(a->values<int64_t>()[50], 50);
  EXPECT_EQ(b.length(), 0);  // Finish resets
}

TEST(BuilderTest, NoNullsMeansNoValidityBuffer) {
  Float64Builder b(Float64());
  double vals[] = {1.5, 2.5, 3.5};
  ASSERT_OK(b.AppendValues(vals, 3));
  ASSERT_OK_AND_ASSIGN(ArrayPtr a, b.Finish());
  EXPECT_EQ(a->validity(), nullptr);
  EXPECT_EQ(a->null_count(), 0);
  EXPECT_DOUBLE_EQ(a->values<double>()[2], 3.5);
}

TEST(BuilderTest, AppendValuesWithValidBytes) {
  Int32Builder b(Int32());
  int32_t vals[] = {1, 2, 3, 4};
  uint8_t valid[] = {1, 0, 1, 0};
  ASSERT_OK(b.AppendValues(vals, 4, valid));
  ASSERT_OK_AND_ASSIGN(ArrayPtr a, b.Finish());
  EXPECT_EQ(a->null_count(), 2);
  EXPECT_TRUE(a->IsNull(3));
  EXPECT_EQ(a->values<int32_t>()[2], 3);
}

TEST(BuilderTest, StringsAndBools) {
  BinaryBuilder s;
  ASSERT_OK(s.Append("héllo"));
  ASSERT_OK(s.AppendNull());
  ASSERT_OK(s.Append(""));
  ASSERT_OK_AND_ASSIGN(ArrayPtr a, s.Finish());
  ASSERT_OK(ValidateArray(*a));
  EXPECT_EQ(a->GetView(0), "héllo");
  EXPECT_TRUE(a->IsNull(1));
  EXPECT_EQ(a->GetView(2), "");
  EXPECT_TRUE(a->IsValid(2));

  BoolBuilder bb;
  for (int i = 0; i < 20; ++i) ASSERT_OK(i == 5 ? bb.AppendNull() : bb.Append(i % 3 == 0));
  ASSERT_OK_AND_ASSIGN(ArrayPtr bools, bb.Finish());
  EXPECT_TRUE(bools->GetBool(3));
  EXPECT_FALSE(bools->GetBool(4));
  EXPECT_TRUE(bools->IsNull(5));
  EXPECT_EQ(bools->null_count(), 1);
}

TEST(BuilderTest, NestedListOfStructs) {
  auto item = Struct({Field("id", Int64()), Field("tag", Utf8())});
  auto type = List(item);
  std::vector<Scalar> rows = {
      Scalar(type, std::vector<Scalar>{
                       Scalar(item, std::vector<Scalar>{Scalar::FromInt64(1),
                                                        Scalar::FromUtf8("a")}),
                       Scalar(item, std::vector<Scalar>{Scalar::MakeNull(Int64()),
                                                        Scalar::FromUtf8("b")})}),
      Scalar::MakeNull(type),
      Scalar(type, std::vector<Scalar>{}),
  };
  ASSERT_OK_AND_ASSIGN(ArrayPtr a, MakeArrayFromScalars(type, rows));
  ASSERT_OK(ValidateArray(*a));
  EXPECT_EQ(a->length(), 3);
  EXPECT_EQ(a->null_count(), 1);
  EXPECT_EQ(a->child(0)->length(), 2);
  for (int i = 0; i < 3; ++i) {
    ASSERT_OK_AND_ASSIGN(Scalar back, GetScalar(*a, i));
    EXPECT_TRUE(back.Equals(rows[i])) << i;
  }
}

TEST(ArrayTest, SliceSharesBuffersAndCountsNulls) {
  ASSERT_OK_AND_ASSIGN(
      ArrayPtr a, MakeArrayFromScalars(Utf8(), {Scalar::FromUtf8("a"), Scalar::MakeNull(Utf8()),
                                                Scalar::FromUtf8("c"), Scalar::FromUtf8("d")}));
  ArrayPtr s = a->Slice(1, 2);
  EXPECT_EQ(s->length(), 2);
  EXPECT_EQ(s->null_count(), 1);
  EXPECT_EQ(s->GetView(1), "c");
  EXPECT_EQ(s->buffers()[2].get(), a->buffers()[2].get());
  ASSERT_OK(ValidateArray(*s));
}

TEST(ArrayTest, ConcatenateAndEquals) {
  ASSERT_OK_AND_ASSIGN(ArrayPtr a,
                       MakeArrayFromScalars(Int64(), {Scalar::FromInt64(1), Scalar::FromInt64(2)}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr b, MakeArrayFromScalars(Int64(), {Scalar::MakeNull(Int64())}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr c, Concatenate({a, b, a->Slice(1, 1)}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr expected,
                       MakeArrayFromScalars(Int64(), {Scalar::FromInt64(1), Scalar::FromInt64(2),
                                                      Scalar::MakeNull(Int64()),
                                                      Scalar::FromInt64(2)}));
  EXPECT_TRUE(ArrayEquals(*c, *expected));
  EXPECT_FALSE(ArrayEquals(*c, *a));
  ASSERT_OK_AND_ASSIGN(ArrayPtr s, MakeArrayFromScalars(Utf8(), {Scalar::FromUtf8("x")}));
  EXPECT_TRUE(Concatenate({a, s}).status().IsTypeError());
}

TEST(ArrayTest, NullArraysOfEveryShape) {
  for (auto type : {Int32(), Utf8(), Bool(), List(Int64()), Struct({Field("x", Float64())})}) {
    ASSERT_OK_AND_ASSIGN(ArrayPtr a, MakeNullArray(type, 5));
    ASSERT_OK(ValidateArray(*a));
    EXPECT_EQ(a->null_count(), 5) << type->ToString();
  }
}

TEST(ArrayTest, ValidateRejectsBadOffsets) {
  auto offsets = Buffer::Copy(std::vector<int32_t>{0, 5, 3}.data(), 12);
  auto data = Buffer::FromString("abcde");
  Array bad(Utf8(), 2, {nullptr, offsets, data});
  EXPECT_TRUE(ValidateArray(bad).IsInvalid());
  auto far = Buffer::Copy(std::vector<int32_t>{0, 2, 9}.data(), 12);
  Array past_end(Utf8(), 2, {nullptr, far, data});
  EXPECT_TRUE(ValidateArray(past_end).IsInvalid());
}

TEST(RecordBatchTest, MakeChecksShape) {
  auto schema = MakeSchema({Field("id", Int64()), Field("name", Utf8())});
  ASSERT_OK_AND_ASSIGN(ArrayPtr ids, MakeArrayFromScalars(Int64(), {Scalar::FromInt64(1)}));
  ASSERT_OK_AND_ASSIGN(ArrayPtr names, MakeArrayFromScalars(Utf8(), {Scalar::FromUtf8("a")}));
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr batch, RecordBatch::Make(schema, {ids, names}));
  EXPECT_EQ(batch->num_rows(), 1);
  EXPECT_EQ(batch->GetColumnByName("name").get(), names.get());
  EXPECT_TRUE(RecordBatch::Make(schema, {names, ids}).status().IsTypeError());
  EXPECT_TRUE(RecordBatch::Make(schema, {ids}).status().IsInvalid());
}

TEST(SchemaTest, CaseInsensitiveLookup) {
  Schema s({Field("Customer Id", Int64()), Field("name", Utf8()), Field("NAME", Utf8())});
  ASSERT_OK_AND_ASSIGN(int i, s.FindFieldCaseInsensitive("customer id"));
  EXPECT_EQ(i, 0);
  ASSERT_OK_AND_ASSIGN(int exact, s.FindFieldCaseInsensitive("NAME"));
  EXPECT_EQ(exact, 2);
  EXPECT_TRUE(s.FindFieldCaseInsensitive("Name").status().IsKeyError());  // ambiguous
  EXPECT_TRUE(s.FindFieldCaseInsensitive("nope").status().IsKeyError());
}

}  // namespace
}  // namespace bundlebase
