// ParquetFileWriter round trips: every flat type with nulls under every codec, page version and
// encoding choice; nested lists, structs and maps; sliced input; row groups and pages; empty
// files; the dictionary decision and its fallback to PLAIN.
#include <cmath>
#include <limits>

#include "writer_test_util.h"

namespace bundlebase::parquet {
namespace {

using writer_test::MakeArray;
using writer_test::MakeBatch;
using writer_test::Nul;
using writer_test::OpenBytes;
using writer_test::ReadBytes;
using writer_test::Val;
using writer_test::WriteBytes;

void ExpectSameBatch(const RecordBatch& expected, const RecordBatch& actual) {
  ASSERT_EQ(actual.num_rows(), expected.num_rows());
  ASSERT_EQ(actual.num_columns(), expected.num_columns());
  for (int c = 0; c < expected.num_columns(); ++c) {
    const Field& f = expected.schema()->field(c);
    EXPECT_EQ(actual.schema()->field(c).name, f.name);
    EXPECT_TRUE(actual.schema()->field(c).type->Equals(*f.type))
        << f.name << ": " << actual.schema()->field(c).type->ToString();
    EXPECT_EQ(actual.schema()->field(c).nullable, f.nullable) << f.name;
    EXPECT_TRUE(ArrayEquals(*expected.column(c), *actual.column(c))) << "column " << f.name;
  }
}

RecordBatchPtr AllFlatTypes() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<Field> fields;
  std::vector<ArrayPtr> columns;
  auto add = [&](std::string name, DataTypePtr type, std::vector<Scalar::Value> values) {
    std::vector<Scalar> scalars;
    for (auto& v : values) {
      scalars.push_back(std::holds_alternative<std::monostate>(v) ? Nul(type) : Val(type, v));
    }
    fields.emplace_back(std::move(name), type);
    columns.push_back(MakeArray(type, scalars));
  };
  const std::monostate null;
  add("bool", Bool(), {true, null, false, true, false});
  add("int8", Int8(), {int64_t{-128}, int64_t{127}, null, int64_t{0}, int64_t{-1}});
  add("int16", Int16(), {int64_t{-32768}, null, int64_t{32767}, int64_t{5}, int64_t{5}});
  add("int32", Int32(), {int64_t{INT32_MIN}, int64_t{INT32_MAX}, int64_t{7}, null, int64_t{7}});
  add("int64", Int64(), {int64_t{INT64_MIN}, int64_t{INT64_MAX}, null, int64_t{0}, int64_t{1}});
  add("uint8", UInt8(), {uint64_t{255}, uint64_t{0}, null, uint64_t{128}, uint64_t{1}});
  add("uint16", UInt16(), {uint64_t{65535}, null, uint64_t{0}, uint64_t{32768}, uint64_t{2}});
  add("uint32", UInt32(), {uint64_t{4294967295u}, uint64_t{2147483648u}, uint64_t{0}, null,
                           uint64_t{3}});
  add("uint64", UInt64(), {std::numeric_limits<uint64_t>::max(), uint64_t{0}, null,
                           uint64_t{1} << 63, uint64_t{4}});
  add("float32", Float32(), {1.5, -0.0, static_cast<double>(std::numeric_limits<float>::max()),
                             null, nan});
  add("float64", Float64(), {nan, -inf, inf, -0.0, null});
  add("dec5", Decimal128(5, 2), {__int128{-99999}, __int128{12345}, null, __int128{0},
                                 __int128{1}});
  add("dec15", Decimal128(15, 3), {__int128{-999999999999999}, null, __int128{42},
                                   __int128{999999999999999}, __int128{-1}});
  const __int128 big = static_cast<__int128>(1e18) * static_cast<__int128>(1e18) * 99;
  add("dec38", Decimal128(38, 6), {big, -big, null, __int128{-1}, __int128{0}});
  add("dec20", Decimal128(20, 0), {__int128{-1}, __int128{1} << 64, null, -(__int128{1} << 64),
                                   __int128{0}});
  add("utf8", Utf8(), {std::string("héllo"), std::string(""), null, std::string(300, 'x'),
                       std::string("z")});
  add("binary", Binary(), {std::string("\x00\xff", 2), null, std::string(), std::string("ab"),
                           std::string("\x80")});
  add("date32", Date32(), {int64_t{0}, int64_t{-719162}, int64_t{2932896}, null, int64_t{1}});
  add("time_us", Time64(TimeUnit::kMicro), {int64_t{0}, int64_t{86399999999}, null,
                                             int64_t{1}, int64_t{1}});
  add("time_ns", Time64(TimeUnit::kNano), {int64_t{86399999999999}, null, int64_t{0},
                                           int64_t{5}, int64_t{5}});
  add("ts_ms", Timestamp(TimeUnit::kMilli), {int64_t{-1}, int64_t{253402300799999}, null,
                                             int64_t{0}, int64_t{1}});
  add("ts_us_utc", Timestamp(TimeUnit::kMicro, "UTC"), {int64_t{1}, null, int64_t{-1},
                                                        int64_t{INT64_MAX}, int64_t{2}});
  add("ts_ns", Timestamp(TimeUnit::kNano), {null, int64_t{INT64_MIN}, int64_t{0}, int64_t{1},
                                            int64_t{2}});
  add("interval", Interval(), {MonthDayNano{1, 2, 3000000}, null, MonthDayNano{2147483647, 1, 5000000},
                               MonthDayNano{0, 0, 0}, MonthDayNano{12, 31, 86400000000000}});
  add("null", Null(), {null, null, null, null, null});
  return MakeBatch(fields, columns);
}

struct Variant {
  const char* name;
  ParquetWriteOptions options;
};

std::vector<Variant> Variants() {
  std::vector<Variant> out;
  auto add = [&](const char* name, CompressionCodec codec, bool dictionary, int version,
                 int64_t page_bytes, int64_t row_group_rows) {
    ParquetWriteOptions o;
    o.codec = codec;
    o.dictionary = dictionary;
    o.data_page_version = version;
    o.data_page_bytes = page_bytes;
    o.row_group_rows = row_group_rows;
    out.push_back({name, o});
  };
  add("zstd-dict-v1", CompressionCodec::kZstd, true, 1, 1 << 20, 128 * 1024);
  add("snappy-dict-v2", CompressionCodec::kSnappy, true, 2, 1 << 20, 128 * 1024);
  add("gzip-plain-v1", CompressionCodec::kGzip, false, 1, 1 << 20, 128 * 1024);
  add("lz4raw-plain-v2", CompressionCodec::kLz4Raw, false, 2, 1 << 20, 128 * 1024);
  add("lz4-dict-v1", CompressionCodec::kLz4, true, 1, 1 << 20, 128 * 1024);
  add("brotli-dict-v2", CompressionCodec::kBrotli, true, 2, 1 << 20, 128 * 1024);
  add("none-dict-v1-tiny", CompressionCodec::kUncompressed, true, 1, 16, 2);
  add("none-plain-v2-tiny", CompressionCodec::kUncompressed, false, 2, 1, 3);
  return out;
}

TEST(ParquetFileWriterTest, EveryFlatTypeRoundTripsUnderEveryVariant) {
  auto batch = AllFlatTypes();
  ASSERT_NE(batch, nullptr);
  for (const auto& v : Variants()) {
    SCOPED_TRACE(v.name);
    ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}, v.options));
    ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
    ExpectSameBatch(*batch, *back);
    ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
    EXPECT_EQ(reader->num_row_groups(),
              (batch->num_rows() + v.options.row_group_rows - 1) / v.options.row_group_rows);
    for (const RowGroup& rg : reader->metadata().row_groups) {
      for (const ColumnChunk& cc : rg.columns) {
        EXPECT_EQ(cc.meta_data->codec, v.options.codec);
      }
    }
  }
}

