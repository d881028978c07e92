// ThreadPool: Submit, draining on destruction, ParallelFor coverage, errors, nesting without
// deadlock, parallelism limits, and the BUNDLEBASE_THREADS setting.
#include "base/thread_pool.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace bundlebase {
namespace {

TEST(ThreadPoolTest, SubmitReturnsValues) {
  ThreadPool pool(2);
  EXPECT_EQ(pool.num_threads(), 2u);
  auto answer = pool.Submit([] { return 42; });
  auto text = pool.Submit([] { return std::string("done"); });
  EXPECT_EQ(answer.get(), 42);
  EXPECT_EQ(text.get(), "done");
  auto unique = std::make_unique<int>(7);
  auto moved = pool.Submit([p = std::move(unique)] { return *p; });  // move-only capture
  EXPECT_EQ(moved.get(), 7);
  auto status = pool.Submit([] { return Status::Invalid("bad {}", 1); });
  EXPECT_TRUE(status.get().IsInvalid());
}

TEST(ThreadPoolTest, ZeroThreadsMeansOne) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.num_threads(), 1u);
  EXPECT_EQ(pool.Submit([] { return 1; }).get(), 1);
}

TEST(ThreadPoolTest, ManySubmittedTasksAllRun) {
  std::atomic<int> sum{0};
  std::vector<std::future<void>> futures;
  {
    ThreadPool pool(4);
    for (int i = 1; i <= 1000; ++i) {
      futures.push_back(pool.Submit([&sum, i] { sum += i; }));
    }
  }  // the destructor drains the queue
  EXPECT_EQ(sum.load(), 500500);
  for (auto& f : futures) {
    EXPECT_EQ(f.wait_for(std::chrono::seconds(0)), std::future_status::ready);
  }
}

TEST(ThreadPoolTest, DestructorRunsQueuedTasks) {
  std::atomic<int> ran{0};
  {
    ThreadPool pool(1);
    for (int i = 0; i < 50; ++i) {
      (void)pool.Submit([&ran] {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        ++ran;
      });
    }
  }
  EXPECT_EQ(ran.load(), 50);
}

TEST(ParallelForTest, EmptyAndSingle) {
  ThreadPool pool(2);
  int calls = 0;
  EXPECT_OK(pool.ParallelFor(0, [&](size_t) {
    ++calls;
    return Status::OK();
  }));
  EXPECT_EQ(calls, 0);
  EXPECT_OK(pool.ParallelFor(1, [&](size_t i) {
    EXPECT_EQ(i, 0u);
    ++calls;
    return Status::OK();
  }));
  EXPECT_EQ(calls, 1);
}

TEST(ParallelForTest, EveryIndexExactlyOnce) {
  for (size_t threads : {1, 2, 4, 8}) {
    ThreadPool pool(threads);
    constexpr size_t kN = 20000;
    std::vector<std::atomic<int>> hits(kN);
    ASSERT_OK(pool.ParallelFor(kN, [&](size_t i) {
      hits[i].fetch_add(1);
      return Status::OK();
    }));
    for (size_t i = 0; i < kN; ++i) ASSERT_EQ(hits[i].load(), 1) << i << " threads=" << threads;
  }
}

TEST(ParallelForTest, RunsOnSeveralThreads) {
  ThreadPool pool(4);
  // Every task waits (bounded) until two tasks run at once: proof of real parallelism.
  std::atomic<int> running{0};
  std::atomic<bool> overlapped{false};
  std::mutex mu;
  std::set<std::thread::id> ids;
  ASSERT_OK(pool.ParallelFor(8, [&](size_t) {
    {
      std::lock_guard<std::mutex> lock(mu);
      ids.insert(std::this_thread::get_id());
    }
    ++running;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (running.load() < 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    if (running.load() >= 2) overlapped = true;
    return Status::OK();
  }));
  EXPECT_TRUE(overlapped.load());
  EXPECT_GE(ids.size(), 2u);
  EXPECT_LE(ids.size(), 4u);
}

TEST(ParallelForTest, RespectsMaxParallelism) {
  ThreadPool pool(4);
  for (size_t limit : {1, 2, 3}) {
    std::atomic<int> running{0};
    std::atomic<int> peak{0};
    ASSERT_OK(pool.ParallelFor(
        64,
        [&](size_t) {
          int now = ++running;
          int seen = peak.load();
          while (now > seen && !peak.compare_exchange_weak(seen, now)) {
          }
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          --running;
          return Status::OK();
        },
        limit));
    EXPECT_LE(peak.load(), static_cast<int>(limit)) << limit;
  }
}

TEST(ParallelForTest, MaxParallelismOneRunsOnTheCaller) {
  ThreadPool pool(4);
  auto caller = std::this_thread::get_id();
  ASSERT_OK(pool.ParallelFor(
      100,
      [&](size_t) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        return Status::OK();
      },
      1));
}

TEST(ParallelForTest, ReturnsTheError) {
  ThreadPool pool(4);
  std::atomic<int> calls{0};
  Status status = pool.ParallelFor(1000, [&](size_t i) {
    ++calls;
    if (i == 500) return Status::IOError("file {} unreadable", i);
    return Status::OK();
  });
  EXPECT_TRUE(status.IsIOError());
  EXPECT_EQ(status.message(), "file 500 unreadable");
  EXPECT_GE(calls.load(), 1);
}

