// The tokenizer: finds where every field and record of a span of CSV text ends, without
// copying or converting anything. Column decoding (column_decoder.h) then reads fields by
// position, which is what lets unrequested columns cost nothing beyond this scan.
//
// Two implementations with identical output. The fast one classifies 64 bytes at a time into
// bitmasks (delimiter, newline, quote), tracks "inside quotes" with a prefix-XOR of the quote
// mask — exact for RFC 4180 doubled quotes, where "" toggles twice — and walks the separator
// bits with count-trailing-zeros. The scalar state machine handles backslash-style escapes,
// which a parity trick cannot, and is the reference the fast one is tested against.
//
// Quoting is strict RFC 4180: a quote may only open a field (right after a delimiter or line
// start) and a closing quote must be followed by a delimiter, a line ending, another quote
// (doubling) or the end of the input. Anything else is a SyntaxError, so a wrong guess about
// the quote character fails loudly instead of silently merging records.
#pragma once

#include <cstddef>
#include <cstdint>

#include "formats/csv/pod_vector.h"

namespace bundlebase::csv {

struct TokenizerConfig {
  char delimiter = ',';
  char quote = '"';    // '\0': no quoting
  char escape = '"';   // == quote: doubling; anything else escapes the next byte in quotes
  char newline = '\n';
};

enum class SyntaxErrorKind : uint8_t {
  kStrayQuote,         // a quote inside an unquoted field
  kTextAfterQuote,     // a closing quote followed by something other than a separator
  kUnterminatedQuote,  // a quoted field still open at the end of the input
  kTooManyFields,
  kTooFewFields,
  kRecordTooLong,
  kBadValue,           // a field that does not parse as its column's type
  kInvalidUtf8,
};

struct SyntaxError {
  SyntaxErrorKind kind;
  uint64_t offset = 0;   // where the problem is, relative to the tokenized span
  uint64_t related = 0;  // kBadValue, kInvalidUtf8: the end of the field;
                         // kStrayQuote, kUnterminatedQuote: the quote (same as offset);
                         // kTextAfterQuote: the closing quote;
                         // kTooMany/FewFields: the number of fields found;
                         // kRecordTooLong: the record's length
  int column = -1;       // 0-based file column, when known
};

// `e` with its offsets moved from a span starting at `base` to the enclosing file.
inline SyntaxError Rebased(SyntaxError e, uint64_t base) {
  e.offset += base;
  switch (e.kind) {
    case SyntaxErrorKind::kTooManyFields:
    case SyntaxErrorKind::kTooFewFields:
    case SyntaxErrorKind::kRecordTooLong:
      break;  // `related` is a count or a length
    default:
      e.related += base;
  }
  return e;
}

// Field ends of a span of whole records.
struct TokenizedSpan {
  // Offset of every field's terminator — its delimiter, its newline, or the span's size for a
  // last record without a newline — in input order.
  PodVector<uint32_t> ends;
  // For each record, the index in `ends` of its terminator. Record r's fields are
  // ends[record_last[r-1] + 1 .. record_last[r]], and it starts at ends[record_last[r-1]] + 1.
  PodVector<uint32_t> record_last;

  size_t num_records() const { return record_last.size(); }
};

// Tokenizes data[0, size) (size < 4 GiB), which must start at a record boundary. Returns
// false and fills `error` on a quoting error. Picks the fast path when the dialect allows it.
bool Tokenize(const char* data, size_t size, const TokenizerConfig& config, TokenizedSpan* out,
              SyntaxError* error);

// Tokenizes the first bytes of a file, whose last record may be cut short unless `complete`:
// that record is dropped, and so is one cut inside a quoted field. Used for samples.
bool TokenizePrefix(const char* data, size_t size, bool complete, const TokenizerConfig& config,
                    TokenizedSpan* out, SyntaxError* error);

// The state machine, for backslash escapes and as the reference implementation.
bool TokenizeScalar(const char* data, size_t size, const TokenizerConfig& config,
                    TokenizedSpan* out, SyntaxError* error);

}  // namespace bundlebase::csv
