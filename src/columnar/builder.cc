// Builder implementations: growth, validity materialization and Finish() for every layout.
#include "columnar/builder.h"

#include <algorithm>
#include <limits>

namespace bundlebase {

namespace {

int64_t GrowCapacity(int64_t current, int64_t needed) {
  return std::max<int64_t>(needed, std::max<int64_t>(32, current + current / 2));
}

}  // namespace

Status ArrayBuilder::AppendNulls(int64_t n) {
  BB_RETURN_NOT_OK(Reserve(n));
  for (int64_t i = 0; i < n; ++i) BB_RETURN_NOT_OK(AppendNull());
  return Status::OK();
}

Status ArrayBuilder::Reserve(int64_t n) { return ReserveValidity(length_ + n); }

Status ArrayBuilder::ReserveValidity(int64_t rows) {
  if (validity_) {
    size_t bytes = bitmap::BytesForBits(rows);
    if (validity_->size() < bytes) BB_RETURN_NOT_OK(validity_->Resize(bytes, true));
  }
  return Status::OK();
}

Status ArrayBuilder::AppendValidity(bool valid) {
  BB_RETURN_NOT_OK(ReserveValidity(length_ + 1));
  UnsafeAppendValidity(valid);
  return Status::OK();
}

void ArrayBuilder::MaterializeValidity() {
  // All rows so far were valid. Allocation failure here is fatal for this builder's correctness,
  // so size it to the reserved capacity up front: callers reserved before UnsafeAppend.
  int64_t rows = std::max(capacity_, length_ + 1);
  auto buffer = MutableBuffer::Allocate(bitmap::BytesForBits(rows) + 8, /*zero_fill=*/true);
  validity_ = std::move(buffer).ValueOrDie();
  if (length_ > 0) {
    std::memset(validity_->mutable_data(), 0xff, static_cast<size_t>(length_ >> 3));
    for (int64_t i = (length_ >> 3) << 3; i < length_; ++i) {
      bitmap::SetBit(validity_->mutable_data(), i);
    }
  }
}

BufferPtr ArrayBuilder::FinishValidity() {
  BufferPtr out;
  if (validity_ && null_count_ > 0) {
    validity_->UnsafeSetSize(bitmap::BytesForBits(length_));
    out = std::move(validity_);
  }
  validity_.reset();
  length_ = 0;
  null_count_ = 0;
  capacity_ = 0;
  return out;
}

// ---- FixedWidthBuilder ----

template <typename T>
FixedWidthBuilder<T>::FixedWidthBuilder(DataTypePtr type) : ArrayBuilder(std::move(type)) {
  values_ = std::make_shared<MutableBuffer>();
}

template <typename T>
Status FixedWidthBuilder<T>::Reserve(int64_t n) {
  if (length_ + n > capacity_) {
    int64_t cap = GrowCapacity(capacity_, length_ + n);
    BB_RETURN_NOT_OK(values_->Reserve(static_cast<size_t>(cap) * sizeof(T)));
    capacity_ = cap;
  }
  return ReserveValidity(capacity_);
}

template <typename T>
Status FixedWidthBuilder<T>::AppendNull() {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  UnsafeAppendNull();
  return Status::OK();
}

template <typename T>
Status FixedWidthBuilder<T>::AppendValues(const T* values, int64_t n, const uint8_t* valid) {
  BB_RETURN_NOT_OK(Reserve(n));
  std::memcpy(values_->mutable_data_as<T>() + length_, values, static_cast<size_t>(n) * sizeof(T));
  if (valid == nullptr && !validity_) {
    length_ += n;
    return Status::OK();
  }
  for (int64_t i = 0; i < n; ++i) UnsafeAppendValidity(valid == nullptr || valid[i] != 0);
  return Status::OK();
}

template <typename T>
Result<ArrayPtr> FixedWidthBuilder<T>::Finish() {
  int64_t length = length_;
  int64_t nulls = null_count_;
  values_->UnsafeSetSize(static_cast<size_t>(length) * sizeof(T));
  BufferPtr values = std::move(values_);
  values_ = std::make_shared<MutableBuffer>();
  BufferPtr validity = FinishValidity();
  return std::make_shared<Array>(type_, length, std::vector<BufferPtr>{validity, values}, nulls);
}

template class FixedWidthBuilder<int8_t>;
template class FixedWidthBuilder<int16_t>;
template class FixedWidthBuilder<int32_t>;
template class FixedWidthBuilder<int64_t>;
template class FixedWidthBuilder<uint8_t>;
template class FixedWidthBuilder<uint16_t>;
template class FixedWidthBuilder<uint32_t>;
template class FixedWidthBuilder<uint64_t>;
template class FixedWidthBuilder<float>;
template class FixedWidthBuilder<double>;
template class FixedWidthBuilder<__int128>;
template class FixedWidthBuilder<MonthDayNano>;

// ---- BoolBuilder ----

Status BoolBuilder::Reserve(int64_t n) {
  if (!values_) values_ = std::make_shared<MutableBuffer>();
  if (length_ + n > capacity_) {
    int64_t cap = GrowCapacity(capacity_, length_ + n);
    BB_RETURN_NOT_OK(values_->Resize(bitmap::BytesForBits(cap) + 8, /*zero_fill=*/true));
    capacity_ = cap;
  }
  return ReserveValidity(capacity_);
}

Status BoolBuilder::Append(bool value) {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  UnsafeAppend(value);
  return Status::OK();
}

Status BoolBuilder::AppendNull() {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  bitmap::ClearBit(values_->mutable_data(), length_);
  UnsafeAppendValidity(false);
  return Status::OK();
}

Result<ArrayPtr> BoolBuilder::Finish() {
  BB_RETURN_NOT_OK(Reserve(0));
  int64_t length = length_;
  int64_t nulls = null_count_;
  values_->UnsafeSetSize(bitmap::BytesForBits(length));
  BufferPtr values = std::move(values_);
  BufferPtr validity = FinishValidity();
  return std::make_shared<Array>(type_, length, std::vector<BufferPtr>{validity, values}, nulls);
}

// ---- BinaryBuilder ----

BinaryBuilder::BinaryBuilder(DataTypePtr type) : ArrayBuilder(std::move(type)) {
  offsets_ = std::make_shared<MutableBuffer>();
  data_ = std::make_shared<MutableBuffer>();
}

Status BinaryBuilder::Reserve(int64_t n) {
  // An empty builder still needs room for offsets[0], even when finished without rows.
  if (length_ + n > capacity_ || offsets_->capacity() == 0) {
    int64_t cap = GrowCapacity(capacity_, length_ + n);
    BB_RETURN_NOT_OK(offsets_->Reserve(static_cast<size_t>(cap + 1) * sizeof(int32_t)));
    capacity_ = cap;
  }
  if (length_ == 0) offsets_->mutable_data_as<int32_t>()[0] = 0;
  return ReserveValidity(capacity_);
}

Status BinaryBuilder::CheckDataSize(size_t extra) const {
  if (data_->size() + extra > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::ResourceExhausted(
        "a {} column holds more than 2 GiB of data in one batch; use smaller batches",
        type_->ToString());
  }
  return Status::OK();
}

Status BinaryBuilder::ReserveData(int64_t bytes) {
  BB_RETURN_NOT_OK(CheckDataSize(static_cast<size_t>(bytes)));
  return data_->Reserve(data_->size() + static_cast<size_t>(bytes));
}

Status BinaryBuilder::Append(std::string_view value) {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  BB_RETURN_NOT_OK(CheckDataSize(value.size()));
  BB_RETURN_NOT_OK(data_->Append(value.data(), value.size()));
  offsets_->mutable_data_as<int32_t>()[length_ + 1] = static_cast<int32_t>(data_->size());
  UnsafeAppendValidity(true);
  return Status::OK();
}

Status BinaryBuilder::AppendNull() {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  offsets_->mutable_data_as<int32_t>()[length_ + 1] = static_cast<int32_t>(data_->size());
  UnsafeAppendValidity(false);
  return Status::OK();
}

Result<ArrayPtr> BinaryBuilder::Finish() {
  BB_RETURN_NOT_OK(Reserve(0));
  int64_t length = length_;
  int64_t nulls = null_count_;
  offsets_->UnsafeSetSize(static_cast<size_t>(length + 1) * sizeof(int32_t));
  BufferPtr offsets = std::move(offsets_);
  BufferPtr data = std::move(data_);
  offsets_ = std::make_shared<MutableBuffer>();
  data_ = std::make_shared<MutableBuffer>();
  BufferPtr validity = FinishValidity();
  return std::make_shared<Array>(type_, length, std::vector<BufferPtr>{validity, offsets, data},
                                 nulls);
}

// ---- ListBuilder ----

ListBuilder::ListBuilder(DataTypePtr type, std::unique_ptr<ArrayBuilder> value_builder)
    : ArrayBuilder(std::move(type)), values_(std::move(value_builder)) {
  offsets_ = std::make_shared<MutableBuffer>();
}

Status ListBuilder::Reserve(int64_t n) {
  // An empty builder still needs room for offsets[0], even when finished without rows.
  if (length_ + n > capacity_ || offsets_->capacity() == 0) {
    int64_t cap = GrowCapacity(capacity_, length_ + n);
    BB_RETURN_NOT_OK(offsets_->Reserve(static_cast<size_t>(cap + 1) * sizeof(int32_t)));
    capacity_ = cap;
  }
  if (length_ == 0) offsets_->mutable_data_as<int32_t>()[0] = 0;
  return ReserveValidity(capacity_);
}

Status ListBuilder::CloseCurrentList() {
  // Offsets are written lazily: the end of list i is the child length when list i+1 starts.
  if (values_->length() > std::numeric_limits<int32_t>::max()) {
    return Status::ResourceExhausted("a list column holds more than 2^31 items in one batch");
  }
  if (length_ > 0) {
    offsets_->mutable_data_as<int32_t>()[length_] = static_cast<int32_t>(values_->length());
  }
  return Status::OK();
}

Status ListBuilder::Append() {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  BB_RETURN_NOT_OK(CloseCurrentList());
  UnsafeAppendValidity(true);
  return Status::OK();
}

Status ListBuilder::AppendNull() {
  if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
  BB_RETURN_NOT_OK(CloseCurrentList());
  UnsafeAppendValidity(false);
  return Status::OK();
}

Result<ArrayPtr> ListBuilder::Finish() {
  BB_RETURN_NOT_OK(Reserve(0));
  BB_RETURN_NOT_OK(CloseCurrentList());
  int64_t length = length_;
  int64_t nulls = null_count_;
  offsets_->mutable_data_as<int32_t>()[length] = static_cast<int32_t>(values_->length());
  offsets_->UnsafeSetSize(static_cast<size_t>(length + 1) * sizeof(int32_t));
  BufferPtr offsets = std::move(offsets_);
  offsets_ = std::make_shared<MutableBuffer>();
  BB_ASSIGN_OR_RAISE(ArrayPtr items, values_->Finish());
  BufferPtr validity = FinishValidity();
  return std::make_shared<Array>(type_, length, std::vector<BufferPtr>{validity, offsets}, nulls,
                                 0, std::vector<ArrayPtr>{items});
}

// ---- StructBuilder ----

StructBuilder::StructBuilder(DataTypePtr type,
                             std::vector<std::unique_ptr<ArrayBuilder>> field_builders)
    : ArrayBuilder(std::move(type)), fields_(std::move(field_builders)) {}

Status StructBuilder::Append() { return AppendValidity(true); }

Status StructBuilder::AppendNull() {
  for (auto& f : fields_) BB_RETURN_NOT_OK(f->AppendNull());
  return AppendValidity(false);
}

Result<ArrayPtr> StructBuilder::Finish() {
  int64_t length = length_;
  int64_t nulls = null_count_;
  std::vector<ArrayPtr> children;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i]->length() != length) {
      return Status::Internal("struct field {} has {} rows, the struct {}",
                              type_->fields()[i].name, fields_[i]->length(), length);
    }
    BB_ASSIGN_OR_RAISE(ArrayPtr child, fields_[i]->Finish());
    children.push_back(std::move(child));
  }
  BufferPtr validity = FinishValidity();
  return std::make_shared<Array>(type_, length, std::vector<BufferPtr>{validity}, nulls, 0,
                                 std::move(children));
}

