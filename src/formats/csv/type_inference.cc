// Type inference over sampled fields: each value clears the candidate types it does not parse
// as; the first remaining candidate in order of narrowness wins.
#include "formats/csv/type_inference.h"

#include "base/strings.h"
#include "columnar/value_parsing.h"

namespace bundlebase::csv {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "007", "-01", "00.5": a zero followed by another digit.
bool HasLeadingZero(std::string_view v) {
  v = Trim(v);
  if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
  return v.size() >= 2 && v[0] == '0' && IsDigit(v[1]);
}

bool IsWholeNumberText(std::string_view v) {
  v = Trim(v);
  if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
  if (v.empty()) return false;
  for (char c : v) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace

uint8_t ColumnTypeGuess::CandidatesOf(std::string_view value, bool* has_digit) {
  uint8_t c = 0;
  *has_digit = false;
  std::string_view trimmed = Trim(value);
  if (EqualsIgnoreCase(trimmed, "true") || EqualsIgnoreCase(trimmed, "false")) c |= kBool;
  if (!HasLeadingZero(value)) {
    if (ParseInt64(value)) {
      c |= kInt64 | kFloat64;
    } else if (!IsWholeNumberText(value) && ParseDouble(value)) {
      c |= kFloat64;
    }
  }
  for (char ch : trimmed) {
    if (IsDigit(ch)) {
      *has_digit = true;
      break;
    }
  }
  if (*has_digit && trimmed.size() >= 8) {
    if (ParseDate32(value)) c |= kDate;
    if (auto ts = ParseTimestamp(value, TimeUnit::kMicro)) {
      c |= ts->has_tz ? kTimestampTz : kTimestamp;
    }
  }
  return c;
}

void ColumnTypeGuess::Observe(std::string_view value) {
  saw_value_ = true;
  if (candidates_ == 0) return;
  bool has_digit;
  candidates_ &= CandidatesOf(value, &has_digit);
  saw_digit_ = saw_digit_ || has_digit;
}

void ColumnTypeGuess::Merge(const ColumnTypeGuess& other) {
  if (!other.saw_value_) return;
  candidates_ = saw_value_ ? (candidates_ & other.candidates_) : other.candidates_;
  saw_value_ = true;
  saw_digit_ = saw_digit_ || other.saw_digit_;
}

uint8_t ColumnTypeGuess::Best() const {
  if (!saw_value_) return 0;
  for (uint8_t bit : {kBool, kInt64, kFloat64, kDate, kTimestamp, kTimestampTz}) {
    if (!(candidates_ & bit)) continue;
    if (bit == kFloat64 && !saw_digit_) continue;
    return bit;
  }
  return 0;
}

DataTypePtr ColumnTypeGuess::Resolve() const {
  switch (Best()) {
    case kBool: return Bool();
    case kInt64: return Int64();
    case kFloat64: return Float64();
    case kDate: return Date32();
    case kTimestamp: return Timestamp(TimeUnit::kMicro);
    case kTimestampTz: return Timestamp(TimeUnit::kMicro, "UTC");
    default: return Utf8();
  }
}

bool ColumnTypeGuess::Fits(std::string_view value) const {
  uint8_t best = Best();
  if (best == 0) return true;
  bool has_digit;
  return (CandidatesOf(value, &has_digit) & best) != 0;
}

void ObserveGrid(const DecodeContext& ctx, size_t first_row,
                 std::vector<ColumnTypeGuess>* guesses) {
  const FieldGrid& g = *ctx.grid;
  for (int col = 0; col < g.num_columns; ++col) {
    ColumnTypeGuess& guess = (*guesses)[static_cast<size_t>(col)];
    for (size_t r = first_row; r < g.num_rows; ++r) {
      FieldText f = ReadField(ctx, r, col);
      // A quoted "" is NULL for every type but text, and says nothing about the type.
      if (f.is_null || f.text.empty()) continue;
      guess.Observe(f.text);
    }
  }
}

}  // namespace bundlebase::csv
