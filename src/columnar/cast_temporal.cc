// Casts among date32, time64 and timestamps: unit changes (multiplying with overflow checks,
// flooring toward the past when coarsening so a value never moves to a later second or day),
// and moves between naive (local) and zoned (UTC instant) timestamps through the zone's offset.
#include "columnar/cast_internal.h"
#include "columnar/time_zone.h"

namespace bundlebase::cast_internal {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

__int128 FloorDiv(__int128 a, __int128 b) {
  __int128 q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

bool FitsInt64(__int128 v) {
  return v >= static_cast<__int128>(INT64_MIN) && v <= static_cast<__int128>(INT64_MAX);
}

// `v` in units of `from_per` per second, expressed in `to_per` per second: exact when finer,
// floored when coarser. Done in 128 bits; callers check the result fits.
__int128 ConvertUnit(__int128 v, int64_t from_per, int64_t to_per) {
  if (to_per >= from_per) return v * (to_per / from_per);
  return FloorDiv(v, from_per / to_per);
}

// The offset of a zoned timestamp type in seconds (0 for naive ones).
Result<int32_t> OffsetOf(const DataType& type) {
  if (type.timezone().empty()) return 0;
  return FixedTimeZoneOffset(type.timezone());
}

Result<ArrayPtr> TimestampToTimestamp(const Array& in, const DataTypePtr& to,
                                      const CastOptions& o) {
  const DataType& from = *in.type();
  const bool from_zoned = !from.timezone().empty();
  const bool to_zoned = !to->timezone().empty();
  // Naive <-> zoned reads the naive value as local time in the zone: local = utc + offset.
  int32_t shift_seconds = 0;
  if (from_zoned && !to_zoned) {
    BB_ASSIGN_OR_RAISE(shift_seconds, OffsetOf(from));
  } else if (!from_zoned && to_zoned) {
    BB_ASSIGN_OR_RAISE(int32_t offset, OffsetOf(*to));
    shift_seconds = -offset;
  }
  if (from.unit() == to->unit() && shift_seconds == 0) return Relabel(in, to);
  const int64_t from_per = TimeUnitsPerSecond(from.unit());
  const int64_t to_per = TimeUnitsPerSecond(to->unit());
  const int64_t* v = in.values<int64_t>();
  return MapRows<int64_t>(
      in, to, o,
      [=](int64_t i, int64_t* out) {
        const __int128 r =
            ConvertUnit(v[i], from_per, to_per) + static_cast<__int128>(shift_seconds) * to_per;
        if (!FitsInt64(r)) return false;
        *out = static_cast<int64_t>(r);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

Result<ArrayPtr> DateToTimestamp(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  BB_ASSIGN_OR_RAISE(int32_t offset, OffsetOf(*to));
  const int64_t per = TimeUnitsPerSecond(to->unit());
  const int32_t* v = in.values<int32_t>();
  return MapRows<int64_t>(
      in, to, o,
      [=](int64_t i, int64_t* out) {
        const __int128 r = (static_cast<__int128>(v[i]) * kSecondsPerDay - offset) * per;
        if (!FitsInt64(r)) return false;
        *out = static_cast<int64_t>(r);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

Result<ArrayPtr> TimestampToDate(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  BB_ASSIGN_OR_RAISE(int32_t offset, OffsetOf(*in.type()));
  const int64_t per = TimeUnitsPerSecond(in.type()->unit());
  const int64_t* v = in.values<int64_t>();
  return MapRows<int32_t>(
      in, to, o,
      [=](int64_t i, int32_t* out) {
        const __int128 local = static_cast<__int128>(v[i]) + static_cast<__int128>(offset) * per;
        const __int128 days = FloorDiv(local, static_cast<__int128>(kSecondsPerDay) * per);
        if (days < INT32_MIN || days > INT32_MAX) return false;
        *out = static_cast<int32_t>(days);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

Result<ArrayPtr> TimestampToTime(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  BB_ASSIGN_OR_RAISE(int32_t offset, OffsetOf(*in.type()));
  const int64_t from_per = TimeUnitsPerSecond(in.type()->unit());
  const int64_t to_per = TimeUnitsPerSecond(to->unit());
  const int64_t* v = in.values<int64_t>();
  return MapRows<int64_t>(
      in, to, o,
      [=](int64_t i, int64_t* out) {
        const __int128 day = static_cast<__int128>(kSecondsPerDay) * from_per;
        const __int128 local =
            static_cast<__int128>(v[i]) + static_cast<__int128>(offset) * from_per;
        const __int128 time_of_day = local - FloorDiv(local, day) * day;
        *out = static_cast<int64_t>(ConvertUnit(time_of_day, from_per, to_per));
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

Result<ArrayPtr> TimeToTime(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  const int64_t from_per = TimeUnitsPerSecond(in.type()->unit());
  const int64_t to_per = TimeUnitsPerSecond(to->unit());
  const int64_t* v = in.values<int64_t>();
  return MapRows<int64_t>(
      in, to, o,
      [=](int64_t i, int64_t* out) {
        const __int128 r = ConvertUnit(v[i], from_per, to_per);
        if (!FitsInt64(r)) return false;
        *out = static_cast<int64_t>(r);
        return true;
      },
      [&](int64_t i) { return OutOfRange(in, i, *to); });
}

}  // namespace

bool CanCastTemporal(const DataType& from, const DataType& to) {
  switch (from.id()) {
    case TypeId::kDate32: return to.id() == TypeId::kTimestamp;
    case TypeId::kTimestamp:
      return to.id() == TypeId::kTimestamp || to.id() == TypeId::kDate32 ||
             to.id() == TypeId::kTime64;
    case TypeId::kTime64: return to.id() == TypeId::kTime64;
    default: return false;
  }
}

Result<ArrayPtr> CastTemporal(const Array& in, const DataTypePtr& to, const CastOptions& o) {
  switch (in.type_id()) {
    case TypeId::kDate32: return DateToTimestamp(in, to, o);
    case TypeId::kTimestamp:
      if (to->id() == TypeId::kDate32) return TimestampToDate(in, to, o);
      if (to->id() == TypeId::kTime64) return TimestampToTime(in, to, o);
      return TimestampToTimestamp(in, to, o);
    default: return TimeToTime(in, to, o);
  }
}

}  // namespace bundlebase::cast_internal
