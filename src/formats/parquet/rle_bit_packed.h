// The RLE/bit-packing hybrid (Encodings.md, RLE = 3): the encoding of definition and repetition
// levels, dictionary indices and RLE booleans; plus the deprecated MSB-first BIT_PACKED levels.
//
// The decoder hands out the data as chunks — a run of one repeated value, or up to 1024 values
// unpacked from a bit-packed run — so callers can act on whole runs (a run of "all defined"
// levels, a repeated dictionary index) instead of value by value; GetBatch and
// GetBatchWithDictionary are the plain loops over those chunks. Input is untrusted: headers,
// repeated values wider than the bit width and dictionary indices out of range are errors, and a
// bit-packed run cut short by the end of the data yields the values that are whole (as other
// readers do), so a caller that needs N values checks it got N.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "bundlebase/result.h"

namespace bundlebase::parquet {

class RleBitPackedDecoder {
 public:
  static constexpr int kMaxChunk = 1024;

  // One step of the data: `count` copies of `value`, or `count` decoded values at `values`.
  struct Chunk {
    bool repeated = false;
    uint32_t value = 0;
    const uint32_t* values = nullptr;
    int64_t count = 0;
  };

  RleBitPackedDecoder() = default;
  // `data` is the encoded runs without any length prefix; bit_width is 0..32.
  RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width);

  // The next chunk of at most `max` values; count is 0 at the end of the data.
  Status NextChunk(int64_t max, Chunk* chunk);

  // Decodes up to `max` values; returns how many (fewer only at the end of the data).
  template <typename T>
  Result<int64_t> GetBatch(T* out, int64_t max);

  // Decodes up to `max` indices and writes dictionary[index] for each; an index outside
  // [0, dictionary_size) is an error.
  template <typename V>
  Result<int64_t> GetBatchWithDictionary(const V* dictionary, int64_t dictionary_size, V* out,
                                         int64_t max);

 private:
  Status ReadRunHeader();
  Status Error(std::string_view what) const;

  const uint8_t* pos_ = nullptr;
  const uint8_t* end_ = nullptr;
  int bit_width_ = 0;
  int64_t repeat_left_ = 0;
  uint32_t repeat_value_ = 0;
  int64_t literal_left_ = 0;
  int buffered_ = 0;       // values in buffer_
  int buffer_pos_ = 0;     // next value of buffer_ to hand out
  uint32_t buffer_[kMaxChunk];
};

template <typename T>
Result<int64_t> RleBitPackedDecoder::GetBatch(T* out, int64_t max) {
  int64_t done = 0;
  while (done < max) {
    Chunk c;
    BB_RETURN_NOT_OK(NextChunk(max - done, &c));
    if (c.count == 0) break;
    if (c.repeated) {
      std::fill(out + done, out + done + c.count, static_cast<T>(c.value));
    } else {
      for (int64_t i = 0; i < c.count; ++i) out[done + i] = static_cast<T>(c.values[i]);
    }
    done += c.count;
  }
  return done;
}

template <typename V>
Result<int64_t> RleBitPackedDecoder::GetBatchWithDictionary(const V* dictionary,
                                                            int64_t dictionary_size, V* out,
                                                            int64_t max) {
  int64_t done = 0;
  while (done < max) {
    Chunk c;
    BB_RETURN_NOT_OK(NextChunk(max - done, &c));
    if (c.count == 0) break;
    if (c.repeated) {
      if (c.value >= dictionary_size) return Error("dictionary index out of range");
      std::fill(out + done, out + done + c.count, dictionary[c.value]);
    } else {
      // One branch per chunk: the maximum index decides whether every index is in range.
      uint32_t max_index = 0;
      for (int64_t i = 0; i < c.count; ++i) max_index = std::max(max_index, c.values[i]);
      if (max_index >= dictionary_size) return Error("dictionary index out of range");
      for (int64_t i = 0; i < c.count; ++i) out[done + i] = dictionary[c.values[i]];
    }
    done += c.count;
  }
  return done;
}

// Encodes values of a fixed bit width (0..32) as RLE/bit-packing hybrid runs, appending to a
// string (without a length prefix): runs of 8 or more equal values become RLE runs, the rest
// bit-packed groups of 8.
class RleBitPackedEncoder {
 public:
  RleBitPackedEncoder(int bit_width, std::string* out) : bit_width_(bit_width), out_(out) {}

  void Put(uint32_t value) {
    if (value == current_ && repeat_count_ > 0) {
      if (++repeat_count_ > 8) return;  // extends a run already too long to be literal
    } else {
      if (repeat_count_ >= 8) FlushRepeatedRun();
      repeat_count_ = 1;
      current_ = value;
    }
    pending_[pending_count_++] = value;
    if (pending_count_ == 8) FlushPendingGroup();
  }
  template <typename T>
  void PutBatch(const T* values, int64_t n) {
    for (int64_t i = 0; i < n; ++i) Put(static_cast<uint32_t>(values[i]));
  }
  // Put(value) n times, in constant time once the run is long enough to be an RLE run (the
  // levels of a column without nulls are one such run).
  void PutRepeated(uint32_t value, int64_t n) {
    while (n > 0 && !(value == current_ && repeat_count_ > 8)) {
      Put(value);
      --n;
    }
    repeat_count_ += n;
  }
  // Writes out whatever is pending (padding a last bit-packed group with zeros). The encoder can
  // be used again afterwards.
  void Flush();

 private:
  void FlushPendingGroup();
  void FlushRepeatedRun();
  void WritePendingAsLiterals();
  void CloseLiteralRun();

  int bit_width_;
  std::string* out_;
  uint32_t current_ = 0;
  int64_t repeat_count_ = 0;
  uint32_t pending_[8];
  int pending_count_ = 0;
  int64_t literal_groups_ = 0;
  // Where the open literal run's one-byte header goes (npos when no run is open).
  size_t literal_header_pos_ = std::string::npos;
};

// Decodes `count` levels of the deprecated BIT_PACKED encoding (most significant bit first,
// bit_width 0..16) from data[0, size), which must hold BitPackedBytes(count, bit_width) bytes.
// Returns the bytes consumed.
Result<size_t> DecodeLegacyBitPacked(const uint8_t* data, size_t size, int bit_width,
                                     int64_t count, int16_t* out);

}  // namespace bundlebase::parquet
