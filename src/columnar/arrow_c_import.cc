// Importing arrays through the Arrow C Data Interface. Native layouts are wrapped in place: every
// buffer holds a reference to the moved ArrowArray, whose release callback runs when the last
// one dies. Buffer sizes are not part of the interface, so they are computed from length and
// offset (and the last offset for variable-size data), and the result is checked with
// ValidateArray before anyone reads it. Foreign layouts (arrow_c.h lists them) are converted,
// reusing the producer's data buffers where the layout allows.
#include <cmath>
#include <cstring>

#include "columnar/arrow_c_internal.h"
#include "columnar/builder.h"
#include "columnar/scalar.h"

namespace bundlebase {
namespace arrow_c_internal {
namespace {

alignas(64) const uint8_t kZeros[64] = {};

using Owner = std::shared_ptr<const void>;

// One ArrowArray node being imported, with the checks and buffer wrapping all layouts share.
struct Node {
  const ArrowArray& c;
  const ForeignType& t;
  const Owner& owner;  // keeps the producer's memory alive

  int64_t length() const { return c.length; }
  int64_t offset() const { return c.offset; }
  int64_t end() const { return c.offset + c.length; }

  Status CheckShape(int64_t buffers, int64_t children) const {
    if (c.length < 0 || c.offset < 0) {
      return Status::Invalid("Arrow array has a negative length or offset");
    }
    if (c.n_buffers < buffers || (buffers > 0 && c.buffers == nullptr)) {
      return Status::Invalid("Arrow {} array has {} buffers, needs {}", t.type->ToString(),
                             c.n_buffers, buffers);
    }
    if (c.n_children != children || (children > 0 && c.children == nullptr)) {
      return Status::Invalid("Arrow {} array has {} children, needs {}", t.type->ToString(),
                             c.n_children, children);
    }
    return Status::OK();
  }

  const uint8_t* raw(int i) const { return static_cast<const uint8_t*>(c.buffers[i]); }

  // Buffer i of `bytes` bytes, wrapped in place (copied when misaligned for `align`).
  Result<BufferPtr> Wrap(int i, int64_t bytes, size_t align = 1) const {
    const uint8_t* p = raw(i);
    if (p == nullptr) {
      if (bytes > 0) {
        return Status::Invalid("Arrow {} array has a null buffer {} of {} bytes",
                               t.type->ToString(), i, bytes);
      }
      return Buffer::Wrap(kZeros, 0, nullptr);
    }
    if (reinterpret_cast<uintptr_t>(p) % align != 0) {
      BB_ASSIGN_OR_RAISE(auto copy, MutableBuffer::Allocate(static_cast<size_t>(bytes)));
      std::memcpy(copy->mutable_data(), p, static_cast<size_t>(bytes));
      return BufferPtr(std::move(copy));
    }
    return Buffer::Wrap(p, static_cast<size_t>(bytes), owner);
  }

  // An offsets buffer of `width`-byte entries, which may be null for an empty array.
  Result<BufferPtr> WrapOffsets(int i, int width) const {
    if (raw(i) == nullptr && c.length == 0) return Buffer::Wrap(kZeros, width, nullptr);
    return Wrap(i, (end() + 1) * width, width);
  }

  Result<BufferPtr> Validity() const {
    if (raw(0) == nullptr) return BufferPtr();
    return Wrap(0, bitmap::BytesForBits(end()));
  }

  // The validity bits moved to start at row 0 (for layouts rebuilt from row 0).
  Result<BufferPtr> RebasedValidity() const {
    if (raw(0) == nullptr) return BufferPtr();
    if (c.offset % 8 == 0) {
      return Buffer::Wrap(raw(0) + c.offset / 8,
                          static_cast<size_t>(bitmap::BytesForBits(c.length)), owner);
    }
    BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(bitmap::BytesForBits(c.length), true));
    bitmap::CopyBits(raw(0), c.offset, c.length, bits->mutable_data(), 0);
    return BufferPtr(std::move(bits));
  }

  bool IsValid(int64_t i) const {
    return raw(0) == nullptr || bitmap::GetBit(raw(0), c.offset + i);
  }

  // The null count to give our Array: exact when known, else "count it" (-1).
  int64_t null_count() const { return raw(0) == nullptr ? 0 : c.null_count; }

