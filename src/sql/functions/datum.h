// Datum: a function argument or result — a whole column (Array) or one value standing for every
// row (Scalar).
//
// Expressions are evaluated a batch at a time. Constants stay scalars so that `price * 1.1` or
// `name LIKE 'a%'` never materialise a column of copies; kernels handle the scalar cases (the
// helpers in kernel_util.h do it for elementwise kernels).
#pragma once

#include <variant>

#include "columnar/array.h"
#include "columnar/scalar.h"

namespace bundlebase::sql {

class Datum {
 public:
  Datum() = default;
  Datum(ArrayPtr array) : value_(std::move(array)) {}  // NOLINT: implicit by design
  Datum(Scalar scalar) : value_(std::move(scalar)) {}  // NOLINT: implicit by design

  bool is_array() const { return std::holds_alternative<ArrayPtr>(value_); }
  bool is_scalar() const { return std::holds_alternative<Scalar>(value_); }
  const ArrayPtr& array() const { return std::get<ArrayPtr>(value_); }
  const Scalar& scalar() const { return std::get<Scalar>(value_); }
  const DataTypePtr& type() const { return is_array() ? array()->type() : scalar().type(); }

 private:
  std::variant<Scalar, ArrayPtr> value_;
};

// The datum as a column of `length` rows (a scalar is repeated).
Result<ArrayPtr> DatumToArray(const Datum& datum, int64_t length);

// A column of `length` copies of `value`.
Result<ArrayPtr> MakeArrayFromScalar(const Scalar& value, int64_t length);

}  // namespace bundlebase::sql
