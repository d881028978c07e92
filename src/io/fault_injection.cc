// FaultInjectingFileSystem: call counting, fault matching, and the wrapped files and streams.
#include "io/fault_injection.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>
#include <random>
#include <utility>

namespace bundlebase::io {

std::string_view FileOpName(FileOp op) {
  switch (op) {
    case FileOp::kAny: return "any";
    case FileOp::kStat: return "stat";
    case FileOp::kList: return "list";
    case FileOp::kOpenRead: return "open-read";
    case FileOp::kOpenInputStream: return "open-input-stream";
    case FileOp::kRead: return "read";
    case FileOp::kOpenWrite: return "open-write";
    case FileOp::kWrite: return "write";
    case FileOp::kClose: return "close";
    case FileOp::kDelete: return "delete";
    case FileOp::kCreateDirs: return "create-dirs";
  }
  return "unknown";
}

namespace {

constexpr size_t kNumOps = static_cast<size_t>(FileOp::kCreateDirs) + 1;

// One stream opened for writing, shared between the stream handed out and the wrapper's
// crash bookkeeping, which may drop it from another thread.
struct TrackedWrite {
  enum class Phase { kOpen, kFinished, kFailed, kCrashed };

  TrackedWrite(std::unique_ptr<OutputStream> inner_stream, WriteMode write_mode)
      : inner(std::move(inner_stream)), mode(write_mode) {}

  std::mutex mu;
  const std::unique_ptr<OutputStream> inner;
  const WriteMode mode;
  Phase phase = Phase::kOpen;
  Status error;  // why the stream failed (kFailed, kCrashed)

  // Caller holds mu.
  Status Fail(Status st) {
    inner->Abort();
    phase = Phase::kFailed;
    error = st;
    return st;
  }
};

}  // namespace

struct FaultInjectingFileSystem::State {
  explicit State(std::shared_ptr<FileSystem> t) : target(std::move(t)) {}

  struct PendingFault {
    FileOp op;
    uint64_t remaining;
    Status error;
  };

  // Counts one call of `op` and returns the injected error for it, or OK.
  Status Enter(FileOp op) {
    std::lock_guard lock(mu);
    ++total_calls;
    ++calls[static_cast<size_t>(op)];
    std::optional<Status> fired;
    for (auto& fault : pending) {
      if (fault.op != FileOp::kAny && fault.op != op) continue;
      if (fault.remaining > 1) {
        --fault.remaining;
      } else if (!fired) {
        fired = fault.error;
        fault.remaining = 0;
      }
      // A fault due on a call another fault already failed fires on the next matching call,
      // so every armed fault fires exactly once.
    }
    std::erase_if(pending, [](const PendingFault& f) { return f.remaining == 0; });
    if (fired) return *fired;
    for (FileOp key : {op, FileOp::kAny}) {
      if (const auto& error = fail_all[static_cast<size_t>(key)]) return *error;
    }
    return Status::OK();
  }

  uint64_t ShortReadLength(uint64_t max_bytes) {
    std::lock_guard lock(mu);
    if (!short_reads || max_bytes <= 1) return max_bytes;
    return 1 + rng() % (max_bytes - 1);
  }

  std::optional<uint64_t> TruncationPoint() {
    std::lock_guard lock(mu);
    return truncate_after;
  }

  // How many of `size` bytes the write budget lets through; consumes them.
  uint64_t ReserveWriteBytes(uint64_t size) {
    std::lock_guard lock(mu);
    if (!write_budget) return size;
    uint64_t allowed = std::min(size, *write_budget);
    *write_budget -= allowed;
    return allowed;
  }

  void Track(const std::shared_ptr<TrackedWrite>& write) {
    std::lock_guard lock(mu);
    std::erase_if(writes, [](const std::weak_ptr<TrackedWrite>& w) { return w.expired(); });
    writes.push_back(write);
  }

  const std::shared_ptr<FileSystem> target;
  std::mutex mu;
  uint64_t total_calls = 0;
  std::array<uint64_t, kNumOps> calls{};
  std::vector<PendingFault> pending;
  std::array<std::optional<Status>, kNumOps> fail_all;
  bool short_reads = false;
  // Fixed seed: a failing test fails the same way when rerun.
  std::mt19937_64 rng{20240611};
  std::optional<uint64_t> truncate_after;
  std::optional<uint64_t> write_budget;
  std::vector<std::weak_ptr<TrackedWrite>> writes;
};

namespace {

using State = FaultInjectingFileSystem::State;

Status CutOff(const std::string& path, uint64_t at) {
  return Status::IOError("'{}' was cut off after {} bytes (injected fault)", path, at);
}

class FaultRandomAccessFile final : public RandomAccessFile {
 public:
  FaultRandomAccessFile(std::shared_ptr<State> state, std::unique_ptr<RandomAccessFile> inner)
      : state_(std::move(state)), inner_(std::move(inner)) {}

