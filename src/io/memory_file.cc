// MemoryFile reads: range-checked zero-copy slices.
#include "io/memory_file.h"

namespace bundlebase::io {

Result<std::shared_ptr<Buffer>> MemoryFile::ReadAt(uint64_t offset, uint64_t length) {
  BB_RETURN_NOT_OK(CheckReadRange(path_, offset, length, bytes_->size()));
  return Buffer::Slice(bytes_, static_cast<size_t>(offset), static_cast<size_t>(length));
}

}  // namespace bundlebase::io
