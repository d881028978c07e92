// Validity-bitmap combination and NULL results shared by the elementwise kernel drivers.
#include "sql/functions/kernel_util.h"

namespace bundlebase::sql {

Result<OutputValidity> IntersectValidity(const std::vector<const Datum*>& args, int64_t length) {
  OutputValidity result;
  std::vector<const Array*> with_nulls;
  for (const Datum* d : args) {
    if (d->is_scalar()) {
      if (d->scalar().is_null()) {
        result.all_null = true;
      }
    } else if (d->array()->null_count() > 0) {
      with_nulls.push_back(d->array().get());
    }
  }
  if (result.all_null) {
    BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(bitmap::BytesForBits(length), true));
    bits->UnsafeSetSize(bitmap::BytesForBits(length));
    result.bits = bits;
    result.null_count = length;
    return result;
  }
  if (with_nulls.empty()) return result;
  int64_t words = (length + 63) / 64;
  BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(static_cast<size_t>(words) * 8, true));
  bits->UnsafeSetSize(bitmap::BytesForBits(length));
  uint8_t* out = bits->mutable_data();
  bitmap::CopyBits(with_nulls[0]->validity(), with_nulls[0]->offset(), length, out, 0);
  if (with_nulls.size() > 1) {
    BB_ASSIGN_OR_RAISE(auto scratch, MutableBuffer::Allocate(static_cast<size_t>(words) * 8, true));
    uint64_t* acc = reinterpret_cast<uint64_t*>(out);
    const uint64_t* other = scratch->mutable_data_as<uint64_t>();
    for (size_t k = 1; k < with_nulls.size(); ++k) {
      bitmap::CopyBits(with_nulls[k]->validity(), with_nulls[k]->offset(), length,
                       scratch->mutable_data(), 0);
      for (int64_t w = 0; w < words; ++w) acc[w] &= other[w];
    }
  }
  result.null_count = length - bitmap::CountSetBits(out, 0, length);
  result.bits = bits;
  return result;
}

Result<Datum> NullResult(const DataTypePtr& type, int64_t length, bool as_scalar) {
  if (as_scalar) return Datum(Scalar::MakeNull(type));
  BB_ASSIGN_OR_RAISE(ArrayPtr nulls, MakeNullArray(type, length));
  return Datum(std::move(nulls));
}

}  // namespace bundlebase::sql
