// DictionaryBuilder: the dictionary of one column chunk being written — each distinct value
// once, in the order first seen, and the index of every value put through it.
//
// Distinct values are kept in their PLAIN encoding, which is exactly the dictionary page's
// body, so the size the writer compares with its dictionary limit is the page it will write.
// The hash table is open addressing with linear probing: 4- and 8-byte values are their own
// keys (compared as bits, so NaN payloads and -0.0 stay distinct, as a round trip needs);
// byte arrays and other widths are keyed by XXH3 and compared byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "formats/parquet/physical_values.h"

namespace bundlebase::parquet {

class DictionaryBuilder {
 public:
  // `type` is any physical type but BOOLEAN; `width` the bytes of a fixed-width value.
  DictionaryBuilder(Type type, int width);

  // Appends the index of each of values [offset, offset + count) to `indices`, adding the
  // values not seen before.
  void Put(const PhysicalValues& values, int64_t offset, int64_t count,
           std::vector<uint32_t>* indices);

  int64_t size() const { return static_cast<int64_t>(num_entries_); }
  // The entries PLAIN-encoded in index order: the body of the dictionary page.
  const std::string& plain() const { return plain_; }
  // Appends the PLAIN form of entry `index` (turning dictionary indices back into values).
  void AppendPlain(uint32_t index, std::string* out) const;
  // The entries as values (views into this builder), for statistics.
  PhysicalValues Entries() const;

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t index = 0;  // entry index + 1; 0 marks an empty slot
  };

  template <typename T>
  void PutFixed(const T* values, int64_t count, uint32_t* out);
  void PutBytes(const uint8_t* data, size_t size, uint32_t* out);
  uint32_t AddEntry(const uint8_t* data, size_t size);
  size_t SlotOf(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
  void Grow();

  Type type_;
  int width_;
  uint32_t num_entries_ = 0;
  std::vector<Slot> slots_;
  int shift_ = 0;  // 64 - log2(slots_.size())
  std::string plain_;
  // Byte-keyed entries: where each value's bytes start in plain_, and their length.
  std::vector<uint64_t> entry_offsets_;
  std::vector<uint32_t> entry_lengths_;
};

}  // namespace bundlebase::parquet
