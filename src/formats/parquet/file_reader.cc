// ParquetFileReader: footer location and validation, chunk range checks, row group reads and
// the batch reader over row groups.
#include "formats/parquet/file_reader.h"

#include <algorithm>
#include <cstring>

#include "base/thread_pool.h"
#include "formats/parquet/column_chunk_reader.h"
#include "formats/parquet/record_assembly.h"
#include "formats/parquet/statistics.h"

namespace bundlebase::parquet {
namespace {

constexpr uint64_t kFooterGuess = 64 * 1024;
constexpr char kMagic[] = "PAR1";
constexpr char kEncryptedMagic[] = "PARE";

}  // namespace

Result<std::unique_ptr<ParquetFileReader>> ParquetFileReader::Open(
    std::shared_ptr<io::RandomAccessFile> file, ParquetReadOptions options) {
  std::unique_ptr<ParquetFileReader> r(new ParquetFileReader());
  r->name_ = options.display_name.empty() ? file->path() : options.display_name;
  const std::string& name = r->name_;
  const uint64_t size = file->size();
  if (size < 12) {
    return Status::Invalid("{}: not a Parquet file: {} bytes is too small (a Parquet file has at "
                           "least 12: magic, footer length, magic)",
                           name, size);
  }
  const uint64_t tail_len = std::min(size, kFooterGuess);
  BB_ASSIGN_OR_RAISE(auto tail, file->ReadAt(size - tail_len, tail_len));
  const uint8_t* end = tail->data() + tail_len;
  if (std::memcmp(end - 4, kEncryptedMagic, 4) == 0) {
    return Status::NotImplemented("{}: encrypted Parquet files are not supported", name);
  }
  if (std::memcmp(end - 4, kMagic, 4) != 0) {
    return Status::Invalid("{}: not a Parquet file: it does not end with the 'PAR1' magic bytes",
                           name);
  }
  uint32_t footer_len;
  std::memcpy(&footer_len, end - 8, 4);
  if (footer_len == 0 || footer_len > size - 12) {
    return Status::Invalid("{}: corrupt Parquet file: footer length {} does not fit in a file of "
                           "{} bytes",
                           name, footer_len, size);
  }
  BB_ASSIGN_OR_RAISE(auto head, file->ReadAt(0, 4));
  if (std::memcmp(head->data(), kMagic, 4) != 0) {
    return Status::Invalid("{}: not a Parquet file: it does not start with 'PAR1'", name);
  }
  std::shared_ptr<Buffer> footer;
  if (footer_len + 8 <= tail_len) {
    footer = Buffer::Slice(tail, tail_len - 8 - footer_len, footer_len);
  } else {
    BB_ASSIGN_OR_RAISE(footer, file->ReadAt(size - 8 - footer_len, footer_len));
  }
  auto meta = DecodeFileMetaData(footer->data(), footer->size(), options.limits.metadata);
  if (!meta.ok()) return meta.status().WithContextF("{}: corrupt Parquet footer", name);
  r->metadata_ = std::move(meta).ValueOrDie();
  if (r->metadata_.encrypted) {
    return Status::NotImplemented("{}: encrypted Parquet files are not supported", name);
  }
  auto schema = ParquetSchema::FromElements(r->metadata_.schema);
  if (!schema.ok()) return schema.status().WithContext(name);
  r->schema_ = std::move(schema).ValueOrDie();
  r->data_end_ = size - 8 - footer_len;
  r->file_ = std::move(file);
  r->options_ = std::move(options);
  BB_RETURN_NOT_OK(r->ValidateChunkRanges());
  return r;
}

namespace {

// First byte of a chunk: the dictionary page when there is one before the data pages.
int64_t ChunkStart(const ColumnMetaData& m) {
  if (m.dictionary_page_offset && *m.dictionary_page_offset >= 4 &&
      (*m.dictionary_page_offset < m.data_page_offset || m.data_page_offset < 4)) {
    return *m.dictionary_page_offset;
  }
  return m.data_page_offset;
}

}  // namespace

Status ParquetFileReader::ValidateChunkRanges() const {
  int64_t total_rows = 0;
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    const RowGroup& rg = metadata_.row_groups[g];
    total_rows += rg.num_rows;
    for (size_t c = 0; c < rg.columns.size(); ++c) {
      const ColumnChunk& chunk = rg.columns[c];
      const std::string& col = schema_.leaves()[c].dotted_path;
      if (chunk.file_path) {
        return Status::NotImplemented(
            "{}: row group {}, column '{}' lives in another file ('{}'); such files are not "
            "supported",
            name_, g, col, *chunk.file_path);
      }
      if (chunk.encrypted) {
        return Status::NotImplemented("{}: column '{}' is encrypted", name_, col);
      }
      if (!chunk.meta_data) {
        return Status::Invalid("{}: row group {}, column '{}' has no metadata", name_, g, col);
      }
      const ColumnMetaData& m = *chunk.meta_data;
      // Chunks without values are never read (some writers leave their offsets at 0).
      if (m.num_values == 0) continue;
      if (m.type != schema_.leaves()[c].physical_type) {
        return Status::Invalid("{}: row group {}, column '{}' is stored as {} but the schema says {}",
                               name_, g, col, TypeName(m.type),
                               TypeName(schema_.leaves()[c].physical_type));
      }
      int64_t start = ChunkStart(m);
      if (start < 4 || m.total_compressed_size <= 0 ||
          static_cast<uint64_t>(start) + static_cast<uint64_t>(m.total_compressed_size) >
              data_end_) {
        return Status::Invalid(
            "{}: corrupt Parquet file: row group {}, column '{}' claims bytes {}..{} but the data "
            "ends at {}",
            name_, g, col, start, start + m.total_compressed_size, data_end_);
      }
      if (m.num_values < 0 || m.num_values > options_.limits.max_values_per_chunk) {
        return Status::Invalid("{}: row group {}, column '{}' claims {} values (limit {})", name_,
                               g, col, m.num_values, options_.limits.max_values_per_chunk);
      }
    }
  }
  if (total_rows != metadata_.num_rows) {
    return Status::Invalid("{}: corrupt Parquet footer: row groups hold {} rows, the file says {}",
                           name_, total_rows, metadata_.num_rows);
  }
  return Status::OK();
}

