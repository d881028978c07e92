// Header name normalization: trimming, naming empty headers, de-duplicating.
#include "formats/csv/column_names.h"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "base/strings.h"

namespace bundlebase::csv {

std::vector<std::string> NormalizeColumnNames(const std::vector<std::string>& raw) {
  std::vector<std::string> names;
  names.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string_view text = raw[i];
    // A byte order mark left over from concatenated files is not part of a name.
    while (text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
    std::string name(Trim(text));
    if (name.empty()) name = fmt::format("column_{}", i + 1);
    names.push_back(std::move(name));
  }
  // Every name as written is reserved first, so a renamed duplicate never takes the name of a
  // later column ("a", "a", "a_1" -> "a", "a_2", "a_1").
  std::unordered_set<std::string> taken;
  for (const std::string& name : names) taken.insert(ToLower(name));
  std::unordered_set<std::string> used;
  // Per base name, the next suffix to try, so 100k copies of one name stay linear.
  std::unordered_map<std::string, int> next_suffix;
  for (std::string& name : names) {
    std::string key = ToLower(name);
    if (used.insert(key).second) continue;
    int& suffix = next_suffix[key];
    for (;;) {
      std::string candidate = fmt::format("{}_{}", name, ++suffix);
      std::string candidate_key = ToLower(candidate);
      if (!taken.count(candidate_key) && !used.count(candidate_key)) {
        used.insert(std::move(candidate_key));
        name = std::move(candidate);
        break;
      }
    }
  }
  return names;
}

std::vector<std::string> DefaultColumnNames(int count) {
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.push_back(fmt::format("column_{}", i + 1));
  return names;
}

}  // namespace bundlebase::csv
