// ReadDocument: reads one JSON document — the array of records at json_record_path (or at the
// top level), or a single object as one record — into one RecordBatch, adding the json_meta
// columns. The document is indexed once by simdjson and rewound for each walk over the records:
// one to guess the types from the first records, one to build every record with them, and
// only when a later record does not fit the guess, one to infer them all and one to build.
#pragma once

#include <cstdint>
#include <memory>

#include "columnar/record_batch.h"
#include "formats/json/json_options.h"

namespace bundlebase::json {

// Reads `bytes` from byte `start` (after a byte order mark, if any). With `array_required`,
// a top-level object is an error rather than one record.
Result<RecordBatchPtr> ReadDocument(const std::shared_ptr<Buffer>& bytes, uint64_t start,
                                    const JsonReadOptions& options, bool array_required);

}  // namespace bundlebase::json
