// The FileSystem helpers every implementation shares: existence checks, whole-file reads and
// writes, and the range check behind ReadAt's past-the-end error.
#include "io/file_system.h"

namespace bundlebase::io {

Status CheckReadRange(const std::string& path, uint64_t offset, uint64_t length, uint64_t size) {
  // Written so that offset + length cannot overflow.
  if (offset > size || length > size - offset) {
    return Status::Invalid("read of {} bytes at offset {} is past the end of '{}' ({} bytes)",
                           length, offset, path, size);
  }
  return Status::OK();
}

Result<bool> FileSystem::Exists(const std::string& path) {
  auto info = Stat(path);
  if (info.ok()) return true;
  if (info.status().IsNotFound()) return false;
  return info.status();
}

Result<std::shared_ptr<Buffer>> FileSystem::ReadFile(const std::string& path) {
  BB_ASSIGN_OR_RAISE(auto file, OpenRead(path));
  return file->ReadAll();
}

Status FileSystem::WriteFile(const std::string& path, std::string_view contents,
                             WriteMode mode) {
  BB_ASSIGN_OR_RAISE(auto out, OpenWrite(path, mode));
  BB_RETURN_NOT_OK(out->Write(contents));
  return out->Close();
}

}  // namespace bundlebase::io
