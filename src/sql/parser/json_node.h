// Reading libpg_query's JSON parse tree with simdjson's DOM API.
//
// Every node is an object with one key, the node type: {"ColumnRef": {"fields": [...],
// "location": 7}}. libpg_query leaves out fields that hold their default (false, 0, empty
// list), so every accessor here has a default for a missing field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "bundlebase/result.h"

namespace bundlebase::sql::json {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;

struct Node {
  std::string_view type;  // "ColumnRef", "A_Expr", ...
  Object fields;
};

// `element` as a node; Internal error if it is not an object with exactly one key.
Result<Node> AsNode(Element element);

std::optional<Element> Get(Object fields, std::string_view key);
int64_t GetInt(Object fields, std::string_view key, int64_t fallback = 0);
bool GetBool(Object fields, std::string_view key);
std::string_view GetString(Object fields, std::string_view key);
// The elements of a list field; empty when the field is absent.
std::vector<Element> GetList(Object fields, std::string_view key);
// The sval of each {"String": {"sval": ...}} node of a list field.
std::vector<std::string> GetStringList(Object fields, std::string_view key);
// The sval of one {"String": {"sval": ...}} node ("" for anything else).
std::string StringNodeValue(Element element);
// The raw "location" of a node's fields (-1 when absent).
int RawLocation(Object fields);

// Smallest and largest "location" found anywhere inside `element` (-1 when there is none).
struct LocationRange {
  int min = -1;
  int max = -1;
};
LocationRange FindLocationRange(Element element);

}  // namespace bundlebase::sql::json