// ---- NullBuilder ----

Status NullBuilder::AppendNull() {
  ++length_;
  ++null_count_;
  return Status::OK();
}

Result<ArrayPtr> NullBuilder::Finish() {
  int64_t length = length_;
  length_ = 0;
  null_count_ = 0;
  return std::make_shared<Array>(type_, length, std::vector<BufferPtr>{}, length);
}

// ---- MakeBuilder ----

Result<std::unique_ptr<ArrayBuilder>> MakeBuilder(const DataTypePtr& type) {
  switch (type->id()) {
    case TypeId::kNull: return std::unique_ptr<ArrayBuilder>(new NullBuilder());
    case TypeId::kBool: return std::unique_ptr<ArrayBuilder>(new BoolBuilder());
    case TypeId::kInt8: return std::unique_ptr<ArrayBuilder>(new Int8Builder(type));
    case TypeId::kInt16: return std::unique_ptr<ArrayBuilder>(new Int16Builder(type));
    case TypeId::kInt32:
    case TypeId::kDate32: return std::unique_ptr<ArrayBuilder>(new Int32Builder(type));
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return std::unique_ptr<ArrayBuilder>(new Int64Builder(type));
    case TypeId::kUInt8: return std::unique_ptr<ArrayBuilder>(new UInt8Builder(type));
    case TypeId::kUInt16: return std::unique_ptr<ArrayBuilder>(new UInt16Builder(type));
    case TypeId::kUInt32: return std::unique_ptr<ArrayBuilder>(new UInt32Builder(type));
    case TypeId::kUInt64: return std::unique_ptr<ArrayBuilder>(new UInt64Builder(type));
    case TypeId::kFloat32: return std::unique_ptr<ArrayBuilder>(new Float32Builder(type));
    case TypeId::kFloat64: return std::unique_ptr<ArrayBuilder>(new Float64Builder(type));
    case TypeId::kDecimal128: return std::unique_ptr<ArrayBuilder>(new Decimal128Builder(type));
    case TypeId::kInterval: return std::unique_ptr<ArrayBuilder>(new IntervalBuilder(type));
    case TypeId::kUtf8:
    case TypeId::kBinary: return std::unique_ptr<ArrayBuilder>(new BinaryBuilder(type));
    case TypeId::kList: {
      BB_ASSIGN_OR_RAISE(auto items, MakeBuilder(type->value_type()));
      return std::unique_ptr<ArrayBuilder>(new ListBuilder(type, std::move(items)));
    }
    case TypeId::kStruct: {
      std::vector<std::unique_ptr<ArrayBuilder>> children;
      for (const auto& f : type->fields()) {
        BB_ASSIGN_OR_RAISE(auto child, MakeBuilder(f.type));
        children.push_back(std::move(child));
      }
      return std::unique_ptr<ArrayBuilder>(new StructBuilder(type, std::move(children)));
    }
  }
  return Status::NotImplemented("no builder for type {}", type->ToString());
}

}  // namespace bundlebase
