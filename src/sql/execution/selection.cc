// Take: gathers rows by index into new buffers. Fixed-width and string columns are copied with
// type-width loops; struct children are gathered with the same indices and list items by
// expanding each list's item range.
#include "sql/execution/selection.h"

#include <cstring>

#include "columnar/bitmap.h"

namespace bundlebase::sql {
namespace {

using BufPtr = std::shared_ptr<MutableBuffer>;

// The validity of the gathered rows, or null when every gathered row is valid.
Result<BufferPtr> TakeValidity(const Array& a, const int32_t* idx, int64_t n, int64_t* nulls) {
  const uint8_t* v = a.validity();
  bool any_missing = false;
  for (int64_t i = 0; i < n; ++i) any_missing |= idx[i] < 0;
  *nulls = 0;
  if (!v && !any_missing && a.type_id() != TypeId::kNull) return BufferPtr{};
  BB_ASSIGN_OR_RAISE(BufPtr out, MutableBuffer::Allocate(bitmap::BytesForBits(n), true));
  uint8_t* bits = out->mutable_data();
  for (int64_t i = 0; i < n; ++i) {
    bool valid = idx[i] >= 0 && a.IsValid(idx[i]);
    if (valid) {
      bitmap::SetBit(bits, i);
    } else {
      ++*nulls;
    }
  }
  return BufferPtr(out);
}

template <typename T>
Result<BufferPtr> TakeFixed(const Array& a, const int32_t* idx, int64_t n) {
  BB_ASSIGN_OR_RAISE(BufPtr out, MutableBuffer::Allocate(sizeof(T) * n));
  T* dst = out->mutable_data_as<T>();
  const T* src = a.values<T>();
  for (int64_t i = 0; i < n; ++i) dst[i] = idx[i] >= 0 ? src[idx[i]] : T{};
  return BufferPtr(out);
}

struct Bytes16 {
  uint64_t lo, hi;
};

Result<BufferPtr> TakeFixedWidth(const Array& a, const int32_t* idx, int64_t n) {
  switch (a.type()->byte_width()) {
    case 1: return TakeFixed<uint8_t>(a, idx, n);
    case 2: return TakeFixed<uint16_t>(a, idx, n);
    case 4: return TakeFixed<uint32_t>(a, idx, n);
    case 8: return TakeFixed<uint64_t>(a, idx, n);
    case 16: return TakeFixed<Bytes16>(a, idx, n);
    default:
      return Status::Internal("take: unexpected byte width {} for {}", a.type()->byte_width(),
                              a.type()->ToString());
  }
}

Result<BufferPtr> TakeBools(const Array& a, const int32_t* idx, int64_t n) {
  BB_ASSIGN_OR_RAISE(BufPtr out, MutableBuffer::Allocate(bitmap::BytesForBits(n), true));
  uint8_t* bits = out->mutable_data();
  for (int64_t i = 0; i < n; ++i) {
    if (idx[i] >= 0 && a.GetBool(idx[i])) bitmap::SetBit(bits, i);
  }
  return BufferPtr(out);
}

Result<std::vector<BufferPtr>> TakeBinary(const Array& a, const int32_t* idx, int64_t n) {
  const int32_t* offsets = a.offsets();
  int64_t total = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (idx[i] >= 0) total += offsets[idx[i] + 1] - offsets[idx[i]];
  }
  if (total > INT32_MAX) {
    return Status::ResourceExhausted(
        "a batch of {} strings would hold {} bytes, more than 2 GiB", n, total);
  }
  BB_ASSIGN_OR_RAISE(BufPtr out_offsets, MutableBuffer::Allocate(sizeof(int32_t) * (n + 1)));
  BB_ASSIGN_OR_RAISE(BufPtr out_data, MutableBuffer::Allocate(static_cast<size_t>(total)));
  int32_t* o = out_offsets->mutable_data_as<int32_t>();
  uint8_t* d = out_data->mutable_data();
  const uint8_t* src = a.buffers()[2] ? a.buffers()[2]->data() : nullptr;
  int32_t pos = 0;
  o[0] = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (idx[i] >= 0) {
      int32_t start = offsets[idx[i]];
      int32_t len = offsets[idx[i] + 1] - start;
      if (len) std::memcpy(d + pos, src + start, static_cast<size_t>(len));
      pos += len;
    }
    o[i + 1] = pos;
  }
  out_data->UnsafeSetSize(static_cast<size_t>(total));
  return std::vector<BufferPtr>{out_offsets, out_data};
}

