// Local writes in the three modes: publishing, buffering, aborting, stream states, OS errors,
// and the create-if-absent race between threads and between processes.
#include "io/local_output_stream.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "io/local_file_system.h"
#include "io/posix_util.h"
#include "test_util.h"

namespace bundlebase::io {
namespace {

using bundlebase::testing::ReadFileOrDie;
using bundlebase::testing::ScratchDir;

// Every directory entry under `dir`, hidden ones included, as relative paths.
std::vector<std::string> AllEntries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    names.push_back(std::filesystem::relative(entry.path(), dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

using Names = std::vector<std::string>;

class OutputStreamModeTest : public ::testing::TestWithParam<WriteMode> {
 protected:
  ScratchDir dir_;
};

TEST_P(OutputStreamModeTest, WritesAndPublishesOnClose) {
  std::string path = dir_.Path("out.bin");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, GetParam(), 1 << 20));
  EXPECT_EQ(out->path(), path);
  ASSERT_OK(out->Write("hello "));
  ASSERT_OK(out->Write("world"));
  EXPECT_EQ(out->bytes_written(), 11u);
  ASSERT_OK(out->Close());
  EXPECT_EQ(ReadFileOrDie(path), "hello world");
  EXPECT_EQ(AllEntries(dir_.path()), Names{"out.bin"});
  // A second Close is harmless; writing to a closed stream is not.
  ASSERT_OK(out->Close());
  EXPECT_TRUE(out->Write("x").IsInvalid());
  out->Abort();
  EXPECT_EQ(ReadFileOrDie(path), "hello world");
}

TEST_P(OutputStreamModeTest, EmptyFile) {
  std::string path = dir_.Path("empty");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, GetParam(), 1 << 20));
  ASSERT_OK(out->Write("", 0));
  ASSERT_OK(out->Close());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(std::filesystem::file_size(path), 0u);
}

TEST_P(OutputStreamModeTest, CreatesMissingParentDirectories) {
  std::string path = dir_.Path("a/b/c/out.txt");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, GetParam(), 16));
  ASSERT_OK(out->Write("x"));
  ASSERT_OK(out->Close());
  EXPECT_EQ(ReadFileOrDie(path), "x");
}

TEST_P(OutputStreamModeTest, ManySmallAndSomeLargeWrites) {
  std::string path = dir_.Path("mixed");
  std::string expected;
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, GetParam(), 1000));
  for (int i = 0; i < 5000; ++i) {
    std::string piece = std::to_string(i) + ",";
    if (i % 1000 == 999) piece += std::string(2500, static_cast<char>('a' + i % 26));
    ASSERT_OK(out->Write(piece));
    expected += piece;
  }
  EXPECT_EQ(out->bytes_written(), expected.size());
  ASSERT_OK(out->Close());
  EXPECT_TRUE(ReadFileOrDie(path) == expected);
}

TEST_P(OutputStreamModeTest, AbortLeavesNothingBehind) {
  std::string path = dir_.Path("aborted");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, GetParam(), 4));
  ASSERT_OK(out->Write("some bytes that reach the disk"));
  out->Abort();
  out->Abort();
  EXPECT_TRUE(out->Write("x").IsInvalid());
  EXPECT_TRUE(out->Close().IsInvalid());
  EXPECT_EQ(AllEntries(dir_.path()), Names{});
}

TEST_P(OutputStreamModeTest, DestroyWithoutCloseAborts) {
  std::string path = dir_.Path("dropped");
  {
    ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, GetParam(), 4));
    ASSERT_OK(out->Write("partial data"));
  }
  EXPECT_EQ(AllEntries(dir_.path()), Names{});
}

TEST_P(OutputStreamModeTest, InvalidPaths) {
  for (const std::string& bad : {dir_.Path("dir") + "/", std::string("."), dir_.Path("..")}) {
    Status st = OpenLocalOutputStream(bad, GetParam(), 16).status();
    EXPECT_TRUE(st.IsInvalid()) << bad << ": " << st.ToString();
  }
}

TEST_P(OutputStreamModeTest, ParentIsAFile) {
  dir_.WriteFile("file", "x");
  Status st = OpenLocalOutputStream(dir_.Path("file/out"), GetParam(), 16).status();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(dir_.Path("file")), std::string::npos) << st.message();
}

