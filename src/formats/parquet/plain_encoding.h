// PLAIN encoding (Encodings.md, PLAIN = 0) for every physical type: little-endian fixed-width
// values (INT32, INT64, INT96, FLOAT, DOUBLE, FIXED_LEN_BYTE_ARRAY), LSB-first bit-packed
// BOOLEANs, and BYTE_ARRAYs as a 4-byte length before each value's bytes.
//
// The decoder is a cursor over one page's values: each call decodes the next `count` values
// straight into the caller's column memory (values buffer, Arrow bitmap, or BinaryBuilder), so a
// reader interleaving runs of nulls and values calls it once per run of values. A call whose
// values run past the end of the page fails and leaves the cursor where it was. Dictionary pages
// are PLAIN too; their byte arrays come back as views into the page, since a dictionary is
// looked up, not copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bundlebase/result.h"
#include "columnar/builder.h"

namespace bundlebase::parquet {

class PlainDecoder {
 public:
  PlainDecoder() = default;
  PlainDecoder(const uint8_t* data, size_t size) : pos_(data), end_(data + size) {}

  // Bytes not yet decoded (booleans count whole bytes still untouched).
  size_t remaining() const { return static_cast<size_t>(end_ - pos_); }

  // The next `count` values of `width` bytes each, copied to `out`.
  Status DecodeFixed(int width, int64_t count, void* out);
  template <typename T>
  Status Decode(T* out, int64_t count) {
    return DecodeFixed(static_cast<int>(sizeof(T)), count, out);
  }

  // The next `count` BOOLEANs, written as bits [out_offset, out_offset + count) of an Arrow
  // (LSB-first) bitmap; other bits of `out_bits` are kept.
  Status DecodeBooleans(int64_t count, uint8_t* out_bits, int64_t out_offset);

  // The next `count` BYTE_ARRAYs as views into the page.
  Status DecodeByteArrays(int64_t count, std::string_view* out);
  // The next `count` BYTE_ARRAYs appended to `out` (one copy, sized up front).
  Status DecodeByteArrays(int64_t count, BinaryBuilder* out);

 private:
  Status Truncated(int64_t count, std::string_view what) const;

  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
  int64_t bit_offset_ = 0;  // booleans: bits of *pos_ already decoded
};

// Appends `count` values of `width` bytes (the PLAIN form of every fixed-width type).
void EncodePlainFixed(const void* values, int width, int64_t count, std::string* out);

// Appends `count` BYTE_ARRAYs given as Arrow offsets (count + 1 of them) into `data`.
void EncodePlainByteArrays(const int32_t* offsets, const uint8_t* data, int64_t count,
                           std::string* out);

// PLAIN BOOLEANs of one page: bits are appended across calls and the last byte is padded with
// zeros. Appends to `out` from its size at construction.
class PlainBooleanEncoder {
 public:
  explicit PlainBooleanEncoder(std::string* out) : out_(out), start_(out->size()) {}
  // Appends bits [offset, offset + count) of an Arrow bitmap.
  void Put(const uint8_t* bits, int64_t offset, int64_t count);
  int64_t count() const { return count_; }

 private:
  std::string* out_;
  size_t start_;
  int64_t count_ = 0;
};

// Copies `length` bits between LSB-first bitmaps at any bit offsets, a byte at a time; bits of
// `dst` outside the range are kept. Reads no byte of `src` past the last bit copied.
void CopyBitmap(const uint8_t* src, int64_t src_offset, int64_t length, uint8_t* dst,
                int64_t dst_offset);

}  // namespace bundlebase::parquet
