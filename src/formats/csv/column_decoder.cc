// Column decoding: one loop per type family over the rows of a FieldGrid. The loops are
// templates over the value parser so each compiles to a tight, call-free inner loop for the
// common shapes (plain integers, ISO dates, short strings) and falls back to the general
// parsers of columnar/value_parsing.h only for unusual spellings.
#include "formats/csv/column_decoder.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string_view>

#include "base/strings.h"
#include "columnar/value_parsing.h"

namespace bundlebase::csv {

namespace {

constexpr size_t kNoFailure = static_cast<size_t>(-1);

bool IsNullValue(const char* p, int64_t n, const std::vector<std::string>& null_values) {
  std::string_view v(p, static_cast<size_t>(n));
  for (const std::string& s : null_values) {
    if (v == s) return true;
  }
  return false;
}

// Finds field (r, col): sets p/n to its text without surrounding quotes and returns false if
// the field is NULL. Escapes are left for the caller to collapse.
template <bool kQuotedEmptyIsNull>
inline bool LocateField(const DecodeContext& ctx, size_t r, int col, bool check_nulls,
                        const char** p_out, int64_t* n_out, bool* quoted) {
  const FieldGrid& g = *ctx.grid;
  const int64_t start = g.FieldStart(r, col);
  int64_t end = g.FieldEnd(r, col);
  // The \r of a \r\n line ending stays on the record's last field until here.
  if (col == g.num_columns - 1 && end > start && ctx.data[end - 1] == '\r') --end;
  int64_t n = end - start;
  if (n <= 0) return false;
  const char* p = ctx.data + start;
  *quoted = false;
  if (ctx.quote != '\0' && *p == ctx.quote) {
    *quoted = true;
    ++p;
    n -= 2;  // the tokenizer guarantees the closing quote
    if (kQuotedEmptyIsNull && n == 0) return false;
  } else if (check_nulls && IsNullValue(p, n, *ctx.null_values)) {
    return false;
  }
  *p_out = p;
  *n_out = n;
  return true;
}

bool HasNullValues(const DecodeContext& ctx) {
  return ctx.null_values != nullptr && !ctx.null_values->empty();
}

// Calls on_value(row, p, n, quoted) for every non-NULL field of `col` and on_null(row) for
// NULL ones. Returns the first row whose on_value returned false, or kNoFailure.
template <bool kQuotedEmptyIsNull, typename OnValue, typename OnNull>
size_t ForEachField(const DecodeContext& ctx, int col, OnValue&& on_value, OnNull&& on_null) {
  const bool check_nulls = HasNullValues(ctx);
  const size_t rows = ctx.grid->num_rows;
  for (size_t r = 0; r < rows; ++r) {
    const char* p;
    int64_t n;
    bool quoted;
    if (!LocateField<kQuotedEmptyIsNull>(ctx, r, col, check_nulls, &p, &n, &quoted)) {
      on_null(r);
      continue;
    }
    if (!on_value(r, p, n, quoted)) return r;
  }
  return kNoFailure;
}

SyntaxError BadValue(const DecodeContext& ctx, int col, size_t row, SyntaxErrorKind kind) {
  const FieldGrid& g = *ctx.grid;
  int64_t start = g.FieldStart(row, col);
  int64_t end = std::max(start, g.FieldEnd(row, col));
  if (col == g.num_columns - 1 && end > start && ctx.data[end - 1] == '\r') --end;
  return SyntaxError{kind, static_cast<uint64_t>(start), static_cast<uint64_t>(end), col};
}

// The validity bitmap for `rows` rows with the given rows NULL, or null if there are none.
Result<BufferPtr> MakeValidity(size_t rows, const PodVector<uint32_t>& nulls) {
  if (nulls.empty()) return BufferPtr();
  const size_t bytes = static_cast<size_t>(bitmap::BytesForBits(static_cast<int64_t>(rows)));
  BB_ASSIGN_OR_RAISE(auto buffer, MutableBuffer::Allocate(bytes));
  uint8_t* bits = buffer->mutable_data();
  std::memset(bits, 0xff, bytes);
  for (size_t i = 0; i < nulls.size(); ++i) bitmap::ClearBit(bits, nulls[i]);
  return BufferPtr(std::move(buffer));
}

// ---- Value parsers: (p, n, out) -> ok ----

std::string_view View(const char* p, int64_t n) { return {p, static_cast<size_t>(n)}; }

// Adds the run of decimal digits at p to *value (which may wrap for over 19 digits; callers
// count them) and returns where the run ends. Eight digits at a time where possible, with the
// SWAR method of fast_float and simdjson.
const char* AccumulateDigits(const char* p, const char* end, uint64_t* value) {
  uint64_t v = *value;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (end - p >= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    if (((chunk + 0x4646464646464646) | (chunk - 0x3030303030303030)) & 0x8080808080808080) break;
    chunk -= 0x3030303030303030;
    chunk = chunk * 10 + (chunk >> 8);
    chunk = (((chunk & 0x000000FF000000FF) * (100 + (uint64_t{1000000} << 32))) +
             (((chunk >> 16) & 0x000000FF000000FF) * (1 + (uint64_t{10000} << 32)))) >>
            32;
    v = v * 100000000 + chunk;
    p += 8;
  }
#endif
  for (; p < end; ++p) {
    const unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(*p) - '0');
    if (digit > 9) break;
    v = v * 10 + digit;
  }
  *value = v;
  return p;
}

// Up to 18 digits cannot overflow; longer or unusual spellings go to ParseInt64.
bool ParseInt64Field(const char* p, int64_t n, int64_t* out) {
  const char* end = p + n;
  const char* d = p + (*p == '-' || *p == '+');
  const int64_t digits = end - d;
  if (digits > 0 && digits <= 18) {
    uint64_t v = 0;
    d = AccumulateDigits(d, end, &v);
    if (d == end) {
      *out = *p == '-' ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
      return true;
    }
  }
  auto v = ParseInt64(View(p, n));
  if (!v) return false;
  *out = *v;
  return true;
}

template <typename T>
bool ParseIntField(const char* p, int64_t n, T* out) {
  if constexpr (std::is_signed_v<T>) {
    int64_t v;
    if (!ParseInt64Field(p, n, &v)) return false;
    if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) return false;
    *out = static_cast<T>(v);
  } else {
    auto v = ParseUInt64(View(p, n));
    if (!v || *v > std::numeric_limits<T>::max()) return false;
    *out = static_cast<T>(*v);
  }
  return true;
}

