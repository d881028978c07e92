// Building blocks for kernels, so that each kernel is a few lines and every one of them handles
// columns and scalars, NULLs and sliced arrays the same way.
//
// Readers (FixedReader, BoolReader, StringReader) present a Datum as "row i": an array is read
// in place (its offset applied), a scalar repeats. The elementwise drivers (UnaryElementwise,
// BinaryElementwise, their Checked variants for overflow and division by zero, and
// BinaryPredicate for comparisons) compute every row branch-free into a fresh values buffer and
// AND the inputs' validity bitmaps a word at a time; the operation is a template parameter, so
// there is no per-row virtual or std::function call. When every argument is a scalar the result
// is a scalar. Functions that are not elementwise over fixed-width values use the readers with
// a builder and ScalarsAsColumnKernel (which turns an all-scalar call into a one-row call).
#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "columnar/builder.h"
#include "sql/functions/function.h"

namespace bundlebase::sql {

// ---- Scalar <-> C value ----------------------------------------------------------------------

// The value of a non-null scalar as the C type kernels compute with (the stored type of its
// column: int32_t for int32 and date32, int64_t for timestamps, double, __int128, ...).
template <typename T>
T ScalarValueAs(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool>) {
    return s.get<bool>();
  } else if constexpr (std::is_same_v<T, __int128>) {
    return s.get<__int128>();
  } else if constexpr (std::is_same_v<T, MonthDayNano>) {
    return s.get<MonthDayNano>();
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<T>(s.get<double>());
  } else if constexpr (std::is_unsigned_v<T>) {
    return static_cast<T>(s.get<uint64_t>());
  } else {
    return static_cast<T>(s.get<int64_t>());
  }
}

template <typename T>
Scalar MakeScalarOf(const DataTypePtr& type, T value) {
  if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, __int128> ||
                std::is_same_v<T, MonthDayNano>) {
    return Scalar(type, value);
  } else if constexpr (std::is_floating_point_v<T>) {
    return Scalar(type, static_cast<double>(value));
  } else if constexpr (std::is_unsigned_v<T>) {
    return Scalar(type, static_cast<uint64_t>(value));
  } else {
    return Scalar(type, static_cast<int64_t>(value));
  }
}

// ---- Readers ---------------------------------------------------------------------------------

// Row access to a fixed-width Datum. Not copyable: a scalar reader points at its own copy.
template <typename T>
class FixedReader {
 public:
  explicit FixedReader(const Datum& d) {
    if (d.is_scalar()) {
      scalar_ = true;
      valid_scalar_ = !d.scalar().is_null();
      if (valid_scalar_) value_ = ScalarValueAs<T>(d.scalar());
      data_ = &value_;
    } else {
      const Array& a = *d.array();
      data_ = a.buffers().size() > 1 && a.buffers()[1] ? a.values<T>() : &value_;
      if (a.null_count() > 0) bits_ = a.validity();
      offset_ = a.offset();
    }
  }
  FixedReader(const FixedReader&) = delete;
  FixedReader& operator=(const FixedReader&) = delete;

  T operator[](int64_t i) const { return scalar_ ? value_ : data_[i]; }
  bool IsValid(int64_t i) const {
    if (scalar_) return valid_scalar_;
    return bits_ == nullptr || bitmap::GetBit(bits_, offset_ + i);
  }
  bool is_scalar() const { return scalar_; }
  const T* data() const { return data_; }
  T scalar_value() const { return value_; }

 private:
  T value_{};
  const T* data_ = nullptr;
  const uint8_t* bits_ = nullptr;
  int64_t offset_ = 0;
  bool scalar_ = false;
  bool valid_scalar_ = true;
};

