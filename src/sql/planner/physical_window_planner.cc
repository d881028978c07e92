// Planning window functions: functions that share PARTITION BY and ORDER BY run in one window
// operator; different windows stack. One projection below computes every key and argument, one
// above drops those helper columns and puts the results in the plan's order.
#include "columnar/cast.h"
#include "sql/execution/window_operator.h"
#include "sql/planner/constant_folding.h"
#include "sql/planner/physical_planner_internal.h"

namespace bundlebase::sql::internal {
namespace {

std::string WindowKey(const BoundWindowFunction& fn) {
  std::string key;
  for (const auto& p : fn.partition_by) key += p->Key() + ",";
  key += "|";
  for (const auto& o : fn.order_by) {
    key += o.expr->Key() + (o.spec.ascending ? " a" : " d") + (o.spec.nulls_first ? "f," : "l,");
  }
  return key;
}

Result<int64_t> ConstantInt(const ExprPtr& e, const char* what) {
  BB_ASSIGN_OR_RAISE(Scalar v, EvaluateConstant(*e, 0));
  if (v.is_null()) return Status::Invalid("{} must not be NULL", what);
  BB_ASSIGN_OR_RAISE(Scalar i, CastScalar(v, Int64()));
  if (i.get<int64_t>() < 0) return Status::Invalid("{} must not be negative", what);
  return i.get<int64_t>();
}

::bundlebase::sql::WindowFrameBoundKind BoundKind(WindowBoundKind k) {
  using K = ::bundlebase::sql::WindowFrameBoundKind;
  switch (k) {
    case WindowBoundKind::kUnboundedPreceding: return K::kUnboundedPreceding;
    case WindowBoundKind::kPreceding: return K::kPreceding;
    case WindowBoundKind::kCurrentRow: return K::kCurrentRow;
    case WindowBoundKind::kFollowing: return K::kFollowing;
    case WindowBoundKind::kUnboundedFollowing: return K::kUnboundedFollowing;
  }
  return K::kCurrentRow;
}

Result<WindowFrameBound> ToFrameBound(const BoundWindowBound& b, WindowFrameUnit unit) {
  if (!b.offset) return WindowFrameBound::Of(BoundKind(b.kind));
  if (unit == WindowFrameUnit::kRange) {
    BB_ASSIGN_OR_RAISE(Scalar v, EvaluateConstant(*b.offset, 0));
    return WindowFrameBound::RangeOffset(BoundKind(b.kind), std::move(v));
  }
  BB_ASSIGN_OR_RAISE(int64_t n, ConstantInt(b.offset, "frame offset"));
  return WindowFrameBound::Of(BoundKind(b.kind), n);
}

Result<WindowFunctionSpec> ToSpec(const BoundWindowFunction& fn, ComputedColumns* cols) {
  WindowFunctionSpec spec;
  spec.display = fn.display;
  switch (fn.kind) {
    case BoundWindowKind::kRowNumber: spec.kind = WindowFunctionKind::kRowNumber; break;
    case BoundWindowKind::kRank: spec.kind = WindowFunctionKind::kRank; break;
    case BoundWindowKind::kDenseRank: spec.kind = WindowFunctionKind::kDenseRank; break;
    case BoundWindowKind::kPercentRank: spec.kind = WindowFunctionKind::kPercentRank; break;
    case BoundWindowKind::kCumeDist: spec.kind = WindowFunctionKind::kCumeDist; break;
    case BoundWindowKind::kNtile: spec.kind = WindowFunctionKind::kNtile; break;
    case BoundWindowKind::kLag: spec.kind = WindowFunctionKind::kLag; break;
    case BoundWindowKind::kLead: spec.kind = WindowFunctionKind::kLead; break;
    case BoundWindowKind::kFirstValue: spec.kind = WindowFunctionKind::kFirstValue; break;
    case BoundWindowKind::kLastValue: spec.kind = WindowFunctionKind::kLastValue; break;
    case BoundWindowKind::kNthValue: spec.kind = WindowFunctionKind::kNthValue; break;
    case BoundWindowKind::kAggregate: spec.kind = WindowFunctionKind::kAggregate; break;
  }
  switch (fn.kind) {
    case BoundWindowKind::kNtile: {
      if (fn.args.empty()) return Status::Invalid("ntile needs the number of buckets");
      BB_ASSIGN_OR_RAISE(spec.offset, ConstantInt(fn.args[0], "ntile's argument"));
      break;
    }
    case BoundWindowKind::kLag:
    case BoundWindowKind::kLead: {
      BB_ASSIGN_OR_RAISE(int p, AppendComputed(cols, fn.args[0]));
      spec.args.push_back(p);
      if (fn.args.size() >= 2) {
        BB_ASSIGN_OR_RAISE(spec.offset, ConstantInt(fn.args[1], "lag/lead's offset"));
      }
      if (fn.args.size() >= 3) {
        BB_ASSIGN_OR_RAISE(spec.default_column, AppendComputed(cols, fn.args[2]));
      }
      break;
    }
    case BoundWindowKind::kNthValue: {
      BB_ASSIGN_OR_RAISE(int p, AppendComputed(cols, fn.args[0]));
      spec.args.push_back(p);
      if (fn.args.size() >= 2) {
        BB_ASSIGN_OR_RAISE(spec.offset, ConstantInt(fn.args[1], "nth_value's n"));
      }
      break;
    }
    default:
      for (const auto& a : fn.args) {
        BB_ASSIGN_OR_RAISE(int p, AppendComputed(cols, a));
        spec.args.push_back(p);
      }
      break;
  }
  if (fn.kind == BoundWindowKind::kAggregate) spec.aggregate = fn.aggregate.call;
  spec.frame.mode = fn.frame_unit == WindowFrameUnit::kRows     ? WindowFrameMode::kRows
                    : fn.frame_unit == WindowFrameUnit::kGroups ? WindowFrameMode::kGroups
                                                                : WindowFrameMode::kRange;
  BB_ASSIGN_OR_RAISE(spec.frame.start, ToFrameBound(fn.frame_start, fn.frame_unit));
  BB_ASSIGN_OR_RAISE(spec.frame.end, ToFrameBound(fn.frame_end, fn.frame_unit));
  return spec;
}

}  // namespace

Result<PhysicalOperatorPtr> PlanWindow(const LogicalOperator& op, PhysicalOperatorPtr child) {
  const std::vector<ColumnId>& child_ids = op.children[0]->output_ids;
  const int width = static_cast<int>(child_ids.size());
  ComputedColumns cols{child_ids, {}};
  // Group the functions by window, keeping first-appearance order.
  std::vector<std::string> keys;
  std::vector<WindowOperatorSpec> specs;
  std::vector<std::vector<size_t>> members;
  for (size_t i = 0; i < op.windows.size(); ++i) {
    const BoundWindowFunction& fn = op.windows[i];
    std::string key = WindowKey(fn);
    size_t g = std::find(keys.begin(), keys.end(), key) - keys.begin();
    if (g == keys.size()) {
      keys.push_back(key);
      WindowOperatorSpec spec;
      for (const auto& p : fn.partition_by) {
        BB_ASSIGN_OR_RAISE(int pos, AppendComputed(&cols, p));
        spec.partition_columns.push_back(pos);
      }
      for (const auto& o : fn.order_by) {
        BB_ASSIGN_OR_RAISE(int pos, AppendComputed(&cols, o.expr));
        spec.order_keys.push_back(SortKey{pos, o.spec.ascending, o.spec.nulls_first});
      }
      specs.push_back(std::move(spec));
      members.emplace_back();
    }
    BB_ASSIGN_OR_RAISE(WindowFunctionSpec f, ToSpec(fn, &cols));
    specs[g].functions.push_back(std::move(f));
    members[g].push_back(i);
  }
  child = WithComputed(std::move(child), cols);
  std::vector<int> result_position(op.windows.size());
  for (size_t g = 0; g < specs.size(); ++g) {
    std::vector<Field> fields = child->schema()->fields();
    for (size_t k = 0; k < specs[g].functions.size(); ++k) {
      result_position[members[g][k]] = static_cast<int>(fields.size());
      fields.emplace_back(specs[g].functions[k].display, op.windows[members[g][k]].type);
    }
    child = std::make_unique<WindowOperator>(MakeSchema(std::move(fields)), std::move(child),
                                             std::move(specs[g]));
  }
  std::vector<int> keep;
  for (int i = 0; i < width; ++i) keep.push_back(i);
  for (int p : result_position) keep.push_back(p);
  return SelectPositions(std::move(child), keep, op.OutputSchema());
}

}  // namespace bundlebase::sql::internal
