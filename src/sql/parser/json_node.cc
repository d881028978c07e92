// Accessors for libpg_query's JSON parse tree (see json_node.h).
#include "sql/parser/json_node.h"

#include <algorithm>

namespace bundlebase::sql::json {

Result<Node> AsNode(Element element) {
  Object object;
  if (element.get_object().get(object) != simdjson::SUCCESS || object.size() != 1) {
    return Status::Internal("unexpected shape in the SQL parse tree: {}",
                            simdjson::minify(element).substr(0, 200));
  }
  auto [key, value] = *object.begin();
  Object fields;
  if (value.get_object().get(fields) != simdjson::SUCCESS) {
    return Status::Internal("SQL parse tree node {} has no fields", key);
  }
  return Node{key, fields};
}

std::optional<Element> Get(Object fields, std::string_view key) {
  Element value;
  if (fields.at_key(key).get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

int64_t GetInt(Object fields, std::string_view key, int64_t fallback) {
  int64_t value;
  if (fields.at_key(key).get_int64().get(value) != simdjson::SUCCESS) return fallback;
  return value;
}

bool GetBool(Object fields, std::string_view key) {
  bool value = false;
  if (fields.at_key(key).get_bool().get(value) != simdjson::SUCCESS) return false;
  return value;
}

std::string_view GetString(Object fields, std::string_view key) {
  std::string_view value;
  if (fields.at_key(key).get_string().get(value) != simdjson::SUCCESS) return {};
  return value;
}

std::vector<Element> GetList(Object fields, std::string_view key) {
  std::vector<Element> out;
  simdjson::dom::array array;
  if (fields.at_key(key).get_array().get(array) != simdjson::SUCCESS) return out;
  for (Element item : array) out.push_back(item);
  return out;
}

std::string StringNodeValue(Element element) {
  std::string_view value;
  if (element.at_pointer("/String/sval").get_string().get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

std::vector<std::string> GetStringList(Object fields, std::string_view key) {
  std::vector<std::string> out;
  for (Element item : GetList(fields, key)) out.push_back(StringNodeValue(item));
  return out;
}

int RawLocation(Object fields) { return static_cast<int>(GetInt(fields, "location", -1)); }

namespace {

void Visit(Element element, LocationRange& range) {
  Object object;
  simdjson::dom::array array;
  if (element.get_object().get(object) == simdjson::SUCCESS) {
    for (auto [key, value] : object) {
      int64_t location;
      if (key == "location" && value.get_int64().get(location) == simdjson::SUCCESS) {
        if (location < 0) continue;
        int loc = static_cast<int>(location);
        range.min = range.min < 0 ? loc : std::min(range.min, loc);
        range.max = std::max(range.max, loc);
      } else {
        Visit(value, range);
      }
    }
  } else if (element.get_array().get(array) == simdjson::SUCCESS) {
    for (Element item : array) Visit(item, range);
  }
}

}  // namespace

LocationRange FindLocationRange(Element element) {
  LocationRange range;
  Visit(element, range);
  return range;
}

}  // namespace bundlebase::sql::json
