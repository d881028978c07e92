// Row keys for the hash operators: one or more key columns of a batch turned into a per-row hash
// and a per-row comparable key, so grouping and join probing compare keys without knowing
// their types.
//
// Three layouts, chosen once from the key types:
//   kInt64  one integer-like key (integers, bool, date, time, timestamp, floats): the value
//           widened to 64 bits (floats by their normalised bit pattern: -0 is 0, every NaN is
//           one NaN, as PostgreSQL groups them). The fastest path.
//   kBytes  one text/bytea key: the string bytes themselves, viewed in place (no copy).
//   kRow    anything else, several keys included: each row encoded into bytes, column after
//           column (a NULL flag byte, then the value: fixed bytes, or a length and the bytes;
//           nested values recursively), so two rows are equal exactly when their encodings are.
// For kInt64 and kBytes a NULL key is flagged in `nulls`; kRow encodes NULLs in the bytes, so
// NULLs compare equal to each other — the GROUP BY / DISTINCT / IS NOT DISTINCT FROM rule.
// Joins additionally ask which rows hold a NULL in a key that is not null-safe: those rows
// never match (`unmatchable`).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "columnar/record_batch.h"

namespace bundlebase::sql {

enum class KeyLayout : uint8_t { kInt64, kBytes, kRow };

// The encoded keys of one batch (or of a whole join build side).
struct EncodedKeys {
  KeyLayout layout = KeyLayout::kRow;
  int64_t num_rows = 0;
  std::vector<uint64_t> hashes;
  // kInt64 / kBytes: 1 where the key is NULL; empty when no key is NULL.
  std::vector<uint8_t> nulls;
  // Joins: 1 where a key that is not null-safe is NULL; empty when there is no such row.
  std::vector<uint8_t> unmatchable;

  std::vector<int64_t> ints;  // kInt64
  // kBytes / kRow: row i is data[offsets[i], offsets[i + 1]). For kBytes these point into the
  // key column (kept alive by `source`), for kRow into the owned buffers below.
  const uint8_t* data = nullptr;
  const int32_t* offsets = nullptr;
  ArrayPtr source;
  std::vector<uint8_t> owned_data;
  std::vector<int32_t> owned_offsets;

  bool is_null(int64_t i) const { return !nulls.empty() && nulls[i] != 0; }
  bool is_unmatchable(int64_t i) const { return !unmatchable.empty() && unmatchable[i] != 0; }
  std::string_view bytes(int64_t i) const {
    return {reinterpret_cast<const char*>(data) + offsets[i],
            static_cast<size_t>(offsets[i + 1] - offsets[i])};
  }
  // Bytes held beyond the key column itself, for memory accounting.
  int64_t memory_bytes() const;
};

// Hash of a 64-bit key value (a strong finaliser: the table uses low bits for slots and high
// bits for tags and partitions).
inline uint64_t HashInt64Key(int64_t value) {
  uint64_t h = static_cast<uint64_t>(value);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// The hash every NULL key of the kInt64 / kBytes layouts gets.
inline constexpr uint64_t kNullKeyHash = 0x9e3779b97f4a7c15ULL;

class KeyEncoder {
 public:
  explicit KeyEncoder(std::vector<DataTypePtr> key_types);

  KeyLayout layout() const { return layout_; }
  int num_keys() const { return static_cast<int>(key_types_.size()); }
  const std::vector<DataTypePtr>& key_types() const { return key_types_; }

  // Encodes the key columns `columns` of `batch` (their types must be the key types).
  // `null_safe` (one flag per key, or empty for "all null-safe") decides `unmatchable`.
  Status Encode(const RecordBatch& batch, const std::vector<int>& columns, EncodedKeys* out,
                const std::vector<bool>& null_safe = {}) const;
  Status Encode(const std::vector<ArrayPtr>& key_columns, int64_t num_rows, EncodedKeys* out,
                const std::vector<bool>& null_safe = {}) const;

 private:
  std::vector<DataTypePtr> key_types_;
  KeyLayout layout_;
};

}  // namespace bundlebase::sql
