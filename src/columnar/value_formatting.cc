// Formatting values as text: calendar arithmetic, PostgreSQL-style floats and intervals, and the
// per-type dispatch for scalars and array rows.
#include "columnar/value_formatting.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "columnar/time_zone.h"

namespace bundlebase {
namespace {

template <typename T>
T FloorDiv(T a, T b) {
  T q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Zero-padded decimal of a non-negative value, at least `width` digits.
void AppendPadded(uint64_t v, int width, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  for (int i = static_cast<int>(r.ptr - buf); i < width; ++i) out->push_back('0');
  out->append(buf, r.ptr);
}

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, r.ptr);
}

// Howard Hinnant's civil_from_days: proleptic Gregorian, valid for the whole int64 day range
// our timestamps can reach.
void AppendDate(int64_t days, std::string* out) {
  const int64_t z = days + 719468;
  const int64_t era = FloorDiv<int64_t>(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0) out->push_back('-');
  AppendPadded(static_cast<uint64_t>(year < 0 ? -year : year), 4, out);
  out->push_back('-');
  AppendPadded(static_cast<uint64_t>(month), 2, out);
  out->push_back('-');
  AppendPadded(static_cast<uint64_t>(day), 2, out);
}

// ".5", ".000123": `fraction` of 10^digits, trailing zeros trimmed; nothing when zero.
void AppendFraction(uint64_t fraction, int digits, std::string* out) {
  if (fraction == 0 || digits == 0) return;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --digits;
  }
  out->push_back('.');
  AppendPadded(fraction, digits, out);
}

int UnitDigits(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kSecond: return 0;
    case TimeUnit::kMilli: return 3;
    case TimeUnit::kMicro: return 6;
    case TimeUnit::kNano: return 9;
  }
  return 0;
}

// "HH:MM:SS[.fff]" for a non-negative count of seconds (hours may exceed 23).
void AppendClock(uint64_t seconds, uint64_t fraction, int digits, std::string* out) {
  AppendPadded(seconds / 3600, 2, out);
  out->push_back(':');
  AppendPadded(seconds / 60 % 60, 2, out);
  out->push_back(':');
  AppendPadded(seconds % 60, 2, out);
  AppendFraction(fraction, digits, out);
}

void AppendTime64(int64_t value, TimeUnit unit, std::string* out) {
  const int64_t per = TimeUnitsPerSecond(unit);
  // Times of day are never negative in valid data; print a stray negative one readably.
  if (value < 0) out->push_back('-');
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : value;
  AppendClock(magnitude / per, magnitude % per, UnitDigits(unit), out);
}

void AppendTimestamp(int64_t value, TimeUnit unit, std::string_view timezone, std::string* out) {
  const int64_t per = TimeUnitsPerSecond(unit);
  __int128 seconds = FloorDiv<int64_t>(value, per);
  // In 128 bits: flooring INT64_MIN nanoseconds to whole seconds leaves the int64 range.
  const auto fraction = static_cast<uint64_t>(static_cast<__int128>(value) - seconds * per);
  int32_t offset = 0;
  if (!timezone.empty()) {
    auto fixed = FixedTimeZoneOffset(timezone);
    if (fixed.ok()) offset = *fixed;
    seconds += offset;
  }
  const auto days = static_cast<int64_t>(FloorDiv<__int128>(seconds, 86400));
  AppendDate(days, out);
  out->push_back(' ');
  AppendClock(static_cast<uint64_t>(seconds - days * 86400), fraction, UnitDigits(unit), out);
  if (!timezone.empty()) AppendUtcOffset(offset, out);
}

void AppendDecimal(__int128 unscaled, int scale, std::string* out) {
  unsigned __int128 magnitude =
      unscaled < 0 ? 0 - static_cast<unsigned __int128>(unscaled) : unscaled;
  char digits[48];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  if (unscaled < 0) out->push_back('-');
  if (scale <= 0) {
    for (int i = n - 1; i >= 0; --i) out->push_back(digits[i]);
    if (unscaled != 0) out->append(static_cast<size_t>(-scale), '0');
    return;
  }
  if (n <= scale) {
    out->append("0.");
    out->append(static_cast<size_t>(scale - n), '0');
    for (int i = n - 1; i >= 0; --i) out->push_back(digits[i]);
    return;
  }
  for (int i = n - 1; i >= 0; --i) {
    out->push_back(digits[i]);
    if (i == scale) out->push_back('.');
  }
}

