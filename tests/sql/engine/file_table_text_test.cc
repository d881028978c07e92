// CsvTable and JsonTable: globs of files whose columns differ in order, case, presence and
// inferred type, projections, and the errors for files that do not fit together.
#include <gtest/gtest.h>

#include "file_table_test_util.h"
#include "sql/catalog/file_text_tables.h"

namespace bundlebase::sql {
namespace {

using namespace testing;  // NOLINT
using bundlebase::testing::ScratchDir;

std::shared_ptr<io::FileSystem> Fs() { return io::LocalFileSystem::Instance(); }

TEST(CsvTableTest, SecondFileReadWithTheFirstFilesTypesByName) {
  ScratchDir dir;
  std::string a = dir.WriteFile("a.csv", "id,zip,amount\n1,01234,2.5\n2,98765,3\n");
  // Other order and case, no "amount", an extra column; zip looks numeric here but the table
  // made it text from the first file... and id stays an integer.
  std::string b = dir.WriteFile("b.csv", "extra,ZIP,Id\nx,12345,3\n");
  ASSERT_OK_AND_ASSIGN(auto table, CsvTable::Open(Fs(), {a, b}));
  ASSERT_EQ(table->schema()->num_fields(), 3);
  const DataTypePtr zip_type = table->schema()->field(1).type;
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table, {2, 0, 1}));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[2][0].is_null());
  EXPECT_EQ(rows[2][0].type()->id(), table->schema()->field(2).type->id());
  EXPECT_EQ(rows[2][1], rows[2][1].type()->Equals(*Int64()) ? I64(3) : Scalar(Int32(), int64_t{3}));
  EXPECT_TRUE(rows[2][2].type()->Equals(*zip_type));
  if (zip_type->id() == TypeId::kUtf8) {
    EXPECT_EQ(rows[0][2], Str("01234"));
    EXPECT_EQ(rows[2][2], Str("12345"));
  }
}

TEST(CsvTableTest, CountOnlyScanAndValuesThatDoNotParseNameTheFile) {
  ScratchDir dir;
  std::string a = dir.WriteFile("a.csv", "n\n1\n2\n");
  std::string b = dir.WriteFile("b.csv", "other\nq\nr\ns\n");
  ASSERT_OK_AND_ASSIGN(auto table, CsvTable::Open(Fs(), {a, b}));
  ASSERT_OK_AND_ASSIGN(auto scan, table->Scan(ScanRequest{}));
  EXPECT_EQ(scan->num_partitions(), 2);
  ASSERT_OK_AND_ASSIGN(auto rows, ScanRows(*scan));
  EXPECT_EQ(rows.size(), 5u);

  std::string c = dir.WriteFile("c.csv", "n\nnot a number\n");
  ASSERT_OK_AND_ASSIGN(auto bad, CsvTable::Open(Fs(), {a, c}));
  auto result = ScanAll(*bad);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("c.csv"), std::string::npos)
      << result.status().ToString();
}

TEST(JsonTableTest, LinesAndArrayFilesUnifiedByName) {
  ScratchDir dir;
  std::string a = dir.WriteFile("a.jsonl", "{\"id\": 1.5, \"name\": \"x\", \"tag\": \"t\"}\n"
                                           "{\"id\": 2, \"name\": null, \"tag\": \"u\"}\n");
  std::string b = dir.WriteFile("b.json", "[{\"ID\": 3, \"Name\": \"z\"}]");
  json::JsonReadOptions options;
  ASSERT_OK_AND_ASSIGN(auto table, JsonTable::Open(Fs(), {a, b}, options));
  ASSERT_EQ(table->schema()->num_fields(), 3);
  EXPECT_EQ(table->schema()->field(0).type->id(), TypeId::kFloat64);
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table, {1, 0, 2}));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2][0], Str("z"));
  EXPECT_EQ(rows[2][1], F64(3));  // an integer file widened to the table's float64
  EXPECT_TRUE(rows[2][2].is_null());
  EXPECT_EQ(rows[0][1], F64(1.5));
}

TEST(JsonTableTest, PrettyPrintedObjectIsOneDocument) {
  ScratchDir dir;
  std::string a = dir.WriteFile("a.json", "{\n  \"id\": 7,\n  \"ok\": true\n}\n");
  ASSERT_OK_AND_ASSIGN(auto table, JsonTable::Open(Fs(), {a}));
  ASSERT_OK_AND_ASSIGN(auto rows, ScanAll(*table));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], I64(7));
}

TEST(JsonTableTest, IncompatibleTypesNameBothFiles) {
  ScratchDir dir;
  std::string a = dir.WriteFile("a.jsonl", "{\"v\": 1}\n");
  std::string b = dir.WriteFile("b.jsonl", "{\"v\": {\"nested\": true}}\n");
  ASSERT_OK_AND_ASSIGN(auto table, JsonTable::Open(Fs(), {a, b}));
  auto rows = ScanAll(*table);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("a.jsonl"), std::string::npos);
  EXPECT_NE(rows.status().message().find("b.jsonl"), std::string::npos);
}

TEST(JsonTableTest, BrokenFileIsAnErrorNamingIt) {
  ScratchDir dir;
  std::string a = dir.WriteFile("a.jsonl", "{\"v\": 1}\n{\"v\": \n");
  auto table = JsonTable::Open(Fs(), {a});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("a.jsonl"), std::string::npos)
      << table.status().ToString();
}

}  // namespace
}  // namespace bundlebase::sql