ColumnStatistics ParquetFileReader::Statistics(int row_group, int leaf) const {
  const ColumnMetaData& m = *metadata_.row_groups[row_group].columns[leaf].meta_data;
  if (!m.statistics) return {};
  bool type_defined = static_cast<size_t>(leaf) < metadata_.column_orders.size() &&
                      metadata_.column_orders[leaf] == ColumnOrder::kTypeDefinedOrder;
  return DecodeStatistics(schema_.leaves()[leaf], *m.statistics, type_defined);
}

Result<ArrayPtr> ParquetFileReader::ReadField(int row_group, int field) const {
  const RowGroup& rg = metadata_.row_groups[row_group];
  std::vector<int> leaf_ids = schema_.LeavesOfField(field);
  std::vector<LeafLevels> leaves(schema_.leaves().size());
  for (int leaf : leaf_ids) {
    const ColumnMetaData& m = *rg.columns[leaf].meta_data;
    ColumnChunkContext ctx;
    ctx.leaf = &schema_.leaves()[leaf];
    ctx.meta = &m;
    ctx.num_rows = rg.num_rows;
    ctx.limits = &options_.limits;
    ctx.where = fmt::format("{}: row group {}, column '{}'", name_, row_group,
                            ctx.leaf->dotted_path);
    auto bytes = m.num_values == 0
                     ? Result<std::shared_ptr<Buffer>>(Buffer::FromString(""))
                     : file_->ReadAt(static_cast<uint64_t>(ChunkStart(m)),
                                     static_cast<uint64_t>(m.total_compressed_size));
    if (!bytes.ok()) return bytes.status().WithContext(ctx.where);
    BB_ASSIGN_OR_RAISE(leaves[leaf], ReadColumnChunk(ctx, *bytes));
  }
  auto array = AssembleField(schema_.fields()[field], leaves, rg.num_rows);
  if (!array.ok()) {
    return array.status().WithContextF("{}: row group {}, column '{}'", name_, row_group,
                                       schema_.schema()->field(field).name);
  }
  return array;
}

