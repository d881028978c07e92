// Time zones of timestamp columns: which names this build understands and how offsets print.
//
// A timestamp with a time zone stores an instant in UTC (Arrow's rule), so most operations
// never need the zone. Only converting to or from local time does (casts between naive and
// zoned timestamps, timestamp -> date, display). For those we support "UTC" (with its usual
// aliases) and fixed offsets such as "+05:30"; named IANA zones ("Europe/Paris") need a time
// zone database, which Debian 12's libstdc++ does not provide through <chrono>, so they are
// NotImplemented with a message saying what is supported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "bundlebase/result.h"

namespace bundlebase {

// Seconds east of UTC for `tz`: 0 for "UTC", "Z", "GMT", "Etc/UTC", "Etc/GMT", "+00:00"; the
// offset for "+HH:MM", "-HH:MM", "+HHMM" and "+HH" (up to 23:59). Invalid for malformed
// offsets, NotImplemented for named zones.
Result<int32_t> FixedTimeZoneOffset(std::string_view tz);

// Appends an offset the way PostgreSQL prints one in a timestamptz: "+00", "-08", "+05:30".
void AppendUtcOffset(int32_t seconds, std::string* out);

}  // namespace bundlebase
