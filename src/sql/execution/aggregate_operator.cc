// HashAggregateOperator: thread-local grouping, merged in Finalize, handed out by Produce.
#include "sql/execution/aggregate_operator.h"

#include <mutex>

#include "base/thread_pool.h"
#include "sql/execution/aggregate_local_state.h"
#include "sql/execution/hash_group_merge.h"
#include "sql/execution/key_encoder.h"
#include "sql/functions/datum.h"

namespace bundlebase::sql {
namespace {

struct AggregateLocalSink : LocalSinkState {
  std::vector<std::unique_ptr<AggregateSetState>> sets;
};

struct AggregateGlobalSink : GlobalSinkState {
  std::mutex mu;
  std::vector<std::vector<std::unique_ptr<AggregateSetState>>> locals;  // per thread, per set
  std::vector<RecordBatchPtr> output;
};

struct AggregateSource : GlobalSourceState {
  std::atomic<size_t> next{0};
};

std::string ColumnList(const std::vector<int>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += "#" + std::to_string(columns[i]);
  }
  return out;
}

}  // namespace

HashAggregateOperator::HashAggregateOperator(SchemaPtr schema, PhysicalOperatorPtr child,
                                             std::vector<int> group_columns,
                                             std::vector<std::vector<int>> grouping_sets,
                                             std::vector<HashAggregateCall> aggregates)
    : PhysicalOperator(std::move(schema), SingleChild(std::move(child))),
      group_columns_(std::move(group_columns)),
      has_grouping_id_(!grouping_sets.empty()),
      aggregates_(std::move(aggregates)) {
  if (grouping_sets.empty()) {
    grouping_sets.emplace_back();
    for (size_t k = 0; k < group_columns_.size(); ++k) {
      grouping_sets.back().push_back(static_cast<int>(k));
    }
  }
  const Schema& input = *children()[0]->schema();
  for (auto& keys : grouping_sets) {
    GroupingSet set;
    std::vector<DataTypePtr> types;
    for (int k : keys) {
      set.columns.push_back(group_columns_[k]);
      types.push_back(input.field(group_columns_[k]).type);
    }
    if (!keys.empty()) set.encoder = std::make_unique<KeyEncoder>(std::move(types));
    set.keys = std::move(keys);
    sets_.push_back(std::move(set));
  }
}

HashAggregateOperator::~HashAggregateOperator() = default;

std::string HashAggregateOperator::details() const {
  std::string out = "keys: " + (group_columns_.empty() ? "none" : ColumnList(group_columns_));
  if (has_grouping_id_) {
    out += "; grouping sets: ";
    for (size_t s = 0; s < sets_.size(); ++s) {
      if (s > 0) out += ", ";
      out += "(" + ColumnList(sets_[s].columns) + ")";
    }
  }
  if (aggregates_.empty()) return out;
  out += "; aggregates: ";
  for (size_t a = 0; a < aggregates_.size(); ++a) {
    const HashAggregateCall& call = aggregates_[a];
    if (a > 0) out += ", ";
    out += call.call.function ? call.call.function->name : "?";
    out += "(";
    if (call.distinct) out += "DISTINCT ";
    out += call.arg_columns.empty() ? "*" : ColumnList(call.arg_columns);
    out += ")";
    if (call.filter_column >= 0) out += " FILTER #" + std::to_string(call.filter_column);
  }
  return out;
}

Result<std::unique_ptr<GlobalSinkState>> HashAggregateOperator::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<AggregateGlobalSink>();
}

Result<std::unique_ptr<LocalSinkState>> HashAggregateOperator::MakeLocalSinkState(
    ThreadContext& ctx, GlobalSinkState&) const {
  auto local = std::make_unique<AggregateLocalSink>();
  for (const GroupingSet& set : sets_) {
    BB_ASSIGN_OR_RAISE(auto state,
                       AggregateSetState::Make(set, aggregates_, &ctx.query().memory()));
    local->sets.push_back(std::move(state));
  }
  return local;
}

Status HashAggregateOperator::Consume(ThreadContext&, const RecordBatchPtr& input,
                                      GlobalSinkState&, LocalSinkState& local) const {
  auto& sink = static_cast<AggregateLocalSink&>(local);
  for (auto& set : sink.sets) BB_RETURN_NOT_OK(set->Update(*input));
  return Status::OK();
}

Status HashAggregateOperator::Combine(ThreadContext&, GlobalSinkState& global,
                                      LocalSinkState& local) const {
  auto& sink = static_cast<AggregateGlobalSink&>(global);
  std::lock_guard<std::mutex> lock(sink.mu);
  sink.locals.push_back(std::move(static_cast<AggregateLocalSink&>(local).sets));
  return Status::OK();
}