TEST(ParquetFileWriterTest, NonNullableColumnsHaveNoDefinitionLevels) {
  auto ints = MakeArray(Int64(), {Val(Int64(), int64_t{1}), Val(Int64(), int64_t{2})});
  auto text = MakeArray(Utf8(), {Val(Utf8(), std::string("a")), Val(Utf8(), std::string("b"))});
  auto batch = MakeBatch({Field("i", Int64(), false), Field("s", Utf8(), false)}, {ints, text});
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}));
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  ExpectSameBatch(*batch, *back);
  ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
  EXPECT_EQ(reader->parquet_schema().leaves()[0].max_definition_level, 0);
  const auto& encodings = reader->metadata().row_groups[0].columns[0].meta_data->encodings;
  EXPECT_EQ(std::count(encodings.begin(), encodings.end(), Encoding::kRle), 0);
}

RecordBatchPtr NestedBatch() {
  auto list_i64 = List(Int64());
  auto list_utf8 = List(Utf8());
  auto list_list = List(list_utf8);
  auto inner = Struct({Field("x", Utf8()), Field("y", Float64(), false)});
  auto list_inner = List(Field("element", inner, false));
  auto outer = Struct({Field("a", Int32()), Field("b", list_inner)});
  auto req = Struct({Field("k", Int64(), false)});
  auto entry = Struct({Field("key", Utf8(), false), Field("value", Int64())});
  auto map = List(Field("entries", entry, false));
  auto i64 = [&](int64_t v) { return Val(Int64(), v); };
  auto str = [&](const char* s) { return Val(Utf8(), std::string(s)); };
  using V = std::vector<Scalar>;
  auto l = MakeArray(list_i64, {Val(list_i64, V{i64(1), i64(2)}), Val(list_i64, V{}),
                                Nul(list_i64), Val(list_i64, V{Nul(Int64()), i64(3)})});
  auto ll = MakeArray(list_list, {Val(list_list, V{Val(list_utf8, V{str("a")}), Val(list_utf8, V{}),
                                                   Nul(list_utf8)}),
                                  Nul(list_list), Val(list_list, V{Val(list_utf8, V{})}),
                                  Val(list_list, V{Val(list_utf8, V{str("b"), str("c")})})});
  auto in = [&](Scalar x, double y) { return Val(inner, V{std::move(x), Val(Float64(), y)}); };
  auto s = MakeArray(outer, {Val(outer, V{Val(Int32(), int64_t{1}),
                                          Val(list_inner, V{in(str("p"), 0.5), in(Nul(Utf8()), -1)})}),
                             Nul(outer), Val(outer, V{Nul(Int32()), Nul(list_inner)}),
                             Val(outer, V{Val(Int32(), int64_t{4}), Val(list_inner, V{})})});
  auto r = MakeArray(req, {Val(req, V{i64(10)}), Val(req, V{i64(11)}), Val(req, V{i64(12)}),
                           Val(req, V{i64(13)})});
  auto kv = [&](const char* k, Scalar v) { return Val(entry, V{str(k), std::move(v)}); };
  auto m = MakeArray(map, {Val(map, V{kv("a", i64(1)), kv("b", Nul(Int64()))}), Nul(map),
                           Val(map, V{}), Val(map, V{kv("a", i64(2)), kv("a", i64(3))})});
  Field map_field("m", map);
  map_field.metadata = {{kLogicalTypeKey, "MAP"}};
  return MakeBatch({Field("l", list_i64), Field("ll", list_list), Field("s", outer),
                    Field("req", req, false), map_field},
                   {l, ll, s, r, m});
}