  // An array of this node's type over `buffers` at `offset` (0 for rebuilt layouts).
  ArrayPtr Make(std::vector<BufferPtr> buffers, int64_t offset,
                std::vector<ArrayPtr> children = {}) const {
    return std::make_shared<Array>(t.type, c.length, std::move(buffers), null_count(), offset,
                                   std::move(children));
  }

  // Rebuilds fixed-width values: out[i] = convert(in[offset + i]) for every row; convert returns
  // false (for a valid row) when the value does not fit.
  template <typename In, typename Out, typename Convert>
  Result<ArrayPtr> ConvertValues(Convert&& convert) const {
    BB_RETURN_NOT_OK(CheckShape(2, 0));
    BB_ASSIGN_OR_RAISE(BufferPtr in, Wrap(1, end() * static_cast<int64_t>(sizeof(In))));
    BB_ASSIGN_OR_RAISE(auto out, MutableBuffer::Allocate(c.length * sizeof(Out)));
    for (int64_t i = 0; i < c.length; ++i) {
      In v;
      std::memcpy(&v, in->data() + (c.offset + i) * sizeof(In), sizeof(In));
      if (!convert(v, &out->mutable_data_as<Out>()[i]) && IsValid(i)) {
        return Status::Invalid("an imported value at row {} does not fit {}", i,
                               t.type->ToString());
      }
    }
    BB_ASSIGN_OR_RAISE(BufferPtr validity, RebasedValidity());
    return Make({validity, std::move(out)}, 0);
  }
};

Result<ArrayPtr> ImportNode(const ArrowArray& c, const ForeignType& t, const Owner& owner);

Result<ArrayPtr> ImportChild(const Node& n, int i, const ForeignType& t) {
  const ArrowArray* child = n.c.children[i];
  if (child == nullptr) return Status::Invalid("Arrow array child {} is null", i);
  return ImportNode(*child, t, n.owner);
}

Result<ArrayPtr> ImportNative(const Node& n) {
  const DataType& type = *n.t.type;
  switch (type.id()) {
    case TypeId::kNull:
      return std::make_shared<Array>(n.t.type, n.length(), std::vector<BufferPtr>{});
    case TypeId::kBool: {
      BB_RETURN_NOT_OK(n.CheckShape(2, 0));
      BB_ASSIGN_OR_RAISE(BufferPtr validity, n.Validity());
      BB_ASSIGN_OR_RAISE(BufferPtr values, n.Wrap(1, bitmap::BytesForBits(n.end())));
      return n.Make({validity, values}, n.offset());
    }
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      BB_RETURN_NOT_OK(n.CheckShape(3, 0));
      BB_ASSIGN_OR_RAISE(BufferPtr validity, n.Validity());
      BB_ASSIGN_OR_RAISE(BufferPtr offsets, n.WrapOffsets(1, 4));
      const int32_t data_end = offsets->data_as<int32_t>()[n.end()];
      if (data_end < 0) return Status::Invalid("Arrow string array has a negative offset");
      BB_ASSIGN_OR_RAISE(BufferPtr data, n.Wrap(2, data_end));
      return n.Make({validity, offsets, data}, n.offset());
    }
    case TypeId::kList: {
      BB_RETURN_NOT_OK(n.CheckShape(2, 1));
      BB_ASSIGN_OR_RAISE(BufferPtr validity, n.Validity());
      BB_ASSIGN_OR_RAISE(BufferPtr offsets, n.WrapOffsets(1, 4));
      BB_ASSIGN_OR_RAISE(ArrayPtr items, ImportChild(n, 0, n.t.children[0]));
      return n.Make({validity, offsets}, n.offset(), {items});
    }
    case TypeId::kStruct: {
      BB_RETURN_NOT_OK(n.CheckShape(1, static_cast<int64_t>(type.fields().size())));
      BB_ASSIGN_OR_RAISE(BufferPtr validity, n.Validity());
      std::vector<ArrayPtr> children;
      for (size_t i = 0; i < type.fields().size(); ++i) {
        BB_ASSIGN_OR_RAISE(ArrayPtr child, ImportChild(n, static_cast<int>(i), n.t.children[i]));
        // Arrow applies the struct's offset to its children; ours are aligned with the parent.
        if (child->length() < n.end()) {
          return Status::Invalid("Arrow struct child \"{}\" has {} rows, needs {}",
                                 type.fields()[i].name, child->length(), n.end());
        }
        children.push_back(child->Slice(n.offset(), n.length()));
      }
      return n.Make({validity}, n.offset(), std::move(children));
    }
    default: {
      BB_RETURN_NOT_OK(n.CheckShape(2, 0));
      const int width = type.byte_width();
      BB_ASSIGN_OR_RAISE(BufferPtr validity, n.Validity());
      const size_t align = type.id() == TypeId::kDecimal128 ? alignof(__int128)
                                                            : std::min<size_t>(width, 8);
      BB_ASSIGN_OR_RAISE(BufferPtr values, n.Wrap(1, n.end() * width, align));
      return n.Make({validity, values}, n.offset());
    }
  }
}

// int64 offsets ("U", "Z", "+L") as int32 offsets from row 0. Returns [start, end) of the data.
Result<BufferPtr> NarrowOffsets(const Node& n, int64_t* start, int64_t* end) {
  BB_ASSIGN_OR_RAISE(BufferPtr wide, n.WrapOffsets(1, 8));
  const int64_t* o = wide->data_as<int64_t>() + n.offset();
  *start = o[0];
  *end = o[n.length()];
  if (*start < 0 || *end < *start) return Status::Invalid("Arrow large offsets are not ordered");
  if (*end - *start > INT32_MAX) {
    return Status::ResourceExhausted(
        "an imported {} column holds more than 2 GiB (or 2^31 items) in one batch; use smaller "
        "batches", n.t.type->ToString());
  }
  BB_ASSIGN_OR_RAISE(auto narrow, MutableBuffer::Allocate((n.length() + 1) * sizeof(int32_t)));
  for (int64_t i = 0; i <= n.length(); ++i) {
    narrow->mutable_data_as<int32_t>()[i] = static_cast<int32_t>(o[i] - *start);
  }
  return BufferPtr(std::move(narrow));
}

Result<ArrayPtr> ImportLargeBinary(const Node& n) {
  BB_RETURN_NOT_OK(n.CheckShape(3, 0));
  int64_t start = 0;
  int64_t end = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr offsets, NarrowOffsets(n, &start, &end));
  BB_ASSIGN_OR_RAISE(BufferPtr data, n.Wrap(2, end));
  BB_ASSIGN_OR_RAISE(BufferPtr validity, n.RebasedValidity());
  return n.Make({validity, offsets, Buffer::Slice(data, start, end - start)}, 0);
}

