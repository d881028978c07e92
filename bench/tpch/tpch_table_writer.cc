// Chunked, parallel generation feeding one ParquetFileWriter per table.
#include "tpch_table_writer.h"

#include <algorithm>

#include "base/thread_pool.h"
#include "io/local_file_system.h"

namespace bundlebase::tpch {

Result<std::vector<int64_t>> WriteTables(const std::vector<TableFile>& files, int64_t units, int64_t chunk_units,
                   const ChunkGenerator& generate, const TableWriteOptions& options) {
  const std::shared_ptr<io::FileSystem> fs = io::LocalFileSystem::Instance();
  std::vector<std::unique_ptr<parquet::ParquetFileWriter>> writers;
  for (const TableFile& file : files) {
    BB_ASSIGN_OR_RAISE(
        auto stream,
        fs->OpenWrite(options.out_dir + "/" + file.name + ".parquet", io::WriteMode::kAtomicReplace));
    BB_ASSIGN_OR_RAISE(auto writer, parquet::ParquetFileWriter::Open(std::move(stream),
                                                                     file.schema, options.parquet));
    writers.push_back(std::move(writer));
  }

  ThreadPool& pool = ThreadPool::Default();
  const int64_t chunks = (units + chunk_units - 1) / chunk_units;
  const int64_t wave =
      std::max<int64_t>(1, options.chunks_per_wave * static_cast<int64_t>(pool.num_threads()));
  for (int64_t wave_start = 0; wave_start < chunks; wave_start += wave) {
    const int64_t wave_chunks = std::min(wave, chunks - wave_start);
    std::vector<std::vector<RecordBatchPtr>> generated(static_cast<size_t>(wave_chunks));
    BB_RETURN_NOT_OK(pool.ParallelFor(static_cast<size_t>(wave_chunks), [&](size_t i) -> Status {
      const int64_t first = (wave_start + static_cast<int64_t>(i)) * chunk_units;
      BB_ASSIGN_OR_RAISE(generated[i], generate(first, std::min(chunk_units, units - first)));
      return Status::OK();
    }));
    for (const std::vector<RecordBatchPtr>& chunk : generated) {
      for (size_t f = 0; f < writers.size(); ++f) {
        BB_RETURN_NOT_OK(writers[f]->WriteBatch(*chunk[f]));
      }
    }
  }
  std::vector<int64_t> rows;
  for (auto& writer : writers) {
    BB_RETURN_NOT_OK(writer->Close());
    rows.push_back(writer->num_rows());
  }
  return rows;
}

}  // namespace bundlebase::tpch
