// ShapeRecords: a fast pass that only verifies and records row starts, and a slow pass (blank
// lines, short records with null_padding, skipped malformed records) that rebuilds the ends.
#include "formats/csv/field_grid.h"

namespace bundlebase::csv {

namespace {

// Blank lines (nothing but spaces, tabs or a stray \r) are skipped wherever they appear in a
// file of several columns. In a one-column file an empty line is an empty field: a NULL.
bool IsBlankRecord(const char* data, int64_t start, int64_t end) {
  for (int64_t i = start; i < end; ++i) {
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') return false;
  }
  return true;
}

bool ShapeSlow(const char* data, const TokenizedSpan& span, const ShapeOptions& opt,
               FieldGrid* grid, SyntaxError* error) {
  const uint32_t* e = span.ends.data();
  const int nc = opt.num_columns;
  grid->row_starts.clear();
  grid->own_ends.clear();
  int64_t prev_last = -1;
  for (size_t r = 0; r < span.num_records(); ++r) {
    const int64_t last = span.record_last[r];
    const int64_t start = prev_last < 0 ? 0 : int64_t{e[prev_last]} + 1;
    const int64_t first = prev_last + 1;
    const int64_t fields = last - prev_last;
    prev_last = last;
    if (fields == 1 && nc > 1 && IsBlankRecord(data, start, e[last])) continue;
    if (int64_t{e[last]} - start > opt.max_record_bytes) {
      if (opt.skip_malformed) continue;
      *error = SyntaxError{SyntaxErrorKind::kRecordTooLong, static_cast<uint64_t>(start),
                           e[last] - static_cast<uint64_t>(start)};
      return false;
    }
    if (fields > nc) {
      if (opt.skip_malformed) continue;
      // Point at the first extra field, so a multi-line record reports the right line.
      *error = SyntaxError{SyntaxErrorKind::kTooManyFields, e[first + nc - 1] + uint64_t{1},
                           static_cast<uint64_t>(fields), nc};
      return false;
    }
    if (fields < nc && !opt.null_padding) {
      if (opt.skip_malformed) continue;
      *error = SyntaxError{SyntaxErrorKind::kTooFewFields, static_cast<uint64_t>(start),
                           static_cast<uint64_t>(fields), static_cast<int>(fields)};
      return false;
    }
    grid->row_starts.push_back(static_cast<uint32_t>(start));
    grid->own_ends.Reserve(static_cast<size_t>(nc));
    for (int64_t i = first; i <= last; ++i) grid->own_ends.push_back(e[i]);
    if (fields < nc) {
      // The real last field ends the line, so drop its \r here (the decoder only does that
      // for the last column); padded fields get end < start, which decodes as NULL.
      uint32_t end = e[last];
      int64_t field_start = fields == 1 ? start : int64_t{e[last - 1]} + 1;
      if (end > field_start && data[end - 1] == '\r') --end;
      grid->own_ends[grid->own_ends.size() - 1] = end;
      for (int64_t i = fields; i < nc; ++i) grid->own_ends.push_back(end);
    }
  }
  grid->num_rows = grid->row_starts.size();
  grid->ends = grid->own_ends.data();
  return true;
}

}  // namespace

bool ShapeRecords(const char* data, const TokenizedSpan& span, const ShapeOptions& opt,
                  FieldGrid* grid, SyntaxError* error) {
  const size_t records = span.num_records();
  const uint32_t* e = span.ends.data();
  const uint32_t* rl = span.record_last.data();
  const int nc = opt.num_columns;
  grid->num_columns = nc;
  grid->row_starts.clear();
  grid->row_starts.Reserve(records);
  uint32_t* starts = grid->row_starts.data();
  int64_t prev_last = -1;
  for (size_t r = 0; r < records; ++r) {
    const int64_t last = rl[r];
    const uint32_t start = prev_last < 0 ? 0 : e[prev_last] + 1;
    const bool bad = last - prev_last != nc || int64_t{e[last] - start} > opt.max_record_bytes;
    if (bad) return ShapeSlow(data, span, opt, grid, error);
    starts[r] = start;
    prev_last = last;
  }
  grid->row_starts.set_size(records);
  grid->num_rows = records;
  grid->ends = e;
  return true;
}

}  // namespace bundlebase::csv