Result<ArrayPtr> ImportLargeList(const Node& n) {
  BB_RETURN_NOT_OK(n.CheckShape(2, 1));
  int64_t start = 0;
  int64_t end = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr offsets, NarrowOffsets(n, &start, &end));
  BB_ASSIGN_OR_RAISE(ArrayPtr items, ImportChild(n, 0, n.t.children[0]));
  if (end > items->length()) return Status::Invalid("Arrow large list offsets pass its items");
  BB_ASSIGN_OR_RAISE(BufferPtr validity, n.RebasedValidity());
  return n.Make({validity, offsets}, 0, {items->Slice(start, end - start)});
}

// Offsets 0, size, 2 * size, ... for fixed-size layouts.
Result<BufferPtr> StridedOffsets(const Node& n) {
  if (n.t.size * n.length() > INT32_MAX) {
    return Status::ResourceExhausted("an imported fixed-size column is over 2^31 items");
  }
  BB_ASSIGN_OR_RAISE(auto offsets, MutableBuffer::Allocate((n.length() + 1) * sizeof(int32_t)));
  for (int64_t i = 0; i <= n.length(); ++i) {
    offsets->mutable_data_as<int32_t>()[i] = static_cast<int32_t>(i * n.t.size);
  }
  return BufferPtr(std::move(offsets));
}

