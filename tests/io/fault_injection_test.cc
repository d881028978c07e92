// FaultInjectingFileSystem: pass-through, call counting, n-th call and always-failing faults,
// short and cut-off reads, the write budget, and crash simulation per write mode.
#include "io/fault_injection.h"

#include <thread>

#include "io/local_file_system.h"
#include "io/posix_util.h"
#include "test_util.h"

namespace bundlebase::io {
namespace {

using bundlebase::testing::ReadFileOrDie;
using bundlebase::testing::ScratchDir;

std::vector<std::string> AllEntries(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    names.push_back(std::filesystem::relative(entry.path(), dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

using Names = std::vector<std::string>;

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>(i * 31 + (i >> 9));
  return s;
}

class FaultInjectionTest : public ::testing::Test {
 protected:
  FaultInjectionTest() : fs_(std::make_shared<LocalFileSystem>()) {}

  ScratchDir dir_;
  FaultInjectingFileSystem fs_;
};

TEST_F(FaultInjectionTest, PassesThroughAndCounts) {
  EXPECT_EQ(fs_.scheme(), "file");
  EXPECT_EQ(fs_.call_count(), 0u);
  std::string path = dir_.Path("d/f.txt");
  ASSERT_OK(fs_.CreateDirs(dir_.Path("d")));
  ASSERT_OK(fs_.WriteFile(path, "data"));  // open-write, write, close
  ASSERT_OK_AND_ASSIGN(FileInfo info, fs_.Stat(path));
  EXPECT_EQ(info.size, 4u);
  ASSERT_OK_AND_ASSIGN(bool exists, fs_.Exists(path));
  EXPECT_TRUE(exists);
  ASSERT_OK_AND_ASSIGN(auto files, fs_.List(dir_.path().string(), true));
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "d/f.txt");
  ASSERT_OK_AND_ASSIGN(auto contents, fs_.ReadFile(path));  // open-read, read
  EXPECT_EQ(contents->view(), "data");
  ASSERT_OK_AND_ASSIGN(auto stream, fs_.OpenInputStream(path));
  ASSERT_OK_AND_ASSIGN(auto chunk, stream->Read(100));
  EXPECT_EQ(chunk->view(), "data");
  ASSERT_OK(fs_.Delete(path));

  EXPECT_EQ(fs_.call_count(FileOp::kCreateDirs), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kOpenWrite), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kWrite), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kClose), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kStat), 2u);
  EXPECT_EQ(fs_.call_count(FileOp::kList), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kOpenRead), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kOpenInputStream), 1u);
  EXPECT_EQ(fs_.call_count(FileOp::kRead), 2u);
  EXPECT_EQ(fs_.call_count(FileOp::kDelete), 1u);
  EXPECT_EQ(fs_.call_count(), 12u);
  EXPECT_EQ(fs_.call_count(FileOp::kAny), 12u);
}

TEST_F(FaultInjectionTest, FailNthCallOfAnyKindFiresOnce) {
  std::string path = dir_.WriteFile("f", "x");
  fs_.FailNthCall(3, Status::IOError("injected"));
  EXPECT_OK(fs_.Stat(path));
  EXPECT_OK(fs_.Exists(path));
  Status st = fs_.List(dir_.path().string(), false).status();
  EXPECT_TRUE(st.IsIOError());
  EXPECT_EQ(st.message(), "injected");
  EXPECT_OK(fs_.List(dir_.path().string(), false));
  EXPECT_EQ(fs_.call_count(), 4u);
}

TEST_F(FaultInjectionTest, FailNthCallOfOneKind) {
  std::string path = dir_.WriteFile("f", "x");
  fs_.FailNthCall(2, Status::NotFound("second stat"), FileOp::kStat);
  EXPECT_OK(fs_.Stat(path));
  EXPECT_OK(fs_.List(dir_.path().string(), false));  // other kinds do not count
  EXPECT_TRUE(fs_.Stat(path).status().IsNotFound());
  EXPECT_OK(fs_.Stat(path));
}

