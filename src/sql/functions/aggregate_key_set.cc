// KeySet (aggregate_key_set.h).
#include "sql/functions/aggregate_key_set.h"

#include <cstring>

#include "base/hash.h"

namespace bundlebase::sql {

bool KeySet::SameKey(const Slot& slot, std::string_view key) const {
  if (slot.length != key.size()) return false;
  if (key.size() <= kInlineBytes) return std::memcmp(slot.bytes, key.data(), key.size()) == 0;
  return std::string_view(arena_).substr(slot.offset, slot.length) == key;
}

bool KeySet::Insert(std::string_view key) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashString(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.used) {
      slot.hash = hash;
      slot.length = static_cast<uint32_t>(key.size());
      slot.used = true;
      if (key.size() <= kInlineBytes) {
        std::memset(slot.bytes, 0, kInlineBytes);
        std::memcpy(slot.bytes, key.data(), key.size());
      } else {
        slot.offset = arena_.size();
        arena_.append(key);
      }
      ++size_;
      return true;
    }
    if (slot.hash == hash && SameKey(slot, key)) return false;
  }
}

void KeySet::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.used) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace bundlebase::sql
