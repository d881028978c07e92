// Binder: queries (WITH, ORDER BY / LIMIT on set operations), VALUES lists and standalone
// expressions. SELECT blocks are in select_binder.cc, FROM clauses in from_binder.cc.
#include "sql/binder/binder.h"

#include "base/strings.h"
#include "sql/binder/expression_binder.h"
#include "sql/binder/query_modifiers.h"
#include "columnar/cast.h"
#include "sql/catalog/memory_table.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {

Binder::Binder(const Catalog& catalog, const FunctionRegistry& registry, std::string_view sql,
               BindOptions options)
    : catalog_(catalog), registry_(registry), sql_(sql), options_(std::move(options)) {}

Result<LogicalPtr> Binder::BindQuery(const QueryNode& query) { return BindQueryNode(query, nullptr); }

Result<LogicalPtr> Binder::BindQueryNode(const QueryNode& query, const BindScope* outer) {
  bool pushed = false;
  if (query.with) {
    if (query.with->recursive) {
      return Status::NotImplemented("WITH RECURSIVE is not supported{}", Position(query.location));
    }
    cte_frames_.emplace_back();
    pushed = true;
    for (const auto& cte : query.with->ctes) cte_frames_.back()[cte.name.name] = &cte;
  }
  Result<LogicalPtr> plan = [&]() -> Result<LogicalPtr> {
    switch (query.kind) {
      case QueryKind::kSelect:
        return BindSelect(query.As<SelectNode>(), outer);
      case QueryKind::kValues: {
        BB_ASSIGN_OR_RAISE(LogicalPtr values, BindValues(query.As<ValuesNode>()));
        return ApplyOutputModifiers(*this, query, std::move(values));
      }
      case QueryKind::kSetOperation: {
        BB_ASSIGN_OR_RAISE(LogicalPtr set, BindSetOperation(query.As<SetOperationNode>(), outer));
        return ApplyOutputModifiers(*this, query, std::move(set));
      }
    }
    return Status::Internal("unknown query kind");
  }();
  if (pushed) cte_frames_.pop_back();
  return plan;
}

const CommonTableExpr* Binder::FindCte(const Identifier& name) const {
  for (auto frame = cte_frames_.rbegin(); frame != cte_frames_.rend(); ++frame) {
    for (const auto& [stored, cte] : *frame) {
      if (name.Matches(stored)) return cte;
    }
  }
  return nullptr;
}

Result<LogicalPtr> Binder::BindValues(const ValuesNode& values) {
  BindScope empty;
  ExpressionBinder binder(*this, empty);
  const size_t width = values.rows.empty() ? 0 : values.rows[0].size();
  std::vector<std::vector<ExprPtr>> columns(width);
  for (const auto& row : values.rows) {
    if (row.size() != width) {
      return Status::Invalid("VALUES lists must all be the same length{}",
                             Position(row.empty() ? values.location : row[0]->location));
    }
    for (size_t c = 0; c < width; ++c) {
      BB_ASSIGN_OR_RAISE(ExprPtr e, binder.Bind(*row[c]));
      columns[c].push_back(std::move(e));
    }
  }
  std::vector<Field> fields;
  std::vector<ArrayPtr> arrays;
  for (size_t c = 0; c < width; ++c) {
    BB_ASSIGN_OR_RAISE(columns[c], binder.CastToCommonType(std::move(columns[c]), "VALUES",
                                                           values.location));
    DataTypePtr type = columns[c][0]->type;
    if (type->id() == TypeId::kNull) type = Utf8();
    std::vector<Scalar> cells;
    for (const auto& e : columns[c]) {
      BB_ASSIGN_OR_RAISE(Scalar v, EvaluateConstant(*e, options_.statement_time_us));
      if (v.is_null() && !v.type()->Equals(*type)) v = Scalar::MakeNull(type);
      if (!v.type()->Equals(*type)) {
        BB_ASSIGN_OR_RAISE(v, CastScalar(v, type));
      }
      cells.push_back(std::move(v));
    }
    BB_ASSIGN_OR_RAISE(ArrayPtr array, MakeArrayFromScalars(type, cells));
    arrays.push_back(std::move(array));
    fields.emplace_back("column" + std::to_string(c + 1), type);
  }
  auto schema = MakeSchema(fields);
  auto batch = std::make_shared<RecordBatch>(schema, static_cast<int64_t>(values.rows.size()),
                                             std::move(arrays));
  auto table = std::make_shared<MemoryTable>(schema, std::vector<RecordBatchPtr>{batch});
  BindScope scratch;
  return ScanOf(table, "VALUES", "values", {}, &scratch);
}

Result<ExprPtr> Binder::BindStandaloneExpression(const ParsedExpr& expr, const Schema& schema) {
  BindScope scope;
  TableBinding table;
  for (int i = 0; i < schema.num_fields(); ++i) {
    table.columns.push_back({static_cast<ColumnId>(i), schema.field(i).name, schema.field(i).type});
  }
  scope.AddTable(std::move(table));
  next_column_id_ = std::max<ColumnId>(next_column_id_, schema.num_fields());
  ExpressionBinder binder(*this, scope);
  BB_ASSIGN_OR_RAISE(ExprPtr bound, binder.Bind(expr));
  return FoldConstants(bound, options_.statement_time_us);
}

}  // namespace bundlebase::sql
