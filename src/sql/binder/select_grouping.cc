// SelectBinder, grouped queries: GROUP BY expressions and grouping sets, aggregate calls,
// grouping(), window calls, and the select-list binding mode that maps grouped expressions to
// the aggregate step's output columns.
#include "base/strings.h"
#include "sql/binder/select_binder.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {
namespace {

std::string LowerName(const QualifiedName& name) { return ToLower(name.back().name); }

bool IsIntegerConstant(const ParsedExpr& e) {
  return e.kind == ExprKind::kConstant &&
         e.As<ConstantExpr>().constant_kind == ConstantKind::kInteger;
}

// Every combination of one set from each list, concatenated (GROUP BY a, ROLLUP(b, c)).
std::vector<std::vector<int>> CrossProduct(const std::vector<std::vector<std::vector<int>>>& lists) {
  std::vector<std::vector<int>> out{{}};
  for (const auto& list : lists) {
    std::vector<std::vector<int>> next;
    for (const auto& prefix : out) {
      for (const auto& set : list) {
        std::vector<int> combined = prefix;
        for (int k : set) {
          if (std::find(combined.begin(), combined.end(), k) == combined.end()) combined.push_back(k);
        }
        next.push_back(std::move(combined));
      }
    }
    out = std::move(next);
  }
  return out;
}

}  // namespace

Result<int> SelectBinder::AddGroupExpression(const ParsedExpr& expr) {
  ExprPtr bound;
  const ParsedExpr* target = &expr;
  if (IsIntegerConstant(expr)) {
    int64_t k = expr.As<ConstantExpr>().integer;
    if (k < 1 || k > static_cast<int64_t>(select_.select_list.size())) {
      return Status::Invalid("GROUP BY position {} is not in select list{}", k,
                             binder_.Position(expr.location));
    }
    target = select_.select_list[k - 1].expr.get();
  } else if (expr.kind == ExprKind::kColumnRef && expr.As<ColumnRefExpr>().parts.size() == 1) {
    // GROUP BY an output alias, when no input column has that name (PostgreSQL's rule).
    auto direct = scope_.Find(expr.As<ColumnRefExpr>().parts, binder_.sql());
    if (direct.ok() && !*direct) {
      for (const auto& item : select_.select_list) {
        if (item.alias && expr.As<ColumnRefExpr>().parts[0].Matches(item.alias->name)) {
          target = item.expr.get();
        }
      }
    }
  }
  if (ContainsAggregate(*target, binder_.registry())) {
    return Status::Invalid("aggregate functions are not allowed in GROUP BY{}",
                           binder_.Position(target->location));
  }
  ExpressionBinder::Hooks hooks;
  hooks.context = "GROUP BY";
  ExpressionBinder plain(binder_, scope_, hooks);
  BB_ASSIGN_OR_RAISE(bound, plain.Bind(*target));
  bound = FoldConstants(bound, binder_.options().statement_time_us);
  const std::string key = bound->Key();
  for (size_t i = 0; i < group_keys_.size(); ++i) {
    if (group_keys_[i] == key) return static_cast<int>(i);
  }
  auto copy = std::make_shared<Expression>(*bound);
  if (copy->display.empty()) copy->display = target->ToString();
  group_exprs_.push_back(copy);
  group_keys_.push_back(key);
  group_ids_.push_back(binder_.NewColumnId());
  return static_cast<int>(group_exprs_.size() - 1);
}

Result<std::vector<std::vector<int>>> SelectBinder::GroupingSetsOf(const GroupingElement& element) {
  auto unit = [&](const ParsedExpr& e) -> Result<std::vector<int>> {
    std::vector<int> keys;
    if (e.kind == ExprKind::kRow) {
      for (const auto& a : e.As<RowExpr>().args) {
        BB_ASSIGN_OR_RAISE(int k, AddGroupExpression(*a));
        keys.push_back(k);
      }
    } else {
      BB_ASSIGN_OR_RAISE(int k, AddGroupExpression(e));
      keys.push_back(k);
    }
    return keys;
  };
  switch (element.kind) {
    case GroupingKind::kExpression: {
      BB_ASSIGN_OR_RAISE(auto keys, unit(*element.expr));
      return std::vector<std::vector<int>>{keys};
    }
    case GroupingKind::kEmpty:
      return std::vector<std::vector<int>>{{}};
    case GroupingKind::kRollup: {
      std::vector<std::vector<int>> units;
      for (const auto& e : element.exprs) {
        BB_ASSIGN_OR_RAISE(auto keys, unit(*e));
        units.push_back(keys);
      }
      std::vector<std::vector<int>> sets;
      for (size_t n = units.size() + 1; n-- > 0;) {
        std::vector<int> set;
        for (size_t i = 0; i < n; ++i) set.insert(set.end(), units[i].begin(), units[i].end());
        sets.push_back(set);
      }
      return sets;
    }
    case GroupingKind::kCube: {
      std::vector<std::vector<int>> units;
      for (const auto& e : element.exprs) {
        BB_ASSIGN_OR_RAISE(auto keys, unit(*e));
        units.push_back(keys);
      }
      if (units.size() > 12) {
        return Status::Invalid("CUBE is limited to 12 elements{}", binder_.Position(element.location));
      }
      std::vector<std::vector<int>> sets;
      for (uint32_t mask = (1u << units.size()); mask-- > 0;) {
        std::vector<int> set;
        for (size_t i = 0; i < units.size(); ++i) {
          if (mask & (1u << (units.size() - 1 - i))) set.insert(set.end(), units[i].begin(), units[i].end());
        }
        sets.push_back(set);
      }
      return sets;
    }
    case GroupingKind::kGroupingSets: {
      std::vector<std::vector<int>> sets;
      for (const auto& inner : element.sets) {
        BB_ASSIGN_OR_RAISE(auto inner_sets, GroupingSetsOf(inner));
        sets.insert(sets.end(), inner_sets.begin(), inner_sets.end());
      }
      return sets;
    }
  }
  return Status::Internal("unknown grouping element");
}