// Clinger's fast path: a plain decimal whose digits fit in 53 bits and whose fraction has at
// most 22 digits is exactly (digits as double) / 10^fraction_digits, both exact and one
// correctly rounded division. Everything else goes to from_chars.
bool FastDouble(const char* p, int64_t n, double* out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* end = p + n;
  const bool negative = *p == '-';
  p += negative;
  uint64_t mantissa = 0;
  const char* int_end = AccumulateDigits(p, end, &mantissa);
  int64_t digits = int_end - p;
  int64_t fraction = 0;
  p = int_end;
  if (p < end && *p == '.') {
    ++p;
    const char* frac_end = AccumulateDigits(p, end, &mantissa);
    fraction = frac_end - p;
    digits += fraction;
    p = frac_end;
  }
  if (p != end || digits == 0 || digits > 19 || mantissa > (uint64_t{1} << 53) || fraction > 22) {
    return false;
  }
  double v = static_cast<double>(mantissa) / kPow10[fraction];
  *out = negative ? -v : v;
  return true;
}

bool ParseDoubleField(const char* p, int64_t n, double* out) {
  if (FastDouble(p, n, out)) return true;
  if (*p != '+' && *p != ' ' && *p != '\t') {
    auto [ptr, ec] = std::from_chars(p, p + n, *out);
    if (ec == std::errc() && ptr == p + n) return true;
  }
  auto v = ParseDouble(View(p, n));
  if (!v) return false;
  *out = *v;
  return true;
}

