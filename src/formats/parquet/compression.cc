// Codec dispatch, declared-size checks, and the per-library calls.
#include "formats/parquet/compression.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <lz4.h>
#include <lz4hc.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cstring>

namespace bundlebase::parquet {
namespace {

constexpr int kZstdDefaultLevel = 3;
constexpr int kGzipDefaultLevel = 6;
constexpr int kBrotliDefaultLevel = 8;
// Hadoop LZ4 frame prefix: big-endian uncompressed and compressed lengths.
constexpr size_t kHadoopPrefix = 8;

Status Corrupt(CompressionCodec codec, std::string_view what) {
  return Status::Invalid("corrupt {} page data: {}", CodecName(codec), what);
}

Status WrongSize(CompressionCodec codec, size_t expected) {
  return Status::Invalid("{} page data does not decompress to the {} bytes its header declares",
                         CodecName(codec), expected);
}

uint32_t LoadBigEndian32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

void StoreBigEndian32(uint32_t v, char* p) {
  p[0] = static_cast<char>(v >> 24);
  p[1] = static_cast<char>(v >> 16);
  p[2] = static_cast<char>(v >> 8);
  p[3] = static_cast<char>(v);
}

// ---- decompression ----

Status SnappyDecompress(std::span<const uint8_t> in, uint8_t* out, size_t out_size) {
  const auto* src = reinterpret_cast<const char*>(in.data());
  size_t length;
  if (!snappy::GetUncompressedLength(src, in.size(), &length)) {
    return Corrupt(CompressionCodec::kSnappy, "bad length header");
  }
  if (length != out_size) return WrongSize(CompressionCodec::kSnappy, out_size);
  if (!snappy::RawUncompress(src, in.size(), reinterpret_cast<char*>(out))) {
    return Corrupt(CompressionCodec::kSnappy, "invalid stream");
  }
  return Status::OK();
}

Status GzipDecompress(std::span<const uint8_t> in, uint8_t* out, size_t out_size) {
  constexpr auto kCodec = CompressionCodec::kGzip;
  if (in.size() > std::numeric_limits<uInt>::max() || out_size > std::numeric_limits<uInt>::max()) {
    return Corrupt(kCodec, "page too large for zlib");
  }
  z_stream stream{};
  // 32 + 15: accept gzip and, as some writers produced, zlib framing.
  if (inflateInit2(&stream, 32 + MAX_WBITS) != Z_OK) {
    return Status::ResourceExhausted("cannot initialize zlib");
  }
  stream.next_in = const_cast<Bytef*>(in.data());
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = out;
  stream.avail_out = static_cast<uInt>(out_size);
  // Once `out` is full, inflate gets one spare byte: using it means the page is longer than
  // declared. (It also gives zlib a non-null target for empty pages.)
  uint8_t spare;
  size_t previous_members = 0;  // inflateReset zeroes total_out
  Status status;
  while (true) {
    if (stream.avail_out == 0) {
      if (previous_members + stream.total_out > out_size) {
        status = WrongSize(kCodec, out_size);
        break;
      }
      stream.next_out = &spare;
      stream.avail_out = 1;
    }
    int rc = inflate(&stream, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      if (stream.avail_in == 0) break;
      // Another gzip member follows.
      if (stream.avail_in < 2 || stream.next_in[0] != 0x1f || stream.next_in[1] != 0x8b) {
        status = Corrupt(kCodec, "trailing bytes after the gzip stream");
        break;
      }
      previous_members += stream.total_out;
      if (inflateReset(&stream) != Z_OK) {
        status = Corrupt(kCodec, "cannot restart for the next gzip member");
        break;
      }
      continue;
    }
    if (rc == Z_OK) continue;
    status = Corrupt(kCodec, stream.msg != nullptr ? stream.msg : "truncated stream");
    break;
  }
  size_t produced = previous_members + stream.total_out;
  inflateEnd(&stream);
  BB_RETURN_NOT_OK(status);
  if (produced != out_size) return WrongSize(kCodec, out_size);
  return Status::OK();
}

ZSTD_DCtx* ThreadZstdDecompressionContext() {
  thread_local std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> ctx(ZSTD_createDCtx(),
                                                                      ZSTD_freeDCtx);
  return ctx.get();
}

Status ZstdDecompress(std::span<const uint8_t> in, uint8_t* out, size_t out_size) {
  ZSTD_DCtx* ctx = ThreadZstdDecompressionContext();
  if (ctx == nullptr) return Status::ResourceExhausted("cannot create a Zstandard context");
  size_t n = ZSTD_decompressDCtx(ctx, out, out_size, in.data(), in.size());
  if (ZSTD_isError(n)) {
    if (ZSTD_getErrorCode(n) == ZSTD_error_dstSize_tooSmall) {
      return WrongSize(CompressionCodec::kZstd, out_size);
    }
    return Corrupt(CompressionCodec::kZstd, ZSTD_getErrorName(n));
  }
  if (n != out_size) return WrongSize(CompressionCodec::kZstd, out_size);
  return Status::OK();
}

Status Lz4RawDecompress(std::span<const uint8_t> in, uint8_t* out, size_t out_size,
                        CompressionCodec codec) {
  if (in.size() > LZ4_MAX_INPUT_SIZE || out_size > LZ4_MAX_INPUT_SIZE * size_t{255}) {
    return Corrupt(codec, "page too large for LZ4");
  }
  int capacity = static_cast<int>(std::min<size_t>(out_size, std::numeric_limits<int>::max()));
  int n = LZ4_decompress_safe(reinterpret_cast<const char*>(in.data()),
                              reinterpret_cast<char*>(out), static_cast<int>(in.size()), capacity);
  if (n < 0) return Corrupt(codec, "invalid LZ4 block");
  if (static_cast<size_t>(n) != out_size) return WrongSize(codec, out_size);
  return Status::OK();
}

// The Hadoop framing: blocks of [uncompressed length][compressed length][raw LZ4 block]. False
// when the input is not exactly such a sequence producing out_size bytes.
bool TryLz4HadoopDecompress(std::span<const uint8_t> in, uint8_t* out, size_t out_size) {
  size_t pos = 0;
  size_t produced = 0;
  while (in.size() - pos >= kHadoopPrefix) {
    uint32_t uncompressed = LoadBigEndian32(in.data() + pos);
    uint32_t compressed = LoadBigEndian32(in.data() + pos + 4);
    pos += kHadoopPrefix;
    if (compressed > in.size() - pos || uncompressed > out_size - produced) return false;
    if (!Lz4RawDecompress(in.subspan(pos, compressed), out + produced, uncompressed,
                          CompressionCodec::kLz4)
             .ok()) {
      return false;
    }
    pos += compressed;
    produced += uncompressed;
  }
  return pos == in.size() && produced == out_size;
}

Status BrotliDecompress(std::span<const uint8_t> in, uint8_t* out, size_t out_size) {
  size_t produced = out_size;
  if (BrotliDecoderDecompress(in.size(), in.data(), &produced, out) !=
      BROTLI_DECODER_RESULT_SUCCESS) {
    return Corrupt(CompressionCodec::kBrotli, "invalid stream or more data than declared");
  }
  if (produced != out_size) return WrongSize(CompressionCodec::kBrotli, out_size);
  return Status::OK();
}

// What `input` could at most decompress to, or -1 when the codec gives no useful bound; a
// declared size above it is a lie told before any allocation.
Result<int64_t> MaxDecompressedSize(CompressionCodec codec, std::span<const uint8_t> in) {
  const auto n = static_cast<int64_t>(in.size());
  switch (codec) {
    case CompressionCodec::kUncompressed:
      return n;
    case CompressionCodec::kSnappy: {
      size_t length;
      if (!snappy::GetUncompressedLength(reinterpret_cast<const char*>(in.data()), in.size(),
                                         &length)) {
        return Corrupt(codec, "bad length header");
      }
      return static_cast<int64_t>(length);
    }
    case CompressionCodec::kGzip:
      // DEFLATE expands at most 1032:1 (a 258-byte match per two bits).
      return n * 1032 + 1024;
    case CompressionCodec::kLz4:
    case CompressionCodec::kLz4Raw:
      // Each 0xFF length byte adds at most 255 bytes.
      return n * 256 + 1024;
    case CompressionCodec::kZstd:
      // A block yields at most 128 KiB and takes at least 4 bytes.
      return n * 32768 + 1024;
    default:
      return -1;
  }
}

// ---- compression ----

Status SnappyCompress(std::span<const uint8_t> in, std::string* out) {
  out->resize(snappy::MaxCompressedLength(in.size()));
  size_t length;
  snappy::RawCompress(reinterpret_cast<const char*>(in.data()), in.size(), out->data(), &length);
  out->resize(length);
  return Status::OK();
}

Status GzipCompress(std::span<const uint8_t> in, int level, std::string* out) {
  if (level == kDefaultCompressionLevel) level = kGzipDefaultLevel;
  if (level < 0 || level > 9) return Status::Invalid("GZIP level {} is not in 0..9", level);
  if (in.size() > std::numeric_limits<uInt>::max() / 2) {
    return Status::Invalid("a {} byte page is too large for GZIP", in.size());
  }
  z_stream stream{};
  // 16 + 15: gzip framing, which the spec requires.
  if (deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status::ResourceExhausted("cannot initialize zlib");
  }
  out->resize(deflateBound(&stream, static_cast<uLong>(in.size())));
  stream.next_in = const_cast<Bytef*>(in.data());
  stream.avail_in = static_cast<uInt>(in.size());
  stream.next_out = reinterpret_cast<Bytef*>(out->data());
  stream.avail_out = static_cast<uInt>(out->size());
  int rc = deflate(&stream, Z_FINISH);
  size_t produced = stream.total_out;
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) return Status::Internal("zlib deflate failed with code {}", rc);
  out->resize(produced);
  return Status::OK();
}

Status ZstdCompress(std::span<const uint8_t> in, int level, std::string* out) {
  if (level == kDefaultCompressionLevel) level = kZstdDefaultLevel;
  if (level < ZSTD_minCLevel() || level > ZSTD_maxCLevel()) {
    return Status::Invalid("ZSTD level {} is not in {}..{}", level, ZSTD_minCLevel(),
                           ZSTD_maxCLevel());
  }
  thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx*)> ctx(ZSTD_createCCtx(),
                                                                      ZSTD_freeCCtx);
  if (ctx == nullptr) return Status::ResourceExhausted("cannot create a Zstandard context");
  out->resize(ZSTD_compressBound(in.size()));
  size_t n = ZSTD_compressCCtx(ctx.get(), out->data(), out->size(), in.data(), in.size(), level);
  if (ZSTD_isError(n)) {
    return Status::Internal("Zstandard compression failed: {}", ZSTD_getErrorName(n));
  }
  out->resize(n);
  return Status::OK();
}

