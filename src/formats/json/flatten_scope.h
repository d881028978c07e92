// FlattenScope: maps the keys of a record (and, when flattening, of its nested objects) to
// columns.
//
// Reading a record, each key is looked up in the scope of the object it belongs to. The root
// scope holds the record's own keys; with flattening on, a nested object's keys live in a child
// scope whose prefix is "<parent key><sep>", so {"info": {"score": 9}} reaches the column
// "info_score" without building that name for every record. Which column a key maps to is
// resolved once per scope entry by the caller (by full name, so "a_b" and {"a": {"b"}} share
// one column) and cached here.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "formats/json/key_index.h"

namespace bundlebase::json {

class FlattenScope {
 public:
  // Column slot value before the caller has resolved it.
  static constexpr int kUnresolved = -2;
  // Column slot value of a key that has no column (its values were only objects and nulls).
  static constexpr int kNoColumn = -1;
  // Column slot value of a key the columns being written have never heard of.
  static constexpr int kUnknown = -3;

  explicit FlattenScope(std::string prefix = "") : prefix_(std::move(prefix)) {}

  KeyIndex& keys() { return keys_; }
  // Adds a key keys() does not have; `position` is its position in the object.
  int Add(std::string_view key, size_t position) {
    int i = keys_.Add(key, position);
    columns_.push_back(kUnresolved);
    children_.emplace_back();
    objects_noted_.push_back(0);
    return i;
  }

  // The flattened column name of key i: prefix + key.
  std::string ColumnName(int key) const { return prefix_ + keys_.name(key); }
  int& column(int key) { return columns_[key]; }
  // Whether the first pass has noted that key i held an object (RecordShape::AddObjectName).
  char& object_noted(int key) { return objects_noted_[key]; }
  // The scope of the object found under key i, created on first use.
  FlattenScope& Child(int key, std::string_view sep);

 private:
  std::string prefix_;
  KeyIndex keys_;
  std::vector<int> columns_;
  std::vector<std::unique_ptr<FlattenScope>> children_;
  std::vector<char> objects_noted_;
};

}  // namespace bundlebase::json
