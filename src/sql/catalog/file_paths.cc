// Glob expansion for read_parquet / read_csv / read_json paths.
#include "sql/catalog/file_paths.h"

#include <algorithm>
#include <set>

#include "base/glob.h"

namespace bundlebase::sql {

bool HasGlobWildcard(std::string_view path) {
  return path.find_first_of("*?[\\") != std::string_view::npos;
}

Result<std::vector<std::string>> ExpandFilePattern(io::FileSystem& fs, const std::string& pattern) {
  if (pattern.empty()) return Status::Invalid("the file path is empty; give a path or a glob");
  if (!HasGlobWildcard(pattern)) {
    auto info = fs.Stat(pattern);
    if (!info.ok()) {
      if (info.status().IsNotFound()) return Status::NotFound("file \"{}\" does not exist", pattern);
      return info.status();
    }
    if (info->is_directory) {
      return Status::Invalid("\"{}\" is a directory; name its files with a glob such as \"{}/*\"",
                             pattern, pattern);
    }
    return std::vector<std::string>{pattern};
  }
  // The directory is everything up to the '/' before the first segment with a wildcard.
  size_t wildcard = pattern.find_first_of("*?[\\");
  size_t slash = pattern.rfind('/', wildcard);
  std::string dir = slash == std::string::npos ? "" : pattern.substr(0, slash);
  std::string relative = slash == std::string::npos ? pattern : pattern.substr(slash + 1);
  if (slash == 0) dir = "/";
  BB_ASSIGN_OR_RAISE(GlobPattern glob, GlobPattern::Compile(relative));
  bool recursive = relative.find('/') != std::string::npos;
  auto listing = fs.List(dir.empty() ? "." : dir, recursive);
  if (!listing.ok()) {
    if (listing.status().IsNotFound()) {
      return Status::NotFound("no file matches \"{}\": directory \"{}\" does not exist", pattern,
                              dir);
    }
    return listing.status().WithContextF("listing the files of \"{}\"", pattern);
  }
  std::vector<std::string> files;
  for (const io::FileInfo& info : *listing) {
    if (info.is_directory || !glob.Matches(info.path)) continue;
    if (dir.empty()) {
      files.push_back(info.path);
    } else if (dir == "/") {
      files.push_back("/" + info.path);
    } else {
      files.push_back(dir + "/" + info.path);
    }
  }
  if (files.empty()) return Status::NotFound("no file matches \"{}\"", pattern);
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::vector<std::string>> ExpandFilePatterns(io::FileSystem& fs,
                                                    const std::vector<std::string>& patterns) {
  if (patterns.empty()) return Status::Invalid("no file given; give a path, a glob or a list");
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (const std::string& pattern : patterns) {
    BB_ASSIGN_OR_RAISE(auto matched, ExpandFilePattern(fs, pattern));
    for (std::string& file : matched) {
      if (seen.insert(file).second) files.push_back(std::move(file));
    }
  }
  return files;
}

Result<std::vector<std::string>> PathArgument(const Scalar& argument, std::string_view function) {
  const TypeId id = argument.type()->id();
  if (id == TypeId::kUtf8 && !argument.is_null()) {
    return std::vector<std::string>{argument.get<std::string>()};
  }
  if (id == TypeId::kList && !argument.is_null()) {
    std::vector<std::string> paths;
    for (const Scalar& item : argument.get<std::vector<Scalar>>()) {
      if (item.type()->id() != TypeId::kUtf8 || item.is_null()) {
        return Status::TypeError("{}: every path in the list must be a non-NULL string", function);
      }
      paths.push_back(item.get<std::string>());
    }
    return paths;
  }
  return Status::TypeError(
      "{}: the first argument must be a file path, a glob or a list of them (a string), not {}",
      function, argument.is_null() ? std::string("NULL") : argument.type()->ToString());
}

}  // namespace bundlebase::sql
