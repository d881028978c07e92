// Fixed time zone offsets: parsing the names we support and printing offsets.
#include "columnar/time_zone.h"

#include <cstdlib>

#include "base/strings.h"

namespace bundlebase {
namespace {

bool ParseTwoDigits(std::string_view s, int* out) {
  if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return false;
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return true;
}

}  // namespace

Result<int32_t> FixedTimeZoneOffset(std::string_view tz) {
  for (std::string_view utc : {"UTC", "Z", "GMT", "Etc/UTC", "Etc/GMT", "UCT", "Zulu"}) {
    if (EqualsIgnoreCase(tz, utc)) return 0;
  }
  if (tz.empty() || (tz[0] != '+' && tz[0] != '-')) {
    return Status::NotImplemented(
        "time zone '{}' is not supported: use UTC or a fixed offset such as +05:30",
        EscapeForDisplay(tz));
  }
  const int sign = tz[0] == '-' ? -1 : 1;
  std::string_view rest = tz.substr(1);
  int hours = 0;
  int minutes = 0;
  bool ok;
  if (rest.size() == 2) {
    ok = ParseTwoDigits(rest, &hours);
  } else if (rest.size() == 4) {
    ok = ParseTwoDigits(rest.substr(0, 2), &hours) && ParseTwoDigits(rest.substr(2), &minutes);
  } else if (rest.size() == 5 && rest[2] == ':') {
    ok = ParseTwoDigits(rest.substr(0, 2), &hours) && ParseTwoDigits(rest.substr(3), &minutes);
  } else {
    ok = false;
  }
  if (!ok || hours > 23 || minutes > 59) {
    return Status::Invalid("malformed time zone offset '{}': expected +HH:MM, +HHMM or +HH",
                           EscapeForDisplay(tz));
  }
  return sign * (hours * 3600 + minutes * 60);
}

void AppendUtcOffset(int32_t seconds, std::string* out) {
  out->push_back(seconds < 0 ? '-' : '+');
  int32_t magnitude = std::abs(seconds);
  int32_t hours = magnitude / 3600;
  int32_t minutes = magnitude / 60 % 60;
  int32_t secs = magnitude % 60;
  auto two = [out](int32_t v) {
    out->push_back(static_cast<char>('0' + v / 10));
    out->push_back(static_cast<char>('0' + v % 10));
  };
  two(hours);
  if (minutes != 0 || secs != 0) {
    out->push_back(':');
    two(minutes);
  }
  if (secs != 0) {
    out->push_back(':');
    two(secs);
  }
}

}  // namespace bundlebase