// One part of a PostgreSQL interval: " +2 days". A '+' marks a positive part after a negative
// one so "-1 years +2 days" cannot be misread as -(1 year 2 days).
void AppendIntervalPart(int64_t value, std::string_view unit, bool* first, bool* seen_negative,
                        std::string* out) {
  if (value == 0) return;
  if (!*first) out->push_back(' ');
  if (*seen_negative && value > 0) out->push_back('+');
  AppendInt(value, out);
  out->push_back(' ');
  out->append(unit);
  if (value != 1) out->push_back('s');
  *first = false;
  if (value < 0) *seen_negative = true;
}

void AppendInterval(const MonthDayNano& v, std::string* out) {
  bool first = true;
  bool seen_negative = false;
  AppendIntervalPart(v.months / 12, "year", &first, &seen_negative, out);
  AppendIntervalPart(v.months % 12, "mon", &first, &seen_negative, out);
  AppendIntervalPart(v.days, "day", &first, &seen_negative, out);
  if (v.nanoseconds == 0 && !first) return;
  if (!first) out->push_back(' ');
  if (v.nanoseconds < 0) {
    out->push_back('-');
  } else if (seen_negative) {
    out->push_back('+');
  }
  const uint64_t ns = v.nanoseconds < 0 ? 0 - static_cast<uint64_t>(v.nanoseconds)
                                        : static_cast<uint64_t>(v.nanoseconds);
  AppendClock(ns / 1000000000, ns % 1000000000, 9, out);
}

// PostgreSQL's float output: the shortest round-trip digits, fixed notation for decimal
// exponents in [-4, max_fixed_exponent), scientific otherwise.
template <typename F>
void AppendFloating(F v, int max_fixed_exponent, std::string* out) {
  if (std::isnan(v)) {
    out->append("NaN");
    return;
  }
  if (std::isinf(v)) {
    out->append(v < 0 ? "-Infinity" : "Infinity");
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));
  const size_t e = sci.find('e');
  int exponent = 0;
  std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
  if (exponent < -4 || exponent >= max_fixed_exponent) {
    out->append(sci);
    return;
  }
  const bool negative = sci[0] == '-';
  std::string digits;
  for (char c : sci.substr(negative ? 1 : 0, e - (negative ? 1 : 0))) {
    if (c != '.') digits.push_back(c);
  }
  if (negative) out->push_back('-');
  if (exponent < 0) {
    out->append("0.");
    out->append(static_cast<size_t>(-exponent - 1), '0');
    out->append(digits);
    return;
  }
  const size_t integer_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    out->append(digits);
    out->append(integer_digits - digits.size(), '0');
    return;
  }
  out->append(digits, 0, integer_digits);
  out->push_back('.');
  out->append(digits, integer_digits);
}

void AppendBinary(std::string_view bytes, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->append("\\x");
  for (unsigned char c : bytes) {
    out->push_back(kHex[c >> 4]);
    out->push_back(kHex[c & 15]);
  }
}

void AppendScalar(const Scalar& s, std::string* out) {
  if (s.is_null()) {
    out->append("NULL");
    return;
  }
  const DataType& type = *s.type();
  switch (type.id()) {
    case TypeId::kNull: out->append("NULL"); return;
    case TypeId::kBool: out->append(s.get<bool>() ? "true" : "false"); return;
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64: AppendInt(s.get<int64_t>(), out); return;
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64: AppendPadded(s.get<uint64_t>(), 1, out); return;
    case TypeId::kFloat32: AppendFloating(static_cast<float>(s.get<double>()), 6, out); return;
    case TypeId::kFloat64: AppendFloating(s.get<double>(), 15, out); return;
    case TypeId::kDecimal128: AppendDecimal(s.get<__int128>(), type.scale(), out); return;
    case TypeId::kUtf8: out->append(s.get<std::string>()); return;
    case TypeId::kBinary: AppendBinary(s.get<std::string>(), out); return;
    case TypeId::kDate32: AppendDate(s.get<int64_t>(), out); return;
    case TypeId::kTime64: AppendTime64(s.get<int64_t>(), type.unit(), out); return;
    case TypeId::kTimestamp:
      AppendTimestamp(s.get<int64_t>(), type.unit(), type.timezone(), out);
      return;
    case TypeId::kInterval: AppendInterval(s.get<MonthDayNano>(), out); return;
    case TypeId::kList: {
      out->push_back('[');
      const auto& items = s.get<std::vector<Scalar>>();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out->append(", ");
        AppendScalar(items[i], out);
      }
      out->push_back(']');
      return;
    }
    case TypeId::kStruct: {
      out->push_back('{');
      const auto& fields = s.get<std::vector<Scalar>>();
      for (size_t i = 0; i < fields.size() && i < type.fields().size(); ++i) {
        if (i) out->append(", ");
        out->append(type.fields()[i].name);
        out->append(": ");
        AppendScalar(fields[i], out);
      }
      out->push_back('}');
      return;
    }
  }
}

