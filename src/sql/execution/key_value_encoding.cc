// The kRow key layout: every key column appends, to every row, a NULL flag byte and (when not
// NULL) the value. Sizes are computed first so the bytes are written once, column by column.
#include "sql/execution/key_value_encoding.h"

#include <limits>

#include "base/hash.h"

namespace bundlebase::sql {
namespace {

void AppendRaw(const void* p, size_t n, std::vector<uint8_t>* out) {
  const auto* b = static_cast<const uint8_t*>(p);
  out->insert(out->end(), b, b + n);
}

// Width of a valid value in the encoding (fixed-width types), or -1 for variable width.
int EncodedWidth(const DataType& type) {
  switch (type.id()) {
    case TypeId::kNull: return 0;
    case TypeId::kBool: return 1;
    case TypeId::kFloat32:
    case TypeId::kFloat64: return 8;
    default: return type.is_fixed_width() ? type.byte_width() : -1;
  }
}

void WriteFixed(const Array& column, int64_t i, uint8_t* dst) {
  switch (column.type_id()) {
    case TypeId::kBool: *dst = column.GetBool(i) ? 1 : 0; return;
    case TypeId::kFloat32: {
      int64_t bits = NormalizedFloatBits(column.values<float>()[i]);
      std::memcpy(dst, &bits, 8);
      return;
    }
    case TypeId::kFloat64: {
      int64_t bits = NormalizedFloatBits(column.values<double>()[i]);
      std::memcpy(dst, &bits, 8);
      return;
    }
    default: {
      const int width = column.type()->byte_width();
      std::memcpy(dst, column.buffers()[1]->data() + (column.offset() + i) * width,
                  static_cast<size_t>(width));
    }
  }
}

}  // namespace

void AppendEncodedValue(const Array& array, int64_t i, std::vector<uint8_t>* out) {
  if (array.IsNull(i)) {
    out->push_back(1);
    return;
  }
  out->push_back(0);
  const int width = EncodedWidth(*array.type());
  if (width >= 0) {
    size_t at = out->size();
    out->resize(at + static_cast<size_t>(width));
    if (width > 0) WriteFixed(array, i, out->data() + at);
    return;
  }
  switch (array.type_id()) {
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      std::string_view v = array.GetView(i);
      auto len = static_cast<uint32_t>(v.size());
      AppendRaw(&len, 4, out);
      AppendRaw(v.data(), v.size(), out);
      return;
    }
    case TypeId::kList: {
      const int32_t* offsets = array.offsets();
      auto count = static_cast<uint32_t>(offsets[i + 1] - offsets[i]);
      AppendRaw(&count, 4, out);
      for (int32_t j = offsets[i]; j < offsets[i + 1]; ++j) {
        AppendEncodedValue(*array.child(0), j, out);
      }
      return;
    }
    case TypeId::kStruct:
      for (const ArrayPtr& field : array.children()) AppendEncodedValue(*field, i, out);
      return;
    default:
      return;
  }
}

Status EncodeRows(const std::vector<ArrayPtr>& key_columns, int64_t num_rows, EncodedKeys* out) {
  const auto n = static_cast<size_t>(num_rows);
  std::vector<int64_t> sizes(n, 0);
  // Nested columns are encoded per value up front; the others are sized by type.
  std::vector<std::vector<uint8_t>> nested_bytes(key_columns.size());
  std::vector<std::vector<int64_t>> nested_offsets(key_columns.size());
  for (size_t k = 0; k < key_columns.size(); ++k) {
    const Array& column = *key_columns[k];
    const int width = EncodedWidth(*column.type());
    const bool has_nulls = column.null_count() > 0;
    if (width >= 0) {
      for (size_t i = 0; i < n; ++i) {
        sizes[i] += 1 + ((has_nulls && column.IsNull(i)) ? 0 : width);
      }
    } else if (column.type()->is_binary_like()) {
      const int32_t* offsets = column.offsets();
      for (size_t i = 0; i < n; ++i) {
        sizes[i] += 1 + ((has_nulls && column.IsNull(i)) ? 0 : 4 + offsets[i + 1] - offsets[i]);
      }
    } else {
      auto& bytes = nested_bytes[k];
      auto& offsets = nested_offsets[k];
      offsets.resize(n + 1);
      for (size_t i = 0; i < n; ++i) {
        offsets[i] = static_cast<int64_t>(bytes.size());
        AppendEncodedValue(column, static_cast<int64_t>(i), &bytes);
        sizes[i] += static_cast<int64_t>(bytes.size()) - offsets[i];
      }
      offsets[n] = static_cast<int64_t>(bytes.size());
    }
  }
  out->owned_offsets.resize(n + 1);
  int64_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    out->owned_offsets[i] = static_cast<int32_t>(total);
    total += sizes[i];
    if (total > std::numeric_limits<int32_t>::max()) {
      return Status::ResourceExhausted(
          "the grouping/join keys of one batch need more than 2 GiB; use smaller key values "
          "or fewer key columns");
    }
  }
  out->owned_offsets[n] = static_cast<int32_t>(total);
  out->owned_data.resize(static_cast<size_t>(total));
  std::vector<int32_t> cursor(out->owned_offsets.begin(), out->owned_offsets.end() - 1);
  uint8_t* data = out->owned_data.data();
  for (size_t k = 0; k < key_columns.size(); ++k) {
    const Array& column = *key_columns[k];
    const int width = EncodedWidth(*column.type());
    const bool has_nulls = column.null_count() > 0;
    if (!nested_offsets[k].empty()) {
      const auto& offsets = nested_offsets[k];
      for (size_t i = 0; i < n; ++i) {
        const auto len = static_cast<size_t>(offsets[i + 1] - offsets[i]);
        std::memcpy(data + cursor[i], nested_bytes[k].data() + offsets[i], len);
        cursor[i] += static_cast<int32_t>(len);
      }
      continue;
    }
    for (size_t i = 0; i < n; ++i) {
      uint8_t* dst = data + cursor[i];
      if (has_nulls && column.IsNull(static_cast<int64_t>(i))) {
        *dst = 1;
        cursor[i] += 1;
        continue;
      }
      *dst++ = 0;
      if (width >= 0) {
        if (width > 0) WriteFixed(column, static_cast<int64_t>(i), dst);
        cursor[i] += 1 + width;
      } else {
        std::string_view v = column.GetView(static_cast<int64_t>(i));
        auto len = static_cast<uint32_t>(v.size());
        std::memcpy(dst, &len, 4);
        std::memcpy(dst + 4, v.data(), v.size());
        cursor[i] += static_cast<int32_t>(5 + v.size());
      }
    }
  }
  out->data = out->owned_data.data();
  out->offsets = out->owned_offsets.data();
  out->hashes.resize(n);
  for (size_t i = 0; i < n; ++i) out->hashes[i] = HashString(out->bytes(static_cast<int64_t>(i)));
  return Status::OK();
}

}  // namespace bundlebase::sql
