// Record-level key resolution and batch assembly for the second pass.
#include "formats/json/record_writer.h"

#include <algorithm>
#include <utility>

#include "base/strings.h"

namespace bundlebase::json {

Result<std::unique_ptr<RecordWriter>> RecordWriter::Make(const RecordShape& shape, bool flatten,
                                                         std::string sep) {
  std::unique_ptr<RecordWriter> writer(new RecordWriter(shape.ToSchema(), flatten,
                                                        std::move(sep)));
  std::vector<int> output = shape.OutputColumns();
  for (int c : output) {
    const RecordShape::Column& column = shape.column(c);
    BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(column.type.ToDataType()));
    writer->writers_.push_back(MakeValueWriter(column.type, builder.get()));
    writer->builders_.push_back(std::move(builder));
    writer->names_.Add(column.name, static_cast<size_t>(writer->names_.size()));
  }
  for (int c = 0; c < shape.num_columns(); ++c) {
    if (!std::binary_search(output.begin(), output.end(), c)) {
      writer->dropped_names_.Add(shape.column(c).name, static_cast<size_t>(-1));
    }
  }
  for (const std::string& name : shape.object_names().names()) {
    writer->object_names_.Add(name, static_cast<size_t>(-1));
  }
  return writer;
}

namespace {

Status ReserveLikeArray(ArrayBuilder* builder, const Array& sample, double scale) {
  if (!builder->type()->Equals(*sample.type())) return Status::OK();
  auto scaled = [scale](int64_t n) { return static_cast<int64_t>(static_cast<double>(n) * scale); };
  BB_RETURN_NOT_OK(builder->Reserve(scaled(sample.length())));
  switch (sample.type_id()) {
    case TypeId::kUtf8: {
      const int32_t* offsets = sample.offsets();
      return static_cast<BinaryBuilder*>(builder)->ReserveData(
          scaled(offsets[sample.length()] - offsets[0]));
    }
    case TypeId::kList:
      return ReserveLikeArray(static_cast<ListBuilder*>(builder)->value_builder(),
                              *sample.child(0), scale);
    case TypeId::kStruct: {
      auto* fields = static_cast<StructBuilder*>(builder);
      for (int i = 0; i < fields->num_fields(); ++i) {
        BB_RETURN_NOT_OK(ReserveLikeArray(fields->field_builder(i), *sample.child(i), scale));
      }
      return Status::OK();
    }
    default: return Status::OK();
  }
}

}  // namespace

Status RecordWriter::ReserveLike(const RecordBatch& sample, double scale) {
  for (size_t c = 0; c < builders_.size(); ++c) {
    ArrayPtr column = sample.GetColumnByName(schema_->field(static_cast<int>(c)).name);
    if (column) BB_RETURN_NOT_OK(ReserveLikeArray(builders_[c].get(), *column, scale));
  }
  return Status::OK();
}

int RecordWriter::ResolveColumn(FlattenScope& scope, int key) {
  const std::string name = scope.ColumnName(key);
  int found = names_.Find(name, static_cast<size_t>(-1));
  if (found < 0) {
    found = dropped_names_.Contains(name) ? FlattenScope::kNoColumn : FlattenScope::kUnknown;
  }
  scope.column(key) = found;
  return found;
}

Status RecordWriter::AddRecord(od::object& record, WalkContext& ctx) {
  const uint64_t stamp = ctx.NextStamp();
  BB_RETURN_NOT_OK(AddMembers(record, root_, stamp, 1, ctx));
  for (int c = 0; c < static_cast<int>(writers_.size()); ++c) {
    if (!seen_.Seen(c, stamp)) BB_RETURN_NOT_OK(writers_[c]->WriteNull());
  }
  ++num_rows_;
  return Status::OK();
}

Status RecordWriter::AddMembers(od::object& object, FlattenScope& scope, uint64_t stamp,
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
    int column = scope.column(k);
    if (column == FlattenScope::kUnresolved) column = ResolveColumn(scope, k);
    od::json_type type = od::json_type::null;
    if (flatten_ || column < 0) {
      if (auto error = value.type().get(type)) return ctx.FailJson(error, TokenStart(value));
    }
    if (flatten_ && type == od::json_type::object) {
      if (depth + 1 > ctx.max_depth()) return ctx.FailDepth(TokenStart(value));
      if (!scope.object_noted(k)) {
        // Objects under a name decide whether the name keeps a column of its own.
        if (!object_names_.Contains(scope.ColumnName(k))) {
          return ctx.Mismatch(TokenStart(value),
                              fmt::format("the key '{}' holds an object",
                                          EscapeForDisplay(scope.ColumnName(k), 100)));
        }
        scope.object_noted(k) = 1;
      }
      od::object child;
      if (auto error = value.get_object().get(child)) return ctx.FailJson(error, TokenStart(value));
      BB_RETURN_NOT_OK(AddMembers(child, scope.Child(k, sep_), stamp, depth + 1, ctx));
      continue;
    }
    if (column < 0) {
      // A name the shape dropped held only objects and nulls, so another null is fine; any
      // other value, or a name the shape never had, is new to it.
      if (column == FlattenScope::kNoColumn && type == od::json_type::null) {
        bool is_null = false;
        if (value.is_null().get(is_null) || !is_null) {
          return ctx.FailJson(simdjson::N_ATOM_ERROR, TokenStart(value));
        }
        continue;
      }
      return ctx.Mismatch(TokenStart(value),
                          fmt::format("the key '{}' is not a column",
                                      EscapeForDisplay(scope.ColumnName(k), 100)));
    }
    if (!seen_.Mark(column, stamp)) {
      BB_RETURN_NOT_OK(CheckSkippedValue(value, ctx));
      continue;
    }
    BB_RETURN_NOT_OK(writers_[column]->Write(value, ctx));
  }
  return Status::OK();
}

Result<RecordBatchPtr> RecordWriter::Finish() {
  std::vector<ArrayPtr> columns;
  columns.reserve(builders_.size());
  for (auto& builder : builders_) {
    BB_ASSIGN_OR_RAISE(auto column, builder->Finish());
    columns.push_back(std::move(column));
  }
  auto batch = std::make_shared<RecordBatch>(schema_, num_rows_, std::move(columns));
  num_rows_ = 0;
  return RecordBatchPtr(std::move(batch));
}

}  // namespace bundlebase::json
