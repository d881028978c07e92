// Reading a ParquetTable's footers: in parallel on the shared pool, once, each reduced to the
// column mapping and row group statistics in the table's types.
#include "sql/catalog/file_parquet_state.h"

#include "base/thread_pool.h"
#include "columnar/cast.h"

namespace bundlebase::sql {
namespace {

// Statistics of a file column usable for pruning: a top-level primitive column stored as one
// leaf whose values have the column's own type.
std::optional<int> StatisticsLeaf(const parquet::ParquetFileReader& reader, int file_column) {
  const auto& node = reader.parquet_schema().fields()[file_column];
  if (node.kind != parquet::SchemaNode::Kind::kLeaf) return std::nullopt;
  std::vector<int> leaves = reader.parquet_schema().LeavesOfField(file_column);
  if (leaves.size() != 1) return std::nullopt;
  const auto& leaf = reader.parquet_schema().leaves()[leaves[0]];
  if (!leaf.type->Equals(*reader.schema()->field(file_column).type)) return std::nullopt;
  return leaves[0];
}

std::optional<Scalar> InTableType(const std::optional<Scalar>& value, const DataTypePtr& type) {
  if (!value || value->is_null()) return std::nullopt;
  if (value->type()->Equals(*type)) return value;
  auto cast = CastScalar(*value, type);
  if (!cast.ok()) return std::nullopt;
  return std::move(*cast);
}

Result<ParquetFileFacts> ReadFacts(const Schema& table_schema, const std::string& table_file,
                                   std::shared_ptr<const parquet::ParquetFileReader> reader,
                                   const std::string& file) {
  ParquetFileFacts facts;
  BB_ASSIGN_OR_RAISE(facts.mapping,
                     MapFileColumns(table_schema, table_file, *reader->schema(), file));
  const int num_columns = table_schema.num_fields();
  std::vector<std::optional<int>> leaves(num_columns);
  for (int c = 0; c < num_columns; ++c) {
    int file_column = facts.mapping.file_columns[c];
    if (file_column >= 0) leaves[c] = StatisticsLeaf(*reader, file_column);
  }
  for (int rg = 0; rg < reader->num_row_groups(); ++rg) {
    const int64_t rows = reader->row_group_num_rows(rg);
    facts.row_group_rows.push_back(rows);
    std::vector<DataStatistics> columns(num_columns);
    for (int c = 0; c < num_columns; ++c) {
      DataStatistics& stats = columns[c];
      stats.num_rows = rows;
      if (facts.mapping.file_columns[c] < 0) {
        stats.null_count = rows;  // the column is missing: every row reads as NULL
        continue;
      }
      if (!leaves[c]) continue;
      parquet::ColumnStatistics raw = reader->Statistics(rg, *leaves[c]);
      const DataTypePtr& type = table_schema.field(c).type;
      stats.min = InTableType(raw.min, type);
      stats.max = InTableType(raw.max, type);
      stats.null_count = raw.null_count;
    }
    facts.statistics.push_back(std::move(columns));
  }
  return facts;
}

}  // namespace

Result<std::shared_ptr<const parquet::ParquetFileReader>> OpenParquetReader(
    io::FileSystem& fs, const std::string& path, const parquet::ParquetReadOptions& options) {
  auto file = fs.OpenRead(path);
  if (!file.ok()) return file.status().WithContextF("opening Parquet file \"{}\"", path);
  std::shared_ptr<io::RandomAccessFile> shared = std::move(*file);
  BB_ASSIGN_OR_RAISE(auto reader, parquet::ParquetFileReader::Open(std::move(shared), options));
  return std::shared_ptr<const parquet::ParquetFileReader>(std::move(reader));
}

Result<std::shared_ptr<const parquet::ParquetFileReader>> ParquetTable::State::Reader(
    size_t index) const {
  if (index == 0) return first_reader;
  {
    // facts_ is complete and immutable once loaded_ is set under the lock.
    std::lock_guard lock(mu_);
    if (loaded_ && facts_[index].reader) return facts_[index].reader;
  }
  return OpenParquetReader(*fs, files[index], options.read_options);
}

Result<const std::vector<ParquetFileFacts>*> ParquetTable::State::Facts() {
  std::lock_guard lock(mu_);
  if (loaded_) return &facts_;
  std::vector<ParquetFileFacts> facts(files.size());
  const bool keep_open = files.size() <= options.max_open_files;
  Status status = ThreadPool::Default().ParallelFor(files.size(), [&](size_t i) -> Status {
    std::shared_ptr<const parquet::ParquetFileReader> reader = first_reader;
    if (i > 0) {
      BB_ASSIGN_OR_RAISE(reader, OpenParquetReader(*fs, files[i], options.read_options));
    }
    BB_ASSIGN_OR_RAISE(facts[i], ReadFacts(*schema, files[0], reader, files[i]));
    if (keep_open && i > 0) facts[i].reader = std::move(reader);
    return Status::OK();
  });
  if (!status.ok()) return status;
  facts_ = std::move(facts);
  loaded_ = true;
  return &facts_;
}

}  // namespace bundlebase::sql
