// libFuzzer target: arbitrary bytes as a Parquet file through the whole reader (footer, schema,
// every row group and column). Any outcome but a clean Status is a bug; the limits are small so
// hostile sizes are refused quickly instead of exhausting memory.
#include <cstdint>
#include <cstring>

#include "formats/parquet/file_reader.h"
#include "io/memory_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace bundlebase;
  auto file = std::make_shared<io::MemoryFile>(Buffer::Copy(data, size), "fuzz.parquet");
  parquet::ParquetReadOptions options;
  options.limits.max_page_size = 16 << 20;
  options.limits.max_column_chunk_bytes = 64 << 20;
  auto reader = parquet::ParquetFileReader::Open(file, options);
  if (!reader.ok()) return 0;
  for (int g = 0; g < (*reader)->num_row_groups(); ++g) {
    auto batch = (*reader)->ReadRowGroup(g);
    if (!batch.ok()) continue;
    for (const auto& column : (*batch)->columns()) {
      if (!ValidateArray(*column).ok()) __builtin_trap();
    }
    for (size_t leaf = 0; leaf < (*reader)->parquet_schema().leaves().size(); ++leaf) {
      (void)(*reader)->Statistics(g, static_cast<int>(leaf));
    }
  }
  return 0;
}
