// StatisticsBuilder: the min, max and null count of one column chunk being written, in the sort
// order the Parquet spec defines for the column's type (TypeDefinedOrder), stored as
// min_value / max_value in the physical representation.
//
// Orders: signed integers for INT32/INT64 (decimals included), unsigned for the UINT types,
// false < true for BOOLEAN, IEEE order for floats with NaN ignored and a zero minimum written
// as -0.0 and a zero maximum as +0.0 (the spec's rule, since -0.0 == +0.0), unsigned bytes for
// strings, binary and UUID, and signed big-endian numbers for FIXED_LEN_BYTE_ARRAY decimals.
// INTERVAL has no defined order and gets no min/max; neither does a chunk with no values (or
// only NaNs), nor byte arrays whose min or max is longer than kMaxStatisticsValueBytes (the
// footer would repeat them per row group; Arrow uses the same bound).
#pragma once

#include <cstdint>
#include <string>

#include "formats/parquet/metadata.h"
#include "formats/parquet/physical_values.h"

namespace bundlebase::parquet {

inline constexpr size_t kMaxStatisticsValueBytes = 4096;

class StatisticsBuilder {
 public:
  explicit StatisticsBuilder(const LeafColumn& leaf);

  // Folds values [offset, offset + count) into min and max.
  void Update(const PhysicalValues& values, int64_t offset, int64_t count);
  void AddNulls(int64_t count) { null_count_ += count; }

  Statistics Finish() const;

 private:
  enum class Order : uint8_t {
    kNone, kBool, kInt32, kUInt32, kInt64, kUInt64, kFloat, kDouble, kBytes, kSignedBytes
  };
  template <typename T, typename Wide>
  void UpdateIntegers(const T* values, int64_t count, Wide* min, Wide* max);
  template <typename T>
  void UpdateFloats(const T* values, int64_t count);
  void UpdateBytes(std::string_view value);

  Order order_ = Order::kNone;
  bool has_values_ = false;
  int64_t null_count_ = 0;
  // Signed integers, unsigned integers (and booleans), floats (FLOAT widened exactly), bytes.
  int64_t min_i_ = 0, max_i_ = 0;
  uint64_t min_u_ = 0, max_u_ = 0;
  double min_d_ = 0, max_d_ = 0;
  std::string min_s_, max_s_;
};

}  // namespace bundlebase::parquet
