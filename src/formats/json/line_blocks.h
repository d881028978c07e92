// Line blocks: how the JSON lines reader cuts a file into pieces it can parse in parallel.
//
// A block is a byte range that starts at the beginning of a line and ends just after a newline
// (or at the end of the file). Raw newlines cannot occur inside a JSON string, so cutting at
// '\n' never splits a record. Finding the cuts reads only a small window near each target
// offset, never the whole file, so the blocks are known before any parsing starts.
//
// simdjson reads up to SIMDJSON_PADDING bytes past the end of its input. ReadPaddedBlock
// returns a block with that many readable bytes after it: a zero-copy slice of the file when
// the file itself has more bytes there (most blocks of a memory-mapped file), otherwise a
// padded copy (the last block of a file).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "io/file_system.h"

namespace bundlebase::json {

struct LineBlock {
  uint64_t begin;
  uint64_t end;
};

// Cuts [start, file size) into blocks of about `block_size` bytes.
Result<std::vector<LineBlock>> SplitIntoLineBlocks(io::RandomAccessFile& file, uint64_t start,
                                                   uint64_t block_size);

struct PaddedBlock {
  std::string_view text;  // the block; at least SIMDJSON_PADDING readable bytes follow it
  std::shared_ptr<Buffer> holder;
};
Result<PaddedBlock> ReadPaddedBlock(io::RandomAccessFile& file, const LineBlock& block);

// The number of '\n' in [begin, end) of the file, read in chunks (for error messages).
Result<int64_t> CountNewlines(io::RandomAccessFile& file, uint64_t begin, uint64_t end);

}  // namespace bundlebase::json
