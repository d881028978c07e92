// The widening rules of JSON schema inference: from the kinds of value seen to a column type.
#include "formats/json/inferred_type.h"

namespace bundlebase::json {

InferredType& InferredType::item() {
  if (!item_) item_ = std::make_unique<InferredType>();
  return *item_;
}

int InferredType::AddField(std::string_view name, size_t position) {
  int index = field_names_.Add(name, position);
  fields_.push_back(std::make_unique<InferredType>());
  return index;
}

int InferredType::Merge(const InferredType& other) {
  int added = 0;
  kinds_ |= other.kinds_;
  if (other.item_) added += item().Merge(*other.item_);
  for (int i = 0; i < other.num_fields(); ++i) {
    const std::string& name = other.field_names_.name(i);
    int mine = field_names_.Find(name, static_cast<size_t>(i));
    if (mine < 0) {
      mine = AddField(name, static_cast<size_t>(i));
      ++added;
    }
    added += fields_[mine]->Merge(*other.fields_[i]);
  }
  return added;
}

ValueLayout InferredType::layout() const { return LayoutOf(kinds_, !fields_.empty()); }

bool InferredType::Keeps(Kind kind, bool nonempty_object) const {
  auto type_of = [](ValueLayout layout) {
    // kString and kText are both utf8 and store a string the same way.
    return layout == ValueLayout::kText ? ValueLayout::kString : layout;
  };
  const bool has_fields = !fields_.empty() || (kind == kObject && nonempty_object);
  return type_of(LayoutOf(kinds_ | kind, has_fields)) == type_of(layout());
}

ValueLayout InferredType::LayoutOf(uint8_t all_kinds, bool has_fields) {
  const uint8_t kinds = all_kinds & ~kNull;
  constexpr uint8_t kNumbers = kInt | kBigInt | kDouble;
  if (kinds == kBool) return ValueLayout::kBool;
  if (kinds == kInt) return ValueLayout::kInt64;
  // Any fraction or exponent makes the column approximate already, so big integers join it as
  // doubles; without one, integers beyond int64 keep their exact digits as text.
  if (kinds != 0 && (kinds & ~kNumbers) == 0) {
    return (kinds & kDouble) ? ValueLayout::kFloat64 : ValueLayout::kText;
  }
  if (kinds == kString) return ValueLayout::kString;
  if (kinds == kList) return ValueLayout::kList;
  // A struct needs at least one field (Parquet has no empty groups): objects that never had a
  // key stay JSON text ("{}").
  if (kinds == kObject && has_fields) return ValueLayout::kStruct;
  return ValueLayout::kText;
}

DataTypePtr InferredType::ToDataType() const {
  switch (layout()) {
    case ValueLayout::kBool: return Bool();
    case ValueLayout::kInt64: return Int64();
    case ValueLayout::kFloat64: return Float64();
    case ValueLayout::kString:
    case ValueLayout::kText: return Utf8();
    case ValueLayout::kList:
      // Lists that were always empty have no item type: their items are text, like a column
      // that was always null.
      return List(Field("item", item_ ? item_->ToDataType() : Utf8()));
    case ValueLayout::kStruct: {
      std::vector<Field> fields;
      fields.reserve(fields_.size());
      for (int i = 0; i < num_fields(); ++i) {
        fields.emplace_back(field_names_.name(i), fields_[i]->ToDataType());
      }
      return Struct(std::move(fields));
    }
  }
  return Utf8();
}

}  // namespace bundlebase::json
