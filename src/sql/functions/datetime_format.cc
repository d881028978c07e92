// Timestamps to and from text with patterns: to_char(timestamp, PostgreSQL pattern),
// strftime(timestamp, %-codes as DuckDB and C have them) and to_timestamp(text, PostgreSQL
// pattern). The common pattern elements are supported (see the FunctionDoc of each); anything
// else in a pattern is copied (formatting) or must match literally (parsing, where any
// separator matches any separator, as PostgreSQL is lenient).
#include <array>
#include <cctype>

#include "base/strings.h"
#include "sql/functions/datetime_fields.h"
#include "sql/functions/scalar_families.h"
#include "sql/functions/string_kernel_util.h"
#include "sql/functions/temporal_util.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March", "April", "May", "June", "July",
                                                 "August", "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kDays = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

struct Parts {
  int64_t days;
  CivilDate date;
  int64_t hour, minute, second, micros;
  int dow;  // 0 = Sunday
};

Parts Split(int64_t ts) {
  Parts p;
  p.days = FloorDiv(ts, kMicrosPerDay);
  int64_t tod = FloorMod(ts, kMicrosPerDay);
  p.date = CivilFromDays(p.days);
  p.hour = tod / (3600 * kMicrosPerSecond);
  p.minute = tod / (60 * kMicrosPerSecond) % 60;
  p.second = tod / kMicrosPerSecond % 60;
  p.micros = tod % kMicrosPerSecond;
  p.dow = static_cast<int>(FloorMod(p.days + 4, 7));
  return p;
}

void AppendNumber(int64_t v, int width, std::string* out) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (v < 0) *out += '-';
  if (static_cast<int>(digits.size()) < width) out->append(width - digits.size(), '0');
  *out += digits;
}

std::string Cased(std::string_view name, int style, size_t length) {
  // style: 0 = as written ("March"), 1 = upper, 2 = lower.
  std::string s(name.substr(0, length));
  if (style == 1) return ToUpper(s);
  if (style == 2) return ToLower(s);
  return s;
}

int64_t DayOfYear(const Parts& p) { return p.days - DaysFromCivil(p.date.year, 1, 1) + 1; }

// ---- to_char -------------------------------------------------------------------------------

