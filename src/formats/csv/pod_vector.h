// PodVector: a growable array of trivially copyable values that, unlike std::vector, does not
// zero what it reserves. The tokenizer reserves room for the worst case (a separator on every
// byte) and fills a fraction of it; value-initializing that room would cost a memset of several
// times the input per block.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <type_traits>

namespace bundlebase::csv {

template <typename T>
class PodVector {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  PodVector() = default;

  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T back() const { return data_[size_ - 1]; }

  // Guarantees room for `extra` more elements past size().
  void Reserve(size_t extra) {
    if (size_ + extra <= capacity_) return;
    size_t cap = std::max(size_ + extra, capacity_ + capacity_ / 2 + 16);
    std::unique_ptr<T[]> bigger(new T[cap]);
    if (size_) std::memcpy(bigger.get(), data_.get(), size_ * sizeof(T));
    data_ = std::move(bigger);
    capacity_ = cap;
  }
  void push_back(T v) {
    Reserve(1);
    data_[size_++] = v;
  }
  // After Reserve: writes past size() then publishes them.
  void set_size(size_t n) { size_ = n; }
  void clear() { size_ = 0; }

 private:
  std::unique_ptr<T[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace bundlebase::csv
