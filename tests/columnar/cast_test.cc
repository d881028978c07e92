// Cast dispatch: identity, null inputs, lists, structs, scalars and the CanCast table.
#include "columnar/cast.h"

#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::CastError;
using testing::CastTexts;
using testing::Ints;
using testing::kNull;
using testing::Strings;
using testing::TextRows;

ArrayPtr ListOfInts(const std::vector<std::optional<std::vector<int64_t>>>& rows) {
  std::vector<Scalar> scalars;
  auto type = List(Int64());
  for (const auto& row : rows) {
    if (!row) {
      scalars.push_back(Scalar::MakeNull(type));
      continue;
    }
    std::vector<Scalar> items;
    for (int64_t v : *row) items.push_back(Scalar::FromInt64(v));
    scalars.emplace_back(type, std::move(items));
  }
  return MakeArrayFromScalars(type, scalars).ValueOrDie();
}

TEST(CastTest, IdentityReturnsTheInput) {
  auto a = Ints(Int64(), {1, 2});
  ASSERT_OK_AND_ASSIGN(ArrayPtr same, Cast(a, Int64()));
  EXPECT_EQ(same.get(), a.get());
  auto d = testing::Decimals(Decimal128(10, 2), {1});
  ASSERT_OK_AND_ASSIGN(ArrayPtr same_decimal, Cast(d, Decimal128(10, 2)));
  EXPECT_EQ(same_decimal.get(), d.get());
}

TEST(CastTest, NullToAnything) {
  ASSERT_OK_AND_ASSIGN(ArrayPtr nulls, MakeNullArray(Null(), 3));
  auto structure = Struct({Field("a", Int64()), Field("b", List(Utf8()))});
  for (const auto& type : {Int64(), Utf8(), List(Int32()), structure, Decimal128(5, 1)}) {
    EXPECT_EQ(CastTexts(nulls, type), (TextRows{"NULL", "NULL", "NULL"})) << type->ToString();
  }
  EXPECT_FALSE(CanCast(*Int64(), *Null()));
}

TEST(CastTest, ListsElementWise) {
  auto lists = ListOfInts({std::vector<int64_t>{1, 2}, std::nullopt, std::vector<int64_t>{},
                           std::vector<int64_t>{3}});
  EXPECT_EQ(CastTexts(lists, List(Int8())), (TextRows{"[1, 2]", "NULL", "[]", "[3]"}));
  EXPECT_EQ(CastTexts(lists, List(Utf8())), (TextRows{"[1, 2]", "NULL", "[]", "[3]"}));
  EXPECT_EQ(CastTexts(lists, Utf8()), (TextRows{"[1, 2]", "NULL", "[]", "[3]"}));
  // A slice converts only the items it references: the 300 outside it cannot fail the cast.
  auto wide = ListOfInts({std::vector<int64_t>{300}, std::vector<int64_t>{4, 5}, std::nullopt,
                          std::vector<int64_t>{6}, std::vector<int64_t>{300}});
  ArrayPtr slice = wide->Slice(1, 3);
  ASSERT_OK_AND_ASSIGN(ArrayPtr small, Cast(slice, List(Int8())));
  ASSERT_OK(ValidateArray(*small));
  EXPECT_EQ(small->child(0)->length(), 3);
  EXPECT_EQ(testing::Texts(*small), (TextRows{"[4, 5]", "NULL", "[6]"}));
  EXPECT_EQ(CastError(wide, List(Int8())).message(),
            "list item: value 300 is out of range for int8 (row 0)");
  EXPECT_TRUE(CastError(lists, List(Date32())).IsTypeError());
}

TEST(CastTest, StructsByFieldName) {
  auto from = Struct({Field("a", Int64()), Field("B", Utf8())});
  auto row = [&](std::optional<int64_t> a, std::optional<std::string> b) {
    return Scalar(from, std::vector<Scalar>{a ? Scalar::FromInt64(*a) : Scalar::MakeNull(Int64()),
                                            b ? Scalar::FromUtf8(*b) : Scalar::MakeNull(Utf8())});
  };
  ASSERT_OK_AND_ASSIGN(ArrayPtr structs,
                       MakeArrayFromScalars(from, {row(1, "10"), Scalar::MakeNull(from),
                                                   row(kNull, "30"), row(4, kNull)}));
  // Reordered, matched ignoring case, cast field by field, and a new field filled with NULL.
  auto to = Struct({Field("b", Int32()), Field("a", Utf8()), Field("c", Float64())});
  EXPECT_EQ(CastTexts(structs, to),
            (TextRows{"{b: 10, a: 1, c: NULL}", "NULL", "{b: 30, a: NULL, c: NULL}",
                      "{b: NULL, a: 4, c: NULL}"}));
  EXPECT_EQ(CastTexts(structs->Slice(2, 2), to),
            (TextRows{"{b: 30, a: NULL, c: NULL}", "{b: NULL, a: 4, c: NULL}"}));
  Status dropped = CastError(structs, Struct({Field("a", Int64())}));
  EXPECT_TRUE(dropped.IsTypeError());
  EXPECT_NE(dropped.message().find("field \"B\" has no place in the target"), std::string::npos);
  EXPECT_FALSE(CanCast(*from, *Struct({Field("a", Int64())})));
  EXPECT_TRUE(CastError(structs, Struct({Field("a", Int64()), Field("b", Utf8()),
                                          Field("c", Int64(), /*nullable=*/false)}))
                  .IsTypeError());
  EXPECT_TRUE(CastError(structs, Struct({Field("a", Date32()), Field("b", Utf8())})).IsTypeError());
  ASSERT_OK_AND_ASSIGN(ArrayPtr bad, MakeArrayFromScalars(from, {row(1, "x")}));
  EXPECT_EQ(CastError(bad, to).message(), "field \"b\": cannot cast 'x' to int32 (row 0)");
}

TEST(CastTest, Scalars) {
  ASSERT_OK_AND_ASSIGN(Scalar text, CastScalar(Scalar::FromInt64(5), Utf8()));
  EXPECT_EQ(text, Scalar::FromUtf8("5"));
  ASSERT_OK_AND_ASSIGN(Scalar date, CastScalar(Scalar::FromUtf8("2026-01-05"), Date32()));
  EXPECT_EQ(date, Scalar(Date32(), int64_t{20458}));
  ASSERT_OK_AND_ASSIGN(Scalar null, CastScalar(Scalar::MakeNull(Utf8()), Int64()));
  EXPECT_TRUE(null.is_null());
  EXPECT_TRUE(CastScalar(Scalar::FromUtf8("x"), Int64()).status().IsInvalid());
}

TEST(CastTest, CanCastTable) {
  EXPECT_TRUE(CanCast(*Int8(), *Decimal128(3, 0)));
  EXPECT_TRUE(CanCast(*Interval(), *Utf8()));
  EXPECT_TRUE(CanCast(*Binary(), *Utf8()));
  EXPECT_TRUE(CanCast(*Utf8(), *Binary()));
  EXPECT_FALSE(CanCast(*Binary(), *Int64()));
  EXPECT_FALSE(CanCast(*Date32(), *Time64()));
  EXPECT_FALSE(CanCast(*List(Int64()), *Int64()));
  EXPECT_TRUE(CanCast(*List(List(Int64())), *List(List(Utf8()))));
  EXPECT_FALSE(CanCast(*Struct({Field("a", Int64())}), *List(Int64())));
  EXPECT_TRUE(CanCast(*Null(), *Struct({Field("a", Int64())})));
}

}  // namespace
}  // namespace bundlebase
