// The name -> factory table behind backend_registry.h.
#include "backend_registry.h"

#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace bundlebase::sql {
namespace {

// A function-local static: registrations run during static initialisation, in any file order.
std::map<std::string, BackendProviderFactory>& Registry() {
  static std::map<std::string, BackendProviderFactory> registry;
  return registry;
}

}  // namespace

bool RegisterBackendProvider(const std::string& name, BackendProviderFactory factory) {
  Registry()[name] = std::move(factory);
  return true;
}

Result<std::unique_ptr<BackendProvider>> MakeBackendProvider(const std::string& name) {
  auto it = Registry().find(name);
  if (it == Registry().end()) {
    return Status::KeyError("unknown backend '{}': this runner knows {}", name,
                            fmt::join(RegisteredBackendNames(), ", "));
  }
  return it->second();
}

std::vector<std::string> RegisteredBackendNames() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : Registry()) names.push_back(name);
  return names;
}

}  // namespace bundlebase::sql
