// Ranged reads of local files through pread and through the memory mapping: contents, zero
// copies, lifetimes, concurrency, and the past-the-end and open errors.
#include "io/local_random_access_file.h"

#include <unistd.h>

#include <random>
#include <thread>

#include "io/local_file_system.h"
#include "test_util.h"

namespace bundlebase::io {
namespace {

using bundlebase::testing::ScratchDir;

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>((i * 7919) >> 3);
  return s;
}

// Both read paths must behave identically; the threshold picks one.
class RandomAccessFileTest : public ::testing::TestWithParam<bool> {
 protected:
  bool mapped() const { return GetParam(); }
  uint64_t threshold() const { return mapped() ? 1 : UINT64_MAX; }

  ScratchDir dir_;
};

TEST_P(RandomAccessFileTest, ReadsRanges) {
  std::string contents = Pattern(10000);
  std::string path = dir_.WriteFile("f.bin", contents);
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, threshold()));
  EXPECT_EQ(file->path(), path);
  EXPECT_EQ(file->size(), contents.size());
  ASSERT_OK_AND_ASSIGN(auto head, file->ReadAt(0, 10));
  EXPECT_EQ(head->view(), contents.substr(0, 10));
  ASSERT_OK_AND_ASSIGN(auto middle, file->ReadAt(4321, 1234));
  EXPECT_EQ(middle->view(), contents.substr(4321, 1234));
  ASSERT_OK_AND_ASSIGN(auto tail, file->ReadAt(9990, 10));
  EXPECT_EQ(tail->view(), contents.substr(9990));
  ASSERT_OK_AND_ASSIGN(auto all, file->ReadAll());
  EXPECT_TRUE(all->view() == contents);
}

TEST_P(RandomAccessFileTest, ZeroLengthReadsUpToTheEnd) {
  std::string path = dir_.WriteFile("f.bin", "abc");
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, threshold()));
  ASSERT_OK_AND_ASSIGN(auto empty, file->ReadAt(3, 0));
  EXPECT_EQ(empty->size(), 0u);
  ASSERT_OK_AND_ASSIGN(auto first, file->ReadAt(0, 0));
  EXPECT_EQ(first->size(), 0u);
}

TEST_P(RandomAccessFileTest, PastTheEndIsInvalidNamingFileOffsetAndSize) {
  std::string path = dir_.WriteFile("f.bin", "0123456789");
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, threshold()));
  Status st = file->ReadAt(8, 5).status();
  EXPECT_TRUE(st.IsInvalid()) << st.ToString();
  EXPECT_EQ(st.message(), "read of 5 bytes at offset 8 is past the end of '" + path +
                              "' (10 bytes)");
  EXPECT_TRUE(file->ReadAt(11, 0).status().IsInvalid());
  // Offsets and lengths whose sum overflows are caught, not wrapped around.
  EXPECT_TRUE(file->ReadAt(5, UINT64_MAX).status().IsInvalid());
  EXPECT_TRUE(file->ReadAt(UINT64_MAX, 2).status().IsInvalid());
}

TEST_P(RandomAccessFileTest, BuffersOutliveTheFile) {
  std::string contents = Pattern(5000);
  std::string path = dir_.WriteFile("f.bin", contents);
  std::shared_ptr<Buffer> kept;
  {
    ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, threshold()));
    ASSERT_OK_AND_ASSIGN(kept, file->ReadAt(100, 4000));
  }
  // The file is gone too: a mapping must be kept alive by the buffer, not by the path.
  ASSERT_EQ(::unlink(path.c_str()), 0);
  EXPECT_EQ(kept->view(), contents.substr(100, 4000));
}