bool ParseFloatField(const char* p, int64_t n, float* out) {
  double v;
  if (!ParseDoubleField(p, n, &v)) return false;
  *out = static_cast<float>(v);
  return true;
}

unsigned Digit(char c) { return static_cast<unsigned>(static_cast<unsigned char>(c) - '0'); }

bool AllDigits(const char* p, std::initializer_list<int> at) {
  unsigned bad = 0;
  for (int i : at) bad |= Digit(p[i]) > 9;
  return bad == 0;
}

// Consecutive rows usually share a month; remembering where it starts and how long it is saves
// the calendar math.
class MonthCache {
 public:
  // Days since the epoch of y-m-d (m in 1..12, d >= 1); false if d is past the month's end.
  bool Days(int64_t y, int m, int d, int64_t* days) {
    const int64_t key = y * 16 + m;
    if (key != key_) {
      key_ = key;
      start_ = DaysFromCivil(y, m, 1);
      length_ = DaysInMonth(y, m);
    }
    *days = start_ + d - 1;
    return d <= length_;
  }

 private:
  int64_t key_ = -1;
  int64_t start_ = 0;
  int length_ = 0;
};

// "YYYY-MM-DD" at p, as days since the epoch, if the digits are there and the date exists.
bool FixedDate(const char* p, MonthCache* months, int64_t* days) {
  if (p[4] != '-' || p[7] != '-' || !AllDigits(p, {0, 1, 2, 3, 5, 6, 8, 9})) return false;
  const int64_t y = Digit(p[0]) * 1000 + Digit(p[1]) * 100 + Digit(p[2]) * 10 + Digit(p[3]);
  const int m = static_cast<int>(Digit(p[5]) * 10 + Digit(p[6]));
  const int d = static_cast<int>(Digit(p[8]) * 10 + Digit(p[9]));
  return m >= 1 && m <= 12 && d >= 1 && months->Days(y, m, d, days);
}

bool ParseDateField(const char* p, int64_t n, MonthCache* months, int32_t* out) {
  int64_t days;
  if (n == 10 && FixedDate(p, months, &days)) {
    *out = static_cast<int32_t>(days);
    return true;
  }
  auto v = ParseDate32(View(p, n));
  if (!v) return false;
  *out = *v;
  return true;
}

// "YYYY-MM-DD HH:MM:SS[.fraction]" (or 'T'), no zone: the common spelling, parsed inline.
bool FastTimestamp(const char* p, int64_t n, TimeUnit unit, MonthCache* months, int64_t* out) {
  if (n < 19 || (p[10] != ' ' && p[10] != 'T') || p[13] != ':' || p[16] != ':') return false;
  int64_t days;
  if (!FixedDate(p, months, &days) || !AllDigits(p, {11, 12, 14, 15, 17, 18})) return false;
  const int64_t hh = Digit(p[11]) * 10 + Digit(p[12]);
  const int64_t mi = Digit(p[14]) * 10 + Digit(p[15]);
  const int64_t ss = Digit(p[17]) * 10 + Digit(p[18]);
  if (hh > 23 || mi > 59 || ss > 59) return false;
  int64_t nanos = 0;
  if (n > 19) {
    if (p[19] != '.' || n == 20 || n > 29) return false;
    for (int64_t i = 20; i < 29; ++i) {
      unsigned digit = i < n ? Digit(p[i]) : 0;
      if (digit > 9) return false;
      nanos = nanos * 10 + digit;
    }
  }
  const int64_t per_second = TimeUnitsPerSecond(unit);
  const int64_t div = 1000000000 / per_second;
  const int64_t seconds = days * 86400 + (hh * 60 + mi) * 60 + ss;
  int64_t scaled;
  if (__builtin_mul_overflow(seconds, per_second, &scaled)) return false;
  return !__builtin_add_overflow(scaled, (nanos + div / 2) / div, out);
}

