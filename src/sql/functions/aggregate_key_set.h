// KeySet: a set of byte strings for DISTINCT aggregates — open addressing with linear probing
// over XXH3 hashes.
//
// std::unordered_set<std::string> costs a node allocation per key and a pointer chase per probe.
// Here a slot holds the key's hash and, for keys of up to 16 bytes (a group id with any number,
// date or timestamp), the key itself, so an insert is one hash and usually one cache line;
// longer keys live back to back in one arena.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bundlebase::sql {

class KeySet {
 public:
  // Adds `key`; true if it was not in the set before.
  bool Insert(std::string_view key);
  size_t size() const { return size_; }

 private:
  static constexpr size_t kInlineBytes = 16;
  struct Slot {
    uint64_t hash = 0;
    uint32_t length = 0;
    bool used = false;
    // The key itself when length <= kInlineBytes (zero padded), else its offset in arena_.
    union {
      char bytes[kInlineBytes];
      uint64_t offset;
    };
  };
  bool SameKey(const Slot& slot, std::string_view key) const;
  void Grow();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace bundlebase::sql
