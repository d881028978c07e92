// Scalar: one value of any columnar type, boxed — for constants, statistics, tests and
// row-at-a-time paths that are not hot. Hot loops read Array buffers directly instead.
//
// Storage by type: bool -> bool; signed integers, date32, time64, timestamp -> int64_t;
// unsigned integers -> uint64_t; float32/float64 -> double; decimal128 -> __int128 (unscaled);
// utf8/binary -> std::string; interval -> MonthDayNano; list items and struct fields ->
// std::vector<Scalar>. A null scalar holds std::monostate.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "columnar/array.h"
#include "columnar/builder.h"

namespace bundlebase {

class Scalar {
 public:
  using Value = std::variant<std::monostate, bool, int64_t, uint64_t, double, __int128,
                             std::string, MonthDayNano, std::vector<Scalar>>;

  Scalar() : type_(bundlebase::Null()) {}
  Scalar(DataTypePtr type, Value value) : type_(std::move(type)), value_(std::move(value)) {}
  static Scalar MakeNull(DataTypePtr type) { return Scalar(std::move(type), std::monostate{}); }

  static Scalar FromBool(bool v) { return Scalar(Bool(), v); }
  static Scalar FromInt64(int64_t v) { return Scalar(Int64(), v); }
  static Scalar FromFloat64(double v) { return Scalar(Float64(), v); }
  static Scalar FromUtf8(std::string v) { return Scalar(Utf8(), std::move(v)); }

  const DataTypePtr& type() const { return type_; }
  const Value& value() const { return value_; }
  bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
  template <typename T>
  const T& get() const { return std::get<T>(value_); }

  // Same type and value (NaN equals NaN here: this is identity, not SQL comparison).
  bool Equals(const Scalar& other) const;
  bool operator==(const Scalar& other) const { return Equals(other); }

 private:
  DataTypePtr type_;
  Value value_;
};

// The value at row i of `array`.
Result<Scalar> GetScalar(const Array& array, int64_t i);
// Appends `value` (whose type must equal the builder's) to `builder`.
Status AppendScalar(ArrayBuilder* builder, const Scalar& value);
Result<ArrayPtr> MakeArrayFromScalars(const DataTypePtr& type, const std::vector<Scalar>& values);

}  // namespace bundlebase