// RLIMIT_FSIZE makes write(2) fail with EFBIG: a real OS write error, in a child process so
// the limit does not leak into other tests. Exit codes report what went wrong.
TEST_P(OutputStreamModeTest, WriteErrorPoisonsTheStreamAndCleansUp) {
  std::string path = dir_.Path("too_big");
  WriteMode mode = GetParam();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit {1000, 1000};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(10);
    auto out = OpenLocalOutputStream(path, mode, 100);
    if (!out.ok()) ::_exit(11);
    Status st = (*out)->Write(std::string(5000, 'x'));
    if (!st.IsIOError() || st.message().find("File too large") == std::string::npos) ::_exit(12);
    if ((*out)->Write("y").message() != st.message()) ::_exit(13);
    if ((*out)->Close().message() != st.message()) ::_exit(14);
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(AllEntries(dir_.path()), Names{});
}

INSTANTIATE_TEST_SUITE_P(Modes, OutputStreamModeTest,
                         ::testing::Values(WriteMode::kAtomicReplace, WriteMode::kCreateIfAbsent,
                                           WriteMode::kTruncate),
                         [](const auto& info) {
                           switch (info.param) {
                             case WriteMode::kAtomicReplace: return "AtomicReplace";
                             case WriteMode::kCreateIfAbsent: return "CreateIfAbsent";
                             case WriteMode::kTruncate: return "Truncate";
                           }
                           return "Unknown";
                         });

TEST(AtomicReplaceTest, OldContentVisibleUntilClose) {
  ScratchDir dir;
  std::string path = dir.WriteFile("m.yaml", "old");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kAtomicReplace, 4));
  ASSERT_OK(out->Write("new contents, longer than the buffer"));
  EXPECT_EQ(ReadFileOrDie(path), "old");
  // The work in progress is a hidden temp file beside the target.
  Names entries = AllEntries(dir.path());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_TRUE(IsTempFileName(entries[0])) << entries[0];
  EXPECT_EQ(entries[1], "m.yaml");
  ASSERT_OK(out->Close());
  EXPECT_EQ(ReadFileOrDie(path), "new contents, longer than the buffer");
  EXPECT_EQ(AllEntries(dir.path()), Names{"m.yaml"});
}

TEST(AtomicReplaceTest, AbortKeepsTheOldFile) {
  ScratchDir dir;
  std::string path = dir.WriteFile("m.yaml", "old");
  {
    ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kAtomicReplace, 4));
    ASSERT_OK(out->Write("never published"));
  }
  EXPECT_EQ(ReadFileOrDie(path), "old");
  EXPECT_EQ(AllEntries(dir.path()), Names{"m.yaml"});
}

TEST(AtomicReplaceTest, ReplacingADirectoryFailsAtCloseAndCleansUp) {
  ScratchDir dir;
  dir.WriteFile("target/inside", "x");
  std::string path = dir.Path("target");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kAtomicReplace, 16));
  ASSERT_OK(out->Write("data"));
  Status st = out->Close();
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_NE(st.message().find("cannot replace '" + path + "'"), std::string::npos);
  EXPECT_EQ(out->Close().message(), st.message());
  EXPECT_EQ(AllEntries(dir.path()), (Names{"target", "target/inside"}));
}

TEST(CreateIfAbsentTest, ExistingTargetIsAlreadyExistsAndUntouched) {
  ScratchDir dir;
  std::string path = dir.WriteFile("00001.yaml", "first commit");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kCreateIfAbsent, 16));
  ASSERT_OK(out->Write("competing commit"));
  Status st = out->Close();
  EXPECT_TRUE(st.IsAlreadyExists()) << st.ToString();
  EXPECT_NE(st.message().find(path), std::string::npos);
  EXPECT_EQ(ReadFileOrDie(path), "first commit");
  EXPECT_EQ(AllEntries(dir.path()), Names{"00001.yaml"});
}

TEST(CreateIfAbsentTest, NothingVisibleBeforeClose) {
  ScratchDir dir;
  std::string path = dir.Path("new.yaml");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kCreateIfAbsent, 4));
  ASSERT_OK(out->Write("contents"));
  EXPECT_FALSE(std::filesystem::exists(path));
  ASSERT_OK(out->Close());
  EXPECT_EQ(ReadFileOrDie(path), "contents");
}

// The winner's content, recognizable by its writer's id in every byte.
std::string Contender(int id) { return std::string(300000, static_cast<char>('A' + id)); }

