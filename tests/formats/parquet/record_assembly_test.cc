// Schema conversion and Dremel shredding/assembly: nested arrays survive a trip through
// Parquet's definition and repetition levels.
#include "columnar/scalar.h"
#include "formats/parquet/record_assembly.h"
#include "test_util.h"

namespace bundlebase::parquet {
namespace {

// Shreds `array` as top-level field 0 of `schema`, then assembles it back.
Result<ArrayPtr> RoundTrip(const Field& field, const ArrayPtr& array,
                           std::vector<ShreddedLeaf>* shredded_out = nullptr) {
  BB_ASSIGN_OR_RAISE(auto elements, ToParquetSchema(Schema({field})));
  BB_ASSIGN_OR_RAISE(auto pschema, ParquetSchema::FromElements(elements));
  const SchemaNode& node = pschema.fields()[0];
  std::vector<ShreddedLeaf> shredded(pschema.leaves().size());
  BB_RETURN_NOT_OK(ShredField(node, array, &shredded));
  std::vector<LeafLevels> leaves(shredded.size());
  for (size_t l = 0; l < shredded.size(); ++l) {
    const auto& leaf = pschema.leaves()[l];
    auto& s = shredded[l];
    leaves[l].num_entries = static_cast<int64_t>(s.def.size());
    if (leaf.max_definition_level > 0) leaves[l].def = s.def;
    if (leaf.max_repetition_level > 0) leaves[l].rep = s.rep;
    std::vector<Scalar> dense;
    for (int64_t row : s.value_rows) {
      BB_ASSIGN_OR_RAISE(Scalar v, GetScalar(*s.leaf_array, row));
      dense.push_back(v);
    }
    BB_ASSIGN_OR_RAISE(leaves[l].values, MakeArrayFromScalars(leaf.type, dense));
  }
  if (shredded_out) *shredded_out = shredded;
  return AssembleField(node, leaves, array->length());
}

Scalar L(DataTypePtr type, std::vector<Scalar> items) { return Scalar(type, std::move(items)); }
Scalar I(int64_t v) { return Scalar::FromInt64(v); }
Scalar S(std::string v) { return Scalar::FromUtf8(std::move(v)); }

void ExpectRoundTrip(const Field& field, const std::vector<Scalar>& rows) {
  ASSERT_OK_AND_ASSIGN(ArrayPtr array, MakeArrayFromScalars(field.type, rows));
  ASSERT_OK_AND_ASSIGN(ArrayPtr back, RoundTrip(field, array));
  ASSERT_OK(ValidateArray(*back));
  ASSERT_EQ(back->length(), array->length());
  for (int64_t i = 0; i < array->length(); ++i) {
    ASSERT_OK_AND_ASSIGN(Scalar a, GetScalar(*array, i));
    ASSERT_OK_AND_ASSIGN(Scalar b, GetScalar(*back, i));
    EXPECT_TRUE(a.Equals(b)) << "row " << i << " of " << field.ToString();
  }
}

TEST(SchemaConversionTest, FlatTypesRoundTrip) {
  Schema schema({Field("i8", Int8()), Field("u16", UInt16(), false), Field("i64", Int64()),
                 Field("u64", UInt64()), Field("f", Float32()), Field("d", Float64()),
                 Field("s", Utf8()), Field("b", Binary()), Field("day", Date32()),
                 Field("t", Time64(TimeUnit::kMicro)), Field("tn", Time64(TimeUnit::kNano)),
                 Field("ts", Timestamp(TimeUnit::kMicro, "UTC")),
                 Field("local", Timestamp(TimeUnit::kNano)), Field("d9", Decimal128(9, 2)),
                 Field("d18", Decimal128(18, 4)), Field("d38", Decimal128(38, 10)),
                 Field("flag", Bool()), Field("nothing", Null())});
  ASSERT_OK_AND_ASSIGN(auto elements, ToParquetSchema(schema));
  ASSERT_OK_AND_ASSIGN(auto back, ParquetSchema::FromElements(elements));
  EXPECT_TRUE(back.schema()->Equals(schema)) << back.schema()->ToString();
  EXPECT_EQ(back.leaves().size(), schema.fields().size());
  EXPECT_EQ(back.leaves()[1].max_definition_level, 0);
  EXPECT_EQ(back.leaves()[0].max_definition_level, 1);
  int32_t width = 0;
  EXPECT_EQ(DecimalPhysicalType(38, &width), Type::kFixedLenByteArray);
  EXPECT_EQ(width, 16);
  EXPECT_EQ(DecimalPhysicalType(19, &width), Type::kFixedLenByteArray);
  EXPECT_EQ(width, 9);
}

TEST(SchemaConversionTest, NestedLevels) {
  auto point = Struct({Field("x", Int64()), Field("tags", List(Utf8()))});
  Schema schema({Field("points", List(point))});
  ASSERT_OK_AND_ASSIGN(auto elements, ToParquetSchema(schema));
  ASSERT_OK_AND_ASSIGN(auto back, ParquetSchema::FromElements(elements));
  EXPECT_TRUE(back.schema()->Equals(schema)) << back.schema()->ToString();
  ASSERT_EQ(back.leaves().size(), 2u);
  // points(opt) list(rep) element(opt) x(opt): def 4, rep 1.
  EXPECT_EQ(back.leaves()[0].dotted_path, "points.list.element.x");
  EXPECT_EQ(back.leaves()[0].max_definition_level, 4);
  EXPECT_EQ(back.leaves()[0].max_repetition_level, 1);
  // ... element(opt) tags(opt) list(rep) element(opt): def 6, rep 2.
  EXPECT_EQ(back.leaves()[1].max_definition_level, 6);
  EXPECT_EQ(back.leaves()[1].max_repetition_level, 2);
}

TEST(SchemaConversionTest, LegacyListForms) {
  // repeated int32 element inside a LIST group (2-level), and a bare repeated field.
  std::vector<SchemaElement> e(5);
  e[0].name = "root", e[0].num_children = 2;
  e[1].name = "a", e[1].repetition_type = FieldRepetitionType::kOptional, e[1].num_children = 1;
  e[1].converted_type = ConvertedType::kList;
  e[2].name = "array", e[2].repetition_type = FieldRepetitionType::kRepeated;
  e[2].type = Type::kInt32;
  e[3].name = "b", e[3].repetition_type = FieldRepetitionType::kRepeated, e[3].type = Type::kInt64;
  e.pop_back();
  ASSERT_OK_AND_ASSIGN(auto s, ParquetSchema::FromElements(e));
  EXPECT_EQ(s.schema()->ToString(), "a: list<int32>\nb: list<int64> not null\n");
  EXPECT_FALSE(s.schema()->field(0).type->fields()[0].nullable);
  EXPECT_FALSE(s.schema()->field(1).type->fields()[0].nullable);
  EXPECT_EQ(s.leaves()[0].max_definition_level, 2);
  EXPECT_EQ(s.leaves()[1].max_definition_level, 1);
  EXPECT_EQ(s.leaves()[1].max_repetition_level, 1);
}

TEST(SchemaConversionTest, RejectsBrokenSchemas) {
  std::vector<SchemaElement> e(1);
  e[0].name = "root", e[0].num_children = 2;
  EXPECT_TRUE(ParquetSchema::FromElements(e).status().IsInvalid());
  EXPECT_TRUE(ParquetSchema::FromElements({}).status().IsInvalid());
}

TEST(RecordAssemblyTest, FlatOptional) {
  ExpectRoundTrip(Field("x", Int64()), {I(1), Scalar::MakeNull(Int64()), I(3)});
  ExpectRoundTrip(Field("s", Utf8()), {S("a"), Scalar::MakeNull(Utf8()), S("")});
}

TEST(RecordAssemblyTest, ListsWithNullsAndEmpties) {
  auto type = List(Int64());
  ExpectRoundTrip(Field("l", type), {L(type, {I(1), I(2)}), Scalar::MakeNull(type), L(type, {}),
                                     L(type, {Scalar::MakeNull(Int64()), I(4)})});
}

TEST(RecordAssemblyTest, ListOfLists) {
  auto inner = List(Int64());
  auto type = List(inner);
  ExpectRoundTrip(Field("ll", type),
                  {L(type, {L(inner, {I(1)}), L(inner, {}), Scalar::MakeNull(inner),
                            L(inner, {I(2), I(3)})}),
                   L(type, {}), Scalar::MakeNull(type), L(type, {L(inner, {I(5)})})});
}

TEST(RecordAssemblyTest, StructsOfListsAndListsOfStructs) {
  auto tags = List(Utf8());
  auto st = Struct({Field("a", Int64()), Field("tags", tags)});
  ExpectRoundTrip(Field("s", st),
                  {Scalar(st, std::vector<Scalar>{I(1), L(tags, {S("x"), S("y")})}),
                   Scalar::MakeNull(st),
                   Scalar(st, std::vector<Scalar>{Scalar::MakeNull(Int64()), L(tags, {})}),
                   Scalar(st, std::vector<Scalar>{I(4), Scalar::MakeNull(tags)})});
  auto type = List(st);
  ExpectRoundTrip(
      Field("ls", type),
      {L(type, {Scalar(st, std::vector<Scalar>{I(1), L(tags, {S("p")})}), Scalar::MakeNull(st)}),
       L(type, {}), Scalar::MakeNull(type)});
}

TEST(RecordAssemblyTest, SlicedInputs) {
  auto type = List(Utf8());
  ASSERT_OK_AND_ASSIGN(ArrayPtr full,
                       MakeArrayFromScalars(type, {L(type, {S("a")}), L(type, {S("b"), S("c")}),
                                                   Scalar::MakeNull(type), L(type, {S("d")})}));
  ArrayPtr sliced = full->Slice(1, 3);
  ASSERT_OK_AND_ASSIGN(ArrayPtr back, RoundTrip(Field("l", type), sliced));
  EXPECT_TRUE(ArrayEquals(*back, *sliced));
}

TEST(RecordAssemblyTest, MismatchedValueCountIsAnError) {
  ASSERT_OK_AND_ASSIGN(auto elements, ToParquetSchema(Schema({Field("x", Int64())})));
  ASSERT_OK_AND_ASSIGN(auto pschema, ParquetSchema::FromElements(elements));
  std::vector<LeafLevels> leaves(1);
  leaves[0].num_entries = 3;
  leaves[0].def = {1, 1, 0};
  ASSERT_OK_AND_ASSIGN(leaves[0].values, MakeArrayFromScalars(Int64(), {I(1)}));
  EXPECT_TRUE(AssembleField(pschema.fields()[0], leaves, 3).status().IsInvalid());
}

}  // namespace
}  // namespace bundlebase::parquet
