// BYTE_STREAM_SPLIT: transposes between values and byte streams.
#include "formats/parquet/byte_stream_split.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace bundlebase::parquet {
namespace {

// Values [start, start + count) of `streams` (each `stride` bytes long) into `out`.
template <int W>
void GatherFixed(const uint8_t* streams, int64_t stride, int64_t start, int64_t count,
                 uint8_t* out) {
  for (int64_t i = 0; i < count; ++i) {
    for (int b = 0; b < W; ++b) out[i * W + b] = streams[b * stride + start + i];
  }
}

void GatherAny(const uint8_t* streams, int width, int64_t stride, int64_t start, int64_t count,
               uint8_t* out) {
  for (int64_t i = 0; i < count; ++i) {
    for (int b = 0; b < width; ++b) out[i * width + b] = streams[b * stride + start + i];
  }
}

#ifdef __SSE2__
// 16 values of 4 bytes: interleave streams 0/1 and 2/3 bytewise, then the pairs 16-bit-wise.
int64_t Gather4Sse2(const uint8_t* s, int64_t stride, int64_t start, int64_t count,
                    uint8_t* out) {
  int64_t i = 0;
  for (; i + 16 <= count; i += 16) {
    const uint8_t* p = s + start + i;
    __m128i a0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i a1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + stride));
    __m128i a2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2 * stride));
    __m128i a3 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 3 * stride));
    __m128i lo01 = _mm_unpacklo_epi8(a0, a1), hi01 = _mm_unpackhi_epi8(a0, a1);
    __m128i lo23 = _mm_unpacklo_epi8(a2, a3), hi23 = _mm_unpackhi_epi8(a2, a3);
    auto* o = reinterpret_cast<__m128i*>(out + i * 4);
    _mm_storeu_si128(o, _mm_unpacklo_epi16(lo01, lo23));
    _mm_storeu_si128(o + 1, _mm_unpackhi_epi16(lo01, lo23));
    _mm_storeu_si128(o + 2, _mm_unpacklo_epi16(hi01, hi23));
    _mm_storeu_si128(o + 3, _mm_unpackhi_epi16(hi01, hi23));
  }
  return i;
}

// 16 values of 8 bytes: bytewise, 16-bit and 32-bit interleaves of the eight streams.
int64_t Gather8Sse2(const uint8_t* s, int64_t stride, int64_t start, int64_t count,
                    uint8_t* out) {
  int64_t i = 0;
  for (; i + 16 <= count; i += 16) {
    const uint8_t* p = s + start + i;
    __m128i a[8];
    for (int b = 0; b < 8; ++b) {
      a[b] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + b * stride));
    }
    __m128i b01l = _mm_unpacklo_epi8(a[0], a[1]), b01h = _mm_unpackhi_epi8(a[0], a[1]);
    __m128i b23l = _mm_unpacklo_epi8(a[2], a[3]), b23h = _mm_unpackhi_epi8(a[2], a[3]);
    __m128i b45l = _mm_unpacklo_epi8(a[4], a[5]), b45h = _mm_unpackhi_epi8(a[4], a[5]);
    __m128i b67l = _mm_unpacklo_epi8(a[6], a[7]), b67h = _mm_unpackhi_epi8(a[6], a[7]);
    // Bytes 0-3 and 4-7 of values 0-3, 4-7, 8-11, 12-15.
    __m128i low[4] = {_mm_unpacklo_epi16(b01l, b23l), _mm_unpackhi_epi16(b01l, b23l),
                      _mm_unpacklo_epi16(b01h, b23h), _mm_unpackhi_epi16(b01h, b23h)};
    __m128i high[4] = {_mm_unpacklo_epi16(b45l, b67l), _mm_unpackhi_epi16(b45l, b67l),
                       _mm_unpacklo_epi16(b45h, b67h), _mm_unpackhi_epi16(b45h, b67h)};
    auto* o = reinterpret_cast<__m128i*>(out + i * 8);
    for (int k = 0; k < 4; ++k) {
      _mm_storeu_si128(o + 2 * k, _mm_unpacklo_epi32(low[k], high[k]));
      _mm_storeu_si128(o + 2 * k + 1, _mm_unpackhi_epi32(low[k], high[k]));
    }
  }
  return i;
}
#endif

}  // namespace

Status ByteStreamSplitDecoder::Init(const uint8_t* data, size_t size, int width) {
  if (width <= 0) return Status::Invalid("BYTE_STREAM_SPLIT with value width {}", width);
  if (size % static_cast<size_t>(width) != 0) {
    return Status::Invalid(
        "malformed BYTE_STREAM_SPLIT data: {} bytes is not a whole number of {}-byte values",
        size, width);
  }
  data_ = data;
  width_ = width;
  num_values_ = static_cast<int64_t>(size / static_cast<size_t>(width));
  next_ = 0;
  return Status::OK();
}

Status ByteStreamSplitDecoder::Decode(int64_t count, uint8_t* out) {
  if (count < 0 || count > values_left()) {
    return Status::Invalid("BYTE_STREAM_SPLIT: {} values requested, {} left", count,
                           values_left());
  }
  int64_t done = 0;
  switch (width_) {
    case 4:
#ifdef __SSE2__
      done = Gather4Sse2(data_, num_values_, next_, count, out);
#endif
      GatherFixed<4>(data_, num_values_, next_ + done, count - done, out + done * 4);
      break;
    case 8:
#ifdef __SSE2__
      done = Gather8Sse2(data_, num_values_, next_, count, out);
#endif
      GatherFixed<8>(data_, num_values_, next_ + done, count - done, out + done * 8);
      break;
    default:
      GatherAny(data_, width_, num_values_, next_, count, out);
      break;
  }
  next_ += count;
  return Status::OK();
}

void ByteStreamSplitEncoder::Put(const void* values, int64_t count) {
  values_.append(static_cast<const char*>(values), static_cast<size_t>(count * width_));
}

void ByteStreamSplitEncoder::Flush(std::string* out) {
  const int64_t n = count();
  size_t start = out->size();
  out->resize(start + values_.size());
  char* streams = out->data() + start;
  for (int64_t i = 0; i < n; ++i) {
    for (int b = 0; b < width_; ++b) {
      streams[b * n + i] = values_[static_cast<size_t>(i * width_ + b)];
    }
  }
  values_.clear();
}

}  // namespace bundlebase::parquet