bool ParseBoolField(const char* p, int64_t n, bool* out) {
  if (n == 4 && std::memcmp(p, "true", 4) == 0) {
    *out = true;
    return true;
  }
  if (n == 5 && std::memcmp(p, "false", 5) == 0) {
    *out = false;
    return true;
  }
  auto v = ParseBool(View(p, n));
  if (!v) return false;
  *out = *v;
  return true;
}

// ---- Column loops ----

template <typename T, typename Parse>
Status DecodeFixed(const DecodeContext& ctx, int col, const DataTypePtr& type, Parse parse,
                   ArrayPtr* out, std::optional<SyntaxError>* bad) {
  const size_t rows = ctx.grid->num_rows;
  BB_ASSIGN_OR_RAISE(auto values, MutableBuffer::Allocate(std::max<size_t>(1, rows * sizeof(T))));
  values->UnsafeSetSize(rows * sizeof(T));
  T* v = values->template mutable_data_as<T>();
  PodVector<uint32_t> nulls;
  size_t failed = ForEachField<true>(
      ctx, col, [&](size_t r, const char* p, int64_t n, bool) { return parse(p, n, &v[r]); },
      [&](size_t r) {
        v[r] = T{};
        nulls.push_back(static_cast<uint32_t>(r));
      });
  if (failed != kNoFailure) {
    *bad = BadValue(ctx, col, failed, SyntaxErrorKind::kBadValue);
    return Status::OK();
  }
  BB_ASSIGN_OR_RAISE(BufferPtr validity, MakeValidity(rows, nulls));
  *out = std::make_shared<Array>(type, static_cast<int64_t>(rows),
                                 std::vector<BufferPtr>{validity, values},
                                 static_cast<int64_t>(nulls.size()));
  return Status::OK();
}

Status DecodeBool(const DecodeContext& ctx, int col, const DataTypePtr& type, ArrayPtr* out,
                  std::optional<SyntaxError>* bad) {
  const size_t rows = ctx.grid->num_rows;
  const size_t bytes = static_cast<size_t>(bitmap::BytesForBits(static_cast<int64_t>(rows)));
  BB_ASSIGN_OR_RAISE(auto values,
                     MutableBuffer::Allocate(std::max<size_t>(1, bytes), /*zero_fill=*/true));
  values->UnsafeSetSize(bytes);
  uint8_t* bits = values->mutable_data();
  PodVector<uint32_t> nulls;
  size_t failed = ForEachField<true>(
      ctx, col,
      [&](size_t r, const char* p, int64_t n, bool) {
        bool v;
        if (!ParseBoolField(p, n, &v)) return false;
        if (v) bitmap::SetBit(bits, static_cast<int64_t>(r));
        return true;
      },
      [&](size_t r) { nulls.push_back(static_cast<uint32_t>(r)); });
  if (failed != kNoFailure) {
    *bad = BadValue(ctx, col, failed, SyntaxErrorKind::kBadValue);
    return Status::OK();
  }
  BB_ASSIGN_OR_RAISE(BufferPtr validity, MakeValidity(rows, nulls));
  *out = std::make_shared<Array>(type, static_cast<int64_t>(rows),
                                 std::vector<BufferPtr>{validity, values},
                                 static_cast<int64_t>(nulls.size()));
  return Status::OK();
}

// Copies the content of a quoted field, collapsing "" and escape sequences.
size_t Unescape(const char* p, size_t n, char quote, char escape, char* dst) {
  size_t o = 0;
  for (size_t i = 0; i < n; ++i) {
    char ch = p[i];
    if (i + 1 < n && ((ch == escape && escape != quote) || (ch == quote && p[i + 1] == quote))) {
      ch = p[++i];
    }
    dst[o++] = ch;
  }
  return o;
}

