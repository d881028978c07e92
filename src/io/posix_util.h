// POSIX building blocks shared by the local file system: errno-to-Status mapping, an owning
// file descriptor, read/write loops that survive EINTR and short transfers, directory fsync,
// and the naming scheme of our temporary files.
//
// The loops exist because read(2), pread(2) and write(2) may transfer fewer bytes than asked
// and may be interrupted by signals; callers above this file never see either.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bundlebase/result.h"

namespace bundlebase::io {

// "cannot <op> '<path>': <strerror>", with ENOENT mapped to NotFound, EEXIST to AlreadyExists
// and everything else to IOError, so callers can branch on the code and users see the path.
Status ErrnoStatus(int errnum, std::string_view op, std::string_view path);

// Owns a file descriptor and closes it on destruction. Close() reports the close(2) error,
// which on some file systems (NFS) is where a failed write surfaces.
class ScopedFd {
 public:
  ScopedFd() = default;
  explicit ScopedFd(int fd) : fd_(fd) {}
  ~ScopedFd();
  ScopedFd(ScopedFd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ScopedFd& operator=(ScopedFd&& other) noexcept;
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  Status Close(std::string_view path);

 private:
  int fd_ = -1;
};

// open(2) retried on EINTR, always with O_CLOEXEC so forked helpers do not inherit it.
Result<ScopedFd> OpenFd(const std::string& path, int flags, int mode = 0666);

// Opens an existing regular file read-only and reports its size. A missing file, or a path
// through a non-directory, is NotFound; a directory or device is an IOError.
Result<ScopedFd> OpenRegularFileForRead(const std::string& path, uint64_t* size);

// Writes all `size` bytes.
Status WriteFully(int fd, const void* data, size_t size, std::string_view path);
// Reads up to `size` bytes at `offset`, stopping early only at end of file; returns the count.
Result<size_t> PreadFully(int fd, void* data, size_t size, uint64_t offset, std::string_view path);
// Reads up to `size` bytes from the current position, stopping early only at end of file.
Result<size_t> ReadFully(int fd, void* data, size_t size, std::string_view path);
// fsync(2); a failure is final (after a failed fsync the kernel may have dropped the dirty
// pages, so retrying could report success for lost data).
Status SyncFd(int fd, std::string_view path);
// Makes the directory's entries (a created, renamed or linked name) durable.
Status SyncDir(const std::string& dir);

// `mkdir -p`: creates `path` and any missing parents, fsyncing the parent of each directory
// it creates. An existing directory is fine; an existing non-directory is an IOError.
Status MakeDirectories(const std::string& path);

// The directory part of `path` ("." when there is none) and the last component.
std::string DirName(std::string_view path);
std::string BaseName(std::string_view path);
// `dir` + '/' + `name`, without doubling a trailing slash.
std::string JoinPath(std::string_view dir, std::string_view name);

// A fresh name in the target's directory: "<dir>/.<name>.tmp-<16 hex digits>". Hidden and in
// the same directory so rename(2) and link(2) stay on one file system.
std::string TempPathFor(const std::string& target);
// Whether a directory entry is one of our temporary files (listings skip them).
bool IsTempFileName(std::string_view name);

}  // namespace bundlebase::io
