// Binding the FROM clause: tables from the catalog, CTEs, views, table functions, subqueries and
// joins (ON, USING, NATURAL, CROSS). Each adds its columns to the scope under its alias.
#include "base/strings.h"
#include "sql/binder/binder.h"
#include "sql/binder/expression_binder.h"
#include "sql/catalog/memory_table.h"
#include "sql/parser/parser.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {
namespace {

// One row, no columns: the input of a SELECT without FROM.
LogicalPtr MakeSingleRowSource() {
  auto get = std::make_unique<LogicalOperator>(LogicalKind::kGet);
  auto schema = MakeSchema({});
  auto batch = std::make_shared<RecordBatch>(schema, 1, std::vector<ArrayPtr>{});
  get->table = std::make_shared<MemoryTable>(schema, std::vector<RecordBatchPtr>{batch});
  get->table_label = "(no FROM)";
  return get;
}

}  // namespace

Status Binder::AddBinding(const LogicalOperator& plan, const std::string& alias,
                          const std::vector<Identifier>& column_aliases, BindScope* scope) {
  if (column_aliases.size() > plan.output_ids.size()) {
    return Status::Invalid("table \"{}\" has {} columns available but {} columns specified",
                           alias, plan.output_ids.size(), column_aliases.size());
  }
  TableBinding table;
  table.alias = alias;
  for (size_t i = 0; i < plan.output_ids.size(); ++i) {
    std::string name = i < column_aliases.size() ? column_aliases[i].name
                                                 : plan.output_fields[i].name;
    table.columns.push_back({plan.output_ids[i], std::move(name), plan.output_fields[i].type});
  }
  scope->AddTable(std::move(table));
  return Status::OK();
}

Result<LogicalPtr> Binder::ScanOf(TablePtr table, const std::string& label,
                                  const std::string& alias,
                                  const std::vector<Identifier>& column_aliases, BindScope* scope) {
  auto get = std::make_unique<LogicalOperator>(LogicalKind::kGet);
  SchemaPtr schema = table->schema();
  for (int i = 0; i < schema->num_fields(); ++i) {
    get->table_columns.push_back(i);
    get->output_ids.push_back(NewColumnId());
    get->output_fields.push_back(schema->field(i));
  }
  TableStatistics stats = table->Statistics();
  if (stats.row_count) get->estimated_rows = *stats.row_count;
  get->table = std::move(table);
  get->table_label = label;
  BB_RETURN_NOT_OK(AddBinding(*get, alias, column_aliases, scope));
  return get;
}

Result<LogicalPtr> Binder::BindFrom(const std::vector<TableRefPtr>& from, BindScope* scope) {
  if (from.empty()) return MakeSingleRowSource();
  LogicalPtr plan;
  for (const auto& ref : from) {
    BB_ASSIGN_OR_RAISE(LogicalPtr next, BindTableRef(*ref, scope));
    plan = plan ? MakeLogicalJoin(LogicalJoinType::kInner, std::move(plan), std::move(next), nullptr)
                : std::move(next);
  }
  return plan;
}

Result<LogicalPtr> Binder::BindTableRef(const TableRef& ref, BindScope* scope) {
  switch (ref.kind) {
    case TableRefKind::kBaseTable:
      return BindBaseTable(ref.As<BaseTableRef>(), scope);
    case TableRefKind::kTableFunction:
      return BindTableFunction(ref.As<TableFunctionRef>(), scope);
    case TableRefKind::kSubquery:
      return BindSubqueryRef(ref.As<SubqueryRef>(), scope);
    case TableRefKind::kJoin:
      return BindJoin(ref.As<JoinRef>(), scope);
  }
  return Status::Internal("unknown table reference");
}

