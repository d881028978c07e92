// DELTA_BINARY_PACKED (Encodings.md, DELTA_BINARY_PACKED = 5) for INT32 and INT64, also the
// length streams inside DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY.
//
// The decoder is a cursor: Init reads the header, each Decode continues where the last one
// stopped, so a page can be read in runs between nulls. Arithmetic wraps in the unsigned type as
// the spec requires. Hostile input is bounded: the header's value count may not exceed what the
// caller says the page holds, block geometry must be what the spec allows, bit widths may not
// exceed 64 (INT32 miniblocks wider than 32 bits, as DuckDB writes them, are read modulo 2^32,
// since deltas wrap in the type's width), and every miniblock's bytes are checked before they
// are read. EncodedSize finds where the encoded values end by walking block headers only — how
// the byte-array encodings locate the data that follows their lengths without decoding them
// twice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>

#include "bundlebase/result.h"

namespace bundlebase::parquet {

template <typename T>
class DeltaBinaryPackedDecoder {
  static_assert(std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t>);
  using U = std::make_unsigned_t<T>;

 public:
  // Reads the header of data[0, size). A header announcing more than `max_values` values is an
  // error (max_values bounds what hostile input can make a caller allocate).
  Status Init(const uint8_t* data, size_t size, int64_t max_values);

  // Values the header announces, and those not decoded yet.
  int64_t total_values() const { return total_; }
  int64_t values_left() const { return left_; }

  // Decodes the next `count` values (at most values_left()).
  Status Decode(T* out, int64_t count);

  // Bytes from `data` to the end of the encoded values (the last miniblock's padding included
  // when present).
  static Result<size_t> EncodedSize(const uint8_t* data, size_t size, int64_t max_values);

 private:
  struct Header {
    uint64_t block_size;
    uint64_t miniblocks;
    uint64_t values_per_miniblock;
    uint64_t total;
    U first;
  };
  static Status ReadHeader(const uint8_t** pos, const uint8_t* end, int64_t max_values,
                           Header* header);
  Status NextBlock();
  Status NextGroup();

  Header header_{};
  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
  int64_t total_ = 0;
  int64_t left_ = 0;
  bool first_pending_ = false;
  U last_ = 0;
  U min_delta_ = 0;
  const uint8_t* bit_widths_ = nullptr;  // of the current block's miniblocks
  uint64_t miniblock_ = 0;               // next miniblock of the current block
  uint64_t miniblock_left_ = 0;          // values of the current miniblock not yet unpacked
  int bit_width_ = 0;                    // of the current miniblock
  int group_size_ = 0;
  int group_pos_ = 0;
  U group_[32];
};

// Encodes INT32/INT64 values with blocks of 128 values in 4 miniblocks of 32 (what parquet-mr
// and Arrow write). Values are buffered a block at a time; Flush appends header and blocks.
template <typename T>
class DeltaBinaryPackedEncoder {
  static_assert(std::is_same_v<T, int32_t> || std::is_same_v<T, int64_t>);
  using U = std::make_unsigned_t<T>;

 public:
  void Put(const T* values, int64_t count);
  int64_t count() const { return total_; }
  // Appends the encoded values to `out` and resets the encoder.
  void Flush(std::string* out);

 private:
  static constexpr int kBlockSize = 128;
  static constexpr int kMiniblocks = 4;
  static constexpr int kMiniblockSize = kBlockSize / kMiniblocks;

  void FlushBlock();

  int64_t total_ = 0;
  U first_ = 0;
  U last_ = 0;
  U deltas_[kBlockSize];
  int num_deltas_ = 0;
  std::string blocks_;
};

}  // namespace bundlebase::parquet
