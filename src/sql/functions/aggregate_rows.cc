// Gathering, comparing, keying and hashing rows of any type (see aggregate_rows.h).
#include "sql/functions/aggregate_rows.h"

#include <cmath>
#include <cstring>

#include "base/buffer.h"
#include "base/hash.h"

namespace bundlebase::sql {
namespace {

// Calls fn(T{}) with the C type of a fixed-width column (bool excluded); false if not one.
template <typename Fn>
bool VisitFixedWidth(TypeId id, Fn&& fn) {
  switch (id) {
    case TypeId::kInt8: fn(int8_t{}); return true;
    case TypeId::kInt16: fn(int16_t{}); return true;
    case TypeId::kInt32:
    case TypeId::kDate32: fn(int32_t{}); return true;
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: fn(int64_t{}); return true;
    case TypeId::kUInt8: fn(uint8_t{}); return true;
    case TypeId::kUInt16: fn(uint16_t{}); return true;
    case TypeId::kUInt32: fn(uint32_t{}); return true;
    case TypeId::kUInt64: fn(uint64_t{}); return true;
    case TypeId::kFloat32: fn(float{}); return true;
    case TypeId::kFloat64: fn(double{}); return true;
    case TypeId::kDecimal128: fn(__int128{}); return true;
    case TypeId::kInterval: fn(MonthDayNano{}); return true;
    default: return false;
  }
}

// The value with the representation every equal value shares (see the header).
template <typename T>
auto Canonical(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(v)) return static_cast<double>(NAN);
    return v == 0 ? 0.0 : static_cast<double>(v);
  } else if constexpr (std::is_same_v<T, MonthDayNano>) {
    return IntervalSortKey(v);
  } else {
    return v;
  }
}

template <typename T>
int CompareValues(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    const bool a_nan = std::isnan(a);
    const bool b_nan = std::isnan(b);
    if (a_nan || b_nan) return static_cast<int>(a_nan) - static_cast<int>(b_nan);
  }
  if constexpr (std::is_same_v<T, MonthDayNano>) {
    return CompareValues(IntervalSortKey(a), IntervalSortKey(b));
  } else {
    return a < b ? -1 : (b < a ? 1 : 0);
  }
}

int CompareBytes(std::string_view a, std::string_view b) {
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

Result<BufferPtr> TakeValidity(const Array& array, const std::vector<int64_t>& rows,
                               int64_t* null_count) {
  *null_count = 0;
  if (array.null_count() == 0 || array.validity() == nullptr) return BufferPtr();
  const size_t n = rows.size();
  BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(bitmap::BytesForBits(n), true));
  bits->UnsafeSetSize(bitmap::BytesForBits(n));
  for (size_t i = 0; i < n; ++i) {
    if (array.IsValid(rows[i])) {
      bitmap::SetBit(bits->mutable_data(), static_cast<int64_t>(i));
    } else {
      ++*null_count;
    }
  }
  return BufferPtr(std::move(bits));
}

Result<BufferPtr> TakeFixedValues(const Array& array, const std::vector<int64_t>& rows) {
  const size_t width = static_cast<size_t>(array.type()->byte_width());
  BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(rows.size() * width));
  out->UnsafeSetSize(rows.size() * width);
  const uint8_t* in = array.buffers()[1]->data() + array.offset() * width;
  uint8_t* dst = out->mutable_data();
  auto copy = [&](auto tag) {
    using T = decltype(tag);
    const T* src = reinterpret_cast<const T*>(in);
    T* to = reinterpret_cast<T*>(dst);
    for (size_t i = 0; i < rows.size(); ++i) std::memcpy(&to[i], &src[rows[i]], sizeof(T));
  };
  VisitFixedWidth(array.type_id(), copy);
  return BufferPtr(std::move(out));
}

Result<ArrayPtr> TakeBool(const Array& array, const std::vector<int64_t>& rows,
                          BufferPtr validity, int64_t nulls) {
  const size_t n = rows.size();
  BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(bitmap::BytesForBits(n), true));
  bits->UnsafeSetSize(bitmap::BytesForBits(n));
  for (size_t i = 0; i < n; ++i) {
    if (array.GetBool(rows[i])) bitmap::SetBit(bits->mutable_data(), static_cast<int64_t>(i));
  }
  return std::make_shared<Array>(array.type(), n,
                                 std::vector<BufferPtr>{validity, BufferPtr(std::move(bits))},
                                 nulls);
}

Result<ArrayPtr> TakeBinary(const Array& array, const std::vector<int64_t>& rows,
                            BufferPtr validity, int64_t nulls) {
  const size_t n = rows.size();
  const int32_t* offsets = array.offsets();
  int64_t bytes = 0;
  for (int64_t row : rows) bytes += offsets[row + 1] - offsets[row];
  if (bytes > INT32_MAX) {
    return Status::ResourceExhausted("aggregate result of {} bytes exceeds the 2 GiB a text "
                                     "column may hold; aggregate fewer rows per group",
                                     bytes);
  }
  BB_ASSIGN_OR_RAISE(auto out_offsets, MutableBuffer::Allocate((n + 1) * sizeof(int32_t)));
  out_offsets->UnsafeSetSize((n + 1) * sizeof(int32_t));
  BB_ASSIGN_OR_RAISE(auto data, MutableBuffer::Allocate(static_cast<size_t>(bytes)));
  data->UnsafeSetSize(0);  // filled by the appends below
  int32_t* o = out_offsets->mutable_data_as<int32_t>();
  o[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view value = array.GetView(rows[i]);
    data->UnsafeAppend(value.data(), value.size());
    o[i + 1] = static_cast<int32_t>(data->size());
  }
  std::vector<BufferPtr> buffers{validity, BufferPtr(std::move(out_offsets)),
                                 BufferPtr(std::move(data))};
  return std::make_shared<Array>(array.type(), n, std::move(buffers), nulls);
}

