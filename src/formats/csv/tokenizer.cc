// Tokenizer implementations: a bitmask scanner (SSE2, 64 bytes per step) and a byte-at-a-time
// state machine. Both report the same field ends and the same first error.
#include "formats/csv/tokenizer.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bundlebase::csv {

namespace {

// ---- The state machine ----

bool QuoteCanClose(const char* data, size_t size, size_t next, const TokenizerConfig& c) {
  if (next >= size) return true;
  char ch = data[next];
  if (ch == c.delimiter || ch == c.newline || ch == c.quote) return true;
  // "...",\r\n: the \r belongs to the line ending (dropped by the decoder).
  return c.newline == '\n' && ch == '\r' && (next + 1 == size || data[next + 1] == '\n');
}

bool QuoteCanOpen(const char* data, size_t at, const TokenizerConfig& c) {
  if (at == 0) return true;
  char prev = data[at - 1];
  // After a delimiter or newline it starts a field; after a closing quote it is a doubled one.
  return prev == c.delimiter || prev == c.newline || prev == c.quote;
}

void FinishLastRecord(size_t size, TokenizedSpan* out) {
  size_t last_start = out->record_last.empty() ? 0 : out->ends[out->record_last.back()] + 1;
  if (last_start < size) {
    out->ends.push_back(static_cast<uint32_t>(size));
    out->record_last.push_back(static_cast<uint32_t>(out->ends.size() - 1));
  }
}

// ---- The bitmask scanner ----

uint64_t PrefixXor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

struct Masks {
  uint64_t delimiter;
  uint64_t newline;
  uint64_t quote;
};

#if defined(__SSE2__)
uint64_t Mask16(__m128i bytes, __m128i needle) {
  return static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, needle)));
}

// The three bytes to look for, broadcast once per span.
struct Needles {
  explicit Needles(const TokenizerConfig& c)
      : delimiter(_mm_set1_epi8(c.delimiter)),
        newline(_mm_set1_epi8(c.newline)),
        quote(_mm_set1_epi8(c.quote)) {}
  __m128i delimiter, newline, quote;
};

Masks Classify(const char* p, const Needles& n) {
  Masks m{0, 0, 0};
  for (int i = 0; i < 4; ++i) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    m.delimiter |= Mask16(bytes, n.delimiter) << (16 * i);
    m.newline |= Mask16(bytes, n.newline) << (16 * i);
    m.quote |= Mask16(bytes, n.quote) << (16 * i);
  }
  return m;
}
#else
struct Needles {
  explicit Needles(const TokenizerConfig& c) : config(c) {}
  TokenizerConfig config;
};

Masks Classify(const char* p, const Needles& n) {
  const TokenizerConfig& c = n.config;
  Masks m{0, 0, 0};
  for (int i = 0; i < 64; ++i) {
    m.delimiter |= uint64_t{p[i] == c.delimiter} << i;
    m.newline |= uint64_t{p[i] == c.newline} << i;
    m.quote |= uint64_t{p[i] == c.quote} << i;
  }
  return m;
}
#endif

// The masks flag quotes whose neighbours lie in another 64-byte step, or whose neighbour is
// not a separator; this settles each such suspect by looking at the bytes themselves.
bool CheckSuspectQuotes(const char* data, size_t size, size_t base, uint64_t suspects,
                        uint64_t opening, const TokenizerConfig& c, SyntaxError* error) {
  while (suspects) {
    unsigned bit = static_cast<unsigned>(__builtin_ctzll(suspects));
    size_t at = base + bit;
    if ((opening >> bit) & 1) {
      if (!QuoteCanOpen(data, at, c)) {
        *error = SyntaxError{SyntaxErrorKind::kStrayQuote, at, at};
        return false;
      }
    } else if (!QuoteCanClose(data, size, at + 1, c)) {
      *error = SyntaxError{SyntaxErrorKind::kTextAfterQuote, at + 1, at};
      return false;
    }
    suspects &= suspects - 1;
  }
  return true;
}