class BoolReader {
 public:
  explicit BoolReader(const Datum& d) {
    if (d.is_scalar()) {
      scalar_ = true;
      valid_scalar_ = !d.scalar().is_null();
      if (valid_scalar_) value_ = d.scalar().get<bool>();
    } else {
      array_ = d.array().get();
      if (array_->null_count() > 0) bits_ = array_->validity();
    }
  }
  bool operator[](int64_t i) const { return scalar_ ? value_ : array_->GetBool(i); }
  bool IsValid(int64_t i) const {
    if (scalar_) return valid_scalar_;
    return bits_ == nullptr || bitmap::GetBit(bits_, array_->offset() + i);
  }

 private:
  const Array* array_ = nullptr;
  const uint8_t* bits_ = nullptr;
  bool value_ = false;
  bool scalar_ = false;
  bool valid_scalar_ = true;
};

// Row access to a utf8/binary Datum as string_views (which stay valid while the Datum lives).
class StringReader {
 public:
  explicit StringReader(const Datum& d) {
    if (d.is_scalar()) {
      scalar_ = true;
      valid_scalar_ = !d.scalar().is_null();
      if (valid_scalar_) value_ = d.scalar().get<std::string>();
    } else {
      const Array& a = *d.array();
      offsets_ = a.offsets();
      chars_ = a.buffers()[2] ? a.buffers()[2]->data_as<char>() : "";
      if (a.null_count() > 0) bits_ = a.validity();
      offset_ = a.offset();
    }
  }
  std::string_view operator[](int64_t i) const {
    if (scalar_) return value_;
    return {chars_ + offsets_[i], static_cast<size_t>(offsets_[i + 1] - offsets_[i])};
  }
  bool IsValid(int64_t i) const {
    if (scalar_) return valid_scalar_;
    return bits_ == nullptr || bitmap::GetBit(bits_, offset_ + i);
  }
  bool is_scalar() const { return scalar_; }
  // Total bytes of the column (or of the scalar), to size output buffers.
  int64_t total_bytes(int64_t length) const {
    if (scalar_) return static_cast<int64_t>(value_.size()) * length;
    return length == 0 ? 0 : offsets_[length] - offsets_[0];
  }

 private:
  std::string_view value_;
  const int32_t* offsets_ = nullptr;
  const char* chars_ = nullptr;
  const uint8_t* bits_ = nullptr;
  int64_t offset_ = 0;
  bool scalar_ = false;
  bool valid_scalar_ = true;
};

template <typename... Readers>
bool AllValid(int64_t i, const Readers&... readers) {
  return (readers.IsValid(i) && ...);
}

// ---- Validity and outputs --------------------------------------------------------------------

struct OutputValidity {
  BufferPtr bits;          // null when every row is valid
  int64_t null_count = 0;
  bool all_null = false;   // some argument is a NULL scalar
};

// The AND of the arguments' validity over `length` rows, word at a time.
Result<OutputValidity> IntersectValidity(const std::vector<const Datum*>& args, int64_t length);

inline bool AnyNullScalar(const std::vector<Datum>& args) {
  for (const auto& a : args) {
    if (a.is_scalar() && a.scalar().is_null()) return true;
  }
  return false;
}

inline bool AllScalars(const std::vector<Datum>& args) {
  for (const auto& a : args) {
    if (!a.is_scalar()) return false;
  }
  return true;
}

// A column of `length` NULLs (or a NULL scalar when `as_scalar`).
Result<Datum> NullResult(const DataTypePtr& type, int64_t length, bool as_scalar);

// An uninitialised values buffer for `length` values of T.
template <typename T>
Result<std::shared_ptr<MutableBuffer>> AllocateValues(int64_t length) {
  BB_ASSIGN_OR_RAISE(auto buffer,
                     MutableBuffer::Allocate(static_cast<size_t>(length) * sizeof(T), false));
  buffer->UnsafeSetSize(static_cast<size_t>(length) * sizeof(T));
  return buffer;
}