Status SelectBinder::BindGroupBy() {
  bool plain = true;
  std::vector<std::vector<std::vector<int>>> lists;
  for (const auto& element : select_.group_by) {
    plain &= element.kind == GroupingKind::kExpression;
    BB_ASSIGN_OR_RAISE(auto sets, GroupingSetsOf(element));
    lists.push_back(std::move(sets));
  }
  if (!plain) {
    grouping_sets_ = CrossProduct(lists);
    grouping_id_ = binder_.NewColumnId();
  }
  return Status::OK();
}

Result<std::optional<ExprPtr>> SelectBinder::MatchGroup(const ParsedExpr& expr) {
  if (expr.kind == ExprKind::kConstant || expr.kind == ExprKind::kParameter) {
    return std::optional<ExprPtr>{};
  }
  if (expr.kind == ExprKind::kFunctionCall) {
    const auto& call = expr.As<FunctionCallExpr>();
    if (call.over) return std::optional<ExprPtr>{};
    if (LowerName(call.name) == "grouping") {
      BB_ASSIGN_OR_RAISE(ExprPtr g, BindGroupingCall(call));
      return std::optional<ExprPtr>(g);
    }
  }
  if (ContainsAggregate(expr, binder_.registry()) || ContainsWindow(expr) ||
      expr.kind == ExprKind::kSubquery) {
    return std::optional<ExprPtr>{};
  }
  ExpressionBinder::Hooks hooks;
  hooks.context = "GROUP BY";
  ExpressionBinder plain(binder_, scope_, hooks);
  auto bound = plain.Bind(expr);
  if (!bound.ok()) return bound.status();
  ExprPtr folded = FoldConstants(*bound, binder_.options().statement_time_us);
  const std::string key = folded->Key();
  for (size_t i = 0; i < group_keys_.size(); ++i) {
    if (group_keys_[i] == key) {
      return std::optional<ExprPtr>(
          MakeColumnRef(group_ids_[i], group_exprs_[i]->type, group_exprs_[i]->display));
    }
  }
  std::vector<ColumnId> used;
  folded->CollectColumns(&used);
  if (used.empty()) return std::optional<ExprPtr>(folded);
  if (expr.kind == ExprKind::kColumnRef) {
    return Status::Invalid(
        "column \"{}\" must appear in the GROUP BY clause or be used in an aggregate function{}",
        expr.ToString(), binder_.Position(expr.location));
  }
  return std::optional<ExprPtr>{};
}

ExpressionBinder::Hooks SelectBinder::ValueHooks() {
  ExpressionBinder::Hooks hooks;
  hooks.context = "this context";
  if (grouped_) {
    hooks.before = [this](const ParsedExpr& e) { return MatchGroup(e); };
    hooks.aggregate = [this](const FunctionCallExpr& c) { return BindAggregateCall(c); };
  }
  hooks.window = [this](const FunctionCallExpr& c) { return BindWindowCall(c); };
  hooks.subquery = [this](const SubqueryExpr& s) { return PlanSubquery(s); };
  return hooks;
}

Result<ExprPtr> SelectBinder::BindValue(const ParsedExpr& expr) {
  ExpressionBinder binder(binder_, scope_, ValueHooks());
  binding_grouped_value_ = grouped_;
  Result<ExprPtr> bound = binder.Bind(expr);
  binding_grouped_value_ = false;
  return bound;
}

