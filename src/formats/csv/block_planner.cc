// Wave planning: read a wave of the file, find the record boundary nearest after each nominal
// block start (by quote parity, or sequentially for backslash escapes), and hand out the blocks.
#include "formats/csv/block_planner.h"

#include <algorithm>
#include <cstring>

#include "base/thread_pool.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bundlebase::csv {

namespace {

// The first read looks this far past the wave for its last boundary; a miss re-reads more.
constexpr uint64_t kInitialLookahead = uint64_t{256} << 10;

// Whether `quote` occurs an odd number of times in p[0, n). Only the parity matters, so the
// match masks are XORed together and counted once at the end.
bool OddQuoteCount(const char* p, uint64_t n, char quote) {
  uint64_t i = 0;
  unsigned acc = 0;
#if defined(__SSE2__)
  const __m128i q = _mm_set1_epi8(quote);
  for (; i + 64 <= n; i += 64) {
    __m128i a = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), q);
    __m128i b = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16)), q);
    __m128i c = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 32)), q);
    __m128i d = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 48)), q);
    __m128i x = _mm_xor_si128(_mm_xor_si128(a, b), _mm_xor_si128(c, d));
    acc ^= static_cast<unsigned>(_mm_movemask_epi8(x));
  }
#endif
  for (; i < n; ++i) acc ^= p[i] == quote;
  return __builtin_popcount(acc) & 1;
}

}  // namespace

BlockPlanner::BlockPlanner(std::shared_ptr<io::RandomAccessFile> file, uint64_t begin,
                           uint64_t end, BlockPlannerOptions options)
    : file_(std::move(file)), cursor_(begin), end_(end), options_(options) {}

std::optional<uint64_t> BlockPlanner::FindRecordStart(const Buffer& buf, uint64_t from,
                                                      bool in_quote) const {
  const char* data = buf.data_as<char>();
  const uint64_t size = buf.size();
  const char quote = options_.tokenizer.quote;
  const char newline = options_.tokenizer.newline;
  for (uint64_t i = from; i < size; ++i) {
    const char c = data[i];
    if (quote != '\0' && c == quote) {
      in_quote = !in_quote;
    } else if (c == newline && !in_quote) {
      return i + 1;
    }
  }
  return std::nullopt;
}

std::optional<uint64_t> BlockPlanner::ScanRecordStart(const Buffer& buf, uint64_t record_start,
                                                      uint64_t target) const {
  const char* data = buf.data_as<char>();
  const uint64_t size = buf.size();
  const TokenizerConfig& c = options_.tokenizer;
  bool in_quote = false;
  bool field_start = true;
  for (uint64_t i = record_start; i < size; ++i) {
    const char ch = data[i];
    if (in_quote) {
      if (ch == c.escape && c.escape != c.quote) {
        ++i;  // the escaped byte
      } else if (ch == c.quote) {
        in_quote = false;  // a doubled quote reopens on the next byte
        field_start = true;
      }
      continue;
    }
    if (ch == c.quote && field_start) {
      in_quote = true;
    } else if (ch == c.newline) {
      if (i + 1 >= target) return i + 1;
      field_start = true;
      continue;
    }
    field_start = ch == c.delimiter;
  }
  return std::nullopt;
}

Result<Wave> BlockPlanner::NextWave() {
  Wave wave;
  const uint64_t begin = cursor_;
  wave.offset = begin;
  if (begin >= end_) return wave;
  const uint64_t block = options_.block_bytes;
  const uint64_t grid_end =
      std::min(end_, begin + block * static_cast<uint64_t>(options_.blocks_per_wave));
  const uint64_t n = (grid_end - begin + block - 1) / block;
  const uint64_t limit = static_cast<uint64_t>(options_.max_record_bytes) + 1;
  const TokenizerConfig& tc = options_.tokenizer;
  const bool by_parity = tc.quote == '\0' || tc.escape == tc.quote;

  uint64_t lookahead = kInitialLookahead;
  std::vector<uint64_t> bounds(n + 1, 0);  // relative to `begin`
  for (;;) {
    const uint64_t read_end = std::min(end_, grid_end + lookahead);
    BB_ASSIGN_OR_RAISE(wave.bytes, file_->ReadAt(begin, read_end - begin));
    const Buffer& buf = *wave.bytes;
    std::vector<uint8_t> odd(n, 0);
    if (by_parity && tc.quote != '\0') {
      BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
          n,
          [&](size_t i) {
            const char* p = buf.data_as<char>() + i * block;
            const uint64_t len = std::min(block, grid_end - begin - i * block);
            odd[i] = OddQuoteCount(p, len, tc.quote);
            return Status::OK();
          },
          static_cast<size_t>(std::max(1, options_.num_threads))));
    }
    bool in_quote = false;
    bool retry = false;
    wave.error.reset();
    uint64_t i = 1;
    for (; i <= n; ++i) {
      in_quote ^= odd[i - 1] != 0;
      const uint64_t nominal = std::min(i * block, grid_end - begin);
      if (begin + nominal >= end_) {
        bounds[i] = end_ - begin;
        continue;
      }
      std::optional<uint64_t> found = by_parity ? FindRecordStart(buf, nominal, in_quote)
                                                : ScanRecordStart(buf, bounds[i - 1], nominal);
      if (found) {
        bounds[i] = std::max(*found, bounds[i - 1]);
        continue;
      }
      if (read_end == end_) {
        // The rest of the file is one record (or an unterminated quote the parse reports).
        bounds[i] = end_ - begin;
        continue;
      }
      if (lookahead < limit) {
        retry = true;
        break;
      }
      // No boundary within max_record_bytes: cut here and stop planning.
      bounds[i] = read_end - begin;
      wave.error = SyntaxError{SyntaxErrorKind::kRecordTooLong, begin + bounds[i - 1],
                               read_end - (begin + bounds[i - 1])};
      break;
    }
    if (retry) {
      lookahead = std::min(limit, lookahead * 8);
      continue;
    }
    const uint64_t last = std::min(i, n);
    for (uint64_t b = 0; b < last; ++b) {
      if (bounds[b] < bounds[b + 1]) {
        wave.blocks.emplace_back(begin + bounds[b], begin + bounds[b + 1]);
      }
    }
    cursor_ = wave.error ? end_ : begin + bounds[last];
    return wave;
  }
}

}  // namespace bundlebase::csv
