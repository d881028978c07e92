// LocalFileSystem: metadata calls (stat, list, delete, mkdir) and dispatch to the local stream
// implementations.
#include "io/local_file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

#include "io/local_input_stream.h"
#include "io/local_output_stream.h"
#include "io/local_random_access_file.h"
#include "io/posix_util.h"

namespace bundlebase::io {
namespace {

int64_t MtimeNanos(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

FileInfo MakeFileInfo(std::string path, const struct stat& st) {
  FileInfo info;
  info.path = std::move(path);
  info.is_directory = S_ISDIR(st.st_mode);
  info.size = info.is_directory ? 0 : static_cast<uint64_t>(st.st_size);
  info.mtime_ns = MtimeNanos(st);
  info.version = fmt::format("{}-{}", info.mtime_ns, info.size);
  return info;
}

struct DirId {
  dev_t dev;
  ino_t ino;
  bool operator==(const DirId&) const = default;
};

// Walks one directory level. Entries are gathered and the directory closed before recursing,
// so a deep tree holds one descriptor at a time. `ancestors` are the directories on the path
// from the root to `dir`: a symbolic link back to one of them would loop forever.
Status ListDirectory(const std::string& dir, const std::string& prefix, bool recursive,
                     std::vector<DirId>* ancestors, std::vector<FileInfo>* out) {
  DIR* handle = ::opendir(dir.c_str());
  if (handle == nullptr) return ErrnoStatus(errno, "list", dir);
  std::vector<std::pair<std::string, DirId>> subdirs;
  Status status;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(handle);
    if (entry == nullptr) {
      if (errno != 0) status = ErrnoStatus(errno, "list", dir);
      break;
    }
    std::string_view name = entry->d_name;
    if (name == "." || name == ".." || IsTempFileName(name)) continue;
    struct stat st {};
    if (::fstatat(::dirfd(handle), entry->d_name, &st, 0) != 0) {
      // Gone since readdir, a dangling symbolic link, or a link cycle: not a file to list.
      if (errno == ENOENT || errno == ELOOP) continue;
      status = ErrnoStatus(errno, "stat", JoinPath(dir, name));
      break;
    }
    if (S_ISREG(st.st_mode)) {
      out->push_back(MakeFileInfo(prefix + std::string(name), st));
    } else if (S_ISDIR(st.st_mode) && recursive) {
      subdirs.emplace_back(std::string(name), DirId{st.st_dev, st.st_ino});
    }
  }
  ::closedir(handle);
  BB_RETURN_NOT_OK(status);
  for (const auto& [name, id] : subdirs) {
    if (std::find(ancestors->begin(), ancestors->end(), id) != ancestors->end()) continue;
    ancestors->push_back(id);
    Status st = ListDirectory(JoinPath(dir, name), prefix + name + "/", recursive, ancestors, out);
    ancestors->pop_back();
    // A subdirectory removed while we walk is simply not there any more.
    if (!st.ok() && !st.IsNotFound()) return st;
  }
  return Status::OK();
}

}  // namespace

LocalFileSystem::LocalFileSystem(LocalFileSystemOptions options) : options_(options) {}

std::shared_ptr<FileSystem> LocalFileSystem::Instance() {
  static const std::shared_ptr<FileSystem> instance = std::make_shared<LocalFileSystem>();
  return instance;
}

Result<FileInfo> LocalFileSystem::Stat(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    // "a.csv/x" where a.csv is a file does not exist either.
    return ErrnoStatus(errno == ENOTDIR ? ENOENT : errno, "stat", path);
  }
  return MakeFileInfo(path, st);
}

Result<std::vector<FileInfo>> LocalFileSystem::List(const std::string& dir, bool recursive) {
  const std::string root = dir.empty() ? "." : dir;
  struct stat st {};
  if (::stat(root.c_str(), &st) != 0) {
    return ErrnoStatus(errno == ENOTDIR ? ENOENT : errno, "list", root);
  }
  if (!S_ISDIR(st.st_mode)) return ErrnoStatus(ENOTDIR, "list", root);
  std::vector<FileInfo> out;
  std::vector<DirId> ancestors{{st.st_dev, st.st_ino}};
  BB_RETURN_NOT_OK(ListDirectory(root, "", recursive, &ancestors, &out));
  std::sort(out.begin(), out.end(),
            [](const FileInfo& a, const FileInfo& b) { return a.path < b.path; });
  return out;
}

Result<std::unique_ptr<RandomAccessFile>> LocalFileSystem::OpenRead(const std::string& path) {
  return OpenLocalRandomAccessFile(path, options_.mmap_threshold);
}

Result<std::unique_ptr<InputStream>> LocalFileSystem::OpenInputStream(const std::string& path) {
  return OpenLocalInputStream(path, options_.read_buffer_size);
}

Result<std::unique_ptr<OutputStream>> LocalFileSystem::OpenWrite(const std::string& path,
                                                                 WriteMode mode) {
  return OpenLocalOutputStream(path, mode, options_.write_buffer_size);
}

Status LocalFileSystem::Delete(const std::string& path) {
  if (::unlink(path.c_str()) == 0) return Status::OK();
  // Linux reports EISDIR for a directory, POSIX allows EPERM.
  if (errno != EISDIR && errno != EPERM) return ErrnoStatus(errno, "delete", path);
  if (::rmdir(path.c_str()) == 0) return Status::OK();
  return ErrnoStatus(errno, "delete", path);
}

Status LocalFileSystem::CreateDirs(const std::string& path) {
  if (path.empty()) return Status::Invalid("cannot create a directory with an empty path");
  return MakeDirectories(path);
}

}  // namespace bundlebase::io