TEST(ParquetFileWriterTest, NestedColumnsRoundTrip) {
  auto batch = NestedBatch();
  ASSERT_NE(batch, nullptr);
  for (const auto& v : Variants()) {
    SCOPED_TRACE(v.name);
    ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}, v.options));
    ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
    ExpectSameBatch(*batch, *back);
    ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
    const SchemaNode& map = reader->parquet_schema().fields()[4];
    EXPECT_TRUE(map.is_map);
    EXPECT_EQ(map.field.metadata, (std::vector<std::pair<std::string, std::string>>{
                                      {kLogicalTypeKey, "MAP"}}));
  }
}

TEST(ParquetFileWriterTest, MapHintOnAListThatCannotBeAMapWritesAList) {
  auto entry = Struct({Field("key", Utf8()), Field("value", Int64())});  // nullable key
  auto type = List(Field("entries", entry, false));
  auto array = MakeArray(type, {Val(type, std::vector<Scalar>{Val(
                                    entry, std::vector<Scalar>{Nul(Utf8()), Nul(Int64())})})});
  Field f("m", type);
  f.metadata = {{kLogicalTypeKey, "MAP"}};
  auto batch = MakeBatch({f}, {array});
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}));
  ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
  EXPECT_FALSE(reader->parquet_schema().fields()[0].is_map);
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  ExpectSameBatch(*batch, *back);
}

TEST(ParquetFileWriterTest, SlicedBatchesWriteOnlyTheirRows) {
  auto flat = AllFlatTypes();
  auto nested = NestedBatch();
  for (const RecordBatchPtr& batch : {flat, nested}) {
    for (int64_t offset : {1, 2, 3}) {
      auto slice = batch->Slice(offset, batch->num_rows() - offset - 1);
      ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(slice->schema(), {slice}));
      ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
      ExpectSameBatch(*slice, *back);
    }
  }
}

