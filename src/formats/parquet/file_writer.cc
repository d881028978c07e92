// ParquetFileWriter: option checks, batch buffering into row groups, parallel column encoding,
// chunk placement and the footer.
#include "formats/parquet/file_writer.h"

#include <cstdint>

#include "base/thread_pool.h"
#include "formats/parquet/field_writer.h"

namespace bundlebase::parquet {
namespace {

constexpr char kMagic[] = "PAR1";

Status CheckOptions(const ParquetWriteOptions& o) {
  if (!IsSupportedCodec(o.codec) || o.codec == CompressionCodec::kLzo) {
    return Status::NotImplemented("Parquet codec {} is not supported for writing",
                                  CodecName(o.codec));
  }
  if (o.row_group_rows < 1) {
    return Status::Invalid("Parquet row_group_rows must be at least 1, not {}", o.row_group_rows);
  }
  if (o.parallel_row_groups < 1) {
    return Status::Invalid("Parquet parallel_row_groups must be at least 1, not {}",
                           o.parallel_row_groups);
  }
  if (o.data_page_bytes < 1) {
    return Status::Invalid("Parquet data_page_bytes must be at least 1, not {}",
                           o.data_page_bytes);
  }
  if (o.dictionary_page_size_limit < 0) {
    return Status::Invalid("Parquet dictionary_page_size_limit must not be negative");
  }
  if (o.data_page_version != 1 && o.data_page_version != 2) {
    return Status::Invalid("Parquet data page version must be 1 or 2, not {}",
                           o.data_page_version);
  }
  // Catch a bad level now rather than at the first page.
  std::string probe;
  return Compress(o.codec, {}, o.compression_level, &probe);
}

void CollectLeaves(const SchemaNode& node, std::vector<int>* out) {
  if (node.kind == SchemaNode::Kind::kLeaf) {
    out->push_back(node.leaf);
    return;
  }
  for (const auto& child : node.children) CollectLeaves(child, out);
}

}  // namespace

Result<std::unique_ptr<ParquetFileWriter>> ParquetFileWriter::Open(
    std::unique_ptr<io::OutputStream> stream, SchemaPtr schema, ParquetWriteOptions options) {
  std::unique_ptr<ParquetFileWriter> w(new ParquetFileWriter());
  w->stream_ = std::move(stream);
  auto fail = [&](const Status& st) { return st.WithContext(w->stream_->path()); };
  Status st = CheckOptions(options);
  if (!st.ok()) return fail(st);
  auto elements = ToParquetSchema(*schema);
  if (!elements.ok()) return fail(elements.status());
  w->elements_ = std::move(elements).ValueOrDie();
  auto parquet_schema = ParquetSchema::FromElements(w->elements_);
  if (!parquet_schema.ok()) return fail(parquet_schema.status());
  w->parquet_schema_ = std::move(parquet_schema).ValueOrDie();
  for (const SchemaNode& node : w->parquet_schema_.fields()) {
    w->field_leaves_.emplace_back();
    CollectLeaves(node, &w->field_leaves_.back());
  }
  w->schema_ = std::move(schema);
  w->options_ = std::move(options);
  w->column_options_.codec = w->options_.codec;
  w->column_options_.compression_level = w->options_.compression_level;
  w->column_options_.dictionary = w->options_.dictionary;
  w->column_options_.dictionary_page_size_limit = w->options_.dictionary_page_size_limit;
  w->column_options_.data_page_bytes = w->options_.data_page_bytes;
  w->column_options_.data_page_version = w->options_.data_page_version;
  w->pending_.emplace_back();
  w->pending_.back().fields.resize(static_cast<size_t>(w->schema_->num_fields()));
  st = w->stream_->Write(kMagic, 4);
  if (!st.ok()) return w->Fail(st);
  w->position_ = 4;
  return w;
}

ParquetFileWriter::~ParquetFileWriter() {
  if (!closed_ && stream_) stream_->Abort();
}

Status ParquetFileWriter::Fail(Status status) {
  if (status_.ok()) status_ = status.WithContext(stream_->path());
  return status_;
}

Status ParquetFileWriter::WriteBatch(const RecordBatch& batch) {
  if (closed_) return Status::Invalid("{}: the Parquet writer is closed", stream_->path());
  if (!status_.ok()) return status_;
  if (!batch.schema()->Equals(*schema_)) {
    return Status::TypeError("{}: a batch with schema\n{}\ndoes not match the file's schema\n{}",
                             stream_->path(), batch.schema()->ToString(), schema_->ToString());
  }
  Status st = Append(batch);
  return st.ok() ? st : Fail(st);
}

Status ParquetFileWriter::Append(const RecordBatch& batch) {
  int64_t offset = 0;
  while (offset < batch.num_rows()) {
    PendingRowGroup& group = pending_.back();
    const int64_t n = std::min(batch.num_rows() - offset, options_.row_group_rows - group.rows);
    for (int c = 0; c < batch.num_columns(); ++c) {
      const ArrayPtr& column = batch.column(c);
      group.fields[c].push_back(offset == 0 && n == batch.num_rows() ? column
                                                                    : column->Slice(offset, n));
    }
    group.rows += n;
    offset += n;
    if (group.rows == options_.row_group_rows) {
      if (static_cast<int64_t>(pending_.size()) == options_.parallel_row_groups) {
        BB_RETURN_NOT_OK(WriteRowGroups());
      }
      pending_.emplace_back();
      pending_.back().fields.resize(static_cast<size_t>(schema_->num_fields()));
    }
  }
  return Status::OK();
}

Status ParquetFileWriter::WriteRowGroups() {
  if (pending_.back().rows == 0) pending_.pop_back();
  const auto& fields = parquet_schema_.fields();
  const size_t num_fields = fields.size();
  // One task per (row group, field): every column of every gathered row group at once.
  std::vector<std::vector<EncodedColumnChunk>> encoded(pending_.size() * num_fields);
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(encoded.size(), [&](size_t task) -> Status {
    const size_t g = task / num_fields;
    const size_t f = task % num_fields;
    BB_ASSIGN_OR_RAISE(encoded[task], EncodeFieldChunks(fields[f], field_leaves_[f],
                                                        parquet_schema_.leaves(),
                                                        pending_[g].fields[f], column_options_));
    return Status::OK();
  }));
  for (size_t g = 0; g < pending_.size(); ++g) {
    RowGroup rg;
    rg.num_rows = pending_[g].rows;
    rg.file_offset = position_;
    // The ordinal is an i16 in the format: files with more row groups go without.
    if (row_groups_.size() <= static_cast<size_t>(INT16_MAX)) {
      rg.ordinal = static_cast<int16_t>(row_groups_.size());
    }
    int64_t compressed = 0;
    for (size_t f = 0; f < num_fields; ++f) {
      for (EncodedColumnChunk& chunk : encoded[g * num_fields + f]) {
        for (const std::string& part : chunk.parts) BB_RETURN_NOT_OK(stream_->Write(part));
        ColumnChunk cc;
        cc.file_offset = position_;
        ColumnMetaData& m = chunk.meta;
        m.data_page_offset += position_;
        if (m.dictionary_page_offset) *m.dictionary_page_offset += position_;
        rg.total_byte_size += m.total_uncompressed_size;
        compressed += m.total_compressed_size;
        position_ += chunk.size;
        cc.meta_data = std::move(m);
        rg.columns.push_back(std::move(cc));
      }
    }
    rg.total_compressed_size = compressed;
    num_rows_ += rg.num_rows;
    row_groups_.push_back(std::move(rg));
  }
  pending_.clear();
  return Status::OK();
}

