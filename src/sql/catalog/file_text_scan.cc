// Per-file partitions and the reader that conforms a file's batches to its table.
#include "sql/catalog/file_text_scan.h"

namespace bundlebase::sql {
namespace {

class PerFileScan final : public TableScan {
 public:
  PerFileScan(SchemaPtr schema, size_t num_files, OpenFilePartition open)
      : schema_(std::move(schema)), num_files_(num_files), open_(std::move(open)) {}
  SchemaPtr schema() const override { return schema_; }
  int64_t num_partitions() const override { return static_cast<int64_t>(num_files_); }
  Result<std::unique_ptr<RecordBatchReader>> OpenPartition(int64_t index) const override {
    return open_(static_cast<size_t>(index));
  }

 private:
  SchemaPtr schema_;
  size_t num_files_;
  OpenFilePartition open_;
};

class ConformingReader final : public RecordBatchReader {
 public:
  ConformingReader(std::unique_ptr<RecordBatchReader> inner, std::vector<int> file_columns,
                   FileColumnMapping mapping, std::vector<int> requested, SchemaPtr schema,
                   std::string file)
      : inner_(std::move(inner)),
        file_columns_(std::move(file_columns)),
        mapping_(std::move(mapping)),
        requested_(std::move(requested)),
        schema_(std::move(schema)),
        file_(std::move(file)) {}

  SchemaPtr schema() const override { return schema_; }
  Result<RecordBatchPtr> Next() override {
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch, inner_->Next());
    if (!batch) return batch;
    return ConformFileBatch(*batch, file_columns_, mapping_, requested_, schema_, file_);
  }

 private:
  std::unique_ptr<RecordBatchReader> inner_;
  std::vector<int> file_columns_;
  FileColumnMapping mapping_;
  std::vector<int> requested_;
  SchemaPtr schema_;
  std::string file_;
};

}  // namespace

std::unique_ptr<TableScan> MakePerFileScan(SchemaPtr output_schema, size_t num_files,
                                           OpenFilePartition open) {
  return std::make_unique<PerFileScan>(std::move(output_schema), num_files, std::move(open));
}

std::unique_ptr<RecordBatchReader> MakeConformingReader(std::unique_ptr<RecordBatchReader> inner,
                                                        std::vector<int> file_columns,
                                                        FileColumnMapping mapping,
                                                        std::vector<int> requested,
                                                        SchemaPtr output_schema, std::string file) {
  return std::make_unique<ConformingReader>(std::move(inner), std::move(file_columns),
                                            std::move(mapping), std::move(requested),
                                            std::move(output_schema), std::move(file));
}

Result<SchemaPtr> ProjectSchema(const Schema& schema, const std::vector<int>& columns) {
  std::vector<Field> fields;
  for (int c : columns) {
    if (c < 0 || c >= schema.num_fields()) {
      return Status::Internal("scan of column {} of a table with {} columns", c,
                              schema.num_fields());
    }
    fields.push_back(schema.field(c));
  }
  return std::make_shared<Schema>(std::move(fields));
}

}  // namespace bundlebase::sql