RecordBatchPtr Sequence(int64_t n, int64_t modulo) {
  Int64Builder ints(Int64());
  BinaryBuilder text(Utf8());
  for (int64_t i = 0; i < n; ++i) {
    EXPECT_OK(i % 7 == 3 ? ints.AppendNull() : ints.Append(i % modulo));
    EXPECT_OK(text.Append("value-" + std::to_string(i % modulo)));
  }
  return MakeBatch({Field("i", Int64()), Field("s", Utf8(), false)},
                   {*ints.Finish(), *text.Finish()});
}

TEST(ParquetFileWriterTest, SplitsRowGroupsAcrossAndWithinBatches) {
  std::vector<RecordBatchPtr> batches = {Sequence(2500, 1 << 30), Sequence(0, 1),
                                         Sequence(1, 1), Sequence(4000, 13)};
  ParquetWriteOptions options;
  options.row_group_rows = 1000;
  options.data_page_bytes = 1024;
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batches[0]->schema(), batches, options));
  ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
  ASSERT_EQ(reader->num_row_groups(), 7);
  EXPECT_EQ(reader->num_rows(), 6501);
  for (int g = 0; g < 6; ++g) EXPECT_EQ(reader->row_group_num_rows(g), 1000);
  EXPECT_EQ(reader->row_group_num_rows(6), 501);
  // Plain int64 pages of about 1 KB: a 1000-row chunk needs several.
  const ColumnMetaData& first = *reader->metadata().row_groups[0].columns[0].meta_data;
  int32_t pages = 0;
  for (const auto& s : first.encoding_stats) pages += s.page_type == PageType::kDataPage ? s.count : 0;
  EXPECT_GE(pages, 7);
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  ASSERT_OK_AND_ASSIGN(auto expected, ConcatenateBatches(batches[0]->schema(), batches));
  ExpectSameBatch(*expected, *back);
  // How many row groups are encoded together changes the speed, never the bytes.
  for (int64_t parallel : {1, 3, 100}) {
    options.parallel_row_groups = parallel;
    ASSERT_OK_AND_ASSIGN(std::string again, WriteBytes(batches[0]->schema(), batches, options));
    EXPECT_EQ(again, bytes) << parallel;
  }
}

// Pages without nulls are read without storing their levels until a null turns up; mixing
// such pages (first, last, in between) with pages that have nulls must still place every null.
TEST(ParquetFileWriterTest, NullsAfterPagesWithoutNulls) {
  auto inner = Struct({Field("x", Int64())});
  Int64Builder ints(Int64());
  BinaryBuilder text(Utf8());
  StructBuilder structs(inner, [] {
    std::vector<std::unique_ptr<ArrayBuilder>> b;
    b.push_back(std::make_unique<Int64Builder>(Int64()));
    return b;
  }());
  for (int64_t i = 0; i < 6000; ++i) {
    const bool null = (i >= 2500 && i < 2600 && i % 3 == 0) || i == 5999;
    ASSERT_OK(null ? ints.AppendNull() : ints.Append(i));
    ASSERT_OK(null ? text.AppendNull() : text.Append(i % 2 ? "odd" : "even"));
    if (null) {
      ASSERT_OK(structs.AppendNull());
    } else {
      ASSERT_OK(structs.Append());
      ASSERT_OK(static_cast<Int64Builder*>(structs.field_builder(0))->Append(i));
    }
  }
  auto batch = MakeBatch({Field("i", Int64()), Field("s", Utf8()), Field("st", inner)},
                         {*ints.Finish(), *text.Finish(), *structs.Finish()});
  for (int version : {1, 2}) {
    for (bool dictionary : {false, true}) {
      ParquetWriteOptions options;
      options.data_page_version = version;
      options.dictionary = dictionary;
      options.data_page_bytes = 2048;
      ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}, options));
      ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
      ExpectSameBatch(*batch, *back);
    }
  }
}

TEST(ParquetFileWriterTest, FileWithoutRowsKeepsItsSchema) {
  auto batch = NestedBatch();
  for (bool empty_batch : {false, true}) {
    std::vector<RecordBatchPtr> batches;
    if (empty_batch) batches.push_back(batch->Slice(0, 0));
    ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), batches));
    ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
    EXPECT_EQ(reader->num_rows(), 0);
    EXPECT_EQ(reader->num_row_groups(), 0);
    EXPECT_TRUE(reader->schema()->Equals(*batch->schema()));
  }
}

const ColumnMetaData& Chunk(const ParquetFileReader& reader, int row_group, int column) {
  return *reader.metadata().row_groups[row_group].columns[column].meta_data;
}

