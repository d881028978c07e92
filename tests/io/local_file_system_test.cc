// LocalFileSystem metadata calls: Stat, List (nesting, sorting, temp files, symbolic links,
// errors), Delete, CreateDirs and the shared instance.
#include "io/local_file_system.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "test_util.h"

namespace bundlebase::io {
namespace {

using bundlebase::testing::ScratchDir;

std::vector<std::string> Paths(const std::vector<FileInfo>& infos) {
  std::vector<std::string> paths;
  for (const auto& info : infos) paths.push_back(info.path);
  return paths;
}

bool Contains(const Status& st, const std::string& text) {
  return st.message().find(text) != std::string::npos;
}

class LocalFileSystemTest : public ::testing::Test {
 protected:
  LocalFileSystem fs_;
  ScratchDir dir_;
};

TEST_F(LocalFileSystemTest, InstanceIsSharedLocalFileSystem) {
  auto a = LocalFileSystem::Instance();
  auto b = LocalFileSystem::Instance();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(a->scheme(), "file");
  EXPECT_NE(dynamic_cast<LocalFileSystem*>(a.get()), nullptr);
}

TEST_F(LocalFileSystemTest, StatFile) {
  std::string path = dir_.WriteFile("a.csv", "12345");
  ASSERT_OK_AND_ASSIGN(FileInfo info, fs_.Stat(path));
  EXPECT_EQ(info.path, path);
  EXPECT_FALSE(info.is_directory);
  EXPECT_EQ(info.size, 5u);
  EXPECT_GT(info.mtime_ns, 0);
  EXPECT_EQ(info.version, std::to_string(info.mtime_ns) + "-5");
}

TEST_F(LocalFileSystemTest, StatVersionChangesWithContent) {
  std::string path = dir_.WriteFile("a.csv", "1");
  ASSERT_OK_AND_ASSIGN(FileInfo before, fs_.Stat(path));
  dir_.WriteFile("a.csv", "12");
  ASSERT_OK_AND_ASSIGN(FileInfo after, fs_.Stat(path));
  EXPECT_NE(before.version, after.version);
}

TEST_F(LocalFileSystemTest, StatDirectory) {
  ASSERT_OK_AND_ASSIGN(FileInfo info, fs_.Stat(dir_.path().string()));
  EXPECT_TRUE(info.is_directory);
  EXPECT_EQ(info.size, 0u);
}

TEST_F(LocalFileSystemTest, StatMissingIsNotFoundNamingThePath) {
  std::string missing = dir_.Path("missing.csv");
  Status st = fs_.Stat(missing).status();
  EXPECT_TRUE(st.IsNotFound()) << st.ToString();
  EXPECT_TRUE(Contains(st, missing)) << st.message();
  // A path "through" a file does not exist either.
  dir_.WriteFile("file", "x");
  EXPECT_TRUE(fs_.Stat(dir_.Path("file/below")).status().IsNotFound());
}

TEST_F(LocalFileSystemTest, ExistsUsesStat) {
  std::string path = dir_.WriteFile("a", "x");
  ASSERT_OK_AND_ASSIGN(bool yes, fs_.Exists(path));
  EXPECT_TRUE(yes);
  ASSERT_OK_AND_ASSIGN(bool no, fs_.Exists(dir_.Path("b")));
  EXPECT_FALSE(no);
}

TEST_F(LocalFileSystemTest, ListFlatIsSortedFilesOnly) {
  dir_.WriteFile("b.csv", "bb");
  dir_.WriteFile("a.csv", "a");
  dir_.WriteFile("sub/c.csv", "c");
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.path().string(), /*recursive=*/false));
  EXPECT_EQ(Paths(files), (std::vector<std::string>{"a.csv", "b.csv"}));
  EXPECT_EQ(files[1].size, 2u);
  EXPECT_FALSE(files[1].is_directory);
  EXPECT_EQ(files[1].version, std::to_string(files[1].mtime_ns) + "-2");
}

