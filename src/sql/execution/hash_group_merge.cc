// Partitioned merge of thread-local groupings (hash_group_merge.h).
#include "sql/execution/hash_group_merge.h"

#include <numeric>

#include "base/thread_pool.h"
#include "sql/execution/selection.h"

namespace bundlebase::sql {
namespace {

constexpr int kPartitionBits = 6;
constexpr int kPartitions = 1 << kPartitionBits;

int PartitionOf(uint64_t hash) { return static_cast<int>(hash >> (64 - kPartitionBits)); }

Result<MergedGroups> KeepSingle(KeyedGroups& local) {
  MergedGroups merged;
  merged.num_groups = local.num_groups();
  merged.group_maps.emplace_back(static_cast<size_t>(merged.num_groups));
  std::iota(merged.group_maps[0].begin(), merged.group_maps[0].end(), 0u);
  BB_ASSIGN_OR_RAISE(merged.keys, local.KeyColumns());
  return merged;
}

}  // namespace

Result<MergedGroups> MergeKeyedGroups(const std::vector<KeyedGroups*>& locals,
                                      ExecutionContext& ctx, const char* what) {
  if (locals.size() == 1) return KeepSingle(*locals[0]);
  const size_t num_locals = locals.size();
  ThreadPool& pool = ThreadPool::Default();
  const auto threads = static_cast<size_t>(ctx.threads());

  // Each local's groups by partition.
  std::vector<std::vector<std::vector<uint32_t>>> by_partition(
      num_locals, std::vector<std::vector<uint32_t>>(kPartitions));
  std::vector<std::vector<ArrayPtr>> local_keys(num_locals);
  BB_RETURN_NOT_OK(pool.ParallelFor(
      num_locals,
      [&](size_t t) -> Status {
        const GroupTable& table = locals[t]->table();
        for (int64_t g = 0; g < table.num_groups(); ++g) {
          const auto group = static_cast<uint32_t>(g);
          by_partition[t][PartitionOf(table.group_hash(group))].push_back(group);
        }
        BB_ASSIGN_OR_RAISE(local_keys[t], locals[t]->KeyColumns());
        return Status::OK();
      },
      threads));

  // Each partition merged on its own: ids within the partition, and which local groups were
  // new there (in the order they got their ids).
  std::vector<std::vector<std::vector<uint32_t>>> partition_ids(
      kPartitions, std::vector<std::vector<uint32_t>>(num_locals));
  std::vector<std::vector<std::vector<uint32_t>>> new_groups(
      kPartitions, std::vector<std::vector<uint32_t>>(num_locals));
  std::vector<int64_t> partition_size(kPartitions, 0);
  const KeyLayout layout = locals[0]->encoder().layout();
  BB_RETURN_NOT_OK(pool.ParallelFor(
      kPartitions,
      [&](size_t p) -> Status {
        GroupTable table(layout, &ctx.memory(), what);
        Status st;
        for (size_t t = 0; t < num_locals && st.ok(); ++t) {
          const auto& groups = by_partition[t][p];
          partition_ids[p][t].resize(groups.size());
          st = table.FindOrInsertGroups(locals[t]->table(), groups.data(),
                                        static_cast<int64_t>(groups.size()),
                                        partition_ids[p][t].data(), &new_groups[p][t]);
        }
        partition_size[p] = table.num_groups();
        table.ReleaseMemory();
        return st;
      },
      threads));

  MergedGroups merged;
  std::vector<int64_t> base(kPartitions, 0);
  for (int p = 0; p < kPartitions; ++p) {
    base[p] = merged.num_groups;
    merged.num_groups += partition_size[p];
  }
  merged.group_maps.resize(num_locals);
  for (size_t t = 0; t < num_locals; ++t) {
    auto& map = merged.group_maps[t];
    map.resize(static_cast<size_t>(locals[t]->num_groups()));
    for (int p = 0; p < kPartitions; ++p) {
      const auto& groups = by_partition[t][p];
      const auto& ids = partition_ids[p][t];
      for (size_t k = 0; k < groups.size(); ++k) {
        map[groups[k]] = static_cast<uint32_t>(base[p] + ids[k]);
      }
    }
  }

  // Key columns: every partition's new groups, local after local, partition after partition.
  const std::vector<DataTypePtr>& types = locals[0]->encoder().key_types();
  for (size_t k = 0; k < types.size(); ++k) {
    std::vector<ArrayPtr> pieces;
    for (int p = 0; p < kPartitions; ++p) {
      for (size_t t = 0; t < num_locals; ++t) {
        const auto& groups = new_groups[p][t];
        if (groups.empty()) continue;
        std::vector<int32_t> rows(groups.begin(), groups.end());
        BB_ASSIGN_OR_RAISE(ArrayPtr piece, Take(local_keys[t][k], rows));
        pieces.push_back(std::move(piece));
      }
    }
    if (pieces.empty()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr empty, MakeNullArray(types[k], 0));
      merged.keys.push_back(std::move(empty));
    } else {
      BB_ASSIGN_OR_RAISE(ArrayPtr column, Concatenate(pieces));
      merged.keys.push_back(std::move(column));
    }
  }
  return merged;
}

}  // namespace bundlebase::sql