// A raw LZ4 block of `in` written at out->data() + offset.
Status Lz4Block(std::span<const uint8_t> in, int level, size_t offset, std::string* out) {
  if (in.size() > LZ4_MAX_INPUT_SIZE) {
    return Status::Invalid("a {} byte page is too large for LZ4", in.size());
  }
  if (level != kDefaultCompressionLevel && (level < 1 || level > LZ4HC_CLEVEL_MAX)) {
    return Status::Invalid("LZ4 level {} is not in 1..{}", level, LZ4HC_CLEVEL_MAX);
  }
  int bound = LZ4_compressBound(static_cast<int>(in.size()));
  out->resize(offset + static_cast<size_t>(bound));
  const auto* src = reinterpret_cast<const char*>(in.data());
  char* dst = out->data() + offset;
  int n = level == kDefaultCompressionLevel
              ? LZ4_compress_default(src, dst, static_cast<int>(in.size()), bound)
              : LZ4_compress_HC(src, dst, static_cast<int>(in.size()), bound, level);
  if (n <= 0 && !in.empty()) return Status::Internal("LZ4 compression failed");
  out->resize(offset + static_cast<size_t>(n));
  return Status::OK();
}

Status Lz4HadoopCompress(std::span<const uint8_t> in, int level, std::string* out) {
  BB_RETURN_NOT_OK(Lz4Block(in, level, kHadoopPrefix, out));
  StoreBigEndian32(static_cast<uint32_t>(in.size()), out->data());
  StoreBigEndian32(static_cast<uint32_t>(out->size() - kHadoopPrefix), out->data() + 4);
  return Status::OK();
}