inline ArrayPtr MakeFixedArray(const DataTypePtr& type, int64_t length,
                               const OutputValidity& validity, BufferPtr values) {
  return std::make_shared<Array>(type, length, std::vector<BufferPtr>{validity.bits, values},
                                 validity.null_count);
}

// Packs pred(i) for i in [0, length) into a bit buffer, eight rows per byte.
template <typename Pred>
Result<BufferPtr> PackBits(int64_t length, Pred pred) {
  BB_ASSIGN_OR_RAISE(auto buffer, MutableBuffer::Allocate(bitmap::BytesForBits(length) + 8, true));
  buffer->UnsafeSetSize(bitmap::BytesForBits(length));
  uint8_t* out = buffer->mutable_data();
  int64_t full = length / 8;
  for (int64_t byte = 0; byte < full; ++byte) {
    int64_t base = byte * 8;
    uint8_t bits = 0;
    for (int j = 0; j < 8; ++j) bits |= static_cast<uint8_t>(pred(base + j)) << j;
    out[byte] = bits;
  }
  for (int64_t i = full * 8; i < length; ++i) {
    if (pred(i)) bitmap::SetBit(out, i);
  }
  return buffer;
}

// ---- Elementwise drivers ---------------------------------------------------------------------

// out = op(a) for every row.
template <typename Out, typename A, typename Op>
Result<Datum> UnaryElementwise(const Datum& a, int64_t length, const DataTypePtr& out_type,
                               Op op) {
  if (a.is_scalar()) {
    if (a.scalar().is_null()) return Datum(Scalar::MakeNull(out_type));
    return Datum(MakeScalarOf<Out>(out_type, op(ScalarValueAs<A>(a.scalar()))));
  }
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&a}, length));
  BB_ASSIGN_OR_RAISE(auto values, AllocateValues<Out>(length));
  Out* out = values->template mutable_data_as<Out>();
  FixedReader<A> reader(a);
  const A* in = reader.data();
  for (int64_t i = 0; i < length; ++i) out[i] = op(in[i]);
  return Datum(MakeFixedArray(out_type, length, validity, values));
}

// Like UnaryElementwise, but op(a, &out) returns false when the row is an error; the first
// failing valid row returns error(a).
template <typename Out, typename A, typename Op, typename Error>
Result<Datum> UnaryElementwiseChecked(const Datum& a, int64_t length,
                                      const DataTypePtr& out_type, Op op, Error error) {
  if (a.is_scalar()) {
    if (a.scalar().is_null()) return Datum(Scalar::MakeNull(out_type));
    A value = ScalarValueAs<A>(a.scalar());
    Out out{};
    if (!op(value, &out)) return error(value);
    return Datum(MakeScalarOf<Out>(out_type, out));
  }
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&a}, length));
  BB_ASSIGN_OR_RAISE(auto values, AllocateValues<Out>(length));
  Out* out = values->template mutable_data_as<Out>();
  FixedReader<A> in(a);
  for (int64_t i = 0; i < length; ++i) {
    if (!op(in[i], &out[i])) {
      if (in.IsValid(i)) return error(in[i]);
      out[i] = Out{};
    }
  }
  return Datum(MakeFixedArray(out_type, length, validity, values));
}

// out = op(a, b) for every row, each side a column or a scalar.
template <typename Out, typename A, typename B, typename Op>
Result<Datum> BinaryElementwise(const Datum& a, const Datum& b, int64_t length,
                                const DataTypePtr& out_type, Op op) {
  bool as_scalar = a.is_scalar() && b.is_scalar();
  if ((a.is_scalar() && a.scalar().is_null()) || (b.is_scalar() && b.scalar().is_null())) {
    return NullResult(out_type, length, as_scalar);
  }
  if (as_scalar) {
    return Datum(MakeScalarOf<Out>(
        out_type, op(ScalarValueAs<A>(a.scalar()), ScalarValueAs<B>(b.scalar()))));
  }
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&a, &b}, length));
  BB_ASSIGN_OR_RAISE(auto values, AllocateValues<Out>(length));
  Out* out = values->template mutable_data_as<Out>();
  FixedReader<A> left_reader(a);
  FixedReader<B> right_reader(b);
  const A* left = left_reader.data();
  const B* right = right_reader.data();
  if (a.is_scalar()) {
    for (int64_t i = 0; i < length; ++i) out[i] = op(*left, right[i]);
  } else if (b.is_scalar()) {
    for (int64_t i = 0; i < length; ++i) out[i] = op(left[i], *right);
  } else {
    for (int64_t i = 0; i < length; ++i) out[i] = op(left[i], right[i]);
  }
  return Datum(MakeFixedArray(out_type, length, validity, values));
}

