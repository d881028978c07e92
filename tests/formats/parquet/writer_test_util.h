// Helpers of the Parquet writer tests: an in-memory output stream, write-then-read round trips
// through bytes, and short ways to spell column values.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/scalar.h"
#include "formats/parquet/file_reader.h"
#include "formats/parquet/file_writer.h"
#include "io/memory_file.h"
#include "test_util.h"

namespace bundlebase::parquet::writer_test {

// What happened to a StringOutputStream, kept apart so it outlives the stream.
struct StreamEvents {
  bool closed = false;
  bool aborted = false;
};

// Collects what is written and records Close/Abort.
class StringOutputStream final : public io::OutputStream {
 public:
  explicit StringOutputStream(std::shared_ptr<std::string> bytes,
                              std::shared_ptr<StreamEvents> events = std::make_shared<StreamEvents>())
      : bytes_(std::move(bytes)), events_(std::move(events)) {}
  const std::string& path() const override { return path_; }
  Status Write(const void* data, size_t size) override {
    bytes_->append(static_cast<const char*>(data), size);
    return Status::OK();
  }
  uint64_t bytes_written() const override { return bytes_->size(); }
  Status Close() override {
    events_->closed = true;
    return Status::OK();
  }
  void Abort() override { events_->aborted = true; }

 private:
  std::shared_ptr<std::string> bytes_;
  std::shared_ptr<StreamEvents> events_;
  std::string path_ = "memory.parquet";
};

inline Result<std::string> WriteBytes(const SchemaPtr& schema,
                                      const std::vector<RecordBatchPtr>& batches,
                                      ParquetWriteOptions options = {}) {
  auto bytes = std::make_shared<std::string>();
  BB_ASSIGN_OR_RAISE(auto writer,
                     ParquetFileWriter::Open(std::make_unique<StringOutputStream>(bytes), schema,
                                             std::move(options)));
  for (const auto& batch : batches) BB_RETURN_NOT_OK(writer->WriteBatch(*batch));
  BB_RETURN_NOT_OK(writer->Close());
  return *bytes;
}

inline Result<std::unique_ptr<ParquetFileReader>> OpenBytes(const std::string& bytes) {
  auto file = std::make_shared<io::MemoryFile>(Buffer::FromString(bytes), "memory.parquet");
  return ParquetFileReader::Open(file);
}

// Every row group read and concatenated.
inline Result<RecordBatchPtr> ReadBytes(const std::string& bytes) {
  BB_ASSIGN_OR_RAISE(auto reader, OpenBytes(bytes));
  BB_ASSIGN_OR_RAISE(auto batches, reader->GetBatchReader());
  BB_ASSIGN_OR_RAISE(auto all, batches->ReadAll());
  if (all.empty()) {
    std::vector<ArrayPtr> columns;
    for (const auto& f : reader->schema()->fields()) {
      BB_ASSIGN_OR_RAISE(auto empty, MakeNullArray(f.type, 0));
      columns.push_back(std::move(empty));
    }
    return std::make_shared<RecordBatch>(reader->schema(), 0, std::move(columns));
  }
  return ConcatenateBatches(all[0]->schema(), all);
}

inline Scalar Val(const DataTypePtr& type, Scalar::Value value) {
  return Scalar(type, std::move(value));
}
inline Scalar Nul(const DataTypePtr& type) { return Scalar::MakeNull(type); }

inline ArrayPtr MakeArray(const DataTypePtr& type, const std::vector<Scalar>& values) {
  auto array = MakeArrayFromScalars(type, values);
  EXPECT_TRUE(array.ok()) << array.status().ToString();
  return array.ok() ? *array : nullptr;
}

inline RecordBatchPtr MakeBatch(std::vector<Field> fields, std::vector<ArrayPtr> columns) {
  auto batch = RecordBatch::Make(MakeSchema(std::move(fields)), std::move(columns));
  EXPECT_TRUE(batch.ok()) << batch.status().ToString();
  return batch.ok() ? *batch : nullptr;
}

}  // namespace bundlebase::parquet::writer_test
