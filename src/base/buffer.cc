// Buffer allocation: aligned, padded, accounted, and failing cleanly instead of aborting.
#include "base/buffer.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace bundlebase {
namespace {

std::atomic<int64_t> g_allocated{0};

class WrappedBuffer final : public Buffer {
 public:
  WrappedBuffer(const void* data, size_t size, std::shared_ptr<const void> owner)
      : Buffer(static_cast<const uint8_t*>(data), size), owner_(std::move(owner)) {}

 private:
  std::shared_ptr<const void> owner_;
};

class StringBuffer final : public Buffer {
 public:
  explicit StringBuffer(std::string s) : Buffer(nullptr, 0), bytes_(std::move(s)) {
    data_ = reinterpret_cast<const uint8_t*>(bytes_.data());
    size_ = bytes_.size();
  }

 private:
  std::string bytes_;
};

size_t RoundUp(size_t n) { return (n + kBufferAlignment - 1) / kBufferAlignment * kBufferAlignment; }

}  // namespace

std::shared_ptr<Buffer> Buffer::Wrap(const void* data, size_t size,
                                     std::shared_ptr<const void> owner) {
  return std::make_shared<WrappedBuffer>(data, size, std::move(owner));
}

std::shared_ptr<Buffer> Buffer::Slice(const std::shared_ptr<Buffer>& parent, size_t offset,
                                      size_t length) {
  return std::make_shared<WrappedBuffer>(parent->data() + offset, length, parent);
}

std::shared_ptr<Buffer> Buffer::FromString(std::string bytes) {
  return std::make_shared<StringBuffer>(std::move(bytes));
}

std::shared_ptr<Buffer> Buffer::Copy(const void* data, size_t size) {
  return FromString(std::string(static_cast<const char*>(data), size));
}

MutableBuffer::~MutableBuffer() {
  if (data_) {
    std::free(const_cast<uint8_t*>(data_));
    g_allocated.fetch_sub(static_cast<int64_t>(capacity_), std::memory_order_relaxed);
  }
}

Result<std::shared_ptr<MutableBuffer>> MutableBuffer::Allocate(size_t size, bool zero_fill) {
  auto buffer = std::make_shared<MutableBuffer>();
  BB_RETURN_NOT_OK(buffer->Resize(size, zero_fill));
  return buffer;
}

Status MutableBuffer::Reserve(size_t capacity) {
  if (capacity <= capacity_) return Status::OK();
  size_t new_capacity = RoundUp(std::max(capacity, capacity_ + capacity_ / 2));
  // Padding past the capacity lets vectorized loops over-read safely.
  void* p = std::aligned_alloc(kBufferAlignment, new_capacity + kBufferPadding);
  if (p == nullptr) {
    return Status::ResourceExhausted("cannot allocate {} bytes", new_capacity);
  }
  std::memset(static_cast<uint8_t*>(p) + new_capacity, 0, kBufferPadding);
  if (data_) {
    // Builders write past size() through mutable_data() and set the size at the end, so the
    // whole old capacity is live.
    std::memcpy(p, data_, capacity_);
    std::free(const_cast<uint8_t*>(data_));
  }
  g_allocated.fetch_add(static_cast<int64_t>(new_capacity - capacity_), std::memory_order_relaxed);
  data_ = static_cast<const uint8_t*>(p);
  capacity_ = new_capacity;
  return Status::OK();
}

Status MutableBuffer::Resize(size_t size, bool zero_fill) {
  BB_RETURN_NOT_OK(Reserve(size));
  if (zero_fill && size > size_) std::memset(mutable_data() + size_, 0, size - size_);
  size_ = size;
  return Status::OK();
}

int64_t TotalAllocatedBytes() { return g_allocated.load(std::memory_order_relaxed); }

}  // namespace bundlebase