TEST_F(FaultInjectionTest, SeveralPendingFaultsCountIndependently) {
  std::string path = dir_.WriteFile("f", "x");
  fs_.FailNthCall(1, Status::IOError("first"));
  fs_.FailNthCall(3, Status::IOError("third"), FileOp::kStat);
  EXPECT_EQ(fs_.Stat(path).status().message(), "first");
  EXPECT_OK(fs_.Stat(path));
  EXPECT_EQ(fs_.Stat(path).status().message(), "third");
  EXPECT_OK(fs_.Stat(path));
}

TEST_F(FaultInjectionTest, FaultsDueOnTheSameCallFireOneAfterTheOther) {
  std::string path = dir_.WriteFile("f", "x");
  fs_.FailNthCall(2, Status::IOError("a"));
  fs_.FailNthCall(2, Status::IOError("b"), FileOp::kStat);
  EXPECT_OK(fs_.Stat(path));
  EXPECT_EQ(fs_.Stat(path).status().message(), "a");
  EXPECT_EQ(fs_.Stat(path).status().message(), "b");
  EXPECT_OK(fs_.Stat(path));
}

TEST_F(FaultInjectionTest, FailNthCallZeroMeansNext) {
  fs_.FailNthCall(0, Status::IOError("now"));
  EXPECT_EQ(fs_.CreateDirs(dir_.Path("x")).message(), "now");
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("x")));
}

TEST_F(FaultInjectionTest, FailAllCallsUntilCleared) {
  std::string path = dir_.WriteFile("f", "x");
  fs_.FailAllCalls(FileOp::kDelete, Status::IOError("read-only"));
  EXPECT_TRUE(fs_.Delete(path).IsIOError());
  EXPECT_TRUE(fs_.Delete(path).IsIOError());
  EXPECT_OK(fs_.Stat(path));
  EXPECT_TRUE(std::filesystem::exists(path));
  fs_.ClearFaults();
  EXPECT_OK(fs_.Delete(path));
  EXPECT_EQ(fs_.call_count(FileOp::kDelete), 3u);
}

TEST_F(FaultInjectionTest, FailAllCallsOfAnyKind) {
  fs_.FailAllCalls(FileOp::kAny, Status::IOError("disk gone"));
  EXPECT_TRUE(fs_.Stat(dir_.Path("f")).status().IsIOError());
  EXPECT_TRUE(fs_.OpenWrite(dir_.Path("f"), WriteMode::kTruncate).status().IsIOError());
  // Exists reports the error rather than "absent".
  EXPECT_TRUE(fs_.Exists(dir_.Path("f")).status().IsIOError());
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("f")));
}

TEST_F(FaultInjectionTest, ExistsTreatsNotFoundAsAbsent) {
  fs_.FailNthCall(1, Status::NotFound("pretend missing"), FileOp::kStat);
  ASSERT_OK_AND_ASSIGN(bool exists, fs_.Exists(dir_.WriteFile("f", "x")));
  EXPECT_FALSE(exists);
}

TEST_F(FaultInjectionTest, OpenFaultsDoNotReachTheTarget) {
  std::string path = dir_.WriteFile("f", "x");
  fs_.FailAllCalls(FileOp::kOpenRead, Status::IOError("no read"));
  fs_.FailAllCalls(FileOp::kOpenInputStream, Status::IOError("no stream"));
  fs_.FailAllCalls(FileOp::kOpenWrite, Status::IOError("no write"));
  EXPECT_EQ(fs_.OpenRead(path).status().message(), "no read");
  EXPECT_EQ(fs_.ReadFile(path).status().message(), "no read");
  EXPECT_EQ(fs_.OpenInputStream(path).status().message(), "no stream");
  EXPECT_EQ(fs_.WriteFile(dir_.Path("g"), "y").message(), "no write");
  EXPECT_EQ(AllEntries(dir_.path()), Names{"f"});
}

