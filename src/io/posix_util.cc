// POSIX helpers: EINTR/short-transfer loops, errno messages, directory fsync, temp names.
#include "io/posix_util.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <system_error>

namespace bundlebase::io {
namespace {

constexpr std::string_view kTempMarker = ".tmp-";
constexpr size_t kTempSuffixDigits = 16;
// Leaves room for the dot, the marker and the suffix within NAME_MAX (255).
constexpr size_t kMaxTempStemBytes = 200;

// Unpredictable per call and distinct across forked processes, which would share the state of
// any user-space generator seeded before the fork.
uint64_t RandomSuffix() {
  uint64_t value = 0;
  if (::getrandom(&value, sizeof(value), 0) == static_cast<ssize_t>(sizeof(value))) return value;
  // getrandom only fails on kernels older than 3.17; fall back to a mix that still differs
  // between processes and calls. O_EXCL on the temp file catches any collision anyway.
  static std::atomic<uint64_t> counter{0};
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return (static_cast<uint64_t>(::getpid()) << 40) ^ (counter.fetch_add(1) << 20) ^
         static_cast<uint64_t>(ts.tv_nsec) ^ (static_cast<uint64_t>(ts.tv_sec) << 30);
}

bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

Status ErrnoStatus(int errnum, std::string_view op, std::string_view path) {
  std::string reason = std::error_code(errnum, std::generic_category()).message();
  switch (errnum) {
    case ENOENT:
      return Status::NotFound("cannot {} '{}': {}", op, path, reason);
    case EEXIST:
      return Status::AlreadyExists("cannot {} '{}': {}", op, path, reason);
    default:
      return Status::IOError("cannot {} '{}': {}", op, path, reason);
  }
}

ScopedFd::~ScopedFd() {
  if (fd_ >= 0) ::close(fd_);
}

ScopedFd& ScopedFd::operator=(ScopedFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

Status ScopedFd::Close(std::string_view path) {
  if (fd_ < 0) return Status::OK();
  int fd = fd_;
  fd_ = -1;
  // Linux releases the descriptor even when close fails with EINTR, so it is never retried.
  if (::close(fd) != 0 && errno != EINTR) return ErrnoStatus(errno, "close", path);
  return Status::OK();
}

Result<ScopedFd> OpenFd(const std::string& path, int flags, int mode) {
  for (;;) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
    if (fd >= 0) return ScopedFd(fd);
    if (errno != EINTR) return ErrnoStatus(errno, "open", path);
  }
}

Result<ScopedFd> OpenRegularFileForRead(const std::string& path, uint64_t* size) {
  int fd;
  do {
    // O_NONBLOCK keeps open(2) of a FIFO from waiting for a writer; regular files ignore it.
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return ErrnoStatus(errno == ENOTDIR ? ENOENT : errno, "open", path);
  ScopedFd owned(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) return ErrnoStatus(errno, "stat", path);
  if (S_ISDIR(st.st_mode)) return ErrnoStatus(EISDIR, "open", path);
  if (!S_ISREG(st.st_mode)) return Status::IOError("cannot open '{}': not a regular file", path);
  *size = static_cast<uint64_t>(st.st_size);
  return owned;
}

Status WriteFully(int fd, const void* data, size_t size, std::string_view path) {
  auto* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "write", path);
    }
    p += n;
    size -= static_cast<size_t>(n);
  }
  return Status::OK();
}

Result<size_t> PreadFully(int fd, void* data, size_t size, uint64_t offset,
                          std::string_view path) {
  auto* p = static_cast<char*>(data);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, p + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "read", path);
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

Result<size_t> ReadFully(int fd, void* data, size_t size, std::string_view path) {
  auto* p = static_cast<char*>(data);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, p + done, size - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "read", path);
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

Status SyncFd(int fd, std::string_view path) {
  for (;;) {
    if (::fsync(fd) == 0) return Status::OK();
    if (errno != EINTR) return ErrnoStatus(errno, "sync", path);
  }
}

Status SyncDir(const std::string& dir) {
  BB_ASSIGN_OR_RAISE(ScopedFd fd, OpenFd(dir, O_RDONLY | O_DIRECTORY));
  BB_RETURN_NOT_OK(SyncFd(fd.get(), dir));
  return fd.Close(dir);
}

Status MakeDirectories(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::OK();
    return ErrnoStatus(ENOTDIR, "create directory", path);
  }
  // Walk down from the first component so every missing level is created in order.
  for (size_t end = path.find('/', 1);; end = path.find('/', end + 1)) {
    std::string prefix = path.substr(0, end);
    bool last = end == std::string::npos;
    if (!prefix.empty() && prefix.back() != '/') {
      if (::mkdir(prefix.c_str(), 0777) == 0) {
        BB_RETURN_NOT_OK(SyncDir(DirName(prefix)));
      } else if (errno == EEXIST) {
        if (::stat(prefix.c_str(), &st) != 0) return ErrnoStatus(errno, "stat", prefix);
        if (!S_ISDIR(st.st_mode)) return ErrnoStatus(ENOTDIR, "create directory", path);
      } else {
        return ErrnoStatus(errno, "create directory", prefix);
      }
    }
    if (last) return Status::OK();
  }
}

std::string DirName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string BaseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (!out.empty() && out.back() != '/') out += '/';
  out += name;
  return out;
}

std::string TempPathFor(const std::string& target) {
  std::string stem = BaseName(target).substr(0, kMaxTempStemBytes);
  std::string name = fmt::format(".{}{}{:016x}", stem, kTempMarker, RandomSuffix());
  // A target without a directory part gets a temp name without one too.
  return target.find('/') == std::string::npos ? name : JoinPath(DirName(target), name);
}

bool IsTempFileName(std::string_view name) {
  if (name.size() < 1 + kTempMarker.size() + kTempSuffixDigits || name.front() != '.') {
    return false;
  }
  std::string_view suffix = name.substr(name.size() - kTempSuffixDigits);
  std::string_view marker =
      name.substr(name.size() - kTempSuffixDigits - kTempMarker.size(), kTempMarker.size());
  if (marker != kTempMarker) return false;
  for (char c : suffix) {
    if (!IsHexDigit(c)) return false;
  }
  return true;
}

}  // namespace bundlebase::io
