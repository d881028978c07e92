// Logging: level names, the BUNDLEBASE_LOG variable, thresholds, and what reaches stderr.
#include "base/logging.h"

#include <cstdlib>
#include <optional>
#include <string>

#include "test_util.h"

namespace bundlebase {
namespace {

// Restores the log level and BUNDLEBASE_LOG after each test.
class LoggingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_level_ = GetLogLevel();
    if (const char* env = std::getenv("BUNDLEBASE_LOG")) saved_env_ = env;
  }
  void TearDown() override {
    if (saved_env_) {
      ::setenv("BUNDLEBASE_LOG", saved_env_->c_str(), 1);
    } else {
      ::unsetenv("BUNDLEBASE_LOG");
    }
    SetLogLevel(saved_level_);
  }

  LogLevel saved_level_ = LogLevel::kWarn;
  std::optional<std::string> saved_env_;
};

TEST_F(LoggingTest, ParseLogLevel) {
  EXPECT_EQ(*ParseLogLevel("debug"), LogLevel::kDebug);
  EXPECT_EQ(*ParseLogLevel("INFO"), LogLevel::kInfo);
  EXPECT_EQ(*ParseLogLevel(" warn "), LogLevel::kWarn);
  EXPECT_EQ(*ParseLogLevel("Warning"), LogLevel::kWarn);
  EXPECT_EQ(*ParseLogLevel("error"), LogLevel::kError);
  EXPECT_EQ(*ParseLogLevel("off"), LogLevel::kOff);
  auto bad = ParseLogLevel("verbose");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().IsInvalid());
  EXPECT_EQ(bad.status().message(),
            "unknown log level 'verbose': expected debug, info, warn, error or off");
  EXPECT_FALSE(ParseLogLevel("").ok());
}

TEST_F(LoggingTest, LevelFromEnvironment) {
  ::setenv("BUNDLEBASE_LOG", "debug", 1);
  ReloadLogLevelFromEnv();
  EXPECT_EQ(GetLogLevel(), LogLevel::kDebug);
  ::setenv("BUNDLEBASE_LOG", "ERROR", 1);
  ReloadLogLevelFromEnv();
  EXPECT_EQ(GetLogLevel(), LogLevel::kError);
  ::unsetenv("BUNDLEBASE_LOG");
  ReloadLogLevelFromEnv();
  EXPECT_EQ(GetLogLevel(), LogLevel::kWarn);
  ::setenv("BUNDLEBASE_LOG", "", 1);
  ReloadLogLevelFromEnv();
  EXPECT_EQ(GetLogLevel(), LogLevel::kWarn);
}

TEST_F(LoggingTest, UnknownEnvironmentValueWarnsAndDefaults) {
  ::setenv("BUNDLEBASE_LOG", "loud", 1);
  ::testing::internal::CaptureStderr();
  ReloadLogLevelFromEnv();
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(GetLogLevel(), LogLevel::kWarn);
  EXPECT_NE(err.find("ignoring BUNDLEBASE_LOG: unknown log level 'loud'"), std::string::npos)
      << err;
}

TEST_F(LoggingTest, ThresholdFiltersMessages) {
  SetLogLevel(LogLevel::kWarn);
  EXPECT_FALSE(LogEnabled(LogLevel::kDebug));
  EXPECT_FALSE(LogEnabled(LogLevel::kInfo));
  EXPECT_TRUE(LogEnabled(LogLevel::kWarn));
  EXPECT_TRUE(LogEnabled(LogLevel::kError));
  EXPECT_FALSE(LogEnabled(LogLevel::kOff));

  ::testing::internal::CaptureStderr();
  BB_LOG_DEBUG("hidden debug {}", 1);
  BB_LOG_INFO("hidden info {}", 2);
  BB_LOG_WARN("fetch of {} retried {} times", "s3://b/k", 3);
  BB_LOG_ERROR("giving up on {}", "ftp://h/x");
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err.find("hidden"), std::string::npos) << err;
  EXPECT_NE(err.find("[bundlebase] [warning] fetch of s3://b/k retried 3 times\n"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("[bundlebase] [error] giving up on ftp://h/x\n"), std::string::npos) << err;
}

TEST_F(LoggingTest, DebugLevelShowsEverythingAndOffNothing) {
  SetLogLevel(LogLevel::kDebug);
  ::testing::internal::CaptureStderr();
  BB_LOG_DEBUG("d{}", 1);
  BB_LOG_INFO("i{}", 2);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("[debug] d1"), std::string::npos) << err;
  EXPECT_NE(err.find("[info] i2"), std::string::npos) << err;

  SetLogLevel(LogLevel::kOff);
  ::testing::internal::CaptureStderr();
  BB_LOG_ERROR("e{}", 3);
  LogMessage(LogLevel::kOff, "never");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(LoggingTest, ArgumentsAreNotEvaluatedBelowThreshold) {
  SetLogLevel(LogLevel::kError);
  int calls = 0;
  auto expensive = [&] { return ++calls; };
  BB_LOG_DEBUG("{}", expensive());
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace bundlebase