TEST_P(RandomAccessFileTest, ConcurrentReadersSeeTheRightBytes) {
  std::string contents = Pattern(1 << 20);
  std::string path = dir_.WriteFile("f.bin", contents);
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, threshold()));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      for (int i = 0; i < 200; ++i) {
        uint64_t offset = rng() % contents.size();
        uint64_t length = rng() % (contents.size() - offset + 1) % 65536;
        auto buffer = file->ReadAt(offset, length);
        if (!buffer.ok() || (*buffer)->view() != contents.substr(offset, length)) {
          ++mismatches[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST_P(RandomAccessFileTest, OpenErrors) {
  Status missing = OpenLocalRandomAccessFile(dir_.Path("missing"), threshold()).status();
  EXPECT_TRUE(missing.IsNotFound());
  EXPECT_NE(missing.message().find(dir_.Path("missing")), std::string::npos);
  Status directory = OpenLocalRandomAccessFile(dir_.path().string(), threshold()).status();
  EXPECT_TRUE(directory.IsIOError()) << directory.ToString();
}

INSTANTIATE_TEST_SUITE_P(ReadPaths, RandomAccessFileTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Mapped" : "Pread"; });

TEST(MappedFileTest, SlicesAreZeroCopyViewsOfOneMapping) {
  ScratchDir dir;
  std::string path = dir.WriteFile("f.bin", Pattern(4096));
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, 1));
  ASSERT_OK_AND_ASSIGN(auto a, file->ReadAt(0, 100));
  ASSERT_OK_AND_ASSIGN(auto b, file->ReadAt(0, 100));
  ASSERT_OK_AND_ASSIGN(auto c, file->ReadAt(1000, 10));
  EXPECT_EQ(a->data(), b->data());
  EXPECT_EQ(c->data(), a->data() + 1000);
}

TEST(PreadFileTest, ReadsAreIndependentCopies) {
  ScratchDir dir;
  std::string path = dir.WriteFile("f.bin", Pattern(4096));
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, UINT64_MAX));
  ASSERT_OK_AND_ASSIGN(auto a, file->ReadAt(0, 100));
  ASSERT_OK_AND_ASSIGN(auto b, file->ReadAt(0, 100));
  EXPECT_NE(a->data(), b->data());
  // Owned buffers are aligned for SIMD consumers.
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a->data()) % kBufferAlignment, 0u);
}

TEST(PreadFileTest, FileShrunkWhileOpenIsAnIOError) {
  ScratchDir dir;
  std::string path = dir.WriteFile("f.bin", Pattern(1000));
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, UINT64_MAX));
  ASSERT_EQ(::truncate(path.c_str(), 500), 0);
  Status st = file->ReadAt(400, 200).status();
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_NE(st.message().find("shrank"), std::string::npos);
}

TEST(LocalFileSystemReadTest, EmptyFileWithZeroThreshold) {
  ScratchDir dir;
  std::string path = dir.WriteFile("empty", "");
  ASSERT_OK_AND_ASSIGN(auto file, OpenLocalRandomAccessFile(path, 0));
  EXPECT_EQ(file->size(), 0u);
  ASSERT_OK_AND_ASSIGN(auto all, file->ReadAll());
  EXPECT_TRUE(all->empty());
  EXPECT_TRUE(file->ReadAt(0, 1).status().IsInvalid());
}

TEST(LocalFileSystemReadTest, LargeFilesAreMappedByDefault) {
  ScratchDir dir;
  std::string contents = Pattern((1 << 20) + 17);
  std::string path = dir.WriteFile("big.bin", contents);
  LocalFileSystem fs;
  ASSERT_OK_AND_ASSIGN(auto file, fs.OpenRead(path));
  ASSERT_OK_AND_ASSIGN(auto a, file->ReadAt(1 << 20, 17));
  ASSERT_OK_AND_ASSIGN(auto b, file->ReadAt(1 << 20, 17));
  EXPECT_EQ(a->data(), b->data());
  EXPECT_EQ(a->view(), contents.substr(1 << 20));
  ASSERT_OK_AND_ASSIGN(auto whole, fs.ReadFile(path));
  EXPECT_TRUE(whole->view() == contents);
}

}  // namespace
}  // namespace bundlebase::io
