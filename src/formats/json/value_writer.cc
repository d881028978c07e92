// The writer classes of the second pass, one per column type.
#include "formats/json/value_writer.h"

#include <string>
#include <vector>
#include <utility>

#include "base/strings.h"
#include "formats/json/key_index.h"
#include "formats/json/syntax_check.h"

namespace bundlebase::json {

namespace {

Status Mismatch(od::value& value, od::json_type found, const DataTypePtr& type,
                WalkContext& ctx) {
  return ctx.Fail(TokenStart(value),
                  fmt::format("found a JSON {} in a column inferred as {}; the input changed "
                              "while it was being read",
                              JsonTypeName(found), type->ToString()));
}

// After a typed getter refused `value`: a null literal becomes a null row, anything else is a
// malformed number or a value of another type.
Status AppendNullOrFail(od::value& value, ArrayBuilder* builder, WalkContext& ctx) {
  const char* at = TokenStart(value);
  od::json_type type;
  if (auto error = value.type().get(type)) return ctx.FailJson(error, at);
  if (type == od::json_type::null) {
    bool is_null = false;
    if (value.is_null().get(is_null) || !is_null) return ctx.FailJson(simdjson::N_ATOM_ERROR, at);
    return builder->AppendNull();
  }
  if (type == od::json_type::number) return ctx.FailJson(simdjson::NUMBER_ERROR, at);
  if (type == od::json_type::boolean) return ctx.FailJson(simdjson::T_ATOM_ERROR, at);
  return Mismatch(value, type, builder->type(), ctx);
}

class BoolWriter final : public ValueWriter {
 public:
  explicit BoolWriter(ArrayBuilder* builder) : builder_(static_cast<BoolBuilder*>(builder)) {}
  Status Write(od::value value, WalkContext& ctx) override {
    bool b;
    auto error = value.get_bool().get(b);
    if (!error) return builder_->Append(b);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrFail(value, builder_, ctx);
    return ctx.FailJson(error, TokenStart(value));
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  BoolBuilder* builder_;
};

class Int64Writer final : public ValueWriter {
 public:
  explicit Int64Writer(ArrayBuilder* builder) : builder_(static_cast<Int64Builder*>(builder)) {}
  Status Write(od::value value, WalkContext& ctx) override {
    int64_t i;
    auto error = value.get_int64().get(i);
    if (!error) return builder_->Append(i);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrFail(value, builder_, ctx);
    return ctx.FailJson(error, TokenStart(value));
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  Int64Builder* builder_;
};

class Float64Writer final : public ValueWriter {
 public:
  explicit Float64Writer(ArrayBuilder* builder)
      : builder_(static_cast<Float64Builder*>(builder)) {}
  Status Write(od::value value, WalkContext& ctx) override {
    double d;
    auto error = value.get_double().get(d);
    if (!error) return builder_->Append(d);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrFail(value, builder_, ctx);
    return ctx.FailJson(error, TokenStart(value));
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  Float64Builder* builder_;
};

// utf8: strings unescaped, every other value as its (minified) JSON text.
class TextWriter final : public ValueWriter {
 public:
  explicit TextWriter(ArrayBuilder* builder) : builder_(static_cast<BinaryBuilder*>(builder)) {}

  Status Write(od::value value, WalkContext& ctx) override {
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
    od::json_type type;
    if (auto error = value.type().get(type)) return ctx.FailJson(error, at);
    switch (type) {
      case od::json_type::null: return AppendNullOrFail(value, builder_, ctx);
      case od::json_type::boolean: {
        bool b;
        if (auto error = value.get_bool().get(b)) return ctx.FailJson(error, at);
        return builder_->Append(b ? "true" : "false");
      }
      case od::json_type::number: {
        // Parsed only to reject malformed numbers; the text keeps the digits as written, which
        // matters for integers beyond int64.
        double d;
        if (auto error = value.get_double().get(d)) return ctx.FailJson(error, at);
        std::string_view token = value.raw_json_token();
        while (!token.empty() && IsJsonSpace(token.back())) token.remove_suffix(1);
        return builder_->Append(token);
      }
      case od::json_type::object: {
        od::object object;
        std::string_view raw;
        if (auto error = value.get_object().get(object)) return ctx.FailJson(error, at);
        if (auto error = object.raw_json().get(raw)) return ctx.FailJson(error, at);
        return AppendMinified(raw, ctx);
      }
      case od::json_type::array: {
        od::array array;
        std::string_view raw;
        if (auto error = value.get_array().get(array)) return ctx.FailJson(error, at);
        if (auto error = array.raw_json().get(raw)) return ctx.FailJson(error, at);
        return AppendMinified(raw, ctx);
      }
      case od::json_type::string: break;
    }
    return ctx.FailJson(simdjson::TAPE_ERROR, at);
  }