// Like BinaryElementwise, but op(a, b, &out) returns false when the row is an error (overflow,
// division by zero); the first failing valid row returns error(a, b). NULL rows never fail
// (their slots may hold anything, zero divisors included).
template <typename Out, typename A, typename B, typename Op, typename Error>
Result<Datum> BinaryElementwiseChecked(const Datum& a, const Datum& b, int64_t length,
                                       const DataTypePtr& out_type, Op op, Error error) {
  bool as_scalar = a.is_scalar() && b.is_scalar();
  if ((a.is_scalar() && a.scalar().is_null()) || (b.is_scalar() && b.scalar().is_null())) {
    return NullResult(out_type, length, as_scalar);
  }
  if (as_scalar) {
    A left = ScalarValueAs<A>(a.scalar());
    B right = ScalarValueAs<B>(b.scalar());
    Out out{};
    if (!op(left, right, &out)) return error(left, right);
    return Datum(MakeScalarOf<Out>(out_type, out));
  }
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&a, &b}, length));
  BB_ASSIGN_OR_RAISE(auto values, AllocateValues<Out>(length));
  Out* out = values->template mutable_data_as<Out>();
  FixedReader<A> left(a);
  FixedReader<B> right(b);
  bool failed = false;
  auto run = [&](auto get_left, auto get_right) {
    for (int64_t i = 0; i < length; ++i) failed |= !op(get_left(i), get_right(i), &out[i]);
  };
  const A* ld = left.data();
  const B* rd = right.data();
  if (left.is_scalar()) {
    run([&](int64_t) { return *ld; }, [&](int64_t i) { return rd[i]; });
  } else if (right.is_scalar()) {
    run([&](int64_t i) { return ld[i]; }, [&](int64_t) { return *rd; });
  } else {
    run([&](int64_t i) { return ld[i]; }, [&](int64_t i) { return rd[i]; });
  }
  if (failed) {
    // Rare: find the first failing row that is not NULL, and zero the NULL ones.
    for (int64_t i = 0; i < length; ++i) {
      Out scratch{};
      if (!op(left[i], right[i], &scratch)) {
        if (left.IsValid(i) && right.IsValid(i)) return error(left[i], right[i]);
        out[i] = Out{};
      }
    }
  }
  return Datum(MakeFixedArray(out_type, length, validity, values));
}

// A bool column (or scalar) of pred(a, b).
template <typename A, typename B, typename Pred>
Result<Datum> BinaryPredicate(const Datum& a, const Datum& b, int64_t length, Pred pred) {
  bool as_scalar = a.is_scalar() && b.is_scalar();
  if ((a.is_scalar() && a.scalar().is_null()) || (b.is_scalar() && b.scalar().is_null())) {
    return NullResult(Bool(), length, as_scalar);
  }
  if (as_scalar) {
    return Datum(Scalar::FromBool(pred(ScalarValueAs<A>(a.scalar()), ScalarValueAs<B>(b.scalar()))));
  }
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&a, &b}, length));
  FixedReader<A> left(a);
  FixedReader<B> right(b);
  const A* ld = left.data();
  const B* rd = right.data();
  Result<BufferPtr> bits = left.is_scalar()
      ? PackBits(length, [&](int64_t i) { return pred(*ld, rd[i]); })
      : right.is_scalar() ? PackBits(length, [&](int64_t i) { return pred(ld[i], *rd); })
                          : PackBits(length, [&](int64_t i) { return pred(ld[i], rd[i]); });
  BB_RETURN_NOT_OK(bits.status());
  return Datum(MakeFixedArray(Bool(), length, validity, *bits));
}

