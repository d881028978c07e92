// OpenTableFunction: read_parquet / read_csv / read_json and their aliases, named options
// mapped onto the readers, and the errors for unknown functions, options and paths.
#include <gtest/gtest.h>

#include "file_table_test_util.h"
#include "sql/catalog/file_table_functions.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT
using bundlebase::testing::ScratchDir;

std::shared_ptr<io::FileSystem> Fs() { return io::LocalFileSystem::Instance(); }

Result<TablePtr> Open(const std::string& name, const Scalar& path, NamedArguments named = {}) {
  return OpenTableFunction(name, {path}, named, Fs());
}

Scalar Bool(bool v) { return Scalar::FromBool(v); }
Scalar TextList(std::vector<std::string> items) {
  std::vector<Scalar> values;
  for (auto& item : items) values.push_back(Str(std::move(item)));
  return Scalar(List(Utf8()), std::move(values));
}

TEST(FileTableFunctionsTest, ReadParquetTakesAGlobOrAList) {
  ScratchDir dir;
  auto schema = MakeSchema({Field("v", Int64())});
  ASSERT_OK(WriteParquet(dir.Path("a.parquet"), schema, {{I64(1)}}));
  ASSERT_OK(WriteParquet(dir.Path("b.parquet"), schema, {{I64(2)}}));
  ASSERT_OK_AND_ASSIGN(auto glob, Open("READ_PARQUET", Str(dir.Path("*.parquet"))));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*glob));
  EXPECT_EQ(rows.size(), 2u);
  ASSERT_OK_AND_ASSIGN(auto list, Open("parquet_scan", TextList({dir.Path("b.parquet"),
                                                                 dir.Path("*.parquet")})));
  ASSERT_OK_AND_ASSIGN(auto list_rows, ScanAll(*list));
  ASSERT_EQ(list_rows.size(), 2u);  // b.parquet once, first
  EXPECT_EQ(list_rows[0][0], I64(2));
}

TEST(FileTableFunctionsTest, ReadCsvOptions) {
  ScratchDir dir;
  dir.WriteFile("d.csv", "title line\n1;NA;x\n2;5;y\n");
  ASSERT_OK_AND_ASSIGN(
      auto table,
      Open("read_csv", Str(dir.Path("d.csv")),
           {{"delim", Str(";")}, {"header", Bool(false)}, {"skip", I64(1)},
            {"nullstr", Str("NA")}, {"names", TextList({"a", "b", "c"})}}));
  ASSERT_EQ(table->schema()->num_fields(), 3);
  EXPECT_EQ(table->schema()->field(1).name, "b");
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table, {1, 2}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0][0].is_null());
  EXPECT_EQ(rows[1][1], Str("y"));

  ASSERT_OK_AND_ASSIGN(auto text, Open("read_csv_auto", Str(dir.Path("d.csv")),
                                       {{"skip", I64(1)}, {"header", Bool(false)},
                                        {"sep", Str(";")}, {"all_varchar", Bool(true)}}));
  EXPECT_EQ(text->schema()->field(0).type->id(), TypeId::kUtf8);
}

TEST(FileTableFunctionsTest, ReadCsvColumnTypesByTypeName) {
  ScratchDir dir;
  dir.WriteFile("t.csv", "id,amount\n1,2.50\n");
  auto types = Scalar(Struct({Field("amount", Utf8()), Field("id", Utf8())}),
                      std::vector<Scalar>{Str("NUMERIC(10, 2)"), Str("SMALLINT")});
  ASSERT_OK_AND_ASSIGN(auto table, Open("read_csv", Str(dir.Path("t.csv")), {{"types", types}}));
  EXPECT_TRUE(table->schema()->field(0).type->Equals(*Int16()));
  EXPECT_TRUE(table->schema()->field(1).type->Equals(*Decimal128(10, 2)));
  auto bad = Scalar(Struct({Field("id", Utf8())}), std::vector<Scalar>{Str("NOT A TYPE")});
  EXPECT_FALSE(Open("read_csv", Str(dir.Path("t.csv")), {{"types", bad}}).ok());
}

