// GroupTable: one probe loop, instantiated for the two kinds of input (encoded batch rows,
// groups of another table) so the hot loop has no virtual calls.
#include "sql/execution/hash_group_table.h"

#include <cstring>

namespace bundlebase::sql {

// Rows of an encoded batch as the probe loop sees them.
struct EncodedKeySource {
  const EncodedKeys& keys;
  uint64_t hash(int64_t i) const { return keys.hashes[i]; }
  bool is_null(int64_t i) const { return keys.is_null(i); }
  int64_t int_value(int64_t i) const { return keys.ints[i]; }
  std::string_view bytes(int64_t i) const { return keys.bytes(i); }
};

// Groups of another table as the probe loop sees them.
struct GroupKeySource {
  const GroupTable& table;
  const uint32_t* groups;
  uint64_t hash(int64_t i) const { return table.group_hashes_[groups[i]]; }
  bool is_null(int64_t i) const { return static_cast<int64_t>(groups[i]) == table.null_group_; }
  int64_t int_value(int64_t i) const { return table.group_ints_[groups[i]]; }
  std::string_view bytes(int64_t i) const { return table.group_bytes(groups[i]); }
};

namespace {
constexpr int64_t kInitialSlots = 1024;
constexpr int64_t kReserveGranule = int64_t{1} << 16;
}  // namespace

GroupTable::GroupTable(KeyLayout layout, MemoryBudget* budget, const char* what)
    : layout_(layout), budget_(budget), what_(what) {
  slots_.assign(kInitialSlots, Slot{0, 0});
  mask_ = kInitialSlots - 1;
  if (layout_ != KeyLayout::kInt64) group_offsets_.push_back(0);
}

template <typename Source>
uint32_t GroupTable::AddGroup(const Source& source, int64_t i, uint64_t hash) {
  const auto group = static_cast<uint32_t>(group_hashes_.size());
  group_hashes_.push_back(hash);
  if (layout_ == KeyLayout::kInt64) {
    group_ints_.push_back(source.is_null(i) ? 0 : source.int_value(i));
  } else {
    if (!source.is_null(i)) {
      std::string_view b = source.bytes(i);
      arena_.insert(arena_.end(), b.begin(), b.end());
    }
    group_offsets_.push_back(static_cast<int64_t>(arena_.size()));
  }
  return group;
}

template <typename Source, typename NewEntry>
void GroupTable::InsertAll(const Source& source, int64_t n, uint32_t* group_ids,
                           std::vector<NewEntry>* new_entries) {
  const bool int_keys = layout_ == KeyLayout::kInt64;
  // Large tables miss the cache on every probe: ask for the slot of a row a little ahead.
  constexpr int64_t kPrefetchDistance = 16;
  for (int64_t i = 0; i < n; ++i) {
    if (i + kPrefetchDistance < n) {
      __builtin_prefetch(&slots_[source.hash(i + kPrefetchDistance) & mask_]);
    }
    if (source.is_null(i)) {
      if (null_group_ < 0) {
        null_group_ = AddGroup(source, i, kNullKeyHash);
        new_entries->push_back(static_cast<NewEntry>(i));
      }
      group_ids[i] = static_cast<uint32_t>(null_group_);
      continue;
    }
    const uint64_t hash = source.hash(i);
    const int64_t key = int_keys ? source.int_value(i) : static_cast<int64_t>(hash);
    uint64_t pos = hash & mask_;
    while (true) {
      Slot& slot = slots_[pos];
      if (slot.group_plus_one == 0) {
        const uint32_t group = AddGroup(source, i, hash);
        slot = Slot{key, group + 1};
        group_ids[i] = group;
        new_entries->push_back(static_cast<NewEntry>(i));
        if (++in_slots_ * 2 > static_cast<int64_t>(slots_.size())) Grow();
        break;
      }
      if (slot.key_or_hash == key &&
          (int_keys || group_bytes(slot.group_plus_one - 1) == source.bytes(i))) {
        group_ids[i] = slot.group_plus_one - 1;
        break;
      }
      pos = (pos + 1) & mask_;
    }
  }
}

void GroupTable::Grow() {
  std::vector<Slot> bigger(slots_.size() * 2, Slot{0, 0});
  const uint64_t mask = bigger.size() - 1;
  for (const Slot& slot : slots_) {
    if (slot.group_plus_one == 0) continue;
    uint64_t pos = group_hashes_[slot.group_plus_one - 1] & mask;
    while (bigger[pos].group_plus_one != 0) pos = (pos + 1) & mask;
    bigger[pos] = slot;
  }
  slots_ = std::move(bigger);
  mask_ = mask;
}

Status GroupTable::Account() {
  const auto used = static_cast<int64_t>(
      slots_.size() * sizeof(Slot) + group_hashes_.capacity() * sizeof(uint64_t) +
      group_ints_.capacity() * sizeof(int64_t) + arena_.capacity() +
      group_offsets_.capacity() * sizeof(int64_t));
  if (used <= reserved_) return Status::OK();
  const int64_t more = (used - reserved_ + kReserveGranule - 1) / kReserveGranule * kReserveGranule;
  BB_RETURN_NOT_OK(budget_->Reserve(more, what_));
  reserved_ += more;
  return Status::OK();
}

void GroupTable::ReleaseMemory() {
  budget_->Release(reserved_);
  reserved_ = 0;
}

Status GroupTable::FindOrInsert(const EncodedKeys& keys, uint32_t* group_ids,
                                std::vector<int32_t>* new_rows) {
  InsertAll(EncodedKeySource{keys}, keys.num_rows, group_ids, new_rows);
  return Account();
}

Status GroupTable::FindOrInsertGroups(const GroupTable& other, const uint32_t* groups, int64_t n,
                                      uint32_t* group_ids, std::vector<uint32_t>* new_groups) {
  std::vector<int64_t> positions;
  InsertAll(GroupKeySource{other, groups}, n, group_ids, &positions);
  for (int64_t p : positions) new_groups->push_back(groups[p]);
  return Account();
}

}  // namespace bundlebase::sql
