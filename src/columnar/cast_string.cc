// Casts to utf8 (through value_formatting, or reinterpreting checked binary) and from utf8
// (through value_parsing). Parse failures name the offending text and its row.
#include <cmath>
#include <utility>

#include "base/strings.h"
#include "columnar/cast_internal.h"
#include "columnar/time_zone.h"
#include "columnar/value_formatting.h"
#include "columnar/value_parsing.h"

namespace bundlebase::cast_internal {
namespace {

Status CannotParse(const Array& in, int64_t row, const DataType& to, std::string_view why = "") {
  return Status::Invalid("cannot cast '{}' to {} (row {}){}",
                         EscapeForDisplay(in.GetView(row), 100), to.ToString(), row, why);
}

Result<ArrayPtr> BinaryToUtf8(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  int64_t first_bad = -1;
  for (int64_t i = 0; i < in.length() && first_bad < 0; ++i) {
    if (in.IsValid(i) && ValidateUtf8(in.GetView(i)) != std::string_view::npos) first_bad = i;
  }
  if (first_bad < 0) return Relabel(in, to);
  if (!o.null_on_error) {
    return Status::Invalid("binary value '{}' is not valid UTF-8 (row {})",
                           EscapeForDisplay(in.GetView(first_bad), 100), first_bad);
  }
  BinaryBuilder builder(to);
  BB_RETURN_NOT_OK(builder.Reserve(in.length()));
  for (int64_t i = 0; i < in.length(); ++i) {
    if (in.IsNull(i) || ValidateUtf8(in.GetView(i)) != std::string_view::npos) {
      BB_RETURN_NOT_OK(builder.AppendNull());
    } else {
      BB_RETURN_NOT_OK(builder.Append(in.GetView(i)));
    }
  }
  return builder.Finish();
}

template <typename Out>
Result<ArrayPtr> ParseSigned(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  return MapRows<Out>(
      in, to, o,
      [&in](int64_t i, Out* out) {
        auto v = ParseInt64(in.GetView(i));
        if (!v || !std::in_range<Out>(*v)) return false;
        *out = static_cast<Out>(*v);
        return true;
      },
      [&](int64_t i) {
        return CannotParse(in, i, *to, ParseInt64(in.GetView(i)) ? ": out of range" : "");
      });
}

template <typename Out>
Result<ArrayPtr> ParseUnsigned(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  return MapRows<Out>(
      in, to, o,
      [&in](int64_t i, Out* out) {
        auto v = ParseUInt64(in.GetView(i));
        if (!v || !std::in_range<Out>(*v)) return false;
        *out = static_cast<Out>(*v);
        return true;
      },
      [&](int64_t i) {
        const bool parsed = ParseUInt64(in.GetView(i)) || ParseInt64(in.GetView(i));
        return CannotParse(in, i, *to, parsed ? ": out of range" : "");
      });
}

Result<ArrayPtr> ParseFloat32(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  return MapRows<float>(
      in, to, o,
      [&in](int64_t i, float* out) {
        auto v = ParseDouble(in.GetView(i));
        if (!v) return false;
        *out = static_cast<float>(*v);
        // Like PostgreSQL's float4in: overflow and underflow to zero are errors.
        return !(std::isinf(*out) && !std::isinf(*v)) && !(*out == 0.0f && *v != 0.0);
      },
      [&](int64_t i) {
        return CannotParse(in, i, *to, ParseDouble(in.GetView(i)) ? ": out of range" : "");
      });
}

Result<ArrayPtr> ParseFloat64(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  return MapRows<double>(
      in, to, o,
      [&in](int64_t i, double* out) {
        auto v = ParseDouble(in.GetView(i));
        if (v) *out = *v;
        return v.has_value();
      },
      [&](int64_t i) { return CannotParse(in, i, *to); });
}

Result<ArrayPtr> ParseDecimal(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const int precision = to->precision();
  const int scale = to->scale();
  if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
    return Status::NotImplemented("cannot cast text to {}: precision must be 1..38 and scale "
                                  "0..precision", to->ToString());
  }
  return MapRows<__int128>(
      in, to, o,
      [&](int64_t i, __int128* out) {
        auto v = ParseDecimal128(in.GetView(i), precision, scale);
        if (v) *out = *v;
        return v.has_value();
      },
      [&](int64_t i) {
        // A number that parses at full precision was well-formed, just too large.
        const bool number = ParseDecimal128(in.GetView(i), 38, 0).has_value();
        return CannotParse(in, i, *to, number ? ": out of range" : "");
      });
}

Result<ArrayPtr> ParseDate(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  return MapRows<int32_t>(
      in, to, o,
      [&in](int64_t i, int32_t* out) {
        std::string_view text = in.GetView(i);
        if (auto d = ParseDate32(text)) {
          *out = *d;
          return true;
        }
        // PostgreSQL's date input takes a timestamp and keeps its date part.
        auto ts = ParseTimestamp(text, TimeUnit::kSecond);
        if (!ts || ts->has_tz) return false;
        const int64_t days = ts->value / 86400 - (ts->value % 86400 < 0 ? 1 : 0);
        *out = static_cast<int32_t>(days);
        return true;
      },
      [&](int64_t i) { return CannotParse(in, i, *to); });
}

Result<ArrayPtr> ParseTime(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const TimeUnit unit = to->unit();
  return MapRows<int64_t>(
      in, to, o,
      [&in, unit](int64_t i, int64_t* out) {
        auto v = ParseTime64(in.GetView(i), unit);
        if (v) *out = *v;
        return v.has_value();
      },
      [&](int64_t i) { return CannotParse(in, i, *to); });
}

Result<ArrayPtr> ParseTimestampColumn(const Array& in, const DataTypePtr& to,
                                      const CastOptions& o) {
  const TimeUnit unit = to->unit();
  const int64_t per = TimeUnitsPerSecond(unit);
  // Text without an offset is local time in the target's zone; the zone is only needed then.
  Result<int32_t> offset = to->timezone().empty() ? Result<int32_t>(0)
                                                  : FixedTimeZoneOffset(to->timezone());
  const bool zoned = !to->timezone().empty();
  Status zone_error;
  auto result = MapRows<int64_t>(
      in, to, o,
      [&](int64_t i, int64_t* out) {
        auto v = ParseTimestamp(in.GetView(i), unit);
        if (!v) return false;
        if (!zoned || v->has_tz) {
          *out = v->value;
          return true;
        }
        if (!offset.ok()) {
          zone_error = offset.status();
          return false;
        }
        const __int128 utc = static_cast<__int128>(v->value) - static_cast<__int128>(*offset) * per;
        if (utc < INT64_MIN || utc > INT64_MAX) return false;
        *out = static_cast<int64_t>(utc);
        return true;
      },
      [&](int64_t i) { return zone_error.ok() ? CannotParse(in, i, *to) : zone_error; });
  if (!zone_error.ok()) return zone_error;  // an unsupported zone is never a NULL
  return result;
}

}  // namespace