void ToChar(int64_t ts, std::string_view pattern, bool zoned, std::string* out) {
  Parts p = Split(ts);
  size_t i = 0;
  auto starts = [&](std::string_view token) {
    return pattern.substr(i).starts_with(token);
  };
  while (i < pattern.size()) {
    bool fill_mode = false;
    if (starts("FM") || starts("fm")) {
      fill_mode = true;
      i += 2;
    }
    auto num = [&](int64_t v, int width) { AppendNumber(v, fill_mode ? 0 : width, out); };
    auto name = [&](std::string_view n, int style, size_t len, size_t pad) {
      std::string text = Cased(n, style, len);
      *out += text;
      if (!fill_mode && text.size() < pad) out->append(pad - text.size(), ' ');
    };
    if (i >= pattern.size()) break;
    char c = pattern[i];
    if (c == '"') {
      size_t end = pattern.find('"', i + 1);
      if (end == std::string_view::npos) end = pattern.size();
      out->append(pattern.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (starts("HH24")) { num(p.hour, 2); i += 4; }
    else if (starts("HH12")) { num(p.hour % 12 == 0 ? 12 : p.hour % 12, 2); i += 4; }
    else if (starts("HH")) { num(p.hour % 12 == 0 ? 12 : p.hour % 12, 2); i += 2; }
    else if (starts("MI")) { num(p.minute, 2); i += 2; }
    else if (starts("SS")) { num(p.second, 2); i += 2; }
    else if (starts("MS")) { num(p.micros / 1000, 3); i += 2; }
    else if (starts("US")) { num(p.micros, 6); i += 2; }
    else if (starts("AM") || starts("PM")) { *out += p.hour < 12 ? "AM" : "PM"; i += 2; }
    else if (starts("am") || starts("pm")) { *out += p.hour < 12 ? "am" : "pm"; i += 2; }
    else if (starts("YYYY")) { num(p.date.year, 4); i += 4; }
    else if (starts("IYYY")) { int64_t y; int w; IsoWeek(p.days, &y, &w); num(y, 4); i += 4; }
    else if (starts("YY")) { num(FloorMod(p.date.year, 100), 2); i += 2; }
    else if (starts("MONTH")) { name(kMonths[p.date.month - 1], 1, 9, 9); i += 5; }
    else if (starts("Month")) { name(kMonths[p.date.month - 1], 0, 9, 9); i += 5; }
    else if (starts("month")) { name(kMonths[p.date.month - 1], 2, 9, 9); i += 5; }
    else if (starts("MON")) { name(kMonths[p.date.month - 1], 1, 3, 3); i += 3; }
    else if (starts("Mon")) { name(kMonths[p.date.month - 1], 0, 3, 3); i += 3; }
    else if (starts("mon")) { name(kMonths[p.date.month - 1], 2, 3, 3); i += 3; }
    else if (starts("MM")) { num(p.date.month, 2); i += 2; }
    else if (starts("DAY")) { name(kDays[p.dow], 1, 9, 9); i += 3; }
    else if (starts("Day")) { name(kDays[p.dow], 0, 9, 9); i += 3; }
    else if (starts("day")) { name(kDays[p.dow], 2, 9, 9); i += 3; }
    else if (starts("DY")) { name(kDays[p.dow], 1, 3, 3); i += 2; }
    else if (starts("Dy")) { name(kDays[p.dow], 0, 3, 3); i += 2; }
    else if (starts("dy")) { name(kDays[p.dow], 2, 3, 3); i += 2; }
    else if (starts("DDD")) { num(DayOfYear(p), 3); i += 3; }
    else if (starts("DD")) { num(p.date.day, 2); i += 2; }
    else if (starts("ID")) { num(p.dow == 0 ? 7 : p.dow, 1); i += 2; }
    else if (starts("IW")) { int64_t y; int w; IsoWeek(p.days, &y, &w); num(w, 2); i += 2; }
    else if (starts("D")) { num(p.dow + 1, 1); i += 1; }
    else if (starts("Q")) { num((p.date.month - 1) / 3 + 1, 1); i += 1; }
    else if (starts("TZ")) { *out += zoned ? "UTC" : ""; i += 2; }
    else if (starts("tz")) { *out += zoned ? "utc" : ""; i += 2; }
    else { *out += c; ++i; }
  }
}

// ---- strftime ------------------------------------------------------------------------------

void Strftime(int64_t ts, std::string_view format, bool zoned, std::string* out) {
  Parts p = Split(ts);
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      *out += format[i];
      continue;
    }
    char c = format[++i];
    bool no_pad = false;
    if (c == '-' && i + 1 < format.size()) {
      no_pad = true;
      c = format[++i];
    }
    auto num = [&](int64_t v, int width) { AppendNumber(v, no_pad ? 0 : width, out); };
    switch (c) {
      case 'a': *out += std::string_view(kDays[p.dow]).substr(0, 3); break;
      case 'A': *out += kDays[p.dow]; break;
      case 'w': num(p.dow, 1); break;
      case 'u': num(p.dow == 0 ? 7 : p.dow, 1); break;
      case 'd': num(p.date.day, 2); break;
      case 'e': {
        std::string d = std::to_string(p.date.day);
        if (d.size() < 2 && !no_pad) *out += ' ';
        *out += d;
        break;
      }
      case 'b': case 'h': *out += std::string_view(kMonths[p.date.month - 1]).substr(0, 3); break;
      case 'B': *out += kMonths[p.date.month - 1]; break;
      case 'm': num(p.date.month, 2); break;
      case 'y': num(FloorMod(p.date.year, 100), 2); break;
      case 'Y': num(p.date.year, 4); break;
      case 'G': { int64_t y; int w; IsoWeek(p.days, &y, &w); num(y, 4); break; }
      case 'V': { int64_t y; int w; IsoWeek(p.days, &y, &w); num(w, 2); break; }
      case 'j': num(DayOfYear(p), 3); break;
      case 'H': num(p.hour, 2); break;
      case 'I': num(p.hour % 12 == 0 ? 12 : p.hour % 12, 2); break;
      case 'p': *out += p.hour < 12 ? "AM" : "PM"; break;
      case 'M': num(p.minute, 2); break;
      case 'S': num(p.second, 2); break;
      case 'f': num(p.micros, 6); break;
      case 'g': num(p.micros / 1000, 3); break;
      case 'z': *out += zoned ? "+00" : ""; break;
      case 'Z': *out += zoned ? "UTC" : ""; break;
      case 'F': num(p.date.year, 4); *out += '-'; num(p.date.month, 2); *out += '-'; num(p.date.day, 2); break;
      case 'T': num(p.hour, 2); *out += ':'; num(p.minute, 2); *out += ':'; num(p.second, 2); break;
      case '%': *out += '%'; break;
      default: *out += '%'; *out += c; break;
    }
  }
}

