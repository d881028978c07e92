// Record-level key resolution and batch assembly for the second pass.
#include "formats/json/record_writer.h"

#include <utility>

#include "base/strings.h"

namespace bundlebase::json {

Result<std::unique_ptr<RecordWriter>> RecordWriter::Make(SchemaPtr schema, bool flatten,
                                                         std::string sep) {
  std::unique_ptr<RecordWriter> writer(new RecordWriter(std::move(schema), flatten,
                                                        std::move(sep)));
  for (const Field& field : writer->schema_->fields()) {
    BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(field.type));
    writer->writers_.push_back(MakeValueWriter(field.type, builder.get()));
    writer->builders_.push_back(std::move(builder));
    writer->names_.Add(field.name, static_cast<size_t>(writer->names_.size()));
  }
  return writer;
}

int RecordWriter::ColumnOf(FlattenScope& scope, int key) {
  int& column = scope.column(key);
  if (column == FlattenScope::kUnresolved) {
    int found = names_.Find(scope.ColumnName(key), static_cast<size_t>(-1));
    column = found >= 0 ? found : FlattenScope::kNoColumn;
  }
  return column;
}

Status RecordWriter::AddRecord(od::object record, WalkContext& ctx) {
  const uint64_t stamp = ctx.NextStamp();
  BB_RETURN_NOT_OK(AddMembers(record, root_, stamp, 1, ctx));
  for (int c = 0; c < static_cast<int>(writers_.size()); ++c) {
    if (!seen_.Seen(c, stamp)) BB_RETURN_NOT_OK(writers_[c]->WriteNull());
  }
  ++num_rows_;
  return Status::OK();
}

Status RecordWriter::AddMembers(od::object object, FlattenScope& scope, uint64_t stamp,
                                size_t depth, WalkContext& ctx) {
  size_t position = 0;
  for (auto member : object) {
    od::field field;
    if (auto error = std::move(member).get(field)) return ctx.FailJson(error, nullptr);
    int k;
    std::string_view key;
    if (auto error = MatchKey(field, scope.keys(), position, &k, &key)) {
      return ctx.FailJson(error, nullptr);
    }
    if (k < 0) k = scope.Add(key, position);
    ++position;
    od::value value = field.value();
    od::json_type type = od::json_type::null;
    if (flatten_ || ColumnOf(scope, k) == FlattenScope::kNoColumn) {
      if (auto error = value.type().get(type)) return ctx.FailJson(error, TokenStart(value));
    }
    if (flatten_ && type == od::json_type::object) {
      if (depth + 1 > ctx.max_depth()) return ctx.FailDepth(TokenStart(value));
      od::object child;
      if (auto error = value.get_object().get(child)) return ctx.FailJson(error, TokenStart(value));
      BB_RETURN_NOT_OK(AddMembers(child, scope.Child(k, sep_), stamp, depth + 1, ctx));
      continue;
    }
    int column = ColumnOf(scope, k);
    if (column == FlattenScope::kNoColumn) {
      // Names the first pass dropped held only objects and nulls.
      if (type == od::json_type::null) continue;
      return ctx.Fail(TokenStart(value),
                      fmt::format("found the key '{}' the first pass did not see; the input "
                                  "changed while it was being read",
                                  EscapeForDisplay(scope.ColumnName(k), 100)));
    }
    if (!seen_.Mark(column, stamp)) continue;
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
