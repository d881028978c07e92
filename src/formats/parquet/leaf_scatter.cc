// Leaf scatter: word-at-a-time copies for fixed-width values, new offsets for strings.
#include "formats/parquet/leaf_scatter.h"

#include <cstring>

namespace bundlebase::parquet {
namespace {

// Copies value after value into the valid slots; a word of 64 valid slots is one memcpy.
template <int kWidth>
void ScatterFixed(const uint8_t* src, const uint8_t* bits, int64_t n, uint8_t* dst) {
  int64_t next = 0;
  const int64_t words = n / 64;
  for (int64_t w = 0; w < words; ++w) {
    uint64_t word;
    std::memcpy(&word, bits + w * 8, 8);
    uint8_t* out = dst + w * 64 * kWidth;
    if (word == ~uint64_t{0}) {
      std::memcpy(out, src + next * kWidth, 64 * kWidth);
      next += 64;
      continue;
    }
    while (word != 0) {
      const int bit = __builtin_ctzll(word);
      std::memcpy(out + bit * kWidth, src + next * kWidth, kWidth);
      ++next;
      word &= word - 1;
    }
  }
  for (int64_t s = words * 64; s < n; ++s) {
    if (bitmap::GetBit(bits, s)) {
      std::memcpy(dst + s * kWidth, src + next * kWidth, kWidth);
      ++next;
    }
  }
}

void ScatterAnyWidth(const uint8_t* src, int width, const uint8_t* bits, int64_t n, uint8_t* dst) {
  int64_t next = 0;
  for (int64_t s = 0; s < n; ++s) {
    if (bitmap::GetBit(bits, s)) std::memcpy(dst + s * width, src + (next++) * width, width);
  }
}

}  // namespace

Result<BufferPtr> ValidityFromLevels(const int16_t* def, int64_t count, int16_t level,
                                     int64_t* null_count) {
  BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(bitmap::BytesForBits(count), true));
  uint8_t* b = bits->mutable_data();
  int64_t valid = 0;
  const int64_t bytes = count / 8;
  for (int64_t k = 0; k < bytes; ++k) {
    uint8_t byte = 0;
    for (int j = 0; j < 8; ++j) {
      const int bit = def[k * 8 + j] >= level;
      byte |= static_cast<uint8_t>(bit << j);
      valid += bit;
    }
    b[k] = byte;
  }
  for (int64_t i = bytes * 8; i < count; ++i) {
    if (def[i] >= level) {
      bitmap::SetBit(b, i);
      ++valid;
    }
  }
  *null_count = count - valid;
  if (*null_count == 0) return BufferPtr();
  return BufferPtr(std::move(bits));
}

Result<ArrayPtr> ScatterLeafValues(const ArrayPtr& values, BufferPtr validity, int64_t n,
                                   int64_t null_count) {
  if (values->type_id() == TypeId::kNull) return MakeNullArray(values->type(), n);
  if (null_count == 0 || !validity) return values;
  const uint8_t* bits = validity->data();
  switch (values->type_id()) {
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      // Null slots become empty spans between the valid ones: the bytes stay where they are.
      BB_ASSIGN_OR_RAISE(auto offsets, MutableBuffer::Allocate((n + 1) * sizeof(int32_t)));
      int32_t* out = offsets->mutable_data_as<int32_t>();
      const int32_t* in = values->offsets();
      int64_t next = 0;
      for (int64_t s = 0; s < n; ++s) {
        out[s] = in[next];
        next += bitmap::GetBit(bits, s);
      }
      out[n] = in[next];
      return std::make_shared<Array>(
          values->type(), n,
          std::vector<BufferPtr>{std::move(validity), std::move(offsets), values->buffers()[2]},
          null_count);
    }
    case TypeId::kBool: {
      BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(bitmap::BytesForBits(n), true));
      int64_t next = 0;
      for (int64_t s = 0; s < n; ++s) {
        if (bitmap::GetBit(bits, s) && values->GetBool(next++)) bitmap::SetBit(out->mutable_data(), s);
      }
      return std::make_shared<Array>(values->type(), n,
                                     std::vector<BufferPtr>{std::move(validity), std::move(out)},
                                     null_count);
    }
    default:
      break;
  }
  const int width = values->type()->byte_width();
  if (width <= 0) {
    return Status::Internal("cannot scatter values of type {}", values->type()->ToString());
  }
  BB_ASSIGN_OR_RAISE(auto data, MutableBuffer::Allocate(static_cast<size_t>(n) * width, true));
  const uint8_t* src = values->buffers()[1]->data() + values->offset() * width;
  uint8_t* dst = data->mutable_data();
  switch (width) {
    case 1: ScatterFixed<1>(src, bits, n, dst); break;
    case 2: ScatterFixed<2>(src, bits, n, dst); break;
    case 4: ScatterFixed<4>(src, bits, n, dst); break;
    case 8: ScatterFixed<8>(src, bits, n, dst); break;
    case 16: ScatterFixed<16>(src, bits, n, dst); break;
    default: ScatterAnyWidth(src, width, bits, n, dst); break;
  }
  return std::make_shared<Array>(values->type(), n,
                                 std::vector<BufferPtr>{std::move(validity), std::move(data)},
                                 null_count);
}

}  // namespace bundlebase::parquet
