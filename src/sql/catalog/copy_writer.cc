// The three COPY writers over one atomically published output stream.
#include "sql/catalog/copy_writer.h"

#include "formats/json/json_writer.h"

namespace bundlebase::sql {
namespace {

class ParquetCopyWriter final : public CopyFileWriter {
 public:
  explicit ParquetCopyWriter(std::unique_ptr<parquet::ParquetFileWriter> writer)
      : writer_(std::move(writer)) {}
  Status Write(const RecordBatch& batch) override { return writer_->WriteBatch(batch); }
  Status Close() override { return writer_->Close(); }
  int64_t rows_written() const override { return writer_->num_rows(); }

 private:
  std::unique_ptr<parquet::ParquetFileWriter> writer_;
};

// CSV and JSON lines: a text writer that does not own the stream, which is closed here.
template <typename TextWriter>
class TextCopyWriter final : public CopyFileWriter {
 public:
  TextCopyWriter(std::unique_ptr<io::OutputStream> stream, std::unique_ptr<TextWriter> writer)
      : stream_(std::move(stream)), writer_(std::move(writer)) {}
  ~TextCopyWriter() override {
    if (stream_) stream_->Abort();
  }
  Status Write(const RecordBatch& batch) override { return writer_->Write(batch); }
  Status Close() override {
    BB_RETURN_NOT_OK(writer_->Finish());
    Status closed = stream_->Close();
    if (!closed.ok()) return closed;
    stream_.reset();
    return Status::OK();
  }
  int64_t rows_written() const override { return writer_->rows_written(); }

 private:
  std::unique_ptr<io::OutputStream> stream_;
  std::unique_ptr<TextWriter> writer_;
};

}  // namespace

Result<std::unique_ptr<CopyFileWriter>> OpenCopyWriter(const SchemaPtr& schema,
                                                       const std::string& path,
                                                       const CopyOptions& options,
                                                       io::FileSystem& fs) {
  auto opened = fs.OpenWrite(path, io::WriteMode::kAtomicReplace);
  if (!opened.ok()) return opened.status().WithContextF("COPY to \"{}\"", path);
  std::unique_ptr<io::OutputStream> stream = std::move(*opened);
  switch (options.format) {
    case CopyFormat::kParquet: {
      BB_ASSIGN_OR_RAISE(auto writer,
                         parquet::ParquetFileWriter::Open(std::move(stream), schema,
                                                          options.parquet));
      return std::unique_ptr<CopyFileWriter>(new ParquetCopyWriter(std::move(writer)));
    }
    case CopyFormat::kCsv: {
      BB_ASSIGN_OR_RAISE(auto writer, csv::CsvWriter::Make(stream.get(), schema, options.csv));
      return std::unique_ptr<CopyFileWriter>(
          new TextCopyWriter<csv::CsvWriter>(std::move(stream), std::move(writer)));
    }
    case CopyFormat::kJson: {
      auto writer = std::make_unique<json::JsonLinesWriter>(stream.get(), schema);
      return std::unique_ptr<CopyFileWriter>(
          new TextCopyWriter<json::JsonLinesWriter>(std::move(stream), std::move(writer)));
    }
  }
  return Status::Internal("unknown COPY format");
}

Status WriteBatches(const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                    const std::string& path, const CopyOptions& options, io::FileSystem& fs) {
  BB_ASSIGN_OR_RAISE(auto writer, OpenCopyWriter(schema, path, options, fs));
  for (const RecordBatchPtr& batch : batches) {
    BB_RETURN_NOT_OK_CTX(writer->Write(*batch), "COPY to \"{}\"", path);
  }
  BB_RETURN_NOT_OK_CTX(writer->Close(), "COPY to \"{}\"", path);
  return Status::OK();
}

}  // namespace bundlebase::sql
