// Partition and peer boundaries, RANGE keys, and frame bounds for every frame mode.
#include "sql/execution/window_layout.h"

#include <algorithm>
#include <cmath>

namespace bundlebase::sql {
namespace {

// True at rows whose `keys` differ from the previous row's (row 0 always starts).
Result<std::vector<uint8_t>> BoundariesOn(const RecordBatch& sorted, std::vector<SortKey> keys) {
  const int64_t n = sorted.num_rows();
  std::vector<uint8_t> starts(static_cast<size_t>(n), 0);
  if (n > 0) starts[0] = 1;
  if (keys.empty()) return starts;
  BB_ASSIGN_OR_RAISE(RowComparator comparator, RowComparator::Make(*sorted.schema(), keys));
  const std::vector<const Array*> columns = comparator.KeyColumns(sorted);
  for (int64_t r = 1; r < n; ++r) {
    starts[r] = comparator.Compare(columns.data(), r - 1, columns.data(), r) != 0;
  }
  return starts;
}

int64_t Clamp(int64_t v, int64_t lo, int64_t hi) { return std::max(lo, std::min(v, hi)); }

// First row in [lo, hi) whose key is >= bound (or > bound when `strict`).
int64_t SearchKey(const std::vector<double>& key, int64_t lo, int64_t hi, double bound,
                  bool strict) {
  const double* begin = key.data() + lo;
  const double* end = key.data() + hi;
  const double* it = strict ? std::upper_bound(begin, end, bound)
                            : std::lower_bound(begin, end, bound);
  return lo + (it - begin);
}

}  // namespace

Result<WindowLayout> ComputeWindowLayout(const RecordBatch& sorted,
                                         const WindowOperatorSpec& spec) {
  WindowLayout layout;
  const int64_t n = sorted.num_rows();
  layout.num_rows = n;
  std::vector<SortKey> partition_keys;
  for (int c : spec.partition_columns) partition_keys.push_back(SortKey::Default(c, true));
  BB_ASSIGN_OR_RAISE(std::vector<uint8_t> partition_start, BoundariesOn(sorted, partition_keys));
  BB_ASSIGN_OR_RAISE(std::vector<uint8_t> peer_start, BoundariesOn(sorted, spec.order_keys));
  layout.peer_start.resize(n);
  layout.peer_end.resize(n);
  layout.peer_index.resize(n);
  int64_t group_start = 0;
  int64_t group_number = 0;
  for (int64_t r = 0; r < n; ++r) {
    if (partition_start[r]) {
      layout.partition_starts.push_back(r);
      group_number = 0;
      group_start = r;
    } else if (peer_start[r]) {
      ++group_number;
      group_start = r;
    }
    layout.peer_start[r] = group_start;
    layout.peer_index[r] = group_number;
  }
  layout.partition_starts.push_back(n);
  int64_t group_end = n;
  for (int64_t r = n - 1; r >= 0; --r) {
    layout.peer_end[r] = group_end;
    if (layout.peer_start[r] == r) group_end = r;
  }
  return layout;
}

Status ComputeRangeKey(const RecordBatch& sorted, const WindowOperatorSpec& spec,
                       WindowLayout* layout) {
  if (spec.order_keys.size() != 1) {
    return Status::Invalid(
        "RANGE with an offset PRECEDING or FOLLOWING needs exactly one ORDER BY column, not {}",
        spec.order_keys.size());
  }
  const SortKey& key = spec.order_keys[0];
  const Array& column = *sorted.column(key.column);
  const int64_t n = column.length();
  layout->range_key.assign(n, 0);
  layout->range_key_null.assign(n, 0);
  const double sign = key.ascending ? 1 : -1;
  auto fill = [&](auto read) {
    for (int64_t r = 0; r < n; ++r) {
      if (column.IsNull(r)) {
        layout->range_key_null[r] = 1;
      } else {
        layout->range_key[r] = sign * read(r);
      }
    }
  };
  // Reads values stored as T, as doubles.
  auto as = [&column](auto zero) {
    using T = decltype(zero);
    const T* values = column.values<T>();
    return [values](int64_t r) { return static_cast<double>(values[r]); };
  };
  const DataType& type = *column.type();
  switch (type.id()) {
    case TypeId::kInt8: fill(as(int8_t{})); break;
    case TypeId::kInt16: fill(as(int16_t{})); break;
    case TypeId::kInt32:
    case TypeId::kDate32: fill(as(int32_t{})); break;
    case TypeId::kInt64:
    case TypeId::kTimestamp:
    case TypeId::kTime64: fill(as(int64_t{})); break;
    case TypeId::kUInt8: fill(as(uint8_t{})); break;
    case TypeId::kUInt16: fill(as(uint16_t{})); break;
    case TypeId::kUInt32: fill(as(uint32_t{})); break;
    case TypeId::kUInt64: fill(as(uint64_t{})); break;
    case TypeId::kFloat32: fill(as(float{})); break;
    case TypeId::kFloat64: fill(as(double{})); break;
    case TypeId::kDecimal128: {
      const double scale = std::pow(10.0, type.scale());
      fill([&](int64_t r) { return double(column.values<__int128>()[r]) / scale; });
      break;
    }
    default:
      return Status::Invalid(
          "RANGE with an offset needs a numeric, date, time or timestamp ORDER BY column, not {}",
          type.ToString());
  }
  return Status::OK();
}

Result<double> RangeOffsetInKeyUnits(const Scalar& offset, const DataType& key_type) {
  if (offset.is_null()) return Status::Invalid("a RANGE frame offset must not be NULL");
  double value = 0;
  const DataType& type = *offset.type();
  if (type.id() == TypeId::kInterval) {
    const MonthDayNano& v = offset.get<MonthDayNano>();
    if (v.months != 0) {
      return Status::NotImplemented(
          "RANGE offsets in months are not supported; write the offset in days instead");
    }
    const double nanos = double(v.days) * 86400e9 + double(v.nanoseconds);
    switch (key_type.id()) {
      case TypeId::kDate32: value = nanos / 86400e9; break;
      case TypeId::kTimestamp:
      case TypeId::kTime64:
        value = nanos / (1e9 / double(TimeUnitsPerSecond(key_type.unit())));
        break;
      default:
        return Status::Invalid("an interval RANGE offset needs a date, time or timestamp key, "
                               "not {}", key_type.ToString());
    }
  } else if (type.is_numeric()) {
    if (key_type.id() == TypeId::kDate32 && type.is_integer()) {
      value = double(offset.get<int64_t>());  // days, as date + integer
    } else if (!key_type.is_numeric()) {
      return Status::Invalid("a RANGE offset for a {} key must be an interval",
                             key_type.ToString());
    } else if (type.id() == TypeId::kDecimal128) {
      value = double(offset.get<__int128>()) / std::pow(10.0, type.scale());
    } else if (type.is_floating()) {
      value = offset.get<double>();
    } else if (type.is_signed_integer()) {
      value = double(offset.get<int64_t>());
    } else {
      value = double(offset.get<uint64_t>());
    }
  } else {
    return Status::Invalid("a RANGE offset must be a number or an interval, not {}",
                           type.ToString());
  }
  if (value < 0 || std::isnan(value)) {
    return Status::Invalid("invalid preceding or following size in window function: a RANGE "
                           "offset must not be negative");
  }
  return value;
}

void ComputeFrames(const WindowFrameSpec& frame, const WindowLayout& layout, int64_t ps,
                   int64_t pe, double start_offset, double end_offset, int64_t* frame_start,
                   int64_t* frame_end) {
  // Peer group starts of this partition, for GROUPS offsets.
  std::vector<int64_t> group_starts;
  if (frame.mode == WindowFrameMode::kGroups) {
    for (int64_t r = ps; r < pe; ++r) {
      if (layout.peer_start[r] == r) group_starts.push_back(r);
    }
    group_starts.push_back(pe);
  }
  const int64_t last_group = static_cast<int64_t>(group_starts.size()) - 2;
  // The non-null stretch of the RANGE key (NULLs sort together at one end of the partition).
  int64_t key_lo = ps, key_hi = pe;
  if (frame.mode == WindowFrameMode::kRange && !layout.range_key.empty()) {
    while (key_lo < pe && layout.range_key_null[key_lo]) ++key_lo;
    while (key_hi > key_lo && layout.range_key_null[key_hi - 1]) --key_hi;
  }

  auto bound = [&](const WindowFrameBound& b, double range_offset, bool is_end,
                   int64_t r) -> int64_t {
    switch (b.kind) {
      case WindowFrameBoundKind::kUnboundedPreceding: return ps;
      case WindowFrameBoundKind::kUnboundedFollowing: return pe;
      case WindowFrameBoundKind::kCurrentRow:
        if (frame.mode == WindowFrameMode::kRows) return is_end ? r + 1 : r;
        return is_end ? layout.peer_end[r] : layout.peer_start[r];
      case WindowFrameBoundKind::kPreceding:
      case WindowFrameBoundKind::kFollowing: break;
    }
    const bool preceding = b.kind == WindowFrameBoundKind::kPreceding;
    switch (frame.mode) {
      case WindowFrameMode::kRows: {
        const int64_t target = preceding ? r - b.offset : r + b.offset;
        return Clamp(is_end ? target + 1 : target, ps, pe);
      }
      case WindowFrameMode::kGroups: {
        const int64_t g = layout.peer_index[r] + (preceding ? -b.offset : b.offset);
        if (g < 0) return ps;
        if (g > last_group) return pe;
        return is_end ? group_starts[g + 1] : group_starts[g];
      }
      case WindowFrameMode::kRange: {
        // A NULL key's offset frame is its NULL peers.
        if (layout.range_key_null[r]) return is_end ? layout.peer_end[r] : layout.peer_start[r];
        const double v = layout.range_key[r];
        const double target = preceding ? v - range_offset : v + range_offset;
        return SearchKey(layout.range_key, key_lo, key_hi, target, is_end);
      }
    }
    return ps;
  };
  for (int64_t r = ps; r < pe; ++r) {
    const int64_t s = bound(frame.start, start_offset, false, r);
    const int64_t e = bound(frame.end, end_offset, true, r);
    frame_start[r - ps] = s;
    frame_end[r - ps] = std::max(s, e);
  }
}

}  // namespace bundlebase::sql
