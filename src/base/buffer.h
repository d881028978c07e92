// Buffer: a contiguous, shared, immutable-once-published byte region (Arrow's Buffer).
//
// Column vectors, file reads and Arrow C Data exports all hold bytes as shared_ptr<Buffer>, so a
// slice of a column, a page of a memory-mapped file, or memory imported from pyarrow can be
// passed around without copying. Owned buffers are 64-byte aligned and padded so SIMD loops may
// read a whole register past the last value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "bundlebase/result.h"

namespace bundlebase {

inline constexpr size_t kBufferAlignment = 64;
inline constexpr size_t kBufferPadding = 64;

class Buffer {
 public:
  virtual ~Buffer() = default;

  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {reinterpret_cast<const char*>(data_), size_}; }
  template <typename T>
  const T* data_as() const { return reinterpret_cast<const T*>(data_); }

  // Bytes someone else owns; `owner` keeps them alive (an mmap, a foreign array, a parent).
  static std::shared_ptr<Buffer> Wrap(const void* data, size_t size,
                                      std::shared_ptr<const void> owner);
  // A view of [offset, offset + length) of `parent` that keeps the parent alive.
  static std::shared_ptr<Buffer> Slice(const std::shared_ptr<Buffer>& parent, size_t offset,
                                       size_t length);
  static std::shared_ptr<Buffer> FromString(std::string bytes);
  static std::shared_ptr<Buffer> Copy(const void* data, size_t size);

 protected:
  Buffer(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  const uint8_t* data_;
  size_t size_;
};

// An owned, growable, aligned buffer. Written by builders and readers, then published as a
// shared_ptr<Buffer> (it is one) and treated as immutable from then on.
class MutableBuffer final : public Buffer {
 public:
  MutableBuffer() : Buffer(nullptr, 0) {}
  ~MutableBuffer() override;
  MutableBuffer(const MutableBuffer&) = delete;
  MutableBuffer& operator=(const MutableBuffer&) = delete;

  // Allocates `size` bytes (uninitialized unless zero_fill). Fails with ResourceExhausted.
  static Result<std::shared_ptr<MutableBuffer>> Allocate(size_t size, bool zero_fill = false);

  uint8_t* mutable_data() { return const_cast<uint8_t*>(data_); }
  template <typename T>
  T* mutable_data_as() { return reinterpret_cast<T*>(mutable_data()); }
  size_t capacity() const { return capacity_; }

  // Grows capacity to at least `capacity` (geometrically), keeping the contents.
  Status Reserve(size_t capacity);
  // Sets the size, growing capacity if needed; new bytes are uninitialized unless zero_fill.
  Status Resize(size_t size, bool zero_fill = false);
  Status Append(const void* bytes, size_t n) {
    if (size_ + n > capacity_) BB_RETURN_NOT_OK(Reserve(size_ + n));
    if (n) std::memcpy(mutable_data() + size_, bytes, n);
    size_ += n;
    return Status::OK();
  }
  // Caller guarantees capacity (after Reserve); the hot path of builders.
  void UnsafeAppend(const void* bytes, size_t n) {
    // memcpy with a null pointer is undefined even for n == 0 (an empty builder has no data).
    if (n) std::memcpy(mutable_data() + size_, bytes, n);
    size_ += n;
  }
  void UnsafeSetSize(size_t size) { size_ = size; }

 private:
  size_t capacity_ = 0;
};

// Bytes currently held by all MutableBuffers of this process (for memory limits and tests).
int64_t TotalAllocatedBytes();

}  // namespace bundlebase
