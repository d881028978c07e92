// KeyIndex growth and order prediction (the lookup fast path is inline in key_index.h).
#include "formats/json/key_index.h"

namespace bundlebase::json {

int KeyIndex::Add(std::string_view key, size_t position) {
  int index = static_cast<int>(names_.size());
  names_.emplace_back(key);
  bool plain = true;
  for (char c : key) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) plain = false;
  }
  plain_.push_back(plain ? 1 : 0);
  index_.emplace(names_.back(), index);
  Predict(position, index);
  return index;
}

void KeyIndex::Predict(size_t position, int index) {
  // Objects with thousands of keys are rare; cap the table so a hostile one cannot blow it up.
  constexpr size_t kMaxPredicted = 4096;
  if (position >= kMaxPredicted) return;
  if (position >= predicted_.size()) predicted_.resize(position + 1, -1);
  predicted_[position] = index;
}

}  // namespace bundlebase::json