// ---- to_timestamp(text, format) --------------------------------------------------------------

Result<int64_t> ParseWithPattern(std::string_view text, std::string_view pattern) {
  int64_t year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0;
  bool pm = false, has_meridiem = false, hour12 = false;
  size_t t = 0;
  size_t i = 0;
  auto bad = [&](std::string_view field) {
    return Status::Invalid("invalid value \"{}\" for \"{}\" in to_timestamp('{}', '{}')",
                           text.substr(t, 8), field, text, pattern);
  };
  auto read_number = [&](size_t max_digits, int64_t* out) {
    size_t start = t;
    bool negative = false;
    if (t < text.size() && text[t] == '-' ) { negative = true; ++t; }
    int64_t v = 0;
    while (t < text.size() && t - start < max_digits + negative && text[t] >= '0' && text[t] <= '9') {
      v = v * 10 + (text[t++] - '0');
    }
    if (t == start + negative) return false;
    *out = negative ? -v : v;
    return true;
  };
  auto starts = [&](std::string_view token) { return pattern.substr(i).starts_with(token); };
  auto read_name = [&](const auto& names, size_t min_len, int64_t* out) {
    for (size_t k = 0; k < names.size(); ++k) {
      std::string_view full = names[k];
      for (size_t len : {full.size(), min_len}) {
        if (EqualsIgnoreCase(text.substr(t, len), full.substr(0, len))) {
          t += len;
          *out = static_cast<int64_t>(k) + 1;
          return true;
        }
      }
    }
    return false;
  };
  while (i < pattern.size()) {
    if (starts("FM") || starts("fm")) { i += 2; continue; }
    while (t < text.size() && text[t] == ' ' && i < pattern.size() && pattern[i] != ' ') ++t;
    if (starts("YYYY")) { if (!read_number(4, &year)) return bad("YYYY"); i += 4; }
    else if (starts("YY")) { if (!read_number(2, &year)) return bad("YY"); year += year < 70 ? 2000 : 1900; i += 2; }
    else if (starts("MONTH") || starts("Month") || starts("month")) { if (!read_name(kMonths, 3, &month)) return bad("Month"); i += 5; }
    else if (starts("MON") || starts("Mon") || starts("mon")) { if (!read_name(kMonths, 3, &month)) return bad("Mon"); i += 3; }
    else if (starts("MM")) { if (!read_number(2, &month) || month < 1 || month > 12) return bad("MM"); i += 2; }
    else if (starts("DD")) { if (!read_number(2, &day) || day < 1 || day > 31) return bad("DD"); i += 2; }
    else if (starts("HH24")) { if (!read_number(2, &hour) || hour > 24) return bad("HH24"); i += 4; }
    else if (starts("HH12")) { if (!read_number(2, &hour) || hour < 1 || hour > 12) return bad("HH12"); hour12 = true; i += 4; }
    else if (starts("HH")) { if (!read_number(2, &hour) || hour < 1 || hour > 12) return bad("HH"); hour12 = true; i += 2; }
    else if (starts("MI")) { if (!read_number(2, &minute) || minute > 59) return bad("MI"); i += 2; }
    else if (starts("SS")) { if (!read_number(2, &second) || second > 60) return bad("SS"); i += 2; }
    else if (starts("MS")) {
      size_t start = t;
      int64_t v;
      if (!read_number(3, &v)) return bad("MS");
      for (size_t k = t - start; k < 3; ++k) v *= 10;
      micros = v * 1000;
      i += 2;
    } else if (starts("US")) {
      size_t start = t;
      int64_t v;
      if (!read_number(6, &v)) return bad("US");
      for (size_t k = t - start; k < 6; ++k) v *= 10;
      micros = v;
      i += 2;
    } else if (starts("AM") || starts("PM") || starts("am") || starts("pm")) {
      std::string_view m = text.substr(t, 2);
      if (!EqualsIgnoreCase(m, "AM") && !EqualsIgnoreCase(m, "PM")) return bad("AM");
      pm = EqualsIgnoreCase(m, "PM");
      has_meridiem = true;
      t += 2;
      i += 2;
    } else {
      char c = pattern[i++];
      bool separator = !std::isalnum(static_cast<unsigned char>(c));
      if (t < text.size() && (text[t] == c || (separator && !std::isalnum(static_cast<unsigned char>(text[t]))))) {
        ++t;
      } else if (!separator) {
        return bad(std::string_view(&pattern[i - 1], 1));
      }
    }
  }
  if (hour12 || has_meridiem) hour = hour % 12 + (pm ? 12 : 0);
  if (day > DaysInMonth(year, static_cast<int>(month))) {
    return Status::Invalid("date/time field value out of range: \"{}\"", text);
  }
  int64_t days = DaysFromCivil(year, static_cast<int>(month), static_cast<int>(day));
  return days * kMicrosPerDay + ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + micros;
}

