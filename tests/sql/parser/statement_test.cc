// Each supported statement parses into its node; every other statement is a clear
// NotImplemented error naming it.
#include "parser_test_util.h"

namespace bundlebase::sql::testing {
namespace {

template <typename T>
std::unique_ptr<T> ParseAs(std::string_view sql) {
  StatementPtr statement = ParseOne(sql);
  if (!statement) return nullptr;
  EXPECT_EQ(statement->kind, T::kKind) << sql;
  if (statement->kind != T::kKind) return nullptr;
  return std::unique_ptr<T>(static_cast<T*>(statement.release()));
}

TEST(StatementTest, SeveralStatementsKeepTheirText) {
  ASSERT_OK_AND_ASSIGN(auto statements,
                       ParseStatements("SELECT 1;\n  SELECT\n  bad_col FROM t ;  ; SELECT 3"));
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0]->text, "SELECT 1");
  EXPECT_EQ(statements[0]->offset, 0);
  EXPECT_EQ(statements[1]->text, "SELECT\n  bad_col FROM t");
  EXPECT_EQ(statements[1]->offset, 12);
  // Locations are relative to the statement's own text.
  const auto& select = statements[1]->As<SelectStatement>().query->As<SelectNode>();
  EXPECT_EQ(select.select_list[0].expr->location, 9);
  EXPECT_EQ(statements[2]->text, "SELECT 3");
  ASSERT_OK_AND_ASSIGN(auto none, ParseStatements("  -- nothing\n"));
  EXPECT_TRUE(none.empty());
}

TEST(StatementTest, Insert) {
  auto values = ParseAs<InsertStatement>("INSERT INTO s.T (a, \"B\") VALUES (1, 'x'), (2, 'y')");
  ASSERT_TRUE(values);
  ASSERT_EQ(values->table.size(), 2u);
  EXPECT_EQ(values->table[1].name, "T");
  ASSERT_EQ(values->columns.size(), 2u);
  EXPECT_EQ(values->columns[1].name, "B");
  EXPECT_TRUE(values->columns[1].quoted);
  EXPECT_EQ(values->source->kind, QueryKind::kValues);
  auto query = ParseAs<InsertStatement>("INSERT INTO t SELECT * FROM u");
  EXPECT_TRUE(query->columns.empty());
  EXPECT_EQ(query->source->kind, QueryKind::kSelect);
}

TEST(StatementTest, CreateTable) {
  auto create = ParseAs<CreateTableStatement>(
      "CREATE TABLE IF NOT EXISTS Sales (Id int NOT NULL, name varchar(20), price "
      "numeric(10,2) NULL)");
  ASSERT_TRUE(create);
  EXPECT_TRUE(create->if_not_exists);
  EXPECT_EQ(create->name[0].name, "Sales");
  ASSERT_EQ(create->columns.size(), 3u);
  EXPECT_EQ(create->columns[0].name.name, "Id");
  EXPECT_TRUE(create->columns[0].not_null);
  EXPECT_EQ(create->columns[0].type.ToString(), "INTEGER");
  EXPECT_EQ(create->columns[1].type.ToString(), "VARCHAR(20)");
  EXPECT_FALSE(create->columns[2].not_null);
  EXPECT_EQ(create->as_query, nullptr);

  auto as = ParseAs<CreateTableStatement>("CREATE TABLE x (a, B) AS SELECT 1, 2");
  ASSERT_TRUE(as);
  ASSERT_NE(as->as_query, nullptr);
  ASSERT_EQ(as->column_names.size(), 2u);
  EXPECT_EQ(as->column_names[1].name, "B");

  auto constraint = ParseStatements("CREATE TABLE t (a int PRIMARY KEY)");
  EXPECT_EQ(constraint.status().code(), StatusCode::kNotImplemented);
  EXPECT_NE(constraint.status().message().find("PRIMARY"), std::string::npos);
}

TEST(StatementTest, CreateView) {
  auto view = ParseAs<CreateViewStatement>("CREATE OR REPLACE VIEW v (a, b) AS SELECT 1, 2");
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->or_replace);
  EXPECT_EQ(view->column_names.size(), 2u);
  EXPECT_EQ(view->query->ToString(), "SELECT 1, 2");
  EXPECT_FALSE(ParseAs<CreateViewStatement>("CREATE VIEW v AS SELECT 1")->or_replace);
}

TEST(StatementTest, Drop) {
  auto drop = ParseAs<DropStatement>("DROP TABLE IF EXISTS a, Sch.\"Tbl\" CASCADE");
  ASSERT_TRUE(drop);
  EXPECT_EQ(drop->object_type, DropObjectType::kTable);
  EXPECT_TRUE(drop->if_exists);
  EXPECT_TRUE(drop->cascade);
  ASSERT_EQ(drop->names.size(), 2u);
  EXPECT_EQ(QualifiedNameToString(drop->names[1]), "Sch.\"Tbl\"");
  auto view = ParseAs<DropStatement>("DROP VIEW v");
  EXPECT_EQ(view->object_type, DropObjectType::kView);
  EXPECT_FALSE(view->if_exists);
  auto index = ParseStatements("DROP INDEX i");
  EXPECT_EQ(index.status().code(), StatusCode::kNotImplemented);
  EXPECT_NE(index.status().message().find("DROP INDEX"), std::string::npos);
}

