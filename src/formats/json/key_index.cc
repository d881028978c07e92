// KeyIndex growth and order prediction (the lookup fast path is inline in key_index.h).
#include "formats/json/key_index.h"

namespace bundlebase::json {

int KeyIndex::Add(std::string_view key, size_t position) {
  int index = static_cast<int>(names_.size());
  names_.emplace_back(key);
  Spelling spelling;
  spelling.length = key.size();
  for (char c : key) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
      spelling.length = kNotPlain;
    }
  }
  if (spelling.length <= 16) {
    char padded[16] = {};
    std::memcpy(padded, key.data(), key.size());
    std::memcpy(&spelling.word0, padded, 8);
    std::memcpy(&spelling.word1, padded + 8, 8);
    char mask[16] = {};
    std::memset(mask, 0xff, key.size());
    std::memcpy(&spelling.mask0, mask, 8);
    std::memcpy(&spelling.mask1, mask + 8, 8);
  }
  spellings_.push_back(spelling);
  index_.emplace(names_.back(), index);
  Predict(position, index);
  return index;
}

bool KeyIndex::RawEquals(const std::string& name, const char* raw) {
  // Byte by byte: `raw` ends at its closing quote, which a plain name never contains, so a
  // shorter raw key stops the loop before anything past it is read.
  for (size_t i = 0; i < name.size(); ++i) {
    if (raw[i] != name[i]) return false;
  }
  return raw[name.size()] == '"';
}

void KeyIndex::Predict(size_t position, int index) {
  // Objects with thousands of keys are rare; cap the table so a hostile one cannot blow it up.
  constexpr size_t kMaxPredicted = 4096;
  if (position >= kMaxPredicted) return;
  if (position >= predicted_.size()) predicted_.resize(position + 1, -1);
  predicted_[position] = index;
}

}  // namespace bundlebase::json
