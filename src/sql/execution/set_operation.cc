// SetOperationOperator: per-thread row groups with left/right counts, merged in Finalize.
#include "sql/execution/set_operation.h"

#include <algorithm>
#include <mutex>

#include "sql/execution/hash_group_merge.h"
#include "sql/execution/hash_pipeline_threads.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql {
namespace {

struct SetOperationLocal : LocalSinkState {
  int side = 0;  // 0: the left child's pipeline, 1: the right's
  std::unique_ptr<KeyedGroups> groups;
  std::vector<uint32_t> group_ids;
  std::vector<int64_t> counts;  // per group, rows seen from `side`
};

struct SetOperationGlobal : GlobalSinkState {
  std::mutex mu;
  int locals_made = 0;
  std::vector<std::unique_ptr<SetOperationLocal>> locals;
  std::vector<RecordBatchPtr> output;
};

struct SetOperationSource : GlobalSourceState {
  std::atomic<size_t> next{0};
};

std::vector<PhysicalOperatorPtr> TwoChildren(PhysicalOperatorPtr a, PhysicalOperatorPtr b) {
  std::vector<PhysicalOperatorPtr> children;
  children.push_back(std::move(a));
  children.push_back(std::move(b));
  return children;
}

}  // namespace

SetOperationOperator::SetOperationOperator(SchemaPtr schema, PhysicalOperatorPtr left,
                                           PhysicalOperatorPtr right, SetOperationKind kind,
                                           bool all)
    : PhysicalOperator(std::move(schema), TwoChildren(std::move(left), std::move(right))),
      kind_(kind),
      all_(all) {
  std::vector<DataTypePtr> types;
  for (int c = 0; c < child(0)->schema()->num_fields(); ++c) {
    columns_.push_back(c);
    types.push_back(child(0)->schema()->field(c).type);
  }
  encoder_ = std::make_unique<KeyEncoder>(std::move(types));
}

SetOperationOperator::~SetOperationOperator() = default;

std::string SetOperationOperator::details() const {
  std::string out = kind_ == SetOperationKind::kUnion       ? "UNION"
                    : kind_ == SetOperationKind::kIntersect ? "INTERSECT"
                                                            : "EXCEPT";
  return all_ ? out + " ALL" : out;
}

int64_t SetOperationOperator::Copies(int64_t m, int64_t n) const {
  switch (kind_) {
    case SetOperationKind::kUnion:
      return (m + n) > 0 ? 1 : 0;
    case SetOperationKind::kIntersect:
      return all_ ? std::min(m, n) : (m > 0 && n > 0 ? 1 : 0);
    case SetOperationKind::kExcept:
      return all_ ? std::max<int64_t>(m - n, 0) : (m > 0 && n == 0 ? 1 : 0);
  }
  return 0;
}

Result<std::unique_ptr<GlobalSinkState>> SetOperationOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<SetOperationGlobal>();
}

Result<std::unique_ptr<LocalSinkState>> SetOperationOperator::MakeLocalSinkState(
    ThreadContext& ctx, GlobalSinkState& global) const {
  // The executor runs the left child's pipeline to the end before the right child's, each
  // thread making one local state: the first PipelineThreadCount(left) states are the left's.
  auto& sink = static_cast<SetOperationGlobal&>(global);
  auto local = std::make_unique<SetOperationLocal>();
  {
    std::lock_guard<std::mutex> lock(sink.mu);
    local->side = sink.locals_made++ < PipelineThreadCount(*child(0), ctx.query()) ? 0 : 1;
  }
  local->groups = std::make_unique<KeyedGroups>(*encoder_, &ctx.query().memory(),
                                                "set operation");
  return local;
}

Status SetOperationOperator::Consume(ThreadContext&, const RecordBatchPtr& input,
                                     GlobalSinkState&, LocalSinkState& base) const {
  auto& local = static_cast<SetOperationLocal&>(base);
  BB_RETURN_NOT_OK(local.groups->Add(*input, columns_, &local.group_ids));
  local.counts.resize(static_cast<size_t>(local.groups->num_groups()), 0);
  for (uint32_t g : local.group_ids) ++local.counts[g];
  return Status::OK();
}

Status SetOperationOperator::Combine(ThreadContext&, GlobalSinkState& global,
                                     LocalSinkState& base) const {
  auto& sink = static_cast<SetOperationGlobal&>(global);
  auto& local = static_cast<SetOperationLocal&>(base);
  auto moved = std::make_unique<SetOperationLocal>();
  moved->side = local.side;
  moved->groups = std::move(local.groups);
  moved->counts = std::move(local.counts);
  std::lock_guard<std::mutex> lock(sink.mu);
  sink.locals.push_back(std::move(moved));
  return Status::OK();
}

Status SetOperationOperator::Finalize(ExecutionContext& ctx, GlobalSinkState& global) const {
  auto& sink = static_cast<SetOperationGlobal&>(global);
  std::vector<KeyedGroups*> groups;
  for (auto& local : sink.locals) groups.push_back(local->groups.get());
  if (groups.empty()) return Status::Internal("set operation finalized without input states");
  BB_ASSIGN_OR_RAISE(MergedGroups merged, MergeKeyedGroups(groups, ctx, "set operation"));
  std::vector<int64_t> left(static_cast<size_t>(merged.num_groups), 0);
  std::vector<int64_t> right(left.size(), 0);
  for (size_t t = 0; t < sink.locals.size(); ++t) {
    auto& counts = sink.locals[t]->side == 0 ? left : right;
    const auto& map = merged.group_maps[t];
    for (size_t g = 0; g < sink.locals[t]->counts.size(); ++g) {
      counts[map[g]] += sink.locals[t]->counts[g];
    }
    sink.locals[t]->groups->ReleaseMemory();
  }
  sink.locals.clear();

  const int64_t batch_rows = std::max<int64_t>(1, ctx.options().batch_rows);
  std::vector<int32_t> rows;
  auto flush = [&]() -> Status {
    if (rows.empty()) return Status::OK();
    std::vector<ArrayPtr> columns;
    for (const ArrayPtr& key : merged.keys) {
      BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(key, rows));
      columns.push_back(std::move(taken));
    }
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch, RecordBatch::Make(schema(), std::move(columns)));
    sink.output.push_back(std::move(batch));
    rows.clear();
    return Status::OK();
  };
  for (int64_t g = 0; g < merged.num_groups; ++g) {
    for (int64_t copies = Copies(left[g], right[g]); copies > 0; --copies) {
      rows.push_back(static_cast<int32_t>(g));
      if (static_cast<int64_t>(rows.size()) == batch_rows) BB_RETURN_NOT_OK(flush());
    }
  }
  return flush();
}

Result<std::unique_ptr<GlobalSourceState>> SetOperationOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<SetOperationSource>();
}

Result<RecordBatchPtr> SetOperationOperator::Produce(ThreadContext&, GlobalSourceState& global,
                                                     LocalSourceState&) const {
  auto* sink = static_cast<SetOperationGlobal*>(sink_state());
  if (sink == nullptr) return Status::Internal("set operation read before it was finalized");
  const size_t index = static_cast<SetOperationSource&>(global).next.fetch_add(1);
  if (index >= sink->output.size()) return RecordBatchPtr();
  return sink->output[index];
}

}  // namespace bundlebase::sql