Result<ArrayPtr> ImportFixedSizeList(const Node& n) {
  BB_RETURN_NOT_OK(n.CheckShape(1, 1));
  BB_ASSIGN_OR_RAISE(ArrayPtr items, ImportChild(n, 0, n.t.children[0]));
  if (items->length() < n.end() * n.t.size) {
    return Status::Invalid("Arrow fixed-size list has too few items");
  }
  BB_ASSIGN_OR_RAISE(BufferPtr offsets, StridedOffsets(n));
  BB_ASSIGN_OR_RAISE(BufferPtr validity, n.RebasedValidity());
  return n.Make({validity, offsets}, 0,
                {items->Slice(n.offset() * n.t.size, n.length() * n.t.size)});
}

Result<ArrayPtr> ImportFixedSizeBinary(const Node& n) {
  BB_RETURN_NOT_OK(n.CheckShape(2, 0));
  BB_ASSIGN_OR_RAISE(BufferPtr data, n.Wrap(1, n.end() * n.t.size));
  BB_ASSIGN_OR_RAISE(BufferPtr offsets, StridedOffsets(n));
  BB_ASSIGN_OR_RAISE(BufferPtr validity, n.RebasedValidity());
  return n.Make({validity, offsets,
                 Buffer::Slice(data, n.offset() * n.t.size, n.length() * n.t.size)},
                0);
}

// "vu" / "vz": each row is a 16-byte view, inline up to 12 bytes, else (length, prefix,
// buffer index, offset) into one of the variadic data buffers. Copied into our layout.
Result<ArrayPtr> ImportBinaryView(const Node& n) {
  BB_RETURN_NOT_OK(n.CheckShape(3, 0));
  const int64_t data_buffers = n.c.n_buffers - 3;
  const auto* sizes = reinterpret_cast<const int64_t*>(n.raw(static_cast<int>(n.c.n_buffers) - 1));
  if (data_buffers > 0 && sizes == nullptr) {
    return Status::Invalid("Arrow view array has no buffer sizes");
  }
  BB_ASSIGN_OR_RAISE(BufferPtr views, n.Wrap(1, n.end() * 16));
  BinaryBuilder builder(n.t.type);
  BB_RETURN_NOT_OK(builder.Reserve(n.length()));
  for (int64_t i = 0; i < n.length(); ++i) {
    if (!n.IsValid(i)) {
      BB_RETURN_NOT_OK(builder.AppendNull());
      continue;
    }
    const uint8_t* view = views->data() + (n.offset() + i) * 16;
    int32_t size;
    std::memcpy(&size, view, 4);
    if (size < 0) return Status::Invalid("Arrow view at row {} has a negative length", i);
    if (size <= 12) {
      BB_RETURN_NOT_OK(builder.Append({reinterpret_cast<const char*>(view + 4),
                                       static_cast<size_t>(size)}));
      continue;
    }
    int32_t index;
    int32_t start;
    std::memcpy(&index, view + 8, 4);
    std::memcpy(&start, view + 12, 4);
    if (index < 0 || index >= data_buffers || start < 0 ||
        static_cast<int64_t>(start) + size > sizes[index] || n.raw(2 + index) == nullptr) {
      return Status::Invalid("Arrow view at row {} points outside its data buffers", i);
    }
    BB_RETURN_NOT_OK(builder.Append(
        {reinterpret_cast<const char*>(n.raw(2 + index)) + start, static_cast<size_t>(size)}));
  }
  return builder.Finish();
}

float HalfToFloat(uint16_t h) {
  const int exponent = (h >> 10) & 0x1F;
  const int mantissa = h & 0x3FF;
  float v;
  if (exponent == 0) {
    v = std::ldexp(static_cast<float>(mantissa), -24);
  } else if (exponent == 31) {
    v = mantissa ? std::numeric_limits<float>::quiet_NaN() : std::numeric_limits<float>::infinity();
  } else {
    v = std::ldexp(static_cast<float>(mantissa | 0x400), exponent - 25);
  }
  return (h & 0x8000) ? -v : v;
}