Status ParquetFileWriter::WriteFooter() {
  FileMetaData md;
  md.version = 2;
  md.schema = elements_;
  md.num_rows = num_rows_;
  md.row_groups = std::move(row_groups_);
  for (const auto& [key, value] : schema_->metadata()) md.key_value_metadata.push_back({key, value});
  for (const KeyValue& kv : options_.key_value_metadata) {
    bool replaced = false;
    for (KeyValue& existing : md.key_value_metadata) {
      if (existing.key == kv.key) {
        existing.value = kv.value;
        replaced = true;
      }
    }
    if (!replaced) md.key_value_metadata.push_back(kv);
  }
  md.created_by = options_.created_by;
  md.column_orders.assign(parquet_schema_.leaves().size(), ColumnOrder::kTypeDefinedOrder);
  BB_RETURN_NOT_OK(ValidateFileMetaData(md));
  std::string footer = EncodeFileMetaData(md);
  const uint32_t length = static_cast<uint32_t>(footer.size());
  footer.append(reinterpret_cast<const char*>(&length), 4);
  footer.append(kMagic, 4);
  return stream_->Write(footer);
}

Status ParquetFileWriter::Close() {
  if (closed_) return Status::Invalid("{}: the Parquet writer is already closed", stream_->path());
  closed_ = true;
  if (status_.ok()) {
    Status st = WriteRowGroups();
    if (st.ok()) st = WriteFooter();
    if (st.ok()) st = stream_->Close();
    if (st.ok()) return st;
    status_ = st.WithContext(stream_->path());
  }
  stream_->Abort();
  return status_;
}

Status WriteParquetFile(const std::shared_ptr<io::FileSystem>& fs, const std::string& path,
                        const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                        const ParquetWriteOptions& options) {
  BB_ASSIGN_OR_RAISE(auto stream, fs->OpenWrite(path, io::WriteMode::kAtomicReplace));
  BB_ASSIGN_OR_RAISE(auto writer, ParquetFileWriter::Open(std::move(stream), schema, options));
  for (const RecordBatchPtr& batch : batches) BB_RETURN_NOT_OK(writer->WriteBatch(*batch));
  return writer->Close();
}

}  // namespace bundlebase::parquet
