// RLE/bit-packing hybrid: run headers, chunked decoding, the encoder's run decisions, and the
// legacy MSB-first BIT_PACKED level decoder.
#include "formats/parquet/rle_bit_packed.h"

#include <cstring>
#include <limits>

#include "formats/parquet/bit_packing.h"
#include "formats/parquet/varint.h"

namespace bundlebase::parquet {

RleBitPackedDecoder::RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width)
    : pos_(data), end_(data + size), bit_width_(bit_width) {}

Status RleBitPackedDecoder::Error(std::string_view what) const {
  return Status::Invalid("malformed RLE/bit-packed data (bit width {}): {}", bit_width_, what);
}

Status RleBitPackedDecoder::ReadRunHeader() {
  if (bit_width_ < 0 || bit_width_ > 32) return Error("bit width out of range");
  uint32_t header;
  size_t n = DecodeUleb128(pos_, end_, &header);
  if (n == 0) return Error("truncated or overlong run header");
  pos_ += n;
  if (header & 1) {
    int64_t values = int64_t{header >> 1} * 8;
    if (bit_width_ > 0) {
      // A run cut short by the end of the data keeps its whole values.
      int64_t whole = static_cast<int64_t>(end_ - pos_) * 8 / bit_width_;
      values = std::min(values, whole);
    }
    literal_left_ = values;
    return Status::OK();
  }
  int value_bytes = (bit_width_ + 7) / 8;
  if (end_ - pos_ < value_bytes) return Error("truncated repeated value");
  uint32_t value = 0;
  std::memcpy(&value, pos_, static_cast<size_t>(value_bytes));
  pos_ += value_bytes;
  if (bit_width_ < 32 && (value >> bit_width_) != 0) {
    return Error("repeated value wider than the bit width");
  }
  repeat_value_ = value;
  repeat_left_ = header >> 1;
  return Status::OK();
}

Status RleBitPackedDecoder::NextChunk(int64_t max, Chunk* chunk) {
  while (true) {
    if (buffer_pos_ < buffered_) {
      int64_t n = std::min<int64_t>(max, buffered_ - buffer_pos_);
      *chunk = Chunk{false, 0, buffer_ + buffer_pos_, n};
      buffer_pos_ += static_cast<int>(n);
      return Status::OK();
    }
    if (repeat_left_ > 0) {
      int64_t n = std::min(max, repeat_left_);
      *chunk = Chunk{true, repeat_value_, nullptr, n};
      repeat_left_ -= n;
      return Status::OK();
    }
    if (literal_left_ > 0) {
      // kMaxChunk is a multiple of 8, so every refill starts on a byte boundary.
      int64_t n = std::min<int64_t>(literal_left_, kMaxChunk);
      UnpackBits32(pos_, n, bit_width_, buffer_);
      pos_ += BitPackedBytes(n, bit_width_);
      literal_left_ -= n;
      buffered_ = static_cast<int>(n);
      buffer_pos_ = 0;
      continue;
    }
    if (pos_ >= end_) {
      *chunk = Chunk{};
      return Status::OK();
    }
    BB_RETURN_NOT_OK(ReadRunHeader());
  }
}

// ---- encoder ----

void RleBitPackedEncoder::FlushPendingGroup() {
  if (repeat_count_ >= 8) {
    // The eight pending values open a repeated run; it is written when the run ends.
    pending_count_ = 0;
    if (literal_header_pos_ != std::string::npos) CloseLiteralRun();
    return;
  }
  WritePendingAsLiterals();
  // A one-byte run header counts at most 63 groups.
  if (literal_groups_ == 63) CloseLiteralRun();
  repeat_count_ = 0;
}

void RleBitPackedEncoder::WritePendingAsLiterals() {
  if (literal_header_pos_ == std::string::npos) {
    literal_header_pos_ = out_->size();
    out_->push_back('\0');
  }
  size_t pos = out_->size();
  out_->resize(pos + static_cast<size_t>(bit_width_));
  PackBits32(pending_, 8, bit_width_, reinterpret_cast<uint8_t*>(out_->data()) + pos);
  ++literal_groups_;
  pending_count_ = 0;
}

void RleBitPackedEncoder::CloseLiteralRun() {
  (*out_)[literal_header_pos_] = static_cast<char>((literal_groups_ << 1) | 1);
  literal_header_pos_ = std::string::npos;
  literal_groups_ = 0;
}

void RleBitPackedEncoder::FlushRepeatedRun() {
  if (literal_header_pos_ != std::string::npos) CloseLiteralRun();
  int value_bytes = (bit_width_ + 7) / 8;
  char value[4];
  std::memcpy(value, &current_, 4);
  // Run lengths are limited to 2^31 - 1 by the spec.
  constexpr int64_t kMaxRun = std::numeric_limits<int32_t>::max();
  for (int64_t left = repeat_count_; left > 0; left -= kMaxRun) {
    AppendUleb128(static_cast<uint64_t>(std::min(left, kMaxRun)) << 1, out_);
    out_->append(value, static_cast<size_t>(value_bytes));
  }
  pending_count_ = 0;
  repeat_count_ = 0;
}

void RleBitPackedEncoder::Flush() {
  if (repeat_count_ >= 8) {
    FlushRepeatedRun();
  } else if (pending_count_ > 0) {
    if (literal_header_pos_ == std::string::npos && repeat_count_ == pending_count_) {
      // A short tail of one value is cheaper as a repeated run than as a padded group.
      FlushRepeatedRun();
    } else {
      while (pending_count_ < 8) pending_[pending_count_++] = 0;
      WritePendingAsLiterals();
    }
  }
  if (literal_header_pos_ != std::string::npos) CloseLiteralRun();
  pending_count_ = 0;
  repeat_count_ = 0;
  current_ = 0;
}

// ---- legacy BIT_PACKED ----

Result<size_t> DecodeLegacyBitPacked(const uint8_t* data, size_t size, int bit_width,
                                     int64_t count, int16_t* out) {
  if (bit_width < 0 || bit_width > 16) {
    return Status::Invalid("BIT_PACKED levels with bit width {}", bit_width);
  }
  if (count < 0) return Status::Invalid("BIT_PACKED levels: negative count {}", count);
  int64_t bytes = BitPackedBytes(count, bit_width);
  if (bytes > static_cast<int64_t>(size)) {
    return Status::Invalid("BIT_PACKED levels: {} values need {} bytes, {} present", count, bytes,
                           size);
  }
  int64_t bit = 0;
  for (int64_t i = 0; i < count; ++i) {
    uint32_t v = 0;
    for (int b = 0; b < bit_width; ++b, ++bit) {
      v = (v << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1u);
    }
    out[i] = static_cast<int16_t>(v);
  }
  return static_cast<size_t>(bytes);
}

}  // namespace bundlebase::parquet