TEST(ParallelForTest, StopsHandingOutTasksAfterAnError) {
  // With one thread the order is sequential, so nothing after the failure may start.
  ThreadPool pool(1);
  std::vector<size_t> started;
  Status status = pool.ParallelFor(100, [&](size_t i) {
    started.push_back(i);
    return i == 10 ? Status::Invalid("stop at {}", i) : Status::OK();
  });
  EXPECT_EQ(status.message(), "stop at 10");
  EXPECT_EQ(started.size(), 11u);

  // With several threads, only tasks already running when the error came may still finish.
  // The other tasks are slow so that a preempted failing thread cannot let them all run.
  ThreadPool wide(4);
  std::atomic<int> count{0};
  status = wide.ParallelFor(1000, [&](size_t i) {
    ++count;
    if (i == 0) return Status::Invalid("first");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return Status::OK();
  });
  EXPECT_EQ(status.message(), "first");
  EXPECT_LT(count.load(), 1000);
}

TEST(ParallelForTest, LowestFailedIndexWins) {
  ThreadPool pool(4);
  for (int round = 0; round < 20; ++round) {
    // All tasks start together (n == threads, each waits for the others), then all fail.
    std::atomic<int> arrived{0};
    Status status = pool.ParallelFor(4, [&](size_t i) {
      ++arrived;
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (arrived.load() < 4 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
      }
      return Status::Invalid("task {}", i);
    });
    EXPECT_EQ(status.message(), "task 0");
  }
}

TEST(ParallelForTest, ExceptionsBecomeInternalErrors) {
  ThreadPool pool(2);
  Status status = pool.ParallelFor(10, [](size_t i) -> Status {
    if (i == 3) throw std::runtime_error("boom");
    return Status::OK();
  });
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("boom"), std::string::npos);
}

TEST(ParallelForTest, NestedCallsDoNotDeadlock) {
  for (size_t threads : {1, 2, 3}) {
    ThreadPool pool(threads);
    std::atomic<int> leaves{0};
    ASSERT_OK(pool.ParallelFor(16, [&](size_t) {
      return pool.ParallelFor(16, [&](size_t) {
        return pool.ParallelFor(8, [&](size_t) {
          ++leaves;
          return Status::OK();
        });
      });
    }));
    EXPECT_EQ(leaves.load(), 16 * 16 * 8) << threads;
  }
}

TEST(ParallelForTest, NestedErrorPropagates) {
  ThreadPool pool(2);
  Status status = pool.ParallelFor(8, [&](size_t outer) {
    return pool.ParallelFor(8, [&](size_t inner) {
      if (outer == 5 && inner == 6) return Status::NotFound("missing {}.{}", outer, inner);
      return Status::OK();
    });
  });
  EXPECT_TRUE(status.IsNotFound());
  EXPECT_EQ(status.message(), "missing 5.6");
}

TEST(ParallelForTest, ConcurrentCallersShareThePool) {
  ThreadPool pool(2);
  std::atomic<long> total{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c) {
    callers.emplace_back([&] {
      for (int rep = 0; rep < 20; ++rep) {
        EXPECT_OK(pool.ParallelFor(500, [&](size_t i) {
          total += static_cast<long>(i);
          return Status::OK();
        }));
      }
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(total.load(), 4L * 20 * (499L * 500 / 2));
}

// Sets BUNDLEBASE_THREADS for one test and restores it afterwards.
class ThreadCountEnvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* env = std::getenv("BUNDLEBASE_THREADS")) saved_ = env;
  }
  void TearDown() override {
    if (saved_) {
      ::setenv("BUNDLEBASE_THREADS", saved_->c_str(), 1);
    } else {
      ::unsetenv("BUNDLEBASE_THREADS");
    }
  }
  std::optional<std::string> saved_;
};

TEST_F(ThreadCountEnvTest, ReadsTheEnvironment) {
  ::unsetenv("BUNDLEBASE_THREADS");
  size_t hardware = ThreadPool::DefaultThreadCount();
  EXPECT_GE(hardware, 1u);
  ::setenv("BUNDLEBASE_THREADS", "3", 1);
  EXPECT_EQ(ThreadPool::DefaultThreadCount(), 3u);
  ::setenv("BUNDLEBASE_THREADS", "1024", 1);
  EXPECT_EQ(ThreadPool::DefaultThreadCount(), 1024u);
  for (const char* bad : {"0", "-2", "abc", "4x", " 4", "1025", "99999999999999999999999", ""}) {
    ::setenv("BUNDLEBASE_THREADS", bad, 1);
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(ThreadPool::DefaultThreadCount(), hardware) << bad;
    ::testing::internal::GetCapturedStderr();
  }
}

TEST(ThreadPoolTest, DefaultPoolIsShared) {
  ThreadPool& a = ThreadPool::Default();
  ThreadPool& b = ThreadPool::Default();
  EXPECT_EQ(&a, &b);
  EXPECT_GE(a.num_threads(), 1u);
  std::atomic<int> n{0};
  ASSERT_OK(a.ParallelFor(100, [&](size_t) {
    ++n;
    return Status::OK();
  }));
  EXPECT_EQ(n.load(), 100);
}

}  // namespace
}  // namespace bundlebase