Result<ExprPtr> SelectBinder::BindAggregateCall(const FunctionCallExpr& call) {
  // Subqueries inside an aggregate's arguments feed the aggregate: they join the FROM clause.
  const bool saved_grouped_value = binding_grouped_value_;
  binding_grouped_value_ = false;
  struct Restore {
    bool& flag;
    bool value;
    ~Restore() { flag = value; }
  } restore{binding_grouped_value_, saved_grouped_value};
  ExpressionBinder::Hooks inner_hooks;
  inner_hooks.context = "aggregate function calls (they cannot be nested)";
  inner_hooks.subquery = [this](const SubqueryExpr& s) { return PlanSubquery(s); };
  ExpressionBinder inner(binder_, scope_, inner_hooks);
  BoundAggregate agg;
  std::vector<ExprPtr> args;
  for (const auto& a : call.args) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, inner.Bind(*a));
    args.push_back(std::move(bound));
  }
  const std::string name = LowerName(call.name);
  std::vector<ArgumentInfo> infos = ArgInfos(args);
  auto resolved = binder_.registry().ResolveAggregate(name, infos);
  if (!resolved.ok()) {
    return Status(resolved.status().code(),
                  resolved.status().message() + binder_.Position(call.location));
  }
  agg.call = std::move(resolved).MoveValueUnsafe();
  for (size_t i = 0; i < args.size() && i < agg.call.arg_types.size(); ++i) {
    if (!args[i]->type->Equals(*agg.call.arg_types[i])) {
      args[i] = FoldConstants(MakeCast(args[i], agg.call.arg_types[i]),
                              binder_.options().statement_time_us);
    }
  }
  agg.args = std::move(args);
  agg.distinct = call.distinct;
  if (call.filter) {
    BB_ASSIGN_OR_RAISE(agg.filter, inner.BindCondition(*call.filter, "FILTER"));
  }
  for (const auto& o : call.order_by) {
    BB_ASSIGN_OR_RAISE(ExprPtr key, inner.Bind(*o.expr));
    agg.order_by.push_back({std::move(key), SortKeySpec{!o.descending, o.nulls_first}});
  }
  agg.display = call.ToString();
  std::string key = agg.display;
  for (const auto& a : agg.args) key += "|" + a->Key();
  if (agg.filter) key += "|f:" + agg.filter->Key();
  for (size_t i = 0; i < aggregate_keys_.size(); ++i) {
    if (aggregate_keys_[i] == key) {
      return MakeColumnRef(aggregate_ids_[i], aggregates_[i].call.output_type, aggregates_[i].display);
    }
  }
  DataTypePtr type = agg.call.output_type;
  std::string display = agg.display;
  aggregates_.push_back(std::move(agg));
  aggregate_keys_.push_back(std::move(key));
  aggregate_ids_.push_back(binder_.NewColumnId());
  return MakeColumnRef(aggregate_ids_.back(), type, display);
}

// grouping(a, b): bit i of the result (from the left) is set when argument i is not grouped in
// the row's grouping set — computed from the aggregate step's grouping id.
Result<ExprPtr> SelectBinder::BindGroupingCall(const FunctionCallExpr& call) {
  if (grouping_sets_.empty() && group_exprs_.empty()) {
    return Status::Invalid("grouping() needs a GROUP BY{}", binder_.Position(call.location));
  }
  ExpressionBinder::Hooks hooks;
  ExpressionBinder plain(binder_, scope_, hooks);
  ExprPtr result = MakeLiteral(Scalar(Int32(), int64_t{0}));
  const size_t n = call.args.size();
  for (size_t j = 0; j < n; ++j) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, plain.Bind(*call.args[j]));
    const std::string key = FoldConstants(bound, binder_.options().statement_time_us)->Key();
    int index = -1;
    for (size_t i = 0; i < group_keys_.size(); ++i) {
      if (group_keys_[i] == key) index = static_cast<int>(i);
    }
    if (index < 0) {
      return Status::Invalid("arguments to GROUPING must be grouping expressions of the associated "
                             "query level{}",
                             binder_.Position(call.args[j]->location));
    }
    if (grouping_sets_.empty()) continue;  // a plain GROUP BY groups every key
    ExprPtr gid = MakeColumnRef(grouping_id_, Int64(), "grouping_id");
    auto lit = [](int64_t v) { return MakeLiteral(Scalar(Int64(), v)); };
    BB_ASSIGN_OR_RAISE(ExprPtr shifted, plain.CallFunction("/", {gid, lit(int64_t{1} << index)}, call.location));
    BB_ASSIGN_OR_RAISE(ExprPtr bit, plain.CallFunction("%", {shifted, lit(2)}, call.location));
    BB_ASSIGN_OR_RAISE(ExprPtr weighted, plain.CallFunction("*", {bit, lit(int64_t{1} << (n - 1 - j))}, call.location));
    BB_ASSIGN_OR_RAISE(result, plain.CallFunction("+", {result, weighted}, call.location));
  }
  return MakeCast(result, Int32());
}

}  // namespace bundlebase::sql
