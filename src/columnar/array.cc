// Array construction, slicing, null arrays, concatenation, validation and equality.
#include "columnar/array.h"

#include <cstring>

#include "columnar/builder.h"

namespace bundlebase {

Array::Array(DataTypePtr type, int64_t length, std::vector<BufferPtr> buffers, int64_t null_count,
             int64_t offset, std::vector<ArrayPtr> children)
    : type_(std::move(type)),
      length_(length),
      offset_(offset),
      null_count_(null_count),
      buffers_(std::move(buffers)),
      children_(std::move(children)) {
  if (type_->id() == TypeId::kNull) {
    null_count_ = length_;
  } else if (null_count_ < 0) {
    const uint8_t* v = validity();
    null_count_ = v ? length_ - bitmap::CountSetBits(v, offset_, length_) : 0;
  }
}

ArrayPtr Array::Slice(int64_t offset, int64_t length) const {
  // Struct children are sliced with the parent; list children stay whole (offsets index them).
  std::vector<ArrayPtr> children = children_;
  if (type_->id() == TypeId::kStruct) {
    for (auto& c : children) c = c->Slice(offset, length);
  }
  return std::make_shared<Array>(type_, length, buffers_, null_count_ == 0 ? 0 : -1,
                                 offset_ + offset, std::move(children));
}

Result<ArrayPtr> MakeNullArray(const DataTypePtr& type, int64_t length) {
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(type));
  BB_RETURN_NOT_OK(builder->AppendNulls(length));
  return builder->Finish();
}

namespace {

// Appends rows [0, length) of `src` to `builder` (same type), recursing into nested types.
Status AppendArray(const Array& src, ArrayBuilder* builder);

template <typename T>
Status AppendFixed(const Array& src, ArrayBuilder* builder) {
  auto* b = static_cast<FixedWidthBuilder<T>*>(builder);
  BB_RETURN_NOT_OK(b->Reserve(src.length()));
  const T* values = src.values<T>();
  for (int64_t i = 0; i < src.length(); ++i) {
    if (src.IsValid(i)) {
      b->UnsafeAppend(values[i]);
    } else {
      b->UnsafeAppendNull();
    }
  }
  return Status::OK();
}

Status AppendArray(const Array& src, ArrayBuilder* builder) {
  switch (src.type_id()) {
    case TypeId::kNull:
      return builder->AppendNulls(src.length());
    case TypeId::kBool: {
      auto* b = static_cast<BoolBuilder*>(builder);
      BB_RETURN_NOT_OK(b->Reserve(src.length()));
      for (int64_t i = 0; i < src.length(); ++i) {
        BB_RETURN_NOT_OK(src.IsValid(i) ? b->Append(src.GetBool(i)) : b->AppendNull());
      }
      return Status::OK();
    }
    case TypeId::kInt8: return AppendFixed<int8_t>(src, builder);
    case TypeId::kUInt8: return AppendFixed<uint8_t>(src, builder);
    case TypeId::kInt16: return AppendFixed<int16_t>(src, builder);
    case TypeId::kUInt16: return AppendFixed<uint16_t>(src, builder);
    case TypeId::kInt32:
    case TypeId::kDate32: return AppendFixed<int32_t>(src, builder);
    case TypeId::kUInt32: return AppendFixed<uint32_t>(src, builder);
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return AppendFixed<int64_t>(src, builder);
    case TypeId::kUInt64: return AppendFixed<uint64_t>(src, builder);
    case TypeId::kFloat32: return AppendFixed<float>(src, builder);
    case TypeId::kFloat64: return AppendFixed<double>(src, builder);
    case TypeId::kDecimal128: return AppendFixed<__int128>(src, builder);
    case TypeId::kInterval: return AppendFixed<MonthDayNano>(src, builder);
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      auto* b = static_cast<BinaryBuilder*>(builder);
      BB_RETURN_NOT_OK(b->Reserve(src.length()));
      for (int64_t i = 0; i < src.length(); ++i) {
        BB_RETURN_NOT_OK(src.IsValid(i) ? b->Append(src.GetView(i)) : b->AppendNull());
      }
      return Status::OK();
    }
    case TypeId::kList: {
      auto* b = static_cast<ListBuilder*>(builder);
      const int32_t* offsets = src.offsets();
      for (int64_t i = 0; i < src.length(); ++i) {
        if (!src.IsValid(i)) {
          BB_RETURN_NOT_OK(b->AppendNull());
          continue;
        }
        BB_RETURN_NOT_OK(b->Append());
        auto items = src.child(0)->Slice(offsets[i], offsets[i + 1] - offsets[i]);
        BB_RETURN_NOT_OK(AppendArray(*items, b->value_builder()));
      }
      return Status::OK();
    }
    case TypeId::kStruct: {
      auto* b = static_cast<StructBuilder*>(builder);
      for (int64_t i = 0; i < src.length(); ++i) {
        BB_RETURN_NOT_OK(src.IsValid(i) ? b->Append() : b->AppendNull());
        if (!src.IsValid(i)) continue;
        for (int f = 0; f < b->num_fields(); ++f) {
          BB_RETURN_NOT_OK(AppendArray(*src.child(f)->Slice(i, 1), b->field_builder(f)));
        }
      }
      return Status::OK();
    }
  }
  return Status::Internal("AppendArray: unhandled type {}", src.type()->ToString());
}

}  // namespace

