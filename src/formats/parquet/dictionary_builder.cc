// DictionaryBuilder: hash table over the distinct values of a column chunk.
#include "formats/parquet/dictionary_builder.h"

#include <cstring>

#include "base/hash.h"

namespace bundlebase::parquet {
namespace {

constexpr int kInitialSlotsLog2 = 10;

bool KeyedByValue(Type type, int width) {
  return type != Type::kByteArray && (width == 4 || width == 8);
}

}  // namespace

DictionaryBuilder::DictionaryBuilder(Type type, int width)
    : type_(type), width_(width), slots_(size_t{1} << kInitialSlotsLog2),
      shift_(64 - kInitialSlotsLog2) {}

void DictionaryBuilder::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  --shift_;
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.index == 0) continue;
    size_t h = SlotOf(s.key);
    while (slots_[h].index != 0) h = (h + 1) & mask;
    slots_[h] = s;
  }
}

uint32_t DictionaryBuilder::AddEntry(const uint8_t* data, size_t size) {
  if (type_ == Type::kByteArray) {
    const uint32_t length = static_cast<uint32_t>(size);
    plain_.append(reinterpret_cast<const char*>(&length), 4);
  }
  if (!KeyedByValue(type_, width_)) {
    entry_offsets_.push_back(plain_.size());
    entry_lengths_.push_back(static_cast<uint32_t>(size));
  }
  plain_.append(reinterpret_cast<const char*>(data), size);
  return ++num_entries_;
}

template <typename T>
void DictionaryBuilder::PutFixed(const T* values, int64_t count, uint32_t* out) {
  size_t mask = slots_.size() - 1;
  for (int64_t i = 0; i < count; ++i) {
    T value = values[i];
    uint64_t key = 0;
    std::memcpy(&key, &value, sizeof(T));
    size_t h = SlotOf(key);
    while (true) {
      Slot& s = slots_[h];
      if (s.index == 0) {
        s.key = key;
        s.index = AddEntry(reinterpret_cast<const uint8_t*>(&value), sizeof(T));
        out[i] = s.index - 1;
        if (size_t{num_entries_} * 2 > slots_.size()) {
          Grow();
          mask = slots_.size() - 1;
        }
        break;
      }
      if (s.key == key) {
        out[i] = s.index - 1;
        break;
      }
      h = (h + 1) & mask;
    }
  }
}

void DictionaryBuilder::PutBytes(const uint8_t* data, size_t size, uint32_t* out) {
  const uint64_t key = Hash64(data, size);
  const size_t mask = slots_.size() - 1;
  size_t h = SlotOf(key);
  while (true) {
    Slot& s = slots_[h];
    if (s.index == 0) {
      s.key = key;
      s.index = AddEntry(data, size);
      *out = s.index - 1;
      if (size_t{num_entries_} * 2 > slots_.size()) Grow();
      return;
    }
    if (s.key == key && entry_lengths_[s.index - 1] == size &&
        std::memcmp(plain_.data() + entry_offsets_[s.index - 1], data, size) == 0) {
      *out = s.index - 1;
      return;
    }
    h = (h + 1) & mask;
  }
}

void DictionaryBuilder::Put(const PhysicalValues& values, int64_t offset, int64_t count,
                            std::vector<uint32_t>* indices) {
  const size_t start = indices->size();
  indices->resize(start + static_cast<size_t>(count));
  uint32_t* out = indices->data() + start;
  if (type_ == Type::kByteArray) {
    const std::string_view* views = values.views() + offset;
    for (int64_t i = 0; i < count; ++i) {
      PutBytes(reinterpret_cast<const uint8_t*>(views[i].data()), views[i].size(), out + i);
    }
  } else if (width_ == 4) {
    PutFixed(reinterpret_cast<const uint32_t*>(values.fixed()) + offset, count, out);
  } else if (width_ == 8) {
    PutFixed(reinterpret_cast<const uint64_t*>(values.fixed()) + offset, count, out);
  } else {
    const uint8_t* fixed = values.fixed() + offset * width_;
    for (int64_t i = 0; i < count; ++i) PutBytes(fixed + i * width_, width_, out + i);
  }
}

void DictionaryBuilder::AppendPlain(uint32_t index, std::string* out) const {
  if (KeyedByValue(type_, width_)) {
    out->append(plain_.data() + static_cast<size_t>(index) * width_, width_);
  } else if (type_ == Type::kByteArray) {
    out->append(plain_.data() + entry_offsets_[index] - 4, entry_lengths_[index] + 4);
  } else {
    out->append(plain_.data() + entry_offsets_[index], entry_lengths_[index]);
  }
}

PhysicalValues DictionaryBuilder::Entries() const {
  if (type_ != Type::kByteArray) {
    return PhysicalValues::FixedView(type_, width_,
                                     reinterpret_cast<const uint8_t*>(plain_.data()), size());
  }
  std::vector<std::string_view> views(num_entries_);
  for (uint32_t i = 0; i < num_entries_; ++i) {
    views[i] = std::string_view(plain_.data() + entry_offsets_[i], entry_lengths_[i]);
  }
  return PhysicalValues::ByteArrayView(std::move(views));
}

}  // namespace bundlebase::parquet
