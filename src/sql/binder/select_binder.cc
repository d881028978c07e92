// SelectBinder: the clauses of one SELECT block in PostgreSQL's logical order.
#include "sql/binder/select_binder.h"

#include "base/strings.h"
#include "sql/binder/query_modifiers.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {

Result<LogicalPtr> Binder::BindSelect(const SelectNode& select, const BindScope* outer) {
  SelectBinder binder(*this, select, outer);
  return binder.Bind();
}

SelectBinder::SelectBinder(Binder& binder, const SelectNode& select, const BindScope* outer)
    : binder_(binder), select_(select), scope_(outer) {}

Result<LogicalPtr> SelectBinder::Bind() {
  BB_ASSIGN_OR_RAISE(plan_, binder_.BindFrom(select_.from, &scope_));
  BB_RETURN_NOT_OK(BindWhere());
  grouped_ = !select_.group_by.empty() || group_by_correlated_;
  auto has_aggregate = [&](const ParsedExpr* e) {
    return e && ContainsAggregate(*e, binder_.registry());
  };
  for (const auto& item : select_.select_list) grouped_ |= has_aggregate(item.expr.get());
  // HAVING makes a query grouped even without GROUP BY or aggregates (PostgreSQL's rule).
  grouped_ |= select_.having != nullptr;
  for (const auto& o : select_.order_by) grouped_ |= has_aggregate(o.expr.get());
  if (grouped_) BB_RETURN_NOT_OK(BindGroupBy());
  BB_RETURN_NOT_OK(BindSelectList());
  if (select_.having) {
    BB_ASSIGN_OR_RAISE(having_, BindValue(*select_.having));
    if (having_->type->id() != TypeId::kBool) {
      return Status::TypeError("argument of HAVING must be type boolean{}",
                               binder_.Position(select_.having->location));
    }
  }
  BB_RETURN_NOT_OK(BindOrderBy());
  return Assemble();
}

std::string SelectBinder::OutputName(const ParsedExpr& expr, const ExprPtr& bound) const {
  switch (expr.kind) {
    case ExprKind::kColumnRef:
      return bound->kind == BoundExprKind::kColumn ? bound->display
                                                   : expr.As<ColumnRefExpr>().parts.back().name;
    case ExprKind::kFunctionCall:
      return expr.As<FunctionCallExpr>().name.back().name;
    case ExprKind::kCast: {
      const ParsedExpr& inner = *expr.As<CastExpr>().arg;
      if (inner.kind == ExprKind::kColumnRef || inner.kind == ExprKind::kFunctionCall) {
        return OutputName(inner, bound->kind == BoundExprKind::kCast ? bound->children[0] : bound);
      }
      return ToLower(expr.As<CastExpr>().type.names.back().name);
    }
    case ExprKind::kCase:
      return "case";
    case ExprKind::kConditional:
      switch (expr.As<ConditionalExpr>().op) {
        case ConditionalOp::kCoalesce: return "coalesce";
        case ConditionalOp::kNullIf: return "nullif";
        case ConditionalOp::kGreatest: return "greatest";
        case ConditionalOp::kLeast: return "least";
      }
      break;
    default:
      break;
  }
  return expr.ToString();
}

Status SelectBinder::BindSelectList() {
  for (const auto& item : select_.select_list) {
    if (item.expr->kind == ExprKind::kStar) {
      const auto& star = item.expr->As<StarExpr>();
      std::vector<const TableBinding*> tables;
      if (star.qualifier.empty()) {
        for (const auto& t : scope_.tables()) tables.push_back(&t);
        for (const auto& u : scope_.using_columns()) {
          outputs_.push_back({u.expr, u.name, binder_.NewColumnId()});
        }
      } else {
        const TableBinding* t = scope_.FindTable(star.qualifier.back());
        if (!t) {
          return Status::NotFound("missing FROM-clause entry for table \"{}\"{}",
                                  star.qualifier.back().name, binder_.Position(star.location));
        }
        tables.push_back(t);
      }
      for (const TableBinding* t : tables) {
        for (const auto& c : t->columns) {
          if (star.qualifier.empty()) {
            bool hidden = false;
            for (const auto& u : scope_.using_columns()) {
              for (ColumnId h : u.hides) hidden |= h == c.id;
            }
            if (hidden) continue;
          }
          ExprPtr ref = MakeColumnRef(c.id, c.type, c.name);
          // In a grouped query every column of * must be grouped: bind it like a written name
          // so the usual "must appear in the GROUP BY clause" error names it.
          if (grouped_) {
            ColumnRefExpr parsed(star.location);
            parsed.parts = {Identifier{t->alias, true, star.location},
                            Identifier{c.name, true, star.location}};
            BB_ASSIGN_OR_RAISE(ref, BindValue(parsed));
          }
          outputs_.push_back({ref, c.name, binder_.NewColumnId()});
        }
      }
      continue;
    }
    BB_ASSIGN_OR_RAISE(ExprPtr bound, BindValue(*item.expr));
    std::string name = item.alias ? item.alias->name : OutputName(*item.expr, bound);
    outputs_.push_back({std::move(bound), std::move(name), binder_.NewColumnId()});
  }
  return Status::OK();
}

