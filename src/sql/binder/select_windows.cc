// SelectBinder, window calls: `f(args) OVER (PARTITION BY ... ORDER BY ... frame)` and named
// windows from the WINDOW clause, collected for the window step.
#include <map>

#include "base/strings.h"
#include "sql/binder/select_binder.h"
#include "sql/planner/constant_folding.h"

namespace bundlebase::sql {
namespace {

const std::map<std::string, BoundWindowKind>& RankingFunctions() {
  static const std::map<std::string, BoundWindowKind> kFunctions = {
      {"row_number", BoundWindowKind::kRowNumber}, {"rank", BoundWindowKind::kRank},
      {"dense_rank", BoundWindowKind::kDenseRank}, {"percent_rank", BoundWindowKind::kPercentRank},
      {"cume_dist", BoundWindowKind::kCumeDist},   {"ntile", BoundWindowKind::kNtile},
      {"lag", BoundWindowKind::kLag},              {"lead", BoundWindowKind::kLead},
      {"first_value", BoundWindowKind::kFirstValue},
      {"last_value", BoundWindowKind::kLastValue}, {"nth_value", BoundWindowKind::kNthValue},
  };
  return kFunctions;
}

WindowBoundKind BoundKindOf(FrameBoundKind kind) {
  switch (kind) {
    case FrameBoundKind::kUnboundedPreceding: return WindowBoundKind::kUnboundedPreceding;
    case FrameBoundKind::kPreceding: return WindowBoundKind::kPreceding;
    case FrameBoundKind::kCurrentRow: return WindowBoundKind::kCurrentRow;
    case FrameBoundKind::kFollowing: return WindowBoundKind::kFollowing;
    case FrameBoundKind::kUnboundedFollowing: return WindowBoundKind::kUnboundedFollowing;
  }
  return WindowBoundKind::kCurrentRow;
}

}  // namespace

Result<ExprPtr> SelectBinder::BindWindowCall(const FunctionCallExpr& call) {
  // The window spec: the OVER clause on top of the named window it builds on.
  const WindowSpec& over = *call.over;
  const WindowSpec* base = nullptr;
  if (!over.base_name.name.empty()) {
    for (const auto& w : select_.windows) {
      if (over.base_name.Matches(w.name.name)) base = &w;
    }
    if (!base) {
      return Status::NotFound("window \"{}\" does not exist{}", over.base_name.name,
                              binder_.Position(over.location));
    }
  }
  const auto& partition_by = base && over.partition_by.empty() ? base->partition_by : over.partition_by;
  const auto& order_by = base && over.order_by.empty() ? base->order_by : over.order_by;
  const std::optional<WindowFrame>& frame = over.frame ? over.frame : (base ? base->frame : over.frame);

  // Arguments and keys are bound like the select list (grouped columns, aggregates), but a
  // window call may not contain another.
  ExpressionBinder::Hooks hooks = ValueHooks();
  hooks.window = nullptr;
  hooks.context = "window function arguments (window calls cannot be nested)";
  ExpressionBinder inner(binder_, scope_, hooks);

  BoundWindowFunction fn;
  const std::string name = ToLower(call.name.back().name);
  for (const auto& a : call.args) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, inner.Bind(*a));
    fn.args.push_back(std::move(bound));
  }
  for (const auto& p : partition_by) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, inner.Bind(*p));
    fn.partition_by.push_back(std::move(bound));
  }
  for (const auto& o : order_by) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, inner.Bind(*o.expr));
    fn.order_by.push_back({std::move(bound), SortKeySpec{!o.descending, o.nulls_first}});
  }
  if (frame) {
    fn.has_frame = true;
    fn.frame_unit = frame->unit == FrameUnit::kRows    ? WindowFrameUnit::kRows
                    : frame->unit == FrameUnit::kGroups ? WindowFrameUnit::kGroups
                                                        : WindowFrameUnit::kRange;
    fn.frame_start.kind = BoundKindOf(frame->start.kind);
    fn.frame_end.kind = BoundKindOf(frame->end.kind);
    if (frame->start.offset) {
      BB_ASSIGN_OR_RAISE(fn.frame_start.offset, inner.Bind(*frame->start.offset));
    }
    if (frame->end.offset) {
      BB_ASSIGN_OR_RAISE(fn.frame_end.offset, inner.Bind(*frame->end.offset));
    }
  } else if (fn.order_by.empty()) {
    // No ORDER BY: every row's frame is the whole partition.
    fn.frame_end.kind = WindowBoundKind::kUnboundedFollowing;
  }

  auto ranking = RankingFunctions().find(name);
  if (ranking != RankingFunctions().end()) {
    fn.kind = ranking->second;
    switch (fn.kind) {
      case BoundWindowKind::kRowNumber:
      case BoundWindowKind::kRank:
      case BoundWindowKind::kDenseRank:
      case BoundWindowKind::kNtile:
        fn.type = Int64();
        break;
      case BoundWindowKind::kPercentRank:
      case BoundWindowKind::kCumeDist:
        fn.type = Float64();
        break;
      default:
        if (fn.args.empty()) {
          return Status::Invalid("{} needs an argument{}", name, binder_.Position(call.location));
        }
        fn.type = fn.args[0]->type;
        if (fn.kind == BoundWindowKind::kLag || fn.kind == BoundWindowKind::kLead) {
          if (fn.args.size() >= 2) fn.args[1] = MakeCast(fn.args[1], Int64());
          if (fn.args.size() >= 3) {
            BB_ASSIGN_OR_RAISE(auto both, inner.CastToCommonType({fn.args[0], fn.args[2]},
                                                                 name, call.location));
            fn.args[0] = both[0];
            fn.args[2] = both[1];
            fn.type = both[0]->type;
          }
        }
        if (fn.kind == BoundWindowKind::kNthValue && fn.args.size() >= 2) {
          fn.args[1] = MakeCast(fn.args[1], Int64());
        }
        break;
    }
    if (fn.kind == BoundWindowKind::kNtile && !fn.args.empty()) {
      fn.args[0] = MakeCast(fn.args[0], Int64());
    }
  } else if (binder_.registry().FindAggregate(name) != nullptr) {
    fn.kind = BoundWindowKind::kAggregate;
    std::vector<ArgumentInfo> infos = ArgInfos(fn.args);
    auto resolved = binder_.registry().ResolveAggregate(name, infos);
    if (!resolved.ok()) {
      return Status(resolved.status().code(),
                    resolved.status().message() + binder_.Position(call.location));
    }
    fn.aggregate.call = std::move(resolved).MoveValueUnsafe();
    for (size_t i = 0; i < fn.args.size() && i < fn.aggregate.call.arg_types.size(); ++i) {
      fn.args[i] = MakeCast(fn.args[i], fn.aggregate.call.arg_types[i]);
    }
    fn.aggregate.args = fn.args;
    fn.aggregate.distinct = call.distinct;
    fn.type = fn.aggregate.call.output_type;
  } else {
    return Status::NotFound("window function {} does not exist{}", name,
                            binder_.Position(call.location));
  }
  for (auto& a : fn.args) a = FoldConstants(a, binder_.options().statement_time_us);
  fn.display = call.ToString();
  DataTypePtr type = fn.type;
  std::string display = fn.display;
  windows_.push_back(std::move(fn));
  window_ids_.push_back(binder_.NewColumnId());
  return MakeColumnRef(window_ids_.back(), type, display);
}

}  // namespace bundlebase::sql
