// Cast dispatch: identity and null casts, the type-pair table (CanCast), nested casts (lists
// element-wise, structs by field name), and the shared error text. The value conversions live
// in cast_numeric.cc, cast_temporal.cc and cast_string.cc.
#include "columnar/cast.h"

#include <cstring>

#include "base/strings.h"
#include "columnar/cast_internal.h"
#include "columnar/value_formatting.h"

namespace bundlebase {
namespace cast_internal {

Status OutOfRange(const Array& in, int64_t row, const DataType& to) {
  std::string value;
  BB_RETURN_NOT_OK(AppendFormattedValue(in, row, &value));
  return Status::Invalid("value {} is out of range for {} (row {})", value, to.ToString(), row);
}

ArrayPtr Relabel(const Array& in, const DataTypePtr& to) {
  return std::make_shared<Array>(to, in.length(), in.buffers(), in.null_count(), in.offset(),
                                 in.children());
}

}  // namespace cast_internal

namespace {

using cast_internal::Relabel;

// The source field a target struct field reads from: exact name first, then the one field that
// matches ignoring case. -1 when there is none.
int SourceFieldIndex(const DataType& from, const std::string& name) {
  int found = -1;
  for (size_t i = 0; i < from.fields().size(); ++i) {
    if (from.fields()[i].name == name) return static_cast<int>(i);
    if (found < 0 && EqualsIgnoreCase(from.fields()[i].name, name)) found = static_cast<int>(i);
  }
  return found;
}

// The target field index each source field goes to (-1: none), or an explanation.
Status MatchStructFields(const DataType& from, const DataType& to, std::vector<int>* source_of) {
  source_of->assign(to.fields().size(), -1);
  std::vector<bool> used(from.fields().size(), false);
  for (size_t t = 0; t < to.fields().size(); ++t) {
    const int s = SourceFieldIndex(from, to.fields()[t].name);
    if (s < 0) continue;
    (*source_of)[t] = s;
    used[s] = true;
    if (!CanCast(*from.fields()[s].type, *to.fields()[t].type)) {
      return Status::TypeError("cannot cast {} to {}: field \"{}\" cannot be cast from {} to {}",
                               from.ToString(), to.ToString(), to.fields()[t].name,
                               from.fields()[s].type->ToString(), to.fields()[t].type->ToString());
    }
  }
  for (size_t s = 0; s < from.fields().size(); ++s) {
    if (!used[s]) {
      return Status::TypeError("cannot cast {} to {}: field \"{}\" has no place in the target",
                               from.ToString(), to.ToString(), from.fields()[s].name);
    }
  }
  return Status::OK();
}

Result<ArrayPtr> CastStruct(const Array& in, const DataTypePtr& to, const CastOptions& options) {
  std::vector<int> source_of;
  BB_RETURN_NOT_OK(MatchStructFields(*in.type(), *to, &source_of));
  std::vector<ArrayPtr> children;
  for (size_t t = 0; t < to->fields().size(); ++t) {
    const Field& field = to->fields()[t];
    if (source_of[t] < 0) {
      if (!field.nullable) {
        return Status::TypeError("cannot cast {} to {}: non-nullable field \"{}\" is missing",
                                 in.type()->ToString(), to->ToString(), field.name);
      }
      BB_ASSIGN_OR_RAISE(ArrayPtr nulls, MakeNullArray(field.type, in.length()));
      children.push_back(std::move(nulls));
      continue;
    }
    // Struct children are aligned with their parent: row i of the child is row i of the struct.
    ArrayPtr child = in.child(source_of[t])->Slice(0, in.length());
    auto cast = Cast(child, field.type, options);
    if (!cast.ok()) return cast.status().WithContextF("field \"{}\"", field.name);
    children.push_back(std::move(cast).MoveValueUnsafe());
  }
  return std::make_shared<Array>(to, in.length(), in.buffers(), in.null_count(), in.offset(),
                                 std::move(children));
}

Result<ArrayPtr> CastList(const Array& in, const DataTypePtr& to, const CastOptions& options) {
  const int32_t* offsets = in.offsets();
  const int32_t first = offsets[0];
  const int64_t n = in.length();
  // Only the items the rows reference are converted, so a small slice of a long column stays
  // cheap and unreferenced items cannot fail the cast.
  ArrayPtr items = in.child(0)->Slice(first, offsets[n] - first);
  auto cast = Cast(items, to->value_type(), options);
  if (!cast.ok()) return cast.status().WithContext("list item");
  ArrayPtr cast_items = std::move(cast).MoveValueUnsafe();
  if (first == 0) {
    return std::make_shared<Array>(to, n, in.buffers(), in.null_count(), in.offset(),
                                   std::vector<ArrayPtr>{cast_items});
  }
  // Rebase the offsets to the converted items, and the validity bits to offset 0 with them.
  BB_ASSIGN_OR_RAISE(auto new_offsets, MutableBuffer::Allocate((n + 1) * sizeof(int32_t)));
  for (int64_t i = 0; i <= n; ++i) new_offsets->mutable_data_as<int32_t>()[i] = offsets[i] - first;
  BufferPtr validity;
  if (in.validity() != nullptr) {
    BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(bitmap::BytesForBits(n), true));
    bitmap::CopyBits(in.validity(), in.offset(), n, bits->mutable_data(), 0);
    validity = std::move(bits);
  }
  return std::make_shared<Array>(to, n, std::vector<BufferPtr>{validity, new_offsets},
                                 in.null_count(), 0, std::vector<ArrayPtr>{cast_items});
}

}  // namespace