Result<RecordBatchPtr> ParquetFileReader::ReadRowGroup(int row_group,
                                                       const std::vector<int>& fields) const {
  if (row_group < 0 || row_group >= num_row_groups()) {
    return Status::Invalid("{}: row group {} does not exist (the file has {})", name_, row_group,
                           num_row_groups());
  }
  std::vector<int> selected = fields;
  if (selected.empty()) {
    for (int i = 0; i < schema()->num_fields(); ++i) selected.push_back(i);
  }
  std::vector<Field> out_fields;
  for (int f : selected) {
    if (f < 0 || f >= schema()->num_fields()) {
      return Status::Invalid("{}: column index {} is out of range", name_, f);
    }
    out_fields.push_back(schema()->field(f));
  }
  std::vector<ArrayPtr> columns(selected.size());
  BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(selected.size(), [&](size_t i) -> Status {
    BB_ASSIGN_OR_RAISE(columns[i], ReadField(row_group, selected[i]));
    return Status::OK();
  }));
  return std::make_shared<RecordBatch>(MakeSchema(std::move(out_fields)),
                                       row_group_num_rows(row_group), std::move(columns));
}

namespace {

class RowGroupBatchReader final : public RecordBatchReader {
 public:
  RowGroupBatchReader(const ParquetFileReader* reader, SchemaPtr schema, std::vector<int> fields,
                      std::vector<int> row_groups, int64_t batch_rows)
      : reader_(reader),
        schema_(std::move(schema)),
        fields_(std::move(fields)),
        row_groups_(std::move(row_groups)),
        batch_rows_(std::max<int64_t>(1, batch_rows)) {}

  SchemaPtr schema() const override { return schema_; }

  Result<RecordBatchPtr> Next() override {
    while (!current_ || offset_ >= current_->num_rows()) {
      if (next_group_ >= row_groups_.size()) return RecordBatchPtr();
      BB_ASSIGN_OR_RAISE(current_, reader_->ReadRowGroup(row_groups_[next_group_++], fields_));
      offset_ = 0;
    }
    int64_t n = std::min(batch_rows_, current_->num_rows() - offset_);
    RecordBatchPtr out = (offset_ == 0 && n == current_->num_rows())
                             ? current_
                             : current_->Slice(offset_, n);
    offset_ += n;
    return out;
  }

 private:
  const ParquetFileReader* reader_;
  SchemaPtr schema_;
  std::vector<int> fields_;
  std::vector<int> row_groups_;
  int64_t batch_rows_;
  size_t next_group_ = 0;
  RecordBatchPtr current_;
  int64_t offset_ = 0;
};

}  // namespace

Result<std::unique_ptr<RecordBatchReader>> ParquetFileReader::GetBatchReader(
    std::vector<int> fields, std::vector<int> row_groups) const {
  if (fields.empty()) {
    for (int i = 0; i < schema()->num_fields(); ++i) fields.push_back(i);
  }
  if (row_groups.empty()) {
    for (int i = 0; i < num_row_groups(); ++i) row_groups.push_back(i);
  }
  std::vector<Field> out_fields;
  for (int f : fields) {
    if (f < 0 || f >= schema()->num_fields()) {
      return Status::Invalid("{}: column index {} is out of range", name_, f);
    }
    out_fields.push_back(schema()->field(f));
  }
  return std::unique_ptr<RecordBatchReader>(
      new RowGroupBatchReader(this, MakeSchema(std::move(out_fields)), std::move(fields),
                              std::move(row_groups), options_.batch_rows));
}

Result<RecordBatchPtr> ReadParquetFile(const std::shared_ptr<io::FileSystem>& fs,
                                       const std::string& path, const std::vector<int>& fields,
                                       ParquetReadOptions options) {
  BB_ASSIGN_OR_RAISE(auto file, fs->OpenRead(path));
  BB_ASSIGN_OR_RAISE(auto reader,
                     ParquetFileReader::Open(std::shared_ptr<io::RandomAccessFile>(std::move(file)),
                                             std::move(options)));
  std::vector<RecordBatchPtr> batches;
  for (int g = 0; g < reader->num_row_groups(); ++g) {
    BB_ASSIGN_OR_RAISE(auto batch, reader->ReadRowGroup(g, fields));
    batches.push_back(std::move(batch));
  }
  SchemaPtr schema;
  if (batches.empty()) {
    BB_ASSIGN_OR_RAISE(auto br, reader->GetBatchReader(fields));
    schema = br->schema();
    std::vector<ArrayPtr> cols;
    for (const auto& f : schema->fields()) {
      BB_ASSIGN_OR_RAISE(auto empty, MakeNullArray(f.type, 0));
      cols.push_back(std::move(empty));
    }
    return std::make_shared<RecordBatch>(schema, 0, std::move(cols));
  }
  return ConcatenateBatches(batches[0]->schema(), batches);
}

}  // namespace bundlebase::parquet
