// InputType matching and OutputType resolution: the two small pieces of the function contract
// (function.h) that the registry evaluates while resolving an overload.
#include "sql/functions/function.h"

namespace bundlebase::sql {

bool InputType::Matches(const DataType& t) const {
  switch (kind) {
    case Kind::kExact: return type->Equals(t);
    case Kind::kTypeId: return t.id() == id;
    case Kind::kAny: return true;
  }
  return false;
}

std::string InputType::ToString() const {
  switch (kind) {
    case Kind::kExact: return type->ToString();
    case Kind::kTypeId: {
      switch (id) {
        case TypeId::kDecimal128: return "decimal";
        case TypeId::kTimestamp: return "timestamp";
        case TypeId::kTime64: return "time";
        case TypeId::kList: return "list";
        case TypeId::kStruct: return "struct";
        default: return PrimitiveType(id)->ToString();
      }
    }
    case Kind::kAny: return "any";
  }
  return "any";
}

Result<DataTypePtr> OutputType::Resolve(const std::vector<DataTypePtr>& arg_types) const {
  return Resolve(arg_types, std::vector<std::string>(arg_types.size()));
}

Result<DataTypePtr> OutputType::Resolve(const std::vector<DataTypePtr>& arg_types,
                                        const std::vector<std::string>& literal_texts) const {
  if (literal_resolver) return literal_resolver(arg_types, literal_texts);
  if (resolver) return resolver(arg_types);
  if (!fixed) return Status::Internal("function kernel has neither a fixed output type nor a resolver");
  return fixed;
}

}  // namespace bundlebase::sql
