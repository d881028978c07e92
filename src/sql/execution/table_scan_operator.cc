// TableScanOperator: partition claiming and slicing into vectors.
#include "sql/execution/table_scan_operator.h"

namespace bundlebase::sql {
namespace {

struct ScanShared : GlobalSourceState {
  std::atomic<int64_t> next_partition{0};
};

struct ScanLocal : LocalSourceState {
  std::unique_ptr<RecordBatchReader> reader;
  RecordBatchPtr pending;  // a batch being handed out in slices
  int64_t pending_offset = 0;
};

}  // namespace

TableScanOperator::TableScanOperator(SchemaPtr schema, std::unique_ptr<TableScan> scan,
                                     std::string label, std::string predicates_text)
    : PhysicalOperator(std::move(schema), {}),
      scan_(std::move(scan)),
      label_(std::move(label)),
      predicates_text_(std::move(predicates_text)) {}

std::string TableScanOperator::details() const {
  std::string out = label_;
  if (!predicates_text_.empty()) out += " pruning on " + predicates_text_;
  std::string described = scan_->Describe();
  if (!described.empty()) out += " (" + described + ")";
  return out;
}

Result<std::unique_ptr<GlobalSourceState>> TableScanOperator::MakeGlobalSourceState(
    ExecutionContext&) const {
  return std::make_unique<ScanShared>();
}

Result<std::unique_ptr<LocalSourceState>> TableScanOperator::MakeLocalSourceState(
    ThreadContext&, GlobalSourceState&) const {
  return std::make_unique<ScanLocal>();
}

Result<RecordBatchPtr> TableScanOperator::Produce(ThreadContext& ctx, GlobalSourceState& global,
                                                  LocalSourceState& local) const {
  auto& shared = static_cast<ScanShared&>(global);
  auto& mine = static_cast<ScanLocal&>(local);
  const int64_t vector_rows = ctx.query().options().batch_rows;
  while (true) {
    if (mine.pending && mine.pending_offset < mine.pending->num_rows()) {
      int64_t take = std::min(vector_rows, mine.pending->num_rows() - mine.pending_offset);
      RecordBatchPtr slice = mine.pending_offset == 0 && take == mine.pending->num_rows()
                                 ? mine.pending
                                 : mine.pending->Slice(mine.pending_offset, take);
      mine.pending_offset += take;
      return std::make_shared<RecordBatch>(schema(), slice->num_rows(), slice->columns());
    }
    if (mine.reader) {
      BB_ASSIGN_OR_RAISE(mine.pending, mine.reader->Next());
      mine.pending_offset = 0;
      if (mine.pending) continue;
      mine.reader.reset();
    }
    int64_t partition = shared.next_partition.fetch_add(1, std::memory_order_relaxed);
    if (partition >= scan_->num_partitions()) return RecordBatchPtr{};
    BB_ASSIGN_OR_RAISE(mine.reader, scan_->OpenPartition(partition));
  }
}

}  // namespace bundlebase::sql
