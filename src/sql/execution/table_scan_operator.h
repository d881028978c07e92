// TableScanOperator: the source that reads a table. Threads claim the scan's partitions (row
// groups, files, in-memory batches) one at a time from a shared counter — morsel parallelism —
// and hand their batches on in slices of the engine's vector size.
#pragma once

#include "sql/catalog/table.h"
#include "sql/execution/physical_operator.h"

namespace bundlebase::sql {

class TableScanOperator : public PhysicalOperator {
 public:
  // `label` names the table in EXPLAIN.
  TableScanOperator(SchemaPtr schema, std::unique_ptr<TableScan> scan, std::string label,
                    std::string predicates_text);

  std::string name() const override { return "TABLE_SCAN"; }
  std::string details() const override;
  bool is_source() const override { return true; }
  Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(ExecutionContext&) const override;
  Result<std::unique_ptr<LocalSourceState>> MakeLocalSourceState(ThreadContext&,
                                                                  GlobalSourceState&) const override;
  Result<RecordBatchPtr> Produce(ThreadContext& ctx, GlobalSourceState& global,
                                 LocalSourceState& local) const override;

 private:
  std::unique_ptr<TableScan> scan_;
  std::string label_;
  std::string predicates_text_;
};

}  // namespace bundlebase::sql
