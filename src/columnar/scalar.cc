// Boxing values out of arrays and back into builders.
#include "columnar/scalar.h"

#include <cmath>

namespace bundlebase {

bool Scalar::Equals(const Scalar& other) const {
  if (!type_->Equals(*other.type_)) return false;
  if (value_.index() != other.value_.index()) return false;
  if (std::holds_alternative<double>(value_)) {
    double a = get<double>(), b = other.get<double>();
    return a == b || (std::isnan(a) && std::isnan(b));
  }
  if (std::holds_alternative<std::vector<Scalar>>(value_)) {
    const auto& a = get<std::vector<Scalar>>();
    const auto& b = other.get<std::vector<Scalar>>();
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!a[i].Equals(b[i])) return false;
    }
    return true;
  }
  return value_ == other.value_;
}

Result<Scalar> GetScalar(const Array& array, int64_t i) {
  if (i < 0 || i >= array.length()) {
    return Status::Invalid("row {} is out of range for an array of {} rows", i, array.length());
  }
  const DataTypePtr& type = array.type();
  if (array.IsNull(i)) return Scalar::MakeNull(type);
  switch (type->id()) {
    case TypeId::kNull: return Scalar::MakeNull(type);
    case TypeId::kBool: return Scalar(type, array.GetBool(i));
    case TypeId::kInt8: return Scalar(type, int64_t{array.values<int8_t>()[i]});
    case TypeId::kInt16: return Scalar(type, int64_t{array.values<int16_t>()[i]});
    case TypeId::kInt32:
    case TypeId::kDate32: return Scalar(type, int64_t{array.values<int32_t>()[i]});
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return Scalar(type, array.values<int64_t>()[i]);
    case TypeId::kUInt8: return Scalar(type, uint64_t{array.values<uint8_t>()[i]});
    case TypeId::kUInt16: return Scalar(type, uint64_t{array.values<uint16_t>()[i]});
    case TypeId::kUInt32: return Scalar(type, uint64_t{array.values<uint32_t>()[i]});
    case TypeId::kUInt64: return Scalar(type, array.values<uint64_t>()[i]);
    case TypeId::kFloat32: return Scalar(type, double{array.values<float>()[i]});
    case TypeId::kFloat64: return Scalar(type, array.values<double>()[i]);
    case TypeId::kDecimal128: return Scalar(type, array.values<__int128>()[i]);
    case TypeId::kInterval: return Scalar(type, array.values<MonthDayNano>()[i]);
    case TypeId::kUtf8:
    case TypeId::kBinary: return Scalar(type, std::string(array.GetView(i)));
    case TypeId::kList: {
      std::vector<Scalar> items;
      const int32_t* o = array.offsets();
      for (int32_t k = o[i]; k < o[i + 1]; ++k) {
        BB_ASSIGN_OR_RAISE(Scalar item, GetScalar(*array.child(0), k));
        items.push_back(std::move(item));
      }
      return Scalar(type, std::move(items));
    }
    case TypeId::kStruct: {
      std::vector<Scalar> fields;
      for (const auto& child : array.children()) {
        BB_ASSIGN_OR_RAISE(Scalar f, GetScalar(*child, i));
        fields.push_back(std::move(f));
      }
      return Scalar(type, std::move(fields));
    }
  }
  return Status::Internal("GetScalar: unhandled type {}", type->ToString());
}

namespace {

template <typename T, typename Stored>
Status AppendFixed(ArrayBuilder* builder, const Scalar& v) {
  return static_cast<FixedWidthBuilder<T>*>(builder)->Append(static_cast<T>(v.get<Stored>()));
}

}  // namespace

Status AppendScalar(ArrayBuilder* builder, const Scalar& v) {
  const DataTypePtr& type = builder->type();
  if (v.is_null()) return builder->AppendNull();
  if (!v.type()->Equals(*type)) {
    return Status::TypeError("cannot append a {} value to a {} column", v.type()->ToString(),
                             type->ToString());
  }
  switch (type->id()) {
    case TypeId::kNull: return builder->AppendNull();
    case TypeId::kBool: return static_cast<BoolBuilder*>(builder)->Append(v.get<bool>());
    case TypeId::kInt8: return AppendFixed<int8_t, int64_t>(builder, v);
    case TypeId::kInt16: return AppendFixed<int16_t, int64_t>(builder, v);
    case TypeId::kInt32:
    case TypeId::kDate32: return AppendFixed<int32_t, int64_t>(builder, v);
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return AppendFixed<int64_t, int64_t>(builder, v);
    case TypeId::kUInt8: return AppendFixed<uint8_t, uint64_t>(builder, v);
    case TypeId::kUInt16: return AppendFixed<uint16_t, uint64_t>(builder, v);
    case TypeId::kUInt32: return AppendFixed<uint32_t, uint64_t>(builder, v);
    case TypeId::kUInt64: return AppendFixed<uint64_t, uint64_t>(builder, v);
    case TypeId::kFloat32: return AppendFixed<float, double>(builder, v);
    case TypeId::kFloat64: return AppendFixed<double, double>(builder, v);
    case TypeId::kDecimal128: return AppendFixed<__int128, __int128>(builder, v);
    case TypeId::kInterval: return AppendFixed<MonthDayNano, MonthDayNano>(builder, v);
    case TypeId::kUtf8:
    case TypeId::kBinary:
      return static_cast<BinaryBuilder*>(builder)->Append(v.get<std::string>());
    case TypeId::kList: {
      auto* b = static_cast<ListBuilder*>(builder);
      BB_RETURN_NOT_OK(b->Append());
      for (const auto& item : v.get<std::vector<Scalar>>()) {
        BB_RETURN_NOT_OK(AppendScalar(b->value_builder(), item));
      }
      return Status::OK();
    }
    case TypeId::kStruct: {
      auto* b = static_cast<StructBuilder*>(builder);
      const auto& fields = v.get<std::vector<Scalar>>();
      if (static_cast<int>(fields.size()) != b->num_fields()) {
        return Status::TypeError("struct value has {} fields, the column {}", fields.size(),
                                 b->num_fields());
      }
      BB_RETURN_NOT_OK(b->Append());
      for (int f = 0; f < b->num_fields(); ++f) {
        BB_RETURN_NOT_OK(AppendScalar(b->field_builder(f), fields[f]));
      }
      return Status::OK();
    }
  }
  return Status::Internal("AppendScalar: unhandled type {}", type->ToString());
}

Result<ArrayPtr> MakeArrayFromScalars(const DataTypePtr& type, const std::vector<Scalar>& values) {
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(type));
  BB_RETURN_NOT_OK(builder->Reserve(static_cast<int64_t>(values.size())));
  for (const auto& v : values) BB_RETURN_NOT_OK(AppendScalar(builder.get(), v));
  return builder->Finish();
}

}  // namespace bundlebase
