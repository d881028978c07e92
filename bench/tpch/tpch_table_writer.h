// Writing generated tables to Parquet: rows are generated in chunks on the shared thread pool,
// a wave of chunks at a time, and handed to ParquetFileWriter in row order, so files are the
// same whatever the thread count and memory stays bounded by one wave.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/parquet/file_writer.h"

namespace bundlebase::tpch {

struct TableFile {
  std::string name;  // written as <out_dir>/<name>.parquet
  SchemaPtr schema;
};

// Generates units first .. first + count - 1 as one batch per TableFile, in TableFile order.
// A unit is a row of the driving table: orders drive orders and lineitem, parts drive partsupp.
using ChunkGenerator =
    std::function<Result<std::vector<RecordBatchPtr>>(int64_t first, int64_t count)>;

struct TableWriteOptions {
  std::string out_dir;
  parquet::ParquetWriteOptions parquet;
  // Chunks generated per wave for each pool thread: more than one, so a thread that finishes
  // a cheap chunk takes another instead of waiting for the dearest one.
  int64_t chunks_per_wave = 4;
};

// Writes `units` units' rows, `chunk_units` per generated chunk, into one file per TableFile.
// Each file is published atomically once complete: a failure never leaves a partial file.
// Returns the rows written to each file.
Result<std::vector<int64_t>> WriteTables(const std::vector<TableFile>& files, int64_t units, int64_t chunk_units,
                   const ChunkGenerator& generate, const TableWriteOptions& options);

}  // namespace bundlebase::tpch