bool CanCast(const DataType& from, const DataType& to) {
  if (from.Equals(to) || from.id() == TypeId::kNull) return true;
  if (to.id() == TypeId::kUtf8) return true;
  if (from.id() == TypeId::kUtf8) return cast_internal::CanCastFromUtf8(to);
  if (from.id() == TypeId::kList && to.id() == TypeId::kList) {
    return CanCast(*from.value_type(), *to.value_type());
  }
  if (from.id() == TypeId::kStruct && to.id() == TypeId::kStruct) {
    std::vector<int> source_of;
    return MatchStructFields(from, to, &source_of).ok();
  }
  return cast_internal::CanCastNumeric(from, to) || cast_internal::CanCastTemporal(from, to);
}

Result<ArrayPtr> Cast(const ArrayPtr& array, const DataTypePtr& to, const CastOptions& options) {
  const DataType& from = *array->type();
  if (from.Equals(*to)) return array;
  if (from.id() == TypeId::kNull) return MakeNullArray(to, array->length());
  if (from.id() == TypeId::kStruct && to->id() == TypeId::kStruct) {
    return CastStruct(*array, to, options);  // its TypeError names the field at fault
  }
  if (!CanCast(from, *to)) {
    return Status::TypeError("cannot cast {} to {}", from.ToString(), to->ToString());
  }
  if (to->id() == TypeId::kUtf8) return cast_internal::CastToUtf8(*array, to, options);
  if (from.id() == TypeId::kUtf8) return cast_internal::CastFromUtf8(*array, to, options);
  if (from.id() == TypeId::kList) return CastList(*array, to, options);
  if (from.is_temporal()) return cast_internal::CastTemporal(*array, to, options);
  return cast_internal::CastNumeric(*array, to, options);
}

Result<Scalar> CastScalar(const Scalar& value, const DataTypePtr& to, const CastOptions& options) {
  BB_ASSIGN_OR_RAISE(ArrayPtr one, MakeArrayFromScalars(value.type(), {value}));
  BB_ASSIGN_OR_RAISE(ArrayPtr cast, Cast(one, to, options));
  return GetScalar(*cast, 0);
}

}  // namespace bundlebase