bool Has(const std::vector<Encoding>& encodings, Encoding e) {
  return std::find(encodings.begin(), encodings.end(), e) != encodings.end();
}

TEST(ParquetFileWriterTest, DictionaryOnlyWhereItPays) {
  // Column i: distinct values (PLAIN is smaller). Column s: 13 distinct strings.
  auto unique = Sequence(50000, 1 << 30);
  auto repeated = Sequence(50000, 13);
  auto batch = MakeBatch({Field("i", Int64()), Field("s", Utf8(), false)},
                         {unique->column(0), repeated->column(1)});
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}));
  ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
  const ColumnMetaData& i = Chunk(*reader, 0, 0);
  EXPECT_FALSE(Has(i.encodings, Encoding::kRleDictionary));
  EXPECT_FALSE(i.dictionary_page_offset.has_value());
  const ColumnMetaData& s = Chunk(*reader, 0, 1);
  EXPECT_TRUE(Has(s.encodings, Encoding::kRleDictionary));
  EXPECT_FALSE(Has(s.encodings, Encoding::kRle));  // required: no levels
  ASSERT_TRUE(s.dictionary_page_offset.has_value());
  EXPECT_LT(*s.dictionary_page_offset, s.data_page_offset);
  ASSERT_FALSE(s.encoding_stats.empty());
  EXPECT_EQ(s.encoding_stats[0].page_type, PageType::kDictionaryPage);
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  ExpectSameBatch(*batch, *back);
}

TEST(ParquetFileWriterTest, DictionaryFallsBackToPlainWhenItGrowsTooLarge) {
  // 40000 rows over 50 strings convince the writer the dictionary pays; then every value is
  // new and the dictionary passes its 4 KiB limit.
  BinaryBuilder text(Utf8());
  for (int i = 0; i < 40000; ++i) ASSERT_OK(text.Append("common-" + std::to_string(i % 50)));
  for (int i = 0; i < 20000; ++i) ASSERT_OK(text.Append("rare-" + std::to_string(i)));
  auto batch = MakeBatch({Field("s", Utf8())}, {*text.Finish()});
  for (int version : {1, 2}) {
    ParquetWriteOptions options;
    options.dictionary_page_size_limit = 4096;
    options.data_page_version = version;
    ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}, options));
    ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
    const ColumnMetaData& m = Chunk(*reader, 0, 0);
    EXPECT_TRUE(Has(m.encodings, Encoding::kRleDictionary));
    EXPECT_TRUE(Has(m.encodings, Encoding::kPlain));
    const PageType data = version == 2 ? PageType::kDataPageV2 : PageType::kDataPage;
    int32_t dict_pages = 0, plain_pages = 0;
    for (const auto& s : m.encoding_stats) {
      if (s.page_type == data && s.encoding == Encoding::kRleDictionary) dict_pages += s.count;
      if (s.page_type == data && s.encoding == Encoding::kPlain) plain_pages += s.count;
    }
    EXPECT_GE(dict_pages, 1);
    EXPECT_GE(plain_pages, 1);
    ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
    ExpectSameBatch(*batch, *back);
  }
}

TEST(ParquetFileWriterTest, StoredUnitsAndAnnotations) {
  // Seconds become milliseconds, time in milliseconds becomes microseconds, a named time zone
  // reads back as UTC (Parquet keeps only "adjusted to UTC"), intervals keep milliseconds.
  auto ts_s = Timestamp(TimeUnit::kSecond, "Europe/Paris");
  auto t_ms = Time64(TimeUnit::kMilli);
  auto batch = MakeBatch(
      {Field("ts", ts_s), Field("t", t_ms), Field("iv", Interval())},
      {MakeArray(ts_s, {Val(ts_s, int64_t{-2}), Nul(ts_s), Val(ts_s, int64_t{1700000000})}),
       MakeArray(t_ms, {Val(t_ms, int64_t{1}), Val(t_ms, int64_t{86399999}), Nul(t_ms)}),
       MakeArray(Interval(), {Val(Interval(), MonthDayNano{1, 2, 3999999}), Nul(Interval()),
                              Val(Interval(), MonthDayNano{0, 0, 1500000})})});
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}));
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  EXPECT_TRUE(back->schema()->field(0).type->Equals(*Timestamp(TimeUnit::kMilli, "UTC")));
  EXPECT_EQ(back->column(0)->values<int64_t>()[0], -2000);
  EXPECT_EQ(back->column(0)->values<int64_t>()[2], int64_t{1700000000} * 1000);
  EXPECT_TRUE(back->column(0)->IsNull(1));
  EXPECT_TRUE(back->schema()->field(1).type->Equals(*Time64(TimeUnit::kMicro)));
  EXPECT_EQ(back->column(1)->values<int64_t>()[1], int64_t{86399999} * 1000);
  EXPECT_EQ(back->column(2)->values<MonthDayNano>()[0], (MonthDayNano{1, 2, 3000000}));
  EXPECT_EQ(back->column(2)->values<MonthDayNano>()[2], (MonthDayNano{0, 0, 1000000}));
}

