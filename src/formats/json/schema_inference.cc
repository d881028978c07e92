// The first-pass walk: every member of every record, recursively, into InferredTypes.
#include "formats/json/schema_inference.h"

#include <utility>

namespace bundlebase::json {

Status SchemaInference::AddRecord(od::object& record, WalkContext& ctx) {
  return AddMembers(record, shape_->root(), ctx.NextStamp(), 1, ctx);
}

int SchemaInference::ColumnOf(FlattenScope& scope, int key) {
  int& column = scope.column(key);
  if (column == FlattenScope::kUnresolved) column = shape_->ColumnNamed(scope.ColumnName(key));
  return column;
}

Status SchemaInference::AddMembers(od::object& object, FlattenScope& scope, uint64_t stamp,
                                   size_t depth, WalkContext& ctx) {
  size_t position = 0;
  for (auto member : object) {
    if (auto error = member.error()) return ctx.FailJson(error, nullptr);
    od::field& field = member.value_unsafe();
    int k;
    std::string_view key;
    if (auto error = MatchKey(field, scope.keys(), position, &k, &key)) {
      return ctx.FailJson(error, nullptr);
    }
    if (k < 0) k = scope.Add(key, position);
    ++position;
    od::value& value = field.value();
    const char* at = TokenStart(value);
    const int columns_before = shape_->num_columns();
    if (flatten_) {
      od::json_type type;
      if (auto error = value.type().get(type)) return ctx.FailJson(error, at);
      if (type == od::json_type::object) {
        if (depth + 1 > ctx.max_depth()) return ctx.FailDepth(at);
        if (!scope.object_noted(k)) {
          shape_->AddObjectName(scope.ColumnName(k));
          scope.object_noted(k) = 1;
        }
        od::object child;
        if (auto error = value.get_object().get(child)) return ctx.FailJson(error, at);
        BB_RETURN_NOT_OK(AddMembers(child, scope.Child(k, sep_), stamp, depth + 1, ctx));
        continue;
      }
    }
    int column = ColumnOf(scope, k);
    if (shape_->num_columns() != columns_before) {
      BB_RETURN_NOT_OK(ctx.CountNewFields(shape_->num_columns() - columns_before, at));
    }
    // A key repeated within one record (directly, or through flattening onto the same name)
    // keeps its first value; later ones are skipped, unread.
    if (!shape_->seen().Mark(column, stamp)) continue;
    BB_RETURN_NOT_OK(AddValue(value, shape_->column(column).type, depth + 1, ctx));
  }
  return Status::OK();
}

Status SchemaInference::AddObject(od::object& object, InferredType& type, size_t depth,
                                  WalkContext& ctx) {
  const uint64_t stamp = ctx.NextStamp();
  size_t position = 0;
  for (auto member : object) {
    if (auto error = member.error()) return ctx.FailJson(error, nullptr);
    od::field& field = member.value_unsafe();
    int k;
    std::string_view key;
    if (auto error = MatchKey(field, type.field_names(), position, &k, &key)) {
      return ctx.FailJson(error, nullptr);
    }
    od::value& value = field.value();
    if (k < 0) {
      k = type.AddField(key, position);
      BB_RETURN_NOT_OK(ctx.CountNewFields(1, TokenStart(value)));
    }
    ++position;
    if (!type.seen().Mark(k, stamp)) continue;
    BB_RETURN_NOT_OK(AddValue(value, type.field(k), depth + 1, ctx));
  }
  return Status::OK();
}

Status SchemaInference::AddValue(od::value& value, InferredType& type, size_t depth,
                                 WalkContext& ctx) {
  const char* at = TokenStart(value);
  od::json_type json_type;
  if (auto error = value.type().get(json_type)) return ctx.FailJson(error, at);
  switch (json_type) {
    case od::json_type::null: {
      bool is_null = false;
      if (value.is_null().get(is_null) || !is_null) {
        return ctx.FailJson(simdjson::N_ATOM_ERROR, at);
      }
      type.AddKind(InferredType::kNull);
      return Status::OK();
    }
    case od::json_type::boolean: {
      bool b;
      if (auto error = value.get_bool().get(b)) return ctx.FailJson(error, at);
      type.AddKind(InferredType::kBool);
      return Status::OK();
    }
    case od::json_type::number: return AddNumber(value, type, ctx);
    case od::json_type::string:
      // Not unescaped here: the second pass unescapes every string it stores (and checks the
      // JSON text it stores), which is where a bad escape is reported.
      type.AddKind(InferredType::kString);
      return Status::OK();
    case od::json_type::array: {
      if (depth > ctx.max_depth()) return ctx.FailDepth(at);
      od::array array;
      if (auto error = value.get_array().get(array)) return ctx.FailJson(error, at);
      type.AddKind(InferredType::kList);
      for (auto element : array) {
        if (auto error = element.error()) return ctx.FailJson(error, nullptr);
        od::value& item = element.value_unsafe();
        BB_RETURN_NOT_OK(AddValue(item, type.item(), depth + 1, ctx));
      }
      return Status::OK();
    }
    case od::json_type::object: {
      if (depth > ctx.max_depth()) return ctx.FailDepth(at);
      od::object object;
      if (auto error = value.get_object().get(object)) return ctx.FailJson(error, at);
      type.AddKind(InferredType::kObject);
      return AddObject(object, type, depth, ctx);
    }
  }
  return ctx.FailJson(simdjson::TAPE_ERROR, at);
}

Status SchemaInference::AddNumber(od::value& value, InferredType& type, WalkContext& ctx) {
  const char* at = TokenStart(value);
  od::number_type number_type;
  if (auto error = value.get_number_type().get(number_type)) return ctx.FailJson(error, at);
  switch (number_type) {
    case od::number_type::floating_point_number:
      type.AddKind(InferredType::kDouble);
      return Status::OK();
    case od::number_type::unsigned_integer:
      // simdjson's name for a non-negative integer of at least 2^63: beyond int64.
      type.AddKind(InferredType::kBigInt);
      return Status::OK();
    case od::number_type::signed_integer: {
      // Fewer than 19 characters cannot leave the int64 range; the second pass parses (and
      // checks) the number.
      if (value.raw_json_token().size() < 19) {
        type.AddKind(InferredType::kInt);
        return Status::OK();
      }
      int64_t i;
      if (!value.get_int64().get(i)) {
        type.AddKind(InferredType::kInt);
        return Status::OK();
      }
      // Either an integer below INT64_MIN (still a valid number) or not a number at all.
      double d;
      if (auto error = value.get_double().get(d)) return ctx.FailJson(error, at);
      type.AddKind(InferredType::kBigInt);
      return Status::OK();
    }
  }
  return ctx.FailJson(simdjson::NUMBER_ERROR, at);
}

}  // namespace bundlebase::json