Result<LogicalPtr> Binder::BindBaseTable(const BaseTableRef& ref, BindScope* scope) {
  const std::string alias = ref.alias ? ref.alias->name : ref.name.back().name;
  if (ref.name.size() == 1) {
    if (const CommonTableExpr* cte = FindCte(ref.name[0])) return BindCteReference(*cte, ref, scope);
  }
  std::vector<NamePart> parts;
  for (const auto& p : ref.name) parts.push_back({p.name, p.quoted});
  auto table = catalog_.GetTable(parts);
  if (!table.ok()) {
    if (!table.status().IsNotFound()) {
      return Status(table.status().code(), table.status().message() + Position(ref.location));
    }
    std::string hint;
    if (auto best = ClosestMatch(ref.name.back().name, catalog_.TableNames())) {
      hint = " — did you mean \"" + *best + "\"?";
    }
    return Status::NotFound("relation \"{}\" does not exist{}{}", QualifiedNameToString(ref.name),
                            hint, Position(ref.location));
  }
  TablePtr t = std::move(table).MoveValueUnsafe();
  if (auto view_sql = t->ViewDefinition()) return BindView(*view_sql, alias, ref, scope);
  return ScanOf(std::move(t), QualifiedNameToString(ref.name), alias, ref.column_aliases, scope);
}

Result<LogicalPtr> Binder::BindView(const std::string& sql, const std::string& alias,
                                    const TableRef& ref, BindScope* scope) {
  if (view_depth_ > 32) {
    return Status::Invalid("views nest more than 32 deep (a view that refers to itself?){}",
                           Position(ref.location));
  }
  BB_ASSIGN_OR_RAISE(auto statements, ParseStatements(sql));
  if (statements.size() != 1 || statements[0]->kind != StatementKind::kSelect) {
    return Status::Invalid("view \"{}\" is not defined by one query", alias);
  }
  // The view's text is its own statement: positions in its errors refer to it.
  Binder inner(catalog_, registry_, statements[0]->text, options_);
  inner.next_column_id_ = next_column_id_;
  inner.view_depth_ = view_depth_ + 1;
  BB_ASSIGN_OR_RAISE(LogicalPtr plan,
                     inner.BindQuery(*statements[0]->As<SelectStatement>().query));
  next_column_id_ = inner.next_column_id_;
  BB_RETURN_NOT_OK(AddBinding(*plan, alias, ref.column_aliases, scope));
  return plan;
}

Result<LogicalPtr> Binder::BindCteReference(const CommonTableExpr& cte, const TableRef& ref,
                                            BindScope* scope) {
  // Each reference binds the CTE's query again (it runs once per reference). Its own name is
  // not visible inside it (no recursion), so hide the frames from this CTE inward.
  auto saved = cte_frames_;
  while (!cte_frames_.empty() && !cte_frames_.back().count(cte.name.name)) cte_frames_.pop_back();
  if (!cte_frames_.empty()) {
    auto& frame = cte_frames_.back();
    std::map<std::string, const CommonTableExpr*> visible;
    for (const auto& [name, entry] : frame) {
      if (entry == &cte) break;
      visible[name] = entry;
    }
    frame = visible;
  }
  Result<LogicalPtr> plan = BindQueryNode(*cte.query, nullptr);
  cte_frames_ = std::move(saved);
  BB_RETURN_NOT_OK(plan.status());
  const std::string alias = ref.alias ? ref.alias->name : cte.name.name;
  const auto& aliases = ref.column_aliases.empty() ? cte.column_aliases : ref.column_aliases;
  BB_RETURN_NOT_OK(AddBinding(**plan, alias, aliases, scope));
  return plan;
}

Result<LogicalPtr> Binder::BindTableFunction(const TableFunctionRef& ref, BindScope* scope) {
  const std::string name = ToLower(ref.call->name.back().name);
  if (!options_.table_functions) {
    return Status::NotImplemented("table functions are not available here{}",
                                  Position(ref.location));
  }
  BindScope empty;
  ExpressionBinder binder(*this, empty);
  std::vector<Scalar> args;
  std::vector<std::pair<std::string, Scalar>> named;
  for (const auto& a : ref.call->args) {
    const bool is_named = a->kind == ExprKind::kNamedArgument;
    const ParsedExpr& value_expr = is_named ? *a->As<NamedArgumentExpr>().arg : *a;
    BB_ASSIGN_OR_RAISE(ExprPtr e, binder.Bind(value_expr));
    auto value = EvaluateConstant(*e, options_.statement_time_us);
    if (!value.ok()) {
      return Status::Invalid("arguments of {} must be constants: {}{}", name,
                             value.status().message(), Position(a->location));
    }
    if (is_named) {
      named.emplace_back(a->As<NamedArgumentExpr>().name, std::move(value).MoveValueUnsafe());
    } else {
      args.push_back(std::move(value).MoveValueUnsafe());
    }
  }
  auto table = options_.table_functions(name, args, named);
  if (!table.ok()) {
    return Status(table.status().code(), table.status().message() + Position(ref.location));
  }
  const std::string alias = ref.alias ? ref.alias->name : name;
  return ScanOf(std::move(table).MoveValueUnsafe(), ref.call->ToString(), alias,
                ref.column_aliases, scope);
}

