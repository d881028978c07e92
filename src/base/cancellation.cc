// CancellationToken: the shared flag and its Status.
#include "base/cancellation.h"

namespace bundlebase {

CancellationToken::CancellationToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}

void CancellationToken::Cancel() const { flag_->store(true, std::memory_order_release); }

bool CancellationToken::IsCancelled() const { return flag_->load(std::memory_order_acquire); }

Status CancellationToken::CheckCancelled() const {
  return IsCancelled() ? Status::Cancelled("interrupted") : Status::OK();
}

}  // namespace bundlebase