Status BrotliCompress(std::span<const uint8_t> in, int level, std::string* out) {
  if (level == kDefaultCompressionLevel) level = kBrotliDefaultLevel;
  if (level < BROTLI_MIN_QUALITY || level > BROTLI_MAX_QUALITY) {
    return Status::Invalid("BROTLI level {} is not in {}..{}", level, BROTLI_MIN_QUALITY,
                           BROTLI_MAX_QUALITY);
  }
  out->resize(BrotliEncoderMaxCompressedSize(in.size()));
  size_t n = out->size();
  if (!BrotliEncoderCompress(level, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, in.size(),
                             in.data(), &n, reinterpret_cast<uint8_t*>(out->data()))) {
    return Status::Internal("Brotli compression failed");
  }
  out->resize(n);
  return Status::OK();
}

Status Unsupported(CompressionCodec codec) {
  return Status::NotImplemented("Parquet compression codec {} is not supported",
                                CodecName(codec));
}

}  // namespace

bool IsSupportedCodec(CompressionCodec codec) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
    case CompressionCodec::kSnappy:
    case CompressionCodec::kGzip:
    case CompressionCodec::kBrotli:
    case CompressionCodec::kLz4:
    case CompressionCodec::kZstd:
    case CompressionCodec::kLz4Raw:
      return true;
    default:
      return false;
  }
}

