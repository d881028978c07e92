// The scan shared by CsvTable and JsonTable: one partition per file, each a format reader
// whose batches are conformed to the table (file_column_mapping.h) as they stream through.
#pragma once

#include <functional>
#include <memory>

#include "sql/catalog/file_column_mapping.h"
#include "sql/catalog/table.h"

namespace bundlebase::sql {

// A reader of one file's batches already holding the requested table columns.
using OpenFilePartition =
    std::function<Result<std::unique_ptr<RecordBatchReader>>(size_t file_index)>;

std::unique_ptr<TableScan> MakePerFileScan(SchemaPtr output_schema, size_t num_files,
                                           OpenFilePartition open);

// Wraps a reader of a file's columns `file_columns` (file column indices, in the reader's
// order) so it yields the `requested` table columns (output_schema), per `mapping`.
std::unique_ptr<RecordBatchReader> MakeConformingReader(std::unique_ptr<RecordBatchReader> inner,
                                                        std::vector<int> file_columns,
                                                        FileColumnMapping mapping,
                                                        std::vector<int> requested,
                                                        SchemaPtr output_schema, std::string file);

// The fields of `schema` at `columns`, as a schema; Internal error for an index out of range.
Result<SchemaPtr> ProjectSchema(const Schema& schema, const std::vector<int>& columns);

}  // namespace bundlebase::sql