TEST_F(FaultInjectionTest, ReadFaultsOnOpenFiles) {
  std::string path = dir_.WriteFile("f", "0123456789");
  ASSERT_OK_AND_ASSIGN(auto file, fs_.OpenRead(path));
  ASSERT_OK_AND_ASSIGN(auto stream, fs_.OpenInputStream(path));
  EXPECT_EQ(file->path(), path);
  EXPECT_EQ(file->size(), 10u);
  EXPECT_EQ(stream->path(), path);
  fs_.FailNthCall(2, Status::IOError("bad sector"), FileOp::kRead);
  EXPECT_OK(file->ReadAt(0, 1));
  EXPECT_EQ(stream->Read(5).status().message(), "bad sector");
  ASSERT_OK_AND_ASSIGN(auto rest, stream->Read(100));
  EXPECT_EQ(rest->view(), "0123456789");
  // Past-the-end errors still come from the wrapped file.
  EXPECT_TRUE(file->ReadAt(5, 6).status().IsInvalid());
}

TEST_F(FaultInjectionTest, WriteFaultAbortsTheStream) {
  std::string path = dir_.WriteFile("m.yaml", "old");
  ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(path, WriteMode::kAtomicReplace));
  EXPECT_EQ(out->path(), path);
  fs_.FailNthCall(2, Status::IOError("EIO"), FileOp::kWrite);
  ASSERT_OK(out->Write("new "));
  EXPECT_EQ(out->Write("content").message(), "EIO");
  EXPECT_EQ(out->Write("more").message(), "EIO");
  EXPECT_EQ(out->Close().message(), "EIO");
  EXPECT_EQ(ReadFileOrDie(path), "old");
  EXPECT_EQ(AllEntries(dir_.path()), Names{"m.yaml"});
}

TEST_F(FaultInjectionTest, CloseFaultPublishesNothing) {
  for (WriteMode mode : {WriteMode::kAtomicReplace, WriteMode::kCreateIfAbsent}) {
    std::string path = dir_.Path("new.yaml");
    ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(path, mode));
    ASSERT_OK(out->Write("complete content"));
    fs_.FailNthCall(1, Status::IOError("fsync failed"), FileOp::kClose);
    EXPECT_EQ(out->Close().message(), "fsync failed");
    EXPECT_EQ(out->Close().message(), "fsync failed");
    EXPECT_EQ(AllEntries(dir_.path()), Names{});
  }
}

TEST_F(FaultInjectionTest, FinishedStreamsAnswerLikeTheWrappedOne) {
  std::string path = dir_.Path("f");
  ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(path, WriteMode::kTruncate));
  ASSERT_OK(out->Write("abc"));
  EXPECT_EQ(out->bytes_written(), 3u);
  ASSERT_OK(out->Close());
  ASSERT_OK(out->Close());
  EXPECT_TRUE(out->Write("x").IsInvalid());
  out->Abort();
  EXPECT_EQ(ReadFileOrDie(path), "abc");

  ASSERT_OK_AND_ASSIGN(auto aborted, fs_.OpenWrite(dir_.Path("g"), WriteMode::kAtomicReplace));
  aborted->Abort();
  EXPECT_TRUE(aborted->Close().IsInvalid());
  EXPECT_FALSE(std::filesystem::exists(dir_.Path("g")));
}

TEST_F(FaultInjectionTest, WrappedErrorsPassThroughAndPoison) {
  std::string path = dir_.WriteFile("taken", "first");
  ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(path, WriteMode::kCreateIfAbsent));
  ASSERT_OK(out->Write("second"));
  Status st = out->Close();
  EXPECT_TRUE(st.IsAlreadyExists()) << st.ToString();
  EXPECT_EQ(out->Write("x").message(), st.message());
  EXPECT_EQ(ReadFileOrDie(path), "first");
}

