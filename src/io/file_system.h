// FileSystem: the one seam every byte of bundlebase goes through (DESIGN §2, LevelDB's Env).
//
// Local disk, S3, HTTP, FTP and SFTP each implement this interface; readers, the commit
// protocol and fetch never touch the OS or the network directly. A fault-injecting wrapper
// (fault_injection.h) implements it too, so tests can make any call fail.
//
// Paths are the implementation's own: plain absolute or relative paths for the local file
// system, keys for object stores. Listing reports paths relative to the listed directory,
// with '/' separators, so glob patterns match the same way everywhere.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/buffer.h"
#include "bundlebase/result.h"

namespace bundlebase::io {

struct FileInfo {
  std::string path;          // relative to the listed directory (List) or as given (Stat)
  bool is_directory = false;
  uint64_t size = 0;
  int64_t mtime_ns = 0;      // modification time, nanoseconds since the Unix epoch (0 if unknown)
  // Changes whenever the content may have changed: "<mtime_ns>-<size>" locally, the ETag or
  // object version remotely. Fetch compares tokens to decide what to re-download.
  std::string version;
};

// Reads at arbitrary offsets; safe to call concurrently from several threads.
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  virtual const std::string& path() const = 0;
  virtual uint64_t size() const = 0;
  // Reads exactly `length` bytes at `offset`; reading past the end is an Invalid error that
  // names the file. The returned buffer may alias a memory mapping (no copy).
  virtual Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) = 0;
  Result<std::shared_ptr<Buffer>> ReadAll() { return ReadAt(0, size()); }
};

// OK when [offset, offset + length) lies within a file of `size` bytes, else the Invalid error
// ReadAt reports: it names the file, the offset, the length and the size. For implementers.
Status CheckReadRange(const std::string& path, uint64_t offset, uint64_t length, uint64_t size);

// Sequential reads, for sources that cannot seek (HTTP bodies) and for streaming parsers.
class InputStream {
 public:
  virtual ~InputStream() = default;
  virtual const std::string& path() const = 0;
  // Reads up to `max_bytes`; an empty buffer means end of stream.
  virtual Result<std::shared_ptr<Buffer>> Read(uint64_t max_bytes) = 0;
};

// How an OutputStream publishes its file when closed.
enum class WriteMode {
  // Write to a temporary name, fsync, rename over the target: readers see the old file or the
  // new one, never a partial one.
  kAtomicReplace,
  // Like kAtomicReplace, but publishing fails with AlreadyExists if the target exists (local:
  // link(2); S3: If-None-Match: *). The commit protocol's primitive.
  kCreateIfAbsent,
  // Write in place, truncating. For scratch files only.
  kTruncate,
};

class OutputStream {
 public:
  virtual ~OutputStream() = default;
  virtual const std::string& path() const = 0;
  virtual Status Write(const void* data, size_t size) = 0;
  Status Write(std::string_view s) { return Write(s.data(), s.size()); }
  virtual uint64_t bytes_written() const = 0;
  // Flushes, fsyncs and publishes the file (and fsyncs its directory). After a successful
  // Close the data is durable. A stream destroyed without Close is aborted: the target is
  // untouched and the temporary file removed.
  virtual Status Close() = 0;
  virtual void Abort() = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // "file", "s3", "http", ... — for messages and dispatch.
  virtual std::string scheme() const = 0;

  virtual Result<FileInfo> Stat(const std::string& path) = 0;
  // Files (not directories) under `dir`, with paths relative to it, sorted by path.
  virtual Result<std::vector<FileInfo>> List(const std::string& dir, bool recursive) = 0;

  virtual Result<std::unique_ptr<RandomAccessFile>> OpenRead(const std::string& path) = 0;
  virtual Result<std::unique_ptr<InputStream>> OpenInputStream(const std::string& path) = 0;
  // Creates missing parent directories.
  virtual Result<std::unique_ptr<OutputStream>> OpenWrite(const std::string& path,
                                                          WriteMode mode) = 0;

  // Deleting a file that does not exist is NotFound.
  virtual Status Delete(const std::string& path) = 0;
  virtual Status CreateDirs(const std::string& path) = 0;
  virtual Result<bool> Exists(const std::string& path);

  // Convenience: whole-file read and write through the calls above.
  Result<std::shared_ptr<Buffer>> ReadFile(const std::string& path);
  Status WriteFile(const std::string& path, std::string_view contents,
                   WriteMode mode = WriteMode::kAtomicReplace);
};

}  // namespace bundlebase::io
