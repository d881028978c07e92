// Physical -> logical value conversion for one decoded column chunk.
#include "formats/parquet/leaf_conversion.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "base/strings.h"

namespace bundlebase::parquet {
namespace {

constexpr int64_t kJulianDayOfEpoch = 2440588;
constexpr int64_t kNanosPerDay = int64_t{86400} * 1000000000;

ArrayPtr FixedArray(const DataTypePtr& type, int64_t count, BufferPtr values) {
  return std::make_shared<Array>(type, count, std::vector<BufferPtr>{nullptr, std::move(values)},
                                 0);
}

template <typename Out, typename In>
Result<ArrayPtr> Narrow(const DataTypePtr& type, int64_t count, const uint8_t* data,
                        const std::string& where) {
  BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * sizeof(Out)));
  const In* in = reinterpret_cast<const In*>(data);
  Out* o = out->mutable_data_as<Out>();
  for (int64_t i = 0; i < count; ++i) {
    In v = in[i];
    if (v < static_cast<In>(std::numeric_limits<Out>::min()) ||
        v > static_cast<In>(std::numeric_limits<Out>::max())) {
      return Status::Invalid("{}: value {} does not fit the column's type {}", where, v,
                             type->ToString());
    }
    o[i] = static_cast<Out>(v);
  }
  return FixedArray(type, count, std::move(out));
}

float HalfToFloat(uint16_t h) {
  const int sign = h >> 15;
  const int exponent = (h >> 10) & 0x1f;
  const int mantissa = h & 0x3ff;
  float v;
  if (exponent == 0) {
    v = std::ldexp(static_cast<float>(mantissa), -24);
  } else if (exponent == 31) {
    v = mantissa ? std::numeric_limits<float>::quiet_NaN() : std::numeric_limits<float>::infinity();
  } else {
    v = std::ldexp(static_cast<float>(mantissa | 0x400), exponent - 25);
  }
  return sign ? -v : v;
}

// Big-endian two's complement, 1..16 bytes, sign-extended.
__int128 BigEndianToInt128(const uint8_t* p, size_t n) {
  unsigned __int128 v = (p[0] & 0x80) ? ~static_cast<unsigned __int128>(0) : 0;
  for (size_t i = 0; i < n; ++i) v = (v << 8) | p[i];
  return static_cast<__int128>(v);
}

// The nearest double to a big-endian two's complement integer of any width, scaled down by
// 10^scale: printed as exact decimal text, then parsed, so the rounding is strtod's (correct).
double WideDecimalToDouble(const uint8_t* p, size_t n, int scale) {
  std::vector<uint8_t> mag(p, p + n);
  const bool negative = n > 0 && (mag[0] & 0x80);
  if (negative) {  // two's complement negate
    for (auto& b : mag) b = static_cast<uint8_t>(~b);
    for (size_t i = n; i-- > 0;) {
      if (++mag[i] != 0) break;
    }
  }
  std::string digits;
  bool nonzero = true;
  while (nonzero) {
    nonzero = false;
    unsigned rem = 0;
    for (auto& b : mag) {
      unsigned cur = (rem << 8) | b;
      b = static_cast<uint8_t>(cur / 10);
      rem = cur % 10;
      nonzero |= b != 0;
    }
    digits.push_back(static_cast<char>('0' + rem));
  }
  std::string text(digits.rbegin(), digits.rend());
  text += "e-" + std::to_string(scale);
  double v = std::strtod(text.c_str(), nullptr);
  return negative ? -v : v;
}

std::string UuidText(const uint8_t* p) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[p[i] >> 4];
    out += kHex[p[i] & 15];
  }
  return out;
}

