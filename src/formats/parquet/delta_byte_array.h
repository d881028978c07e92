// DELTA_LENGTH_BYTE_ARRAY (= 6: all lengths DELTA_BINARY_PACKED, then all bytes) and
// DELTA_BYTE_ARRAY (= 7: prefix lengths shared with the previous value, then the suffixes as
// DELTA_LENGTH_BYTE_ARRAY), decoders and encoders.
//
// Decoders are cursors like the other value decoders: Init locates the streams (walking the
// length stream's block headers to find where the bytes start, without decoding it twice), and
// each Decode call continues where the last stopped, a chunk of lengths at a time, so memory
// stays bounded whatever the page claims. Every length is checked against the bytes that remain
// and every prefix against the previous value before anything is copied. After an error the
// decoder must not be used again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bundlebase/result.h"
#include "columnar/builder.h"
#include "formats/parquet/delta_binary_packed.h"

namespace bundlebase::parquet {

class DeltaLengthByteArrayDecoder {
 public:
  static constexpr int kChunk = 1024;

  // `max_values` bounds the count the length stream may announce (the page's value count).
  Status Init(const uint8_t* data, size_t size, int64_t max_values);
  int64_t values_left() const { return lengths_.values_left(); }

  // The next `count` values appended to `out`.
  Status Decode(int64_t count, BinaryBuilder* out);
  // The next `count` values as views into the page.
  Status Decode(int64_t count, std::string_view* out);

 private:
  // Decodes `count` (<= kChunk) lengths into lengths_chunk_, checks them against the bytes left
  // and returns their sum.
  Result<int64_t> NextLengths(int64_t count);

  DeltaBinaryPackedDecoder<int32_t> lengths_;
  const uint8_t* data_ = nullptr;
  const uint8_t* end_ = nullptr;
  int32_t lengths_chunk_[kChunk];
};

class DeltaByteArrayDecoder {
 public:
  static constexpr int kChunk = 1024;

  Status Init(const uint8_t* data, size_t size, int64_t max_values);
  int64_t values_left() const { return prefixes_.values_left(); }

  // The next `count` BYTE_ARRAY values appended to `out`.
  Status Decode(int64_t count, BinaryBuilder* out);
  // The next `count` FIXED_LEN_BYTE_ARRAY values, each exactly `width` bytes, to `out`.
  Status DecodeFixed(int64_t count, int width, uint8_t* out);

 private:
  // Decodes up to kChunk prefixes and suffixes, checks them, and returns the chunk's total bytes.
  Result<int64_t> NextChunk(int64_t count);

  DeltaBinaryPackedDecoder<int32_t> prefixes_;
  DeltaLengthByteArrayDecoder suffixes_;
  std::string last_;
  int32_t prefix_chunk_[kChunk];
  std::string_view suffix_chunk_[kChunk];
};

// Encoders take BYTE_ARRAY values as Arrow offsets (count + 1) into `data`; Put may be called
// many times per page and Flush appends the page's encoded values, resetting the encoder.
class DeltaLengthByteArrayEncoder {
 public:
  void Put(const int32_t* offsets, const uint8_t* data, int64_t count);
  void Put(std::string_view value);
  void Flush(std::string* out);

 private:
  DeltaBinaryPackedEncoder<int32_t> lengths_;
  std::string bytes_;
};

class DeltaByteArrayEncoder {
 public:
  void Put(const int32_t* offsets, const uint8_t* data, int64_t count);
  void Flush(std::string* out);

 private:
  DeltaBinaryPackedEncoder<int32_t> prefixes_;
  DeltaLengthByteArrayEncoder suffixes_;
  std::string last_;
};

}  // namespace bundlebase::parquet
