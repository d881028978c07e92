// Row comparison for ORDER BY keys, shared by sort, top-N and window operators.
//
// Two tools, used together: a normalized 64-bit prefix of the first key (ComputeSortPrefixes),
// whose unsigned order agrees with the key's SQL order — direction and NULL placement included —
// so most comparisons are one integer compare; and RowComparator, the exact typed comparison
// over every key, used only when prefixes tie. Order is PostgreSQL's: NaN above every number
// (and equal to itself), -0 equal to 0, text and bytea by bytes, intervals by their total with
// 30-day months, NULLs last for ASC and first for DESC unless the key says otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "columnar/record_batch.h"

namespace bundlebase::sql {

struct SortKey {
  int column = 0;  // position in the input batch
  bool ascending = true;
  bool nulls_first = false;

  // PostgreSQL's default NULL placement for a direction: last for ASC, first for DESC.
  static SortKey Default(int column, bool ascending) { return {column, ascending, !ascending}; }
  // EXPLAIN form: "#1 DESC NULLS LAST", "#0" (defaults are not spelled out).
  std::string ToString() const;
};

// "#1 DESC NULLS LAST, #0".
std::string FormatSortKeys(const std::vector<SortKey>& keys);

// Compares two non-null values of one type: negative, zero or positive, ascending order.
using ValueCompareFn = int (*)(const Array& a, int64_t i, const Array& b, int64_t j);

// An error naming the column type when it cannot be ordered (lists, structs).
Result<ValueCompareFn> ValueComparatorFor(const DataType& type);

// Compares rows of batches that share one schema, key by key.
class RowComparator {
 public:
  static Result<RowComparator> Make(const Schema& schema, std::vector<SortKey> keys);

  const std::vector<SortKey>& keys() const { return keys_; }

  // Orders row i of `a` against row j of `b` on keys [first_key, keys().size()); `a` and `b`
  // are the key columns of the two batches (KeyColumns), in key order.
  int Compare(const Array* const* a, int64_t i, const Array* const* b, int64_t j,
              size_t first_key = 0) const {
    for (size_t k = first_key; k < keys_.size(); ++k) {
      const Array& x = *a[k];
      const Array& y = *b[k];
      const bool x_null = x.IsNull(i);
      const bool y_null = y.IsNull(j);
      if (x_null || y_null) {
        if (x_null && y_null) continue;
        const int null_side = x_null ? 1 : -1;  // NULL after values
        return keys_[k].nulls_first ? -null_side : null_side;
      }
      const int c = compare_[k](x, i, y, j);
      if (c != 0) return keys_[k].ascending ? c : -c;
    }
    return 0;
  }

  // The key columns of `batch`, in key order, for Compare.
  std::vector<const Array*> KeyColumns(const RecordBatch& batch) const;

 private:
  std::vector<SortKey> keys_;
  std::vector<ValueCompareFn> compare_;
};

// The NULL prefix: a non-null value may share it, so a tie on it always needs the full compare.
inline uint64_t NullSortPrefix(const SortKey& key) { return key.nulls_first ? 0 : ~uint64_t{0}; }

// Writes one prefix per row of `array` into out[0..length): unsigned order of prefixes agrees
// with the key's order wherever they differ.
void ComputeSortPrefixes(const Array& array, const SortKey& key, uint64_t* out);

// True when equal prefixes of two non-null values of `type` mean equal values (integers, floats,
// dates, times, timestamps, bool); false when the prefix is a truncation (text, decimal,
// interval).
bool SortPrefixIsExact(const DataType& type);

}  // namespace bundlebase::sql
