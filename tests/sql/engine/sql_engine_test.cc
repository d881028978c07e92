// SqlEngine end to end through its file front doors: read_csv with named options, COPY to
// Parquet and reading it back with read_parquet, EXPLAIN, and errors that leave tables intact.
#include <gtest/gtest.h>

#include "sql/engine/sql_engine.h"
#include "test_util.h"

namespace bundlebase::sql {
namespace {

using testing::ScratchDir;

int64_t SingleInt(const QueryResult& r) {
  EXPECT_EQ(r.num_rows(), 1);
  const Array& a = *r.batches.at(0)->column(0);
  return a.type_id() == TypeId::kInt32 ? a.values<int32_t>()[0] : a.values<int64_t>()[0];
}

TEST(SqlEngineTest, ReadCsvWithNamedOptions) {
  ScratchDir dir;
  std::string path = dir.WriteFile("events.csv", "id;region\n1;EU\n2;US\n3;EU\n");
  SqlEngine engine;
  ASSERT_OK_AND_ASSIGN(auto result,
                       engine.Execute("SELECT count(*) FROM read_csv('" + path +
                                      "', delim => ';') WHERE region = 'EU'"));
  EXPECT_EQ(SingleInt(result), 2);
  auto positional_only = engine.Execute("SELECT * FROM read_csv('" + path + "') WHERE x = 1");
  EXPECT_FALSE(positional_only.ok());
  auto misplaced = engine.Execute("SELECT lower(s => 'x')");
  ASSERT_FALSE(misplaced.ok());
  EXPECT_NE(misplaced.status().message().find("table functions"), std::string::npos);
}

TEST(SqlEngineTest, CopyToParquetAndReadBack) {
  ScratchDir dir;
  SqlEngine engine;
  ASSERT_OK(engine.Execute("CREATE TABLE t (id INTEGER, amount NUMERIC(10, 2))").status());
  ASSERT_OK(engine.Execute("INSERT INTO t VALUES (1, 10.50), (2, NULL), (3, 7.25)").status());
  const std::string file = dir.Path("t.parquet");
  ASSERT_OK_AND_ASSIGN(auto copied,
                       engine.Execute("COPY (SELECT * FROM t WHERE id > 1) TO '" + file +
                                      "' (FORMAT parquet)"));
  EXPECT_EQ(copied.command_tag, "COPY 2");
  ASSERT_OK_AND_ASSIGN(auto back, engine.Execute("SELECT sum(id) FROM read_parquet('" + file + "')"));
  EXPECT_EQ(SingleInt(back), 5);
  ASSERT_OK_AND_ASSIGN(auto plan, engine.Execute("EXPLAIN SELECT id FROM read_parquet('" + file +
                                                 "') WHERE id = 3"));
  std::string text;
  for (int64_t i = 0; i < plan.num_rows(); ++i) {
    text += std::string(plan.batches[0]->column(0)->GetView(i)) + "\n";
  }
  EXPECT_NE(text.find("TABLE_SCAN"), std::string::npos) << text;
  EXPECT_NE(text.find("pruning on"), std::string::npos) << text;
}

TEST(SqlEngineTest, FailedInsertChangesNothing) {
  SqlEngine engine;
  ASSERT_OK(engine.Execute("CREATE TABLE t (id INTEGER NOT NULL)").status());
  ASSERT_OK(engine.Execute("INSERT INTO t VALUES (1)").status());
  auto bad = engine.Execute("INSERT INTO t VALUES (2), (NULL)");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not-null"), std::string::npos);
  ASSERT_OK_AND_ASSIGN(auto count, engine.Execute("SELECT count(*) FROM t"));
  EXPECT_EQ(SingleInt(count), 1);
}

}  // namespace
}  // namespace bundlebase::sql
