// ThreadPool: a fixed set of worker threads shared by the whole process, and ParallelFor, the
// primitive the morsel-parallel scans, Parquet decoding and fetch downloads are built on.
//
// ParallelFor runs tasks on the pool *and on the calling thread*, handing out indices from one
// atomic counter. The caller never waits for work that has not started: it only waits for
// tasks other threads are already running. So a task may itself call ParallelFor (a query
// scanning files in parallel, each decoding row groups in parallel) without deadlocking, even
// when every worker is busy — the nested call then simply runs on its caller.
//
// Submit() is for independent background work. Blocking on its future from inside a pool task
// can deadlock once all workers do it; use ParallelFor there.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include "bundlebase/status.h"

namespace bundlebase {

class ThreadPool {
 public:
  // Starts max(1, num_threads) workers.
  explicit ThreadPool(size_t num_threads);
  // Runs every task already submitted, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // The process-wide pool, started on first use with DefaultThreadCount() workers. It is never
  // destroyed, so tasks may outlive main() without touching a dead pool.
  static ThreadPool& Default();
  // BUNDLEBASE_THREADS if set to an integer from 1 to 1024; otherwise the number of hardware
  // threads (at least 1), with a logged warning when the variable was set but unusable.
  static size_t DefaultThreadCount();

  size_t num_threads() const { return workers_.size(); }

  // Runs fn() on a worker; the future yields its result.
  template <typename Fn>
  auto Submit(Fn&& fn) -> std::future<std::invoke_result_t<std::decay_t<Fn>&>> {
    using R = std::invoke_result_t<std::decay_t<Fn>&>;
    // std::function needs a copyable target and packaged_task is move-only: share it.
    auto task = std::make_shared<std::packaged_task<R()>>(std::forward<Fn>(fn));
    std::future<R> future = task->get_future();
    Enqueue([task] { (*task)(); });
    return future;
  }

  // Runs fn(0) ... fn(n-1), each exactly once unless an error stops the loop, on at most
  // min(max_parallelism, num_threads()) threads at a time, the caller included
  // (max_parallelism 0 means num_threads()). After the first failure no new index is started;
  // ParallelFor returns once the running ones finish, with the error of the lowest failed
  // index. An exception escaping fn becomes an Internal error rather than killing a worker.
  Status ParallelFor(size_t n, const std::function<Status(size_t)>& fn,
                     size_t max_parallelism = 0);

 private:
  void Enqueue(std::function<void()> task);
  void WorkerLoop();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace bundlebase
