// Status: the outcome of an operation that can fail, carried as a value (DESIGN §2).
//
// The core never throws. Every fallible function returns a Status or a Result<T>; callers
// propagate with BB_RETURN_NOT_OK / BB_ASSIGN_OR_RAISE. A Status is one pointer wide, so the
// OK path costs a null check. Codes map one-to-one to the exceptions raised at the Python
// boundary (Invalid -> ValueError, IOError -> OSError, Conflict -> bundlebase.ConflictError...).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace bundlebase {

enum class StatusCode : unsigned char {
  kOk = 0,
  kInvalid,           // bad input from the user: syntax, arguments, malformed files
  kTypeError,         // a value or column has the wrong type
  kKeyError,          // an unknown name: column, pack, table, option
  kNotFound,          // a file, object or version that does not exist
  kAlreadyExists,     // create-if-absent found something in the way
  kIOError,           // the operating system or a server failed
  kConflict,          // another writer committed first
  kCancelled,         // the user interrupted the operation
  kResourceExhausted, // a memory or size limit was hit
  kNotImplemented,    // a valid request this build cannot serve (e.g. an unsupported codec)
  kInternal,          // a broken invariant: always a bug
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() noexcept = default;
  Status(StatusCode code, std::string message);

  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status OK() { return Status(); }

  template <typename... Args>
  static Status Invalid(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kInvalid, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status TypeError(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kTypeError, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status KeyError(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kKeyError, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status NotFound(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kNotFound, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status AlreadyExists(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kAlreadyExists, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status IOError(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kIOError, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status Conflict(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kConflict, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status Cancelled(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kCancelled, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status ResourceExhausted(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kResourceExhausted, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status NotImplemented(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kNotImplemented, fmt::format(f, std::forward<Args>(args)...));
  }
  template <typename... Args>
  static Status Internal(fmt::format_string<Args...> f, Args&&... args) {
    return Status(StatusCode::kInternal, fmt::format(f, std::forward<Args>(args)...));
  }

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  const std::string& message() const;

  bool IsInvalid() const { return code() == StatusCode::kInvalid; }
  bool IsTypeError() const { return code() == StatusCode::kTypeError; }
  bool IsKeyError() const { return code() == StatusCode::kKeyError; }
  bool IsNotFound() const { return code() == StatusCode::kNotFound; }
  bool IsAlreadyExists() const { return code() == StatusCode::kAlreadyExists; }
  bool IsIOError() const { return code() == StatusCode::kIOError; }
  bool IsConflict() const { return code() == StatusCode::kConflict; }
  bool IsCancelled() const { return code() == StatusCode::kCancelled; }
  bool IsResourceExhausted() const { return code() == StatusCode::kResourceExhausted; }

  // "Invalid: message" — for logs and test failures. Users see message() alone.
  std::string ToString() const;

  // A copy whose message is "<context>: <message>", same code. Used to name the file, source
  // or statement an error came from as it travels up ("events.csv: line 3, column 2: ...").
  Status WithContext(std::string_view context) const;
  template <typename... Args>
  Status WithContextF(fmt::format_string<Args...> f, Args&&... args) const {
    return ok() ? *this : WithContext(fmt::format(f, std::forward<Args>(args)...));
  }

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  std::unique_ptr<State> state_;
};

}  // namespace bundlebase

// Returns from the current function if `expr` (a Status) is not OK.
#define BB_RETURN_NOT_OK(expr)                                  \
  do {                                                          \
    ::bundlebase::Status _bb_status = ::bundlebase::ToStatus(expr); \
    if (!_bb_status.ok()) return _bb_status;                    \
  } while (false)

// Like BB_RETURN_NOT_OK, adding context to the error message on the way out.
#define BB_RETURN_NOT_OK_CTX(expr, ...)                                     \
  do {                                                                      \
    ::bundlebase::Status _bb_status = ::bundlebase::ToStatus(expr);         \
    if (!_bb_status.ok()) return _bb_status.WithContextF(__VA_ARGS__);      \
  } while (false)

namespace bundlebase {
inline Status ToStatus(Status s) { return s; }
}  // namespace bundlebase