Result<ExprPtr> SelectBinder::BindOutputKey(const ParsedExpr& e, const char* clause) {
  if (e.kind == ExprKind::kConstant &&
      e.As<ConstantExpr>().constant_kind == ConstantKind::kInteger) {
    int64_t k = e.As<ConstantExpr>().integer;
    if (k < 1 || k > static_cast<int64_t>(outputs_.size())) {
      return Status::Invalid("{} position {} is not in select list{}", clause, k,
                             binder_.Position(e.location));
    }
    const auto& out = outputs_[k - 1];
    return MakeColumnRef(out.id, out.expr->type, out.name);
  }
  if (e.kind == ExprKind::kColumnRef && e.As<ColumnRefExpr>().parts.size() == 1) {
    const Identifier& name = e.As<ColumnRefExpr>().parts[0];
    const OutputColumn* hit = nullptr;
    int hits = 0;
    for (const auto& out : outputs_) {
      if (name.Matches(out.name)) {
        if (!hit || out.expr->Key() != hit->expr->Key()) ++hits;
        hit = &out;
      }
    }
    if (hits > 1) {
      return Status::Invalid("{} \"{}\" is ambiguous{}", clause, name.name,
                             binder_.Position(e.location));
    }
    if (hit) return MakeColumnRef(hit->id, hit->expr->type, hit->name);
  }
  BB_ASSIGN_OR_RAISE(ExprPtr bound, BindValue(e));
  const std::string key = bound->Key();
  for (const auto* list : {&outputs_, &hidden_}) {
    for (const auto& out : *list) {
      if (out.expr->Key() == key) return MakeColumnRef(out.id, out.expr->type, out.name);
    }
  }
  if (select_.distinct && select_.distinct_on.empty()) {
    return Status::Invalid("for SELECT DISTINCT, ORDER BY expressions must appear in select list{}",
                           binder_.Position(e.location));
  }
  ColumnId id = binder_.NewColumnId();
  hidden_.push_back({bound, "order_key", id});
  return MakeColumnRef(id, bound->type, "order_key");
}

Status SelectBinder::BindOrderBy() {
  for (const auto& item : select_.order_by) {
    BB_ASSIGN_OR_RAISE(ExprPtr key, BindOutputKey(*item.expr, "ORDER BY"));
    order_keys_.push_back({std::move(key), SortKeySpec{!item.descending, item.nulls_first}});
  }
  for (const auto& e : select_.distinct_on) {
    BB_ASSIGN_OR_RAISE(ExprPtr key, BindOutputKey(*e, "DISTINCT ON"));
    distinct_on_keys_.push_back(std::move(key));
  }
  // PostgreSQL: the leading ORDER BY expressions must be the DISTINCT ON ones.
  for (size_t i = 0; i < order_keys_.size() && i < distinct_on_keys_.size(); ++i) {
    bool listed = false;
    for (const auto& d : distinct_on_keys_) listed |= d->Key() == order_keys_[i].expr->Key();
    if (!listed) {
      return Status::Invalid("SELECT DISTINCT ON expressions must match initial ORDER BY "
                             "expressions{}",
                             binder_.Position(select_.distinct_on[0]->location));
    }
  }
  return Status::OK();
}

