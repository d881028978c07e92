// InferredType: what the first pass of the JSON reader learned about the values at one place in
// the records (a column, a struct field, or the items of a list), and the column type it implies.
//
// Inference only records which kinds of JSON value were seen (a bit set), the item type of
// arrays and the fields of objects in first-seen order. Merging two InferredTypes is a union, so
// blocks of a file can be inferred in parallel and merged in file order with the same result as
// one sequential pass. The rules that turn the kinds into a column type live in layout(); they
// are documented for users in docs/json.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "columnar/type.h"
#include "formats/json/key_index.h"

namespace bundlebase::json {

// How the second pass stores the values of one InferredType.
enum class ValueLayout : uint8_t {
  kBool,     // bool
  kInt64,    // int64: only integers within the int64 range
  kFloat64,  // float64: numbers with a fraction or exponent, possibly mixed with integers
  kString,   // utf8: only strings
  kText,     // utf8: strings as they are, every other value as its JSON text (conflicts,
             // integers beyond int64, objects without keys, and values that were always null)
  kList,     // list<item layout>
  kStruct,   // struct<fields in first-seen order>
};

class InferredType {
 public:
  enum Kind : uint8_t {
    kNull = 1,
    kBool = 2,
    kInt = 4,      // integer literal within the int64 range
    kBigInt = 8,   // integer literal outside the int64 range
    kDouble = 16,  // number with a fraction or an exponent
    kString = 32,
    kList = 64,
    kObject = 128,
  };

  InferredType() = default;
  InferredType(const InferredType&) = delete;
  InferredType& operator=(const InferredType&) = delete;

  void AddKind(Kind kind) { kinds_ |= kind; }
  uint8_t kinds() const { return kinds_; }

  // The type of list items, created on first use.
  InferredType& item();
  // The type of list items, or null when no list had any.
  const InferredType* item_or_null() const { return item_.get(); }

  // Object fields, in first-seen order.
  KeyIndex& field_names() { return field_names_; }
  const KeyIndex& field_names() const { return field_names_; }
  int num_fields() const { return field_names_.size(); }
  InferredType& field(int i) { return *fields_[i]; }
  const InferredType& field(int i) const { return *fields_[i]; }
  int AddField(std::string_view name, size_t position);
  // Which fields the object being read has set (for first-wins on repeated keys).
  SeenFields& seen() { return seen_; }

  // Adds everything `other` saw. Fields new to this type are appended in other's order.
  // Returns the number of fields (at any depth) that were added.
  int Merge(const InferredType& other);

  ValueLayout layout() const;
  // Whether one more value of `kind` would leave the column type as it is. The reader's second
  // pass only writes such values; anything else means the types it was given are too narrow.
  // `nonempty_object` says whether an object value has members (an object with members makes
  // a struct where only empty ones stay JSON text).
  bool Keeps(Kind kind, bool nonempty_object = true) const;
  // The column type: bool, int64, float64, utf8, list<...> or struct<...>.
  DataTypePtr ToDataType() const;

 private:
  static ValueLayout LayoutOf(uint8_t kinds, bool has_fields);

  uint8_t kinds_ = 0;
  std::unique_ptr<InferredType> item_;
  KeyIndex field_names_;
  std::vector<std::unique_ptr<InferredType>> fields_;
  SeenFields seen_;
};

}  // namespace bundlebase::json
