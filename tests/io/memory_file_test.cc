// MemoryFile: zero-copy ranged reads over a buffer, with the same past-the-end error as files.
#include "io/memory_file.h"
#include "test_util.h"

namespace bundlebase::io {
namespace {

TEST(MemoryFileTest, ReadsRangesWithoutCopying) {
  auto bytes = Buffer::FromString("hello, world");
  MemoryFile file(bytes, "greeting.txt");
  EXPECT_EQ(file.size(), 12u);
  EXPECT_EQ(file.path(), "greeting.txt");
  ASSERT_OK_AND_ASSIGN(auto part, file.ReadAt(7, 5));
  EXPECT_EQ(part->view(), "world");
  EXPECT_EQ(part->data(), bytes->data() + 7);
  ASSERT_OK_AND_ASSIGN(auto all, file.ReadAll());
  EXPECT_EQ(all->view(), "hello, world");
  ASSERT_OK_AND_ASSIGN(auto empty, file.ReadAt(12, 0));
  EXPECT_EQ(empty->size(), 0u);
}

TEST(MemoryFileTest, PastTheEndNamesTheFile) {
  MemoryFile file(Buffer::FromString("abc"), "tiny.bin");
  auto r = file.ReadAt(2, 5);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsInvalid());
  EXPECT_NE(r.status().message().find("tiny.bin"), std::string::npos);
  EXPECT_FALSE(file.ReadAt(~uint64_t{0}, 2).ok());
}

}  // namespace
}  // namespace bundlebase::io