TEST(StatementTest, Explain) {
  auto analyze = ParseAs<ExplainStatement>("EXPLAIN ANALYZE SELECT 1");
  ASSERT_TRUE(analyze);
  EXPECT_TRUE(analyze->analyze);
  EXPECT_EQ(analyze->statement->kind, StatementKind::kSelect);
  EXPECT_FALSE(ParseAs<ExplainStatement>("EXPLAIN SELECT 1")->analyze);
  auto options = ParseAs<ExplainStatement>("EXPLAIN (ANALYZE false, VERBOSE) DELETE FROM t");
  EXPECT_FALSE(options->analyze);
  EXPECT_TRUE(options->verbose);
  EXPECT_EQ(options->statement->kind, StatementKind::kDelete);
}

TEST(StatementTest, Copy) {
  auto query = ParseAs<CopyStatement>(
      "COPY (SELECT * FROM t) TO 'out.parquet' (FORMAT parquet, COMPRESSION zstd, HEADER true, "
      "ROW_GROUP_SIZE 1000, FORCE_QUOTE (a, b), FREEZE)");
  ASSERT_TRUE(query);
  ASSERT_NE(query->query, nullptr);
  EXPECT_FALSE(query->is_from);
  EXPECT_EQ(query->path, "out.parquet");
  ASSERT_EQ(query->options.size(), 6u);
  EXPECT_EQ(query->options[0].name, "format");
  EXPECT_EQ(query->options[0].values[0]->text, "parquet");
  EXPECT_EQ(query->options[2].values[0]->text, "true");
  EXPECT_EQ(query->options[3].values[0]->constant_kind, ConstantKind::kInteger);
  EXPECT_EQ(query->options[3].values[0]->integer, 1000);
  EXPECT_EQ(query->options[4].values.size(), 2u);
  EXPECT_TRUE(query->options[5].values.empty());

  auto table = ParseAs<CopyStatement>("COPY Sales (a, b) FROM 'in.csv' WITH (HEADER)");
  ASSERT_TRUE(table);
  EXPECT_TRUE(table->is_from);
  EXPECT_EQ(table->table[0].name, "Sales");
  EXPECT_EQ(table->columns.size(), 2u);
  auto stdout_copy = ParseStatements("COPY t TO STDOUT");
  EXPECT_EQ(stdout_copy.status().code(), StatusCode::kNotImplemented);
}

TEST(StatementTest, DeleteAndUpdate) {
  auto del = ParseAs<DeleteStatement>("DELETE FROM Events e WHERE e.ts < '2020-01-01'");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->table[0].name, "Events");
  EXPECT_EQ(del->alias->name, "e");
  EXPECT_EQ(del->where->ToString(), "(e.ts < '2020-01-01')");
  EXPECT_EQ(ParseAs<DeleteStatement>("DELETE FROM t")->where, nullptr);

  auto update = ParseAs<UpdateStatement>("UPDATE t SET Price = price * 2, \"Note\" = 'x' WHERE id = 1");
  ASSERT_TRUE(update);
  ASSERT_EQ(update->assignments.size(), 2u);
  EXPECT_EQ(update->assignments[0].column.name, "Price");
  EXPECT_EQ(update->assignments[0].value->ToString(), "(price * 2)");
  EXPECT_TRUE(update->assignments[1].column.quoted);
  EXPECT_EQ(update->where->ToString(), "(id = 1)");
}

TEST(StatementTest, UnsupportedStatementsNameThemselves) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"CREATE INDEX i ON t (a)", "CREATE INDEX is not supported"},
      {"ALTER TABLE t ADD COLUMN b int", "ALTER TABLE is not supported"},
      {"BEGIN", "Transaction control"},
      {"SET search_path = x", "SET is not supported"},
      {"TRUNCATE t", "TRUNCATE is not supported"},
      {"CREATE MATERIALIZED VIEW m AS SELECT 1", "CREATE MATERIALIZED VIEW is not supported"},
      {"INSERT INTO t VALUES (1) RETURNING *", "RETURNING"},
      {"UPDATE t SET a = 1 FROM u", "UPDATE ... FROM"},
  };
  for (const auto& [sql, message] : cases) {
    auto result = ParseStatements(sql);
    ASSERT_FALSE(result.ok()) << sql;
    EXPECT_EQ(result.status().code(), StatusCode::kNotImplemented) << sql;
    EXPECT_NE(result.status().message().find(message), std::string::npos)
        << sql << " -> " << result.status().message();
  }
}

}  // namespace
}  // namespace bundlebase::sql::testing