Status DecodeString(const DecodeContext& ctx, int col, const DataTypePtr& type, ArrayPtr* out,
                    std::optional<SyntaxError>* bad) {
  const FieldGrid& g = *ctx.grid;
  const size_t rows = g.num_rows;
  // Raw field lengths bound the bytes needed (quotes and escapes only shrink a value).
  size_t total = 0;
  for (size_t r = 0; r < rows; ++r) {
    total += static_cast<size_t>(std::max<int64_t>(0, g.FieldEnd(r, col) - g.FieldStart(r, col)));
  }
  if (total > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::ResourceExhausted("CSV block holds over 2 GiB of text in one column");
  }
  BB_ASSIGN_OR_RAISE(auto offsets_buf, MutableBuffer::Allocate((rows + 1) * sizeof(int32_t)));
  // At least one byte, so the fixed-size copy below always has a real destination.
  BB_ASSIGN_OR_RAISE(auto data_buf, MutableBuffer::Allocate(std::max<size_t>(1, total)));
  int32_t* offsets = offsets_buf->mutable_data_as<int32_t>();
  char* dst = data_buf->mutable_data_as<char>();
  const char* block_end = ctx.data + ctx.size;
  const bool backslash_style = ctx.escape != ctx.quote;
  size_t pos = 0;
  PodVector<uint32_t> nulls;
  offsets[0] = 0;
  ForEachField<false>(
      ctx, col,
      [&](size_t r, const char* p, int64_t n, bool quoted) {
        const size_t len = static_cast<size_t>(n);
        if (quoted && (std::memchr(p, ctx.quote, len) != nullptr ||
                       (backslash_style && std::memchr(p, ctx.escape, len) != nullptr))) {
          pos += Unescape(p, len, ctx.quote, ctx.escape, dst + pos);
        } else if (len <= 16 && p + 16 <= block_end) {
          // Short values: one fixed-size copy (the destination has padding to spare).
          std::memcpy(dst + pos, p, 16);
          pos += len;
        } else {
          std::memcpy(dst + pos, p, len);
          pos += len;
        }
        offsets[r + 1] = static_cast<int32_t>(pos);
        return true;
      },
      [&](size_t r) {
        nulls.push_back(static_cast<uint32_t>(r));
        offsets[r + 1] = static_cast<int32_t>(pos);
      });
  data_buf->UnsafeSetSize(pos);
  if (type->id() == TypeId::kUtf8) {
    size_t invalid = ValidateUtf8(std::string_view(dst, pos));
    if (invalid != std::string_view::npos) {
      size_t row = static_cast<size_t>(
          std::upper_bound(offsets + 1, offsets + rows + 1, static_cast<int32_t>(invalid)) -
          (offsets + 1));
      *bad = BadValue(ctx, col, row, SyntaxErrorKind::kInvalidUtf8);
      return Status::OK();
    }
  }
  BB_ASSIGN_OR_RAISE(BufferPtr validity, MakeValidity(rows, nulls));
  *out = std::make_shared<Array>(type, static_cast<int64_t>(rows),
                                 std::vector<BufferPtr>{validity, offsets_buf, data_buf},
                                 static_cast<int64_t>(nulls.size()));
  return Status::OK();
}

}  // namespace

FieldText ReadField(const DecodeContext& ctx, size_t row, int col) {
  const char* p = nullptr;
  int64_t n = 0;
  bool quoted = false;
  if (!LocateField<false>(ctx, row, col, HasNullValues(ctx), &p, &n, &quoted)) {
    return FieldText{{}, false, true};
  }
  return FieldText{View(p, n), quoted, false};
}

std::string UnescapedText(const DecodeContext& ctx, const FieldText& field) {
  if (!field.quoted) return std::string(field.text);
  std::string out(field.text.size(), '\0');
  out.resize(Unescape(field.text.data(), field.text.size(), ctx.quote, ctx.escape, out.data()));
  return out;
}