void AppendRow(const Array& a, int64_t i, std::string* out) {
  if (a.IsNull(i)) {
    out->append("NULL");
    return;
  }
  const DataType& type = *a.type();
  switch (type.id()) {
    case TypeId::kNull: out->append("NULL"); return;
    case TypeId::kBool: out->append(a.GetBool(i) ? "true" : "false"); return;
    case TypeId::kInt8: AppendInt(a.values<int8_t>()[i], out); return;
    case TypeId::kInt16: AppendInt(a.values<int16_t>()[i], out); return;
    case TypeId::kInt32: AppendInt(a.values<int32_t>()[i], out); return;
    case TypeId::kInt64: AppendInt(a.values<int64_t>()[i], out); return;
    case TypeId::kUInt8: AppendPadded(a.values<uint8_t>()[i], 1, out); return;
    case TypeId::kUInt16: AppendPadded(a.values<uint16_t>()[i], 1, out); return;
    case TypeId::kUInt32: AppendPadded(a.values<uint32_t>()[i], 1, out); return;
    case TypeId::kUInt64: AppendPadded(a.values<uint64_t>()[i], 1, out); return;
    case TypeId::kFloat32: AppendFloating(a.values<float>()[i], 6, out); return;
    case TypeId::kFloat64: AppendFloating(a.values<double>()[i], 15, out); return;
    case TypeId::kDecimal128: AppendDecimal(a.values<__int128>()[i], type.scale(), out); return;
    case TypeId::kUtf8: out->append(a.GetView(i)); return;
    case TypeId::kBinary: AppendBinary(a.GetView(i), out); return;
    case TypeId::kDate32: AppendDate(a.values<int32_t>()[i], out); return;
    case TypeId::kTime64: AppendTime64(a.values<int64_t>()[i], type.unit(), out); return;
    case TypeId::kTimestamp:
      AppendTimestamp(a.values<int64_t>()[i], type.unit(), type.timezone(), out);
      return;
    case TypeId::kInterval: AppendInterval(a.values<MonthDayNano>()[i], out); return;
    case TypeId::kList: {
      out->push_back('[');
      const int32_t* offsets = a.offsets();
      for (int32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
        if (k != offsets[i]) out->append(", ");
        AppendRow(*a.child(0), k, out);
      }
      out->push_back(']');
      return;
    }
    case TypeId::kStruct: {
      out->push_back('{');
      for (size_t f = 0; f < a.children().size(); ++f) {
        if (f) out->append(", ");
        out->append(type.fields()[f].name);
        out->append(": ");
        AppendRow(*a.child(static_cast<int>(f)), i, out);
      }
      out->push_back('}');
      return;
    }
  }
}

}  // namespace

std::string FormatDate32(int32_t days_since_epoch) {
  std::string out;
  AppendDate(days_since_epoch, &out);
  return out;
}

std::string FormatTime64(int64_t value, TimeUnit unit) {
  std::string out;
  AppendTime64(value, unit, &out);
  return out;
}

std::string FormatTimestamp(int64_t value, TimeUnit unit, std::string_view timezone) {
  std::string out;
  AppendTimestamp(value, unit, timezone, &out);
  return out;
}

std::string FormatDecimal128(__int128 unscaled, int scale) {
  std::string out;
  AppendDecimal(unscaled, scale, &out);
  return out;
}

std::string FormatInterval(const MonthDayNano& value) {
  std::string out;
  AppendInterval(value, &out);
  return out;
}

std::string FormatDouble(double value) {
  std::string out;
  AppendFloating(value, 15, &out);
  return out;
}

std::string FormatFloat(float value) {
  std::string out;
  AppendFloating(value, 6, &out);
  return out;
}

std::string FormatBinary(std::string_view bytes) {
  std::string out;
  AppendBinary(bytes, &out);
  return out;
}

std::string FormatScalar(const Scalar& value) {
  std::string out;
  AppendScalar(value, &out);
  return out;
}

Status AppendFormattedValue(const Array& array, int64_t row, std::string* out) {
  if (row < 0 || row >= array.length()) {
    return Status::Invalid("row {} is out of range for an array of {} rows", row, array.length());
  }
  AppendRow(array, row, out);
  return Status::OK();
}

}  // namespace bundlebase
