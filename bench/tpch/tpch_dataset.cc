// Which generator feeds which files, and in what chunk sizes.
#include "tpch_dataset.h"

#include <chrono>

#include "tpch_tables.h"
#include "tpch_text.h"

namespace bundlebase::tpch {
namespace {

// Rows per generated chunk: one writer row group's worth (128 Ki rows), so a chunk is written
// as whole row groups. Orders average four lines and parts have four partsupp rows each, so
// those chunks hold a quarter as many units.
constexpr int64_t kChunkRows = 128 * 1024;
constexpr int64_t kChunkOrders = kChunkRows / 4;
constexpr int64_t kChunkParts = kChunkRows / 4;

// Wraps a one-table generator as a ChunkGenerator.
template <typename Generate>
ChunkGenerator OneTable(const TpchScale& scale, Generate generate) {
  return [scale, generate](int64_t first, int64_t count) -> Result<std::vector<RecordBatchPtr>> {
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch, generate(scale, first, count));
    return std::vector<RecordBatchPtr>{batch};
  };
}

struct Job {
  std::vector<TableFile> files;
  int64_t units;
  int64_t chunk_units;
  ChunkGenerator generate;
};

std::vector<Job> Jobs(const TpchScale& scale) {
  const auto fixed = [](Result<RecordBatchPtr> (*generate)()) {
    return [generate](int64_t, int64_t) -> Result<std::vector<RecordBatchPtr>> {
      BB_ASSIGN_OR_RAISE(RecordBatchPtr batch, generate());
      return std::vector<RecordBatchPtr>{batch};
    };
  };
  const ChunkGenerator orders = [scale](int64_t first,
                                        int64_t count) -> Result<std::vector<RecordBatchPtr>> {
    BB_ASSIGN_OR_RAISE(OrderBatches batches, GenerateOrders(scale, first, count));
    return std::vector<RecordBatchPtr>{batches.orders, batches.lineitem};
  };
  return {
      {{{"region", RegionSchema()}}, 1, 1, fixed(GenerateRegions)},
      {{{"nation", NationSchema()}}, 1, 1, fixed(GenerateNations)},
      {{{"supplier", SupplierSchema()}}, scale.suppliers(), kChunkRows,
       OneTable(scale, GenerateSuppliers)},
      {{{"customer", CustomerSchema()}}, scale.customers(), kChunkRows,
       OneTable(scale, GenerateCustomers)},
      {{{"part", PartSchema()}}, scale.parts(), kChunkRows, OneTable(scale, GenerateParts)},
      {{{"partsupp", PartSuppSchema()}}, scale.parts(), kChunkParts,
       OneTable(scale, GeneratePartSupps)},
      {{{"orders", OrdersSchema()}, {"lineitem", LineitemSchema()}}, scale.orders(),
       kChunkOrders, orders},
  };
}

}  // namespace

Status GenerateDataset(const TpchScale& scale, const TableWriteOptions& options,
                       const std::function<void(const TableReport&)>& on_table_done) {
  SharedTextPool();  // built once, before the first wave, so no chunk waits for it
  for (const Job& job : Jobs(scale)) {
    const auto start = std::chrono::steady_clock::now();
    TableReport report;
    BB_ASSIGN_OR_RAISE(report.rows, WriteTables(job.files, job.units, job.chunk_units,
                                                job.generate, options));
    for (const TableFile& file : job.files) report.names.push_back(file.name);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    on_table_done(report);
  }
  return Status::OK();
}

}  // namespace bundlebase::tpch
