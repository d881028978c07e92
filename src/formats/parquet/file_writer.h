// ParquetFileWriter: writes record batches as a Parquet file through an io::OutputStream.
//
// Every type of the columnar core can be written, nested ones included (schema_conversion.h
// has the mapping). Batches are buffered — the arrays themselves, not copies — until
// `parallel_row_groups` row groups' worth of rows have arrived; then every top-level column of
// each is encoded in parallel on the shared thread pool into pages held in memory, and the row
// groups are written in order, column by column. Several at a time because columns differ in
// cost: with one row group the threads that finish their cheap columns wait for the dearest
// one. Memory therefore stays bounded by that many row groups however many rows are written.
// Close() writes the footer (schema, row groups with their statistics, key-value metadata,
// TypeDefinedOrder for every column) and closes the stream, which publishes the file. Any
// failure — a bad value, a stream that cannot be written — leaves the writer failed: Close()
// then aborts the stream and returns the error, so no partial file is ever published.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/parquet/column_chunk_writer.h"
#include "formats/parquet/schema_conversion.h"
#include "io/file_system.h"

namespace bundlebase::parquet {

struct ParquetWriteOptions {
  CompressionCodec codec = CompressionCodec::kZstd;
  // The codec's own level (kDefaultCompressionLevel: ZSTD 3, GZIP 6, BROTLI 8).
  int compression_level = kDefaultCompressionLevel;
  // Dictionary-encode columns while the dictionary pays for itself and stays below
  // dictionary_page_size_limit bytes (column_chunk_writer.h).
  bool dictionary = true;
  int64_t dictionary_page_size_limit = int64_t{1} << 20;
  // Most rows per row group.
  int64_t row_group_rows = 128 * 1024;
  // Row groups gathered and then encoded together: more keeps more threads busy (two threads
  // write 10 million rows 25-40% faster with 4 than with 1), each costs a row group of memory.
  int64_t parallel_row_groups = 4;
  // Target size of a data page's encoded values and levels, before compression.
  int64_t data_page_bytes = int64_t{1} << 20;
  // 1: DATA_PAGE (what every reader knows); 2: DATA_PAGE_V2.
  int data_page_version = 1;
  // Written after the schema's own metadata; a key given in both takes this value.
  std::vector<KeyValue> key_value_metadata;
  // "<application> version <semver>", the form readers parse to work around known writer
  // bugs; the version is the project's (project(VERSION) in the top CMakeLists.txt).
  std::string created_by = "bundlebase version 0.1.0";
};

class ParquetFileWriter {
 public:
  // Checks the options and the schema (every field must have a Parquet form) and writes the
  // leading magic bytes.
  static Result<std::unique_ptr<ParquetFileWriter>> Open(std::unique_ptr<io::OutputStream> stream,
                                                         SchemaPtr schema,
                                                         ParquetWriteOptions options = {});
  // Aborts the stream unless Close() succeeded.
  ~ParquetFileWriter();
  ParquetFileWriter(const ParquetFileWriter&) = delete;
  ParquetFileWriter& operator=(const ParquetFileWriter&) = delete;

  const SchemaPtr& schema() const { return schema_; }
  int64_t num_rows() const { return num_rows_; }

  // The batch's schema must equal the writer's (names, types, nullability).
  Status WriteBatch(const RecordBatch& batch);
  // Writes what is buffered, the footer, and closes the stream.
  Status Close();

 private:
  ParquetFileWriter() = default;
  Status Append(const RecordBatch& batch);
  // Encodes every gathered row group (the last one may be partial) and writes them in order.
  Status WriteRowGroups();
  Status WriteFooter();
  Status Fail(Status status);

  std::unique_ptr<io::OutputStream> stream_;
  SchemaPtr schema_;
  ParquetWriteOptions options_;
  ColumnWriteOptions column_options_;
  std::vector<SchemaElement> elements_;
  ParquetSchema parquet_schema_;
  std::vector<std::vector<int>> field_leaves_;

  // Row groups gathered and not yet written: per row group, per top-level field, the arrays
  // (batch slices) in row order. The last one is being filled.
  struct PendingRowGroup {
    std::vector<std::vector<ArrayPtr>> fields;
    int64_t rows = 0;
  };
  std::vector<PendingRowGroup> pending_;

  std::vector<RowGroup> row_groups_;
  int64_t num_rows_ = 0;
  int64_t position_ = 0;
  Status status_;  // the first failure; the writer refuses everything after it
  bool closed_ = false;
};

// Writes `batches` (all with `schema`) to `path` as one Parquet file, published atomically.
Status WriteParquetFile(const std::shared_ptr<io::FileSystem>& fs, const std::string& path,
                        const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                        const ParquetWriteOptions& options = {});

}  // namespace bundlebase::parquet
