// CancellationToken: a flag that tells long-running work (a query, a fetch) to stop early —
// set by Ctrl-C in the CLI or KeyboardInterrupt in Python, checked between batches and files.
//
// Copies share one flag, so the token handed to worker tasks sees the cancellation made
// through the copy the signal handler holds. Cancel() is a single lock-free atomic store and
// therefore safe to call from a signal handler.
#pragma once

#include <atomic>
#include <memory>

#include "bundlebase/status.h"

namespace bundlebase {

class CancellationToken {
 public:
  CancellationToken();

  void Cancel() const;
  bool IsCancelled() const;
  // Status::Cancelled("interrupted") once cancelled, else OK; meant for
  // BB_RETURN_NOT_OK(token.CheckCancelled()) between units of work.
  Status CheckCancelled() const;

 private:
  static_assert(std::atomic<bool>::is_always_lock_free, "Cancel() must be signal-safe");
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace bundlebase