  // raw_json() skips over the nested value without checking it, so it is validated here; this
  // path only runs for columns whose values conflict, so its speed does not matter.
  Status AppendMinified(std::string_view raw, WalkContext& ctx) {
    if (auto error = FindSyntaxError(raw)) {
      return ctx.FailInvalid(raw.data() + error->offset, error->message);
    }
    scratch_.resize(raw.size() + simdjson::SIMDJSON_PADDING);
    size_t length = 0;
    if (auto error = simdjson::minify(raw.data(), raw.size(), scratch_.data(), length)) {
      return ctx.FailJson(error, raw.data());
    }
    return builder_->Append(std::string_view(scratch_.data(), length));
  }

  static bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  BinaryBuilder* builder_;
  std::string scratch_;
};

class ListWriter final : public ValueWriter {
 public:
  ListWriter(const DataTypePtr& type, ArrayBuilder* builder)
      : builder_(static_cast<ListBuilder*>(builder)),
        items_(MakeValueWriter(type->value_type(), builder_->value_builder())) {}

  Status Write(od::value value, WalkContext& ctx) override {
    od::array array;
    auto error = value.get_array().get(array);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrFail(value, builder_, ctx);
    if (error) return ctx.FailJson(error, TokenStart(value));
    BB_RETURN_NOT_OK(builder_->Append());
    for (auto element : array) {
      od::value item;
      if (auto e = std::move(element).get(item)) return ctx.FailJson(e, nullptr);
      BB_RETURN_NOT_OK(items_->Write(item, ctx));
    }
    return Status::OK();
  }
  Status WriteNull() override { return builder_->AppendNull(); }

 private:
  ListBuilder* builder_;
  std::unique_ptr<ValueWriter> items_;
};

class StructWriter final : public ValueWriter {
 public:
  StructWriter(const DataTypePtr& type, ArrayBuilder* builder)
      : builder_(static_cast<StructBuilder*>(builder)) {
    for (int i = 0; i < builder_->num_fields(); ++i) {
      names_.Add(type->fields()[i].name, static_cast<size_t>(i));
      fields_.push_back(MakeValueWriter(type->fields()[i].type, builder_->field_builder(i)));
    }
  }

  Status Write(od::value value, WalkContext& ctx) override {
    od::object object;
    auto error = value.get_object().get(object);
    if (error == simdjson::INCORRECT_TYPE) return AppendNullOrFail(value, builder_, ctx);
    if (error) return ctx.FailJson(error, TokenStart(value));
    BB_RETURN_NOT_OK(builder_->Append());
    const uint64_t stamp = ctx.NextStamp();
    size_t position = 0;
    for (auto member : object) {
      od::field field;
      if (auto e = std::move(member).get(field)) return ctx.FailJson(e, nullptr);
      int k;
      std::string_view key;
      if (auto e = MatchKey(field, names_, position++, &k, &key)) return ctx.FailJson(e, nullptr);
      od::value child = field.value();
      if (k < 0) {
        return ctx.Fail(TokenStart(child),
                        fmt::format("found the key '{}' the first pass did not see; the input "
                                    "changed while it was being read",
                                    EscapeForDisplay(key, 100)));
      }
      if (!seen_.Mark(k, stamp)) continue;
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

}  // namespace

std::unique_ptr<ValueWriter> MakeValueWriter(const DataTypePtr& type, ArrayBuilder* builder) {
  switch (type->id()) {
    case TypeId::kBool: return std::make_unique<BoolWriter>(builder);
    case TypeId::kInt64: return std::make_unique<Int64Writer>(builder);
    case TypeId::kFloat64: return std::make_unique<Float64Writer>(builder);
    case TypeId::kList: return std::make_unique<ListWriter>(type, builder);
    case TypeId::kStruct: return std::make_unique<StructWriter>(type, builder);
    default: return std::make_unique<TextWriter>(builder);
  }
}

}  // namespace bundlebase::json
