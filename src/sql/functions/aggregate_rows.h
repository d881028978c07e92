// Row-level tools for the aggregates that keep or compare whole values of any type: gathering
// rows into a new column (array_agg, ORDER BY and DISTINCT buffers), comparing two rows (ORDER
// BY keys), and canonical bytes and hashes of a row (DISTINCT sets, approx_count_distinct).
//
// Equality follows SQL grouping: NULL matches NULL, -0.0 matches 0.0, NaN matches NaN, and
// intervals compare by their length with a month counted as 30 days (PostgreSQL's interval
// comparison), so '1 mon' and '30 days' are one distinct value.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "columnar/array.h"

namespace bundlebase::sql {

// A new column holding rows[0], rows[1], ... of `array` (any type, nested types included).
Result<ArrayPtr> TakeRows(const Array& array, const std::vector<int64_t>& rows);

// Orders two non-NULL rows of one column: negative, zero or positive. Floats put NaN above
// every number, text compares bytewise (the C collation).
using ValueComparator = std::function<int(int64_t a, int64_t b)>;
Result<ValueComparator> MakeValueComparator(const ArrayPtr& array);

// Appends the canonical bytes of row `row` (NULL included) to `key`: equal values, in the sense
// above, give equal bytes, and no two unequal values of one type give the same bytes.
void AppendRowKey(const Array& array, int64_t row, std::string* key);

// A 64-bit hash of every row of `array` (of its canonical bytes; NULL rows hash to a fixed
// value). Fixed-width columns are hashed without building keys.
void HashRows(const Array& array, uint64_t* hashes);

// An interval as one comparable number: nanoseconds with a month of 30 days and a day of 24
// hours, as PostgreSQL compares intervals.
inline __int128 IntervalSortKey(const MonthDayNano& v) {
  constexpr __int128 kNanosPerDay = static_cast<__int128>(86400) * 1000000000;
  return (static_cast<__int128>(v.months) * 30 + v.days) * kNanosPerDay + v.nanoseconds;
}

}  // namespace bundlebase::sql
