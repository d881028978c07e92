// Worker threads, the task queue, and ParallelFor's shared-counter scheduling.
#include "base/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <limits>
#include <string_view>

#include "base/logging.h"

namespace bundlebase {
namespace {

constexpr size_t kMaxThreads = 1024;

// What the threads of one ParallelFor share. Helpers hold it by shared_ptr because one may
// start only after ParallelFor has returned; such a late helper finds no index left and
// never touches `fn`, which by then may be gone.
struct ParallelForState {
  ParallelForState(size_t n, const std::function<Status(size_t)>* fn) : n(n), fn(fn) {}

  // Claims and runs indices until none are left.
  void Run() {
    for (;;) {
      size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) return;
      if (!failed.load(std::memory_order_relaxed)) {
        Status status = RunOne(i);
        if (!status.ok()) Fail(i, std::move(status));
      }
      // Indices skipped after a failure count as done too, so the caller's wait ends.
      if (done.fetch_add(1, std::memory_order_acq_rel) + 1 == n) {
        std::lock_guard<std::mutex> lock(mu);
        all_done.notify_all();
      }
    }
  }

  Status RunOne(size_t i) {
    try {
      return (*fn)(i);
    } catch (const std::exception& e) {
      return Status::Internal("uncaught exception in parallel task {}: {}", i, e.what());
    } catch (...) {
      return Status::Internal("uncaught exception in parallel task {}", i);
    }
  }

  void Fail(size_t i, Status status) {
    std::lock_guard<std::mutex> lock(mu);
    if (i < error_index) {
      error_index = i;
      error = std::move(status);
    }
    failed.store(true, std::memory_order_relaxed);
  }

  // Blocks until every claimed index has finished.
  void Wait() {
    std::unique_lock<std::mutex> lock(mu);
    all_done.wait(lock, [this] { return done.load(std::memory_order_acquire) == n; });
  }

  const size_t n;
  const std::function<Status(size_t)>* const fn;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  std::mutex mu;  // guards the error and pairs with all_done
  std::condition_variable all_done;
  size_t error_index = std::numeric_limits<size_t>::max();
  Status error;
};

}  // namespace

ThreadPool::ThreadPool(size_t num_threads) {
  if (num_threads == 0) num_threads = 1;
  workers_.reserve(num_threads);
  for (size_t i = 0; i < num_threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

ThreadPool& ThreadPool::Default() {
  static ThreadPool* pool = new ThreadPool(DefaultThreadCount());
  return *pool;
}

size_t ThreadPool::DefaultThreadCount() {
  size_t hardware = std::max<size_t>(1, std::thread::hardware_concurrency());
  const char* env = std::getenv("BUNDLEBASE_THREADS");
  if (env == nullptr || *env == '\0') return hardware;
  std::string_view text(env);
  size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > kMaxThreads) {
    BB_LOG_WARN("ignoring BUNDLEBASE_THREADS='{}': expected an integer from 1 to {}; using {}",
                text, kMaxThreads, hardware);
    return hardware;
  }
  return value;
}

void ThreadPool::Enqueue(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(task));
  }
  cv_.notify_one();
}

void ThreadPool::WorkerLoop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything submitted has run
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

Status ThreadPool::ParallelFor(size_t n, const std::function<Status(size_t)>& fn,
                               size_t max_parallelism) {
  if (n == 0) return Status::OK();
  size_t parallelism = num_threads();
  if (max_parallelism != 0) parallelism = std::min(parallelism, max_parallelism);
  size_t helpers = std::min(n, parallelism) - 1;

  auto state = std::make_shared<ParallelForState>(n, &fn);
  for (size_t h = 0; h < helpers; ++h) Enqueue([state] { state->Run(); });
  state->Run();
  state->Wait();
  return std::move(state->error);
}

}  // namespace bundlebase
