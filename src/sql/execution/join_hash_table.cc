// JoinHashTable: build and probe loops, one instantiation per key form (64-bit or bytes).
#include "sql/execution/join_hash_table.h"

#include <limits>

namespace bundlebase::sql {
namespace {

template <bool kIntKeys>
bool SameKey(const EncodedKeys& a, int64_t i, const EncodedKeys& b, int64_t j) {
  if constexpr (kIntKeys) {
    return a.ints[i] == b.ints[j];
  } else {
    return a.bytes(i) == b.bytes(j);
  }
}

}  // namespace

template <bool kIntKeys>
void JoinHashTable::Insert(const EncodedKeys& build) {
  const EncodedKeys& keys = build;
  for (int64_t r = keys.num_rows - 1; r >= 0; --r) {
    const auto row = static_cast<int32_t>(r);
    if (keys.is_unmatchable(r)) continue;
    if (keys.is_null(r)) {
      next_[row] = null_head_;
      null_head_ = row;
      continue;
    }
    const uint64_t hash = keys.hashes[r];
    const auto tag = static_cast<uint32_t>(hash >> 32);
    uint64_t pos = hash & mask_;
    while (true) {
      Slot& slot = slots_[pos];
      if (slot.head_plus_one == 0) {
        slot = Slot{tag, static_cast<uint32_t>(row) + 1};
        break;
      }
      const auto head = static_cast<int32_t>(slot.head_plus_one - 1);
      if (slot.tag == tag && SameKey<kIntKeys>(keys, head, keys, r)) {
        next_[row] = head;
        slot.head_plus_one = static_cast<uint32_t>(row) + 1;
        break;
      }
      pos = (pos + 1) & mask_;
    }
  }
}

Status JoinHashTable::Build(const EncodedKeys& build, MemoryBudget* budget) {
  if (build.num_rows >= std::numeric_limits<int32_t>::max()) {
    return Status::ResourceExhausted(
        "hash join build side has {} rows, more than one join can index (2^31); put the "
        "smaller input on the build side or filter it first",
        build.num_rows);
  }
  uint64_t capacity = 1024;
  while (capacity < static_cast<uint64_t>(build.num_rows) * 2) capacity *= 2;
  const auto bytes = static_cast<int64_t>(capacity * sizeof(Slot) +
                                          static_cast<uint64_t>(build.num_rows) * sizeof(int32_t));
  BB_RETURN_NOT_OK(budget->Reserve(bytes, "hash join"));
  build_ = &build;
  slots_.assign(capacity, Slot{0, 0});
  mask_ = capacity - 1;
  next_.assign(static_cast<size_t>(build.num_rows), -1);
  null_head_ = -1;
  if (build.layout == KeyLayout::kInt64) {
    Insert<true>(build);
  } else {
    Insert<false>(build);
  }
  return Status::OK();
}

template <bool kIntKeys>
void JoinHashTable::Probe(const EncodedKeys& probe, int32_t* heads) const {
  constexpr int64_t kPrefetchDistance = 16;
  for (int64_t i = 0; i < probe.num_rows; ++i) {
    if (i + kPrefetchDistance < probe.num_rows) {
      __builtin_prefetch(&slots_[probe.hashes[i + kPrefetchDistance] & mask_]);
    }
    heads[i] = -1;
    if (probe.is_unmatchable(i)) continue;
    if (probe.is_null(i)) {
      heads[i] = null_head_;
      continue;
    }
    const uint64_t hash = probe.hashes[i];
    const auto tag = static_cast<uint32_t>(hash >> 32);
    uint64_t pos = hash & mask_;
    while (true) {
      const Slot& slot = slots_[pos];
      if (slot.head_plus_one == 0) break;
      const auto head = static_cast<int32_t>(slot.head_plus_one - 1);
      if (slot.tag == tag && SameKey<kIntKeys>(*build_, head, probe, i)) {
        heads[i] = head;
        break;
      }
      pos = (pos + 1) & mask_;
    }
  }
}

void JoinHashTable::FindAll(const EncodedKeys& probe, std::vector<int32_t>* heads) const {
  heads->resize(static_cast<size_t>(probe.num_rows));
  if (build_ == nullptr) {
    std::fill(heads->begin(), heads->end(), -1);
    return;
  }
  if (probe.layout == KeyLayout::kInt64) {
    Probe<true>(probe, heads->data());
  } else {
    Probe<false>(probe, heads->data());
  }
}

}  // namespace bundlebase::sql
