// Dot paths into a JSON document, as json_record_path and json_meta spell them: "results.items"
// is the member "items" of the member "results" of the root object. A segment of digits also
// indexes into an array ("pages.0.rows"). Keys are compared after unescaping; when an object
// repeats a key, the first occurrence counts, as everywhere in the reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/json/walk_context.h"

namespace bundlebase::json {

// "a.b" -> {"a", "b"}; "" -> {} (the root itself).
std::vector<std::string> SplitPath(std::string_view path);

// Walks `segments` down from `value`. Returns OK with *found false when a segment does not
// exist (or the value there is not an object or array); *value is then unusable.
Status FollowPath(od::value* value, const std::vector<std::string>& segments, bool* found,
                  WalkContext& ctx);

}  // namespace bundlebase::json
