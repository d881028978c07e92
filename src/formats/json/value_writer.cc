// The writer classes of the second pass, one per column type.
#include "formats/json/value_writer.h"

#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "formats/json/key_index.h"
#include "formats/json/syntax_check.h"

namespace bundlebase::json {

namespace {

using Kind = InferredType::Kind;

std::string_view KindName(Kind kind) {
  switch (kind) {
    case InferredType::kNull: return "null";
    case InferredType::kBool: return "boolean";
    case InferredType::kInt: return "integer";
    case InferredType::kBigInt: return "integer beyond int64";
    case InferredType::kDouble: return "number with a fraction";
    case InferredType::kString: return "string";
    case InferredType::kList: return "array";
    case InferredType::kObject: return "object";
  }
  return "value";
}

// The kind of `value`, for the values a typed getter refused. Malformed values fail.
Status Classify(od::value& value, WalkContext& ctx, Kind* kind) {
  const char* at = TokenStart(value);
  od::json_type type;
  if (auto error = value.type().get(type)) return ctx.FailJson(error, at);
  switch (type) {
    case od::json_type::null: {
      bool is_null = false;
      if (value.is_null().get(is_null) || !is_null) {
        return ctx.FailJson(simdjson::N_ATOM_ERROR, at);
      }
      *kind = InferredType::kNull;
      return Status::OK();
    }
    case od::json_type::boolean: {
      bool b;
      if (auto error = value.get_bool().get(b)) return ctx.FailJson(error, at);
      *kind = InferredType::kBool;
      return Status::OK();
    }
    case od::json_type::number: {
      od::number_type number_type;
      if (auto error = value.get_number_type().get(number_type)) return ctx.FailJson(error, at);
      int64_t i;
      if (number_type == od::number_type::signed_integer && !value.get_int64().get(i)) {
        *kind = InferredType::kInt;
        return Status::OK();
      }
      double d;
      if (auto error = value.get_double().get(d)) return ctx.FailJson(error, at);
      *kind = number_type == od::number_type::floating_point_number ? InferredType::kDouble
                                                                     : InferredType::kBigInt;
      return Status::OK();
    }
    case od::json_type::string: *kind = InferredType::kString; return Status::OK();
    case od::json_type::array: *kind = InferredType::kList; return Status::OK();
    case od::json_type::object: *kind = InferredType::kObject; return Status::OK();
  }
  return ctx.FailJson(simdjson::TAPE_ERROR, at);
}

Status Mismatch(const char* at, Kind kind, const ArrayBuilder& builder, WalkContext& ctx) {
  return ctx.Mismatch(at, fmt::format("a JSON {} does not fit the column type {}",
                                      KindName(kind), builder.type()->ToString()));
}

// After a typed getter refused `value`: a null becomes a null row; anything else does not fit.
Status AppendNullOrMismatch(od::value& value, ArrayBuilder* builder, WalkContext& ctx) {
  Kind kind;
  BB_RETURN_NOT_OK(Classify(value, ctx, &kind));
  if (kind == InferredType::kNull) return builder->AppendNull();
  return Mismatch(TokenStart(value), kind, *builder, ctx);
}

class BoolWriter final : public ValueWriter {
 public:
  explicit BoolWriter(ArrayBuilder* builder) : builder_(static_cast<BoolBuilder*>(builder)) {}
  Status Write(od::value& value, WalkContext& ctx) override {
    bool b;
    if (!value.get_bool().get(b)) return builder_->Append(b);
    return AppendNullOrMismatch(value, builder_, ctx);
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  BoolBuilder* builder_;
};

class Int64Writer final : public ValueWriter {
 public:
  explicit Int64Writer(ArrayBuilder* builder) : builder_(static_cast<Int64Builder*>(builder)) {}
  Status Write(od::value& value, WalkContext& ctx) override {
    int64_t i;
    if (!value.get_int64().get(i)) return builder_->Append(i);
    return AppendNullOrMismatch(value, builder_, ctx);
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  Int64Builder* builder_;
};

// Every number fits a float64 column (it has seen a fraction, so it is approximate anyway).
class Float64Writer final : public ValueWriter {
 public:
  explicit Float64Writer(ArrayBuilder* builder)
      : builder_(static_cast<Float64Builder*>(builder)) {}
  Status Write(od::value& value, WalkContext& ctx) override {
    double d;
    if (!value.get_double().get(d)) return builder_->Append(d);
    return AppendNullOrMismatch(value, builder_, ctx);
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  Float64Builder* builder_;
};

// utf8: strings unescaped, every other value as its (minified) JSON text.
class TextWriter final : public ValueWriter {
 public:
  TextWriter(const InferredType& type, ArrayBuilder* builder)
      : type_(type), builder_(static_cast<BinaryBuilder*>(builder)) {}