  const std::string& path() const override { return inner_->path(); }
  uint64_t size() const override { return inner_->size(); }

  Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) override {
    BB_RETURN_NOT_OK(state_->Enter(FileOp::kRead));
    if (auto cut = state_->TruncationPoint(); cut && *cut < inner_->size()) {
      if (offset > *cut || length > *cut - offset) {
        BB_RETURN_NOT_OK(CheckReadRange(path(), offset, length, inner_->size()));
        return CutOff(path(), *cut);
      }
    }
    return inner_->ReadAt(offset, length);
  }

 private:
  const std::shared_ptr<State> state_;
  const std::unique_ptr<RandomAccessFile> inner_;
};

class FaultInputStream final : public InputStream {
 public:
  FaultInputStream(std::shared_ptr<State> state, std::unique_ptr<InputStream> inner)
      : state_(std::move(state)), inner_(std::move(inner)) {}

  const std::string& path() const override { return inner_->path(); }

  Result<std::shared_ptr<Buffer>> Read(uint64_t max_bytes) override {
    BB_RETURN_NOT_OK(state_->Enter(FileOp::kRead));
    uint64_t ask = max_bytes == 0 ? 0 : state_->ShortReadLength(max_bytes);
    if (auto cut = state_->TruncationPoint()) {
      if (position_ >= *cut) {
        // Only a stream that has more to give was cut; one ending here ended normally. Once
        // cut it stays cut, so a retrying consumer never mistakes the rest for a clean end.
        if (!was_cut_) {
          BB_ASSIGN_OR_RAISE(auto probe, inner_->Read(1));
          if (probe->empty()) return probe;
          was_cut_ = true;
        }
        return CutOff(path(), *cut);
      }
      ask = std::min(ask, *cut - position_);
    }
    BB_ASSIGN_OR_RAISE(auto chunk, inner_->Read(ask));
    position_ += chunk->size();
    return chunk;
  }

 private:
  const std::shared_ptr<State> state_;
  const std::unique_ptr<InputStream> inner_;
  uint64_t position_ = 0;
  bool was_cut_ = false;
};

class FaultOutputStream final : public OutputStream {
 public:
  FaultOutputStream(std::shared_ptr<State> state, std::shared_ptr<TrackedWrite> write)
      : state_(std::move(state)), write_(std::move(write)), path_(write_->inner->path()) {}

  ~FaultOutputStream() override { Abort(); }

  const std::string& path() const override { return path_; }

  uint64_t bytes_written() const override {
    std::lock_guard lock(write_->mu);
    return write_->inner->bytes_written();
  }

  Status Write(const void* data, size_t size) override {
    std::lock_guard lock(write_->mu);
    // A finished stream answers as the wrapped one does; a failed one repeats its error.
    if (write_->phase == TrackedWrite::Phase::kFinished) return write_->inner->Write(data, size);
    if (write_->phase != TrackedWrite::Phase::kOpen) return write_->error;
    if (Status st = state_->Enter(FileOp::kWrite); !st.ok()) return write_->Fail(std::move(st));
    uint64_t allowed = state_->ReserveWriteBytes(size);
    if (allowed < size) {
      if (Status st = write_->inner->Write(data, allowed); !st.ok()) return write_->Fail(st);
      return write_->Fail(Status::IOError(
          "cannot write '{}': no space left on device (injected fault)", path_));
    }
    if (Status st = write_->inner->Write(data, size); !st.ok()) return write_->Fail(st);
    return Status::OK();
  }

  Status Close() override {
    std::lock_guard lock(write_->mu);
    if (write_->phase == TrackedWrite::Phase::kFinished) return write_->inner->Close();
    if (write_->phase != TrackedWrite::Phase::kOpen) return write_->error;
    if (Status st = state_->Enter(FileOp::kClose); !st.ok()) return write_->Fail(std::move(st));
    if (Status st = write_->inner->Close(); !st.ok()) return write_->Fail(st);
    write_->phase = TrackedWrite::Phase::kFinished;
    return Status::OK();
  }

  void Abort() override {
    std::lock_guard lock(write_->mu);
    if (write_->phase != TrackedWrite::Phase::kOpen) return;
    write_->inner->Abort();
    write_->phase = TrackedWrite::Phase::kFinished;
  }

 private:
  const std::shared_ptr<State> state_;
  const std::shared_ptr<TrackedWrite> write_;
  const std::string path_;
};

}  // namespace

FaultInjectingFileSystem::FaultInjectingFileSystem(std::shared_ptr<FileSystem> target)
    : state_(std::make_shared<State>(std::move(target))) {}

