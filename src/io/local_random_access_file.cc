// pread- and mmap-backed RandomAccessFile for local files.
#include "io/local_random_access_file.h"

#include <sys/mman.h>

#include <utility>

#include "io/posix_util.h"

namespace bundlebase::io {
namespace {

// Reads into a fresh aligned buffer per call; pread keeps no file position, so concurrent
// readers share the descriptor without locking.
class PreadFile final : public RandomAccessFile {
 public:
  PreadFile(std::string path, ScopedFd fd, uint64_t size)
      : path_(std::move(path)), fd_(std::move(fd)), size_(size) {}

  const std::string& path() const override { return path_; }
  uint64_t size() const override { return size_; }

  Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) override {
    BB_RETURN_NOT_OK(CheckReadRange(path_, offset, length, size_));
    BB_ASSIGN_OR_RAISE(auto buffer, MutableBuffer::Allocate(static_cast<size_t>(length)));
    BB_ASSIGN_OR_RAISE(size_t got, PreadFully(fd_.get(), buffer->mutable_data(),
                                              static_cast<size_t>(length), offset, path_));
    if (got != length) {
      return Status::IOError("'{}' shrank while open: read {} of {} bytes at offset {}", path_,
                             got, length, offset);
    }
    return std::shared_ptr<Buffer>(std::move(buffer));
  }

 private:
  const std::string path_;
  const ScopedFd fd_;
  const uint64_t size_;
};

// Owns one read-only mapping of a whole file; unmapped when the last owner lets go.
class Mapping {
 public:
  Mapping(const void* base, size_t size) : base_(base), size_(size) {}
  ~Mapping() { ::munmap(const_cast<void*>(base_), size_); }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  const uint8_t* data() const { return static_cast<const uint8_t*>(base_); }

 private:
  const void* base_;
  const size_t size_;
};

class MappedFile final : public RandomAccessFile {
 public:
  MappedFile(std::string path, std::shared_ptr<const Mapping> mapping, uint64_t size)
      : path_(std::move(path)), mapping_(std::move(mapping)), size_(size) {}

  const std::string& path() const override { return path_; }
  uint64_t size() const override { return size_; }

  Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) override {
    BB_RETURN_NOT_OK(CheckReadRange(path_, offset, length, size_));
    return Buffer::Wrap(mapping_->data() + offset, static_cast<size_t>(length), mapping_);
  }

 private:
  const std::string path_;
  const std::shared_ptr<const Mapping> mapping_;
  const uint64_t size_;
};

}  // namespace

Result<std::unique_ptr<RandomAccessFile>> OpenLocalRandomAccessFile(const std::string& path,
                                                                    uint64_t mmap_threshold) {
  uint64_t size = 0;
  BB_ASSIGN_OR_RAISE(ScopedFd fd, OpenRegularFileForRead(path, &size));
  if (size > 0 && size >= mmap_threshold) {
    void* base = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ, MAP_PRIVATE, fd.get(), 0);
    // A file system without mmap support, or an exhausted address space, still reads fine
    // through pread.
    if (base != MAP_FAILED) {
      auto mapping = std::make_shared<const Mapping>(base, static_cast<size_t>(size));
      // The mapping stays valid without the descriptor.
      BB_RETURN_NOT_OK(fd.Close(path));
      return std::unique_ptr<RandomAccessFile>(
          std::make_unique<MappedFile>(path, std::move(mapping), size));
    }
  }
  return std::unique_ptr<RandomAccessFile>(std::make_unique<PreadFile>(path, std::move(fd), size));
}

}  // namespace bundlebase::io
