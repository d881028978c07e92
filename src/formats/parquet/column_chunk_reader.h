// Reads every page of one column chunk (dictionary page, data pages v1 and v2, any codec and
// value encoding) into definition/repetition levels and the dense non-null values, converted
// to the leaf's bundlebase type.
#pragma once

#include <memory>
#include <string>

#include "formats/parquet/file_reader.h"
#include "formats/parquet/record_assembly.h"

namespace bundlebase::parquet {

struct ColumnChunkContext {
  const LeafColumn* leaf = nullptr;
  const ColumnMetaData* meta = nullptr;
  int64_t num_rows = 0;  // rows of the row group: the top-level entries to expect
  const ParquetLimits* limits = nullptr;
  std::string where;     // "file.parquet: row group 3, column 'a.b'" for messages
};

// `chunk` holds exactly the chunk's bytes (from its first page header to the end of its last
// page).
Result<LeafLevels> ReadColumnChunk(const ColumnChunkContext& context,
                                   const std::shared_ptr<Buffer>& chunk);

}  // namespace bundlebase::parquet
