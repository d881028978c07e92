// MemoryTable: rows held in memory as record batches — the engine's CREATE TABLE / INSERT
// tables, VALUES lists, and small metadata tables a bundle builds on the fly.
// ViewTable: a table defined by a query (CREATE VIEW), expanded by the binder.
#pragma once

#include <mutex>

#include "sql/catalog/table.h"

namespace bundlebase::sql {

class MemoryTable : public Table {
 public:
  explicit MemoryTable(SchemaPtr schema, std::vector<RecordBatchPtr> batches = {});

  SchemaPtr schema() const override { return schema_; }
  TableStatistics Statistics() const override;
  Result<std::unique_ptr<TableScan>> Scan(const ScanRequest& request) const override;

  // Appends rows (INSERT). The batch's types must equal the table's; names are not checked.
  // Const because a table handle is shared by the statements that read
  // it; the rows themselves live behind the lock.
  Status Append(RecordBatchPtr batch) const;
  int64_t num_rows() const;

 private:
  SchemaPtr schema_;
  mutable std::mutex mu_;
  mutable std::vector<RecordBatchPtr> batches_;
};

class ViewTable : public Table {
 public:
  ViewTable(SchemaPtr schema, std::string sql) : schema_(std::move(schema)), sql_(std::move(sql)) {}
  SchemaPtr schema() const override { return schema_; }
  Result<std::unique_ptr<TableScan>> Scan(const ScanRequest&) const override;
  std::optional<std::string> ViewDefinition() const override { return sql_; }

 private:
  SchemaPtr schema_;
  std::string sql_;
};

// A scan over batches already in memory: one partition per batch, columns projected.
std::unique_ptr<TableScan> MakeBatchScan(SchemaPtr table_schema, std::vector<RecordBatchPtr> batches,
                                         const std::vector<int>& columns);

}  // namespace bundlebase::sql
