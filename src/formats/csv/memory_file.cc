// MemoryFile reads: zero-copy slices of the buffer, bounds-checked like every file.
#include "formats/csv/memory_file.h"

namespace bundlebase::csv {

Result<std::shared_ptr<Buffer>> MemoryFile::ReadAt(uint64_t offset, uint64_t length) {
  BB_RETURN_NOT_OK(io::CheckReadRange(path_, offset, length, bytes_->size()));
  return Buffer::Slice(bytes_, offset, length);
}

}  // namespace bundlebase::csv
