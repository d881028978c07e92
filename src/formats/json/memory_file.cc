// Bounds-checked slicing for MemoryFile.
#include "formats/json/memory_file.h"

namespace bundlebase::json {

Result<std::shared_ptr<Buffer>> MemoryFile::ReadAt(uint64_t offset, uint64_t length) {
  BB_RETURN_NOT_OK(io::CheckReadRange(name_, offset, length, size()));
  return Buffer::Slice(bytes_, static_cast<size_t>(offset), static_cast<size_t>(length));
}

}  // namespace bundlebase::json
