// The Arrow C Stream Interface both ways: a RecordBatchReader behind an ArrowArrayStream, and an
// ArrowArrayStream behind a RecordBatchReader. Errors cross as errno codes plus a message, and
// come back as the Status code that maps to the same errno.
#include <cerrno>
#include <cstring>

#include "columnar/arrow_c_internal.h"

namespace bundlebase {
namespace {

int ErrnoFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalid:
    case StatusCode::kTypeError:
    case StatusCode::kKeyError: return EINVAL;
    case StatusCode::kNotFound: return ENOENT;
    case StatusCode::kAlreadyExists: return EEXIST;
    case StatusCode::kConflict: return EBUSY;
    case StatusCode::kCancelled: return ECANCELED;
    case StatusCode::kResourceExhausted: return ENOMEM;
    case StatusCode::kNotImplemented: return ENOSYS;
    case StatusCode::kIOError:
    case StatusCode::kInternal: return EIO;
  }
  return EIO;
}

StatusCode CodeFor(int error) {
  switch (error) {
    case EINVAL: return StatusCode::kInvalid;
    case ENOENT: return StatusCode::kNotFound;
    case EEXIST: return StatusCode::kAlreadyExists;
    case EBUSY: return StatusCode::kConflict;
    case ECANCELED: return StatusCode::kCancelled;
    case ENOMEM: return StatusCode::kResourceExhausted;
    case ENOSYS: return StatusCode::kNotImplemented;
    default: return StatusCode::kIOError;
  }
}

struct ExportedStream {
  std::unique_ptr<RecordBatchReader> reader;
  std::string last_error;
};

ExportedStream* Private(ArrowArrayStream* stream) {
  return static_cast<ExportedStream*>(stream->private_data);
}

int Fail(ArrowArrayStream* stream, const Status& status) {
  Private(stream)->last_error = status.message();
  return ErrnoFor(status.code());
}

int GetSchema(ArrowArrayStream* stream, ArrowSchema* out) {
  Status st = ExportSchema(*Private(stream)->reader->schema(), out);
  return st.ok() ? 0 : Fail(stream, st);
}

int GetNext(ArrowArrayStream* stream, ArrowArray* out) {
  Result<RecordBatchPtr> batch = Private(stream)->reader->Next();
  if (!batch.ok()) return Fail(stream, batch.status());
  if (*batch == nullptr) {
    out->release = nullptr;  // the end of the stream
    return 0;
  }
  Status st = ExportRecordBatch(*batch, out);
  return st.ok() ? 0 : Fail(stream, st);
}

const char* GetLastError(ArrowArrayStream* stream) {
  const std::string& error = Private(stream)->last_error;
  return error.empty() ? nullptr : error.c_str();
}

void ReleaseStream(ArrowArrayStream* stream) {
  if (stream->release == nullptr) return;
  delete Private(stream);
  stream->release = nullptr;
}

class ImportedStreamReader final : public RecordBatchReader {
 public:
  ImportedStreamReader(ArrowArrayStream stream, SchemaPtr schema,
                       arrow_c_internal::ForeignType layout)
      : stream_(stream), schema_(std::move(schema)), layout_(std::move(layout)) {}
  ~ImportedStreamReader() override {
    if (stream_.release != nullptr) stream_.release(&stream_);
  }

  SchemaPtr schema() const override { return schema_; }

  Result<RecordBatchPtr> Next() override {
    if (stream_.release == nullptr) return RecordBatchPtr();  // ended earlier
    ArrowArray array;
    array.release = nullptr;
    const int error = stream_.get_next(&stream_, &array);
    if (error != 0) return StreamError(stream_, error, "get_next");
    if (array.release == nullptr) {
      stream_.release(&stream_);  // nothing more will come: free the producer now
      return RecordBatchPtr();
    }
    return arrow_c_internal::ImportBatch(&array, schema_, layout_);
  }

  static Status StreamError(ArrowArrayStream& stream, int error, const char* call) {
    const char* message = stream.get_last_error ? stream.get_last_error(&stream) : nullptr;
    if (message != nullptr) return Status(CodeFor(error), message);
    return Status(CodeFor(error),
                  fmt::format("Arrow stream {} failed: {}", call, std::strerror(error)));
  }

 private:
  ArrowArrayStream stream_;
  SchemaPtr schema_;
  arrow_c_internal::ForeignType layout_;
};

}  // namespace

Status ExportRecordBatchReader(std::unique_ptr<RecordBatchReader> reader, ArrowArrayStream* out) {
  auto* p = new ExportedStream{std::move(reader), {}};
  *out = ArrowArrayStream{&GetSchema, &GetNext, &GetLastError, &ReleaseStream, p};
  return Status::OK();
}

Result<std::unique_ptr<RecordBatchReader>> ImportArrowArrayStream(ArrowArrayStream* stream) {
  if (stream == nullptr || stream->release == nullptr) {
    return Status::Invalid("Arrow stream is null or already released");
  }
  ArrowArrayStream moved = *stream;
  stream->release = nullptr;
  ArrowSchema c_schema;
  c_schema.release = nullptr;
  const int error = moved.get_schema(&moved, &c_schema);
  if (error != 0) {
    Status st = ImportedStreamReader::StreamError(moved, error, "get_schema");
    moved.release(&moved);
    return st;
  }
  arrow_c_internal::ForeignType layout;
  Result<Field> field = arrow_c_internal::ParseField(c_schema, &layout);
  if (c_schema.release != nullptr) c_schema.release(&c_schema);
  if (field.ok() && field->type->id() != TypeId::kStruct) {
    field = Status::TypeError("an Arrow stream must carry structs, not {}",
                              field->type->ToString());
  }
  if (!field.ok()) {
    moved.release(&moved);
    return field.status();
  }
  auto schema = std::make_shared<Schema>(field->type->fields(), field->metadata);
  return std::unique_ptr<RecordBatchReader>(
      new ImportedStreamReader(moved, std::move(schema), std::move(layout)));
}

}  // namespace bundlebase