Result<ArrayPtr> Concatenate(const std::vector<ArrayPtr>& arrays) {
  if (arrays.empty()) return Status::Invalid("Concatenate needs at least one array");
  if (arrays.size() == 1) return arrays[0];
  const DataTypePtr& type = arrays[0]->type();
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(type));
  int64_t total = 0;
  for (const auto& a : arrays) {
    if (!a->type()->Equals(*type)) {
      return Status::TypeError("cannot concatenate arrays of types {} and {}", type->ToString(),
                               a->type()->ToString());
    }
    total += a->length();
  }
  BB_RETURN_NOT_OK(builder->Reserve(total));
  for (const auto& a : arrays) BB_RETURN_NOT_OK(AppendArray(*a, builder.get()));
  return builder->Finish();
}

namespace {

Status CheckBuffer(const Array& a, size_t index, int64_t min_bytes, const char* what) {
  if (a.buffers().size() <= index || !a.buffers()[index]) {
    return Status::Invalid("{} array is missing its {} buffer", a.type()->ToString(), what);
  }
  if (static_cast<int64_t>(a.buffers()[index]->size()) < min_bytes) {
    return Status::Invalid("{} array of {} rows (offset {}) has a {} buffer of {} bytes, needs {}",
                           a.type()->ToString(), a.length(), a.offset(), what,
                           a.buffers()[index]->size(), min_bytes);
  }
  return Status::OK();
}

Status CheckOffsets(const Array& a, int64_t limit, const char* what) {
  BB_RETURN_NOT_OK(CheckBuffer(a, 1, (a.offset() + a.length() + 1) * 4, "offsets"));
  const int32_t* o = a.offsets();
  if (o[0] < 0) return Status::Invalid("{} array has a negative first offset", what);
  for (int64_t i = 0; i < a.length(); ++i) {
    if (o[i + 1] < o[i]) {
      return Status::Invalid("{} array offsets decrease at row {}", what, i);
    }
  }
  if (o[a.length()] > limit) {
    return Status::Invalid("{} array offsets reach {} past the end of its data ({})", what,
                           o[a.length()], limit);
  }
  return Status::OK();
}

}  // namespace

Status ValidateArray(const Array& a) {
  if (a.length() < 0 || a.offset() < 0) return Status::Invalid("negative array length or offset");
  const auto& type = *a.type();
  if (type.id() == TypeId::kNull) return Status::OK();
  if (a.buffers().empty()) return Status::Invalid("{} array has no buffers", type.ToString());
  if (a.buffers()[0]) {
    BB_RETURN_NOT_OK(
        CheckBuffer(a, 0, bitmap::BytesForBits(a.offset() + a.length()), "validity"));
  }
  switch (type.id()) {
    case TypeId::kBool:
      return CheckBuffer(a, 1, bitmap::BytesForBits(a.offset() + a.length()), "values");
    case TypeId::kUtf8:
    case TypeId::kBinary: {
      BB_RETURN_NOT_OK(CheckBuffer(a, 2, 0, "data"));
      return CheckOffsets(a, static_cast<int64_t>(a.buffers()[2]->size()), "string");
    }
    case TypeId::kList: {
      if (a.children().size() != 1) return Status::Invalid("list array needs one child");
      BB_RETURN_NOT_OK(CheckOffsets(a, a.child(0)->length(), "list"));
      return ValidateArray(*a.child(0));
    }
    case TypeId::kStruct: {
      if (a.children().size() != type.fields().size()) {
        return Status::Invalid("struct array has {} children for {} fields", a.children().size(),
                               type.fields().size());
      }
      for (const auto& c : a.children()) {
        if (c->length() < a.length()) return Status::Invalid("struct child shorter than parent");
        BB_RETURN_NOT_OK(ValidateArray(*c));
      }
      return Status::OK();
    }
    default:
      return CheckBuffer(a, 1, (a.offset() + a.length()) * type.byte_width(), "values");
  }
}

bool ArrayEquals(const Array& a, const Array& b) {
  if (!a.type()->Equals(*b.type()) || a.length() != b.length()) return false;
  const int width = a.type()->byte_width();
  for (int64_t i = 0; i < a.length(); ++i) {
    if (a.IsValid(i) != b.IsValid(i)) return false;
    if (!a.IsValid(i)) continue;
    switch (a.type_id()) {
      case TypeId::kBool:
        if (a.GetBool(i) != b.GetBool(i)) return false;
        break;
      case TypeId::kUtf8:
      case TypeId::kBinary:
        if (a.GetView(i) != b.GetView(i)) return false;
        break;
      case TypeId::kList: {
        auto la = a.child(0)->Slice(a.offsets()[i], a.offsets()[i + 1] - a.offsets()[i]);
        auto lb = b.child(0)->Slice(b.offsets()[i], b.offsets()[i + 1] - b.offsets()[i]);
        if (!ArrayEquals(*la, *lb)) return false;
        break;
      }
      case TypeId::kStruct:
        for (size_t f = 0; f < a.children().size(); ++f) {
          if (!ArrayEquals(*a.child(f)->Slice(i, 1), *b.child(f)->Slice(i, 1))) return false;
        }
        break;
      default: {
        const uint8_t* pa = a.buffers()[1]->data() + (a.offset() + i) * width;
        const uint8_t* pb = b.buffers()[1]->data() + (b.offset() + i) * width;
        if (std::memcmp(pa, pb, width) != 0) return false;
      }
    }
  }
  return true;
}

}  // namespace bundlebase
