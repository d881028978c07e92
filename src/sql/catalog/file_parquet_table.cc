// ParquetTable: opening, statistics, and the row-group scan with pruning.
#include "sql/catalog/file_parquet_table.h"

#include <algorithm>

#include "sql/catalog/file_parquet_state.h"

namespace bundlebase::sql {
namespace {

struct RowGroupRef {
  size_t file;
  int row_group;
};

class ParquetScan final : public TableScan {
 public:
  ParquetScan(std::shared_ptr<ParquetTable::State> state, std::vector<int> columns,
              SchemaPtr schema, std::vector<RowGroupRef> row_groups, int64_t total_row_groups)
      : state_(std::move(state)),
        columns_(std::move(columns)),
        schema_(std::move(schema)),
        row_groups_(std::move(row_groups)),
        total_row_groups_(total_row_groups) {}

  SchemaPtr schema() const override { return schema_; }
  int64_t num_partitions() const override { return static_cast<int64_t>(row_groups_.size()); }

  Result<std::unique_ptr<RecordBatchReader>> OpenPartition(int64_t index) const override {
    const RowGroupRef& ref = row_groups_[index];
    BB_ASSIGN_OR_RAISE(const std::vector<ParquetFileFacts>* facts, state_->Facts());
    const ParquetFileFacts& file = (*facts)[ref.file];
    BB_ASSIGN_OR_RAISE(auto reader, state_->Reader(ref.file));
    // The distinct file columns the request needs; none (count(*)) still yields the rows.
    std::vector<int> file_columns;
    for (int c : columns_) {
      int f = file.mapping.file_columns[c];
      if (f >= 0 && std::find(file_columns.begin(), file_columns.end(), f) == file_columns.end()) {
        file_columns.push_back(f);
      }
    }
    RecordBatchPtr file_batch;
    if (file_columns.empty()) {
      file_batch = std::make_shared<RecordBatch>(std::make_shared<Schema>(),
                                                 file.row_group_rows[ref.row_group],
                                                 std::vector<ArrayPtr>{});
    } else {
      BB_ASSIGN_OR_RAISE(file_batch, reader->ReadRowGroup(ref.row_group, file_columns));
    }
    BB_ASSIGN_OR_RAISE(auto batch, ConformFileBatch(*file_batch, file_columns, file.mapping,
                                                    columns_, schema_, state_->files[ref.file]));
    std::vector<RecordBatchPtr> slices;
    const int64_t step = std::max<int64_t>(1, state_->options.batch_rows);
    for (int64_t offset = 0; offset < batch->num_rows(); offset += step) {
      slices.push_back(batch->Slice(offset, std::min(step, batch->num_rows() - offset)));
    }
    return MakeVectorReader(schema_, std::move(slices));
  }

  std::string Describe() const override {
    return fmt::format("row groups: {} of {} read", row_groups_.size(), total_row_groups_);
  }

 private:
  std::shared_ptr<ParquetTable::State> state_;
  std::vector<int> columns_;
  SchemaPtr schema_;
  std::vector<RowGroupRef> row_groups_;
  int64_t total_row_groups_;
};

}  // namespace

Result<std::shared_ptr<ParquetTable>> ParquetTable::Open(std::shared_ptr<io::FileSystem> fs,
                                                         std::vector<std::string> files,
                                                         ParquetTableOptions options) {
  if (files.empty()) return Status::Invalid("a Parquet table needs at least one file");
  auto state = std::make_shared<State>();
  BB_ASSIGN_OR_RAISE(state->first_reader,
                     OpenParquetReader(*fs, files[0], options.read_options));
  state->schema = state->first_reader->schema();
  state->fs = std::move(fs);
  state->files = std::move(files);
  state->options = std::move(options);
  return std::make_shared<ParquetTable>(std::move(state));
}

SchemaPtr ParquetTable::schema() const { return state_->schema; }

const std::vector<std::string>& ParquetTable::files() const { return state_->files; }

TableStatistics ParquetTable::Statistics() const {
  auto facts = state_->Facts();
  if (!facts.ok()) return {};
  const int num_columns = state_->schema->num_fields();
  std::vector<StatisticsAccumulator> columns(num_columns);
  int64_t rows = 0;
  for (const ParquetFileFacts& file : **facts) {
    for (size_t rg = 0; rg < file.row_group_rows.size(); ++rg) {
      rows += file.row_group_rows[rg];
      for (int c = 0; c < num_columns; ++c) columns[c].Add(file.statistics[rg][c]);
    }
  }
  TableStatistics stats;
  stats.row_count = rows;
  for (const StatisticsAccumulator& column : columns) stats.columns.push_back(column.Finish());
  return stats;
}

Result<std::unique_ptr<TableScan>> ParquetTable::Scan(const ScanRequest& request) const {
  const Schema& table_schema = *state_->schema;
  std::vector<Field> fields;
  for (int c : request.columns) {
    if (c < 0 || c >= table_schema.num_fields()) {
      return Status::Internal("scan of column {} of a table with {} columns", c,
                              table_schema.num_fields());
    }
    fields.push_back(table_schema.field(c));
  }
  BB_ASSIGN_OR_RAISE(const std::vector<ParquetFileFacts>* facts, state_->Facts());
  std::vector<RowGroupRef> selected;
  int64_t total = 0;
  for (size_t f = 0; f < facts->size(); ++f) {
    const ParquetFileFacts& file = (*facts)[f];
    for (size_t rg = 0; rg < file.row_group_rows.size(); ++rg) {
      ++total;
      bool may_match = true;
      for (const ScanPredicate& predicate : request.predicates) {
        if (predicate.column < 0 || predicate.column >= table_schema.num_fields()) continue;
        if (!MayMatch(predicate, *table_schema.field(predicate.column).type,
                      file.statistics[rg][predicate.column])) {
          may_match = false;
          break;
        }
      }
      if (may_match) selected.push_back({f, static_cast<int>(rg)});
    }
  }
  return std::make_unique<ParquetScan>(state_, request.columns,
                                       std::make_shared<Schema>(std::move(fields)),
                                       std::move(selected), total);
}

}  // namespace bundlebase::sql
