// Text for values: how every columnar type is written when cast to utf8, printed in a table or
// shown in an error message. One set of rules for all of them, so a value looks the same
// wherever a user meets it. The rules follow PostgreSQL (the SQL oracle of DESIGN §2), with
// ISO 8601 dates where PostgreSQL's "BC" suffix would not sort or round-trip:
//
//   bool        true / false
//   float       shortest text that reads back to the same value; fixed notation for decimal
//               exponents in [-4, 15) (float32: [-4, 6)), else "1e+20"; "NaN", "Infinity",
//               "-Infinity" (PostgreSQL's float8out)
//   decimal     all `scale` digits kept: decimal(10, 2) 5 -> "0.05", -1234 -> "-12.34"
//   date32      "2026-01-05"; proleptic Gregorian with ISO astronomical years (year 0 is 1 BC,
//               "-0044-03-15"), four digits at least
//   time64      "13:45:00", plus ".123" with trailing zeros trimmed when the fraction is nonzero
//   timestamp   "2026-01-05 13:45:00.5" (fraction as for time64). A zoned timestamp is shown in
//               its zone with PostgreSQL's offset suffix: "... 13:45:00+00", "... 19:15:00+05:30";
//               zones without a fixed offset (see time_zone.h) are shown in UTC ("+00")
//   interval    PostgreSQL style: "1 year 2 mons 3 days 04:05:06.5", "-1 years +2 days",
//               "00:00:00" for zero
//   binary      PostgreSQL's bytea hex form: "\x0aff"
//   utf8        the text itself
//   list        "[1, 2, NULL]"; struct "{a: 1, b: x}" (strings inside are not quoted)
//   null        "NULL" (callers wanting another spelling test IsNull first)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "columnar/array.h"
#include "columnar/scalar.h"

namespace bundlebase {

std::string FormatDate32(int32_t days_since_epoch);
std::string FormatTime64(int64_t value, TimeUnit unit);
std::string FormatTimestamp(int64_t value, TimeUnit unit, std::string_view timezone = "");
std::string FormatDecimal128(__int128 unscaled, int scale);
std::string FormatInterval(const MonthDayNano& value);
std::string FormatDouble(double value);
std::string FormatFloat(float value);
std::string FormatBinary(std::string_view bytes);

// The value of any type, by the rules above.
std::string FormatScalar(const Scalar& value);

// Appends the text of `array` row `row` to `out` (no allocation per call beyond `out`'s own
// growth, for casts and printers that format whole columns). Invalid for an out-of-range row.
Status AppendFormattedValue(const Array& array, int64_t row, std::string* out);

}  // namespace bundlebase