  Status Write(od::value& value, WalkContext& ctx) override {
    // A string keeps any utf8 column utf8.
    std::string_view s;
    auto error = value.get_string().get(s);
    if (!error) return builder_->Append(s);
    if (error != simdjson::INCORRECT_TYPE) return ctx.FailJson(error, TokenStart(value));
    return WriteNonString(value, ctx);
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  Status WriteNonString(od::value& value, WalkContext& ctx) {
    const char* at = TokenStart(value);
    Kind kind;
    BB_RETURN_NOT_OK(Classify(value, ctx, &kind));
    switch (kind) {
      case InferredType::kNull: return builder_->AppendNull();
      case InferredType::kBool:
      case InferredType::kInt:
      case InferredType::kBigInt:
      case InferredType::kDouble: {
        if (!type_.Keeps(kind)) return Mismatch(at, kind, *builder_, ctx);
        // The digits as written: they matter for integers beyond int64.
        std::string_view token = value.raw_json_token();
        while (!token.empty() && IsJsonSpace(token.back())) token.remove_suffix(1);
        return builder_->Append(token);
      }
      case InferredType::kList: {
        if (!type_.Keeps(kind)) return Mismatch(at, kind, *builder_, ctx);
        od::array array;
        std::string_view raw;
        if (auto error = value.get_array().get(array)) return ctx.FailJson(error, at);
        if (auto error = array.raw_json().get(raw)) return ctx.FailJson(error, at);
        BB_RETURN_NOT_OK(Minify(raw, ctx));
        return builder_->Append(scratch_);
      }
      case InferredType::kObject: {
        od::object object;
        std::string_view raw;
        if (auto error = value.get_object().get(object)) return ctx.FailJson(error, at);
        if (auto error = object.raw_json().get(raw)) return ctx.FailJson(error, at);
        BB_RETURN_NOT_OK(Minify(raw, ctx));
        if (!type_.Keeps(kind, scratch_ != "{}")) return Mismatch(at, kind, *builder_, ctx);
        return builder_->Append(scratch_);
      }
      case InferredType::kString: break;
    }
    return ctx.FailJson(simdjson::TAPE_ERROR, at);
  }

  // raw_json() skips the nested value without checking it, so it is checked here; this path
  // only runs for columns whose values conflict, so its speed does not matter.
  Status Minify(std::string_view raw, WalkContext& ctx) {
    if (auto error = FindSyntaxError(raw)) {
      return ctx.FailInvalid(raw.data() + error->offset, error->message);
    }
    scratch_.resize(raw.size() + simdjson::SIMDJSON_PADDING);
    size_t length = 0;
    if (auto error = simdjson::minify(raw.data(), raw.size(), scratch_.data(), length)) {
      return ctx.FailJson(error, raw.data());
    }
    scratch_.resize(length);
    return Status::OK();
  }

  static bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  const InferredType& type_;
  BinaryBuilder* builder_;
  std::string scratch_;
};

class ListWriter final : public ValueWriter {
 public:
  ListWriter(const InferredType& type, ArrayBuilder* builder);

  Status Write(od::value& value, WalkContext& ctx) override {
    od::array array;
    auto error = value.get_array().get(array);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrMismatch(value, builder_, ctx);
    if (error) return ctx.FailJson(error, TokenStart(value));
    BB_RETURN_NOT_OK(builder_->Append());
    for (auto element : array) {
      if (auto e = element.error()) return ctx.FailJson(e, nullptr);
      od::value& item = element.value_unsafe();
      BB_RETURN_NOT_OK(items_->Write(item, ctx));
    }
    return Status::OK();
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  ListBuilder* builder_;
  InferredType no_items_;  // the item type of lists that were always empty
  std::unique_ptr<ValueWriter> items_;
};

class StructWriter final : public ValueWriter {
 public:
  StructWriter(const InferredType& type, ArrayBuilder* builder)
      : builder_(static_cast<StructBuilder*>(builder)) {
    for (int i = 0; i < type.num_fields(); ++i) {
      names_.Add(type.field_names().name(i), static_cast<size_t>(i));
      fields_.push_back(MakeValueWriter(type.field(i), builder_->field_builder(i)));
    }
  }

