// Merging the threads' KeyedGroups into one numbering of all groups, in parallel.
//
// Groups are split into partitions by the top bits of their hash; each partition is merged into
// its own table on its own thread (no locks: a key lives in exactly one partition), and the
// partitions' groups are then numbered one partition after another. The result maps every
// thread's group ids to the merged ids — what GroupedAggregator::Merge takes — and holds the
// merged groups' key columns.
#pragma once

#include <vector>

#include "sql/execution/hash_keyed_groups.h"

namespace bundlebase::sql {

struct MergedGroups {
  int64_t num_groups = 0;
  // group_maps[t][g]: the merged id of group g of locals[t].
  std::vector<std::vector<uint32_t>> group_maps;
  // One array per key column, num_groups rows, merged id order.
  std::vector<ArrayPtr> keys;
};

// `locals` must share one encoder's key types. With a single local the numbering is kept.
Result<MergedGroups> MergeKeyedGroups(const std::vector<KeyedGroups*>& locals,
                                      ExecutionContext& ctx, const char* what);

}  // namespace bundlebase::sql
