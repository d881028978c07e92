// Min/max comparison, merging, and the pruning decision of file-backed scans.
#include "sql/catalog/file_statistics.h"

#include <cmath>

namespace bundlebase::sql {
namespace {

template <typename T>
int ThreeWay(const T& a, const T& b) {
  return (a > b) - (a < b);
}

bool IsNaN(const Scalar& value) {
  return std::holds_alternative<double>(value.value()) && std::isnan(value.get<double>());
}

}  // namespace

std::optional<int> CompareStatisticValues(const Scalar& a, const Scalar& b) {
  if (a.is_null() || b.is_null() || a.value().index() != b.value().index()) return std::nullopt;
  if (!a.type()->Equals(*b.type())) return std::nullopt;
  switch (a.type()->id()) {
    case TypeId::kInterval:
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kNull:
      return std::nullopt;
    default:
      break;
  }
  return std::visit(
      [&](const auto& x) -> std::optional<int> {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b.value());
        if constexpr (std::is_same_v<T, double>) {
          // NaN above everything, equal to itself: the engine's order.
          if (std::isnan(x) || std::isnan(y)) return std::isnan(x) - std::isnan(y);
          return ThreeWay(x, y);
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int64_t> ||
                             std::is_same_v<T, uint64_t> || std::is_same_v<T, __int128>) {
          return ThreeWay(x, y);
        } else if constexpr (std::is_same_v<T, std::string>) {
          int c = x.compare(y);  // char_traits<char>::compare is memcmp: unsigned bytes
          return (c > 0) - (c < 0);
        } else {
          return std::nullopt;
        }
      },
      a.value());
}

bool MayMatch(const ScanPredicate& predicate, const DataType& column_type,
              const DataStatistics& stats) {
  using Op = ScanPredicate::Op;
  const bool nulls_known = stats.null_count.has_value();
  const bool all_null = nulls_known && *stats.null_count >= stats.num_rows;
  if (stats.num_rows == 0) return false;
  if (predicate.op == Op::kIsNull) return !nulls_known || *stats.null_count > 0;
  if (predicate.op == Op::kIsNotNull) return !all_null;
  // A comparison is never true for a NULL row or a NULL constant.
  if (all_null || predicate.value.is_null()) return false;
  if (!predicate.value.type()->Equals(column_type)) return true;
  const bool is_float = column_type.is_floating();
  if (is_float && (IsNaN(predicate.value) || predicate.op == Op::kGt ||
                   predicate.op == Op::kGtEq || predicate.op == Op::kNotEq)) {
    return true;
  }
  std::optional<int> value_vs_min;
  std::optional<int> value_vs_max;
  if (stats.min) value_vs_min = CompareStatisticValues(predicate.value, *stats.min);
  if (stats.max) value_vs_max = CompareStatisticValues(predicate.value, *stats.max);
  switch (predicate.op) {
    case Op::kEq:
      return !((value_vs_min && *value_vs_min < 0) || (value_vs_max && *value_vs_max > 0));
    case Op::kNotEq:
      // Every non-null value equals the constant only when min = max = constant.
      return !(value_vs_min && value_vs_max && *value_vs_min == 0 && *value_vs_max == 0);
    case Op::kLt:
      return !(value_vs_min && *value_vs_min <= 0);
    case Op::kLtEq:
      return !(value_vs_min && *value_vs_min < 0);
    case Op::kGt:
      return !(value_vs_max && *value_vs_max >= 0);
    case Op::kGtEq:
      return !(value_vs_max && *value_vs_max > 0);
    default:
      return true;
  }
}

void StatisticsAccumulator::Add(const DataStatistics& part) {
  if (part.null_count) {
    nulls_ += *part.null_count;
  } else {
    nulls_known_ = false;
  }
  if (part.num_rows == 0 || (part.null_count && *part.null_count >= part.num_rows)) return;
  if (!part.min) {
    min_known_ = false;
  } else if (min_known_ && !min_) {
    min_ = part.min;
  } else if (min_known_) {
    std::optional<int> c = CompareStatisticValues(*part.min, *min_);
    if (!c) min_known_ = false;
    else if (*c < 0) min_ = part.min;
  }
  if (!part.max) {
    max_known_ = false;
  } else if (max_known_ && !max_) {
    max_ = part.max;
  } else if (max_known_) {
    std::optional<int> c = CompareStatisticValues(*part.max, *max_);
    if (!c) max_known_ = false;
    else if (*c > 0) max_ = part.max;
  }
}

ColumnStatistics StatisticsAccumulator::Finish() const {
  ColumnStatistics out;
  if (min_known_) out.min = min_;
  if (max_known_) out.max = max_;
  if (nulls_known_) out.null_count = nulls_;
  return out;
}

}  // namespace bundlebase::sql
