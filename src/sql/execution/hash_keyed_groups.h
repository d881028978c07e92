// KeyedGroups: one thread's grouping of the batches it sees — a GroupTable for the ids plus the
// key values of every group (gathered from the batch that first saw it), so the groups can be
// turned back into key columns at the end. Used by the hash aggregate and the set operations.
#pragma once

#include <vector>

#include "sql/execution/hash_group_table.h"

namespace bundlebase::sql {

class KeyedGroups {
 public:
  KeyedGroups(const KeyEncoder& encoder, MemoryBudget* budget, const char* what);

  // Group ids of the rows of `batch`, keyed by the columns `key_columns`.
  Status Add(const RecordBatch& batch, const std::vector<int>& key_columns,
             std::vector<uint32_t>* group_ids);

  int64_t num_groups() const { return table_.num_groups(); }
  const GroupTable& table() const { return table_; }
  const KeyEncoder& encoder() const { return encoder_; }

  // The key values of every group, one array per key column, group 0 first.
  Result<std::vector<ArrayPtr>> KeyColumns() const;

  void ReleaseMemory();

 private:
  const KeyEncoder& encoder_;
  GroupTable table_;
  MemoryBudget* budget_;
  const char* what_;
  int64_t reserved_ = 0;
  EncodedKeys scratch_;
  std::vector<int32_t> new_rows_;
  // Key values of the groups in id order, in chunks (one per batch that made new groups).
  std::vector<std::vector<ArrayPtr>> chunks_;
};

}  // namespace bundlebase::sql
