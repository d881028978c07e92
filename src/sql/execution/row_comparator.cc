// Typed value comparisons and normalized key prefixes for every orderable type.
#include "sql/execution/row_comparator.h"

#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace bundlebase::sql {
namespace {

template <typename T>
int ThreeWay(T x, T y) {
  return (x > y) - (x < y);
}

template <typename T>
int CompareFixed(const Array& a, int64_t i, const Array& b, int64_t j) {
  return ThreeWay(a.values<T>()[i], b.values<T>()[j]);
}

// PostgreSQL's float order: NaN equals NaN and sorts above everything; -0 equals 0.
template <typename T>
int CompareFloat(const Array& a, int64_t i, const Array& b, int64_t j) {
  const T x = a.values<T>()[i];
  const T y = b.values<T>()[j];
  const bool x_nan = std::isnan(x);
  const bool y_nan = std::isnan(y);
  if (x_nan || y_nan) return static_cast<int>(x_nan) - static_cast<int>(y_nan);
  return ThreeWay(x, y);
}

int CompareBool(const Array& a, int64_t i, const Array& b, int64_t j) {
  return static_cast<int>(a.GetBool(i)) - static_cast<int>(b.GetBool(j));
}

int CompareBytes(const Array& a, int64_t i, const Array& b, int64_t j) {
  const std::string_view x = a.GetView(i);
  const std::string_view y = b.GetView(j);
  const size_t common = std::min(x.size(), y.size());
  const int c = common == 0 ? 0 : std::memcmp(x.data(), y.data(), common);
  if (c != 0) return c < 0 ? -1 : 1;
  return ThreeWay(x.size(), y.size());
}

constexpr int64_t kNanosPerDay = int64_t{86400} * 1000000000;

// PostgreSQL compares intervals by one number: months count as 30 days.
__int128 IntervalTotal(const MonthDayNano& v) {
  return (static_cast<__int128>(v.months) * 30 + v.days) * kNanosPerDay + v.nanoseconds;
}

int CompareInterval(const Array& a, int64_t i, const Array& b, int64_t j) {
  return ThreeWay(IntervalTotal(a.values<MonthDayNano>()[i]),
                  IntervalTotal(b.values<MonthDayNano>()[j]));
}

int CompareAllNull(const Array&, int64_t, const Array&, int64_t) { return 0; }

// Order-preserving maps into uint64.
inline uint64_t SignedPrefix(int64_t v) { return static_cast<uint64_t>(v) ^ (uint64_t{1} << 63); }

inline uint64_t DoublePrefix(double v) {
  if (std::isnan(v)) return ~uint64_t{0};
  if (v == 0) v = 0;  // -0 sorts as 0
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
}

inline uint64_t Int128Prefix(__int128 v) {
  const auto biased = static_cast<unsigned __int128>(v) ^ (static_cast<unsigned __int128>(1) << 127);
  return static_cast<uint64_t>(biased >> 64);
}

inline uint64_t BytesPrefix(std::string_view s) {
  uint8_t bytes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::memcpy(bytes, s.data(), std::min<size_t>(8, s.size()));
  uint64_t p = 0;
  for (uint8_t byte : bytes) p = (p << 8) | byte;
  return p;
}

// Fills prefixes for every row with `encode(row)`, then applies direction and NULLs. The loop is
// instantiated per type so the encoder inlines.
template <typename Encode>
void FillPrefixes(const Array& array, const SortKey& key, uint64_t* out, Encode encode) {
  const int64_t n = array.length();
  for (int64_t r = 0; r < n; ++r) out[r] = encode(r);
  if (!key.ascending) {
    for (int64_t r = 0; r < n; ++r) out[r] = ~out[r];
  }
  if (array.null_count() > 0) {
    const uint64_t null_prefix = NullSortPrefix(key);
    for (int64_t r = 0; r < n; ++r) {
      if (array.IsNull(r)) out[r] = null_prefix;
    }
  }
}

template <typename T>
void FillSigned(const Array& a, const SortKey& key, uint64_t* out) {
  const T* v = a.values<T>();
  FillPrefixes(a, key, out, [v](int64_t r) { return SignedPrefix(static_cast<int64_t>(v[r])); });
}

template <typename T>
void FillUnsigned(const Array& a, const SortKey& key, uint64_t* out) {
  const T* v = a.values<T>();
  FillPrefixes(a, key, out, [v](int64_t r) { return static_cast<uint64_t>(v[r]); });
}

template <typename T>
void FillFloat(const Array& a, const SortKey& key, uint64_t* out) {
  const T* v = a.values<T>();
  FillPrefixes(a, key, out, [v](int64_t r) { return DoublePrefix(static_cast<double>(v[r])); });
}

}  // namespace

std::string SortKey::ToString() const {
  std::string out = fmt::format("#{}", column);
  if (!ascending) out += " DESC";
  if (nulls_first != !ascending) out += nulls_first ? " NULLS FIRST" : " NULLS LAST";
  return out;
}

