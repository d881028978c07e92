// Child scopes of FlattenScope, created lazily with the prefix of their parent key.
#include "formats/json/flatten_scope.h"

namespace bundlebase::json {

FlattenScope& FlattenScope::Child(int key, std::string_view sep) {
  auto& child = children_[key];
  if (!child) {
    std::string prefix = ColumnName(key);
    prefix.append(sep);
    child = std::make_unique<FlattenScope>(std::move(prefix));
  }
  return *child;
}

}  // namespace bundlebase::json
