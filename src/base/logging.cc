// The stderr logger behind the BB_LOG_* macros and its environment-controlled threshold.
#include "base/logging.h"

#include <atomic>
#include <cstdlib>
#include <memory>

#include <spdlog/logger.h>
#include <spdlog/sinks/stdout_sinks.h>

#include "base/strings.h"

namespace bundlebase {
namespace {

// -1 until the environment has been read; constant-initialized, so logging from other static
// initializers is safe.
constinit std::atomic<int> g_level{-1};

spdlog::logger& Logger() {
  static spdlog::logger* logger = [] {
    // Leaked on purpose: code running during static destruction may still log.
    auto* l = new spdlog::logger("bundlebase", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    l->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [bundlebase] [%l] %v");
    l->set_level(spdlog::level::trace);  // the threshold is ours, checked before formatting
    return l;
  }();
  return *logger;
}

spdlog::level::level_enum ToSpdlog(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return spdlog::level::debug;
    case LogLevel::kInfo: return spdlog::level::info;
    case LogLevel::kWarn: return spdlog::level::warn;
    case LogLevel::kError: return spdlog::level::err;
    case LogLevel::kOff: return spdlog::level::off;
  }
  return spdlog::level::err;
}

}  // namespace

Result<LogLevel> ParseLogLevel(std::string_view text) {
  std::string name = ToLower(Trim(text));
  if (name == "debug") return LogLevel::kDebug;
  if (name == "info") return LogLevel::kInfo;
  if (name == "warn" || name == "warning") return LogLevel::kWarn;
  if (name == "error") return LogLevel::kError;
  if (name == "off") return LogLevel::kOff;
  return Status::Invalid("unknown log level '{}': expected debug, info, warn, error or off",
                         EscapeForDisplay(text));
}

void ReloadLogLevelFromEnv() {
  const char* env = std::getenv("BUNDLEBASE_LOG");
  if (env == nullptr || *env == '\0') {
    SetLogLevel(LogLevel::kWarn);
    return;
  }
  auto level = ParseLogLevel(env);
  SetLogLevel(level.ok() ? *level : LogLevel::kWarn);
  if (!level.ok()) {
    LogMessage(LogLevel::kWarn,
               fmt::format("ignoring BUNDLEBASE_LOG: {}", level.status().message()));
  }
}

LogLevel GetLogLevel() {
  int level = g_level.load(std::memory_order_relaxed);
  if (level < 0) {
    ReloadLogLevelFromEnv();
    level = g_level.load(std::memory_order_relaxed);
  }
  return static_cast<LogLevel>(level);
}

void SetLogLevel(LogLevel level) {
  g_level.store(static_cast<int>(level), std::memory_order_relaxed);
}

bool LogEnabled(LogLevel level) {
  return level != LogLevel::kOff && static_cast<int>(level) >= static_cast<int>(GetLogLevel());
}

void LogMessage(LogLevel level, std::string_view message) {
  if (level == LogLevel::kOff) return;
  Logger().log(ToSpdlog(level), "{}", message);
}

}  // namespace bundlebase
