// LocalFileSystem: the FileSystem of the machine's own disks, built directly on POSIX calls.
//
// Reads use pread(2), or one memory mapping for large files so column chunks come back as
// zero-copy slices. Writes are buffered and published per WriteMode: atomic replace by
// rename(2), create-if-absent by link(2) (the commit protocol's race-safe primitive), each with
// fsync of the file and its directory so a successful Close survives a power loss.
//
// Listings skip our own temporary files (".<name>.tmp-<hex>"), report regular files only, follow
// symbolic links but never a link back into a directory being listed, and skip dangling links.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/file_system.h"

namespace bundlebase::io {

struct LocalFileSystemOptions {
  // OpenRead memory-maps files of at least this many bytes; smaller ones are read with pread,
  // where a mapping's setup cost (and a page per tiny file) outweighs the saved copy.
  uint64_t mmap_threshold = uint64_t{1} << 20;
  // Chunk size of OpenInputStream's read-ahead.
  size_t read_buffer_size = size_t{64} << 10;
  // Bytes an OutputStream gathers before issuing a write(2), so many small writes are cheap.
  size_t write_buffer_size = size_t{1} << 20;
};

class LocalFileSystem final : public FileSystem {
 public:
  explicit LocalFileSystem(LocalFileSystemOptions options = {});

  // The process-wide instance with default options.
  static std::shared_ptr<FileSystem> Instance();

  std::string scheme() const override { return "file"; }
  const LocalFileSystemOptions& options() const { return options_; }

  // Follows symbolic links. A missing path (or a path through a non-directory) is NotFound.
  Result<FileInfo> Stat(const std::string& path) override;
  // A missing `dir` is NotFound; a `dir` that is a file is an IOError. An empty `dir` means ".".
  Result<std::vector<FileInfo>> List(const std::string& dir, bool recursive) override;

  // Both fail for directories. The file's size is fixed at open: the files bundlebase reads
  // are never modified in place, and a mapped file truncated underneath would fault (SIGBUS).
  Result<std::unique_ptr<RandomAccessFile>> OpenRead(const std::string& path) override;
  Result<std::unique_ptr<InputStream>> OpenInputStream(const std::string& path) override;
  Result<std::unique_ptr<OutputStream>> OpenWrite(const std::string& path,
                                                  WriteMode mode) override;

  // Removes a file or an empty directory.
  Status Delete(const std::string& path) override;
  // Like `mkdir -p`; fsyncs the parent of every directory it creates so files published
  // inside them later are reachable after a crash.
  Status CreateDirs(const std::string& path) override;

 private:
  LocalFileSystemOptions options_;
};

}  // namespace bundlebase::io
