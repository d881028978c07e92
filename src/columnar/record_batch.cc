// RecordBatch validation, slicing and concatenation; the in-memory batch reader.
#include "columnar/record_batch.h"

namespace bundlebase {

Result<RecordBatchPtr> RecordBatch::Make(SchemaPtr schema, std::vector<ArrayPtr> columns) {
  if (static_cast<int>(columns.size()) != schema->num_fields()) {
    return Status::Invalid("record batch has {} columns but its schema {} fields", columns.size(),
                           schema->num_fields());
  }
  int64_t rows = columns.empty() ? 0 : columns[0]->length();
  for (size_t i = 0; i < columns.size(); ++i) {
    const Field& f = schema->field(static_cast<int>(i));
    if (!columns[i]->type()->Equals(*f.type)) {
      return Status::TypeError("column \"{}\" is {} but the schema says {}", f.name,
                               columns[i]->type()->ToString(), f.type->ToString());
    }
    if (columns[i]->length() != rows) {
      return Status::Invalid("column \"{}\" has {} rows, column \"{}\" has {}", f.name,
                             columns[i]->length(), schema->field(0).name, rows);
    }
  }
  return std::make_shared<RecordBatch>(std::move(schema), rows, std::move(columns));
}

ArrayPtr RecordBatch::GetColumnByName(std::string_view name) const {
  int i = schema_->FieldIndex(name);
  return i < 0 ? nullptr : columns_[i];
}

RecordBatchPtr RecordBatch::Slice(int64_t offset, int64_t length) const {
  std::vector<ArrayPtr> cols;
  cols.reserve(columns_.size());
  for (const auto& c : columns_) cols.push_back(c->Slice(offset, length));
  return std::make_shared<RecordBatch>(schema_, length, std::move(cols));
}

RecordBatchPtr RecordBatch::SelectColumns(const std::vector<int>& indices) const {
  std::vector<Field> fields;
  std::vector<ArrayPtr> cols;
  for (int i : indices) {
    fields.push_back(schema_->field(i));
    cols.push_back(columns_[i]);
  }
  return std::make_shared<RecordBatch>(MakeSchema(std::move(fields)), num_rows_, std::move(cols));
}

bool RecordBatch::Equals(const RecordBatch& other) const {
  if (!schema_->Equals(*other.schema_) || num_rows_ != other.num_rows_) return false;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!ArrayEquals(*columns_[i], *other.columns_[i])) return false;
  }
  return true;
}

Result<RecordBatchPtr> ConcatenateBatches(const SchemaPtr& schema,
                                          const std::vector<RecordBatchPtr>& batches) {
  if (batches.size() == 1) return batches[0];
  std::vector<ArrayPtr> cols;
  int64_t rows = 0;
  for (const auto& b : batches) rows += b->num_rows();
  for (int c = 0; c < schema->num_fields(); ++c) {
    std::vector<ArrayPtr> parts;
    for (const auto& b : batches) parts.push_back(b->column(c));
    if (parts.empty()) {
      BB_ASSIGN_OR_RAISE(ArrayPtr empty, MakeNullArray(schema->field(c).type, 0));
      cols.push_back(std::move(empty));
      continue;
    }
    BB_ASSIGN_OR_RAISE(ArrayPtr col, Concatenate(parts));
    cols.push_back(std::move(col));
  }
  return std::make_shared<RecordBatch>(schema, rows, std::move(cols));
}

Result<std::vector<RecordBatchPtr>> RecordBatchReader::ReadAll() {
  std::vector<RecordBatchPtr> out;
  for (;;) {
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch, Next());
    if (!batch) return out;
    out.push_back(std::move(batch));
  }
}

namespace {

class VectorReader final : public RecordBatchReader {
 public:
  VectorReader(SchemaPtr schema, std::vector<RecordBatchPtr> batches)
      : schema_(std::move(schema)), batches_(std::move(batches)) {}
  SchemaPtr schema() const override { return schema_; }
  Result<RecordBatchPtr> Next() override {
    if (next_ >= batches_.size()) return RecordBatchPtr();
    return batches_[next_++];
  }

 private:
  SchemaPtr schema_;
  std::vector<RecordBatchPtr> batches_;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<RecordBatchReader> MakeVectorReader(SchemaPtr schema,
                                                    std::vector<RecordBatchPtr> batches) {
  return std::make_unique<VectorReader>(std::move(schema), std::move(batches));
}

}  // namespace bundlebase
