// Arrow C schemas: format strings of every type, names, nullability and metadata both ways,
// foreign formats we convert, and errors that still release what they were given.
#include "columnar/arrow_c.h"

#include "foreign_arrow.h"
#include "test_util.h"

namespace bundlebase {
namespace {

using testing::ForeignReleases;
using testing::MakeForeignSchema;
using testing::SchemaSpec;

std::string FormatOf(const DataTypePtr& type) {
  ArrowSchema c;
  EXPECT_OK(ExportType(*type, &c));
  std::string format = c.format;
  c.release(&c);
  EXPECT_EQ(c.release, nullptr);
  return format;
}

TEST(ArrowCSchemaTest, FormatStrings) {
  EXPECT_EQ(FormatOf(Null()), "n");
  EXPECT_EQ(FormatOf(Bool()), "b");
  EXPECT_EQ(FormatOf(Int8()), "c");
  EXPECT_EQ(FormatOf(UInt8()), "C");
  EXPECT_EQ(FormatOf(Int16()), "s");
  EXPECT_EQ(FormatOf(UInt16()), "S");
  EXPECT_EQ(FormatOf(Int32()), "i");
  EXPECT_EQ(FormatOf(UInt32()), "I");
  EXPECT_EQ(FormatOf(Int64()), "l");
  EXPECT_EQ(FormatOf(UInt64()), "L");
  EXPECT_EQ(FormatOf(Float32()), "f");
  EXPECT_EQ(FormatOf(Float64()), "g");
  EXPECT_EQ(FormatOf(Decimal128(10, 2)), "d:10,2");
  EXPECT_EQ(FormatOf(Utf8()), "u");
  EXPECT_EQ(FormatOf(Binary()), "z");
  EXPECT_EQ(FormatOf(Date32()), "tdD");
  EXPECT_EQ(FormatOf(Time64(TimeUnit::kMicro)), "ttu");
  EXPECT_EQ(FormatOf(Time64(TimeUnit::kNano)), "ttn");
  EXPECT_EQ(FormatOf(Timestamp(TimeUnit::kSecond)), "tss:");
  EXPECT_EQ(FormatOf(Timestamp(TimeUnit::kMilli, "+05:30")), "tsm:+05:30");
  EXPECT_EQ(FormatOf(Timestamp(TimeUnit::kMicro, "UTC")), "tsu:UTC");
  EXPECT_EQ(FormatOf(Timestamp(TimeUnit::kNano)), "tsn:");
  EXPECT_EQ(FormatOf(Interval()), "tin");
  EXPECT_EQ(FormatOf(List(Int64())), "+l");
  EXPECT_EQ(FormatOf(Struct({Field("a", Int64())})), "+s");
  ArrowSchema c;
  EXPECT_EQ(ExportType(*Time64(TimeUnit::kMilli), &c).code(), StatusCode::kNotImplemented);
  // A failure deep inside a nested type leaves nothing to release.
  EXPECT_FALSE(ExportType(*Struct({Field("a", Int64()), Field("t", Time64(TimeUnit::kSecond))}),
                          &c)
                   .ok());
}

TEST(ArrowCSchemaTest, FieldsRoundTrip) {
  Field field("price", Decimal128(12, 3), /*nullable=*/false);
  field.metadata = {{"PARQUET:field_id", "7"}, {"", "empty key"}, {"unit", ""}};
  ArrowSchema c;
  ASSERT_OK(ExportField(field, &c));
  EXPECT_STREQ(c.name, "price");
  EXPECT_EQ(c.flags & ARROW_FLAG_NULLABLE, 0);
  ASSERT_OK_AND_ASSIGN(Field back, ImportField(&c));
  EXPECT_EQ(c.release, nullptr);  // consumed
  EXPECT_TRUE(back.Equals(field));
  EXPECT_EQ(back.metadata, field.metadata);
}

TEST(ArrowCSchemaTest, NestedSchemasRoundTrip) {
  auto item = Struct({Field("id", Int64(), false), Field("tags", List(Field("element", Utf8())))});
  Field nested("items", List(item));
  nested.metadata = {{"k", "v"}};
  Schema schema({Field("ts", Timestamp(TimeUnit::kNano, "UTC")), nested, Field("n", Null())},
                {{"origin", "test"}});
  ArrowSchema c;
  ASSERT_OK(ExportSchema(schema, &c));
  EXPECT_STREQ(c.format, "+s");
  ASSERT_EQ(c.n_children, 3);
  EXPECT_STREQ(c.children[1]->children[0]->children[1]->children[0]->name, "element");
  ASSERT_OK_AND_ASSIGN(SchemaPtr back, ImportSchema(&c));
  EXPECT_TRUE(back->Equals(schema));
  EXPECT_EQ(back->metadata(), schema.metadata());
  EXPECT_EQ(back->field(1).metadata, nested.metadata);
  EXPECT_EQ(back->field(1).type->value_type()->fields()[1].type->fields()[0].name, "element");
}

TEST(ArrowCSchemaTest, ConsumerMayMoveChildrenOut) {
  ArrowSchema c;
  ASSERT_OK(ExportSchema(Schema({Field("a", Int64()), Field("b", Utf8())}), &c));
  ArrowSchema moved = *c.children[1];
  c.children[1]->release = nullptr;
  c.release(&c);
  EXPECT_STREQ(moved.format, "u");
  ASSERT_OK_AND_ASSIGN(Field b, ImportField(&moved));
  EXPECT_EQ(b.name, "b");
}

DataTypePtr ImportSpec(const SchemaSpec& spec, Status* error = nullptr) {
  ArrowSchema c;
  MakeForeignSchema(spec, &c);
  const int before = ForeignReleases();
  auto type = ImportType(&c);
  EXPECT_EQ(ForeignReleases(), before + testing::NodeCount(spec));  // consumed, success or not
  if (!type.ok()) {
    if (error) *error = type.status();
    return nullptr;
  }
  return *type;
}

TEST(ArrowCSchemaTest, ForeignFormatsMapToOurTypes) {
  EXPECT_EQ(ImportSpec(SchemaSpec("U"))->ToString(), "utf8");
  EXPECT_EQ(ImportSpec(SchemaSpec("Z"))->ToString(), "binary");
  EXPECT_EQ(ImportSpec(SchemaSpec("vu"))->ToString(), "utf8");
  EXPECT_EQ(ImportSpec(SchemaSpec("vz"))->ToString(), "binary");
  EXPECT_EQ(ImportSpec(SchemaSpec("w:16"))->ToString(), "binary");
  EXPECT_EQ(ImportSpec(SchemaSpec("e"))->ToString(), "float32");
  EXPECT_EQ(ImportSpec(SchemaSpec("tdm"))->ToString(), "date32");
  EXPECT_EQ(ImportSpec(SchemaSpec("tts"))->ToString(), "time64[us]");
  EXPECT_EQ(ImportSpec(SchemaSpec("ttm"))->ToString(), "time64[us]");
  EXPECT_EQ(ImportSpec(SchemaSpec("tiM"))->ToString(), "interval");
  EXPECT_EQ(ImportSpec(SchemaSpec("tiD"))->ToString(), "interval");
  EXPECT_EQ(ImportSpec(SchemaSpec("d:9,2,64"))->ToString(), "decimal(9, 2)");
  EXPECT_EQ(ImportSpec(SchemaSpec("d:5,-2"))->ToString(), "decimal(5, -2)");
  EXPECT_EQ(ImportSpec(SchemaSpec("+L", "", {SchemaSpec("i", "item")}))->ToString(), "list<int32>");
  EXPECT_EQ(ImportSpec(SchemaSpec("+w:3", "", {SchemaSpec("g", "item")}))->ToString(),
            "list<float64>");
  SchemaSpec entries("+s", "entries", {SchemaSpec("u", "key", {}, 0), SchemaSpec("l", "value")},
                     0);
  EXPECT_EQ(ImportSpec(SchemaSpec("+m", "", {entries}))->ToString(),
            "list<struct<key: utf8 not null, value: int64>>");
  EXPECT_EQ(ImportSpec(SchemaSpec::Dictionary("i", SchemaSpec("vu")))->ToString(), "utf8");
}

TEST(ArrowCSchemaTest, UnsupportedAndMalformedFormats) {
  Status st;
  EXPECT_EQ(ImportSpec(SchemaSpec("tDu"), &st), nullptr);
  EXPECT_EQ(st.code(), StatusCode::kNotImplemented);
  EXPECT_NE(st.message().find("duration"), std::string::npos);
  EXPECT_EQ(ImportSpec(SchemaSpec("d:40,2,256"), &st), nullptr);
  EXPECT_EQ(st.code(), StatusCode::kNotImplemented);
  EXPECT_EQ(ImportSpec(SchemaSpec("+ud:0,1", "", {SchemaSpec("i"), SchemaSpec("u")}), &st),
            nullptr);
  EXPECT_EQ(st.code(), StatusCode::kNotImplemented);
  EXPECT_EQ(ImportSpec(SchemaSpec("d:x,2"), &st), nullptr);
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_EQ(ImportSpec(SchemaSpec("+l"), &st), nullptr);  // a list without its item
  EXPECT_TRUE(st.IsInvalid());
  SchemaSpec bad_column("+s", "", {SchemaSpec("i", "ok"), SchemaSpec("?", "bad")});
  EXPECT_EQ(ImportSpec(bad_column, &st), nullptr);
  EXPECT_EQ(st.message(), "column \"bad\": Arrow format '?' is not supported");
  EXPECT_EQ(ImportSpec(SchemaSpec::Dictionary("g", SchemaSpec("u")), &st), nullptr);
  EXPECT_TRUE(st.IsInvalid());
  ArrowSchema c;
  MakeForeignSchema(SchemaSpec("i"), &c);
  EXPECT_TRUE(ImportSchema(&c).status().IsTypeError());  // a schema must be a struct
  EXPECT_EQ(c.release, nullptr);
  EXPECT_TRUE(ImportType(&c).status().IsInvalid());  // released twice: refused, not crashed
}

}  // namespace
}  // namespace bundlebase