TEST_F(FaultInjectionTest, ShortReadsReturnFewerBytesButAllOfThem) {
  std::string contents = Pattern(200000);
  std::string path = dir_.WriteFile("f", contents);
  fs_.SetShortReads(true);
  ASSERT_OK_AND_ASSIGN(auto stream, fs_.OpenInputStream(path));
  std::string got;
  int short_reads = 0;
  for (;;) {
    ASSERT_OK_AND_ASSIGN(auto chunk, stream->Read(1000));
    if (chunk->empty()) break;
    ASSERT_GE(chunk->size(), 1u);
    ASSERT_LE(chunk->size(), 1000u);
    if (chunk->size() < 1000) ++short_reads;
    got.append(chunk->view());
  }
  EXPECT_TRUE(got == contents);
  EXPECT_GT(short_reads, 100);
  // A one-byte request cannot be shortened.
  ASSERT_OK_AND_ASSIGN(auto again, fs_.OpenInputStream(path));
  ASSERT_OK_AND_ASSIGN(auto one, again->Read(1));
  EXPECT_EQ(one->size(), 1u);
  // Zero is still refused by the wrapped stream.
  EXPECT_TRUE(again->Read(0).status().IsInvalid());
}

TEST_F(FaultInjectionTest, ShortReadsDoNotAffectRandomAccess) {
  std::string contents = Pattern(5000);
  std::string path = dir_.WriteFile("f", contents);
  fs_.SetShortReads(true);
  ASSERT_OK_AND_ASSIGN(auto whole, fs_.ReadFile(path));
  EXPECT_TRUE(whole->view() == contents);
}

TEST_F(FaultInjectionTest, TruncatedRandomAccessFile) {
  std::string contents = Pattern(1000);
  std::string path = dir_.WriteFile("download.parquet", contents);
  fs_.SetTruncateReadsAfter(600);
  ASSERT_OK_AND_ASSIGN(auto file, fs_.OpenRead(path));
  EXPECT_EQ(file->size(), 1000u);
  ASSERT_OK_AND_ASSIGN(auto head, file->ReadAt(0, 600));
  EXPECT_EQ(head->view(), contents.substr(0, 600));
  Status st = file->ReadAt(590, 20).status();
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_EQ(st.message(), "'" + path + "' was cut off after 600 bytes (injected fault)");
  EXPECT_TRUE(file->ReadAt(900, 100).status().IsIOError());
  EXPECT_TRUE(file->ReadAll().status().IsIOError());
  // Beyond the real end it stays a past-the-end error.
  EXPECT_TRUE(file->ReadAt(990, 20).status().IsInvalid());
  // Files no longer than the cut are whole.
  std::string small = dir_.WriteFile("small", "tiny");
  ASSERT_OK_AND_ASSIGN(auto tiny, fs_.ReadFile(small));
  EXPECT_EQ(tiny->view(), "tiny");
  fs_.ClearFaults();
  EXPECT_OK(file->ReadAll());
}

TEST_F(FaultInjectionTest, TruncatedInputStream) {
  std::string contents = Pattern(1000);
  std::string path = dir_.WriteFile("f", contents);
  fs_.SetTruncateReadsAfter(600);
  ASSERT_OK_AND_ASSIGN(auto stream, fs_.OpenInputStream(path));
  std::string got;
  Status error;
  for (;;) {
    auto chunk = stream->Read(256);
    if (!chunk.ok()) {
      error = chunk.status();
      break;
    }
    ASSERT_FALSE((*chunk)->empty()) << "a cut stream must not look complete";
    got.append((*chunk)->view());
  }
  EXPECT_EQ(got, contents.substr(0, 600));
  EXPECT_TRUE(error.IsIOError()) << error.ToString();
  EXPECT_NE(error.message().find("cut off after 600 bytes"), std::string::npos);
  // Retrying never turns the cut into a clean end of stream.
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(stream->Read(256).status().IsIOError());
}

