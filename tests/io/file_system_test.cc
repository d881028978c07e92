// The FileSystem helpers shared by every implementation (Exists, ReadFile, WriteFile,
// CheckReadRange), checked against a minimal in-memory file system so they are tested apart
// from any real one.
#include "io/file_system.h"

#include <map>

#include "test_util.h"

namespace bundlebase::io {
namespace {

class MemoryFile final : public RandomAccessFile {
 public:
  MemoryFile(std::string path, std::string contents)
      : path_(std::move(path)), contents_(std::move(contents)) {}
  const std::string& path() const override { return path_; }
  uint64_t size() const override { return contents_.size(); }
  Result<std::shared_ptr<Buffer>> ReadAt(uint64_t offset, uint64_t length) override {
    BB_RETURN_NOT_OK(CheckReadRange(path_, offset, length, size()));
    return Buffer::FromString(contents_.substr(offset, length));
  }

 private:
  std::string path_;
  std::string contents_;
};

// Files live in a map; writes are published on Close. Writing "FAIL" fails, and the path
// "broken" cannot be stat'ed, so the helpers' error paths can be reached.
class MemoryFileSystem final : public FileSystem {
 public:
  std::map<std::string, std::string> files;

  std::string scheme() const override { return "memory"; }

  Result<FileInfo> Stat(const std::string& path) override {
    if (path == "broken") return Status::IOError("cannot stat '{}'", path);
    auto it = files.find(path);
    if (it == files.end()) return Status::NotFound("'{}' does not exist", path);
    FileInfo info;
    info.path = path;
    info.size = it->second.size();
    return info;
  }
  Result<std::vector<FileInfo>> List(const std::string&, bool) override {
    return Status::NotImplemented("list");
  }
  Result<std::unique_ptr<RandomAccessFile>> OpenRead(const std::string& path) override {
    auto it = files.find(path);
    if (it == files.end()) return Status::NotFound("'{}' does not exist", path);
    return std::unique_ptr<RandomAccessFile>(std::make_unique<MemoryFile>(path, it->second));
  }
  Result<std::unique_ptr<InputStream>> OpenInputStream(const std::string&) override {
    return Status::NotImplemented("streams");
  }
  Result<std::unique_ptr<OutputStream>> OpenWrite(const std::string& path,
                                                  WriteMode mode) override {
    return std::unique_ptr<OutputStream>(std::make_unique<Writer>(this, path, mode));
  }
  Status Delete(const std::string& path) override {
    return files.erase(path) ? Status::OK() : Status::NotFound("'{}' does not exist", path);
  }
  Status CreateDirs(const std::string&) override { return Status::OK(); }

 private:
  class Writer final : public OutputStream {
   public:
    Writer(MemoryFileSystem* fs, std::string path, WriteMode mode)
        : fs_(fs), path_(std::move(path)), mode_(mode) {}
    const std::string& path() const override { return path_; }
    Status Write(const void* data, size_t size) override {
      std::string_view bytes(static_cast<const char*>(data), size);
      if (bytes == "FAIL") return Status::IOError("cannot write '{}'", path_);
      pending_.append(bytes);
      return Status::OK();
    }
    uint64_t bytes_written() const override { return pending_.size(); }
    Status Close() override {
      if (mode_ == WriteMode::kCreateIfAbsent && fs_->files.count(path_)) {
        return Status::AlreadyExists("'{}' already exists", path_);
      }
      fs_->files[path_] = pending_;
      return Status::OK();
    }
    void Abort() override {}

   private:
    MemoryFileSystem* fs_;
    std::string path_;
    WriteMode mode_;
    std::string pending_;
  };
};

TEST(CheckReadRangeTest, AcceptsRangesWithinTheFile) {
  EXPECT_OK(CheckReadRange("f", 0, 10, 10));
  EXPECT_OK(CheckReadRange("f", 10, 0, 10));
  EXPECT_OK(CheckReadRange("f", 3, 7, 10));
  EXPECT_OK(CheckReadRange("f", 0, 0, 0));
}

TEST(CheckReadRangeTest, RejectsRangesPastTheEnd) {
  Status st = CheckReadRange("data/f.parquet", 8, 4, 10);
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_EQ(st.message(),
            "read of 4 bytes at offset 8 is past the end of 'data/f.parquet' (10 bytes)");
  EXPECT_TRUE(CheckReadRange("f", 11, 0, 10).IsInvalid());
  EXPECT_TRUE(CheckReadRange("f", 1, UINT64_MAX, 10).IsInvalid());
  EXPECT_TRUE(CheckReadRange("f", UINT64_MAX, 1, 10).IsInvalid());
}

TEST(FileSystemHelpersTest, ExistsFromStat) {
  MemoryFileSystem fs;
  fs.files.emplace("a", "x");
  ASSERT_OK_AND_ASSIGN(bool a, fs.Exists("a"));
  EXPECT_TRUE(a);
  ASSERT_OK_AND_ASSIGN(bool b, fs.Exists("b"));
  EXPECT_FALSE(b);
  // Anything but NotFound is an error, not "absent".
  Status st = fs.Exists("broken").status();
  EXPECT_TRUE(st.IsIOError());
}

TEST(FileSystemHelpersTest, ReadFile) {
  MemoryFileSystem fs;
  fs.files.emplace("a", "contents");
  ASSERT_OK_AND_ASSIGN(auto buffer, fs.ReadFile("a"));
  EXPECT_EQ(buffer->view(), "contents");
  EXPECT_TRUE(fs.ReadFile("missing").status().IsNotFound());
}

TEST(FileSystemHelpersTest, WriteFileDefaultsToAtomicReplace) {
  MemoryFileSystem fs;
  ASSERT_OK(fs.WriteFile("a", "one"));
  ASSERT_OK(fs.WriteFile("a", "two"));
  EXPECT_EQ(fs.files["a"], "two");
  Status st = fs.WriteFile("a", "three", WriteMode::kCreateIfAbsent);
  EXPECT_TRUE(st.IsAlreadyExists());
  EXPECT_EQ(fs.files["a"], "two");
}

TEST(FileSystemHelpersTest, WriteFileStopsAtAFailedWrite) {
  MemoryFileSystem fs;
  Status st = fs.WriteFile("a", "FAIL");
  EXPECT_TRUE(st.IsIOError());
  EXPECT_EQ(fs.files.count("a"), 0u);
}

}  // namespace
}  // namespace bundlebase::io
