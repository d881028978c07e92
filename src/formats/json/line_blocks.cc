// Block cutting, padded block reads and newline counting over a RandomAccessFile.
#include "formats/json/line_blocks.h"

#include <algorithm>
#include <cstring>

#include <simdjson.h>

namespace bundlebase::json {

namespace {

// The offset just past the first '\n' at or after `from`, or the file size if there is none.
Result<uint64_t> NextLineStart(io::RandomAccessFile& file, uint64_t from) {
  const uint64_t size = file.size();
  uint64_t window = 64 << 10;
  while (from < size) {
    uint64_t length = std::min(window, size - from);
    BB_ASSIGN_OR_RAISE(auto bytes, file.ReadAt(from, length));
    const void* newline = std::memchr(bytes->data(), '\n', bytes->size());
    if (newline != nullptr) {
      return from + static_cast<uint64_t>(static_cast<const uint8_t*>(newline) - bytes->data()) +
             1;
    }
    from += length;
    // Long lines: read further ahead each time, so a huge line costs few reads.
    window = std::min<uint64_t>(window * 2, 64 << 20);
  }
  return size;
}

}  // namespace

Result<std::vector<LineBlock>> SplitIntoLineBlocks(io::RandomAccessFile& file, uint64_t start,
                                                   uint64_t block_size) {
  std::vector<LineBlock> blocks;
  const uint64_t size = file.size();
  uint64_t begin = start;
  while (begin < size) {
    uint64_t end = size;
    if (size - begin > block_size) {
      BB_ASSIGN_OR_RAISE(end, NextLineStart(file, begin + block_size - 1));
    }
    blocks.push_back({begin, end});
    begin = end;
  }
  return blocks;
}

Result<PaddedBlock> ReadPaddedBlock(io::RandomAccessFile& file, const LineBlock& block) {
  const uint64_t length = block.end - block.begin;
  if (file.size() - block.end >= simdjson::SIMDJSON_PADDING) {
    BB_ASSIGN_OR_RAISE(auto bytes,
                       file.ReadAt(block.begin, length + simdjson::SIMDJSON_PADDING));
    return PaddedBlock{std::string_view(bytes->data_as<char>(), length), std::move(bytes)};
  }
  BB_ASSIGN_OR_RAISE(auto bytes, file.ReadAt(block.begin, length));
  BB_ASSIGN_OR_RAISE(auto copy, MutableBuffer::Allocate(length + simdjson::SIMDJSON_PADDING));
  if (length > 0) std::memcpy(copy->mutable_data(), bytes->data(), length);
  std::memset(copy->mutable_data() + length, ' ', simdjson::SIMDJSON_PADDING);
  return PaddedBlock{std::string_view(copy->data_as<char>(), length), std::move(copy)};
}

Result<int64_t> CountNewlines(io::RandomAccessFile& file, uint64_t begin, uint64_t end) {
  constexpr uint64_t kChunk = 4 << 20;
  int64_t count = 0;
  for (uint64_t at = begin; at < end; at += kChunk) {
    BB_ASSIGN_OR_RAISE(auto bytes, file.ReadAt(at, std::min(kChunk, end - at)));
    count += std::count(bytes->data(), bytes->data() + bytes->size(), '\n');
  }
  return count;
}

}  // namespace bundlebase::json
