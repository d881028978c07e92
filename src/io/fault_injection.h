// FaultInjectingFileSystem: a FileSystem wrapper that makes chosen calls fail, reads come back
// short or cut off, writes run out of space, and a process crash drop unpublished files.
//
// Failure handling is only as good as its tests, and real disks and networks fail rarely and
// never on cue. Tests wrap the real file system in this class and then, for example, fail the
// n-th call of a commit for every n to prove each failure point leaves the bundle intact
// (LevelDB's FaultInjectionTestEnv does the same for its log and tables).
//
// What is simulated, exactly:
//  - Injected errors. Every call through the wrapper (file system calls and calls on the files
//    and streams it opened) counts as one call of a FileOp kind. FailNthCall makes one future
//    call fail, FailAllCalls every call of a kind; the failing call returns the given Status
//    without reaching the wrapped file system. Exists() is counted as a kStat call. A failed
//    Write or Close aborts the stream, as a real write error does: nothing is published and
//    every later call on the stream returns the same error.
//  - Short reads. InputStream::Read asks the wrapped stream for between 1 and max_bytes - 1
//    bytes (pseudo-random, reproducible), so consumers that assume full reads break.
//  - Cut-off files. With a truncation point of n bytes, ReadAt of a range that reaches past
//    byte n of a file longer than n fails with an IOError, and an InputStream delivers the
//    first n bytes and then fails — like a download whose connection drops. size() still
//    reports the full size, as a Content-Length would.
//  - Disk full / kill mid-write. With a byte budget of n, the writes through the wrapper (all
//    streams together) may deliver n bytes in total; the Write that crosses the budget stores
//    the part that fits, then fails with an IOError and aborts its stream.
//  - Crash. SimulateCrash() models the process dying now: every stream not yet successfully
//    closed is dropped as if its process had vanished — for kAtomicReplace and kCreateIfAbsent
//    its temporary file is removed and the target keeps its old state (nothing is published
//    before Close); for kTruncate the partial target file is deleted. Files whose Close
//    succeeded are durable and stay. The dropped streams' later calls fail with an IOError.
//    Not simulated: torn or reordered writes inside a file that was never fsynced, and a
//    crash between the rename/link and the directory fsync of a Close in progress.
//
// Thread-safe: faults may be configured while other threads use the wrapper.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/file_system.h"

namespace bundlebase::io {

// The kinds of calls a fault can target.
enum class FileOp {
  kAny,              // matches every kind (FailNthCall/FailAllCalls only)
  kStat,             // Stat, Exists
  kList,             // List
  kOpenRead,         // OpenRead
  kOpenInputStream,  // OpenInputStream
  kRead,             // RandomAccessFile::ReadAt, InputStream::Read
  kOpenWrite,        // OpenWrite
  kWrite,            // OutputStream::Write
  kClose,            // OutputStream::Close
  kDelete,           // Delete
  kCreateDirs,       // CreateDirs (stays last: per-kind tables are sized by it)
};

std::string_view FileOpName(FileOp op);

class FaultInjectingFileSystem final : public FileSystem {
 public:
  explicit FaultInjectingFileSystem(std::shared_ptr<FileSystem> target);
  ~FaultInjectingFileSystem() override;

  // The n-th matching call from now (n = 1 or 0: the very next one) returns `error`, once.
  // Several faults may be armed; each counts its own calls and fires exactly once (one due on
  // a call another fault already failed fires on the next matching call). `error` must not
  // be OK.
  void FailNthCall(uint64_t n, Status error, FileOp op = FileOp::kAny);
  // Every call of kind `op` (or every call, for kAny) returns `error` until ClearFaults().
  void FailAllCalls(FileOp op, Status error);
  void SetShortReads(bool enabled);
  // Files appear cut off after `bytes` bytes (see above).
  void SetTruncateReadsAfter(uint64_t bytes);
  // Writes through the wrapper may deliver `bytes` more bytes in total (see above).
  void SetCrashAfterBytes(uint64_t bytes);
  // Back to a transparent wrapper: removes every fault set by the calls above. Call counts and
  // the tracking of open streams are kept.
  void ClearFaults();

  // Calls made through the wrapper since construction, of all kinds or of one kind.
  uint64_t call_count() const;
  uint64_t call_count(FileOp op) const;

  // Drops every unclosed stream as a crash would (see above). The error, if any, is from
  // cleaning up through the wrapped file system.
  Status SimulateCrash();

  std::string scheme() const override;
  Result<FileInfo> Stat(const std::string& path) override;
  Result<std::vector<FileInfo>> List(const std::string& dir, bool recursive) override;
  Result<std::unique_ptr<RandomAccessFile>> OpenRead(const std::string& path) override;
  Result<std::unique_ptr<InputStream>> OpenInputStream(const std::string& path) override;
  Result<std::unique_ptr<OutputStream>> OpenWrite(const std::string& path,
                                                  WriteMode mode) override;
  Status Delete(const std::string& path) override;
  Status CreateDirs(const std::string& path) override;

  // Shared with the files and streams handed out, which may outlive the wrapper.
  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace bundlebase::io