TEST(ParquetFileWriterTest, TextAnnotationHintsRoundTrip) {
  auto text = [](std::vector<std::string> values) {
    std::vector<Scalar> s;
    for (auto& v : values) s.push_back(Val(Utf8(), v));
    return MakeArray(Utf8(), s);
  };
  std::vector<Field> fields;
  for (const char* hint : {"UUID", "JSON", "ENUM"}) {
    Field f(std::string("c_") + hint, Utf8());
    f.metadata = {{kLogicalTypeKey, hint}};
    fields.push_back(f);
  }
  auto batch = MakeBatch(fields, {text({"00112233-4455-6677-8899-aabbccddeeff",
                                        "ffffffff-0000-0000-0000-000000000001"}),
                                  text({"{\"a\": 1}", "[]"}), text({"RED", "GREEN"})});
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(batch->schema(), {batch}));
  ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
  EXPECT_EQ(reader->parquet_schema().leaves()[0].physical_type, Type::kFixedLenByteArray);
  EXPECT_EQ(reader->parquet_schema().leaves()[0].conversion, LeafConversion::kUuid);
  EXPECT_EQ(reader->metadata().schema[2].logical_type.kind, LogicalTypeKind::kJson);
  EXPECT_EQ(reader->metadata().schema[3].logical_type.kind, LogicalTypeKind::kEnum);
  ASSERT_OK_AND_ASSIGN(auto back, ReadBytes(bytes));
  ExpectSameBatch(*batch, *back);
  for (int c = 0; c < 3; ++c) EXPECT_EQ(back->schema()->field(c).metadata, fields[c].metadata);
}

TEST(ParquetFileWriterTest, FieldIdsAndKeyValueMetadataArePreserved) {
  auto item_type = Int32();
  Field item("element", item_type);
  item.metadata = {{kFieldIdKey, "3"}};
  Field list("l", List(item));
  list.metadata = {{kFieldIdKey, "2"}};
  Field id("id", Int64());
  id.metadata = {{kFieldIdKey, "-7"}};
  auto schema = std::make_shared<Schema>(std::vector<Field>{id, list},
                                         std::vector<std::pair<std::string, std::string>>{
                                             {"origin", "schema"}, {"shared", "from schema"}});
  auto batch = std::make_shared<RecordBatch>(
      schema, 1,
      std::vector<ArrayPtr>{
          MakeArray(Int64(), {Val(Int64(), int64_t{1})}),
          MakeArray(List(item), {Val(List(item), std::vector<Scalar>{Val(Int32(), int64_t{5})})})});
  ParquetWriteOptions options;
  options.key_value_metadata = {{"shared", std::string("from options")}, {"flag", std::nullopt}};
  options.created_by = "test writer version 1.2.3";
  ASSERT_OK_AND_ASSIGN(std::string bytes, WriteBytes(schema, {batch}, options));
  ASSERT_OK_AND_ASSIGN(auto reader, OpenBytes(bytes));
  const FileMetaData& md = reader->metadata();
  EXPECT_EQ(md.version, 2);
  EXPECT_EQ(md.created_by, "test writer version 1.2.3");
  EXPECT_EQ(md.key_value_metadata,
            (std::vector<KeyValue>{{"origin", std::string("schema")},
                                   {"shared", std::string("from options")},
                                   {"flag", std::nullopt}}));
  EXPECT_EQ(md.column_orders, (std::vector<ColumnOrder>(2, ColumnOrder::kTypeDefinedOrder)));
  const Schema& back = *reader->schema();
  EXPECT_EQ(back.field(0).metadata, id.metadata);
  EXPECT_EQ(back.field(1).metadata, list.metadata);
  EXPECT_EQ(back.field(1).type->fields()[0].metadata, item.metadata);
}

}  // namespace
}  // namespace bundlebase::parquet
