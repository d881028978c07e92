// Window definitions (OVER ... and the WINDOW clause) from libpg_query's parse tree.
//
// PostgreSQL packs the frame into a bit set, frameOptions; the bit values below are those of
// PostgreSQL 15's nodes/parsenodes.h (FRAMEOPTION_*), which libpg_query passes through.
#include "sql/parser/ast_builder.h"

namespace bundlebase::sql {
namespace {

enum FrameOption : int64_t {
  kNonDefault = 0x1,
  kRange = 0x2,
  kRows = 0x4,
  kGroups = 0x8,
  kStartUnboundedPreceding = 0x20,
  kEndUnboundedPreceding = 0x40,
  kStartUnboundedFollowing = 0x80,
  kEndUnboundedFollowing = 0x100,
  kStartCurrentRow = 0x200,
  kEndCurrentRow = 0x400,
  kStartOffsetPreceding = 0x800,
  kEndOffsetPreceding = 0x1000,
  kStartOffsetFollowing = 0x2000,
  kEndOffsetFollowing = 0x4000,
  kExcludeCurrentRow = 0x8000,
  kExcludeGroup = 0x10000,
  kExcludeTies = 0x20000,
};

FrameBoundKind BoundKind(int64_t options, bool start) {
  if (options & (start ? kStartUnboundedPreceding : kEndUnboundedPreceding)) {
    return FrameBoundKind::kUnboundedPreceding;
  }
  if (options & (start ? kStartUnboundedFollowing : kEndUnboundedFollowing)) {
    return FrameBoundKind::kUnboundedFollowing;
  }
  if (options & (start ? kStartOffsetPreceding : kEndOffsetPreceding)) {
    return FrameBoundKind::kPreceding;
  }
  if (options & (start ? kStartOffsetFollowing : kEndOffsetFollowing)) {
    return FrameBoundKind::kFollowing;
  }
  return FrameBoundKind::kCurrentRow;
}

}  // namespace

Result<std::unique_ptr<WindowSpec>> AstBuilder::BuildWindowDef(json::Object f, bool in_over) {
  auto spec = std::make_unique<WindowSpec>();
  int raw_location = json::RawLocation(f);
  spec->location = Shift(raw_location);
  std::string_view name = json::GetString(f, "name");
  std::string_view refname = json::GetString(f, "refname");
  int end = raw_location;
  if (!name.empty()) {
    Identifier id = Recover(name, raw_location, &end);
    if (in_over) {
      // OVER w: a bare reference to a window of the WINDOW clause.
      spec->base_name = std::move(id);
      spec->reference_only = true;
    } else {
      spec->name = std::move(id);
    }
  }
  if (!refname.empty()) spec->base_name = Recover(refname, end, &end);
  BB_ASSIGN_OR_RAISE(spec->partition_by, BuildExprList(json::GetList(f, "partitionClause")));
  BB_ASSIGN_OR_RAISE(spec->order_by, BuildSortList(json::GetList(f, "orderClause")));
  int64_t options = json::GetInt(f, "frameOptions");
  if (options & kNonDefault) {
    WindowFrame frame;
    frame.unit = (options & kRows) ? FrameUnit::kRows
                 : (options & kGroups) ? FrameUnit::kGroups
                                       : FrameUnit::kRange;
    frame.start.kind = BoundKind(options, true);
    frame.end.kind = BoundKind(options, false);
    if (auto offset = json::Get(f, "startOffset")) {
      BB_ASSIGN_OR_RAISE(frame.start.offset, BuildExpr(*offset));
    }
    if (auto offset = json::Get(f, "endOffset")) {
      BB_ASSIGN_OR_RAISE(frame.end.offset, BuildExpr(*offset));
    }
    frame.exclusion = (options & kExcludeCurrentRow) ? FrameExclusion::kCurrentRow
                      : (options & kExcludeGroup)    ? FrameExclusion::kGroup
                      : (options & kExcludeTies)     ? FrameExclusion::kTies
                                                     : FrameExclusion::kNoOthers;
    spec->frame = std::move(frame);
  }
  return spec;
}

}  // namespace bundlebase::sql
