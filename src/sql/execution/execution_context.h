// ExecutionContext: what every operator of one running query can see — thread count, the
// statement's fixed clock, its memory budget, cancellation — and per-thread kernel contexts.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "bundlebase/status.h"
#include "sql/functions/function.h"

namespace bundlebase::sql {

// Microseconds since the Unix epoch: the clock now(), current_date and friends are fixed to,
// once per statement.
int64_t CurrentTimeMicros();

// Counts bytes held by operator state (hash tables, sort buffers) against a limit. Exceeding it
// is a ResourceExhausted error that names the operator and the limit and says how to raise it.
class MemoryBudget {
 public:
  explicit MemoryBudget(int64_t limit_bytes) : limit_(limit_bytes) {}
  // `what` names the operator for the error message ("hash aggregate", "sort").
  Status Reserve(int64_t bytes, const char* what);
  void Release(int64_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }
  int64_t used() const { return used_.load(std::memory_order_relaxed); }
  int64_t limit() const { return limit_; }

 private:
  int64_t limit_;
  std::atomic<int64_t> used_{0};
};

struct ExecutionOptions {
  int threads = 0;                   // 0: the process thread pool's size
  int64_t memory_limit = int64_t{8} << 30;
  int64_t batch_rows = 2048;         // vector size operators aim for
  bool profile = false;              // EXPLAIN ANALYZE: time every operator
};

class ExecutionContext {
 public:
  explicit ExecutionContext(ExecutionOptions options);

  const ExecutionOptions& options() const { return options_; }
  int threads() const { return threads_; }
  MemoryBudget& memory() { return memory_; }
  int64_t statement_time_us() const { return statement_time_us_; }

  // A kernel context for single-threaded work (finalize steps); threads get theirs through
  // ThreadContext.
  KernelContext MakeKernelContext(std::mt19937_64* rng) const;

  // Cancellation: set by the first failing thread so the others stop early.
  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  ExecutionOptions options_;
  int threads_;
  MemoryBudget memory_;
  int64_t statement_time_us_;
  std::atomic<bool> cancelled_{false};
};

// What one thread running a pipeline holds: the query's context and its own kernel context
// (random numbers and scratch space are per thread).
class ThreadContext {
 public:
  ThreadContext(ExecutionContext& query, int thread_index);
  ExecutionContext& query() { return query_; }
  KernelContext& kernel() { return kernel_; }
  int thread_index() const { return thread_index_; }

 private:
  ExecutionContext& query_;
  int thread_index_;
  std::mt19937_64 rng_;
  KernelContext kernel_;
};

}  // namespace bundlebase::sql