FaultInjectingFileSystem::~FaultInjectingFileSystem() = default;

void FaultInjectingFileSystem::FailNthCall(uint64_t n, Status error, FileOp op) {
  std::lock_guard lock(state_->mu);
  state_->pending.push_back({op, std::max<uint64_t>(n, 1), std::move(error)});
}

void FaultInjectingFileSystem::FailAllCalls(FileOp op, Status error) {
  std::lock_guard lock(state_->mu);
  state_->fail_all[static_cast<size_t>(op)] = std::move(error);
}

void FaultInjectingFileSystem::SetShortReads(bool enabled) {
  std::lock_guard lock(state_->mu);
  state_->short_reads = enabled;
}

void FaultInjectingFileSystem::SetTruncateReadsAfter(uint64_t bytes) {
  std::lock_guard lock(state_->mu);
  state_->truncate_after = bytes;
}

void FaultInjectingFileSystem::SetCrashAfterBytes(uint64_t bytes) {
  std::lock_guard lock(state_->mu);
  state_->write_budget = bytes;
}

void FaultInjectingFileSystem::ClearFaults() {
  std::lock_guard lock(state_->mu);
  state_->pending.clear();
  state_->fail_all = {};
  state_->short_reads = false;
  state_->truncate_after.reset();
  state_->write_budget.reset();
}

uint64_t FaultInjectingFileSystem::call_count() const {
  std::lock_guard lock(state_->mu);
  return state_->total_calls;
}

uint64_t FaultInjectingFileSystem::call_count(FileOp op) const {
  if (op == FileOp::kAny) return call_count();
  std::lock_guard lock(state_->mu);
  return state_->calls[static_cast<size_t>(op)];
}

Status FaultInjectingFileSystem::SimulateCrash() {
  std::vector<std::weak_ptr<TrackedWrite>> writes;
  {
    std::lock_guard lock(state_->mu);
    writes.swap(state_->writes);
  }
  Status first_error;
  for (const auto& weak : writes) {
    auto write = weak.lock();
    if (!write) continue;
    std::lock_guard lock(write->mu);
    if (write->phase != TrackedWrite::Phase::kOpen) continue;
    write->inner->Abort();
    write->phase = TrackedWrite::Phase::kCrashed;
    write->error = Status::IOError("output stream for '{}' was lost in a simulated crash",
                                   write->inner->path());
    if (write->mode == WriteMode::kTruncate) {
      // Abort already removes it locally; other file systems may leave the partial file.
      Status st = state_->target->Delete(write->inner->path());
      if (!st.ok() && !st.IsNotFound() && first_error.ok()) first_error = st;
    }
  }
  return first_error;
}

std::string FaultInjectingFileSystem::scheme() const { return state_->target->scheme(); }

Result<FileInfo> FaultInjectingFileSystem::Stat(const std::string& path) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kStat));
  return state_->target->Stat(path);
}

Result<std::vector<FileInfo>> FaultInjectingFileSystem::List(const std::string& dir,
                                                             bool recursive) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kList));
  return state_->target->List(dir, recursive);
}

Result<std::unique_ptr<RandomAccessFile>> FaultInjectingFileSystem::OpenRead(
    const std::string& path) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kOpenRead));
  BB_ASSIGN_OR_RAISE(auto inner, state_->target->OpenRead(path));
  return std::unique_ptr<RandomAccessFile>(
      std::make_unique<FaultRandomAccessFile>(state_, std::move(inner)));
}

Result<std::unique_ptr<InputStream>> FaultInjectingFileSystem::OpenInputStream(
    const std::string& path) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kOpenInputStream));
  BB_ASSIGN_OR_RAISE(auto inner, state_->target->OpenInputStream(path));
  return std::unique_ptr<InputStream>(
      std::make_unique<FaultInputStream>(state_, std::move(inner)));
}

Result<std::unique_ptr<OutputStream>> FaultInjectingFileSystem::OpenWrite(
    const std::string& path, WriteMode mode) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kOpenWrite));
  BB_ASSIGN_OR_RAISE(auto inner, state_->target->OpenWrite(path, mode));
  auto write = std::make_shared<TrackedWrite>(std::move(inner), mode);
  state_->Track(write);
  return std::unique_ptr<OutputStream>(std::make_unique<FaultOutputStream>(state_, write));
}

Status FaultInjectingFileSystem::Delete(const std::string& path) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kDelete));
  return state_->target->Delete(path);
}

Status FaultInjectingFileSystem::CreateDirs(const std::string& path) {
  BB_RETURN_NOT_OK(state_->Enter(FileOp::kCreateDirs));
  return state_->target->CreateDirs(path);
}

}  // namespace bundlebase::io