TEST_F(LocalFileSystemTest, ListRecursiveUsesRelativeSlashPaths) {
  dir_.WriteFile("z.csv", "z");
  dir_.WriteFile("a/b/c/deep.csv", "deep");
  dir_.WriteFile("a/x.csv", "x");
  dir_.WriteFile("a.txt", "t");
  std::filesystem::create_directories(dir_.Path("empty/also_empty"));
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.path().string(), /*recursive=*/true));
  // Sorted by the whole path, byte-wise ('.' sorts before '/').
  EXPECT_EQ(Paths(files),
            (std::vector<std::string>{"a.txt", "a/b/c/deep.csv", "a/x.csv", "z.csv"}));
  EXPECT_EQ(files[1].size, 4u);
}

TEST_F(LocalFileSystemTest, ListWithTrailingSlashAndRelativeDir) {
  dir_.WriteFile("d/f", "x");
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.Path("d") + "/", true));
  EXPECT_EQ(Paths(files), (std::vector<std::string>{"f"}));
}

TEST_F(LocalFileSystemTest, ListEmptyDirectory) {
  std::filesystem::create_directories(dir_.Path("empty"));
  ASSERT_OK_AND_ASSIGN(auto flat, fs_.List(dir_.Path("empty"), false));
  EXPECT_TRUE(flat.empty());
  ASSERT_OK_AND_ASSIGN(auto deep, fs_.List(dir_.Path("empty"), true));
  EXPECT_TRUE(deep.empty());
}

TEST_F(LocalFileSystemTest, ListMissingDirectoryIsNotFound) {
  std::string missing = dir_.Path("nope");
  for (bool recursive : {false, true}) {
    Status st = fs_.List(missing, recursive).status();
    EXPECT_TRUE(st.IsNotFound()) << st.ToString();
    EXPECT_TRUE(Contains(st, missing)) << st.message();
  }
}

TEST_F(LocalFileSystemTest, ListOfAFileIsAnError) {
  std::string file = dir_.WriteFile("f.csv", "x");
  Status st = fs_.List(file, true).status();
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_TRUE(Contains(st, file));
  EXPECT_TRUE(Contains(st, "Not a directory"));
}

TEST_F(LocalFileSystemTest, ListSkipsOurTempFilesOnly) {
  dir_.WriteFile("data.csv", "x");
  dir_.WriteFile(".data.csv.tmp-0123456789abcdef", "partial");
  dir_.WriteFile("sub/.m.yaml.tmp-fedcba9876543210", "partial");
  dir_.WriteFile(".hidden", "user file");
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.path().string(), true));
  EXPECT_EQ(Paths(files), (std::vector<std::string>{".hidden", "data.csv"}));
}

TEST_F(LocalFileSystemTest, ListFollowsSymlinksButNotLoops) {
  dir_.WriteFile("real/f.csv", "x");
  dir_.WriteFile("target.csv", "yy");
  dir_.WriteFile("root/sub/g.csv", "g");
  std::filesystem::create_symlink(dir_.Path("target.csv"), dir_.Path("root/link.csv"));
  std::filesystem::create_directory_symlink(dir_.Path("real"), dir_.Path("root/linked_dir"));
  // Loops: back to the root and to a parent.
  std::filesystem::create_directory_symlink(dir_.Path("root"), dir_.Path("root/loop"));
  std::filesystem::create_directory_symlink("..", dir_.Path("root/sub/up"));
  // A link to itself and a dangling link are not files.
  std::filesystem::create_symlink(dir_.Path("root/self"), dir_.Path("root/self"));
  std::filesystem::create_symlink(dir_.Path("gone"), dir_.Path("root/dangling"));
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.Path("root"), true));
  EXPECT_EQ(Paths(files), (std::vector<std::string>{"link.csv", "linked_dir/f.csv", "sub/g.csv"}))
      << ::testing::PrintToString(Paths(files));
  EXPECT_EQ(files[0].size, 2u);
}