TEST_F(FaultInjectionTest, StreamEndingAtTheCutEndsNormally) {
  std::string path = dir_.WriteFile("f", "exactly");
  fs_.SetTruncateReadsAfter(7);
  ASSERT_OK_AND_ASSIGN(auto stream, fs_.OpenInputStream(path));
  ASSERT_OK_AND_ASSIGN(auto all, stream->Read(100));
  EXPECT_EQ(all->view(), "exactly");
  ASSERT_OK_AND_ASSIGN(auto end, stream->Read(100));
  EXPECT_TRUE(end->empty());
}

TEST_F(FaultInjectionTest, WriteBudgetFailsTheCrossingWrite) {
  fs_.SetCrashAfterBytes(10);
  std::string path = dir_.Path("f");
  ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(path, WriteMode::kAtomicReplace));
  ASSERT_OK(out->Write("123456"));
  Status st = out->Write("789abc");
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_NE(st.message().find("no space left"), std::string::npos);
  EXPECT_EQ(out->bytes_written(), 10u);  // the part that fit
  EXPECT_EQ(out->Close().message(), st.message());
  EXPECT_EQ(AllEntries(dir_.path()), Names{});
  // The budget is shared by all streams and now spent.
  ASSERT_OK_AND_ASSIGN(auto next, fs_.OpenWrite(dir_.Path("g"), WriteMode::kTruncate));
  EXPECT_OK(next->Write("", 0));
  EXPECT_TRUE(next->Write("x").IsIOError());
}

TEST_F(FaultInjectionTest, WriteBudgetLetsSmallFilesThrough) {
  fs_.SetCrashAfterBytes(8);
  ASSERT_OK(fs_.WriteFile(dir_.Path("a"), "1234"));
  ASSERT_OK(fs_.WriteFile(dir_.Path("b"), "5678"));
  EXPECT_TRUE(fs_.WriteFile(dir_.Path("c"), "9").IsIOError());
  EXPECT_EQ(AllEntries(dir_.path()), (Names{"a", "b"}));
  fs_.ClearFaults();
  ASSERT_OK(fs_.WriteFile(dir_.Path("c"), "9"));
}

TEST_F(FaultInjectionTest, CrashDropsUnclosedAtomicWrites) {
  std::string replaced = dir_.WriteFile("m.yaml", "old manifest");
  std::string created = dir_.Path("00002.yaml");
  std::string closed = dir_.Path("data/block.parquet");
  ASSERT_OK(fs_.WriteFile(closed, "durable"));
  ASSERT_OK_AND_ASSIGN(auto a, fs_.OpenWrite(replaced, WriteMode::kAtomicReplace));
  ASSERT_OK_AND_ASSIGN(auto b, fs_.OpenWrite(created, WriteMode::kCreateIfAbsent));
  ASSERT_OK(a->Write(Pattern(3 << 20)));  // past the write buffer: bytes are on disk
  ASSERT_OK(b->Write("new commit"));
  ASSERT_OK(fs_.SimulateCrash());
  EXPECT_EQ(ReadFileOrDie(replaced), "old manifest");
  EXPECT_EQ(ReadFileOrDie(closed), "durable");
  EXPECT_EQ(AllEntries(dir_.path()), (Names{"data", "data/block.parquet", "m.yaml"}));
  // The dead process's streams are unusable and their destruction changes nothing.
  Status st = a->Close();
  EXPECT_TRUE(st.IsIOError());
  EXPECT_NE(st.message().find("simulated crash"), std::string::npos);
  EXPECT_TRUE(b->Write("x").IsIOError());
  a.reset();
  b.reset();
  EXPECT_EQ(ReadFileOrDie(replaced), "old manifest");
  EXPECT_FALSE(std::filesystem::exists(created));
}