// Gathers dictionary values by index into a plain column of the value type.
template <typename Index>
Result<ArrayPtr> DecodeDictionary(const Node& n, const Array& values) {
  BB_ASSIGN_OR_RAISE(BufferPtr indices, n.Wrap(1, n.end() * sizeof(Index), alignof(Index)));
  const Index* idx = indices->data_as<Index>() + n.offset();
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(values.type()));
  BB_RETURN_NOT_OK(builder->Reserve(n.length()));
  const bool binary = values.type()->is_binary_like();
  for (int64_t i = 0; i < n.length(); ++i) {
    if (!n.IsValid(i)) {
      BB_RETURN_NOT_OK(builder->AppendNull());
      continue;
    }
    const int64_t k = static_cast<int64_t>(idx[i]);
    if (k < 0 || k >= values.length()) {
      return Status::Invalid("Arrow dictionary index {} at row {} is out of range (size {})", k,
                             i, values.length());
    }
    if (binary) {
      auto* b = static_cast<BinaryBuilder*>(builder.get());
      BB_RETURN_NOT_OK(values.IsValid(k) ? b->Append(values.GetView(k)) : b->AppendNull());
    } else {
      BB_ASSIGN_OR_RAISE(Scalar value, GetScalar(values, k));
      BB_RETURN_NOT_OK(AppendScalar(builder.get(), value));
    }
  }
  return builder->Finish();
}

Result<ArrayPtr> ImportDictionary(const Node& n) {
  BB_RETURN_NOT_OK(n.CheckShape(2, 0));
  if (n.c.dictionary == nullptr) return Status::Invalid("Arrow dictionary array has no values");
  BB_ASSIGN_OR_RAISE(ArrayPtr values, ImportNode(*n.c.dictionary, n.t.children[0], n.owner));
  BB_RETURN_NOT_OK(ValidateArray(*values));
  switch (n.t.index_type->id()) {
    case TypeId::kInt8: return DecodeDictionary<int8_t>(n, *values);
    case TypeId::kUInt8: return DecodeDictionary<uint8_t>(n, *values);
    case TypeId::kInt16: return DecodeDictionary<int16_t>(n, *values);
    case TypeId::kUInt16: return DecodeDictionary<uint16_t>(n, *values);
    case TypeId::kInt32: return DecodeDictionary<int32_t>(n, *values);
    case TypeId::kUInt32: return DecodeDictionary<uint32_t>(n, *values);
    case TypeId::kInt64: return DecodeDictionary<int64_t>(n, *values);
    default: return DecodeDictionary<uint64_t>(n, *values);
  }
}

Result<ArrayPtr> ImportNode(const ArrowArray& c, const ForeignType& t, const Owner& owner) {
  if (c.release == nullptr) return Status::Invalid("Arrow array was already released");
  Node n{c, t, owner};
  switch (t.layout) {
    case ForeignLayout::kNative: return ImportNative(n);
    case ForeignLayout::kLargeBinary: return ImportLargeBinary(n);
    case ForeignLayout::kBinaryView: return ImportBinaryView(n);
    case ForeignLayout::kLargeList: return ImportLargeList(n);
    case ForeignLayout::kFixedSizeList: return ImportFixedSizeList(n);
    case ForeignLayout::kFixedSizeBinary: return ImportFixedSizeBinary(n);
    case ForeignLayout::kDictionary: return ImportDictionary(n);
    case ForeignLayout::kTime32: {
      const int64_t factor = 1000000 / TimeUnitsPerSecond(t.unit);
      return n.ConvertValues<int32_t, int64_t>([factor](int32_t v, int64_t* out) {
        *out = v * factor;
        return true;
      });
    }
    case ForeignLayout::kDate64:
      return n.ConvertValues<int64_t, int32_t>([](int64_t ms, int32_t* out) {
        const int64_t days = ms / 86400000 - (ms % 86400000 < 0 ? 1 : 0);
        *out = static_cast<int32_t>(days);
        return days >= INT32_MIN && days <= INT32_MAX;
      });
    case ForeignLayout::kFloat16:
      return n.ConvertValues<uint16_t, float>([](uint16_t h, float* out) {
        *out = HalfToFloat(h);
        return true;
      });
    case ForeignLayout::kIntervalMonths:
      return n.ConvertValues<int32_t, MonthDayNano>([](int32_t months, MonthDayNano* out) {
        *out = {months, 0, 0};
        return true;
      });
    case ForeignLayout::kIntervalDayTime:
      return n.ConvertValues<int64_t, MonthDayNano>([](int64_t packed, MonthDayNano* out) {
        int32_t parts[2];
        std::memcpy(parts, &packed, sizeof(parts));
        *out = {0, parts[0], int64_t{parts[1]} * 1000000};
        return true;
      });
    case ForeignLayout::kSmallDecimal:
      if (t.size == 32) {
        return n.ConvertValues<int32_t, __int128>([](int32_t v, __int128* out) {
          *out = v;
          return true;
        });
      }
      return n.ConvertValues<int64_t, __int128>([](int64_t v, __int128* out) {
        *out = v;
        return true;
      });
  }
  return Status::Internal("unhandled Arrow layout");
}

