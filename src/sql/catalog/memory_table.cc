// MemoryTable and ViewTable, and the in-memory scan they share with other small tables.
#include "sql/catalog/memory_table.h"

namespace bundlebase::sql {
namespace {

class BatchScan : public TableScan {
 public:
  BatchScan(SchemaPtr schema, std::vector<RecordBatchPtr> batches, std::vector<int> columns)
      : schema_(std::move(schema)), batches_(std::move(batches)), columns_(std::move(columns)) {}

  SchemaPtr schema() const override { return schema_; }
  int64_t num_partitions() const override { return static_cast<int64_t>(batches_.size()); }
  Result<std::unique_ptr<RecordBatchReader>> OpenPartition(int64_t index) const override {
    RecordBatchPtr batch = batches_[index]->SelectColumns(columns_);
    auto projected = std::make_shared<RecordBatch>(schema_, batch->num_rows(), batch->columns());
    return MakeVectorReader(schema_, {std::move(projected)});
  }

 private:
  SchemaPtr schema_;
  std::vector<RecordBatchPtr> batches_;
  std::vector<int> columns_;
};

}  // namespace

std::unique_ptr<TableScan> MakeBatchScan(SchemaPtr table_schema, std::vector<RecordBatchPtr> batches,
                                         const std::vector<int>& columns) {
  std::vector<Field> fields;
  for (int c : columns) fields.push_back(table_schema->field(c));
  return std::make_unique<BatchScan>(std::make_shared<Schema>(std::move(fields)),
                                     std::move(batches), columns);
}

MemoryTable::MemoryTable(SchemaPtr schema, std::vector<RecordBatchPtr> batches)
    : schema_(std::move(schema)), batches_(std::move(batches)) {}

TableStatistics MemoryTable::Statistics() const {
  TableStatistics stats;
  stats.row_count = num_rows();
  return stats;
}

int64_t MemoryTable::num_rows() const {
  std::lock_guard lock(mu_);
  int64_t rows = 0;
  for (const auto& b : batches_) rows += b->num_rows();
  return rows;
}

Status MemoryTable::Append(RecordBatchPtr batch) const {
  if (batch->num_columns() != schema_->num_fields()) {
    return Status::Invalid("INSERT has {} columns but the table has {}", batch->num_columns(),
                           schema_->num_fields());
  }
  for (int i = 0; i < batch->num_columns(); ++i) {
    if (!batch->column(i)->type()->Equals(*schema_->field(i).type)) {
      return Status::TypeError("column \"{}\" is of type {} but the inserted value is {}",
                               schema_->field(i).name, schema_->field(i).type->ToString(),
                               batch->column(i)->type()->ToString());
    }
  }
  if (batch->num_rows() == 0) return Status::OK();
  std::lock_guard lock(mu_);
  batches_.push_back(std::make_shared<RecordBatch>(schema_, batch->num_rows(), batch->columns()));
  return Status::OK();
}

Result<std::unique_ptr<TableScan>> MemoryTable::Scan(const ScanRequest& request) const {
  std::vector<RecordBatchPtr> snapshot;
  {
    std::lock_guard lock(mu_);
    snapshot = batches_;
  }
  return MakeBatchScan(schema_, std::move(snapshot), request.columns);
}

Result<std::unique_ptr<TableScan>> ViewTable::Scan(const ScanRequest&) const {
  return Status::Internal("view is scanned directly instead of being expanded by the binder");
}

}  // namespace bundlebase::sql
