// KeyedGroups: ids from the GroupTable; the key values of new groups gathered with Take.
#include "sql/execution/hash_keyed_groups.h"

#include "sql/execution/selection.h"

namespace bundlebase::sql {

KeyedGroups::KeyedGroups(const KeyEncoder& encoder, MemoryBudget* budget, const char* what)
    : encoder_(encoder), table_(encoder.layout(), budget, what), budget_(budget), what_(what) {}

Status KeyedGroups::Add(const RecordBatch& batch, const std::vector<int>& key_columns,
                        std::vector<uint32_t>* group_ids) {
  const int64_t n = batch.num_rows();
  group_ids->resize(static_cast<size_t>(n));
  BB_RETURN_NOT_OK(encoder_.Encode(batch, key_columns, &scratch_));
  new_rows_.clear();
  BB_RETURN_NOT_OK(table_.FindOrInsert(scratch_, group_ids->data(), &new_rows_));
  if (new_rows_.empty()) return Status::OK();
  std::vector<ArrayPtr> chunk;
  chunk.reserve(key_columns.size());
  int64_t bytes = 0;
  for (int c : key_columns) {
    BB_ASSIGN_OR_RAISE(ArrayPtr keys, Take(batch.column(c), new_rows_));
    for (const BufferPtr& b : keys->buffers()) bytes += b ? static_cast<int64_t>(b->size()) : 0;
    chunk.push_back(std::move(keys));
  }
  BB_RETURN_NOT_OK(budget_->Reserve(bytes, what_));
  reserved_ += bytes;
  chunks_.push_back(std::move(chunk));
  return Status::OK();
}

Result<std::vector<ArrayPtr>> KeyedGroups::KeyColumns() const {
  std::vector<ArrayPtr> columns;
  for (int k = 0; k < encoder_.num_keys(); ++k) {
    std::vector<ArrayPtr> pieces;
    pieces.reserve(chunks_.size());
    for (const auto& chunk : chunks_) pieces.push_back(chunk[k]);
    if (pieces.empty()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr empty, MakeNullArray(encoder_.key_types()[k], 0));
      columns.push_back(std::move(empty));
    } else if (pieces.size() == 1) {
      columns.push_back(pieces[0]);
    } else {
      BB_ASSIGN_OR_RAISE(ArrayPtr all, Concatenate(pieces));
      columns.push_back(std::move(all));
    }
  }
  return columns;
}

void KeyedGroups::ReleaseMemory() {
  table_.ReleaseMemory();
  budget_->Release(reserved_);
  reserved_ = 0;
}

}  // namespace bundlebase::sql
