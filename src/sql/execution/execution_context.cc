// ExecutionContext, ThreadContext and the memory budget.
#include "sql/execution/execution_context.h"

#include <chrono>

#include "base/size.h"
#include "base/thread_pool.h"

namespace bundlebase::sql {

Status MemoryBudget::Reserve(int64_t bytes, const char* what) {
  int64_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (now > limit_) {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
    return Status::ResourceExhausted(
        "{} needs more than the query memory limit of {} (in use: {}); raise memory_limit or "
        "narrow the query",
        what, FormatHumanSize(static_cast<uint64_t>(limit_)),
        FormatHumanSize(static_cast<uint64_t>(now - bytes)));
  }
  return Status::OK();
}

int64_t CurrentTimeMicros() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

ExecutionContext::ExecutionContext(ExecutionOptions options)
    : options_(options),
      threads_(options.threads > 0 ? options.threads
                                   : static_cast<int>(ThreadPool::Default().num_threads())),
      memory_(options.memory_limit),
      statement_time_us_(CurrentTimeMicros()) {}

KernelContext ExecutionContext::MakeKernelContext(std::mt19937_64* rng) const {
  KernelContext kc;
  kc.statement_time_us = statement_time_us_;
  kc.rng = rng;
  return kc;
}

ThreadContext::ThreadContext(ExecutionContext& query, int thread_index)
    : query_(query),
      thread_index_(thread_index),
      rng_(std::random_device{}() ^ static_cast<uint64_t>(thread_index)),
      kernel_(query.MakeKernelContext(&rng_)) {}

}  // namespace bundlebase::sql
