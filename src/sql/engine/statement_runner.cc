// StatementRunner: queries and EXPLAIN; the table statements are in table_statements.cc.
#include "sql/engine/statement_runner.h"

#include "columnar/builder.h"
#include "sql/binder/binder.h"
#include "sql/execution/executor.h"
#include "sql/planner/optimizer.h"
#include "sql/planner/physical_planner.h"

namespace bundlebase::sql {

QueryResult CommandResult(std::string tag) {
  QueryResult r;
  r.schema = MakeSchema({});
  r.command_tag = std::move(tag);
  return r;
}

Result<QueryResult> SqlEngine::StatementRunner::Run(const Statement& statement) {
  statement_time_us_ = CurrentTimeMicros();
  switch (statement.kind) {
    case StatementKind::kSelect:
      return RunQuery(*statement.As<SelectStatement>().query, statement.text);
    case StatementKind::kExplain:
      return RunExplain(statement.As<ExplainStatement>());
    case StatementKind::kCreateTable:
      return RunCreateTable(statement.As<CreateTableStatement>());
    case StatementKind::kCreateView:
      return RunCreateView(statement.As<CreateViewStatement>());
    case StatementKind::kInsert:
      return RunInsert(statement.As<InsertStatement>());
    case StatementKind::kDrop:
      return RunDrop(statement.As<DropStatement>());
    case StatementKind::kCopy:
      return RunCopy(statement.As<CopyStatement>());
    case StatementKind::kDelete:
    case StatementKind::kUpdate:
      return Status::NotImplemented(
          "DELETE and UPDATE are not supported on the engine's tables; bundles apply them as "
          "rules");
  }
  return Status::Internal("unknown statement kind");
}

Result<LogicalPtr> SqlEngine::StatementRunner::Plan(const QueryNode& query, const std::string& sql) {
  BindOptions bind_options;
  bind_options.parameters = options_.parameters;
  bind_options.statement_time_us = statement_time_us_;
  bind_options.table_functions = MakeTableFunctionResolver(engine_.options().file_system);
  Binder binder(catalog_, FunctionRegistry::Default(), sql, std::move(bind_options));
  BB_ASSIGN_OR_RAISE(LogicalPtr plan, binder.BindQuery(query));
  return Optimize(std::move(plan));
}

Result<std::vector<RecordBatchPtr>> SqlEngine::StatementRunner::ExecuteLogical(
    const LogicalOperator& plan, std::string* explain_analyze) {
  BB_ASSIGN_OR_RAISE(PhysicalOperatorPtr physical, CreatePhysicalPlan(plan));
  ExecutionOptions exec = engine_.options().execution;
  exec.profile = explain_analyze != nullptr;
  ExecutionContext ctx(exec);
  BB_ASSIGN_OR_RAISE(auto batches, ExecutePlan(*physical, ctx));
  if (explain_analyze) *explain_analyze = FormatPhysicalPlan(*physical, true);
  return batches;
}

Result<QueryResult> SqlEngine::StatementRunner::RunQuery(const QueryNode& query,
                                                         const std::string& sql) {
  BB_ASSIGN_OR_RAISE(LogicalPtr plan, Plan(query, sql));
  QueryResult result;
  result.schema = plan->OutputSchema();
  BB_ASSIGN_OR_RAISE(result.batches, ExecuteLogical(*plan));
  result.command_tag = "SELECT " + std::to_string(result.num_rows());
  return result;
}

Result<QueryResult> SqlEngine::StatementRunner::RunExplain(const ExplainStatement& explain) {
  if (explain.statement->kind != StatementKind::kSelect) {
    return Status::NotImplemented("EXPLAIN is supported for queries only");
  }
  BB_ASSIGN_OR_RAISE(LogicalPtr plan,
                     Plan(*explain.statement->As<SelectStatement>().query, explain.text));
  std::string text;
  if (explain.analyze) {
    BB_RETURN_NOT_OK(ExecuteLogical(*plan, &text).status());
  } else {
    BB_ASSIGN_OR_RAISE(PhysicalOperatorPtr physical, CreatePhysicalPlan(*plan));
    text = FormatPhysicalPlan(*physical, false);
  }
  BinaryBuilder lines(Utf8());
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    BB_RETURN_NOT_OK(lines.Append(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  QueryResult result;
  result.schema = MakeSchema({Field("QUERY PLAN", Utf8())});
  BB_ASSIGN_OR_RAISE(ArrayPtr column, lines.Finish());
  int64_t n = column->length();
  result.batches.push_back(std::make_shared<RecordBatch>(result.schema, n,
                                                         std::vector<ArrayPtr>{column}));
  result.command_tag = "EXPLAIN";
  return result;
}

}  // namespace bundlebase::sql