// Imports a whole array tree from its moved root and validates it.
Result<ArrayPtr> ImportRoot(const std::shared_ptr<ArrowArray>& root, const ForeignType& layout) {
  BB_ASSIGN_OR_RAISE(ArrayPtr array, ImportNode(*root, layout, root));
  BB_RETURN_NOT_OK(ValidateArray(*array));
  return array;
}

}  // namespace

std::shared_ptr<ArrowArray> TakeArray(ArrowArray* array) {
  auto* moved = new ArrowArray(*array);
  array->release = nullptr;
  return std::shared_ptr<ArrowArray>(moved, [](ArrowArray* a) {
    if (a->release != nullptr) a->release(a);
    delete a;
  });
}

Result<RecordBatchPtr> ImportBatch(ArrowArray* array, const SchemaPtr& schema,
                                   const ForeignType& layout) {
  if (array == nullptr || array->release == nullptr) {
    return Status::Invalid("Arrow array is null or already released");
  }
  std::shared_ptr<ArrowArray> root = TakeArray(array);
  if (layout.type->id() != TypeId::kStruct) {
    return Status::TypeError("a record batch must be a struct array, not {}",
                             layout.type->ToString());
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr rows, ImportRoot(root, layout));
  if (rows->null_count() != 0) {
    return Status::Invalid("an imported record batch has {} null rows", rows->null_count());
  }
  return RecordBatch::Make(schema, rows->children());
}

}  // namespace arrow_c_internal

using arrow_c_internal::ForeignType;

Result<ArrayPtr> ImportArray(ArrowArray* array, const DataTypePtr& type) {
  if (array == nullptr || array->release == nullptr) {
    return Status::Invalid("Arrow array is null or already released");
  }
  return arrow_c_internal::ImportRoot(arrow_c_internal::TakeArray(array),
                                      arrow_c_internal::NativeLayout(type));
}

Result<ArrayPtr> ImportArray(ArrowArray* array, ArrowSchema* schema) {
  if (array == nullptr || array->release == nullptr) {
    if (schema != nullptr && schema->release != nullptr) schema->release(schema);
    return Status::Invalid("Arrow array is null or already released");
  }
  std::shared_ptr<ArrowArray> root = arrow_c_internal::TakeArray(array);
  if (schema == nullptr || schema->release == nullptr) {
    return Status::Invalid("Arrow schema is null or already released");
  }
  ForeignType layout;
  Result<Field> field = arrow_c_internal::ParseField(*schema, &layout);
  schema->release(schema);
  if (!field.ok()) return field.status();
  return arrow_c_internal::ImportRoot(root, layout);
}

Result<RecordBatchPtr> ImportRecordBatch(ArrowArray* array, const SchemaPtr& schema) {
  return arrow_c_internal::ImportBatch(array, schema,
                                       arrow_c_internal::NativeLayout(Struct(schema->fields())));
}

Result<RecordBatchPtr> ImportRecordBatch(ArrowArray* array, ArrowSchema* schema) {
  if (schema == nullptr || schema->release == nullptr) {
    if (array != nullptr && array->release != nullptr) array->release(array);
    return Status::Invalid("Arrow schema is null or already released");
  }
  ForeignType layout;
  Result<Field> field = arrow_c_internal::ParseField(*schema, &layout);
  schema->release(schema);
  if (!field.ok()) {
    if (array != nullptr && array->release != nullptr) array->release(array);
    return field.status();
  }
  auto imported = std::make_shared<Schema>(field->type->fields(), field->metadata);
  return arrow_c_internal::ImportBatch(array, imported, layout);
}

}  // namespace bundlebase
