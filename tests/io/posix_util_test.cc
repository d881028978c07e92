// POSIX helpers: errno mapping, path pieces, temp names, directory creation, and the read/write
// loops under short transfers and signal interruptions.
#include "io/posix_util.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <set>
#include <thread>

#include "test_util.h"

namespace bundlebase::io {
namespace {

using bundlebase::testing::ScratchDir;

TEST(ErrnoStatusTest, MapsCodesAndNamesThePath) {
  Status missing = ErrnoStatus(ENOENT, "open", "/data/a.csv");
  EXPECT_TRUE(missing.IsNotFound());
  EXPECT_EQ(missing.message(), "cannot open '/data/a.csv': No such file or directory");
  EXPECT_TRUE(ErrnoStatus(EEXIST, "create", "x").IsAlreadyExists());
  Status full = ErrnoStatus(ENOSPC, "write", "/data/b");
  EXPECT_TRUE(full.IsIOError());
  EXPECT_NE(full.message().find("/data/b"), std::string::npos);
  EXPECT_NE(full.message().find("No space left on device"), std::string::npos);
}

TEST(PathTest, DirNameBaseNameJoin) {
  EXPECT_EQ(DirName("a/b/c.txt"), "a/b");
  EXPECT_EQ(DirName("c.txt"), ".");
  EXPECT_EQ(DirName("/c.txt"), "/");
  EXPECT_EQ(DirName("a/b/"), "a");
  EXPECT_EQ(BaseName("a/b/c.txt"), "c.txt");
  EXPECT_EQ(BaseName("c.txt"), "c.txt");
  EXPECT_EQ(BaseName("a/b/"), "b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("", "b"), "b");
}

TEST(TempNameTest, HiddenBesideTheTargetAndRecognized) {
  std::string temp = TempPathFor("/data/dir/manifest.yaml");
  EXPECT_EQ(DirName(temp), "/data/dir");
  std::string name = BaseName(temp);
  EXPECT_EQ(name.rfind(".manifest.yaml.tmp-", 0), 0u) << name;
  EXPECT_EQ(name.size(), std::string(".manifest.yaml.tmp-").size() + 16);
  EXPECT_TRUE(IsTempFileName(name));
  EXPECT_EQ(TempPathFor("plain").find('/'), std::string::npos);
}

TEST(TempNameTest, NamesAreUnique) {
  std::set<std::string> names;
  for (int i = 0; i < 1000; ++i) names.insert(TempPathFor("x"));
  EXPECT_EQ(names.size(), 1000u);
}

TEST(TempNameTest, LongTargetNamesStayWithinNameMax) {
  std::string long_name(250, 'n');
  std::string temp = BaseName(TempPathFor("dir/" + long_name));
  EXPECT_LE(temp.size(), 255u);
  EXPECT_TRUE(IsTempFileName(temp));
}

TEST(TempNameTest, OtherFilesAreNotTempFiles) {
  EXPECT_FALSE(IsTempFileName("data.parquet"));
  EXPECT_FALSE(IsTempFileName(".hidden"));
  EXPECT_FALSE(IsTempFileName(".x.tmp-"));
  EXPECT_FALSE(IsTempFileName("x.tmp-0123456789abcdef"));            // not hidden
  EXPECT_FALSE(IsTempFileName(".x.tmp-0123456789abcdeg"));           // not hex
  EXPECT_FALSE(IsTempFileName(".x.tmp-0123456789ABCDEF"));           // not our spelling
  EXPECT_FALSE(IsTempFileName(".x.tmp-0123456789abcde"));            // too short
  EXPECT_TRUE(IsTempFileName(".x.tmp-0123456789abcdef"));
}

TEST(MakeDirectoriesTest, CreatesNestedAndAcceptsExisting) {
  ScratchDir dir;
  std::string nested = dir.Path("a/b/c");
  ASSERT_OK(MakeDirectories(nested));
  EXPECT_TRUE(std::filesystem::is_directory(nested));
  ASSERT_OK(MakeDirectories(nested));
  ASSERT_OK(MakeDirectories(dir.Path("a/b/c/")));
  ASSERT_OK(MakeDirectories(dir.Path("a//b/d")));
  EXPECT_TRUE(std::filesystem::is_directory(dir.Path("a/b/d")));
}

TEST(MakeDirectoriesTest, FileInTheWayIsAnError) {
  ScratchDir dir;
  dir.WriteFile("file", "x");
  Status st = MakeDirectories(dir.Path("file"));
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_NE(st.message().find(dir.Path("file")), std::string::npos);
  st = MakeDirectories(dir.Path("file/sub"));
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_NE(st.message().find("Not a directory"), std::string::npos);
}

TEST(OpenRegularFileForReadTest, ReportsSizeAndRejectsNonFiles) {
  ScratchDir dir;
  uint64_t size = 0;
  ASSERT_OK_AND_ASSIGN(auto fd, OpenRegularFileForRead(dir.WriteFile("f", "hello"), &size));
  EXPECT_TRUE(fd.valid());
  EXPECT_EQ(size, 5u);

  auto missing = OpenRegularFileForRead(dir.Path("missing"), &size);
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_NE(missing.status().message().find(dir.Path("missing")), std::string::npos);
  EXPECT_TRUE(OpenRegularFileForRead(dir.Path("f/below"), &size).status().IsNotFound());

  auto directory = OpenRegularFileForRead(dir.path().string(), &size);
  EXPECT_TRUE(directory.status().IsIOError());
  EXPECT_NE(directory.status().message().find("Is a directory"), std::string::npos);

  // A FIFO must be refused, not waited on for a writer.
  std::string fifo = dir.Path("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto pipe = OpenRegularFileForRead(fifo, &size);
  EXPECT_TRUE(pipe.status().IsIOError());
  EXPECT_NE(pipe.status().message().find("not a regular file"), std::string::npos);
}

TEST(ScopedFdTest, ClosesOnceAndMoves) {
  ScratchDir dir;
  ASSERT_OK_AND_ASSIGN(ScopedFd fd, OpenFd(dir.WriteFile("f", "x"), O_RDONLY));
  ScopedFd moved = std::move(fd);
  EXPECT_FALSE(fd.valid());  // NOLINT(bugprone-use-after-move): the moved-from state matters
  EXPECT_TRUE(moved.valid());
  ASSERT_OK(moved.Close("f"));
  EXPECT_FALSE(moved.valid());
  ASSERT_OK(moved.Close("f"));
  EXPECT_TRUE(OpenFd(dir.Path("nope"), O_RDONLY).status().IsNotFound());
}

TEST(SyncDirTest, SyncsExistingAndReportsMissing) {
  ScratchDir dir;
  ASSERT_OK(SyncDir(dir.path().string()));
  EXPECT_TRUE(SyncDir(dir.Path("missing")).IsNotFound());
}

TEST(PreadFullyTest, StopsAtEndOfFile) {
  ScratchDir dir;
  ASSERT_OK_AND_ASSIGN(ScopedFd fd, OpenFd(dir.WriteFile("f", "0123456789"), O_RDONLY));
  char buf[16] = {};
  ASSERT_OK_AND_ASSIGN(size_t n, PreadFully(fd.get(), buf, 4, 3, "f"));
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(std::string(buf, 4), "3456");
  ASSERT_OK_AND_ASSIGN(n, PreadFully(fd.get(), buf, 16, 6, "f"));
  EXPECT_EQ(n, 4u);
  ASSERT_OK_AND_ASSIGN(n, PreadFully(fd.get(), buf, 16, 100, "f"));
  EXPECT_EQ(n, 0u);
  Status st = PreadFully(-1, buf, 1, 0, "bad").status();
  EXPECT_TRUE(st.IsIOError());
  EXPECT_NE(st.message().find("'bad'"), std::string::npos);
}

TEST(LoopsTest, ReportErrorsWithThePath) {
  char byte = 'x';
  Status st = WriteFully(-1, &byte, 1, "nowhere");
  EXPECT_TRUE(st.IsIOError());
  EXPECT_NE(st.message().find("cannot write 'nowhere'"), std::string::npos);
  EXPECT_TRUE(SyncFd(-1, "nowhere").IsIOError());
  EXPECT_TRUE(ReadFully(-1, &byte, 1, "nowhere").status().IsIOError());
}

// Signals without SA_RESTART make blocked read(2)/write(2) on a pipe return EINTR or a short
// count; the loops must deliver every byte exactly once regardless.
void NoOpHandler(int) {}

TEST(LoopsTest, SurviveSignalsAndShortTransfersOnPipes) {
  struct sigaction action {};
  action.sa_handler = NoOpHandler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART
  struct sigaction previous {};
  ASSERT_EQ(::sigaction(SIGUSR1, &action, &previous), 0);

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ScopedFd read_end(fds[0]);
  ScopedFd write_end(fds[1]);
  std::string payload(1 << 20, '\0');
  for (size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(i * 131 + i / 7);

  std::atomic<bool> done{false};
  Status write_status;
  std::thread writer([&] {
    write_status = WriteFully(write_end.get(), payload.data(), payload.size(), "pipe");
    (void)write_end.Close("pipe");
    done = true;
  });
  pthread_t writer_handle = writer.native_handle();
  std::string received(payload.size(), '\0');
  size_t got = 0;
  while (got < payload.size()) {
    if (!done) ::pthread_kill(writer_handle, SIGUSR1);
    size_t want = std::min<size_t>(4093, payload.size() - got);
    auto n = ReadFully(read_end.get(), received.data() + got, want, "pipe");
    ASSERT_OK(n);
    ASSERT_EQ(*n, want);
    got += *n;
  }
  writer.join();
  ASSERT_OK(write_status);
  EXPECT_TRUE(received == payload);
  ASSERT_EQ(::sigaction(SIGUSR1, &previous, nullptr), 0);
}

}  // namespace
}  // namespace bundlebase::io
