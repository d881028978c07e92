// Helpers shared by the unit tests: scratch directories and the optional sample-data folder.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "bundlebase/result.h"

namespace bundlebase::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string Path(const std::string& relative) const { return (path_ / relative).string(); }
  // Writes `contents` to `relative` (creating parent folders) and returns the full path.
  std::string WriteFile(const std::string& relative, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

// The shared sample file `name` if the sample folder exists beside the repository, else nullopt.
// Tests that use it call GTEST_SKIP() with a clear reason when it is absent.
std::optional<std::string> SampleFile(const std::string& name);

std::string ReadFileOrDie(const std::string& path);

// A file committed in the repository, by its path from the repository root.
std::string RepoFile(const std::string& relative);

}  // namespace bundlebase::testing

#define ASSERT_OK(expr)                                             \
  do {                                                              \
    auto _st = ::bundlebase::ToStatus(expr);                        \
    ASSERT_TRUE(_st.ok()) << _st.ToString();                        \
  } while (false)

#define EXPECT_OK(expr)                                             \
  do {                                                              \
    auto _st = ::bundlebase::ToStatus(expr);                        \
    EXPECT_TRUE(_st.ok()) << _st.ToString();                        \
  } while (false)

#define ASSERT_OK_AND_ASSIGN(lhs, rexpr)                                     \
  auto BB_CONCAT(_bb_t_, __LINE__) = (rexpr);                                \
  ASSERT_TRUE(BB_CONCAT(_bb_t_, __LINE__).ok())                              \
      << BB_CONCAT(_bb_t_, __LINE__).status().ToString();                    \
  lhs = std::move(BB_CONCAT(_bb_t_, __LINE__)).MoveValueUnsafe();

// Sample files are optional: skip (and say so) when the folder is not beside the repository.
#define BB_SAMPLE_OR_SKIP(var, name)                                                  \
  auto BB_CONCAT(_bb_sample_, __LINE__) = ::bundlebase::testing::SampleFile(name);   \
  if (!BB_CONCAT(_bb_sample_, __LINE__)) {                                           \
    GTEST_SKIP() << "sample file " << (name) << " not found; skipped";               \
  }                                                                                   \
  const std::string var = *BB_CONCAT(_bb_sample_, __LINE__);