Result<ArrayPtr> ConvertFixedBytes(const LeafColumn& leaf, int64_t count, const uint8_t* data,
                                   const std::string& where) {
  const int w = leaf.type_length;
  switch (leaf.conversion) {
    case LeafConversion::kUuid: {
      BinaryBuilder b(Utf8());
      BB_RETURN_NOT_OK(b.Reserve(count));
      BB_RETURN_NOT_OK(b.ReserveData(count * 36));
      for (int64_t i = 0; i < count; ++i) b.UnsafeAppend(UuidText(data + i * 16));
      return b.Finish();
    }
    case LeafConversion::kFloat16: {
      BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 4));
      float* o = out->mutable_data_as<float>();
      for (int64_t i = 0; i < count; ++i) {
        uint16_t h;
        std::memcpy(&h, data + i * 2, 2);
        o[i] = HalfToFloat(h);
      }
      return FixedArray(leaf.type, count, std::move(out));
    }
    case LeafConversion::kIntervalMillis: {
      BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 16));
      MonthDayNano* o = out->mutable_data_as<MonthDayNano>();
      for (int64_t i = 0; i < count; ++i) {
        uint32_t parts[3];
        std::memcpy(parts, data + i * 12, 12);
        o[i] = MonthDayNano{static_cast<int32_t>(parts[0]), static_cast<int32_t>(parts[1]),
                            int64_t{parts[2]} * 1000000};
      }
      return FixedArray(leaf.type, count, std::move(out));
    }
    case LeafConversion::kWideDecimal: {
      BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 8));
      for (int64_t i = 0; i < count; ++i) {
        out->mutable_data_as<double>()[i] = WideDecimalToDouble(data + i * w, w, leaf.decimal_scale);
      }
      return FixedArray(leaf.type, count, std::move(out));
    }
    case LeafConversion::kDecimalBytes: {
      if (w > 16) {
        return Status::NotImplemented("{}: decimals stored in {} bytes are not supported", where, w);
      }
      BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 16));
      __int128* o = out->mutable_data_as<__int128>();
      for (int64_t i = 0; i < count; ++i) o[i] = BigEndianToInt128(data + i * w, w);
      return FixedArray(leaf.type, count, std::move(out));
    }
    default: {
      // Plain binary: synthesize offsets over the same bytes.
      if (static_cast<int64_t>(w) * count > std::numeric_limits<int32_t>::max()) {
        return Status::ResourceExhausted("{}: column chunk too large for one array", where);
      }
      BB_ASSIGN_OR_RAISE(auto offsets,
                         MutableBuffer::Allocate(static_cast<size_t>(count + 1) * 4));
      int32_t* o = offsets->mutable_data_as<int32_t>();
      for (int64_t i = 0; i <= count; ++i) o[i] = static_cast<int32_t>(i * w);
      auto bytes = Buffer::Copy(data, static_cast<size_t>(count * w));
      return std::make_shared<Array>(leaf.type, count,
                                     std::vector<BufferPtr>{nullptr, std::move(offsets), bytes},
                                     0);
    }
  }
}

Result<ArrayPtr> ConvertByteArrays(const LeafColumn& leaf, int64_t count, const ArrayPtr& raw,
                                   bool utf8_checked, const std::string& where) {
  if (raw->length() != count) {
    return Status::Internal("{}: decoded {} byte arrays, expected {}", where, raw->length(), count);
  }
  if (leaf.conversion == LeafConversion::kWideDecimal) {
    BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 8));
    for (int64_t i = 0; i < count; ++i) {
      std::string_view v = raw->GetView(i);
      out->mutable_data_as<double>()[i] =
          v.empty() ? 0.0
                    : WideDecimalToDouble(reinterpret_cast<const uint8_t*>(v.data()), v.size(),
                                          leaf.decimal_scale);
    }
    return FixedArray(leaf.type, count, std::move(out));
  }
  if (leaf.conversion == LeafConversion::kDecimalBytes) {
    BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 16));
    __int128* o = out->mutable_data_as<__int128>();
    for (int64_t i = 0; i < count; ++i) {
      std::string_view v = raw->GetView(i);
      if (v.size() > 16) {
        return Status::Invalid("{}: a decimal of {} bytes in a column of at most 38 digits",
                               where, v.size());
      }
      // Some writers store zero as no bytes at all.
      o[i] = v.empty() ? 0
                       : BigEndianToInt128(reinterpret_cast<const uint8_t*>(v.data()), v.size());
    }
    return FixedArray(leaf.type, count, std::move(out));
  }
  if (leaf.type->id() == TypeId::kUtf8 && !utf8_checked) {
    std::string_view all = raw->buffers()[2] ? raw->buffers()[2]->view() : std::string_view();
    size_t bad = ValidateUtf8(all);
    if (bad != std::string_view::npos) {
      const int32_t* off = raw->offsets();
      int64_t row = std::upper_bound(off, off + count + 1, static_cast<int32_t>(bad)) - off - 1;
      return Status::Invalid("{}: value {} of the chunk is not valid UTF-8 (byte {}: {})", where,
                             row, bad - off[row], EscapeForDisplay(raw->GetView(row), 60));
    }
  }
  return std::make_shared<Array>(leaf.type, count, raw->buffers(), 0);
}

}  // namespace

