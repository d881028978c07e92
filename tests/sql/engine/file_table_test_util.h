// Helpers for the file-backed table tests: building columns from scalars, writing Parquet
// files with our writer, and reading every row a table scan returns.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/scalar.h"
#include "formats/parquet/file_writer.h"
#include "io/local_file_system.h"
#include "sql/catalog/table.h"
#include "test_util.h"

namespace bundlebase::sql::testing {

inline Scalar I32(int64_t v) { return Scalar(Int32(), v); }
inline Scalar I64(int64_t v) { return Scalar::FromInt64(v); }
inline Scalar F64(double v) { return Scalar::FromFloat64(v); }
inline Scalar Str(std::string v) { return Scalar::FromUtf8(std::move(v)); }
inline Scalar Null(DataTypePtr type) { return Scalar::MakeNull(std::move(type)); }

// A batch from columns of scalars; every column must have the field's type.
inline Result<RecordBatchPtr> MakeBatch(const SchemaPtr& schema,
                                        const std::vector<std::vector<Scalar>>& columns) {
  std::vector<ArrayPtr> arrays;
  for (size_t i = 0; i < columns.size(); ++i) {
    BB_ASSIGN_OR_RAISE(auto array,
                       MakeArrayFromScalars(schema->field(static_cast<int>(i)).type, columns[i]));
    arrays.push_back(std::move(array));
  }
  return RecordBatch::Make(schema, std::move(arrays));
}

// Writes one Parquet file of `columns` with row groups of `row_group_rows` rows.
inline Status WriteParquet(const std::string& path, const SchemaPtr& schema,
                           const std::vector<std::vector<Scalar>>& columns,
                           int64_t row_group_rows = 128 * 1024) {
  BB_ASSIGN_OR_RAISE(auto batch, MakeBatch(schema, columns));
  parquet::ParquetWriteOptions options;
  options.row_group_rows = row_group_rows;
  return parquet::WriteParquetFile(io::LocalFileSystem::Instance(), path, schema, {batch},
                                   options);
}

// Every row of a scan, as rows of scalars, partitions in order.
inline Result<std::vector<std::vector<Scalar>>> ScanRows(const TableScan& scan) {
  std::vector<std::vector<Scalar>> rows;
  for (int64_t p = 0; p < scan.num_partitions(); ++p) {
    BB_ASSIGN_OR_RAISE(auto reader, scan.OpenPartition(p));
    while (true) {
      BB_ASSIGN_OR_RAISE(auto batch, reader->Next());
      if (!batch) break;
      for (int64_t r = 0; r < batch->num_rows(); ++r) {
        std::vector<Scalar> row;
        for (int c = 0; c < batch->num_columns(); ++c) {
          BB_ASSIGN_OR_RAISE(auto value, GetScalar(*batch->column(c), r));
          row.push_back(std::move(value));
        }
        rows.push_back(std::move(row));
      }
    }
  }
  return rows;
}

inline Result<std::vector<std::vector<Scalar>>> ScanAll(const Table& table,
                                                        std::vector<int> columns = {}) {
  ScanRequest request;
  request.columns = std::move(columns);
  if (request.columns.empty()) {
    for (int i = 0; i < table.schema()->num_fields(); ++i) request.columns.push_back(i);
  }
  BB_ASSIGN_OR_RAISE(auto scan, table.Scan(request));
  return ScanRows(*scan);
}

}  // namespace bundlebase::sql::testing
