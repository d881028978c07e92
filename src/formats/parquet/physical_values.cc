// Array values -> Parquet physical values: in place where the layouts agree, else one pass.
#include "formats/parquet/physical_values.h"

#include <cstring>
#include <limits>

#include "base/strings.h"
#include "columnar/bitmap.h"

namespace bundlebase::parquet {
namespace {

// Writes `count` values of `in` (at `rows`, or 0..count) converted by `fn(In, Out*) -> bool`
// into `storage`; returns the position of the first value fn refused, or -1.
template <typename Out, typename In, typename Fn>
int64_t ConvertInto(const In* in, const int64_t* rows, int64_t count,
                    std::vector<uint8_t>* storage, Fn&& fn) {
  storage->resize(static_cast<size_t>(count) * sizeof(Out));
  Out* out = reinterpret_cast<Out*>(storage->data());
  for (int64_t i = 0; i < count; ++i) {
    if (!fn(in[rows ? rows[i] : i], &out[i])) return rows ? rows[i] : i;
  }
  return -1;
}

template <typename T>
int64_t Gather(const T* in, const int64_t* rows, int64_t count, std::vector<uint8_t>* storage) {
  return ConvertInto<T>(in, rows, count, storage, [](T v, T* o) {
    *o = v;
    return true;
  });
}

template <typename Out>
auto Widen() {
  return [](auto v, Out* o) {
    *o = static_cast<Out>(v);
    return true;
  };
}

// Multiplies into a wider unit; false on overflow.
auto Scale(int64_t factor) {
  return [factor](int64_t v, int64_t* o) { return !__builtin_mul_overflow(v, factor, o); };
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (the reader's form) or 32 hex digits.
bool ParseUuid(std::string_view text, uint8_t* out) {
  const bool dashed = text.size() == 36;
  if (!dashed && text.size() != 32) return false;
  size_t pos = 0;
  for (int i = 0; i < 16; ++i) {
    if (dashed && (i == 4 || i == 6 || i == 8 || i == 10)) {
      if (text[pos++] != '-') return false;
    }
    int hi = HexDigit(text[pos++]);
    int lo = HexDigit(text[pos++]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

}  // namespace

PhysicalValues PhysicalValues::FixedView(Type type, int width, const uint8_t* data,
                                         int64_t count) {
  PhysicalValues v;
  v.type_ = type;
  v.width_ = width;
  v.fixed_ = data;
  v.count_ = count;
  return v;
}

PhysicalValues PhysicalValues::ByteArrayView(std::vector<std::string_view> views) {
  PhysicalValues v;
  v.type_ = Type::kByteArray;
  v.count_ = static_cast<int64_t>(views.size());
  v.views_ = std::move(views);
  return v;
}

Result<PhysicalValues> PhysicalValues::Make(const LeafColumn& leaf, const Array& array,
                                            const int64_t* rows, int64_t count) {
  PhysicalValues v;
  v.type_ = leaf.physical_type;
  v.count_ = count;
  v.width_ = leaf.physical_type == Type::kFixedLenByteArray ? leaf.type_length
                                                             : FixedTypeWidth(leaf.physical_type);
  const DataType& type = *array.type();
  auto bad_value = [&](int64_t row, std::string_view why) {
    return Status::Invalid("Parquet column '{}': the value at row {} {}", leaf.dotted_path, row,
                           why);
  };
  // Values used in place, or gathered at `rows`.
  auto direct = [&](auto* typed) -> Status {
    using T = std::remove_const_t<std::remove_pointer_t<decltype(typed)>>;
    if (rows == nullptr) {
      v.fixed_ = reinterpret_cast<const uint8_t*>(typed);
    } else {
      Gather<T>(typed, rows, count, &v.storage_);
      v.fixed_ = v.storage_.data();
    }
    return Status::OK();
  };
  auto converted = [&](int64_t failed, std::string_view why) -> Status {
    if (failed >= 0) return bad_value(failed, why);
    v.fixed_ = v.storage_.data();
    return Status::OK();
  };
  switch (type.id()) {
    case TypeId::kNull:
      if (count != 0) return Status::Internal("a null column with {} values", count);
      return v;
    case TypeId::kBool:
      if (rows == nullptr) {
        v.bits_ = array.buffers()[1]->data();
        v.bit_offset_ = array.offset();
      } else {
        v.storage_.assign(static_cast<size_t>(bitmap::BytesForBits(count)), 0);
        const uint8_t* in = array.buffers()[1]->data();
        for (int64_t i = 0; i < count; ++i) {
          if (bitmap::GetBit(in, array.offset() + rows[i])) bitmap::SetBit(v.storage_.data(), i);
        }
        v.bits_ = v.storage_.data();
      }
      return v;
    case TypeId::kInt8:
      BB_RETURN_NOT_OK(converted(
          ConvertInto<int32_t>(array.values<int8_t>(), rows, count, &v.storage_, Widen<int32_t>()),
          ""));
      return v;
    case TypeId::kInt16:
      BB_RETURN_NOT_OK(converted(ConvertInto<int32_t>(array.values<int16_t>(), rows, count,
                                                      &v.storage_, Widen<int32_t>()),
                                 ""));
      return v;
    case TypeId::kUInt8:
      BB_RETURN_NOT_OK(converted(ConvertInto<int32_t>(array.values<uint8_t>(), rows, count,
                                                      &v.storage_, Widen<int32_t>()),
                                 ""));
      return v;
    case TypeId::kUInt16:
      BB_RETURN_NOT_OK(converted(ConvertInto<int32_t>(array.values<uint16_t>(), rows, count,
                                                      &v.storage_, Widen<int32_t>()),
                                 ""));
      return v;
    case TypeId::kInt32:
    case TypeId::kUInt32:
    case TypeId::kDate32:
    case TypeId::kFloat32:
      BB_RETURN_NOT_OK(direct(array.values<int32_t>()));
      return v;
    case TypeId::kInt64:
    case TypeId::kUInt64:
    case TypeId::kFloat64:
      BB_RETURN_NOT_OK(direct(array.values<int64_t>()));
      return v;
    case TypeId::kTime64:
    case TypeId::kTimestamp: {
      // Parquet has no second unit, and TIME on INT64 has no milliseconds: those are stored in
      // the next unit the schema chose (schema_conversion.cc).
      int64_t factor = 1;
      if (type.id() == TypeId::kTimestamp && type.unit() == TimeUnit::kSecond) factor = 1000;
      if (type.id() == TypeId::kTime64 && type.unit() == TimeUnit::kSecond) factor = 1000000;
      if (type.id() == TypeId::kTime64 && type.unit() == TimeUnit::kMilli) factor = 1000;
      if (factor == 1) {
        BB_RETURN_NOT_OK(direct(array.values<int64_t>()));
      } else {
        BB_RETURN_NOT_OK(converted(
            ConvertInto<int64_t>(array.values<int64_t>(), rows, count, &v.storage_, Scale(factor)),
            "is out of range once converted to the stored unit"));
      }
      return v;
    }
    case TypeId::kDecimal128: {
      const __int128* in = array.values<__int128>();
      if (leaf.physical_type == Type::kInt32) {
        BB_RETURN_NOT_OK(converted(
            ConvertInto<int32_t>(in, rows, count, &v.storage_,
                                 [](__int128 d, int32_t* o) {
                                   *o = static_cast<int32_t>(d);
                                   return *o == d;
                                 }),
            "has more digits than the decimal's precision"));
      } else if (leaf.physical_type == Type::kInt64) {
        BB_RETURN_NOT_OK(converted(
            ConvertInto<int64_t>(in, rows, count, &v.storage_,
                                 [](__int128 d, int64_t* o) {
                                   *o = static_cast<int64_t>(d);
                                   return *o == d;
                                 }),
            "has more digits than the decimal's precision"));
      } else {
        // Big-endian two's complement in the schema's width.
        const int w = v.width_;
        v.storage_.resize(static_cast<size_t>(count) * w);
        for (int64_t i = 0; i < count; ++i) {
          const int64_t row = rows ? rows[i] : i;
          const __int128 d = in[row];
          if (w < 16 && (d >> (8 * w - 1)) != 0 && (d >> (8 * w - 1)) != -1) {
            return bad_value(row, "has more digits than the decimal's precision");
          }
          uint8_t* o = v.storage_.data() + i * w;
          for (int b = 0; b < w; ++b) o[w - 1 - b] = static_cast<uint8_t>(d >> (8 * b));
        }
        v.fixed_ = v.storage_.data();
      }
      return v;
    }
    case TypeId::kInterval: {
      // INTERVAL: months, days, milliseconds as three little-endian unsigned 4-byte integers.
      // Parquet has no finer unit, so nanoseconds are truncated to milliseconds, and no sign.
      const MonthDayNano* in = array.values<MonthDayNano>();
      v.storage_.resize(static_cast<size_t>(count) * 12);
      for (int64_t i = 0; i < count; ++i) {
        const int64_t row = rows ? rows[i] : i;
        const MonthDayNano& iv = in[row];
        const int64_t millis = iv.nanoseconds / 1000000;
        if (iv.months < 0 || iv.days < 0 || iv.nanoseconds < 0) {
          return bad_value(row, "is a negative interval, which Parquet's INTERVAL cannot hold");
        }
        if (millis > std::numeric_limits<uint32_t>::max()) {
          return bad_value(row, "has a time part too large for a Parquet INTERVAL");
        }
        const uint32_t parts[3] = {static_cast<uint32_t>(iv.months),
                                   static_cast<uint32_t>(iv.days), static_cast<uint32_t>(millis)};
        std::memcpy(v.storage_.data() + i * 12, parts, 12);
      }
      v.fixed_ = v.storage_.data();
      return v;
    }
    case TypeId::kUtf8:
    case TypeId::kBinary:
      if (leaf.physical_type == Type::kFixedLenByteArray) {  // UUID
        v.storage_.resize(static_cast<size_t>(count) * 16);
        for (int64_t i = 0; i < count; ++i) {
          const int64_t row = rows ? rows[i] : i;
          if (!ParseUuid(array.GetView(row), v.storage_.data() + i * 16)) {
            return bad_value(row, fmt::format("('{}') is not a UUID",
                                              EscapeForDisplay(array.GetView(row), 40)));
          }
        }
        v.fixed_ = v.storage_.data();
        return v;
      }
      v.views_.resize(static_cast<size_t>(count));
      if (rows == nullptr) {
        const int32_t* offsets = array.offsets();
        const char* data = array.buffers()[2] ? array.buffers()[2]->data_as<char>() : nullptr;
        for (int64_t i = 0; i < count; ++i) {
          v.views_[i] = std::string_view(data + offsets[i],
                                         static_cast<size_t>(offsets[i + 1] - offsets[i]));
        }
      } else {
        for (int64_t i = 0; i < count; ++i) v.views_[i] = array.GetView(rows[i]);
      }
      return v;
    case TypeId::kList:
    case TypeId::kStruct:
      break;
  }
  return Status::Internal("Parquet column '{}': no physical form for {}", leaf.dotted_path,
                          type.ToString());
}

}  // namespace bundlebase::parquet
