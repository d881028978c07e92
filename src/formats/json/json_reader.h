// The JSON reader: JSON documents (an array of objects, or one object) and JSON lines (one
// object per line), read into record batches whose schema is inferred from every record.
//
// Nested objects become struct columns, or "<parent><sep><child>" columns when flattening;
// arrays become list columns; integers widen to float64 next to fractions; conflicting kinds of
// value become utf8 holding each value's JSON text; keys a record lacks are NULL. Parsing uses
// simdjson; records are built with types guessed from the first ones and inferred again only
// where a later record does not fit, so the schema always covers every record. JSON lines are
// read in parallel blocks with bounded memory. Bad input is always an error that names the
// input and the byte (and line) where it went wrong. docs/json.md is the user-facing
// description.
#pragma once

#include <memory>
#include <string>

#include "columnar/record_batch.h"
#include "formats/json/json_options.h"
#include "io/file_system.h"

namespace bundlebase::json {

// Reads every record of `bytes` into one batch.
Result<RecordBatchPtr> ReadJson(std::shared_ptr<Buffer> bytes, const JsonReadOptions& options);

// Streams a JSON lines file as batches of about options.block_size bytes of input each,
// parsed in parallel; memory stays bounded whatever the file size. The schema is inferred from
// the whole file before this returns. A leading UTF-8 byte order mark is skipped.
Result<std::unique_ptr<RecordBatchReader>> OpenJsonLinesReader(
    std::shared_ptr<io::RandomAccessFile> file, const JsonReadOptions& options);

// Reads a whole file of either layout (options.format, detected when kAuto) into one batch.
// Errors name `path` unless options.filename is set.
Result<RecordBatchPtr> ReadJsonFile(io::FileSystem& fs, const std::string& path,
                                    JsonReadOptions options);

}  // namespace bundlebase::json
