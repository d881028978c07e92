// Building blocks shared by the aggregate functions: walking the valid rows of a column in runs,
// a base class that tracks the number of groups, and result-array builders.
//
// Aggregates run over whole columns, so the hot loops are written once per physical type and
// fed runs of consecutive valid rows: a column without nulls is one run, which the compiler
// turns into a tight (often vectorised) loop; a column with nulls is visited 64 rows at a time
// through its validity bitmap. The single-group case (no GROUP BY) is detected from the group
// count: when only group 0 exists every group id is 0 and the loops skip the id lookups.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "columnar/array.h"
#include "columnar/builder.h"
#include "sql/functions/function.h"

namespace bundlebase::sql {

// `count` (<= 64) bits of `bits` starting at bit `position`, bit 0 first; reads only the bytes
// that hold them, so it is safe on unpadded (imported) bitmaps.
inline uint64_t LoadBits(const uint8_t* bits, int64_t position, int64_t count) {
  const int64_t first_byte = position >> 3;
  const int shift = static_cast<int>(position & 7);
  const int64_t bytes = (shift + count + 7) >> 3;
  uint8_t window[16] = {};
  std::memcpy(window, bits + first_byte, static_cast<size_t>(bytes));
  uint64_t low;
  std::memcpy(&low, window, sizeof(low));
  uint64_t word = low >> shift;
  if (shift != 0) word |= static_cast<uint64_t>(window[8]) << (64 - shift);
  return count == 64 ? word : word & ((uint64_t{1} << count) - 1);
}

// Calls visit(begin, end) for every maximal run of valid rows of `array` within each 64-row
// block, in row order. A column without nulls is a single call.
template <typename Visit>
void VisitValidRuns(const Array& array, Visit&& visit) {
  const int64_t length = array.length();
  if (length == 0 || array.null_count() == length) return;
  const uint8_t* bits = array.validity();
  if (bits == nullptr || array.null_count() == 0) {
    visit(int64_t{0}, length);
    return;
  }
  for (int64_t block = 0; block < length; block += 64) {
    const int64_t n = std::min<int64_t>(64, length - block);
    uint64_t word = LoadBits(bits, array.offset() + block, n);
    const uint64_t full = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    if (word == full) {
      visit(block, block + n);
      continue;
    }
    while (word != 0) {
      const int begin = __builtin_ctzll(word);
      const uint64_t rest = ~(word >> begin);
      const int run = rest == 0 ? 64 - begin : __builtin_ctzll(rest);
      visit(block + begin, block + begin + run);
      word = begin + run >= 64 ? 0 : word & (~uint64_t{0} << (begin + run));
    }
  }
}

// Like VisitValidRuns, but a 64-row block that mixes valid and NULL rows goes to
// masked(begin, count, word) whole (bit j of `word` set = row begin + j valid) instead of run
// by run: reductions that can ignore a row branch-free (adding 0) stay vectorised.
template <typename Dense, typename Masked>
void VisitValidBlocks(const Array& array, Dense&& dense, Masked&& masked) {
  const int64_t length = array.length();
  if (length == 0 || array.null_count() == length) return;
  const uint8_t* bits = array.validity();
  if (bits == nullptr || array.null_count() == 0) {
    dense(int64_t{0}, length);
    return;
  }
  for (int64_t block = 0; block < length; block += 64) {
    const int64_t n = std::min<int64_t>(64, length - block);
    const uint64_t word = LoadBits(bits, array.offset() + block, n);
    const uint64_t full = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    if (word == full) {
      dense(block, block + n);
    } else if (word != 0) {
      masked(block, n, word);
    }
  }
}

// Base for the aggregators: remembers the group count, so Update can take the single-group
// path, and grows the per-group state through Grow().
class AggregatorBase : public GroupedAggregator {
 public:
  Status Resize(int64_t num_groups) final {
    if (num_groups <= num_groups_) return Status::OK();
    num_groups_ = num_groups;
    return Grow(num_groups);
  }

 protected:
  // Every group id is 0: only group 0 exists (or the caller passed no ids at all).
  bool single_group(const uint32_t* group_ids) const {
    return num_groups_ == 1 || group_ids == nullptr;
  }
  virtual Status Grow(int64_t num_groups) = 0;
  int64_t num_groups_ = 0;
};

// A fixed-width array of `values` with type `type`; row g is NULL where valid[g] == 0 (valid may
// be null: all valid).
template <typename T>
Result<ArrayPtr> MakeFixedWidthArray(const DataTypePtr& type, const std::vector<T>& values,
                                     const std::vector<uint8_t>* valid) {
  FixedWidthBuilder<T> builder(type);
  BB_RETURN_NOT_OK(builder.AppendValues(values.data(), static_cast<int64_t>(values.size()),
                                        valid ? valid->data() : nullptr));
  return builder.Finish();
}

// The argument as a column of `length` rows (aggregates accept constants, e.g. count(1)).
inline Result<ArrayPtr> ArgumentColumn(const std::vector<Datum>& args, size_t index,
                                       int64_t length) {
  if (index >= args.size()) {
    return Status::Internal("aggregate expected argument {} but got {} arguments", index + 1,
                            args.size());
  }
  return DatumToArray(args[index], length);
}

// A kernel result type that does not depend on the arguments.
inline OutputType FixedOutput(DataTypePtr type) {
  OutputType output;
  output.fixed = std::move(type);
  return output;
}

// A kernel result type computed from the argument types.
inline OutputType ComputedOutput(OutputTypeResolver resolver) {
  OutputType output;
  output.resolver = std::move(resolver);
  return output;
}

// 10^exponent for 0 <= exponent <= 38.
inline __int128 PowerOfTen128(int exponent) {
  __int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

}  // namespace bundlebase::sql
