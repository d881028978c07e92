// Diagnostic logging to stderr: BB_LOG_DEBUG / INFO / WARN / ERROR with fmt-style arguments.
//
// The threshold comes from the environment variable BUNDLEBASE_LOG (debug, info, warn, error,
// off; default warn), read before the first message, or from SetLogLevel (the CLI's flags).
// Messages below the threshold cost one atomic load: arguments are not even formatted. spdlog
// does the writing but stays out of this header, so only logging.cc pays for its templates.
// Logs are for operators; anything a user must act on travels as a Status instead.
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "bundlebase/result.h"

namespace bundlebase {

enum class LogLevel : int { kDebug = 0, kInfo, kWarn, kError, kOff };

// "debug", "info", "warn" (or "warning"), "error", "off"; case and surrounding spaces ignored.
Result<LogLevel> ParseLogLevel(std::string_view text);

LogLevel GetLogLevel();
void SetLogLevel(LogLevel level);
// Sets the level from BUNDLEBASE_LOG, as happens on first use. An unset or empty variable means
// warn; an unknown value also means warn, and says so on stderr.
void ReloadLogLevelFromEnv();

bool LogEnabled(LogLevel level);
// Writes one line to stderr whatever the threshold (nothing for kOff); the macros below check
// LogEnabled first.
void LogMessage(LogLevel level, std::string_view message);

}  // namespace bundlebase

#define BB_LOG_AT(level, ...)                                                   \
  do {                                                                          \
    if (::bundlebase::LogEnabled(level)) {                                      \
      ::bundlebase::LogMessage(level, ::fmt::format(__VA_ARGS__));              \
    }                                                                           \
  } while (false)

#define BB_LOG_DEBUG(...) BB_LOG_AT(::bundlebase::LogLevel::kDebug, __VA_ARGS__)
#define BB_LOG_INFO(...) BB_LOG_AT(::bundlebase::LogLevel::kInfo, __VA_ARGS__)
#define BB_LOG_WARN(...) BB_LOG_AT(::bundlebase::LogLevel::kWarn, __VA_ARGS__)
#define BB_LOG_ERROR(...) BB_LOG_AT(::bundlebase::LogLevel::kError, __VA_ARGS__)
