// ColumnChunkWriter: encodes one leaf column of one row group — definition/repetition levels
// and the non-null values — into the pages of a column chunk (the writer's counterpart of
// column_chunk_reader.h).
//
// Entries arrive in batches and go into the current data page; a page is closed once its
// encoded size reaches the target, and only where a record starts (repetition level 0), so a
// row never spans two pages. Values are dictionary-encoded while that pays: the first 32768
// values (or the first page, if it closes sooner) decide whether the dictionary plus its indices
// is smaller than PLAIN, and if not the page is re-encoded as PLAIN and the dictionary dropped;
// a dictionary that later outgrows its size limit ends its page and the rest of the chunk is
// PLAIN (as parquet-mr and Arrow do). BOOLEAN is always PLAIN. Levels are RLE, with a 4-byte
// length before each in v1 pages and uncompressed in front of the values in v2 pages.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "formats/parquet/compression.h"
#include "formats/parquet/dictionary_builder.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/physical_values.h"
#include "formats/parquet/plain_encoding.h"
#include "formats/parquet/rle_bit_packed.h"
#include "formats/parquet/statistics_builder.h"

namespace bundlebase::parquet {

struct ColumnWriteOptions {
  CompressionCodec codec = CompressionCodec::kZstd;
  int compression_level = kDefaultCompressionLevel;
  bool dictionary = true;
  int64_t dictionary_page_size_limit = int64_t{1} << 20;
  int64_t data_page_bytes = int64_t{1} << 20;
  int data_page_version = 1;
};

// A finished chunk: its pages in file order (kept in a few pieces rather than copied into one)
// and its metadata, whose page offsets count from the chunk's first byte.
struct EncodedColumnChunk {
  std::vector<std::string> parts;
  int64_t size = 0;
  ColumnMetaData meta;
};

class ColumnChunkWriter {
 public:
  ColumnChunkWriter(const LeafColumn& leaf, const ColumnWriteOptions& options);

  // Adds `num_entries` level entries. `def` null means every entry is at the maximum definition
  // level, `rep` null that every entry starts a record. `values` are the values of the entries
  // at the maximum definition level, in order.
  Status Write(int64_t num_entries, const int16_t* def, const int16_t* rep,
               const PhysicalValues& values);

  Result<EncodedColumnChunk> Finish();

 private:
  int64_t BatchEntries() const;
  int IndexBitWidth() const;
  int64_t EstimatedPageBytes() const;
  void PutLevels(const int16_t* def, const int16_t* rep, int64_t count);
  void PutValues(const PhysicalValues& values, int64_t offset, int64_t count);
  void AppendPlain(const PhysicalValues& values, int64_t offset, int64_t count);
  Status AfterBatch();
  void DecideDictionary();
  void DropDictionary();
  Status FlushPage();
  Status AppendPage(PageHeader header, const std::string& levels, const std::string& values);
  void ResetPage();

  const LeafColumn& leaf_;
  ColumnWriteOptions options_;
  int def_width_;
  int rep_width_;

  std::unique_ptr<DictionaryBuilder> dictionary_;  // null once dropped, or when not used
  bool use_dictionary_ = false;                    // values of the page go to the dictionary
  bool dictionary_decided_ = false;
  StatisticsBuilder statistics_;

  // The page being filled.
  std::string page_def_;
  std::string page_rep_;
  std::string page_values_;  // PLAIN values
  RleBitPackedEncoder def_encoder_;
  RleBitPackedEncoder rep_encoder_;
  PlainBooleanEncoder bool_encoder_;
  std::vector<uint32_t> page_indices_;  // dictionary indices
  int64_t page_entries_ = 0;
  int64_t page_values_count_ = 0;
  int64_t page_rows_ = 0;
  int64_t page_plain_bytes_ = 0;  // what the page's values take as PLAIN

  // Finished data pages and what the metadata says about them.
  std::string data_pages_;
  int64_t num_entries_ = 0;
  int64_t uncompressed_bytes_ = 0;
  int32_t dictionary_pages_ = 0;
  int32_t plain_pages_ = 0;
  int64_t byte_array_bytes_ = 0;  // value bytes seen, for the batch size of byte arrays
  int64_t byte_array_count_ = 0;

  std::string scratch_;
  std::string compressed_;
};

}  // namespace bundlebase::parquet