// ---- Row-at-a-time kernels with builders ----------------------------------------------------

// Wraps a kernel written for columns (readers + builder, `length` rows) so that an all-scalar
// call runs it on one row and returns a scalar.
template <typename Fn>
ScalarKernelFn ScalarsAsColumnKernel(Fn fn) {
  return [fn](KernelContext& ctx, const std::vector<Datum>& args,
              int64_t length) -> Result<Datum> {
    bool scalars = AllScalars(args);
    BB_ASSIGN_OR_RAISE(ArrayPtr out, fn(ctx, args, scalars ? int64_t{1} : length));
    if (!scalars) return Datum(std::move(out));
    BB_ASSIGN_OR_RAISE(Scalar value, GetScalar(*out, 0));
    return Datum(std::move(value));
  };
}

// text -> text: op(in, &out) appends the result to `out` (cleared for each row) and returns
// false to make the row NULL.
template <typename Op>
Result<ArrayPtr> MapStrings(const Datum& arg, int64_t length, const DataTypePtr& out_type,
                            Op op) {
  StringReader in(arg);
  BinaryBuilder builder(out_type);
  BB_RETURN_NOT_OK(builder.Reserve(length));
  BB_RETURN_NOT_OK(builder.ReserveData(in.total_bytes(length)));
  std::string scratch;
  for (int64_t i = 0; i < length; ++i) {
    if (!in.IsValid(i)) {
      BB_RETURN_NOT_OK(builder.AppendNull());
      continue;
    }
    scratch.clear();
    if (op(in[i], &scratch)) {
      BB_RETURN_NOT_OK(builder.Append(scratch));
    } else {
      BB_RETURN_NOT_OK(builder.AppendNull());
    }
  }
  return builder.Finish();
}

// text -> fixed-width: out[i] = op(in[i]); NULL in, NULL out.
template <typename Out, typename Op>
Result<ArrayPtr> MapStringsToFixed(const Datum& arg, int64_t length, const DataTypePtr& out_type,
                                   Op op) {
  StringReader in(arg);
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&arg}, length));
  if (validity.all_null) return MakeNullArray(out_type, length);
  BB_ASSIGN_OR_RAISE(auto values, AllocateValues<Out>(length));
  Out* out = values->template mutable_data_as<Out>();
  for (int64_t i = 0; i < length; ++i) out[i] = in.IsValid(i) ? op(in[i]) : Out{};
  return MakeFixedArray(out_type, length, validity, values);
}

// ---- Registration helpers --------------------------------------------------------------------

inline ScalarKernel MakeKernel(std::vector<InputType> inputs, DataTypePtr output,
                               ScalarKernelFn exec) {
  ScalarKernel k;
  k.inputs = std::move(inputs);
  k.output.fixed = std::move(output);
  k.exec = std::move(exec);
  return k;
}

inline ScalarKernel MakeKernel(std::vector<InputType> inputs, OutputTypeResolver output,
                               ScalarKernelFn exec) {
  ScalarKernel k;
  k.inputs = std::move(inputs);
  k.output.resolver = std::move(output);
  k.exec = std::move(exec);
  return k;
}

// The resolver "same type as argument `index`".
inline OutputTypeResolver SameAsArgument(size_t index) {
  return [index](const std::vector<DataTypePtr>& types) -> Result<DataTypePtr> {
    return types.at(index);
  };
}

inline InputType In(DataTypePtr type) { return InputType::Exact(std::move(type)); }

}  // namespace bundlebase::sql
