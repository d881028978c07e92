// BatchQueue: batches a sink has kept (UNION ALL's inputs, LIMIT's rows, window output), handed
// out one by one by the operator's source side — in order when one thread reads, in any order
// across threads otherwise. The bytes they hold were reserved against the query's memory budget
// by the sink; the queue gives them back once the last batch is out.
#pragma once

#include <atomic>
#include <vector>

#include "sql/execution/execution_context.h"
#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

class BatchQueue {
 public:
  void Add(RecordBatchPtr batch) { batches_.push_back(std::move(batch)); }
  std::vector<RecordBatchPtr>& batches() { return batches_; }
  void AddReservedBytes(int64_t bytes) { reserved_bytes_ += bytes; }

  // The next batch, or null when all were handed out.
  RecordBatchPtr Next(MemoryBudget& memory) {
    const size_t i = next_.fetch_add(1, std::memory_order_relaxed);
    if (i < batches_.size()) return batches_[i];
    if (i == batches_.size()) memory.Release(reserved_bytes_);
    return nullptr;
  }

 private:
  std::vector<RecordBatchPtr> batches_;
  std::atomic<size_t> next_{0};
  int64_t reserved_bytes_ = 0;
};

}  // namespace bundlebase::sql
