// Local OutputStream: write buffer, fsync, and publishing by rename, link or in place.
#include "io/local_output_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "io/posix_util.h"

namespace bundlebase::io {
namespace {

// O_EXCL temp names collide only if 64 random bits repeat; a few retries are plenty.
constexpr int kTempNameAttempts = 8;

class LocalOutputStream final : public OutputStream {
 public:
  LocalOutputStream(std::string path, WriteMode mode, std::string write_path, ScopedFd fd,
                    size_t buffer_size)
      : path_(std::move(path)),
        mode_(mode),
        write_path_(std::move(write_path)),
        fd_(std::move(fd)),
        buffer_capacity_(buffer_size) {}

  ~LocalOutputStream() override { Abort(); }

  const std::string& path() const override { return path_; }
  uint64_t bytes_written() const override { return bytes_written_; }

  Status Write(const void* data, size_t size) override {
    BB_RETURN_NOT_OK(CheckOpen());
    if (size == 0) return Status::OK();
    if (buffer_.size() + size > buffer_capacity_) {
      if (Status st = Flush(); !st.ok()) return Fail(std::move(st));
    }
    if (size >= buffer_capacity_) {
      // Large writes skip the copy into the buffer.
      if (Status st = WriteFully(fd_.get(), data, size, write_path_); !st.ok()) {
        return Fail(std::move(st));
      }
    } else {
      if (buffer_.capacity() < buffer_capacity_) buffer_.reserve(buffer_capacity_);
      buffer_.append(static_cast<const char*>(data), size);
    }
    bytes_written_ += size;
    return Status::OK();
  }

  Status Close() override {
    if (state_ == State::kClosed) return Status::OK();
    BB_RETURN_NOT_OK(CheckOpen());
    if (Status st = FlushSyncPublish(); !st.ok()) return Fail(std::move(st));
    state_ = State::kClosed;
    return Status::OK();
  }

  void Abort() override {
    if (state_ != State::kOpen) return;
    Discard();
    state_ = State::kAborted;
  }

 private:
  enum class State { kOpen, kClosed, kAborted, kFailed };

  Status CheckOpen() const {
    switch (state_) {
      case State::kOpen:
        return Status::OK();
      case State::kFailed:
        return error_;
      case State::kClosed:
        return Status::Invalid("output stream for '{}' is already closed", path_);
      case State::kAborted:
        return Status::Invalid("output stream for '{}' was aborted", path_);
    }
    return Status::Internal("unknown output stream state");
  }

  Status Flush() {
    if (buffer_.empty()) return Status::OK();
    BB_RETURN_NOT_OK(WriteFully(fd_.get(), buffer_.data(), buffer_.size(), write_path_));
    buffer_.clear();
    return Status::OK();
  }

  Status FlushSyncPublish() {
    BB_RETURN_NOT_OK(Flush());
    BB_RETURN_NOT_OK(SyncFd(fd_.get(), write_path_));
    BB_RETURN_NOT_OK(fd_.Close(write_path_));
    switch (mode_) {
      case WriteMode::kTruncate:
        break;
      case WriteMode::kAtomicReplace:
        if (::rename(write_path_.c_str(), path_.c_str()) != 0) {
          return ErrnoStatus(errno, "replace", path_);
        }
        published_ = true;
        break;
      case WriteMode::kCreateIfAbsent:
        if (::link(write_path_.c_str(), path_.c_str()) != 0) {
          // EEXIST: another writer won; ErrnoStatus makes it AlreadyExists.
          return ErrnoStatus(errno, "create", path_);
        }
        published_ = true;
        // The target is published; a leftover temp name is harmless (listings skip it), so
        // an unlink failure must not turn a successful create into a reported failure.
        (void)::unlink(write_path_.c_str());
        break;
    }
    return SyncDir(DirName(path_));
  }

  Status Fail(Status error) {
    Discard();
    state_ = State::kFailed;
    error_ = error;
    return error;
  }

  // Drops everything written so far. Nothing may fail here: this runs on error paths and in
  // the destructor, where the original error is the one worth reporting.
  void Discard() {
    (void)fd_.Close(write_path_);
    buffer_.clear();
    if (!published_) (void)::unlink(write_path_.c_str());
  }

  const std::string path_;
  const WriteMode mode_;
  // The temporary file for the atomic modes, the target itself for kTruncate.
  const std::string write_path_;
  ScopedFd fd_;
  const size_t buffer_capacity_;
  std::string buffer_;
  uint64_t bytes_written_ = 0;
  State state_ = State::kOpen;
  // Set once rename or link made the data visible under the target name.
  bool published_ = false;
  Status error_;
};

Result<ScopedFd> CreateForWrite(const std::string& write_path, WriteMode mode) {
  int flags = O_WRONLY | O_CREAT | (mode == WriteMode::kTruncate ? O_TRUNC : O_EXCL);
  return OpenFd(write_path, flags);
}

}  // namespace

Result<std::unique_ptr<OutputStream>> OpenLocalOutputStream(const std::string& path,
                                                            WriteMode mode, size_t buffer_size) {
  std::string name = BaseName(path);
  if (name.empty() || name == "." || name == ".." || path.back() == '/') {
    return Status::Invalid("cannot write to '{}': not a file path", path);
  }
  bool created_dirs = false;
  for (int attempt = 0; attempt < kTempNameAttempts; ++attempt) {
    std::string write_path = mode == WriteMode::kTruncate ? path : TempPathFor(path);
    auto fd = CreateForWrite(write_path, mode);
    if (fd.ok()) {
      return std::unique_ptr<OutputStream>(std::make_unique<LocalOutputStream>(
          path, mode, std::move(write_path), std::move(fd).MoveValueUnsafe(), buffer_size));
    }
    Status st = fd.status();
    if (st.IsNotFound() && !created_dirs) {
      BB_RETURN_NOT_OK(MakeDirectories(DirName(path)));
      created_dirs = true;
    } else if (!(st.IsAlreadyExists() && mode != WriteMode::kTruncate)) {
      return st;
    }
  }
  return Status::IOError("cannot create a temporary file beside '{}'", path);
}

}  // namespace bundlebase::io
