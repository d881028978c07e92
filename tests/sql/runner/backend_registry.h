// Which backends the runner can use, by name.
//
// Each backend's own .cc file registers a factory at static-initialisation time
// (BB_REGISTER_SQL_BACKEND), so adding a backend is adding one file to this folder: the runner
// is built from an object library, which keeps every registration in the executable.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sql_backend.h"

namespace bundlebase::sql {

using BackendProviderFactory = std::function<Result<std::unique_ptr<BackendProvider>>()>;

// Adds `name` to the registry. Returns true so it can initialise a namespace-scope constant.
bool RegisterBackendProvider(const std::string& name, BackendProviderFactory factory);

// A provider for the backend called `name`, or KeyError listing the names that exist.
Result<std::unique_ptr<BackendProvider>> MakeBackendProvider(const std::string& name);

std::vector<std::string> RegisteredBackendNames();

}  // namespace bundlebase::sql

#define BB_REGISTER_SQL_BACKEND(name, factory)                                    \
  [[maybe_unused]] static const bool BB_CONCAT(bb_backend_registered_, __LINE__) = \
      ::bundlebase::sql::RegisterBackendProvider(name, factory)