  Status Write(od::value& value, WalkContext& ctx) override {
    od::object object;
    auto error = value.get_object().get(object);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrMismatch(value, builder_, ctx);
    if (error) return ctx.FailJson(error, TokenStart(value));
    BB_RETURN_NOT_OK(builder_->Append());
    const uint64_t stamp = ctx.NextStamp();
    size_t position = 0;
    for (auto member : object) {
      if (auto e = member.error()) return ctx.FailJson(e, nullptr);
      od::field& field = member.value_unsafe();
      int k;
      std::string_view key;
      if (auto e = MatchKey(field, names_, position++, &k, &key)) return ctx.FailJson(e, nullptr);
      od::value& child = field.value();
      if (k < 0) {
        return ctx.Mismatch(TokenStart(child),
                            fmt::format("the key '{}' is not a field of {}",
                                        EscapeForDisplay(key, 100), builder_->type()->ToString()));
      }
      if (!seen_.Mark(k, stamp)) {
        BB_RETURN_NOT_OK(CheckSkippedValue(child, ctx));
        continue;
      }
      BB_RETURN_NOT_OK(fields_[k]->Write(child, ctx));
    }
    for (int k = 0; k < static_cast<int>(fields_.size()); ++k) {
      if (!seen_.Seen(k, stamp)) BB_RETURN_NOT_OK(fields_[k]->WriteNull());
    }
    return Status::OK();
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  StructBuilder* builder_;
  KeyIndex names_;
  SeenFields seen_;
  std::vector<std::unique_ptr<ValueWriter>> fields_;
};

ListWriter::ListWriter(const InferredType& type, ArrayBuilder* builder)
    : builder_(static_cast<ListBuilder*>(builder)),
      items_(MakeValueWriter(type.item_or_null() ? *type.item_or_null() : no_items_,
                             builder_->value_builder())) {}

}  // namespace

Status CheckSkippedValue(od::value& value, WalkContext& ctx) {
  const char* at = TokenStart(value);
  Kind kind;
  BB_RETURN_NOT_OK(Classify(value, ctx, &kind));
  std::string_view raw;
  switch (kind) {
    case InferredType::kString: {
      std::string_view s;
      if (auto error = value.get_string().get(s)) return ctx.FailJson(error, at);
      return Status::OK();
    }
    case InferredType::kList: {
      od::array array;
      if (auto error = value.get_array().get(array)) return ctx.FailJson(error, at);
      if (auto error = array.raw_json().get(raw)) return ctx.FailJson(error, at);
      break;
    }
    case InferredType::kObject: {
      od::object object;
      if (auto error = value.get_object().get(object)) return ctx.FailJson(error, at);
      if (auto error = object.raw_json().get(raw)) return ctx.FailJson(error, at);
      break;
    }
    default: return Status::OK();  // Classify parsed it
  }
  if (auto error = FindSyntaxError(raw)) {
    return ctx.FailInvalid(raw.data() + error->offset, error->message);
  }
  return Status::OK();
}

std::unique_ptr<ValueWriter> MakeValueWriter(const InferredType& type, ArrayBuilder* builder) {
  switch (type.layout()) {
    case ValueLayout::kBool: return std::make_unique<BoolWriter>(builder);
    case ValueLayout::kInt64: return std::make_unique<Int64Writer>(builder);
    case ValueLayout::kFloat64: return std::make_unique<Float64Writer>(builder);
    case ValueLayout::kList: return std::make_unique<ListWriter>(type, builder);
    case ValueLayout::kStruct: return std::make_unique<StructWriter>(type, builder);
    case ValueLayout::kString:
    case ValueLayout::kText: return std::make_unique<TextWriter>(type, builder);
  }
  return std::make_unique<TextWriter>(type, builder);
}

}  // namespace bundlebase::json
