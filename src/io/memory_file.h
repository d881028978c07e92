// MemoryFile: a RandomAccessFile over bytes already in memory, so data that never touched a
// disk (a string in a test, a fuzzer input, an HTTP body) goes through the same reader path as
// a file. Reads are zero-copy slices of the buffer.
#pragma once

#include <memory>
#include <string>

#include "io/file_system.h"

namespace bundlebase::io {

class MemoryFile final : public RandomAccessFile {
 public:
  // `path` is what error messages call the data.
  MemoryFile(std::shared_ptr<Buffer> bytes, std::string path)
      : bytes_(std::move(bytes)), path_(std::move(path)) {}

  const std::string& path() const override { return path_; }
  uint64_t size() const override { return bytes_->size(); }
  Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) override;

 private:
  std::shared_ptr<Buffer> bytes_;
  std::string path_;
};

}  // namespace bundlebase::io
