// WindowLayout: the shape of a window's input once it is sorted by (partition keys, order
// keys) — where each partition starts, each row's peer group — and the frame of every row.
//
// Frames are half-open row ranges [start, end) in sorted order, always inside the row's
// partition (an empty frame has start == end). RANGE frames with an offset compare the single
// order key's values, as numbers (numeric keys) or as days / time units (date, timestamp).
#pragma once

#include <cstdint>
#include <vector>

#include "sql/execution/window_spec.h"

namespace bundlebase::sql {

struct WindowLayout {
  int64_t num_rows = 0;
  std::vector<int64_t> partition_starts;  // ascending, then num_rows
  std::vector<int64_t> peer_start;        // per row: first row of its peer group
  std::vector<int64_t> peer_end;          // per row: one past its peer group's last row
  std::vector<int64_t> peer_index;        // per row: its peer group's number in the partition
  // RANGE with offsets: the order key, negated for DESC so it ascends, and which rows are NULL.
  std::vector<double> range_key;
  std::vector<uint8_t> range_key_null;
};

// Partitions and peer groups of `sorted` (already in window order).
Result<WindowLayout> ComputeWindowLayout(const RecordBatch& sorted,
                                         const WindowOperatorSpec& spec);

// Fills the layout's RANGE key from the single order key (an error for other key types).
Status ComputeRangeKey(const RecordBatch& sorted, const WindowOperatorSpec& spec,
                       WindowLayout* layout);

// Converts a RANGE offset to the units of the order key of `key_type`.
Result<double> RangeOffsetInKeyUnits(const Scalar& offset, const DataType& key_type);

// The frames of rows [partition_start, partition_end): frame_start[k] / frame_end[k] for row
// partition_start + k. RANGE offsets must be converted already (start_offset, end_offset).
void ComputeFrames(const WindowFrameSpec& frame, const WindowLayout& layout,
                   int64_t partition_start, int64_t partition_end, double start_offset,
                   double end_offset, int64_t* frame_start, int64_t* frame_end);

}  // namespace bundlebase::sql