Result<ArrayPtr> TakeList(const ArrayPtr& array, const int32_t* idx, int64_t n,
                          BufferPtr validity, int64_t nulls) {
  const int32_t* offsets = array->offsets();
  std::vector<int32_t> item_indices;
  BB_ASSIGN_OR_RAISE(BufPtr out_offsets, MutableBuffer::Allocate(sizeof(int32_t) * (n + 1)));
  int32_t* o = out_offsets->mutable_data_as<int32_t>();
  o[0] = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (idx[i] >= 0) {
      for (int32_t j = offsets[idx[i]]; j < offsets[idx[i] + 1]; ++j) item_indices.push_back(j);
    }
    o[i + 1] = static_cast<int32_t>(item_indices.size());
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr items, Take(array->child(0), item_indices));
  return std::make_shared<Array>(array->type(), n, std::vector<BufferPtr>{validity, out_offsets},
                                 nulls, 0, std::vector<ArrayPtr>{items});
}

}  // namespace

Result<ArrayPtr> Take(const ArrayPtr& array, const int32_t* idx, int64_t n) {
  const Array& a = *array;
  if (a.type_id() == TypeId::kNull) return MakeNullArray(a.type(), n);
  int64_t nulls = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr validity, TakeValidity(a, idx, n, &nulls));
  switch (a.type_id()) {
    case TypeId::kBool: {
      BB_ASSIGN_OR_RAISE(BufferPtr values, TakeBools(a, idx, n));
      return std::make_shared<Array>(a.type(), n, std::vector<BufferPtr>{validity, values}, nulls);
    }
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      BB_ASSIGN_OR_RAISE(auto buffers, TakeBinary(a, idx, n));
      return std::make_shared<Array>(
          a.type(), n, std::vector<BufferPtr>{validity, buffers[0], buffers[1]}, nulls);
    }
    case TypeId::kList:
      return TakeList(array, idx, n, validity, nulls);
    case TypeId::kStruct: {
      std::vector<ArrayPtr> children;
      for (const auto& child : a.children()) {
        BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(child, idx, n));
        children.push_back(std::move(taken));
      }
      return std::make_shared<Array>(a.type(), n, std::vector<BufferPtr>{validity}, nulls, 0,
                                     std::move(children));
    }
    default: {
      BB_ASSIGN_OR_RAISE(BufferPtr values, TakeFixedWidth(a, idx, n));
      return std::make_shared<Array>(a.type(), n, std::vector<BufferPtr>{validity, values}, nulls);
    }
  }
}

Result<ArrayPtr> Take(const ArrayPtr& array, const std::vector<int32_t>& indices) {
  return Take(array, indices.data(), static_cast<int64_t>(indices.size()));
}

Result<RecordBatchPtr> TakeBatch(const RecordBatch& batch, const std::vector<int32_t>& indices,
                                 SchemaPtr schema) {
  std::vector<ArrayPtr> columns;
  columns.reserve(batch.num_columns());
  for (const auto& column : batch.columns()) {
    BB_ASSIGN_OR_RAISE(ArrayPtr taken, Take(column, indices));
    columns.push_back(std::move(taken));
  }
  return std::make_shared<RecordBatch>(schema ? std::move(schema) : batch.schema(),
                                       static_cast<int64_t>(indices.size()), std::move(columns));
}

Result<RecordBatchPtr> ConcatenateBatchList(const SchemaPtr& schema,
                                            const std::vector<RecordBatchPtr>& batches) {
  int64_t rows = 0;
  for (const auto& b : batches) rows += b->num_rows();
  if (batches.size() == 1) {
    return std::make_shared<RecordBatch>(schema, rows, batches[0]->columns());
  }
  std::vector<ArrayPtr> columns;
  for (int c = 0; c < schema->num_fields(); ++c) {
    std::vector<ArrayPtr> parts;
    parts.reserve(batches.size());
    for (const auto& b : batches) parts.push_back(b->column(c));
    if (parts.empty()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr empty, MakeNullArray(schema->field(c).type, 0));
      columns.push_back(std::move(empty));
      continue;
    }
    BB_ASSIGN_OR_RAISE(ArrayPtr joined, Concatenate(parts));
    columns.push_back(std::move(joined));
  }
  return std::make_shared<RecordBatch>(schema, rows, std::move(columns));
}

}  // namespace bundlebase::sql
