// How the columns of one file of a multi-file table map onto the table's schema.
//
// A table read from many files takes its schema from the first file. Every other file is
// matched to it by column name (exactly, then ignoring ASCII case): a table column the file
// lacks reads as NULL, a column whose type differs is cast while scanning when the change is a
// safe widening (smaller to larger integers, float32 to float64, a decimal with room for every
// value, another unit of the same timestamp or time kind), and any other difference is an error
// naming both files and the column. Columns only a later file has are not part of the table.
#pragma once

#include <string>
#include <vector>

#include "columnar/record_batch.h"

namespace bundlebase::sql {

// True when every value of `from` has an exact (or, for finer-to-coarser time units, floored)
// representation in `to`.
bool IsSafeWidening(const DataType& from, const DataType& to);

// Which type changes a later file may bring. kJson adds what the JSON reader itself does when
// one file mixes such values: integers widen to float64, and numbers and booleans become text.
enum class WideningRules : uint8_t { kSafe, kJson };

bool IsAllowedWidening(const DataType& from, const DataType& to, WideningRules rules);

struct FileColumnMapping {
  // Per table column: the file's column index, or -1 when the file lacks it.
  std::vector<int> file_columns;
  // Per table column: the file column's type differs and is cast to the table's.
  std::vector<bool> needs_cast;
};

// `table_file` is the file the table schema came from, `file` the one being mapped (both only
// for messages).
Result<FileColumnMapping> MapFileColumns(const Schema& table_schema, const std::string& table_file,
                                         const Schema& file_schema, const std::string& file,
                                         WideningRules rules = WideningRules::kSafe);

// The requested table columns of a batch read from one file: `file_batch` holds the file's
// columns `file_batch_columns[k]` (file column indices) in order. Missing columns become NULL,
// differing types are cast. `output_schema` is the requested columns' table schema.
Result<RecordBatchPtr> ConformFileBatch(const RecordBatch& file_batch,
                                        const std::vector<int>& file_batch_columns,
                                        const FileColumnMapping& mapping,
                                        const std::vector<int>& requested,
                                        const SchemaPtr& output_schema, const std::string& file);

}  // namespace bundlebase::sql
