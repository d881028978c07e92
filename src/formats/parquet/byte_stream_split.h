// BYTE_STREAM_SPLIT (Encodings.md, = 9) for FLOAT, DOUBLE, INT32, INT64 and FIXED_LEN_BYTE_ARRAY:
// byte k of every value is stored in stream k, and the streams follow each other.
//
// Decoding is a transpose from `width` streams back into values; for 4- and 8-byte values it
// runs 16 values at a time with SSE2 byte interleaves. The decoder is a cursor over one page like
// the other value decoders. The page size must be a whole number of values: that, not a count
// in the data, says how many values there are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "bundlebase/status.h"

namespace bundlebase::parquet {

class ByteStreamSplitDecoder {
 public:
  Status Init(const uint8_t* data, size_t size, int width);
  int64_t num_values() const { return num_values_; }
  int64_t values_left() const { return num_values_ - next_; }
  // The next `count` values, `width` bytes each, to `out`.
  Status Decode(int64_t count, uint8_t* out);

 private:
  const uint8_t* data_ = nullptr;
  int width_ = 0;
  int64_t num_values_ = 0;
  int64_t next_ = 0;
};

// Buffers a page's values (Put may be called many times); Flush appends the streams and resets.
class ByteStreamSplitEncoder {
 public:
  explicit ByteStreamSplitEncoder(int width) : width_(width) {}
  void Put(const void* values, int64_t count);
  int64_t count() const { return static_cast<int64_t>(values_.size()) / width_; }
  void Flush(std::string* out);

 private:
  int width_;
  std::string values_;
};

}  // namespace bundlebase::parquet