Status DecompressInto(CompressionCodec codec, std::span<const uint8_t> input, uint8_t* out,
                      size_t out_size) {
  // An empty page stored as no bytes at all (some writers skip compressing nothing).
  if (input.empty() && out_size == 0 && IsSupportedCodec(codec)) return Status::OK();
  switch (codec) {
    case CompressionCodec::kUncompressed:
      if (input.size() != out_size) return WrongSize(codec, out_size);
      if (out_size > 0) std::memcpy(out, input.data(), out_size);
      return Status::OK();
    case CompressionCodec::kSnappy:
      return SnappyDecompress(input, out, out_size);
    case CompressionCodec::kGzip:
      return GzipDecompress(input, out, out_size);
    case CompressionCodec::kZstd:
      return ZstdDecompress(input, out, out_size);
    case CompressionCodec::kLz4Raw:
      return Lz4RawDecompress(input, out, out_size, codec);
    case CompressionCodec::kLz4:
      if (TryLz4HadoopDecompress(input, out, out_size)) return Status::OK();
      return Lz4RawDecompress(input, out, out_size, codec);
    case CompressionCodec::kBrotli:
      return BrotliDecompress(input, out, out_size);
    default:
      return Unsupported(codec);
  }
}

Status CheckDecompressedSize(CompressionCodec codec, std::span<const uint8_t> input,
                             int64_t expected_uncompressed_size,
                             const DecompressionLimits& limits) {
  if (!IsSupportedCodec(codec)) return Unsupported(codec);
  if (expected_uncompressed_size < 0) {
    return Status::Invalid("a page declares a negative uncompressed size ({})",
                           expected_uncompressed_size);
  }
  if (expected_uncompressed_size > limits.max_uncompressed_size) {
    return Status::ResourceExhausted(
        "a page declares {} bytes uncompressed, more than the limit of {} bytes",
        expected_uncompressed_size, limits.max_uncompressed_size);
  }
  if (input.empty() && expected_uncompressed_size == 0) return Status::OK();
  BB_ASSIGN_OR_RAISE(int64_t bound, MaxDecompressedSize(codec, input));
  if (bound >= 0 && expected_uncompressed_size > bound) {
    return Status::Invalid(
        "a {} page of {} bytes cannot decompress to the {} bytes its header declares",
        CodecName(codec), input.size(), expected_uncompressed_size);
  }
  return Status::OK();
}

Result<std::shared_ptr<Buffer>> Decompress(CompressionCodec codec,
                                           std::span<const uint8_t> input,
                                           int64_t expected_uncompressed_size,
                                           const DecompressionLimits& limits) {
  BB_RETURN_NOT_OK(CheckDecompressedSize(codec, input, expected_uncompressed_size, limits));
  if (input.empty() && expected_uncompressed_size == 0) return Buffer::FromString("");
  BB_ASSIGN_OR_RAISE(auto buffer,
                     MutableBuffer::Allocate(static_cast<size_t>(expected_uncompressed_size)));
  BB_RETURN_NOT_OK(DecompressInto(codec, input, buffer->mutable_data(), buffer->size()));
  return std::shared_ptr<Buffer>(std::move(buffer));
}

Status DecompressReusing(CompressionCodec codec, std::span<const uint8_t> input,
                         int64_t expected_uncompressed_size, const DecompressionLimits& limits,
                         MutableBuffer* out) {
  BB_RETURN_NOT_OK(CheckDecompressedSize(codec, input, expected_uncompressed_size, limits));
  BB_RETURN_NOT_OK(out->Resize(static_cast<size_t>(expected_uncompressed_size)));
  return DecompressInto(codec, input, out->mutable_data(), out->size());
}

Status Compress(CompressionCodec codec, std::span<const uint8_t> input, int level,
                std::string* out) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
      out->assign(reinterpret_cast<const char*>(input.data()), input.size());
      return Status::OK();
    case CompressionCodec::kSnappy:
      return SnappyCompress(input, out);
    case CompressionCodec::kGzip:
      return GzipCompress(input, level, out);
    case CompressionCodec::kZstd:
      return ZstdCompress(input, level, out);
    case CompressionCodec::kLz4Raw:
      return Lz4Block(input, level, 0, out);
    case CompressionCodec::kLz4:
      return Lz4HadoopCompress(input, level, out);
    case CompressionCodec::kBrotli:
      return BrotliCompress(input, level, out);
    default:
      return Unsupported(codec);
  }
}

}  // namespace bundlebase::parquet