Result<std::vector<ArrayPtr>> HashAggregateOperator::FinalizeSet(ExecutionContext& ctx,
                                                                 GlobalSinkState& global,
                                                                 size_t set_index,
                                                                 int64_t* num_rows) const {
  auto& sink = static_cast<AggregateGlobalSink&>(global);
  const GroupingSet& set = sets_[set_index];
  std::vector<AggregateSetState*> locals;
  for (auto& thread_sets : sink.locals) locals.push_back(thread_sets[set_index].get());

  MergedGroups merged;
  if (set.encoder) {
    std::vector<KeyedGroups*> groups;
    for (AggregateSetState* local : locals) groups.push_back(local->groups());
    BB_ASSIGN_OR_RAISE(merged, MergeKeyedGroups(groups, ctx, "hash aggregate"));
  } else {
    merged.num_groups = 1;
    merged.group_maps.assign(locals.size(), std::vector<uint32_t>{0});
  }

  // The aggregates are independent: fold and finalize them in parallel.
  std::vector<ArrayPtr> values(aggregates_.size());
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
      aggregates_.size(),
      [&](size_t a) -> Status {
        if (locals.size() == 1) {
          BB_ASSIGN_OR_RAISE(values[a], locals[0]->aggregators()[a]->Finalize());
          return Status::OK();
        }
        BB_ASSIGN_OR_RAISE(auto total, MakeAggregator(aggregates_[a]));
        BB_RETURN_NOT_OK(total->Resize(merged.num_groups));
        for (size_t t = 0; t < locals.size(); ++t) {
          BB_RETURN_NOT_OK(
              total->Merge(*locals[t]->aggregators()[a], merged.group_maps[t].data()));
        }
        BB_ASSIGN_OR_RAISE(values[a], total->Finalize());
        return Status::OK();
      },
      static_cast<size_t>(ctx.threads())));
  for (AggregateSetState* local : locals) {
    if (local->groups()) local->groups()->ReleaseMemory();
  }

  const int64_t n = merged.num_groups;
  const Schema& out = *schema();
  std::vector<ArrayPtr> columns;
  int64_t grouping_id = 0;
  for (size_t k = 0; k < group_columns_.size(); ++k) {
    int position = -1;
    for (size_t j = 0; j < set.keys.size(); ++j) {
      if (set.keys[j] == static_cast<int>(k)) position = static_cast<int>(j);
    }
    if (position >= 0) {
      columns.push_back(merged.keys[position]);
    } else {
      grouping_id |= int64_t{1} << k;
      BB_ASSIGN_OR_RAISE(ArrayPtr nulls, MakeNullArray(out.field(static_cast<int>(k)).type, n));
      columns.push_back(std::move(nulls));
    }
  }
  for (ArrayPtr& v : values) columns.push_back(std::move(v));
  if (has_grouping_id_) {
    BB_ASSIGN_OR_RAISE(ArrayPtr ids, MakeArrayFromScalar(Scalar::FromInt64(grouping_id), n));
    columns.push_back(std::move(ids));
  }
  *num_rows = n;
  return columns;
}

Status HashAggregateOperator::Finalize(ExecutionContext& ctx, GlobalSinkState& global) const {
  auto& sink = static_cast<AggregateGlobalSink&>(global);
  if (sink.locals.empty()) {
    return Status::Internal("hash aggregate finalized before any thread combined its state");
  }
  const int64_t batch_rows = std::max<int64_t>(1, ctx.options().batch_rows);
  for (size_t s = 0; s < sets_.size(); ++s) {
    int64_t rows = 0;
    BB_ASSIGN_OR_RAISE(std::vector<ArrayPtr> columns, FinalizeSet(ctx, global, s, &rows));
    BB_ASSIGN_OR_RAISE(RecordBatchPtr all, RecordBatch::Make(schema(), std::move(columns)));
    for (int64_t offset = 0; offset < rows; offset += batch_rows) {
      sink.output.push_back(all->Slice(offset, std::min(batch_rows, rows - offset)));
    }
  }
  sink.locals.clear();
  return Status::OK();
}

Result<std::unique_ptr<GlobalSourceState>> HashAggregateOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<AggregateSource>();
}

Result<RecordBatchPtr> HashAggregateOperator::Produce(ThreadContext&, GlobalSourceState& global,
                                                      LocalSourceState&) const {
  auto* sink = static_cast<AggregateGlobalSink*>(sink_state());
  if (sink == nullptr) return Status::Internal("hash aggregate read before it was finalized");
  const size_t index = static_cast<AggregateSource&>(global).next.fetch_add(1);
  if (index >= sink->output.size()) return RecordBatchPtr();
  return sink->output[index];
}

}  // namespace bundlebase::sql
