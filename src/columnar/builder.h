// Builders: append values row by row (or in bulk) and Finish() into an immutable Array.
//
// Readers and operators produce every column through these. The validity bitmap is only
// allocated once the first null arrives, so all-valid columns cost nothing extra. Unsafe*
// methods skip capacity checks for hot loops after Reserve(). Sizes are checked: a string
// column over 2 GiB of bytes in one batch is a ResourceExhausted error, never an overflow.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "columnar/array.h"

namespace bundlebase {

class ArrayBuilder {
 public:
  explicit ArrayBuilder(DataTypePtr type) : type_(std::move(type)) {}
  virtual ~ArrayBuilder() = default;
  ArrayBuilder(const ArrayBuilder&) = delete;
  ArrayBuilder& operator=(const ArrayBuilder&) = delete;

  const DataTypePtr& type() const { return type_; }
  int64_t length() const { return length_; }
  int64_t null_count() const { return null_count_; }

  virtual Status AppendNull() = 0;
  virtual Status AppendNulls(int64_t n);
  // Room for `n` more rows without reallocation.
  virtual Status Reserve(int64_t n);
  // Returns the built array and resets the builder to empty.
  virtual Result<ArrayPtr> Finish() = 0;

 protected:
  Status AppendValidity(bool valid);
  void UnsafeAppendValidity(bool valid) {
    if (!valid) {
      if (!validity_) MaterializeValidity();
      ++null_count_;
    }
    if (validity_) bitmap::SetBitTo(validity_->mutable_data(), length_, valid);
    ++length_;
  }
  Status ReserveValidity(int64_t rows);
  // The finished validity buffer (null when there were no nulls); resets length and nulls.
  BufferPtr FinishValidity();

  DataTypePtr type_;
  int64_t length_ = 0;
  int64_t null_count_ = 0;
  int64_t capacity_ = 0;
  std::shared_ptr<MutableBuffer> validity_;

 private:
  void MaterializeValidity();
};

// Builder for every fixed-width type. T is the stored C type: int8_t..uint64_t, float, double,
// __int128 (decimal128), int32_t (date32), int64_t (time64, timestamp), MonthDayNano.
template <typename T>
class FixedWidthBuilder final : public ArrayBuilder {
 public:
  explicit FixedWidthBuilder(DataTypePtr type);

  Status Append(T value) {
    if (length_ >= capacity_) BB_RETURN_NOT_OK(Reserve(1));
    UnsafeAppend(value);
    return Status::OK();
  }
  void UnsafeAppend(T value) {
    values_->mutable_data_as<T>()[length_] = value;
    UnsafeAppendValidity(true);
  }
  void UnsafeAppendNull() {
    values_->mutable_data_as<T>()[length_] = T{};
    UnsafeAppendValidity(false);
  }
  // Appends n values; `valid` (one byte per value, nonzero = valid) may be null.
  Status AppendValues(const T* values, int64_t n, const uint8_t* valid = nullptr);
  Status AppendNull() override;
  Status Reserve(int64_t n) override;
  Result<ArrayPtr> Finish() override;

  // The value at row i, for builders that patch what they appended (e.g. dictionary decoding).
  T& operator[](int64_t i) { return values_->mutable_data_as<T>()[i]; }

 private:
  std::shared_ptr<MutableBuffer> values_;
};

class BoolBuilder final : public ArrayBuilder {
 public:
  BoolBuilder() : ArrayBuilder(Bool()) {}
  Status Append(bool value);
  void UnsafeAppend(bool value) {
    bitmap::SetBitTo(values_->mutable_data(), length_, value);
    UnsafeAppendValidity(true);
  }
  Status AppendNull() override;
  Status Reserve(int64_t n) override;
  Result<ArrayPtr> Finish() override;

 private:
  std::shared_ptr<MutableBuffer> values_;
};

// utf8 and binary. The builder does not validate UTF-8; readers do before appending.
class BinaryBuilder final : public ArrayBuilder {
 public:
  explicit BinaryBuilder(DataTypePtr type = Utf8());
  Status Append(std::string_view value);
  Status AppendNull() override;
  Status Reserve(int64_t n) override;
  // Room for `bytes` more bytes of string data.
  Status ReserveData(int64_t bytes);
  // After Reserve(1) and ReserveData(value.size()).
  void UnsafeAppend(std::string_view value) {
    data_->UnsafeAppend(value.data(), value.size());
    offsets_->mutable_data_as<int32_t>()[length_ + 1] = static_cast<int32_t>(data_->size());
    UnsafeAppendValidity(true);
  }
  int64_t data_length() const { return static_cast<int64_t>(data_->size()); }
  Result<ArrayPtr> Finish() override;

 private:
  Status CheckDataSize(size_t extra) const;
  std::shared_ptr<MutableBuffer> offsets_;
  std::shared_ptr<MutableBuffer> data_;
};

class ListBuilder final : public ArrayBuilder {
 public:
  ListBuilder(DataTypePtr type, std::unique_ptr<ArrayBuilder> value_builder);
  // Starts a new (valid) list; append its items to value_builder() afterwards.
  Status Append();
  Status AppendNull() override;
  Status Reserve(int64_t n) override;
  ArrayBuilder* value_builder() { return values_.get(); }
  Result<ArrayPtr> Finish() override;

 private:
  Status CloseCurrentList();
  std::unique_ptr<ArrayBuilder> values_;
  std::shared_ptr<MutableBuffer> offsets_;
};

class StructBuilder final : public ArrayBuilder {
 public:
  StructBuilder(DataTypePtr type, std::vector<std::unique_ptr<ArrayBuilder>> field_builders);
  // Marks the next row valid; append one value (or null) to every field builder as well.
  Status Append();
  // Appends a null row, and a null to every field builder.
  Status AppendNull() override;
  ArrayBuilder* field_builder(int i) { return fields_[i].get(); }
  int num_fields() const { return static_cast<int>(fields_.size()); }
  Result<ArrayPtr> Finish() override;

 private:
  std::vector<std::unique_ptr<ArrayBuilder>> fields_;
};

class NullBuilder final : public ArrayBuilder {
 public:
  NullBuilder() : ArrayBuilder(Null()) {}
  Status AppendNull() override;
  Result<ArrayPtr> Finish() override;
};

// A builder for any type, nested types included.
Result<std::unique_ptr<ArrayBuilder>> MakeBuilder(const DataTypePtr& type);

using Int8Builder = FixedWidthBuilder<int8_t>;
using Int16Builder = FixedWidthBuilder<int16_t>;
using Int32Builder = FixedWidthBuilder<int32_t>;
using Int64Builder = FixedWidthBuilder<int64_t>;
using UInt8Builder = FixedWidthBuilder<uint8_t>;
using UInt16Builder = FixedWidthBuilder<uint16_t>;
using UInt32Builder = FixedWidthBuilder<uint32_t>;
using UInt64Builder = FixedWidthBuilder<uint64_t>;
using Float32Builder = FixedWidthBuilder<float>;
using Float64Builder = FixedWidthBuilder<double>;
using Decimal128Builder = FixedWidthBuilder<__int128>;
using IntervalBuilder = FixedWidthBuilder<MonthDayNano>;

}  // namespace bundlebase
