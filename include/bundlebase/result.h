// Result<T>: either a value or the Status that explains why there is none (Arrow's idiom).
//
// BB_ASSIGN_OR_RAISE(auto x, Compute()) unwraps a value or returns the error to the caller.
#pragma once

#include <cassert>
#include <new>
#include <type_traits>
#include <utility>
#include <variant>

#include "bundlebase/status.h"

namespace bundlebase {

template <typename T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<T, Status>, "use Status directly");

 public:
  // An error. Passing an OK status is a bug and turns into an Internal error.
  Result(Status status) : v_(std::move(status)) {  // NOLINT(runtime/explicit)
    if (std::get<Status>(v_).ok()) {
      v_ = Status::Internal("Result constructed from an OK status without a value");
    }
  }
  Result(T value) : v_(std::move(value)) {}  // NOLINT(runtime/explicit)
  template <typename U,
            typename = std::enable_if_t<std::is_convertible_v<U&&, T> &&
                                        !std::is_same_v<std::decay_t<U>, T> &&
                                        !std::is_same_v<std::decay_t<U>, Status>>>
  Result(U&& value) : v_(T(std::forward<U>(value))) {}  // NOLINT(runtime/explicit)

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  const T& ValueOrDie() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T& ValueOrDie() & {
    assert(ok());
    return std::get<T>(v_);
  }
  T ValueOrDie() && {
    assert(ok());
    return std::move(std::get<T>(v_));
  }
  T MoveValueUnsafe() { return std::move(std::get<T>(v_)); }

  const T& operator*() const& { return ValueOrDie(); }
  T& operator*() & { return ValueOrDie(); }
  T operator*() && { return std::move(*this).ValueOrDie(); }
  const T* operator->() const { return &ValueOrDie(); }
  T* operator->() { return &ValueOrDie(); }

  T ValueOr(T fallback) && { return ok() ? std::move(std::get<T>(v_)) : std::move(fallback); }

 private:
  std::variant<Status, T> v_;
};

template <typename T>
Status ToStatus(const Result<T>& r) {
  return r.status();
}

}  // namespace bundlebase

#define BB_CONCAT_INNER(a, b) a##b
#define BB_CONCAT(a, b) BB_CONCAT_INNER(a, b)

#define BB_ASSIGN_OR_RAISE_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                            \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).MoveValueUnsafe();

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else assigns the value to `lhs`
// (which may be a declaration: BB_ASSIGN_OR_RAISE(auto file, fs->OpenRead(path))).
#define BB_ASSIGN_OR_RAISE(lhs, rexpr) \
  BB_ASSIGN_OR_RAISE_IMPL(BB_CONCAT(_bb_result_, __COUNTER__), lhs, rexpr)