TEST(FileTableFunctionsTest, ReadJsonFormatsAndRecordPath) {
  ScratchDir dir;
  dir.WriteFile("doc.json", "{\"data\": {\"items\": [{\"k\": 1}, {\"k\": 2}]}}");
  ASSERT_OK_AND_ASSIGN(auto nested, Open("read_json", Str(dir.Path("doc.json")),
                                         {{"json_record_path", Str("data.items")}}));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*nested));
  EXPECT_EQ(rows.size(), 2u);

  dir.WriteFile("lines.ndjson", "{\"k\": 1}\n{\"k\": 2}\n{\"k\": 3}\n");
  ASSERT_OK_AND_ASSIGN(auto lines, Open("read_ndjson", Str(dir.Path("*.ndjson"))));
  ASSERT_OK_AND_ASSIGN(auto line_rows, ScanAll(*lines));
  EXPECT_EQ(line_rows.size(), 3u);

  dir.WriteFile("arr.json", "[{\"k\": 1}]");
  ASSERT_OK_AND_ASSIGN(auto array, Open("read_json_auto", Str(dir.Path("arr.json")),
                                        {{"format", Str("array")}, {"records", Str("auto")}}));
  ASSERT_OK_AND_ASSIGN(auto array_rows, ScanAll(*array));
  EXPECT_EQ(array_rows.size(), 1u);
  // An array file read as JSON lines is an error.
  EXPECT_FALSE(Open("read_json", Str(dir.Path("arr.json")),
                    {{"format", Str("newline_delimited")}}).ok());
  auto records = Open("read_json", Str(dir.Path("arr.json")), {{"records", Bool(false)}});
  EXPECT_EQ(records.status().code(), StatusCode::kNotImplemented);
}

TEST(FileTableFunctionsTest, ErrorsListWhatIsValid) {
  ScratchDir dir;
  dir.WriteFile("a.csv", "x\n1\n");
  auto function = Open("read_xml", Str(dir.Path("a.csv")));
  ASSERT_FALSE(function.ok());
  EXPECT_TRUE(function.status().IsKeyError());
  EXPECT_NE(function.status().message().find("read_csv"), std::string::npos);

  auto option = Open("read_csv", Str(dir.Path("a.csv")), {{"delimitr", Str(",")}});
  ASSERT_FALSE(option.ok());
  EXPECT_NE(option.status().message().find("delimitr"), std::string::npos);
  EXPECT_NE(option.status().message().find("delimiter"), std::string::npos);

  auto json_option = Open("read_json", Str(dir.Path("a.csv")), {{"header", Bool(true)}});
  ASSERT_FALSE(json_option.ok());
  EXPECT_NE(json_option.status().message().find("json_record_path"), std::string::npos);

  auto parquet_option = Open("read_parquet", Str(dir.Path("a.csv")), {{"x", Bool(true)}});
  EXPECT_TRUE(parquet_option.status().IsKeyError());

  auto kind = Open("read_csv", Str(dir.Path("a.csv")), {{"header", I64(3)}});
  ASSERT_FALSE(kind.ok());
  EXPECT_NE(kind.status().message().find("header"), std::string::npos);

  auto glob = Open("read_csv", Str(dir.Path("*.tsv")));
  ASSERT_FALSE(glob.ok());
  EXPECT_TRUE(glob.status().IsNotFound());
  EXPECT_NE(glob.status().message().find("*.tsv"), std::string::npos);

  EXPECT_FALSE(OpenTableFunction("read_csv", {}, {}, Fs()).ok());
  EXPECT_TRUE(Open("read_csv", I64(1)).status().IsTypeError());
}

}  // namespace
}  // namespace bundlebase::sql
