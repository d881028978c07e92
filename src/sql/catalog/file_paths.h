// File paths of a table function's first argument: one path, a glob ("data/*.parquet",
// "logs/**/day=*/*.csv") or a list of either, expanded through the FileSystem into the files
// to read, in a stable order.
//
// A glob is split at its first segment holding a wildcard: the part before is the directory
// listed (recursively only when the rest has several segments or a "**"), the rest is matched
// against the listed paths with base/glob.h's rules. A glob matching nothing is a NotFound
// error naming the glob; so is a plain path that does not exist.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/scalar.h"
#include "io/file_system.h"

namespace bundlebase::sql {

// True when `path` holds a glob wildcard ('*', '?', '[' or an escaping '\').
bool HasGlobWildcard(std::string_view path);

// The files `pattern` names, sorted by path (a plain path is returned as given once it exists).
Result<std::vector<std::string>> ExpandFilePattern(io::FileSystem& fs, const std::string& pattern);

// Every file of every pattern, in argument order, each file once.
Result<std::vector<std::string>> ExpandFilePatterns(io::FileSystem& fs,
                                                    const std::vector<std::string>& patterns);

// The patterns a table function's path argument holds: a utf8 scalar or a list of them.
// `function` names the function in errors.
Result<std::vector<std::string>> PathArgument(const Scalar& argument, std::string_view function);

}  // namespace bundlebase::sql
