// Schema: the ordered fields of a record batch or table, with name lookup.
//
// Lookups follow the SQL rule of DESIGN §2: FieldIndex matches exactly (quoted identifiers),
// FindFieldCaseInsensitive matches case-insensitively (unquoted identifiers) and reports
// ambiguity when two fields differ only in case.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"
#include "columnar/type.h"

namespace bundlebase {

class Schema;
using SchemaPtr = std::shared_ptr<const Schema>;

class Schema {
 public:
  Schema() = default;
  explicit Schema(std::vector<Field> fields,
                  std::vector<std::pair<std::string, std::string>> metadata = {})
      : fields_(std::move(fields)), metadata_(std::move(metadata)) {}

  int num_fields() const { return static_cast<int>(fields_.size()); }
  const Field& field(int i) const { return fields_[i]; }
  const std::vector<Field>& fields() const { return fields_; }
  const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }
  std::vector<std::string> names() const;

  // Index of the field named exactly `name`, or -1.
  int FieldIndex(std::string_view name) const;
  // Index of the one field whose name equals `name` ignoring ASCII case; an exact match wins
  // over case-insensitive ones. KeyError when there is none (suggesting the closest name) or
  // when several differ only in case.
  Result<int> FindFieldCaseInsensitive(std::string_view name) const;

  bool Equals(const Schema& other) const;  // fields only, not metadata
  // One field a line: "name: type".
  std::string ToString() const;

 private:
  std::vector<Field> fields_;
  std::vector<std::pair<std::string, std::string>> metadata_;
};

inline SchemaPtr MakeSchema(std::vector<Field> fields) {
  return std::make_shared<Schema>(std::move(fields));
}

}  // namespace bundlebase