bool CanCastFromUtf8(const DataType& to) {
  switch (to.id()) {
    case TypeId::kBool:
    case TypeId::kDecimal128:
    case TypeId::kBinary:
    case TypeId::kDate32:
    case TypeId::kTime64:
    case TypeId::kTimestamp:
    case TypeId::kInterval: return true;
    default: return to.is_integer() || to.is_floating();
  }
}

Result<ArrayPtr> CastFromUtf8(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  switch (to->id()) {
    case TypeId::kBinary: return Relabel(in, to);
    case TypeId::kBool:
      return MapRowsToBool(
          in, o,
          [&in](int64_t i, bool* out) {
            auto v = ParseBool(in.GetView(i));
            if (v) *out = *v;
            return v.has_value();
          },
          [&](int64_t i) { return CannotParse(in, i, *to); });
    case TypeId::kFloat32: return ParseFloat32(in, to, o);
    case TypeId::kFloat64: return ParseFloat64(in, to, o);
    case TypeId::kDecimal128: return ParseDecimal(in, to, o);
    case TypeId::kDate32: return ParseDate(in, to, o);
    case TypeId::kTime64: return ParseTime(in, to, o);
    case TypeId::kTimestamp: return ParseTimestampColumn(in, to, o);
    case TypeId::kInterval:
      return MapRows<MonthDayNano>(
          in, to, o,
          [&in](int64_t i, MonthDayNano* out) {
            auto v = ParseInterval(in.GetView(i));
            if (v) *out = *v;
            return v.has_value();
          },
          [&](int64_t i) { return CannotParse(in, i, *to); });
    default:
      return VisitInteger(to->id(), [&]<typename O>(Tag<O>) {
        if constexpr (std::is_signed_v<O>) return ParseSigned<O>(in, to, o);
        else return ParseUnsigned<O>(in, to, o);
      });
  }
}

Result<ArrayPtr> CastToUtf8(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  if (in.type_id() == TypeId::kBinary) return BinaryToUtf8(in, to, o);
  BinaryBuilder builder(to);
  BB_RETURN_NOT_OK(builder.Reserve(in.length()));
  std::string text;
  for (int64_t i = 0; i < in.length(); ++i) {
    if (in.IsNull(i)) {
      BB_RETURN_NOT_OK(builder.AppendNull());
      continue;
    }
    text.clear();
    BB_RETURN_NOT_OK(AppendFormattedValue(in, i, &text));
    BB_RETURN_NOT_OK(builder.Append(text));
  }
  return builder.Finish();
}

}  // namespace bundlebase::cast_internal
