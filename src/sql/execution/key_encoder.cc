// KeyEncoder: the three key layouts (key_encoder.h). Encoding runs column by column with one
// tight loop per physical type; only nested key values go through the per-value encoder.
#include "sql/execution/key_encoder.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "base/hash.h"
#include "sql/execution/key_value_encoding.h"

namespace bundlebase::sql {
namespace {

bool IsInt64Layout(TypeId id) {
  switch (id) {
    case TypeId::kBool:
    case TypeId::kInt8:
    case TypeId::kInt16:
    case TypeId::kInt32:
    case TypeId::kInt64:
    case TypeId::kUInt8:
    case TypeId::kUInt16:
    case TypeId::kUInt32:
    case TypeId::kUInt64:
    case TypeId::kFloat32:
    case TypeId::kFloat64:
    case TypeId::kDate32:
    case TypeId::kTime64:
    case TypeId::kTimestamp:
      return true;
    default:
      return false;
  }
}

template <typename T>
void WidenValues(const Array& column, int64_t n, int64_t* out) {
  const T* values = column.values<T>();
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<int64_t>(values[i]);
}

template <typename T>
void FloatBits(const Array& column, int64_t n, int64_t* out) {
  const T* values = column.values<T>();
  for (int64_t i = 0; i < n; ++i) out[i] = NormalizedFloatBits(static_cast<double>(values[i]));
}

Status EncodeInt64(const Array& column, int64_t n, EncodedKeys* out) {
  out->ints.resize(static_cast<size_t>(n));
  int64_t* ints = out->ints.data();
  switch (column.type_id()) {
    case TypeId::kBool:
      for (int64_t i = 0; i < n; ++i) ints[i] = column.GetBool(i) ? 1 : 0;
      break;
    case TypeId::kInt8: WidenValues<int8_t>(column, n, ints); break;
    case TypeId::kInt16: WidenValues<int16_t>(column, n, ints); break;
    case TypeId::kInt32:
    case TypeId::kDate32: WidenValues<int32_t>(column, n, ints); break;
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: std::memcpy(ints, column.values<int64_t>(), n * sizeof(int64_t)); break;
    case TypeId::kUInt8: WidenValues<uint8_t>(column, n, ints); break;
    case TypeId::kUInt16: WidenValues<uint16_t>(column, n, ints); break;
    case TypeId::kUInt32: WidenValues<uint32_t>(column, n, ints); break;
    case TypeId::kUInt64: WidenValues<uint64_t>(column, n, ints); break;
    case TypeId::kFloat32: FloatBits<float>(column, n, ints); break;
    case TypeId::kFloat64: FloatBits<double>(column, n, ints); break;
    default:
      return Status::Internal("key type {} has no 64-bit key form", column.type()->ToString());
  }
  out->hashes.resize(static_cast<size_t>(n));
  uint64_t* hashes = out->hashes.data();
  for (int64_t i = 0; i < n; ++i) hashes[i] = HashInt64Key(ints[i]);
  return Status::OK();
}

// Marks NULL rows of a single-key layout and gives them the NULL hash.
void FlagNulls(const Array& column, int64_t n, EncodedKeys* out) {
  if (column.null_count() == 0) return;
  out->nulls.assign(static_cast<size_t>(n), 0);
  for (int64_t i = 0; i < n; ++i) {
    if (column.IsNull(i)) {
      out->nulls[i] = 1;
      out->hashes[i] = kNullKeyHash;
    }
  }
}

void EncodeBytes(const ArrayPtr& column, int64_t n, EncodedKeys* out) {
  out->source = column;
  out->data = column->buffers()[2] ? column->buffers()[2]->data() : nullptr;
  out->offsets = column->offsets();
  out->hashes.resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out->hashes[i] = HashString(out->bytes(i));
}

}  // namespace

int64_t EncodedKeys::memory_bytes() const {
  return static_cast<int64_t>(hashes.size() * sizeof(uint64_t) + nulls.size() +
                              unmatchable.size() + ints.size() * sizeof(int64_t) +
                              owned_data.size() + owned_offsets.size() * sizeof(int32_t));
}

KeyEncoder::KeyEncoder(std::vector<DataTypePtr> key_types) : key_types_(std::move(key_types)) {
  if (key_types_.size() == 1 && IsInt64Layout(key_types_[0]->id())) {
    layout_ = KeyLayout::kInt64;
  } else if (key_types_.size() == 1 && key_types_[0]->is_binary_like()) {
    layout_ = KeyLayout::kBytes;
  } else {
    layout_ = KeyLayout::kRow;
  }
}

Status KeyEncoder::Encode(const RecordBatch& batch, const std::vector<int>& columns,
                          EncodedKeys* out, const std::vector<bool>& null_safe) const {
  std::vector<ArrayPtr> key_columns;
  key_columns.reserve(columns.size());
  for (int c : columns) key_columns.push_back(batch.column(c));
  return Encode(key_columns, batch.num_rows(), out, null_safe);
}

Status KeyEncoder::Encode(const std::vector<ArrayPtr>& key_columns, int64_t num_rows,
                          EncodedKeys* out, const std::vector<bool>& null_safe) const {
  if (key_columns.size() != key_types_.size()) {
    return Status::Internal("key encoder expects {} key columns, got {}", key_types_.size(),
                            key_columns.size());
  }
  out->layout = layout_;
  out->num_rows = num_rows;
  out->nulls.clear();
  out->unmatchable.clear();
  out->source = nullptr;
  switch (layout_) {
    case KeyLayout::kInt64:
      BB_RETURN_NOT_OK(EncodeInt64(*key_columns[0], num_rows, out));
      FlagNulls(*key_columns[0], num_rows, out);
      break;
    case KeyLayout::kBytes:
      EncodeBytes(key_columns[0], num_rows, out);
      FlagNulls(*key_columns[0], num_rows, out);
      break;
    case KeyLayout::kRow:
      BB_RETURN_NOT_OK(EncodeRows(key_columns, num_rows, out));
      break;
  }
  for (size_t k = 0; k < key_columns.size(); ++k) {
    const bool safe = null_safe.empty() || null_safe[k];
    if (safe || key_columns[k]->null_count() == 0) continue;
    if (out->unmatchable.empty()) out->unmatchable.assign(static_cast<size_t>(num_rows), 0);
    for (int64_t i = 0; i < num_rows; ++i) {
      if (key_columns[k]->IsNull(i)) out->unmatchable[i] = 1;
    }
  }
  return Status::OK();
}

}  // namespace bundlebase::sql