Result<ArrayPtr> ConvertLeafValues(const LeafColumn& leaf, int64_t count,
                                   const std::shared_ptr<MutableBuffer>& fixed,
                                   const ArrayPtr& bytes, bool utf8_checked,
                                   const std::string& where) {
  if (leaf.type->id() == TypeId::kNull) return MakeNullArray(leaf.type, 0);
  if (leaf.physical_type == Type::kByteArray) {
    if (bytes) return ConvertByteArrays(leaf, count, bytes, utf8_checked, where);
    BB_ASSIGN_OR_RAISE(ArrayPtr empty, MakeNullArray(Binary(), 0));
    return ConvertByteArrays(leaf, count, empty, true, where);
  }
  std::shared_ptr<MutableBuffer> values = fixed ? fixed : std::make_shared<MutableBuffer>();
  const uint8_t* data = values->data();
  switch (leaf.physical_type) {
    case Type::kBoolean:
      values->UnsafeSetSize(bitmap::BytesForBits(count));
      return FixedArray(leaf.type, count, values);
    case Type::kInt32:
      switch (leaf.conversion) {
        case LeafConversion::kTimeMillis: {
          BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 8));
          const int32_t* in = reinterpret_cast<const int32_t*>(data);
          for (int64_t i = 0; i < count; ++i) out->mutable_data_as<int64_t>()[i] = int64_t{in[i]} * 1000;
          return FixedArray(leaf.type, count, std::move(out));
        }
        case LeafConversion::kDecimalInt32: {
          BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 16));
          const int32_t* in = reinterpret_cast<const int32_t*>(data);
          for (int64_t i = 0; i < count; ++i) out->mutable_data_as<__int128>()[i] = in[i];
          return FixedArray(leaf.type, count, std::move(out));
        }
        default: break;
      }
      switch (leaf.type->id()) {
        case TypeId::kInt8: return Narrow<int8_t, int32_t>(leaf.type, count, data, where);
        case TypeId::kInt16: return Narrow<int16_t, int32_t>(leaf.type, count, data, where);
        case TypeId::kUInt8: return Narrow<uint8_t, uint32_t>(leaf.type, count, data, where);
        case TypeId::kUInt16: return Narrow<uint16_t, uint32_t>(leaf.type, count, data, where);
        default:
          values->UnsafeSetSize(static_cast<size_t>(count) * 4);
          return FixedArray(leaf.type, count, values);
      }
    case Type::kInt64:
      if (leaf.conversion == LeafConversion::kDecimalInt64) {
        BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 16));
        const int64_t* in = reinterpret_cast<const int64_t*>(data);
        for (int64_t i = 0; i < count; ++i) out->mutable_data_as<__int128>()[i] = in[i];
        return FixedArray(leaf.type, count, std::move(out));
      }
      values->UnsafeSetSize(static_cast<size_t>(count) * 8);
      return FixedArray(leaf.type, count, values);
    case Type::kFloat:
      values->UnsafeSetSize(static_cast<size_t>(count) * 4);
      return FixedArray(leaf.type, count, values);
    case Type::kDouble:
      values->UnsafeSetSize(static_cast<size_t>(count) * 8);
      return FixedArray(leaf.type, count, values);
    case Type::kInt96: {
      BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(static_cast<size_t>(count) * 8));
      int64_t* o = out->mutable_data_as<int64_t>();
      for (int64_t i = 0; i < count; ++i) {
        int64_t nanos;
        int32_t julian_day;
        std::memcpy(&nanos, data + i * 12, 8);
        std::memcpy(&julian_day, data + i * 12 + 8, 4);
        o[i] = (int64_t{julian_day} - kJulianDayOfEpoch) * kNanosPerDay + nanos;
      }
      return FixedArray(leaf.type, count, std::move(out));
    }
    case Type::kFixedLenByteArray:
      return ConvertFixedBytes(leaf, count, data, where);
    default:
      break;
  }
  return Status::NotImplemented("{}: physical type {} is not supported", where,
                                TypeName(leaf.physical_type));
}

}  // namespace bundlebase::parquet
