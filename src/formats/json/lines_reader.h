// JsonLinesReader: a JSON lines file as a stream of record batches, read in two parallel passes
// with memory bounded by the block size times the thread count, whatever the file size.
//
// The file is cut into blocks at line ends (line_blocks.h). The first pass infers each block's
// RecordShape in parallel and merges them in file order into the schema, so a conflicting type
// on the last line widens the column instead of failing or being dropped. The second pass, run
// as the consumer calls Next(), parses a group of blocks at a time (one per thread) into
// batches with that schema and hands them out in file order.
#pragma once

#include <memory>

#include "columnar/record_batch.h"
#include "formats/json/json_options.h"
#include "io/file_system.h"

namespace bundlebase::json {

// Reads the JSON lines in `file` from byte `start` (after a byte order mark, if any).
Result<std::unique_ptr<RecordBatchReader>> OpenLinesReader(
    std::shared_ptr<io::RandomAccessFile> file, const JsonReadOptions& options, uint64_t start);

}  // namespace bundlebase::json
