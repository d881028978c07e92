// Segment-by-segment navigation with simdjson On-Demand.
#include "formats/json/json_path.h"

#include <charconv>
#include <utility>

#include "base/strings.h"

namespace bundlebase::json {

namespace {

Status FindMember(od::value* value, std::string_view name, bool* found, WalkContext& ctx) {
  od::object object;
  if (auto error = value->get_object().get(object)) return ctx.FailJson(error, TokenStart(*value));
  for (auto member : object) {
    od::field field;
    if (auto error = std::move(member).get(field)) return ctx.FailJson(error, nullptr);
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) return ctx.FailJson(error, nullptr);
    if (key == name) {
      *value = field.value();
      *found = true;
      return Status::OK();
    }
  }
  return Status::OK();
}

Status FindElement(od::value* value, size_t index, bool* found, WalkContext& ctx) {
  od::array array;
  if (auto error = value->get_array().get(array)) return ctx.FailJson(error, TokenStart(*value));
  size_t i = 0;
  for (auto element : array) {
    od::value item;
    if (auto error = std::move(element).get(item)) return ctx.FailJson(error, nullptr);
    if (i++ == index) {
      *value = item;
      *found = true;
      return Status::OK();
    }
  }
  return Status::OK();
}

}  // namespace

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  if (path.empty()) return segments;
  for (std::string_view segment : Split(path, '.')) segments.emplace_back(segment);
  return segments;
}

Status FollowPath(od::value* value, const std::vector<std::string>& segments, bool* found,
                  WalkContext& ctx) {
  for (const std::string& segment : segments) {
    *found = false;
    od::json_type type;
    if (auto error = value->type().get(type)) return ctx.FailJson(error, TokenStart(*value));
    if (type == od::json_type::object) {
      BB_RETURN_NOT_OK(FindMember(value, segment, found, ctx));
    } else if (type == od::json_type::array) {
      size_t index = 0;
      auto [end, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
      if (ec == std::errc() && end == segment.data() + segment.size() && !segment.empty()) {
        BB_RETURN_NOT_OK(FindElement(value, index, found, ctx));
      }
    }
    if (!*found) return Status::OK();
  }
  *found = true;
  return Status::OK();
}

}  // namespace bundlebase::json