bool IsDecodableType(const DataType& type) {
  switch (type.id()) {
    case TypeId::kBool:
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64:
    case TypeId::kFloat32:
    case TypeId::kFloat64:
    case TypeId::kDecimal128:
    case TypeId::kUtf8:
    case TypeId::kBinary:
    case TypeId::kDate32:
    case TypeId::kTime64:
    case TypeId::kTimestamp:
      return true;
    default:
      return false;
  }
}

Status DecodeColumn(const DecodeContext& ctx, int col, const DataTypePtr& type, ArrayPtr* out,
                    std::optional<SyntaxError>* bad) {
  out->reset();
  bad->reset();
  switch (type->id()) {
    case TypeId::kBool:
      return DecodeBool(ctx, col, type, out, bad);
    case TypeId::kInt8:
      return DecodeFixed<int8_t>(ctx, col, type, ParseIntField<int8_t>, out, bad);
    case TypeId::kInt16:
      return DecodeFixed<int16_t>(ctx, col, type, ParseIntField<int16_t>, out, bad);
    case TypeId::kInt32:
      return DecodeFixed<int32_t>(ctx, col, type, ParseIntField<int32_t>, out, bad);
    case TypeId::kInt64:
      return DecodeFixed<int64_t>(ctx, col, type, ParseInt64Field, out, bad);
    case TypeId::kUInt8:
      return DecodeFixed<uint8_t>(ctx, col, type, ParseIntField<uint8_t>, out, bad);
    case TypeId::kUInt16:
      return DecodeFixed<uint16_t>(ctx, col, type, ParseIntField<uint16_t>, out, bad);
    case TypeId::kUInt32:
      return DecodeFixed<uint32_t>(ctx, col, type, ParseIntField<uint32_t>, out, bad);
    case TypeId::kUInt64:
      return DecodeFixed<uint64_t>(ctx, col, type, ParseIntField<uint64_t>, out, bad);
    case TypeId::kFloat32:
      return DecodeFixed<float>(ctx, col, type, ParseFloatField, out, bad);
    case TypeId::kFloat64:
      return DecodeFixed<double>(ctx, col, type, ParseDoubleField, out, bad);
    case TypeId::kDate32: {
      MonthCache months;
      auto parse = [&months](const char* p, int64_t n, int32_t* o) {
        return ParseDateField(p, n, &months, o);
      };
      return DecodeFixed<int32_t>(ctx, col, type, parse, out, bad);
    }
    case TypeId::kTime64: {
      const TimeUnit unit = type->unit();
      auto parse = [unit](const char* p, int64_t n, int64_t* o) {
        auto v = ParseTime64(View(p, n), unit);
        if (v) *o = *v;
        return v.has_value();
      };
      return DecodeFixed<int64_t>(ctx, col, type, parse, out, bad);
    }
    case TypeId::kTimestamp: {
      const TimeUnit unit = type->unit();
      MonthCache months;
      auto parse = [unit, &months](const char* p, int64_t n, int64_t* o) {
        if (FastTimestamp(p, n, unit, &months, o)) return true;
        auto v = ParseTimestamp(View(p, n), unit);
        if (v) *o = v->value;
        return v.has_value();
      };
      return DecodeFixed<int64_t>(ctx, col, type, parse, out, bad);
    }
    case TypeId::kDecimal128: {
      const int precision = type->precision(), scale = type->scale();
      auto parse = [precision, scale](const char* p, int64_t n, __int128* o) {
        auto v = ParseDecimal128(View(p, n), precision, scale);
        if (v) *o = *v;
        return v.has_value();
      };
      return DecodeFixed<__int128>(ctx, col, type, parse, out, bad);
    }
    case TypeId::kUtf8:
    case TypeId::kBinary:
      return DecodeString(ctx, col, type, out, bad);
    default:
      return Status::NotImplemented("CSV columns of type {} are not supported",
                                    type->ToString());
  }
}

}  // namespace bundlebase::csv
