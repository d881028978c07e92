// Page codecs: round trips at default and explicit levels, known framings (Snappy literal,
// Hadoop LZ4, concatenated gzip members, zlib framing), exact-size enforcement, zip-bomb
// declarations, and corrupt or truncated input for every codec.
#include "formats/parquet/compression.h"

#include <zlib.h>

#include <random>
#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase::parquet {
namespace {

constexpr int kDefault = kDefaultCompressionLevel;

std::span<const uint8_t> Span(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

const CompressionCodec kCodecs[] = {CompressionCodec::kUncompressed, CompressionCodec::kSnappy,
                                    CompressionCodec::kGzip,         CompressionCodec::kBrotli,
                                    CompressionCodec::kLz4,          CompressionCodec::kZstd,
                                    CompressionCodec::kLz4Raw};

std::vector<std::string> Inputs() {
  std::mt19937 rng(11);
  std::string random(100000, '\0');
  for (auto& c : random) c = static_cast<char>(rng());
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "row " + std::to_string(i % 97) + ",";
  return {"", "a", "hello hello hello hello", random, text, std::string(1 << 20, '\0')};
}

Result<std::string> RoundTrip(CompressionCodec codec, const std::string& input, int level) {
  std::string compressed;
  BB_RETURN_NOT_OK(Compress(codec, Span(input), level, &compressed));
  BB_ASSIGN_OR_RAISE(auto buffer, Decompress(codec, Span(compressed),
                                             static_cast<int64_t>(input.size())));
  return std::string(buffer->view());
}

TEST(CompressionTest, RoundTripsEveryCodec) {
  for (CompressionCodec codec : kCodecs) {
    EXPECT_TRUE(IsSupportedCodec(codec));
    for (const std::string& input : Inputs()) {
      ASSERT_OK_AND_ASSIGN(std::string back, RoundTrip(codec, input, kDefault));
      EXPECT_EQ(back, input) << CodecName(codec) << " " << input.size();
    }
  }
}

TEST(CompressionTest, CompressesWhatCompresses) {
  std::string zeros(1 << 20, '\0');
  for (CompressionCodec codec : kCodecs) {
    if (codec == CompressionCodec::kUncompressed) continue;
    std::string out;
    ASSERT_OK(Compress(codec, Span(zeros), kDefault, &out));
    EXPECT_LT(out.size(), zeros.size() / 20) << CodecName(codec);
  }
}

TEST(CompressionTest, ExplicitLevels) {
  std::string text = Inputs()[4];
  for (auto [codec, level] : {std::pair{CompressionCodec::kZstd, 1},
                              std::pair{CompressionCodec::kZstd, 19},
                              std::pair{CompressionCodec::kGzip, 1},
                              std::pair{CompressionCodec::kGzip, 9},
                              std::pair{CompressionCodec::kBrotli, 1},
                              std::pair{CompressionCodec::kLz4Raw, 9},
                              std::pair{CompressionCodec::kLz4, 12}}) {
    ASSERT_OK_AND_ASSIGN(std::string back, RoundTrip(codec, text, level));
    EXPECT_EQ(back, text);
  }
  std::string out;
  EXPECT_TRUE(Compress(CompressionCodec::kZstd, Span(text), 1000, &out).IsInvalid());
  EXPECT_TRUE(Compress(CompressionCodec::kGzip, Span(text), 10, &out).IsInvalid());
  EXPECT_TRUE(Compress(CompressionCodec::kBrotli, Span(text), 12, &out).IsInvalid());
  EXPECT_TRUE(Compress(CompressionCodec::kLz4Raw, Span(text), 13, &out).IsInvalid());
}

TEST(CompressionTest, SnappyLiteralFromTheFormatDescription) {
  // Length varint 5, then a literal tag ((5 - 1) << 2) and the bytes.
  std::string compressed = std::string("\x05\x10", 2) + "hello";
  ASSERT_OK_AND_ASSIGN(auto out, Decompress(CompressionCodec::kSnappy, Span(compressed), 5));
  EXPECT_EQ(out->view(), "hello");
}

TEST(CompressionTest, Lz4HadoopFramingAndRawFallback) {
  std::string input = Inputs()[4];
  std::string raw, framed;
  ASSERT_OK(Compress(CompressionCodec::kLz4Raw, Span(input), kDefault, &raw));
  ASSERT_OK(Compress(CompressionCodec::kLz4, Span(input), kDefault, &framed));
  // Big-endian uncompressed and compressed lengths before the raw block.
  std::string prefix(8, '\0');
  auto put = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) prefix[at + i] = static_cast<char>(v >> (24 - 8 * i));
  };
  put(0, static_cast<uint32_t>(input.size()));
  put(4, static_cast<uint32_t>(raw.size()));
  EXPECT_EQ(framed, prefix + raw);
  // Several frames in a row, as Hadoop writes large pages.
  std::string half1 = input.substr(0, 50000), half2 = input.substr(50000);
  std::string f1, f2;
  ASSERT_OK(Compress(CompressionCodec::kLz4, Span(half1), kDefault, &f1));
  ASSERT_OK(Compress(CompressionCodec::kLz4, Span(half2), kDefault, &f2));
  ASSERT_OK_AND_ASSIGN(auto two, Decompress(CompressionCodec::kLz4, Span(f1 + f2),
                                            static_cast<int64_t>(input.size())));
  EXPECT_EQ(two->view(), input);
  // A raw block under the LZ4 codec (older Parquet C++) still reads.
  ASSERT_OK_AND_ASSIGN(auto fallback, Decompress(CompressionCodec::kLz4, Span(raw),
                                                 static_cast<int64_t>(input.size())));
  EXPECT_EQ(fallback->view(), input);
}

