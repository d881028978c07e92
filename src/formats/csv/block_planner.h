// BlockPlanner: cuts the data part of a CSV file into blocks that each start and end on a record
// boundary, a wave (a few blocks per thread) at a time, so blocks can be parsed in parallel and
// memory stays bounded by the wave, whatever the file size.
//
// With RFC 4180 quoting the cut is exact without a sequential scan: the number of quote
// characters before a byte tells whether it is inside a quoted field ("" toggles twice). Each
// block counts its quotes in parallel, a prefix of the parities gives the state at every block's
// nominal start, and a short forward scan from there finds the first newline outside quotes.
// With backslash escapes the state cannot be recovered that way, so the wave is scanned
// sequentially with the full state machine (parsing itself stays parallel).
//
// A boundary that cannot be found within max_record_bytes (an unbalanced quote, or a huge
// record) ends the plan: the block before it is cut there, so parsing it reports the precise
// problem, and the wave carries a fallback error in case it does not.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "base/buffer.h"
#include "io/file_system.h"
#include "formats/csv/tokenizer.h"

namespace bundlebase::csv {

struct BlockPlannerOptions {
  TokenizerConfig tokenizer;
  uint64_t block_bytes = uint64_t{2} << 20;
  int blocks_per_wave = 4;
  int64_t max_record_bytes = int64_t{64} << 20;
  int num_threads = 1;  // for the parallel quote count
};

struct Wave {
  std::shared_ptr<Buffer> bytes;  // file bytes [offset, offset + bytes->size())
  uint64_t offset = 0;
  // Consecutive [begin, end) ranges of whole records, as absolute file offsets; empty ones
  // (a record longer than a block) are left out.
  std::vector<std::pair<uint64_t, uint64_t>> blocks;
  // Set when planning stopped at a record boundary it could not find (absolute offset).
  std::optional<SyntaxError> error;
};

class BlockPlanner {
 public:
  // Plans [begin, end) of `file`; `begin` must be a record start.
  BlockPlanner(std::shared_ptr<io::RandomAccessFile> file, uint64_t begin, uint64_t end,
               BlockPlannerOptions options);

  bool done() const { return cursor_ >= end_; }
  Result<Wave> NextWave();

 private:
  // First record start at or after `from` (relative to the wave buffer) given the quote state
  // there; nullopt if the buffer ends first.
  std::optional<uint64_t> FindRecordStart(const Buffer& buf, uint64_t from, bool in_quote) const;
  // Boundaries by the state machine, for backslash escapes.
  std::optional<uint64_t> ScanRecordStart(const Buffer& buf, uint64_t record_start,
                                          uint64_t target) const;

  std::shared_ptr<io::RandomAccessFile> file_;
  uint64_t cursor_;
  uint64_t end_;
  BlockPlannerOptions options_;
};

}  // namespace bundlebase::csv
