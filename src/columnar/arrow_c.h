// The Arrow C Data Interface and C Stream Interface: how columns cross into pyarrow, pandas,
// polars or DuckDB (and back) without copying (DESIGN §2, "In-memory format").
//
// The ABI structs are the spec's own definitions, guarded as the spec asks so that a
// translation unit may also include Arrow's or nanoarrow's copy. Conventions, from the spec:
//   - Exporting fills a caller-provided struct; the consumer owns it from then on and must call
//     its `release` exactly once. Our buffers stay alive, shared, until then.
//   - Importing *moves* from the struct: on return, success or failure, the caller's struct is
//     released or marked released (release == NULL) and must not be used again. Imported
//     buffers are wrapped, not copied; the producer's release callback runs once, when the last
//     array or buffer referring to it goes away.
//
// Layout translation. Our struct children are aligned with their parent (array.h) while an
// Arrow struct's offset also applies to its children: export shifts each child's window and
// import slices each child by its parent's offset, so no data moves. Types we do not store
// natively are converted on import so data from other libraries can always come in:
//   large_string "U", large_binary "Z", string_view "vu", binary_view "vz"  -> utf8 / binary
//   large_list "+L", fixed_size_list "+w:N", map "+m"                     -> list
//   fixed_size_binary "w:N" -> binary; time32 "tts"/"ttm" -> time64[us]; date64 "tdm" -> date32
//   float16 "e" -> float32; interval "tiM"/"tiD" -> interval; decimal32/64 -> decimal128
//   dictionary-encoded columns -> their value type (decoded)
// Offsets and data buffers are reused where the layout allows (large strings only rebuild the
// offsets). Durations, unions, run-end encoded and decimal256 columns are NotImplemented.
#pragma once

#include <cstdint>
#include <memory>

#include "columnar/record_batch.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
  // Array type description
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;

  // Release callback
  void (*release)(struct ArrowSchema*);
  // Opaque producer-specific data
  void* private_data;
};

struct ArrowArray {
  // Array data description
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;

  // Release callback
  void (*release)(struct ArrowArray*);
  // Opaque producer-specific data
  void* private_data;
};

#endif  // ARROW_C_DATA_INTERFACE

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
  // Callback to get the stream type
  // (will be the same for all arrays in the stream).
  //
  // Return value: 0 if successful, an `errno`-compatible error code otherwise.
  //
  // If successful, the ArrowSchema must be released independently from the stream.
  int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);

  // Callback to get the next array
  // (if no error and the array is released, the stream has ended)
  //
  // Return value: 0 if successful, an `errno`-compatible error code otherwise.
  //
  // If successful, the ArrowArray must be released independently from the stream.
  int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);

  // Callback to get optional detailed error information.
  // This must only be called if the last stream operation failed
  // with a non-0 return code.
  //
  // Return value: pointer to a null-terminated character array describing
  // the last error, or NULL if no description is available.
  //
  // The returned pointer is only valid until the next operation on this stream
  // (including release).
  const char* (*get_last_error)(struct ArrowArrayStream*);

  // Release callback: release the stream's own resources.
  // Note that arrays returned by `get_next` must be individually released.
  void (*release)(struct ArrowArrayStream*);

  // Opaque producer-specific data
  void* private_data;
};

#endif  // ARROW_C_STREAM_INTERFACE

#ifdef __cplusplus
}
#endif

namespace bundlebase {

// ---- Export (ours -> C structs) ----

// Format strings: "n" "b" "c" "C" "s" "S" "i" "I" "l" "L" "f" "g" "d:P,S" "u" "z" "tdD"
// "ttu" "ttn" "ts{s,m,u,n}:<tz>" "tin" "+l" "+s". Time64 in seconds or milliseconds has no
// Arrow counterpart and is NotImplemented.
Status ExportType(const DataType& type, ArrowSchema* out);
// With the field's name, nullability (ARROW_FLAG_NULLABLE) and metadata.
Status ExportField(const Field& field, ArrowSchema* out);
// A struct ("+s") of the fields, carrying the schema's metadata.
Status ExportSchema(const Schema& schema, ArrowSchema* out);

Status ExportArray(const ArrayPtr& array, ArrowArray* out);
// The batch as a struct array of its columns (the spec's record batch convention), and its
// schema when `out_schema` is not null.
Status ExportRecordBatch(const RecordBatchPtr& batch, ArrowArray* out,
                         ArrowSchema* out_schema = nullptr);

// ---- Import (C structs -> ours); each consumes its argument, see above ----

Result<DataTypePtr> ImportType(ArrowSchema* schema);
Result<Field> ImportField(ArrowSchema* schema);
// `schema` must describe a struct; its children become the fields.
Result<SchemaPtr> ImportSchema(ArrowSchema* schema);

// An array laid out exactly as Arrow lays out `type` (what ExportArray produces).
Result<ArrayPtr> ImportArray(ArrowArray* array, const DataTypePtr& type);
// An array of whatever type `schema` describes, converted as listed above. Both are consumed.
Result<ArrayPtr> ImportArray(ArrowArray* array, ArrowSchema* schema);
// A struct array (with no null rows) as a record batch of `schema`.
Result<RecordBatchPtr> ImportRecordBatch(ArrowArray* array, const SchemaPtr& schema);
Result<RecordBatchPtr> ImportRecordBatch(ArrowArray* array, ArrowSchema* schema);

// ---- Streams ----

// Makes `out` a stream over `reader`'s batches. Errors from the reader reach the consumer as
// errno-style codes (EINVAL for invalid input and type errors, EIO, ENOMEM, ENOSYS, ENOENT,
// ECANCELED...) with the message available from get_last_error.
Status ExportRecordBatchReader(std::unique_ptr<RecordBatchReader> reader, ArrowArrayStream* out);
// A reader over a foreign stream (consumed). Its schema is read at once; a failing get_next
// becomes a Status of the matching code with the producer's message.
Result<std::unique_ptr<RecordBatchReader>> ImportArrowArrayStream(ArrowArrayStream* stream);

}  // namespace bundlebase