ScalarKernel FormatKernel(const DataTypePtr& ts, bool postgres_pattern) {
  bool zoned = !ts->timezone().empty();
  return MakeKernel({In(ts), In(Utf8())}, Utf8(),
                    ScalarsAsColumnKernel([zoned, postgres_pattern](KernelContext&, const Args& args, int64_t n) {
                      FixedReader<int64_t> value(args[0]);
                      StringReader format(args[1]);
                      return StringRows(n, n * 24, [&](int64_t i, std::string* out) {
                        if (postgres_pattern) {
                          ToChar(value[i], format[i], zoned, out);
                        } else {
                          Strftime(value[i], format[i], zoned, out);
                        }
                        return Status::OK();
                      }, value, format);
                    }));
}

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  return f;
}

}  // namespace

Status RegisterDatetimeFormatting(FunctionRegistry* registry) {
  DataTypePtr ts = Timestamp(TimeUnit::kMicro);
  DataTypePtr tstz = Timestamp(TimeUnit::kMicro, "UTC");
  std::vector<ScalarFunction> fns;
  fns.push_back(Function("to_char", {"Formats a timestamp with a PostgreSQL pattern: YYYY YY IYYY MM Month Mon MONTH DD DDD D ID IW Q Day Dy HH24 HH12 HH MI SS MS US AM pm TZ, FM to drop padding, \"quoted\" text.", "to_char(timestamp, pattern text) -> text", "to_char(timestamp '2024-03-05 14:07:09', 'DD Mon YYYY HH12:MI PM') -> 05 Mar 2024 02:07 PM"},
                         {FormatKernel(ts, true), FormatKernel(tstz, true)}));
  fns.push_back(Function("strftime", {"Formats a timestamp with %-codes: %Y %m %d %H %M %S %f (microseconds) %g (milliseconds) %y %b %B %a %A %j %I %p %u %w %G %V %e %F %T %z %Z %%, and %-d style to drop padding.", "strftime(timestamp, format text) -> text", "strftime(timestamp '2024-03-05 14:07:09', '%Y/%m/%d %H:%M') -> 2024/03/05 14:07"},
                         {FormatKernel(ts, false), FormatKernel(tstz, false)}));
  ScalarFunction parse = Function("to_timestamp", {}, {MakeKernel(
      {In(Utf8()), In(Utf8())}, tstz,
      ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
        StringReader text(args[0]);
        StringReader pattern(args[1]);
        return FixedRows<int64_t>(n, Timestamp(TimeUnit::kMicro, "UTC"), [&](int64_t i, int64_t* out) -> Status {
          BB_ASSIGN_OR_RAISE(*out, ParseWithPattern(text[i], pattern[i]));
          return Status::OK();
        }, text, pattern);
      }))});
  fns.push_back(std::move(parse));
  for (auto& f : fns) BB_RETURN_NOT_OK(registry->AddScalar(std::move(f)));
  return Status::OK();
}

}  // namespace bundlebase::sql
