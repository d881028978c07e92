// ResultCollector: per-thread lists of batches, appended to the global list at Combine.
#include "sql/execution/result_collector.h"

namespace bundlebase::sql {
namespace {

struct CollectedBatches : GlobalSinkState {
  std::mutex mu;
  std::vector<RecordBatchPtr> batches;
};
struct ThreadBatches : LocalSinkState {
  std::vector<RecordBatchPtr> batches;
};

}  // namespace

Result<std::unique_ptr<GlobalSinkState>> ResultCollector::MakeGlobalSinkState(
    ExecutionContext&) const {
  return std::make_unique<CollectedBatches>();
}

Result<std::unique_ptr<LocalSinkState>> ResultCollector::MakeLocalSinkState(ThreadContext&,
                                                                            GlobalSinkState&) const {
  return std::make_unique<ThreadBatches>();
}

Status ResultCollector::Consume(ThreadContext&, const RecordBatchPtr& input, GlobalSinkState&,
                                LocalSinkState& local) const {
  // Operators may hand out batches whose schema carries internal names: the result's are ours.
  static_cast<ThreadBatches&>(local).batches.push_back(
      std::make_shared<RecordBatch>(schema(), input->num_rows(), input->columns()));
  return Status::OK();
}

Status ResultCollector::Combine(ThreadContext&, GlobalSinkState& global,
                                LocalSinkState& local) const {
  auto& all = static_cast<CollectedBatches&>(global);
  auto& mine = static_cast<ThreadBatches&>(local).batches;
  std::lock_guard lock(all.mu);
  all.batches.insert(all.batches.end(), mine.begin(), mine.end());
  return Status::OK();
}

std::vector<RecordBatchPtr> ResultCollector::TakeBatches() const {
  auto* state = static_cast<CollectedBatches*>(sink_state());
  return state ? std::move(state->batches) : std::vector<RecordBatchPtr>{};
}

}  // namespace bundlebase::sql
