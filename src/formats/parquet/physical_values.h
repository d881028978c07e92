// PhysicalValues: the non-null values of one leaf column in the form the Parquet encoders take
// (the writer's counterpart of leaf_conversion.h): fixed-width little-endian values (INT32,
// INT64, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY), a bitmap for BOOLEAN, views for BYTE_ARRAY.
//
// Most columns need no conversion: int32/int64/float/double values and the bits of a bool
// column are used where they lie, and strings become views into the array's bytes. A copy is
// made only when the physical form differs (narrow integers widened to INT32, timestamps in
// seconds stored as milliseconds, decimals narrowed or made big-endian, intervals, UUID text
// parsed to 16 bytes) or when the values are picked out of the array one row at a time (nulls
// in between, or a nested leaf's entries).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "columnar/array.h"
#include "formats/parquet/schema_conversion.h"

namespace bundlebase::parquet {

class PhysicalValues {
 public:
  // The values at `rows` of `array` (positions from 0, the array's offset applied), or rows
  // [0, count) when `rows` is null; each must be valid. `leaf` is the column of the written
  // schema, `array` holds values of the type the writer was given for it.
  static Result<PhysicalValues> Make(const LeafColumn& leaf, const Array& array,
                                     const int64_t* rows, int64_t count);

  // A view of dictionary entries already in PLAIN form (fixed width) or as views.
  static PhysicalValues FixedView(Type type, int width, const uint8_t* data, int64_t count);
  static PhysicalValues ByteArrayView(std::vector<std::string_view> views);

  Type type() const { return type_; }
  int64_t count() const { return count_; }
  // Bytes per value of a fixed-width type (INT32 4, ..., FIXED_LEN_BYTE_ARRAY its length).
  int width() const { return width_; }
  const uint8_t* fixed() const { return fixed_; }
  // BOOLEAN: value i is bit bit_offset() + i of bits().
  const uint8_t* bits() const { return bits_; }
  int64_t bit_offset() const { return bit_offset_; }
  const std::string_view* views() const { return views_.data(); }

  PhysicalValues() = default;

 private:
  Type type_ = Type::kInt32;
  int64_t count_ = 0;
  int width_ = 0;
  const uint8_t* fixed_ = nullptr;
  const uint8_t* bits_ = nullptr;
  int64_t bit_offset_ = 0;
  std::vector<std::string_view> views_;
  // Converted or gathered values when they are not used in place (a vector keeps its heap
  // memory when the object moves, so the pointers above stay valid).
  std::vector<uint8_t> storage_;
};

}  // namespace bundlebase::parquet
