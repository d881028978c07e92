// Array: an immutable column vector in Arrow's memory layout.
//
// Buffers by type (index 0 is always the validity bitmap, null when every value is valid):
//   null                 none
//   bool                 [validity, bit-packed values]
//   fixed width          [validity, values]               (int*, uint*, float*, decimal128,
//                                                           date32, time64, timestamp, interval)
//   utf8, binary         [validity, int32 offsets (length + 1), bytes]
//   list                 [validity, int32 offsets (length + 1)]  + child 0 = the items
//   struct               [validity]                       + one child per field
// `offset` is a logical start into the buffers, so Slice() shares memory with its parent.
// Accessors below already apply the offset. Arrays are shared as ArrayPtr and never mutated.
// Struct children are kept aligned with their parent (child row i is parent row i; slicing a
// struct slices its children), unlike Arrow where the parent offset also applies to children:
// the Arrow C Data export/import translates between the two.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "base/buffer.h"
#include "columnar/bitmap.h"
#include "columnar/type.h"

namespace bundlebase {

class Array;
using ArrayPtr = std::shared_ptr<const Array>;
using BufferPtr = std::shared_ptr<Buffer>;

class Array {
 public:
  // null_count < 0 means "count it now from the validity bitmap".
  Array(DataTypePtr type, int64_t length, std::vector<BufferPtr> buffers, int64_t null_count = -1,
        int64_t offset = 0, std::vector<ArrayPtr> children = {});

  const DataTypePtr& type() const { return type_; }
  TypeId type_id() const { return type_->id(); }
  int64_t length() const { return length_; }
  int64_t offset() const { return offset_; }
  int64_t null_count() const { return null_count_; }
  const std::vector<BufferPtr>& buffers() const { return buffers_; }
  const std::vector<ArrayPtr>& children() const { return children_; }
  const ArrayPtr& child(int i) const { return children_[i]; }

  // Raw validity bitmap (not offset-adjusted: index it with offset() + i), or null.
  const uint8_t* validity() const {
    return buffers_.empty() || !buffers_[0] ? nullptr : buffers_[0]->data();
  }
  bool IsValid(int64_t i) const {
    if (type_->id() == TypeId::kNull) return false;
    const uint8_t* v = validity();
    return v == nullptr || bitmap::GetBit(v, offset_ + i);
  }
  bool IsNull(int64_t i) const { return !IsValid(i); }

  // Fixed-width values, offset applied: values<int64_t>()[i] is row i.
  template <typename T>
  const T* values() const {
    return buffers_[1]->data_as<T>() + offset_;
  }
  bool GetBool(int64_t i) const { return bitmap::GetBit(buffers_[1]->data(), offset_ + i); }

  // utf8 / binary / list offsets, offset applied: row i spans [offsets()[i], offsets()[i+1]).
  const int32_t* offsets() const { return buffers_[1]->data_as<int32_t>() + offset_; }
  std::string_view GetView(int64_t i) const {
    const int32_t* o = offsets();
    return {buffers_[2]->data_as<char>() + o[i], static_cast<size_t>(o[i + 1] - o[i])};
  }

  // Zero-copy view of rows [offset, offset + length).
  ArrayPtr Slice(int64_t offset, int64_t length) const;

 private:
  DataTypePtr type_;
  int64_t length_;
  int64_t offset_;
  int64_t null_count_;
  std::vector<BufferPtr> buffers_;
  std::vector<ArrayPtr> children_;
};

// An array of `length` nulls of any type (buffers zeroed, so it is valid for every layout).
Result<ArrayPtr> MakeNullArray(const DataTypePtr& type, int64_t length);

// Concatenates arrays of equal type into one (copying).
Result<ArrayPtr> Concatenate(const std::vector<ArrayPtr>& arrays);

// Deep structural checks (buffer sizes, offsets monotonic and in bounds, UTF-8 is not checked).
// Used on imported and decoded data before it is trusted.
Status ValidateArray(const Array& array);

// True when both arrays hold the same values and nulls (types must be Equal).
bool ArrayEquals(const Array& a, const Array& b);

}  // namespace bundlebase
