// StatementRunner: runs one parsed statement for the SqlEngine.
#pragma once

#include "sql/binder/binder.h"
#include "sql/engine/sql_engine.h"
#include "sql/parser/ast.h"
#include "sql/planner/logical_plan.h"

namespace bundlebase::sql {

class SqlEngine::StatementRunner {
 public:
  StatementRunner(SqlEngine& engine, SimpleCatalog& local, const Catalog& catalog,
                  const QueryOptions& options)
      : engine_(engine), local_(local), catalog_(catalog), options_(options) {}

  Result<QueryResult> Run(const Statement& statement);

 private:
  Result<LogicalPtr> Plan(const QueryNode& query, const std::string& sql);
  Result<QueryResult> RunQuery(const QueryNode& query, const std::string& sql);
  Result<QueryResult> RunExplain(const ExplainStatement& explain);
  Result<QueryResult> RunCreateTable(const CreateTableStatement& create);
  Result<QueryResult> RunCreateView(const CreateViewStatement& create);
  Result<QueryResult> RunInsert(const InsertStatement& insert);
  Result<QueryResult> RunDrop(const DropStatement& drop);
  Result<QueryResult> RunCopy(const CopyStatement& copy);
  Result<std::vector<RecordBatchPtr>> ExecuteLogical(const LogicalOperator& plan,
                                                     std::string* explain_analyze = nullptr);

  SqlEngine& engine_;
  SimpleCatalog& local_;
  const Catalog& catalog_;
  const QueryOptions& options_;
  int64_t statement_time_us_ = 0;
};

// read_parquet / read_csv / read_json over `fs`.
TableFunctionResolver MakeTableFunctionResolver(std::shared_ptr<io::FileSystem> fs);

// A result with no rows and only a command tag ("CREATE TABLE").
QueryResult CommandResult(std::string tag);

}  // namespace bundlebase::sql
