// CancellationToken: shared flag semantics across copies and threads.
#include "base/cancellation.h"

#include <thread>

#include "test_util.h"

namespace bundlebase {
namespace {

TEST(CancellationTokenTest, StartsUncancelled) {
  CancellationToken token;
  EXPECT_FALSE(token.IsCancelled());
  EXPECT_OK(token.CheckCancelled());
}

TEST(CancellationTokenTest, CancelIsSharedByCopies) {
  CancellationToken token;
  CancellationToken copy = token;
  const CancellationToken& view = copy;
  view.Cancel();
  EXPECT_TRUE(token.IsCancelled());
  EXPECT_TRUE(copy.IsCancelled());
  Status status = token.CheckCancelled();
  EXPECT_TRUE(status.IsCancelled());
  EXPECT_EQ(status.message(), "interrupted");
  token.Cancel();  // idempotent
  EXPECT_TRUE(token.IsCancelled());
}

TEST(CancellationTokenTest, SeparateTokensAreIndependent) {
  CancellationToken a, b;
  a.Cancel();
  EXPECT_TRUE(a.IsCancelled());
  EXPECT_FALSE(b.IsCancelled());
}

TEST(CancellationTokenTest, VisibleAcrossThreads) {
  CancellationToken token;
  std::thread worker([token] {
    while (!token.IsCancelled()) std::this_thread::yield();
  });
  token.Cancel();
  worker.join();
  EXPECT_TRUE(token.CheckCancelled().IsCancelled());
}

}  // namespace
}  // namespace bundlebase
