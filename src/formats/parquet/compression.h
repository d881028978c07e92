// Page compression codecs (Compression.md): UNCOMPRESSED, SNAPPY, GZIP, BROTLI, ZSTD, LZ4_RAW
// and the deprecated Hadoop-framed LZ4, over the Debian system libraries.
//
// A page header declares its uncompressed size, and decompression must produce exactly that
// many bytes: more or fewer is an error, never a silently short or overrun page. Before anything
// is allocated the declared size is checked against a configurable limit and against what the
// compressed bytes could possibly expand to (the size a Snappy stream records, the maximum
// expansion of DEFLATE, LZ4 and Zstandard), so a small hostile page cannot make the reader
// reserve a gigabyte (the "Parquet zip bomb"). An empty page stored as no bytes is accepted for
// every codec. GZIP input may hold several gzip members (as the spec asks readers to accept);
// LZ4 input that does not parse as Hadoop frames is read as one raw block, as older Parquet C++
// wrote it. LZO is not supported.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>

#include "base/buffer.h"
#include "bundlebase/result.h"
#include "formats/parquet/enums.h"

namespace bundlebase::parquet {

struct DecompressionLimits {
  // Largest decompressed page accepted. The default is the most a page header can declare:
  // valid files with huge pages exist (parquet-testing's large_string_map.brotli.parquet has a
  // 1 GiB page); lower it to bound memory per page further.
  int64_t max_uncompressed_size = std::numeric_limits<int32_t>::max();
};

// Selects each codec's default level: ZSTD 3, GZIP 6, BROTLI 8, LZ4 fast mode.
inline constexpr int kDefaultCompressionLevel = std::numeric_limits<int>::min();

// Decompresses `input` into exactly `out_size` bytes at `out` (the caller checked out_size).
Status DecompressInto(CompressionCodec codec, std::span<const uint8_t> input, uint8_t* out,
                      size_t out_size);

// The checks made before any memory is reserved for a page: the declared size against the
// limit and against what `input` could possibly decompress to.
Status CheckDecompressedSize(CompressionCodec codec, std::span<const uint8_t> input,
                             int64_t expected_uncompressed_size,
                             const DecompressionLimits& limits = {});

// Checks the declared size, allocates it, and decompresses into the new buffer.
Result<std::shared_ptr<Buffer>> Decompress(CompressionCodec codec,
                                           std::span<const uint8_t> input,
                                           int64_t expected_uncompressed_size,
                                           const DecompressionLimits& limits = {});

// The same into `out`, resized to the declared size: a reader decoding page after page reuses
// one buffer instead of allocating (and page-faulting in) a fresh one per page.
Status DecompressReusing(CompressionCodec codec, std::span<const uint8_t> input,
                         int64_t expected_uncompressed_size, const DecompressionLimits& limits,
                         MutableBuffer* out);

// Compresses `input` with `codec`, replacing the contents of `*out` (its capacity is reused).
// Levels are the codec's own: ZSTD its min..max, GZIP 0..9, BROTLI 0..11, LZ4 1..12 (high
// compression), others have none.
Status Compress(CompressionCodec codec, std::span<const uint8_t> input, int level,
                std::string* out);

// Whether this build reads and writes the codec.
bool IsSupportedCodec(CompressionCodec codec);

}  // namespace bundlebase::parquet
