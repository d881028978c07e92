// GroupTable: the hash table of GROUP BY, DISTINCT and the set operations — distinct keys to
// dense group ids 0, 1, 2, ... in order of first appearance.
//
// Open addressing with linear probing over 16-byte slots {64-bit key or hash, group id + 1};
// the table stays at most half full and doubles when it gets there. Each group's key is kept in the
// table (a 64-bit value, or bytes in one arena) with its hash, so groups can be re-inserted
// into another table (merging thread-local tables) without re-encoding or re-hashing. A NULL
// single key is one group kept outside the slots. Memory is reserved against the query budget
// as the table grows.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sql/execution/execution_context.h"
#include "sql/execution/key_encoder.h"

namespace bundlebase::sql {

class GroupTable {
 public:
  // `what` names the operator in memory-limit errors ("hash aggregate").
  GroupTable(KeyLayout layout, MemoryBudget* budget, const char* what);
  GroupTable(GroupTable&&) = default;

  KeyLayout layout() const { return layout_; }
  int64_t num_groups() const { return static_cast<int64_t>(group_hashes_.size()); }
  uint64_t group_hash(uint32_t group) const { return group_hashes_[group]; }

  // Gives every row of `keys` its group id; rows that started a new group are appended to
  // `new_rows`, in order.
  Status FindOrInsert(const EncodedKeys& keys, uint32_t* group_ids, std::vector<int32_t>* new_rows);

  // The same for groups groups[0..n) of `other` (same layout): group_ids[i] is the id here of
  // other's group groups[i]; the entries of `groups` that were new here go to `new_groups`.
  Status FindOrInsertGroups(const GroupTable& other, const uint32_t* groups, int64_t n,
                            uint32_t* group_ids, std::vector<uint32_t>* new_groups);

  // Returns what this table reserved to the budget (call once, when the table is dropped).
  void ReleaseMemory();

 private:
  // The key itself (kInt64) or the full hash (bytes layouts) sits in the slot, so a probe
  // usually touches one cache line, not two.
  struct Slot {
    int64_t key_or_hash;
    uint32_t group_plus_one;  // 0: empty
  };
  friend struct EncodedKeySource;
  friend struct GroupKeySource;

  template <typename Source, typename NewEntry>
  void InsertAll(const Source& source, int64_t n, uint32_t* group_ids,
                 std::vector<NewEntry>* new_entries);
  template <typename Source>
  uint32_t AddGroup(const Source& source, int64_t i, uint64_t hash);
  void Grow();
  Status Account();

  std::string_view group_bytes(uint32_t g) const {
    return {reinterpret_cast<const char*>(arena_.data()) + group_offsets_[g],
            static_cast<size_t>(group_offsets_[g + 1] - group_offsets_[g])};
  }

  KeyLayout layout_;
  MemoryBudget* budget_;
  const char* what_;
  int64_t reserved_ = 0;

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  int64_t in_slots_ = 0;
  std::vector<uint64_t> group_hashes_;
  std::vector<int64_t> group_ints_;      // kInt64
  std::vector<uint8_t> arena_;           // kBytes / kRow
  std::vector<int64_t> group_offsets_;   // kBytes / kRow: group g is arena_[off[g], off[g+1])
  int64_t null_group_ = -1;
};

}  // namespace bundlebase::sql
