// JsonLinesReader: a JSON lines file as a stream of record batches, parsed in parallel blocks
// with memory bounded by a budget, whatever the file size.
//
// The file is cut into blocks at line ends (line_blocks.h). The schema must cover every line
// (a conflicting type on the last line widens its column rather than failing or being lost),
// yet walking every record twice — once to infer, once to build — would halve the speed. So:
//
//   1. The first block is inferred alone; its shape is the guess for the rest.
//   2. Every block is then, in parallel, either built with the guessed types — the writers
//      refuse any value the guess does not cover (value_writer.h), so a built block is exact
//      and adds nothing new to the schema — or, when the guess was too narrow or the budget
//      for built batches is spent, inferred instead.
//   3. The schema is the first block's shape merged, in file order, with every inferred block's
//      shape: exactly what one sequential inference would find.
//   4. Next() hands out the batches in file order: built ones conformed to the final schema
//      (batch_conform.h), the others parsed again with the final types, a group of blocks (one
//      per thread) at a time.
//
// A file whose types settle in its first block is therefore walked once; one that drifts costs
// an inference walk for the blocks that drift.
#pragma once

#include <memory>

#include "columnar/record_batch.h"
#include "formats/json/json_options.h"
#include "io/file_system.h"

namespace bundlebase::json {

// Reads the JSON lines in `file` from byte `start` (after a byte order mark, if any), holding
// at most `buffer_limit` bytes (counted as input bytes) of batches built in the first pass.
Result<std::unique_ptr<RecordBatchReader>> OpenLinesReader(
    std::shared_ptr<io::RandomAccessFile> file, const JsonReadOptions& options, uint64_t start,
    int64_t buffer_limit);

}  // namespace bundlebase::json