Result<LogicalPtr> Binder::BindSubqueryRef(const SubqueryRef& ref, BindScope* scope) {
  if (ref.lateral) {
    return Status::NotImplemented("LATERAL subqueries are not supported{}", Position(ref.location));
  }
  BB_ASSIGN_OR_RAISE(LogicalPtr plan, BindQueryNode(*ref.query, nullptr));
  const std::string alias = ref.alias ? ref.alias->name : "subquery";
  BB_RETURN_NOT_OK(AddBinding(*plan, alias, ref.column_aliases, scope));
  return plan;
}

Result<LogicalPtr> Binder::BindJoin(const JoinRef& ref, BindScope* scope) {
  BindScope left_scope, right_scope;
  BB_ASSIGN_OR_RAISE(LogicalPtr left, BindTableRef(*ref.left, &left_scope));
  BB_ASSIGN_OR_RAISE(LogicalPtr right, BindTableRef(*ref.right, &right_scope));
  BindScope both;
  both.Append(left_scope);
  both.Append(right_scope);

  LogicalJoinType type = LogicalJoinType::kInner;
  switch (ref.join_type) {
    case JoinType::kLeft: type = LogicalJoinType::kLeft; break;
    case JoinType::kRight: type = LogicalJoinType::kRight; break;
    case JoinType::kFull: type = LogicalJoinType::kFull; break;
    default: break;
  }

  std::vector<Identifier> using_columns = ref.using_columns;
  if (ref.natural) {
    for (const auto& lt : left_scope.tables()) {
      for (const auto& lc : lt.columns) {
        for (const auto& rt : right_scope.tables()) {
          for (const auto& rc : rt.columns) {
            if (EqualsIgnoreCase(lc.name, rc.name)) using_columns.push_back({lc.name, false, -1});
          }
        }
      }
    }
  }

  ExprPtr condition;
  ExpressionBinder binder(*this, both);
  if (ref.on) {
    BB_ASSIGN_OR_RAISE(condition, binder.BindCondition(*ref.on, "JOIN/ON"));
  }
  std::vector<UsingColumn> merged;
  std::vector<ExprPtr> equalities;
  for (const auto& column : using_columns) {
    QualifiedName name{column};
    BB_ASSIGN_OR_RAISE(auto l, left_scope.Find(name, sql_));
    BB_ASSIGN_OR_RAISE(auto r, right_scope.Find(name, sql_));
    if (!l || !r) {
      return Status::NotFound("column \"{}\" specified in USING clause does not exist in {} table{}",
                              column.name, l ? "right" : "left", Position(column.location));
    }
    BB_ASSIGN_OR_RAISE(ExprPtr eq, binder.CallFunction("=", {*l, *r}, column.location));
    equalities.push_back(eq);
    UsingColumn u;
    u.name = (*l)->display;
    (*l)->CollectColumns(&u.hides);
    (*r)->CollectColumns(&u.hides);
    if (type == LogicalJoinType::kFull) {
      BB_ASSIGN_OR_RAISE(auto both_cols, binder.CastToCommonType({*l, *r}, "JOIN/USING",
                                                                 column.location));
      u.expr = MakeExpr(BoundExprKind::kCoalesce, both_cols[0]->type, both_cols);
    } else {
      u.expr = type == LogicalJoinType::kRight ? *r : *l;
    }
    merged.push_back(std::move(u));
  }
  if (!equalities.empty()) {
    if (condition) equalities.push_back(condition);
    condition = JoinConjuncts(std::move(equalities));
  }
  if (condition) condition = FoldConstants(condition, options_.statement_time_us);
  for (auto& u : merged) both.AddUsing(std::move(u));
  // USING columns named by an outer join's alias stay reachable through `both`.
  scope->Append(both);
  return MakeLogicalJoin(type, std::move(left), std::move(right), std::move(condition));
}

}  // namespace bundlebase::sql