TEST_F(LocalFileSystemTest, ListSkipsSpecialFiles) {
  dir_.WriteFile("d/f", "x");
  ASSERT_EQ(::mkfifo(dir_.Path("d/fifo").c_str(), 0600), 0);
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.Path("d"), true));
  EXPECT_EQ(Paths(files), (std::vector<std::string>{"f"}));
}

// Runs `body` in a child process without the right to read directories it does not own
// (dropping root, which ignores permissions) and returns its exit code.
template <typename Body>
int RunUnprivileged(Body body) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::geteuid() == 0 && ::setuid(65534) != 0) ::_exit(100);
    ::_exit(body());
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 101;
}

TEST_F(LocalFileSystemTest, ListUnreadableSubdirectoryNamesIt) {
  ::chmod(dir_.path().c_str(), 0755);
  dir_.WriteFile("ok.csv", "x");
  dir_.WriteFile("locked/secret.csv", "x");
  ASSERT_EQ(::chmod(dir_.Path("locked").c_str(), 0), 0);
  std::string root = dir_.path().string();
  std::string locked = dir_.Path("locked");
  int code = RunUnprivileged([&] {
    LocalFileSystem fs;
    Status st = fs.List(root, true).status();
    if (!st.IsIOError()) return 1;
    if (!Contains(st, locked) || !Contains(st, "Permission denied")) return 2;
    // Non-recursive listing never opens the locked directory.
    return fs.List(root, false).ok() ? 0 : 3;
  });
  ::chmod(dir_.Path("locked").c_str(), 0700);
  if (code == 100) GTEST_SKIP() << "cannot drop root privileges to test permissions";
  EXPECT_EQ(code, 0);
}

TEST_F(LocalFileSystemTest, DeleteFileAndEmptyDirectory) {
  std::string file = dir_.WriteFile("f", "x");
  ASSERT_OK(fs_.Delete(file));
  EXPECT_FALSE(std::filesystem::exists(file));
  std::filesystem::create_directories(dir_.Path("empty"));
  ASSERT_OK(fs_.Delete(dir_.Path("empty")));
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("empty")));
}

TEST_F(LocalFileSystemTest, DeleteMissingIsNotFound) {
  Status st = fs_.Delete(dir_.Path("missing"));
  EXPECT_TRUE(st.IsNotFound()) << st.ToString();
  EXPECT_TRUE(Contains(st, dir_.Path("missing")));
}

TEST_F(LocalFileSystemTest, DeleteNonEmptyDirectoryFails) {
  dir_.WriteFile("full/f", "x");
  Status st = fs_.Delete(dir_.Path("full"));
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_TRUE(Contains(st, dir_.Path("full")));
  EXPECT_TRUE(std::filesystem::exists(dir_.Path("full/f")));
}

TEST_F(LocalFileSystemTest, CreateDirs) {
  ASSERT_OK(fs_.CreateDirs(dir_.Path("x/y/z")));
  EXPECT_TRUE(std::filesystem::is_directory(dir_.Path("x/y/z")));
  ASSERT_OK(fs_.CreateDirs(dir_.Path("x/y/z")));
  dir_.WriteFile("x/file", "f");
  EXPECT_TRUE(fs_.CreateDirs(dir_.Path("x/file/sub")).IsIOError());
  EXPECT_TRUE(fs_.CreateDirs("").IsInvalid());
}

TEST_F(LocalFileSystemTest, CreateDirsConcurrently) {
  std::vector<std::thread> threads;
  std::vector<Status> results(8);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] { results[i] = fs_.CreateDirs(dir_.Path("p/q/r/s")); });
  }
  for (auto& t : threads) t.join();
  for (const auto& st : results) EXPECT_OK(st);
  EXPECT_TRUE(std::filesystem::is_directory(dir_.Path("p/q/r/s")));
}

}  // namespace
}  // namespace bundlebase::io
