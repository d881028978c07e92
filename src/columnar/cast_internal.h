// Machinery shared by the cast kernels (cast_*.cc), not part of the public API: the per-row
// loop that builds an output column and turns a failed row into an error or a NULL, type
// visitors that instantiate a kernel once per C type, and the family entry points cast.cc
// dispatches to.
#pragma once

#include <cstdint>

#include "columnar/builder.h"
#include "columnar/cast.h"

namespace bundlebase::cast_internal {

template <typename T>
struct Tag {
  using type = T;
};

// Calls fn(Tag<T>{}) with T the stored C type of integer type `id`.
template <typename Fn>
decltype(auto) VisitInteger(TypeId id, Fn&& fn) {
  switch (id) {
    case TypeId::kInt8: return fn(Tag<int8_t>{});
    case TypeId::kInt16: return fn(Tag<int16_t>{});
    case TypeId::kInt32: return fn(Tag<int32_t>{});
    case TypeId::kInt64: return fn(Tag<int64_t>{});
    case TypeId::kUInt8: return fn(Tag<uint8_t>{});
    case TypeId::kUInt16: return fn(Tag<uint16_t>{});
    case TypeId::kUInt32: return fn(Tag<uint32_t>{});
    default: return fn(Tag<uint64_t>{});
  }
}

// Calls fn(Tag<float>{}) or fn(Tag<double>{}).
template <typename Fn>
decltype(auto) VisitFloating(TypeId id, Fn&& fn) {
  if (id == TypeId::kFloat32) return fn(Tag<float>{});
  return fn(Tag<double>{});
}

// "value 300 is out of range for int8 (row 3)", the value printed by value_formatting.
Status OutOfRange(const Array& in, int64_t row, const DataType& to);

// Builds a fixed-width column of C type Out: for every non-null row, convert(row, &value)
// returns false when the row cannot be converted; then fail(row) is the error, or the row
// becomes NULL under null_on_error.
template <typename Out, typename Convert, typename Fail>
Result<ArrayPtr> MapRows(const Array& in, const DataTypePtr& to, const CastOptions& options,
                         Convert&& convert, Fail&& fail) {
  FixedWidthBuilder<Out> builder(to);
  BB_RETURN_NOT_OK(builder.Reserve(in.length()));
  for (int64_t i = 0; i < in.length(); ++i) {
    Out value{};
    if (in.IsNull(i)) {
      builder.UnsafeAppendNull();
    } else if (convert(i, &value)) {
      builder.UnsafeAppend(value);
    } else if (options.null_on_error) {
      builder.UnsafeAppendNull();
    } else {
      return fail(i);
    }
  }
  return builder.Finish();
}

// MapRows for a bool output column.
template <typename Convert, typename Fail>
Result<ArrayPtr> MapRowsToBool(const Array& in, const CastOptions& options, Convert&& convert,
                               Fail&& fail) {
  BoolBuilder builder;
  BB_RETURN_NOT_OK(builder.Reserve(in.length()));
  for (int64_t i = 0; i < in.length(); ++i) {
    bool value = false;
    if (in.IsNull(i)) {
      BB_RETURN_NOT_OK(builder.AppendNull());
    } else if (convert(i, &value)) {
      builder.UnsafeAppend(value);
    } else if (options.null_on_error) {
      BB_RETURN_NOT_OK(builder.AppendNull());
    } else {
      return fail(i);
    }
  }
  return builder.Finish();
}

// The same data under another type whose layout is identical (zero copy).
ArrayPtr Relabel(const Array& in, const DataTypePtr& to);

// The families. Each is called only for pairs its CanCast* accepted.
bool CanCastNumeric(const DataType& from, const DataType& to);
Result<ArrayPtr> CastNumeric(const Array& in, const DataTypePtr& to, const CastOptions& options);

bool CanCastTemporal(const DataType& from, const DataType& to);
Result<ArrayPtr> CastTemporal(const Array& in, const DataTypePtr& to, const CastOptions& options);

bool CanCastFromUtf8(const DataType& to);
Result<ArrayPtr> CastFromUtf8(const Array& in, const DataTypePtr& to, const CastOptions& options);
Result<ArrayPtr> CastToUtf8(const Array& in, const DataTypePtr& to, const CastOptions& options);

}  // namespace bundlebase::cast_internal
