// StatisticsBuilder: per-type min/max folding and the physical encoding of the result.
#include "formats/parquet/statistics_builder.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "columnar/bitmap.h"

namespace bundlebase::parquet {
namespace {

template <typename T>
std::string LittleEndian(T value) {
  std::string out(sizeof(T), '\0');
  std::memcpy(out.data(), &value, sizeof(T));
  return out;
}

// Signed big-endian numbers of equal width: flipping the sign bit makes them compare as
// unsigned bytes.
bool SignedBytesLess(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.size() < b.size();
  const uint8_t a0 = static_cast<uint8_t>(a[0]) ^ 0x80;
  const uint8_t b0 = static_cast<uint8_t>(b[0]) ^ 0x80;
  if (a0 != b0) return a0 < b0;
  return a.substr(1) < b.substr(1);
}

}  // namespace

StatisticsBuilder::StatisticsBuilder(const LeafColumn& leaf) {
  switch (leaf.physical_type) {
    case Type::kBoolean: order_ = Order::kBool; break;
    case Type::kInt32: order_ = leaf.unsigned_order ? Order::kUInt32 : Order::kInt32; break;
    case Type::kInt64: order_ = leaf.unsigned_order ? Order::kUInt64 : Order::kInt64; break;
    case Type::kFloat: order_ = Order::kFloat; break;
    case Type::kDouble: order_ = Order::kDouble; break;
    case Type::kByteArray: order_ = Order::kBytes; break;
    case Type::kFixedLenByteArray:
      if (leaf.conversion == LeafConversion::kDecimalBytes) {
        order_ = Order::kSignedBytes;
      } else if (leaf.conversion != LeafConversion::kIntervalMillis) {
        order_ = Order::kBytes;
      }
      break;
    default: break;
  }
}

template <typename T, typename Wide>
void StatisticsBuilder::UpdateIntegers(const T* values, int64_t count, Wide* min, Wide* max) {
  T lo = values[0], hi = values[0];
  for (int64_t i = 1; i < count; ++i) {
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  if (!has_values_ || lo < static_cast<T>(*min)) *min = static_cast<Wide>(lo);
  if (!has_values_ || hi > static_cast<T>(*max)) *max = static_cast<Wide>(hi);
  has_values_ = true;
}

template <typename T>
void StatisticsBuilder::UpdateFloats(const T* values, int64_t count) {
  // NaN compares false both ways, so it never becomes the minimum or maximum.
  T lo = std::numeric_limits<T>::infinity(), hi = -std::numeric_limits<T>::infinity();
  for (int64_t i = 0; i < count; ++i) {
    lo = values[i] < lo ? values[i] : lo;
    hi = values[i] > hi ? values[i] : hi;
  }
  if (!(lo <= hi)) return;  // only NaNs
  if (!has_values_ || lo < min_d_) min_d_ = lo;
  if (!has_values_ || hi > max_d_) max_d_ = hi;
  has_values_ = true;
}

void StatisticsBuilder::UpdateBytes(std::string_view value) {
  const bool is_signed = order_ == Order::kSignedBytes;
  if (!has_values_) {
    min_s_.assign(value);
    max_s_.assign(value);
    has_values_ = true;
    return;
  }
  if (is_signed ? SignedBytesLess(value, min_s_) : value < std::string_view(min_s_)) {
    min_s_.assign(value);
  } else if (is_signed ? SignedBytesLess(max_s_, value) : std::string_view(max_s_) < value) {
    max_s_.assign(value);
  }
}

void StatisticsBuilder::Update(const PhysicalValues& values, int64_t offset, int64_t count) {
  if (count <= 0) return;
  switch (order_) {
    case Order::kNone: return;
    case Order::kBool: {
      for (int64_t i = 0; i < count; ++i) {
        const uint64_t bit = bitmap::GetBit(values.bits(), values.bit_offset() + offset + i);
        if (!has_values_) min_u_ = max_u_ = bit;
        min_u_ = std::min(min_u_, bit);
        max_u_ = std::max(max_u_, bit);
        has_values_ = true;
      }
      return;
    }
    case Order::kInt32:
      UpdateIntegers(reinterpret_cast<const int32_t*>(values.fixed()) + offset, count, &min_i_,
                     &max_i_);
      return;
    case Order::kUInt32:
      UpdateIntegers(reinterpret_cast<const uint32_t*>(values.fixed()) + offset, count, &min_u_,
                     &max_u_);
      return;
    case Order::kInt64:
      UpdateIntegers(reinterpret_cast<const int64_t*>(values.fixed()) + offset, count, &min_i_,
                     &max_i_);
      return;
    case Order::kUInt64:
      UpdateIntegers(reinterpret_cast<const uint64_t*>(values.fixed()) + offset, count, &min_u_,
                     &max_u_);
      return;
    case Order::kFloat:
      UpdateFloats(reinterpret_cast<const float*>(values.fixed()) + offset, count);
      return;
    case Order::kDouble:
      UpdateFloats(reinterpret_cast<const double*>(values.fixed()) + offset, count);
      return;
    case Order::kBytes:
    case Order::kSignedBytes:
      if (values.type() == Type::kByteArray) {
        for (int64_t i = 0; i < count; ++i) UpdateBytes(values.views()[offset + i]);
      } else {
        const int w = values.width();
        const char* data = reinterpret_cast<const char*>(values.fixed()) + offset * w;
        for (int64_t i = 0; i < count; ++i) {
          UpdateBytes(std::string_view(data + i * w, static_cast<size_t>(w)));
        }
      }
      return;
  }
}

Statistics StatisticsBuilder::Finish() const {
  Statistics s;
  s.null_count = null_count_;
  if (!has_values_) return s;
  switch (order_) {
    case Order::kNone: return s;
    case Order::kBool:
      s.min_value = std::string(1, static_cast<char>(min_u_));
      s.max_value = std::string(1, static_cast<char>(max_u_));
      break;
    case Order::kInt32:
      s.min_value = LittleEndian(static_cast<int32_t>(min_i_));
      s.max_value = LittleEndian(static_cast<int32_t>(max_i_));
      break;
    case Order::kUInt32:
      s.min_value = LittleEndian(static_cast<uint32_t>(min_u_));
      s.max_value = LittleEndian(static_cast<uint32_t>(max_u_));
      break;
    case Order::kInt64:
      s.min_value = LittleEndian(min_i_);
      s.max_value = LittleEndian(max_i_);
      break;
    case Order::kUInt64:
      s.min_value = LittleEndian(min_u_);
      s.max_value = LittleEndian(max_u_);
      break;
    case Order::kFloat:
    case Order::kDouble: {
      // Zeros compare equal whatever their sign: widen the bounds so both are inside.
      const double lo = min_d_ == 0 ? -0.0 : min_d_;
      const double hi = max_d_ == 0 ? 0.0 : max_d_;
      if (order_ == Order::kFloat) {
        s.min_value = LittleEndian(static_cast<float>(lo));
        s.max_value = LittleEndian(static_cast<float>(hi));
      } else {
        s.min_value = LittleEndian(lo);
        s.max_value = LittleEndian(hi);
      }
      break;
    }
    case Order::kBytes:
    case Order::kSignedBytes:
      if (min_s_.size() > kMaxStatisticsValueBytes || max_s_.size() > kMaxStatisticsValueBytes) {
        return s;
      }
      s.min_value = min_s_;
      s.max_value = max_s_;
      break;
  }
  return s;
}

}  // namespace bundlebase::parquet
