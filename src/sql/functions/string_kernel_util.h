// Row loops for string functions with several arguments (substring(text, int, int),
// lpad(text, int, text), ...): a row whose arguments are all valid gets fn's value, any NULL
// argument gives NULL (every function here is strict). Readers come from kernel_util.h.
#pragma once

#include <string>

#include "sql/functions/kernel_util.h"

namespace bundlebase::sql {

// A text column: fn(i, &out) appends row i's text to `out` (cleared for each row).
template <typename Fn, typename... Readers>
Result<ArrayPtr> StringRows(int64_t n, int64_t reserve_bytes, Fn fn, const Readers&... readers) {
  BinaryBuilder builder(Utf8());
  BB_RETURN_NOT_OK(builder.Reserve(n));
  BB_RETURN_NOT_OK(builder.ReserveData(reserve_bytes));
  std::string scratch;
  for (int64_t i = 0; i < n; ++i) {
    if (!AllValid(i, readers...)) {
      BB_RETURN_NOT_OK(builder.AppendNull());
      continue;
    }
    scratch.clear();
    BB_RETURN_NOT_OK(fn(i, &scratch));
    BB_RETURN_NOT_OK(builder.Append(scratch));
  }
  return builder.Finish();
}

// A fixed-width column: fn(i, &value) sets row i's value.
template <typename Out, typename Fn, typename... Readers>
Result<ArrayPtr> FixedRows(int64_t n, const DataTypePtr& type, Fn fn, const Readers&... readers) {
  FixedWidthBuilder<Out> builder(type);
  BB_RETURN_NOT_OK(builder.Reserve(n));
  for (int64_t i = 0; i < n; ++i) {
    if (!AllValid(i, readers...)) {
      builder.UnsafeAppendNull();
      continue;
    }
    Out value{};
    BB_RETURN_NOT_OK(fn(i, &value));
    builder.UnsafeAppend(value);
  }
  return builder.Finish();
}

// A bool column: fn(i) is row i's value.
template <typename Fn, typename... Readers>
Result<ArrayPtr> BoolRows(int64_t n, Fn fn, const Readers&... readers) {
  BoolBuilder builder;
  BB_RETURN_NOT_OK(builder.Reserve(n));
  for (int64_t i = 0; i < n; ++i) {
    if (AllValid(i, readers...)) {
      builder.UnsafeAppend(fn(i));
    } else {
      BB_RETURN_NOT_OK(builder.AppendNull());
    }
  }
  return builder.Finish();
}

}  // namespace bundlebase::sql
