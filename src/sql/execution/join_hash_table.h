// JoinHashTable: the build side of a hash join — for every distinct key, the chain of build
// rows holding it.
//
// Open addressing over 8-byte slots {32-bit hash tag, chain head row + 1}; `next[row]` links the
// rows of one key. Keys are compared through the build side's EncodedKeys, which the table
// reads but does not own. Rows with a NULL in a key that is not null-safe are left out (they
// never match); a NULL single key that is null-safe has its own chain outside the slots.
#pragma once

#include <cstdint>
#include <vector>

#include "sql/execution/execution_context.h"
#include "sql/execution/key_encoder.h"

namespace bundlebase::sql {

class JoinHashTable {
 public:
  // Indexes every matchable row of `build` (which must outlive the table). Memory is reserved
  // against `budget` and stays reserved for the query.
  Status Build(const EncodedKeys& build, MemoryBudget* budget);

  // heads[i]: the first build row whose key equals probe row i, or -1.
  void FindAll(const EncodedKeys& probe, std::vector<int32_t>* heads) const;

  // The next build row with the same key, or -1.
  int32_t next(int32_t row) const { return next_[row]; }

 private:
  struct Slot {
    uint32_t tag;
    uint32_t head_plus_one;  // 0: empty
  };
  template <bool kIntKeys>
  void Insert(const EncodedKeys& build);
  template <bool kIntKeys>
  void Probe(const EncodedKeys& probe, int32_t* heads) const;

  const EncodedKeys* build_ = nullptr;
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<int32_t> next_;
  int32_t null_head_ = -1;
};

}  // namespace bundlebase::sql