std::string FormatSortKeys(const std::vector<SortKey>& keys) {
  std::string out;
  for (const SortKey& key : keys) {
    if (!out.empty()) out += ", ";
    out += key.ToString();
  }
  return out;
}

Result<ValueCompareFn> ValueComparatorFor(const DataType& type) {
  switch (type.id()) {
    case TypeId::kNull: return &CompareAllNull;
    case TypeId::kBool: return &CompareBool;
    case TypeId::kInt8: return &CompareFixed<int8_t>;
    case TypeId::kInt16: return &CompareFixed<int16_t>;
    case TypeId::kInt32: return &CompareFixed<int32_t>;
    case TypeId::kInt64: return &CompareFixed<int64_t>;
    case TypeId::kUInt8: return &CompareFixed<uint8_t>;
    case TypeId::kUInt16: return &CompareFixed<uint16_t>;
    case TypeId::kUInt32: return &CompareFixed<uint32_t>;
    case TypeId::kUInt64: return &CompareFixed<uint64_t>;
    case TypeId::kFloat32: return &CompareFloat<float>;
    case TypeId::kFloat64: return &CompareFloat<double>;
    case TypeId::kDecimal128: return &CompareFixed<__int128>;
    case TypeId::kUtf8:
    case TypeId::kBinary: return &CompareBytes;
    case TypeId::kDate32: return &CompareFixed<int32_t>;
    case TypeId::kTime64:
    case TypeId::kTimestamp: return &CompareFixed<int64_t>;
    case TypeId::kInterval: return &CompareInterval;
    case TypeId::kList:
    case TypeId::kStruct: break;
  }
  return Status::NotImplemented(
      "cannot order by a value of type {}; order by one of its elements or fields instead",
      type.ToString());
}

Result<RowComparator> RowComparator::Make(const Schema& schema, std::vector<SortKey> keys) {
  RowComparator out;
  for (const SortKey& key : keys) {
    if (key.column < 0 || key.column >= schema.num_fields()) {
      return Status::Internal("sort key column #{} is outside the input's {} columns", key.column,
                              schema.num_fields());
    }
    BB_ASSIGN_OR_RAISE(ValueCompareFn fn, ValueComparatorFor(*schema.field(key.column).type));
    out.compare_.push_back(fn);
  }
  out.keys_ = std::move(keys);
  return out;
}

std::vector<const Array*> RowComparator::KeyColumns(const RecordBatch& batch) const {
  std::vector<const Array*> columns;
  columns.reserve(keys_.size());
  for (const SortKey& key : keys_) columns.push_back(batch.column(key.column).get());
  return columns;
}

void ComputeSortPrefixes(const Array& a, const SortKey& key, uint64_t* out) {
  switch (a.type_id()) {
    case TypeId::kInt8: return FillSigned<int8_t>(a, key, out);
    case TypeId::kInt16: return FillSigned<int16_t>(a, key, out);
    case TypeId::kInt32:
    case TypeId::kDate32: return FillSigned<int32_t>(a, key, out);
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return FillSigned<int64_t>(a, key, out);
    case TypeId::kUInt8: return FillUnsigned<uint8_t>(a, key, out);
    case TypeId::kUInt16: return FillUnsigned<uint16_t>(a, key, out);
    case TypeId::kUInt32: return FillUnsigned<uint32_t>(a, key, out);
    case TypeId::kUInt64: return FillUnsigned<uint64_t>(a, key, out);
    case TypeId::kFloat32: return FillFloat<float>(a, key, out);
    case TypeId::kFloat64: return FillFloat<double>(a, key, out);
    case TypeId::kBool:
      return FillPrefixes(a, key, out, [&a](int64_t r) { return uint64_t{a.GetBool(r)}; });
    case TypeId::kDecimal128: {
      const __int128* v = a.values<__int128>();
      return FillPrefixes(a, key, out, [v](int64_t r) { return Int128Prefix(v[r]); });
    }
    case TypeId::kInterval: {
      const MonthDayNano* v = a.values<MonthDayNano>();
      return FillPrefixes(a, key, out,
                          [v](int64_t r) { return Int128Prefix(IntervalTotal(v[r])); });
    }
    case TypeId::kUtf8:
    case TypeId::kBinary:
      return FillPrefixes(a, key, out, [&a](int64_t r) { return BytesPrefix(a.GetView(r)); });
    case TypeId::kNull:
    case TypeId::kList:
    case TypeId::kStruct:
      // No useful prefix: every row ties and the exact comparison decides.
      std::fill(out, out + a.length(), NullSortPrefix(key));
      return;
  }
}

bool SortPrefixIsExact(const DataType& type) {
  switch (type.id()) {
    case TypeId::kBool:
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64:
    case TypeId::kFloat32:
    case TypeId::kFloat64:
    case TypeId::kDate32:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return true;
    default: return false;
  }
}

}  // namespace bundlebase::sql
