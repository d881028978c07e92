// Sequential reads of local files: small and large requests, end of stream, slice lifetimes,
// growing files and errors.
#include "io/local_input_stream.h"

#include <fstream>

#include "io/local_file_system.h"
#include "test_util.h"

namespace bundlebase::io {
namespace {

using bundlebase::testing::ScratchDir;

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>((i * 104729) >> 5);
  return s;
}

// Reads the stream to its end asking `ask` bytes at a time.
Result<std::string> Drain(InputStream* stream, uint64_t ask) {
  std::string out;
  for (;;) {
    BB_ASSIGN_OR_RAISE(auto chunk, stream->Read(ask));
    if (chunk->empty()) return out;
    if (chunk->size() > ask) return Status::Internal("read returned more than asked");
    out.append(chunk->view());
  }
}

TEST(LocalInputStreamTest, SmallReadsReturnTheWholeFile) {
  ScratchDir dir;
  std::string contents = Pattern(100000);
  std::string path = dir.WriteFile("f", contents);
  for (uint64_t ask : {1, 7, 100, 4095, 4096, 4097}) {
    ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(path, 4096));
    EXPECT_EQ(stream->path(), path);
    ASSERT_OK_AND_ASSIGN(std::string got, Drain(stream.get(), ask));
    EXPECT_TRUE(got == contents) << "ask=" << ask;
  }
}

TEST(LocalInputStreamTest, LargeAndUnboundedReads) {
  ScratchDir dir;
  std::string contents = Pattern(300000);
  std::string path = dir.WriteFile("f", contents);
  ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(path, 4096));
  ASSERT_OK_AND_ASSIGN(auto first, stream->Read(10));
  EXPECT_EQ(first->view(), contents.substr(0, 10));
  // Drains the rest of the read-ahead chunk, then reads directly.
  ASSERT_OK_AND_ASSIGN(std::string rest, Drain(stream.get(), UINT64_MAX));
  EXPECT_TRUE(rest == contents.substr(10));
}

TEST(LocalInputStreamTest, EndOfStreamRepeats) {
  ScratchDir dir;
  ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(dir.WriteFile("f", "ab"), 16));
  ASSERT_OK_AND_ASSIGN(auto ab, stream->Read(100));
  EXPECT_EQ(ab->view(), "ab");
  for (int i = 0; i < 3; ++i) {
    ASSERT_OK_AND_ASSIGN(auto end, stream->Read(100));
    EXPECT_TRUE(end->empty());
  }
}

TEST(LocalInputStreamTest, EmptyFile) {
  ScratchDir dir;
  ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(dir.WriteFile("f", ""), 16));
  ASSERT_OK_AND_ASSIGN(auto end, stream->Read(1));
  EXPECT_TRUE(end->empty());
}

TEST(LocalInputStreamTest, ReadOfZeroBytesIsInvalid) {
  ScratchDir dir;
  std::string path = dir.WriteFile("f", "abc");
  ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(path, 16));
  Status st = stream->Read(0).status();
  EXPECT_TRUE(st.IsInvalid());
  EXPECT_NE(st.message().find(path), std::string::npos);
}

TEST(LocalInputStreamTest, EarlierSlicesStayValid) {
  ScratchDir dir;
  std::string contents = Pattern(1000);
  ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(dir.WriteFile("f", contents), 64));
  std::vector<std::shared_ptr<Buffer>> held;
  for (;;) {
    ASSERT_OK_AND_ASSIGN(auto chunk, stream->Read(40));
    if (chunk->empty()) break;
    held.push_back(chunk);
  }
  std::string joined;
  for (const auto& chunk : held) joined.append(chunk->view());
  EXPECT_TRUE(joined == contents);
}

TEST(LocalInputStreamTest, FileGrownAfterOpenIsReadToItsEnd) {
  ScratchDir dir;
  std::string path = dir.WriteFile("f", "start-");
  ASSERT_OK_AND_ASSIGN(auto stream, OpenLocalInputStream(path, 4));
  {
    std::ofstream append(path, std::ios::app | std::ios::binary);
    append << "and-more";
  }
  ASSERT_OK_AND_ASSIGN(std::string got, Drain(stream.get(), 1000));
  EXPECT_EQ(got, "start-and-more");
}

TEST(LocalInputStreamTest, OpenErrors) {
  ScratchDir dir;
  EXPECT_TRUE(OpenLocalInputStream(dir.Path("missing"), 16).status().IsNotFound());
  EXPECT_TRUE(OpenLocalInputStream(dir.path().string(), 16).status().IsIOError());
}

TEST(LocalInputStreamTest, ThroughTheFileSystem) {
  ScratchDir dir;
  std::string contents = Pattern(200000);
  std::string path = dir.WriteFile("f", contents);
  LocalFileSystem fs;
  ASSERT_OK_AND_ASSIGN(auto stream, fs.OpenInputStream(path));
  ASSERT_OK_AND_ASSIGN(std::string got, Drain(stream.get(), 1000));
  EXPECT_TRUE(got == contents);
}

}  // namespace
}  // namespace bundlebase::io