template <bool kQuoting>
bool TokenizeBitmask(const char* data, size_t size, const TokenizerConfig& c, TokenizedSpan* out,
                     SyntaxError* error) {
  PodVector<uint32_t>& ends = out->ends;
  PodVector<uint32_t>& records = out->record_last;
  ends.clear();
  records.clear();
  ends.Reserve(size / 8 + 128);
  records.Reserve(size / 64 + 128);
  size_t k = 0, r = 0;
  uint64_t in_quote = 0;  // all ones while inside a quoted field
  uint64_t prev_quote = 0;  // 1 if the previous step ended with a quote
  size_t last_open = 0;     // the last quote that opened a field (for unterminated quotes)
  alignas(16) char tail[64];
  const Needles needles(c);
  for (size_t base = 0; base < size; base += 64) {
    // Room for one entry per byte of this step (records needs one spare: see below).
    if (k + 64 > ends.capacity()) {
      ends.set_size(k);
      ends.Reserve(64 + (size - base) / 8);
    }
    if (r + 65 > records.capacity()) {
      records.set_size(r);
      records.Reserve(65 + (size - base) / 64);
    }
    const char* p = data + base;
    if (size - base < 64) {
      // Zero padding never matches: the delimiter, newline and (when quoting) quote are nonzero.
      std::memset(tail, 0, sizeof(tail));
      std::memcpy(tail, p, size - base);
      p = tail;
    }
    Masks m = Classify(p, needles);
    uint64_t seps = m.delimiter | m.newline;
    if constexpr (kQuoting) {
      if (m.quote | in_quote) {
        uint64_t inside = PrefixXor(m.quote) ^ in_quote;
        in_quote = static_cast<uint64_t>(static_cast<int64_t>(inside) >> 63);
        uint64_t opening = m.quote & inside;
        uint64_t closing = m.quote & ~inside;
        uint64_t near = m.delimiter | m.newline | m.quote;
        uint64_t suspects = (opening & ~(near << 1)) | (closing & ~(near >> 1));
        if (suspects && !CheckSuspectQuotes(data, size, base, suspects, opening, c, error)) {
          return false;
        }
        // The second quote of a doubled "" also "opens" by parity; skip those.
        uint64_t field_openers = opening & ~((m.quote << 1) | prev_quote);
        if (field_openers) {
          last_open = base + 63 - static_cast<size_t>(__builtin_clzll(field_openers));
        }
        seps &= ~inside;
      }
      prev_quote = m.quote >> 63;
    }
    uint64_t newlines = m.newline & seps;
    uint32_t* e = ends.data();
    uint32_t* rl = records.data();
    while (seps) {
      unsigned bit = static_cast<unsigned>(__builtin_ctzll(seps));
      e[k] = static_cast<uint32_t>(base + bit);
      // Branch-free: always write, advance the record count only on a newline.
      rl[r] = static_cast<uint32_t>(k);
      r += (newlines >> bit) & 1;
      ++k;
      seps &= seps - 1;
    }
  }
  ends.set_size(k);
  records.set_size(r);
  if (in_quote) {
    *error = SyntaxError{SyntaxErrorKind::kUnterminatedQuote, last_open, last_open};
    return false;
  }
  FinishLastRecord(size, out);
  return true;
}

}  // namespace

bool TokenizeScalar(const char* data, size_t size, const TokenizerConfig& c, TokenizedSpan* out,
                    SyntaxError* error) {
  enum class State : uint8_t { kFieldStart, kUnquoted, kQuoted, kEscaped, kAfterQuote };
  out->ends.clear();
  out->record_last.clear();
  const bool quoting = c.quote != '\0';
  const bool doubling = c.escape == c.quote;
  State state = State::kFieldStart;
  size_t open_at = 0;
  auto end_field = [&](size_t i) { out->ends.push_back(static_cast<uint32_t>(i)); };
  auto end_record = [&](size_t i) {
    end_field(i);
    out->record_last.push_back(static_cast<uint32_t>(out->ends.size() - 1));
  };
  for (size_t i = 0; i < size; ++i) {
    const char ch = data[i];
    switch (state) {
      case State::kFieldStart:
        if (quoting && ch == c.quote) {
          state = State::kQuoted;
          open_at = i;
          break;
        }
        state = State::kUnquoted;
        [[fallthrough]];
      case State::kUnquoted:
        if (ch == c.delimiter) {
          end_field(i);
          state = State::kFieldStart;
        } else if (ch == c.newline) {
          end_record(i);
          state = State::kFieldStart;
        } else if (quoting && ch == c.quote) {
          *error = SyntaxError{SyntaxErrorKind::kStrayQuote, i, i};
          return false;
        }
        break;
      case State::kQuoted:
        if (!doubling && ch == c.escape) {
          state = State::kEscaped;
        } else if (ch == c.quote) {
          state = State::kAfterQuote;
        }
        break;
      case State::kEscaped:
        state = State::kQuoted;
        break;
      case State::kAfterQuote:
        if (ch == c.quote) {
          state = State::kQuoted;
        } else if (ch == c.delimiter) {
          end_field(i);
          state = State::kFieldStart;
        } else if (ch == c.newline) {
          end_record(i);
          state = State::kFieldStart;
        } else if (!(c.newline == '\n' && ch == '\r' && QuoteCanClose(data, size, i, c))) {
          *error = SyntaxError{SyntaxErrorKind::kTextAfterQuote, i, i - 1};
          return false;
        }
        break;
    }
  }
  if (state == State::kQuoted || state == State::kEscaped) {
    *error = SyntaxError{SyntaxErrorKind::kUnterminatedQuote, open_at, open_at};
    return false;
  }
  FinishLastRecord(size, out);
  return true;
}

bool Tokenize(const char* data, size_t size, const TokenizerConfig& c, TokenizedSpan* out,
              SyntaxError* error) {
  if (c.quote == '\0') return TokenizeBitmask<false>(data, size, c, out, error);
  if (c.escape != c.quote) return TokenizeScalar(data, size, c, out, error);
  return TokenizeBitmask<true>(data, size, c, out, error);
}

bool TokenizePrefix(const char* data, size_t size, bool complete, const TokenizerConfig& c,
                    TokenizedSpan* out, SyntaxError* error) {
  if (!Tokenize(data, size, c, out, error)) {
    // A quoted field still open where the sample ends is fine: keep what precedes it.
    if (complete || error->kind != SyntaxErrorKind::kUnterminatedQuote) return false;
    size = error->offset;
    if (!Tokenize(data, size, c, out, error)) return false;
    complete = false;
  }
  const size_t records = out->num_records();
  if (!complete && records > 0 && out->ends[out->record_last.back()] == size &&
      (size == 0 || data[size - 1] != c.newline)) {
    out->record_last.set_size(records - 1);
    out->ends.set_size(records == 1 ? 0 : out->record_last.back() + size_t{1});
  }
  return true;
}

}  // namespace bundlebase::csv
