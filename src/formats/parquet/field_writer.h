// Encodes the column chunks of one top-level field for one row group: turns the field's arrays
// into definition/repetition levels and physical values per leaf and feeds them to a
// ColumnChunkWriter per leaf.
//
// A flat column (a leaf at the top level) takes the fast path: no levels at all when it has no
// nulls, definition levels straight from the validity bitmap otherwise, and the values used in
// place where their layout allows. Nested columns go through ShredField (record_assembly.h).
#pragma once

#include <vector>

#include "columnar/array.h"
#include "formats/parquet/column_chunk_writer.h"
#include "formats/parquet/schema_conversion.h"

namespace bundlebase::parquet {

// `pieces` are the field's arrays in row order (one per batch the row group was gathered
// from); `leaf_ids` the leaves under `node`, in order. Returns one chunk per leaf.
Result<std::vector<EncodedColumnChunk>> EncodeFieldChunks(const SchemaNode& node,
                                                          const std::vector<int>& leaf_ids,
                                                          const std::vector<LeafColumn>& leaves,
                                                          const std::vector<ArrayPtr>& pieces,
                                                          const ColumnWriteOptions& options);

}  // namespace bundlebase::parquet
