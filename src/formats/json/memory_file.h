// MemoryFile: a RandomAccessFile over bytes already in memory, so ReadJson can hand a Buffer of
// JSON lines to the same block-parallel reader that reads files.
#pragma once

#include <memory>
#include <string>

#include "io/file_system.h"

namespace bundlebase::json {

class MemoryFile final : public io::RandomAccessFile {
 public:
  MemoryFile(std::shared_ptr<Buffer> bytes, std::string name)
      : bytes_(std::move(bytes)), name_(std::move(name)) {}

  const std::string& path() const override { return name_; }
  uint64_t size() const override { return bytes_->size(); }
  // Zero-copy slices of the buffer.
  Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) override;

 private:
  std::shared_ptr<Buffer> bytes_;
  std::string name_;
};

}  // namespace bundlebase::json