std::string ZlibCompress(const std::string& input, int window_bits) {
  z_stream s{};
  deflateInit2(&s, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, static_cast<uLong>(input.size())), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  s.avail_in = static_cast<uInt>(input.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

TEST(CompressionTest, GzipMembersAndZlibFraming) {
  std::string a, b;
  ASSERT_OK(Compress(CompressionCodec::kGzip, Span(std::string("abc")), kDefault, &a));
  ASSERT_OK(Compress(CompressionCodec::kGzip, Span(std::string("defg")), kDefault, &b));
  EXPECT_EQ(static_cast<uint8_t>(a[0]), 0x1f);  // gzip, not zlib, framing
  EXPECT_EQ(static_cast<uint8_t>(a[1]), 0x8b);
  ASSERT_OK_AND_ASSIGN(auto joined, Decompress(CompressionCodec::kGzip, Span(a + b), 7));
  EXPECT_EQ(joined->view(), "abcdefg");
  // Some writers used zlib framing under the GZIP codec.
  std::string zlib = ZlibCompress("zlib framed", MAX_WBITS);
  ASSERT_OK_AND_ASSIGN(auto z, Decompress(CompressionCodec::kGzip, Span(zlib), 11));
  EXPECT_EQ(z->view(), "zlib framed");
  // Bytes after the last member that are not another member.
  EXPECT_TRUE(Decompress(CompressionCodec::kGzip, Span(a + "xyz"), 3).status().IsInvalid());
}

TEST(CompressionTest, DeclaredSizeMustBeExact) {
  std::string input = Inputs()[4];
  for (CompressionCodec codec : kCodecs) {
    std::string compressed;
    ASSERT_OK(Compress(codec, Span(input), kDefault, &compressed));
    auto n = static_cast<int64_t>(input.size());
    EXPECT_TRUE(Decompress(codec, Span(compressed), n - 1).status().IsInvalid())
        << CodecName(codec);
    EXPECT_TRUE(Decompress(codec, Span(compressed), n + 1).status().IsInvalid())
        << CodecName(codec);
    EXPECT_TRUE(Decompress(codec, Span(compressed), -1).status().IsInvalid()) << CodecName(codec);
  }
}

TEST(CompressionTest, ZipBombDeclarationsFailBeforeAllocating) {
  std::string small;
  ASSERT_OK(Compress(CompressionCodec::kGzip, Span(std::string(1000, 'x')), kDefault,
                     &small));
  // Over the configured limit.
  DecompressionLimits limits;
  limits.max_uncompressed_size = 1 << 20;
  Status st = Decompress(CompressionCodec::kGzip, Span(small), (1 << 20) + 1, limits).status();
  EXPECT_TRUE(st.IsResourceExhausted()) << st.ToString();
  // Under the limit but beyond what these few bytes could ever expand to.
  for (CompressionCodec codec : {CompressionCodec::kGzip, CompressionCodec::kSnappy,
                                 CompressionCodec::kLz4Raw, CompressionCodec::kZstd,
                                 CompressionCodec::kUncompressed}) {
    std::string compressed;
    ASSERT_OK(Compress(codec, Span(std::string(1000, 'x')), kDefault, &compressed));
    int64_t before = TotalAllocatedBytes();
    st = Decompress(codec, Span(compressed), int64_t{900} << 20).status();
    EXPECT_TRUE(st.IsInvalid()) << CodecName(codec) << ": " << st.ToString();
    EXPECT_EQ(TotalAllocatedBytes(), before);
  }
}

TEST(CompressionTest, CorruptAndTruncatedInputFails) {
  std::string input = Inputs()[4];
  std::mt19937 rng(3);
  for (CompressionCodec codec : kCodecs) {
    if (codec == CompressionCodec::kUncompressed) continue;
    std::string compressed;
    ASSERT_OK(Compress(codec, Span(input), kDefault, &compressed));
    auto n = static_cast<int64_t>(input.size());
    for (size_t cut : {size_t{0}, size_t{1}, compressed.size() / 2, compressed.size() - 1}) {
      auto r = Decompress(codec, Span(compressed.substr(0, cut)), n);
      EXPECT_FALSE(r.ok()) << CodecName(codec) << " cut " << cut;
    }
    for (int trial = 0; trial < 50; ++trial) {
      std::string bad = compressed;
      for (int k = 0; k < 4; ++k) bad[rng() % bad.size()] = static_cast<char>(rng());
      auto r = Decompress(codec, Span(bad), n);
      // Corruption is usually caught; when a codec without checksums decodes it anyway, the
      // output still has exactly the declared size.
      if (r.ok()) {
        EXPECT_EQ((*r)->size(), input.size());
      }
    }
    std::string noise(500, '\0');
    for (auto& c : noise) c = static_cast<char>(rng());
    EXPECT_FALSE(Decompress(codec, Span(noise), 100000).ok()) << CodecName(codec);
  }
}

TEST(CompressionTest, EmptyPagesMayHaveNoBytes) {
  // parquet-testing's datapage_v2_empty_datapage.snappy.parquet stores an empty v2 page's values
  // as zero bytes, not as a compressed empty stream.
  for (CompressionCodec codec : kCodecs) {
    ASSERT_OK_AND_ASSIGN(auto out, Decompress(codec, {}, 0));
    EXPECT_EQ(out->size(), 0u);
    EXPECT_TRUE(Decompress(codec, {}, 1).status().IsInvalid()) << CodecName(codec);
  }
}

TEST(CompressionTest, LzoIsNotSupported) {
  EXPECT_FALSE(IsSupportedCodec(CompressionCodec::kLzo));
  std::string out;
  EXPECT_EQ(Compress(CompressionCodec::kLzo, Span(std::string("x")), kDefault, &out)
                .code(),
            StatusCode::kNotImplemented);
  EXPECT_EQ(Decompress(CompressionCodec::kLzo, Span(std::string("x")), 1).status().code(),
            StatusCode::kNotImplemented);
  auto unknown = Decompress(static_cast<CompressionCodec>(42), Span(std::string("x")), 1);
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotImplemented);
}

}  // namespace
}  // namespace bundlebase::parquet
