// PLAIN decoding and encoding, and the unaligned bitmap copy PLAIN booleans need.
#include "formats/parquet/plain_encoding.h"

#include <cstring>

#include "columnar/bitmap.h"

namespace bundlebase::parquet {

void CopyBitmap(const uint8_t* src, int64_t src_offset, int64_t length, uint8_t* dst,
                int64_t dst_offset) {
  // Single bits until the destination is byte-aligned, whole bytes, then the last bits.
  while (length > 0 && (dst_offset & 7) != 0) {
    bitmap::SetBitTo(dst, dst_offset++, bitmap::GetBit(src, src_offset++));
    --length;
  }
  uint8_t* d = dst + (dst_offset >> 3);
  const uint8_t* s = src + (src_offset >> 3);
  const int shift = static_cast<int>(src_offset & 7);
  const int64_t whole = length >> 3;
  if (shift == 0) {
    std::memcpy(d, s, static_cast<size_t>(whole));
  } else {
    // Byte i takes its low bits from s[i] and its high bits from s[i + 1], which still holds
    // bits being copied, so nothing past the source range is read.
    for (int64_t i = 0; i < whole; ++i) {
      d[i] = static_cast<uint8_t>((s[i] >> shift) | (s[i + 1] << (8 - shift)));
    }
  }
  for (int64_t i = whole * 8; i < length; ++i) {
    bitmap::SetBitTo(dst, dst_offset + i, bitmap::GetBit(src, src_offset + i));
  }
}

Status PlainDecoder::Truncated(int64_t count, std::string_view what) const {
  return Status::Invalid("PLAIN data ends before its {} {} (page truncated or corrupt)", count,
                         what);
}

Status PlainDecoder::DecodeFixed(int width, int64_t count, void* out) {
  if (width <= 0 || count < 0) {
    return Status::Invalid("PLAIN: cannot decode {} values of width {}", count, width);
  }
  if (count > static_cast<int64_t>(remaining()) / width) return Truncated(count, "values");
  size_t bytes = static_cast<size_t>(count) * static_cast<size_t>(width);
  if (bytes > 0) std::memcpy(out, pos_, bytes);
  pos_ += bytes;
  return Status::OK();
}

Status PlainDecoder::DecodeBooleans(int64_t count, uint8_t* out_bits, int64_t out_offset) {
  if (count < 0) return Status::Invalid("PLAIN: cannot decode {} booleans", count);
  int64_t available = static_cast<int64_t>(remaining()) * 8 - bit_offset_;
  if (count > available) return Truncated(count, "booleans");
  CopyBitmap(pos_, bit_offset_, count, out_bits, out_offset);
  bit_offset_ += count;
  pos_ += bit_offset_ >> 3;
  bit_offset_ &= 7;
  return Status::OK();
}

Status PlainDecoder::DecodeByteArrays(int64_t count, std::string_view* out) {
  const uint8_t* p = pos_;
  for (int64_t i = 0; i < count; ++i) {
    if (end_ - p < 4) return Truncated(count, "byte arrays");
    uint32_t length;
    std::memcpy(&length, p, 4);
    p += 4;
    if (length > static_cast<uint64_t>(end_ - p)) return Truncated(count, "byte arrays");
    out[i] = std::string_view(reinterpret_cast<const char*>(p), length);
    p += length;
  }
  pos_ = p;
  return Status::OK();
}

Status PlainDecoder::DecodeByteArrays(int64_t count, BinaryBuilder* out) {
  // First pass: check every length and size the builder once.
  const uint8_t* p = pos_;
  int64_t total = 0;
  for (int64_t i = 0; i < count; ++i) {
    if (end_ - p < 4) return Truncated(count, "byte arrays");
    uint32_t length;
    std::memcpy(&length, p, 4);
    p += 4;
    if (length > static_cast<uint64_t>(end_ - p)) return Truncated(count, "byte arrays");
    p += length;
    total += length;
  }
  BB_RETURN_NOT_OK(out->Reserve(count));
  BB_RETURN_NOT_OK(out->ReserveData(total));
  p = pos_;
  for (int64_t i = 0; i < count; ++i) {
    uint32_t length;
    std::memcpy(&length, p, 4);
    out->UnsafeAppend(std::string_view(reinterpret_cast<const char*>(p + 4), length));
    p += 4 + length;
  }
  pos_ = p;
  return Status::OK();
}

void EncodePlainFixed(const void* values, int width, int64_t count, std::string* out) {
  out->append(static_cast<const char*>(values), static_cast<size_t>(width * count));
}

void EncodePlainByteArrays(const int32_t* offsets, const uint8_t* data, int64_t count,
                           std::string* out) {
  size_t start = out->size();
  size_t bytes = static_cast<size_t>(offsets[count] - offsets[0]) + 4 * static_cast<size_t>(count);
  out->resize(start + bytes);
  char* p = out->data() + start;
  for (int64_t i = 0; i < count; ++i) {
    uint32_t length = static_cast<uint32_t>(offsets[i + 1] - offsets[i]);
    std::memcpy(p, &length, 4);
    std::memcpy(p + 4, data + offsets[i], length);
    p += 4 + length;
  }
}

void PlainBooleanEncoder::Put(const uint8_t* bits, int64_t offset, int64_t count) {
  int64_t total = count_ + count;
  out_->resize(start_ + static_cast<size_t>(bitmap::BytesForBits(total)), '\0');
  CopyBitmap(bits, offset, count, reinterpret_cast<uint8_t*>(out_->data() + start_), count_);
  count_ = total;
}

}  // namespace bundlebase::parquet