Result<ArrayPtr> TakeList(const Array& array, const std::vector<int64_t>& rows,
                          BufferPtr validity, int64_t nulls) {
  const size_t n = rows.size();
  const int32_t* offsets = array.offsets();
  std::vector<int64_t> child_rows;
  BB_ASSIGN_OR_RAISE(auto out_offsets, MutableBuffer::Allocate((n + 1) * sizeof(int32_t)));
  out_offsets->UnsafeSetSize((n + 1) * sizeof(int32_t));
  int32_t* o = out_offsets->mutable_data_as<int32_t>();
  o[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    for (int32_t c = offsets[rows[i]]; c < offsets[rows[i] + 1]; ++c) child_rows.push_back(c);
    o[i + 1] = static_cast<int32_t>(child_rows.size());
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr child, TakeRows(*array.child(0), child_rows));
  std::vector<BufferPtr> buffers{validity, BufferPtr(std::move(out_offsets))};
  return std::make_shared<Array>(array.type(), n, std::move(buffers), nulls, 0,
                                 std::vector<ArrayPtr>{child});
}

}  // namespace

Result<ArrayPtr> TakeRows(const Array& array, const std::vector<int64_t>& rows) {
  const int64_t n = static_cast<int64_t>(rows.size());
  if (array.type_id() == TypeId::kNull) return MakeNullArray(array.type(), n);
  int64_t nulls = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr validity, TakeValidity(array, rows, &nulls));
  switch (array.type_id()) {
    case TypeId::kBool: return TakeBool(array, rows, validity, nulls);
    case TypeId::kUtf8:
    case TypeId::kBinary: return TakeBinary(array, rows, validity, nulls);
    case TypeId::kList: return TakeList(array, rows, validity, nulls);
    case TypeId::kStruct: {
      std::vector<ArrayPtr> children;
      for (const ArrayPtr& child : array.children()) {
        BB_ASSIGN_OR_RAISE(ArrayPtr taken, TakeRows(*child, rows));
        children.push_back(std::move(taken));
      }
      return std::make_shared<Array>(array.type(), n, std::vector<BufferPtr>{validity}, nulls, 0,
                                     std::move(children));
    }
    default: {
      BB_ASSIGN_OR_RAISE(BufferPtr values, TakeFixedValues(array, rows));
      return std::make_shared<Array>(array.type(), n, std::vector<BufferPtr>{validity, values},
                                     nulls);
    }
  }
}

Result<ValueComparator> MakeValueComparator(const ArrayPtr& array) {
  const TypeId id = array->type_id();
  if (id == TypeId::kUtf8 || id == TypeId::kBinary) {
    return ValueComparator([array](int64_t a, int64_t b) {
      return CompareBytes(array->GetView(a), array->GetView(b));
    });
  }
  if (id == TypeId::kBool) {
    return ValueComparator([array](int64_t a, int64_t b) {
      return static_cast<int>(array->GetBool(a)) - static_cast<int>(array->GetBool(b));
    });
  }
  ValueComparator comparator;
  VisitFixedWidth(id, [&](auto tag) {
    using T = decltype(tag);
    comparator = [array](int64_t a, int64_t b) {
      return CompareValues<T>(array->values<T>()[a], array->values<T>()[b]);
    };
  });
  if (!comparator) {
    return Status::NotImplemented("cannot sort aggregate input by a {} value; order by a "
                                  "number, text, date or time expression instead",
                                  array->type()->ToString());
  }
  return comparator;
}

void AppendRowKey(const Array& array, int64_t row, std::string* key) {
  if (array.IsNull(row)) {
    key->push_back('\0');
    return;
  }
  key->push_back('\1');
  const TypeId id = array.type_id();
  auto append = [key](const auto& value) {
    key->append(reinterpret_cast<const char*>(&value), sizeof(value));
  };
  switch (id) {
    case TypeId::kBool: key->push_back(array.GetBool(row) ? '\1' : '\0'); return;
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      const std::string_view value = array.GetView(row);
      append(static_cast<uint32_t>(value.size()));
      key->append(value);
      return;
    }
    case TypeId::kList: {
      const int32_t* offsets = array.offsets();
      append(static_cast<uint32_t>(offsets[row + 1] - offsets[row]));
      for (int32_t c = offsets[row]; c < offsets[row + 1]; ++c) {
        AppendRowKey(*array.child(0), c, key);
      }
      return;
    }
    case TypeId::kStruct:
      for (const ArrayPtr& child : array.children()) AppendRowKey(*child, row, key);
      return;
    default:
      VisitFixedWidth(id, [&](auto tag) {
        using T = decltype(tag);
        append(Canonical<T>(array.values<T>()[row]));
      });
  }
}

void HashRows(const Array& array, uint64_t* hashes) {
  const int64_t n = array.length();
  const bool fixed = VisitFixedWidth(array.type_id(), [&](auto tag) {
    using T = decltype(tag);
    const T* values = array.values<T>();
    for (int64_t i = 0; i < n; ++i) {
      const auto canonical = Canonical<T>(values[i]);
      hashes[i] = Hash64(&canonical, sizeof(canonical));
    }
  });
  if (fixed) return;
  if (array.type_id() == TypeId::kUtf8 || array.type_id() == TypeId::kBinary) {
    for (int64_t i = 0; i < n; ++i) hashes[i] = HashString(array.GetView(i));
    return;
  }
  std::string key;
  for (int64_t i = 0; i < n; ++i) {
    key.clear();
    AppendRowKey(array, i, &key);
    hashes[i] = HashString(key);
  }
}

}  // namespace bundlebase::sql