Result<LogicalPtr> SelectBinder::Assemble() {
  const int64_t now = binder_.options().statement_time_us;
  LogicalPtr plan = std::move(plan_);
  if (grouped_) {
    auto agg = std::make_unique<LogicalOperator>(LogicalKind::kAggregate);
    for (size_t i = 0; i < group_exprs_.size(); ++i) {
      agg->output_ids.push_back(group_ids_[i]);
      agg->output_fields.emplace_back(group_exprs_[i]->display.empty() ? "group"
                                                                       : group_exprs_[i]->display,
                                      group_exprs_[i]->type);
    }
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      agg->output_ids.push_back(aggregate_ids_[i]);
      agg->output_fields.emplace_back(aggregates_[i].display, aggregates_[i].call.output_type);
    }
    if (!grouping_sets_.empty()) {
      agg->has_grouping_id = true;
      agg->output_ids.push_back(grouping_id_);
      agg->output_fields.emplace_back("grouping_id", Int64());
    }
    agg->groups = group_exprs_;
    agg->grouping_sets = grouping_sets_;
    agg->aggregates = aggregates_;
    agg->children.push_back(std::move(plan));
    plan = std::move(agg);
    for (auto& pending : after_aggregate_) {
      plan = MakeLogicalJoin(pending.type, std::move(plan), std::move(pending.right),
                             std::move(pending.condition));
    }
    if (having_) plan = MakeLogicalFilter(std::move(plan), FoldConstants(having_, now));
  }
  if (!windows_.empty()) {
    auto window = std::make_unique<LogicalOperator>(LogicalKind::kWindow);
    window->output_ids = plan->output_ids;
    window->output_fields = plan->output_fields;
    for (size_t i = 0; i < windows_.size(); ++i) {
      window->output_ids.push_back(window_ids_[i]);
      window->output_fields.emplace_back(windows_[i].display, windows_[i].type);
    }
    window->windows = windows_;
    window->children.push_back(std::move(plan));
    plan = std::move(window);
  }
  std::vector<ExprPtr> exprs;
  std::vector<std::string> names;
  std::vector<ColumnId> ids;
  for (const auto* list : {&outputs_, &hidden_}) {
    for (const auto& out : *list) {
      exprs.push_back(FoldConstants(out.expr, now));
      names.push_back(out.name);
      ids.push_back(out.id);
    }
  }
  for (int k : correlated_group_keys_) {
    exprs.push_back(MakeColumnRef(group_ids_[k], group_exprs_[k]->type, group_exprs_[k]->display));
    names.push_back(group_exprs_[k]->display);
    ids.push_back(group_ids_[k]);
  }
  if (expose_correlated_) {
    std::vector<ColumnId> used;
    for (const auto& p : correlated_predicates_) p->CollectColumns(&used);
    for (const auto& t : scope_.tables()) {
      for (const auto& c : t.columns) {
        if (std::find(used.begin(), used.end(), c.id) == used.end()) continue;
        if (std::find(ids.begin(), ids.end(), c.id) != ids.end()) continue;
        exprs.push_back(MakeColumnRef(c.id, c.type, c.name));
        names.push_back(c.name);
        ids.push_back(c.id);  // the same id: the predicates refer to it
      }
    }
  }
  plan = MakeLogicalProjection(std::move(plan), std::move(exprs), std::move(names), ids);
  if (!distinct_on_keys_.empty()) {
    // DISTINCT ON: the first row of each group in ORDER BY order — row_number() over the group,
    // kept where it is 1.
    auto window = std::make_unique<LogicalOperator>(LogicalKind::kWindow);
    BoundWindowFunction rn;
    rn.kind = BoundWindowKind::kRowNumber;
    rn.partition_by = distinct_on_keys_;
    rn.order_by = order_keys_;
    rn.type = Int64();
    rn.display = "row_number()";
    const ColumnId rn_id = binder_.NewColumnId();
    window->output_ids = plan->output_ids;
    window->output_fields = plan->output_fields;
    window->output_ids.push_back(rn_id);
    window->output_fields.emplace_back("row_number", Int64());
    window->windows.push_back(std::move(rn));
    window->children.push_back(std::move(plan));
    BindScope none;
    ExpressionBinder math(binder_, none);
    BB_ASSIGN_OR_RAISE(ExprPtr first,
                       math.CallFunction("=", {MakeColumnRef(rn_id, Int64(), "row_number"),
                                               MakeLiteral(Scalar(Int64(), int64_t{1}))},
                                         select_.distinct_on[0]->location));
    plan = MakeLogicalFilter(std::move(window), std::move(first));
    hidden_.push_back({MakeColumnRef(rn_id, Int64(), "row_number"), "row_number", rn_id});
  } else if (select_.distinct) {
    auto distinct = std::make_unique<LogicalOperator>(LogicalKind::kAggregate);
    for (size_t i = 0; i < plan->output_ids.size(); ++i) {
      distinct->groups.push_back(
          MakeColumnRef(plan->output_ids[i], plan->output_fields[i].type, plan->output_fields[i].name));
    }
    distinct->output_ids = plan->output_ids;
    distinct->output_fields = plan->output_fields;
    distinct->children.push_back(std::move(plan));
    plan = std::move(distinct);
  }
  if (!order_keys_.empty()) plan = MakeLogicalSort(std::move(plan), order_keys_);
  BB_ASSIGN_OR_RAISE(plan, ApplyLimit(binder_, select_, std::move(plan)));
  if (!hidden_.empty() || expose_correlated_) {
    // Drop the ORDER BY helper columns; keep correlated columns for the caller's join.
    std::vector<ExprPtr> keep;
    std::vector<std::string> keep_names;
    std::vector<ColumnId> keep_ids;
    for (size_t i = 0; i < plan->output_ids.size(); ++i) {
      bool is_hidden = false;
      for (const auto& h : hidden_) is_hidden |= h.id == plan->output_ids[i];
      if (is_hidden) continue;
      keep.push_back(MakeColumnRef(plan->output_ids[i], plan->output_fields[i].type,
                                   plan->output_fields[i].name));
      keep_names.push_back(plan->output_fields[i].name);
      keep_ids.push_back(plan->output_ids[i]);
    }
    if (keep.size() != plan->output_ids.size()) {
      plan = MakeLogicalProjection(std::move(plan), std::move(keep), std::move(keep_names),
                                   std::move(keep_ids));
    }
  }
  return plan;
}

}  // namespace bundlebase::sql
