// libFuzzer target for the Parquet value decoders and page codecs. The first byte picks the
// decoder, the second its parameter (bit width, value width, codec), the rest is page data: every
// decoder must fail cleanly or produce values, never read or write out of bounds.
#include <algorithm>
#include <string_view>
#include <vector>

#include "formats/parquet/byte_stream_split.h"
#include "formats/parquet/compression.h"
#include "formats/parquet/delta_binary_packed.h"
#include "formats/parquet/delta_byte_array.h"
#include "formats/parquet/plain_encoding.h"
#include "formats/parquet/rle_bit_packed.h"

namespace pq = bundlebase::parquet;

namespace {

constexpr int64_t kMaxValues = 4096;

void FuzzRle(const uint8_t* data, size_t size, int bit_width) {
  pq::RleBitPackedDecoder decoder(data, size, bit_width);
  std::vector<uint32_t> out(kMaxValues);
  (void)decoder.GetBatch(out.data(), kMaxValues);
  pq::RleBitPackedDecoder dict_decoder(data, size, bit_width);
  std::vector<int64_t> dictionary(7, 1), values(kMaxValues);
  (void)dict_decoder.GetBatchWithDictionary(dictionary.data(), 7, values.data(), kMaxValues);
}

template <typename T>
void FuzzDeltaBinaryPacked(const uint8_t* data, size_t size) {
  pq::DeltaBinaryPackedDecoder<T> decoder;
  if (!decoder.Init(data, size, kMaxValues).ok()) return;
  std::vector<T> out(kMaxValues);
  (void)decoder.Decode(out.data(), std::min<int64_t>(decoder.values_left(), 1000));
  (void)decoder.Decode(out.data(), decoder.values_left());
  (void)pq::DeltaBinaryPackedDecoder<T>::EncodedSize(data, size, kMaxValues);
}

void FuzzByteArrays(const uint8_t* data, size_t size, int param) {
  bundlebase::BinaryBuilder builder(bundlebase::Binary());
  if (param % 3 == 0) {
    pq::DeltaLengthByteArrayDecoder decoder;
    if (decoder.Init(data, size, kMaxValues).ok()) {
      (void)decoder.Decode(decoder.values_left(), &builder);
    }
  } else if (param % 3 == 1) {
    pq::DeltaByteArrayDecoder decoder;
    if (decoder.Init(data, size, kMaxValues).ok()) {
      (void)decoder.Decode(decoder.values_left(), &builder);
    }
  } else {
    pq::DeltaByteArrayDecoder decoder;
    std::vector<uint8_t> out(kMaxValues * 16);
    if (decoder.Init(data, size, kMaxValues).ok()) {
      (void)decoder.DecodeFixed(std::min<int64_t>(decoder.values_left(), kMaxValues), 16,
                                out.data());
    }
  }
}

void FuzzPlain(const uint8_t* data, size_t size, int param) {
  pq::PlainDecoder decoder(data, size);
  int64_t count = param * 7;
  std::vector<uint8_t> out(static_cast<size_t>(count) * 12 + 1);
  switch (param % 3) {
    case 0:
      (void)decoder.DecodeFixed(12, count, out.data());
      break;
    case 1:
      (void)decoder.DecodeBooleans(count, out.data(), param % 8);
      break;
    default: {
      bundlebase::BinaryBuilder builder(bundlebase::Binary());
      (void)decoder.DecodeByteArrays(count, &builder);
      std::vector<std::string_view> views(static_cast<size_t>(count));
      pq::PlainDecoder again(data, size);
      (void)again.DecodeByteArrays(count, views.data());
    }
  }
}

void FuzzByteStreamSplit(const uint8_t* data, size_t size, int width) {
  pq::ByteStreamSplitDecoder decoder;
  if (!decoder.Init(data, size, width).ok()) return;
  std::vector<uint8_t> out(size);
  (void)decoder.Decode(decoder.values_left(), out.data());
}

void FuzzDecompress(const uint8_t* data, size_t size, int param) {
  static const pq::CompressionCodec kCodecs[] = {
      pq::CompressionCodec::kSnappy, pq::CompressionCodec::kGzip, pq::CompressionCodec::kBrotli,
      pq::CompressionCodec::kLz4,    pq::CompressionCodec::kZstd, pq::CompressionCodec::kLz4Raw};
  pq::DecompressionLimits limits;
  limits.max_uncompressed_size = 1 << 20;
  auto codec = kCodecs[param % 6];
  // Declared sizes around what a small page could be.
  (void)pq::Decompress(codec, {data, size}, static_cast<int64_t>(param) * 97, limits);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  int which = data[0] % 7;
  int param = data[1];
  data += 2;
  size -= 2;
  switch (which) {
    case 0:
      FuzzRle(data, size, param % 34);
      break;
    case 1:
      FuzzDeltaBinaryPacked<int32_t>(data, size);
      break;
    case 2:
      FuzzDeltaBinaryPacked<int64_t>(data, size);
      break;
    case 3:
      FuzzByteArrays(data, size, param);
      break;
    case 4:
      FuzzPlain(data, size, param);
      break;
    case 5:
      FuzzByteStreamSplit(data, size, param % 17);
      break;
    default:
      FuzzDecompress(data, size, param);
      break;
  }
  return 0;
}
