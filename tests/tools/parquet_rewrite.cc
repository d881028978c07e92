// parquet_rewrite IN OUT [OPTIONS]: reads a Parquet file with our reader and writes the same rows
// and schema with our writer, so the interoperability harness (tests/formats/parquet/interop)
// can check that four other implementations read our files as we read the original. Options
// (README.md there): --codec, --dictionary, --data-page-version, --row-group-rows, --page-bytes.
// An unknown option or value is an error (exit 1), never ignored.
#include <charconv>
#include <iostream>
#include <map>
#include <string>

#include "formats/parquet/file_reader.h"
#include "formats/parquet/file_writer.h"
#include "io/local_file_system.h"

namespace bundlebase::parquet {
namespace {

Result<int64_t> PositiveNumber(const std::string& option, const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) {
    return Status::Invalid("{} needs a positive integer, not '{}'", option, text);
  }
  return value;
}

Result<ParquetWriteOptions> ParseOptions(int argc, char** argv) {
  static const std::map<std::string, CompressionCodec> kCodecs = {
      {"uncompressed", CompressionCodec::kUncompressed}, {"snappy", CompressionCodec::kSnappy},
      {"gzip", CompressionCodec::kGzip},                 {"zstd", CompressionCodec::kZstd},
      {"lz4_raw", CompressionCodec::kLz4Raw},            {"lz4", CompressionCodec::kLz4},
      {"brotli", CompressionCodec::kBrotli}};
  ParquetWriteOptions options;
  for (int i = 3; i < argc; i += 2) {
    const std::string option = argv[i];
    if (i + 1 >= argc) return Status::Invalid("{} needs a value", option);
    const std::string value = argv[i + 1];
    if (option == "--codec") {
      auto it = kCodecs.find(value);
      if (it == kCodecs.end()) return Status::Invalid("unknown codec '{}'", value);
      options.codec = it->second;
    } else if (option == "--dictionary") {
      if (value != "on" && value != "off") {
        return Status::Invalid("--dictionary takes on or off, not '{}'", value);
      }
      options.dictionary = value == "on";
    } else if (option == "--data-page-version") {
      if (value != "1" && value != "2") {
        return Status::Invalid("--data-page-version takes 1 or 2, not '{}'", value);
      }
      options.data_page_version = value == "1" ? 1 : 2;
    } else if (option == "--row-group-rows") {
      BB_ASSIGN_OR_RAISE(options.row_group_rows, PositiveNumber(option, value));
    } else if (option == "--page-bytes") {
      BB_ASSIGN_OR_RAISE(options.data_page_bytes, PositiveNumber(option, value));
    } else {
      return Status::Invalid("unknown option '{}'", option);
    }
  }
  return options;
}

Status Rewrite(const std::string& in, const std::string& out, ParquetWriteOptions options) {
  auto fs = io::LocalFileSystem::Instance();
  BB_ASSIGN_OR_RAISE(auto file, fs->OpenRead(in));
  BB_ASSIGN_OR_RAISE(auto reader, ParquetFileReader::Open(
                                      std::shared_ptr<io::RandomAccessFile>(std::move(file))));
  // The key-value metadata travels along, except pyarrow's serialized Arrow schema: it
  // describes the original writer's Arrow types, which are not necessarily ours.
  for (const KeyValue& kv : reader->metadata().key_value_metadata) {
    if (kv.key != "ARROW:schema") options.key_value_metadata.push_back(kv);
  }
  BB_ASSIGN_OR_RAISE(auto stream, fs->OpenWrite(out, io::WriteMode::kAtomicReplace));
  BB_ASSIGN_OR_RAISE(auto writer,
                     ParquetFileWriter::Open(std::move(stream), reader->schema(), options));
  BB_ASSIGN_OR_RAISE(auto batches, reader->GetBatchReader());
  while (true) {
    BB_ASSIGN_OR_RAISE(auto batch, batches->Next());
    if (!batch) break;
    BB_RETURN_NOT_OK(writer->WriteBatch(*batch));
  }
  return writer->Close();
}

}  // namespace
}  // namespace bundlebase::parquet

int main(int argc, char** argv) {
  using namespace bundlebase::parquet;
  if (argc < 3) {
    std::cerr << "usage: parquet_rewrite IN.parquet OUT.parquet [--codec C] [--dictionary on|off]"
                 " [--data-page-version 1|2] [--row-group-rows N] [--page-bytes N]\n";
    return 1;
  }
  auto options = ParseOptions(argc, argv);
  if (!options.ok()) {
    std::cerr << "parquet_rewrite: " << options.status().message() << "\n";
    return 1;
  }
  bundlebase::Status st = Rewrite(argv[1], argv[2], *options);
  if (!st.ok()) {
    std::cerr << "parquet_rewrite: " << st.message() << "\n";
    return 1;
  }
  return 0;
}
