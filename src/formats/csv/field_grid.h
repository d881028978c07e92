// FieldGrid: tokenized records checked against the expected number of columns, so field
// (row, column) can be found by arithmetic. ShapeRecords builds it from a TokenizedSpan:
// it skips blank lines (when there is more than one column), enforces the field count (or pads
// short records with NULLs when asked) and the record size limit. In the common case — every
// record well formed — it only adds the row starts and reuses the tokenizer's field ends.
#pragma once

#include <cstddef>
#include <cstdint>

#include "formats/csv/pod_vector.h"
#include "formats/csv/tokenizer.h"

namespace bundlebase::csv {

struct ShapeOptions {
  int num_columns = 0;
  bool null_padding = false;
  int64_t max_record_bytes = int64_t{64} << 20;
  // Drop malformed records instead of failing (type inference samples use this).
  bool skip_malformed = false;
};

struct FieldGrid {
  int num_columns = 0;
  size_t num_rows = 0;
  PodVector<uint32_t> row_starts;
  // num_rows * num_columns field ends; points into the TokenizedSpan or into own_ends.
  const uint32_t* ends = nullptr;
  PodVector<uint32_t> own_ends;

  // Field (row, col) spans [start, end). A field that null_padding added has end < start.
  int64_t FieldStart(size_t row, int col) const {
    return col == 0 ? row_starts[row] : int64_t{ends[row * num_columns + col - 1]} + 1;
  }
  int64_t FieldEnd(size_t row, int col) const { return ends[row * num_columns + col]; }
};

// `span` must outlive `grid` (the grid may point into it).
bool ShapeRecords(const char* data, const TokenizedSpan& span, const ShapeOptions& options,
                  FieldGrid* grid, SyntaxError* error);

}  // namespace bundlebase::csv