TEST_F(FaultInjectionTest, CrashRemovesUnclosedTruncateWrites) {
  std::string scratch = dir_.WriteFile("scratch.tmp", "previous");
  ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(scratch, WriteMode::kTruncate));
  ASSERT_OK(out->Write("partial"));
  ASSERT_OK(fs_.SimulateCrash());
  EXPECT_FALSE(std::filesystem::exists(scratch));
  // A second crash has nothing left to drop.
  ASSERT_OK(fs_.SimulateCrash());
}

TEST_F(FaultInjectionTest, CrashKeepsClosedAndAbortedStreamsAlone) {
  std::string path = dir_.Path("kept");
  ASSERT_OK_AND_ASSIGN(auto out, fs_.OpenWrite(path, WriteMode::kTruncate));
  ASSERT_OK(out->Write("kept"));
  ASSERT_OK(out->Close());
  ASSERT_OK_AND_ASSIGN(auto aborted, fs_.OpenWrite(dir_.Path("x"), WriteMode::kTruncate));
  aborted->Abort();
  ASSERT_OK(fs_.SimulateCrash());
  EXPECT_EQ(ReadFileOrDie(path), "kept");
  ASSERT_OK(out->Close());
  EXPECT_TRUE(aborted->Close().IsInvalid());
}

TEST_F(FaultInjectionTest, StreamsOutliveTheWrapper) {
  std::string path = dir_.Path("f");
  std::unique_ptr<OutputStream> out;
  {
    FaultInjectingFileSystem temporary(std::make_shared<LocalFileSystem>());
    ASSERT_OK_AND_ASSIGN(out, temporary.OpenWrite(path, WriteMode::kAtomicReplace));
  }
  ASSERT_OK(out->Write("still works"));
  ASSERT_OK(out->Close());
  EXPECT_EQ(ReadFileOrDie(path), "still works");
}

TEST_F(FaultInjectionTest, EveryFailurePointOfASequenceIsReachable) {
  // The pattern crash tests use: count the calls of an operation, then fail each in turn.
  auto operation = [&](FileSystem* fs) -> Status {
    BB_RETURN_NOT_OK(fs->CreateDirs(dir_.Path("out")));
    BB_RETURN_NOT_OK(fs->WriteFile(dir_.Path("out/a"), "a"));
    BB_ASSIGN_OR_RAISE(auto contents, fs->ReadFile(dir_.Path("out/a")));
    return fs->WriteFile(dir_.Path("out/b"), contents->view());
  };
  ASSERT_OK(operation(&fs_));
  uint64_t calls = fs_.call_count();
  EXPECT_EQ(calls, 9u);
  for (uint64_t n = 1; n <= calls; ++n) {
    std::filesystem::remove_all(dir_.Path("out"));
    fs_.FailNthCall(n, Status::IOError("fault {}", n));
    Status st = operation(&fs_);
    EXPECT_EQ(st.message(), fmt::format("fault {}", n));
    EXPECT_FALSE(std::filesystem::exists(dir_.Path("out/b")));
  }
}

TEST_F(FaultInjectionTest, ConcurrentUse) {
  std::string path = dir_.WriteFile("f", Pattern(100000));
  fs_.FailAllCalls(FileOp::kStat, Status::IOError("no stat"));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        if (!fs_.ReadFile(path).ok()) ++failures[t];
        if (fs_.Stat(path).ok()) ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  EXPECT_EQ(fs_.call_count(), 4u * 100 * 3);
}

TEST(FileOpNameTest, NamesEveryKind) {
  EXPECT_EQ(FileOpName(FileOp::kAny), "any");
  EXPECT_EQ(FileOpName(FileOp::kOpenWrite), "open-write");
  EXPECT_EQ(FileOpName(FileOp::kCreateDirs), "create-dirs");
}

}  // namespace
}  // namespace bundlebase::io