TEST(CreateIfAbsentTest, ThreadsRaceExactlyOneWins) {
  for (int round = 0; round < 5; ++round) {
    ScratchDir dir;
    std::string path = dir.Path("manifests/00002.yaml");
    constexpr int kThreads = 8;
    std::vector<Status> results(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        results[i] = LocalFileSystem().WriteFile(path, Contender(i), WriteMode::kCreateIfAbsent);
      });
    }
    for (auto& t : threads) t.join();
    int winner = -1;
    for (int i = 0; i < kThreads; ++i) {
      if (results[i].ok()) {
        EXPECT_EQ(winner, -1) << "two winners";
        winner = i;
      } else {
        EXPECT_TRUE(results[i].IsAlreadyExists()) << results[i].ToString();
      }
    }
    ASSERT_NE(winner, -1);
    EXPECT_TRUE(ReadFileOrDie(path) == Contender(winner));
    EXPECT_EQ(AllEntries(dir.path()), (Names{"manifests", "manifests/00002.yaml"}));
  }
}

TEST(CreateIfAbsentTest, ProcessesRaceExactlyOneWins) {
  constexpr int kProcesses = 6;
  constexpr int kWon = 0, kLost = 1, kOtherError = 2;
  for (int round = 0; round < 3; ++round) {
    ScratchDir dir;
    std::string path = dir.Path("00003.yaml");
    // Children block on the pipe until all exist, then race.
    int gate[2];
    ASSERT_EQ(::pipe(gate), 0);
    std::vector<pid_t> pids;
    for (int i = 0; i < kProcesses; ++i) {
      pid_t pid = ::fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        ::close(gate[1]);
        char byte;
        while (::read(gate[0], &byte, 1) < 0 && errno == EINTR) {
        }
        LocalFileSystem fs;
        Status st = fs.WriteFile(path, Contender(i), WriteMode::kCreateIfAbsent);
        ::_exit(st.ok() ? kWon : st.IsAlreadyExists() ? kLost : kOtherError);
      }
      pids.push_back(pid);
    }
    ::close(gate[0]);
    ::close(gate[1]);  // releases every child at once
    int winner = -1;
    for (int i = 0; i < kProcesses; ++i) {
      int status = 0;
      ASSERT_EQ(::waitpid(pids[i], &status, 0), pids[i]);
      ASSERT_TRUE(WIFEXITED(status));
      int code = WEXITSTATUS(status);
      if (code == kWon) {
        EXPECT_EQ(winner, -1) << "two winners";
        winner = i;
      } else {
        EXPECT_EQ(code, kLost);
      }
    }
    ASSERT_NE(winner, -1);
    EXPECT_TRUE(ReadFileOrDie(path) == Contender(winner));
    EXPECT_EQ(AllEntries(dir.path()), Names{"00003.yaml"});
  }
}

TEST(TruncateTest, OverwritesInPlace) {
  ScratchDir dir;
  std::string path = dir.WriteFile("scratch", "a much longer old content");
  ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kTruncate, 4));
  // In place: the old content is gone as soon as the stream opens.
  EXPECT_EQ(ReadFileOrDie(path), "");
  ASSERT_OK(out->Write("short"));
  ASSERT_OK(out->Close());
  EXPECT_EQ(ReadFileOrDie(path), "short");
  EXPECT_EQ(AllEntries(dir.path()), Names{"scratch"});
}

TEST(TruncateTest, AbortRemovesThePartialFile) {
  ScratchDir dir;
  std::string path = dir.WriteFile("scratch", "old");
  {
    ASSERT_OK_AND_ASSIGN(auto out, OpenLocalOutputStream(path, WriteMode::kTruncate, 4));
    ASSERT_OK(out->Write("partial"));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TruncateTest, DirectoryTargetIsAnError) {
  ScratchDir dir;
  Status st = OpenLocalOutputStream(dir.path().string(), WriteMode::kTruncate, 4).status();
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_TRUE(std::filesystem::is_directory(dir.path()));
}

TEST(FileSystemWriteTest, WriteFileAndReadFileRoundTrip) {
  ScratchDir dir;
  LocalFileSystem fs;
  std::string path = dir.Path("sub/f.txt");
  ASSERT_OK(fs.WriteFile(path, "round trip"));
  ASSERT_OK_AND_ASSIGN(auto back, fs.ReadFile(path));
  EXPECT_EQ(back->view(), "round trip");
  ASSERT_OK(fs.WriteFile(path, "replaced"));
  ASSERT_OK_AND_ASSIGN(back, fs.ReadFile(path));
  EXPECT_EQ(back->view(), "replaced");
  EXPECT_TRUE(fs.WriteFile(path, "again", WriteMode::kCreateIfAbsent).IsAlreadyExists());
}

}  // namespace
}  // namespace bundlebase::io
