// Schema lookups and printing.
#include "columnar/schema.h"

#include <algorithm>
#include <cctype>

namespace bundlebase {
namespace {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::string> Schema::names() const {
  std::vector<std::string> out;
  out.reserve(fields_.size());
  for (const auto& f : fields_) out.push_back(f.name);
  return out;
}

int Schema::FieldIndex(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Result<int> Schema::FindFieldCaseInsensitive(std::string_view name) const {
  int exact = FieldIndex(name);
  if (exact >= 0) return exact;
  int found = -1;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (!EqualsNoCase(fields_[i].name, name)) continue;
    if (found >= 0) {
      return Status::KeyError(
          "column name \"{}\" is ambiguous: \"{}\" and \"{}\" differ only in case; quote the "
          "exact name",
          name, fields_[found].name, fields_[i].name);
    }
    found = static_cast<int>(i);
  }
  if (found < 0) {
    std::string list;
    for (size_t i = 0; i < fields_.size() && i < 20; ++i) {
      list += (i ? ", " : "") + fields_[i].name;
    }
    return Status::KeyError("column \"{}\" not found; columns are: {}", name, list);
  }
  return found;
}

bool Schema::Equals(const Schema& other) const {
  return std::equal(fields_.begin(), fields_.end(), other.fields_.begin(), other.fields_.end(),
                    [](const Field& a, const Field& b) { return a.Equals(b); });
}

std::string Schema::ToString() const {
  std::string out;
  for (const auto& f : fields_) {
    out += f.ToString();
    out += '\n';
  }
  return out;
}

}  // namespace bundlebase
