// KeyIndex: the keys of a JSON object shape in first-seen order, with lookups tuned for records.
//
// Both passes of the JSON reader look up every key of every record. Records of one file nearly
// always repeat the previous record's key order, so lookups first check the key that was seen at
// the same position last time — against the raw bytes of the input (MatchesRaw), without even
// unescaping the key — and only fall back to the hash table when the order changes. Each reader
// thread owns its KeyIndex; it is not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bundlebase::json {

class KeyIndex {
 public:
  // The index of `key`, or -1. `position` is the key's position in the object being read.
  int Find(std::string_view key, size_t position) {
    if (position < predicted_.size()) {
      int guess = predicted_[position];
      if (guess >= 0 && names_[guess] == key) return guess;
    }
    auto it = index_.find(key);
    int found = it == index_.end() ? -1 : it->second;
    if (found >= 0) Predict(position, found);
    return found;
  }

  bool Contains(std::string_view key) const { return index_.find(key) != index_.end(); }

  // Appends a key that Find() did not find and returns its index.
  int Add(std::string_view key, size_t position);

  // The index of the key seen at `position` of the previous object, or -1.
  int Predicted(size_t position) const {
    return position < predicted_.size() ? predicted_[position] : -1;
  }
  // Whether `raw`, the raw bytes of a key in a JSON text (after its opening quote), spell key i.
  // Only keys without '"', '\\' or control characters (nearly all) are spelled the same raw and
  // unescaped; for others this is false and the caller unescapes. `raw` must be followed by at
  // least 17 readable bytes, which simdjson's padding guarantees.
  bool MatchesRaw(int i, const char* raw) const {
    const Spelling& s = spellings_[i];
    if (s.length > 16) return s.length != kNotPlain && RawEquals(names_[i], raw);
    uint64_t w0, w1;
    std::memcpy(&w0, raw, 8);
    std::memcpy(&w1, raw + 8, 8);
    return ((w0 & s.mask0) == s.word0) & ((w1 & s.mask1) == s.word1) & (raw[s.length] == '"');
  }

  int size() const { return static_cast<int>(names_.size()); }
  const std::string& name(int i) const { return names_[i]; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  void Predict(size_t position, int index);

  // Key i's bytes as two zero-padded little-endian words with masks, for MatchesRaw.
  struct Spelling {
    uint64_t word0 = 0, word1 = 0, mask0 = 0, mask1 = 0;
    size_t length = 0;
  };
  static constexpr size_t kNotPlain = static_cast<size_t>(-1);
  static bool RawEquals(const std::string& name, const char* raw);

  std::vector<std::string> names_;
  std::vector<Spelling> spellings_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> index_;
  // predicted_[p]: the index of the key found at position p of the previous object.
  std::vector<int> predicted_;
};

// Marks which fields of an object have been given a value in the current record, so a key that
// repeats within one object keeps its first value, and fields a record lacks can be set to NULL.
// Each object visited gets a fresh stamp; a field is "seen" when its slot holds that stamp.
class SeenFields {
 public:
  // Returns true the first time `field` is marked with `stamp`.
  bool Mark(int field, uint64_t stamp) {
    if (static_cast<size_t>(field) >= stamps_.size()) stamps_.resize(field + 1, 0);
    if (stamps_[field] == stamp) return false;
    stamps_[field] = stamp;
    return true;
  }
  bool Seen(int field, uint64_t stamp) const {
    return static_cast<size_t>(field) < stamps_.size() && stamps_[field] == stamp;
  }

 private:
  std::vector<uint64_t> stamps_;
};

}  // namespace bundlebase::json
