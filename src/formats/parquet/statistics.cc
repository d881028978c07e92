// Statistics decoding: physical little-endian / big-endian bytes to Scalars of the leaf type.
#include "formats/parquet/statistics.h"

#include <cmath>
#include <cstring>

#include "base/strings.h"

namespace bundlebase::parquet {
namespace {

template <typename T>
bool ReadLE(const std::string& bytes, T* out) {
  if (bytes.size() != sizeof(T)) return false;
  std::memcpy(out, bytes.data(), sizeof(T));
  return true;
}

// Big-endian two's complement of 1..16 bytes, sign-extended.
bool ReadBigEndianInt128(const std::string& bytes, __int128* out) {
  if (bytes.empty() || bytes.size() > 16) return false;
  unsigned __int128 v = (static_cast<uint8_t>(bytes[0]) & 0x80) ? ~static_cast<unsigned __int128>(0) : 0;
  for (char c : bytes) v = (v << 8) | static_cast<uint8_t>(c);
  *out = static_cast<__int128>(v);
  return true;
}

std::optional<Scalar> DecodeValue(const LeafColumn& leaf, const std::string& bytes) {
  const DataTypePtr& type = leaf.type;
  switch (leaf.conversion) {
    case LeafConversion::kDecimalInt32: {
      int32_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, static_cast<__int128>(v));
    }
    case LeafConversion::kDecimalInt64: {
      int64_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, static_cast<__int128>(v));
    }
    case LeafConversion::kDecimalBytes: {
      __int128 v;
      if (!ReadBigEndianInt128(bytes, &v)) return std::nullopt;
      return Scalar(type, v);
    }
    case LeafConversion::kTimeMillis: {
      int32_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, int64_t{v} * 1000);
    }
    case LeafConversion::kDirect:
      break;
    default:
      return std::nullopt;  // INT96, UUID, FLOAT16, INTERVAL: no usable order
  }
  switch (type->id()) {
    case TypeId::kBool:
      if (bytes.size() != 1) return std::nullopt;
      return Scalar(type, bytes[0] != 0);
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kDate32: {
      int32_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, int64_t{v});
    }
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32: {
      uint32_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, uint64_t{v});
    }
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: {
      int64_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, v);
    }
    case TypeId::kUInt64: {
      uint64_t v;
      if (!ReadLE(bytes, &v)) return std::nullopt;
      return Scalar(type, v);
    }
    case TypeId::kFloat32: {
      float v;
      if (!ReadLE(bytes, &v) || std::isnan(v)) return std::nullopt;
      return Scalar(type, double{v});
    }
    case TypeId::kFloat64: {
      double v;
      if (!ReadLE(bytes, &v) || std::isnan(v)) return std::nullopt;
      return Scalar(type, v);
    }
    case TypeId::kUtf8:
      if (ValidateUtf8(bytes) != std::string_view::npos) return std::nullopt;
      return Scalar(type, bytes);
    case TypeId::kBinary:
      return Scalar(type, bytes);
    default:
      return std::nullopt;
  }
}

}  // namespace

ColumnStatistics DecodeStatistics(const LeafColumn& leaf, const parquet::Statistics& stats,
                                  bool type_defined_order) {
  ColumnStatistics out;
  if (stats.null_count && *stats.null_count >= 0) out.null_count = stats.null_count;
  const std::optional<std::string>* min = nullptr;
  const std::optional<std::string>* max = nullptr;
  if (stats.min_value || stats.max_value) {
    min = &stats.min_value;
    max = &stats.max_value;
  } else if (!leaf.unsigned_order && !type_defined_order &&
             leaf.physical_type != Type::kByteArray &&
             leaf.physical_type != Type::kFixedLenByteArray) {
    // The deprecated fields are only right where signed comparison is the type's order.
    min = &stats.min;
    max = &stats.max;
  }
  if (min && *min) out.min = DecodeValue(leaf, **min);
  if (max && *max) out.max = DecodeValue(leaf, **max);
  return out;
}

}  // namespace bundlebase::parquet
