// ParquetFileReader: opens a Parquet file through the FileSystem seam and reads its row groups
// as record batches.
//
// Opening reads only the footer (one ranged read of the file's tail, a second only when the
// footer is larger than that guess), validates it, and maps the schema. Reading a row group
// fetches just the byte ranges of the requested columns' chunks, so a remote file is never
// downloaded whole to read three columns. Every length, offset and count taken from the file is
// checked against the file size and the limits below before it is trusted; errors name the
// file, the row group and the column. Reading different row groups from several threads at once
// is safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "columnar/scalar.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/schema_conversion.h"
#include "io/file_system.h"

namespace bundlebase::parquet {

struct ParquetLimits {
  // Largest page (compressed or decompressed) accepted.
  int64_t max_page_size = int64_t{1} << 30;
  // Most decoded bytes one column chunk may produce: a dictionary page repeated by many values
  // or row groups cannot expand past this ("Parquet zip bomb").
  int64_t max_column_chunk_bytes = int64_t{4} << 30;
  // Most values one column chunk may claim.
  int64_t max_values_per_chunk = int64_t{1} << 31;
  MetadataLimits metadata;
};

struct ParquetReadOptions {
  ParquetLimits limits;
  // Rows per batch handed out by the batch reader (row groups are split into batches).
  int64_t batch_rows = 64 * 1024;
  // How errors name the file; the path when empty.
  std::string display_name;
};

// Min/max/null count of one leaf column in one row group, as values of the leaf's type.
// min/max are absent when the writer did not record them or their order is unreliable.
struct ColumnStatistics {
  std::optional<Scalar> min;
  std::optional<Scalar> max;
  std::optional<int64_t> null_count;
};

class ParquetFileReader {
 public:
  static Result<std::unique_ptr<ParquetFileReader>> Open(
      std::shared_ptr<io::RandomAccessFile> file, ParquetReadOptions options = {});

  const FileMetaData& metadata() const { return metadata_; }
  const ParquetSchema& parquet_schema() const { return schema_; }
  const SchemaPtr& schema() const { return schema_.schema(); }
  int num_row_groups() const { return static_cast<int>(metadata_.row_groups.size()); }
  int64_t num_rows() const { return metadata_.num_rows; }
  int64_t row_group_num_rows(int row_group) const {
    return metadata_.row_groups[row_group].num_rows;
  }
  const std::string& name() const { return name_; }

  // Statistics of leaf `leaf` in `row_group`.
  ColumnStatistics Statistics(int row_group, int leaf) const;

  // Reads the given top-level fields (indices into schema(); all when empty) of one row group.
  Result<RecordBatchPtr> ReadRowGroup(int row_group, const std::vector<int>& fields = {}) const;

  // Streams the given row groups (all when empty) in batches of options.batch_rows.
  Result<std::unique_ptr<RecordBatchReader>> GetBatchReader(std::vector<int> fields = {},
                                                           std::vector<int> row_groups = {}) const;

 private:
  ParquetFileReader() = default;
  Status ValidateChunkRanges() const;
  Result<ArrayPtr> ReadField(int row_group, int field) const;

  std::shared_ptr<io::RandomAccessFile> file_;
  ParquetReadOptions options_;
  std::string name_;
  FileMetaData metadata_;
  ParquetSchema schema_;
  uint64_t data_end_ = 0;  // where the footer starts: column chunks must end before it
};

// Convenience: reads a whole file (or the given fields) into one batch.
Result<RecordBatchPtr> ReadParquetFile(const std::shared_ptr<io::FileSystem>& fs,
                                       const std::string& path, const std::vector<int>& fields = {},
                                       ParquetReadOptions options = {});

}  // namespace bundlebase::parquet
