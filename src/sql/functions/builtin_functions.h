// The built-in function families. Each family lives in its own file and registers itself here;
// FunctionRegistry::Default() calls RegisterBuiltinFunctions once.
#pragma once

#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

Status RegisterBuiltinFunctions(FunctionRegistry* registry);

}  // namespace bundlebase::sql
