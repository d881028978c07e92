// DELTA_BINARY_PACKED: header and block parsing, group-at-a-time decoding, and the encoder.
#include "formats/parquet/delta_binary_packed.h"

#include <algorithm>
#include <limits>

#include "formats/parquet/bit_packing.h"
#include "formats/parquet/varint.h"

namespace bundlebase::parquet {
namespace {

// Larger blocks are legal but unheard of; the bound keeps every size computation far from
// overflow.
constexpr uint64_t kMaxBlockSize = uint64_t{1} << 31;

// Widest miniblock accepted for either type: INT32 deltas wider than 32 bits are truncated to
// 32 (see Unpack).
constexpr int kMaxBitWidth = 64;

Status Malformed(std::string_view what) {
  return Status::Invalid("malformed DELTA_BINARY_PACKED data: {}", what);
}

template <typename U>
void Unpack(const uint8_t* in, int64_t count, int bit_width, U* out) {
  if constexpr (sizeof(U) == 4) {
    if (bit_width <= 32) {
      UnpackBits32(in, count, bit_width, out);
      return;
    }
    // DuckDB computes INT32 deltas in 64 bits and writes 33-bit miniblocks. Deltas wrap in the
    // type's width, so the low 32 bits of each are the delta.
    uint64_t wide[32];
    UnpackBits64(in, count, bit_width, wide);
    for (int64_t i = 0; i < count; ++i) out[i] = static_cast<U>(wide[i]);
  } else {
    UnpackBits64(in, count, bit_width, out);
  }
}

}  // namespace

template <typename T>
Status DeltaBinaryPackedDecoder<T>::ReadHeader(const uint8_t** pos, const uint8_t* end,
                                               int64_t max_values, Header* h) {
  uint64_t fields[4];
  for (uint64_t& field : fields) {
    size_t n = DecodeUleb128(*pos, end, &field);
    if (n == 0) return Malformed("truncated header");
    *pos += n;
  }
  h->block_size = fields[0];
  h->miniblocks = fields[1];
  h->total = fields[2];
  h->first = static_cast<U>(ZigZagDecode64(fields[3]));
  if (h->block_size == 0 || h->block_size % 128 != 0 || h->block_size > kMaxBlockSize) {
    return Malformed("block size is not a positive multiple of 128");
  }
  if (h->miniblocks == 0 || h->block_size % h->miniblocks != 0 ||
      (h->block_size / h->miniblocks) % 32 != 0) {
    return Malformed("miniblocks do not hold a multiple of 32 values");
  }
  h->values_per_miniblock = h->block_size / h->miniblocks;
  if (max_values < 0 || h->total > static_cast<uint64_t>(max_values)) {
    return Status::Invalid(
        "malformed DELTA_BINARY_PACKED data: {} values announced where at most {} fit", h->total,
        max_values);
  }
  return Status::OK();
}

template <typename T>
Status DeltaBinaryPackedDecoder<T>::Init(const uint8_t* data, size_t size, int64_t max_values) {
  pos_ = data;
  end_ = data + size;
  BB_RETURN_NOT_OK(ReadHeader(&pos_, end_, max_values, &header_));
  total_ = static_cast<int64_t>(header_.total);
  left_ = total_;
  first_pending_ = total_ > 0;
  last_ = header_.first;
  miniblock_ = header_.miniblocks;  // the first group reads a block header
  miniblock_left_ = 0;
  group_size_ = 0;
  group_pos_ = 0;
  return Status::OK();
}

template <typename T>
Status DeltaBinaryPackedDecoder<T>::NextBlock() {
  uint64_t zigzag;
  size_t n = DecodeUleb128(pos_, end_, &zigzag);
  if (n == 0) return Malformed("truncated block header");
  pos_ += n;
  min_delta_ = static_cast<U>(ZigZagDecode64(zigzag));
  if (static_cast<uint64_t>(end_ - pos_) < header_.miniblocks) {
    return Malformed("truncated miniblock bit widths");
  }
  bit_widths_ = pos_;
  pos_ += header_.miniblocks;
  miniblock_ = 0;
  return Status::OK();
}

template <typename T>
Status DeltaBinaryPackedDecoder<T>::NextGroup() {
  if (miniblock_left_ == 0) {
    if (miniblock_ == header_.miniblocks) BB_RETURN_NOT_OK(NextBlock());
    // Widths are checked only for miniblocks that hold values: the spec lets the unused ones
    // of the last block carry anything.
    bit_width_ = bit_widths_[miniblock_++];
    if (bit_width_ > kMaxBitWidth) return Malformed("miniblock bit width wider than 64");
    miniblock_left_ = header_.values_per_miniblock;
  }
  // Only the values still owed are unpacked, so a last miniblock without padding still reads.
  int n = static_cast<int>(std::min<int64_t>(32, left_));
  int64_t bytes = BitPackedBytes(n, bit_width_);
  if (end_ - pos_ < bytes) return Malformed("truncated miniblock");
  Unpack(pos_, n, bit_width_, group_);
  pos_ += n == 32 ? 4 * bit_width_ : bytes;
  miniblock_left_ -= 32;
  group_size_ = n;
  group_pos_ = 0;
  return Status::OK();
}

template <typename T>
Status DeltaBinaryPackedDecoder<T>::Decode(T* out, int64_t count) {
  if (count < 0 || count > left_) {
    return Status::Invalid("DELTA_BINARY_PACKED: {} values requested, {} left", count, left_);
  }
  int64_t i = 0;
  if (count > 0 && first_pending_) {
    out[0] = static_cast<T>(last_);
    first_pending_ = false;
    --left_;
    i = 1;
  }
  while (i < count) {
    if (group_pos_ == group_size_) BB_RETURN_NOT_OK(NextGroup());
    int64_t n = std::min<int64_t>(count - i, group_size_ - group_pos_);
    U last = last_;
    const U min_delta = min_delta_;
    const U* deltas = group_ + group_pos_;
    for (int64_t j = 0; j < n; ++j) {
      last += min_delta + deltas[j];
      out[i + j] = static_cast<T>(last);
    }
    last_ = last;
    group_pos_ += static_cast<int>(n);
    left_ -= n;
    i += n;
  }
  return Status::OK();
}

template <typename T>
Result<size_t> DeltaBinaryPackedDecoder<T>::EncodedSize(const uint8_t* data, size_t size,
                                                        int64_t max_values) {
  const uint8_t* pos = data;
  const uint8_t* end = data + size;
  Header h;
  BB_RETURN_NOT_OK(ReadHeader(&pos, end, max_values, &h));
  uint64_t remaining = h.total > 0 ? h.total - 1 : 0;
  while (remaining > 0) {
    uint64_t min_delta;
    size_t n = DecodeUleb128(pos, end, &min_delta);
    if (n == 0) return Malformed("truncated block header");
    pos += n;
    if (static_cast<uint64_t>(end - pos) < h.miniblocks) {
      return Malformed("truncated miniblock bit widths");
    }
    const uint8_t* widths = pos;
    pos += h.miniblocks;
    for (uint64_t m = 0; m < h.miniblocks && remaining > 0; ++m) {
      int bit_width = widths[m];
      if (bit_width > kMaxBitWidth) return Malformed("miniblock bit width wider than 64");
      uint64_t values = std::min(remaining, h.values_per_miniblock);
      auto needed =
          static_cast<uint64_t>(BitPackedBytes(static_cast<int64_t>(values), bit_width));
      uint64_t available = static_cast<uint64_t>(end - pos);
      if (needed > available) return Malformed("truncated miniblock");
      uint64_t padded = h.values_per_miniblock * static_cast<uint64_t>(bit_width) / 8;
      pos += std::min(padded, available);
      remaining -= values;
    }
  }
  return static_cast<size_t>(pos - data);
}

template <typename T>
void DeltaBinaryPackedEncoder<T>::Put(const T* values, int64_t count) {
  for (int64_t i = 0; i < count; ++i) {
    U v = static_cast<U>(values[i]);
    if (total_ == 0) {
      first_ = v;
    } else {
      deltas_[num_deltas_++] = v - last_;
      if (num_deltas_ == kBlockSize) FlushBlock();
    }
    last_ = v;
    ++total_;
  }
}

template <typename T>
void DeltaBinaryPackedEncoder<T>::FlushBlock() {
  if (num_deltas_ == 0) return;
  // The frame of reference is the smallest delta as a signed number; subtracting it (wrapping)
  // leaves every delta a small unsigned offset.
  T min_delta = static_cast<T>(deltas_[0]);
  for (int i = 1; i < num_deltas_; ++i) min_delta = std::min(min_delta, static_cast<T>(deltas_[i]));
  AppendUleb128(ZigZagEncode64(min_delta), &blocks_);
  U relative[kBlockSize] = {};
  for (int i = 0; i < num_deltas_; ++i) relative[i] = deltas_[i] - static_cast<U>(min_delta);
  uint8_t widths[kMiniblocks] = {};
  int used = (num_deltas_ + kMiniblockSize - 1) / kMiniblockSize;
  for (int m = 0; m < used; ++m) {
    U bits = 0;
    for (int i = 0; i < kMiniblockSize; ++i) bits |= relative[m * kMiniblockSize + i];
    widths[m] = static_cast<uint8_t>(BitWidthOf(bits));
  }
  blocks_.append(reinterpret_cast<const char*>(widths), kMiniblocks);
  for (int m = 0; m < used; ++m) {
    size_t pos = blocks_.size();
    blocks_.resize(pos + 4 * static_cast<size_t>(widths[m]));
    auto* out = reinterpret_cast<uint8_t*>(blocks_.data() + pos);
    if constexpr (sizeof(U) == 4) {
      PackBits32(relative + m * kMiniblockSize, kMiniblockSize, widths[m], out);
    } else {
      PackBits64(relative + m * kMiniblockSize, kMiniblockSize, widths[m], out);
    }
  }
  num_deltas_ = 0;
}

template <typename T>
void DeltaBinaryPackedEncoder<T>::Flush(std::string* out) {
  FlushBlock();
  AppendUleb128(kBlockSize, out);
  AppendUleb128(kMiniblocks, out);
  AppendUleb128(static_cast<uint64_t>(total_), out);
  AppendUleb128(ZigZagEncode64(static_cast<T>(first_)), out);
  out->append(blocks_);
  blocks_.clear();
  total_ = 0;
  num_deltas_ = 0;
  first_ = 0;
  last_ = 0;
}

template class DeltaBinaryPackedDecoder<int32_t>;
template class DeltaBinaryPackedDecoder<int64_t>;
template class DeltaBinaryPackedEncoder<int32_t>;
template class DeltaBinaryPackedEncoder<int64_t>;

}  // namespace bundlebase::parquet
