// A bounds-checked reader and a writer for the Thrift compact protocol, the encoding of every
// Parquet footer and page header (DESIGN §2: no libthrift).
//
// The reader treats its input as hostile. Every length and count is checked against the bytes
// that remain before anything is allocated or read (each container element needs at least one
// byte, so a count larger than the rest of the input is a lie), against configurable limits, and
// nesting is bounded so skipping an unknown field cannot recurse without end. Errors are
// Invalid statuses naming the byte offset. Binary values come back as views into the input: the
// caller decides what to copy. The writer appends to a std::string and is used by the Parquet
// writer for footers and page headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/status.h"

namespace bundlebase::parquet {

// Compact-protocol wire types. In a field header kBoolTrue/kBoolFalse carry the value itself;
// as a container element type either one means "bool" and each element is one byte.
enum class ThriftType : uint8_t {
  kStop = 0,
  kBoolTrue = 1,
  kBoolFalse = 2,
  kI8 = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
  kUuid = 13,
};

struct ThriftLimits {
  // Longest binary/string value accepted (Arrow's default as well).
  int64_t max_string_size = 100 << 20;
  // Most elements in one list, set or map.
  int64_t max_container_size = 10'000'000;
  // Deepest nesting of structs and containers.
  int max_depth = 64;
};

class ThriftCompactReader {
 public:
  ThriftCompactReader(const uint8_t* data, size_t size, const ThriftLimits& limits = {});

  size_t position() const { return static_cast<size_t>(pos_ - begin_); }
  size_t remaining() const { return static_cast<size_t>(end_ - pos_); }

  // A struct is ReadStructBegin, then ReadFieldHeader (and the field's value) until the header
  // says kStop, then ReadStructEnd.
  Status ReadStructBegin();
  Status ReadStructEnd();
  // The next field's wire type and id; *type is kStop after the last field. A bool field's value
  // is in the header: read it with ReadBool.
  Status ReadFieldHeader(ThriftType* type, int16_t* id);

  Status ReadBool(bool* out);
  Status ReadI8(int8_t* out);
  Status ReadI16(int16_t* out);
  Status ReadI32(int32_t* out);
  Status ReadI64(int64_t* out);
  Status ReadDouble(double* out);
  // A view into the input; valid as long as the input is.
  Status ReadBinary(std::string_view* out);
  Status ReadString(std::string* out);

  // Lists and sets share a header. The element count is checked against the limits and the
  // remaining input before it is returned. An empty list may name any element type (even an
  // invalid one, reported as kStop): nothing of that type is read.
  Status ReadListHeader(ThriftType* element_type, int32_t* size);
  Status ReadMapHeader(ThriftType* key_type, ThriftType* value_type, int32_t* size);

  // Skips one value of wire type `type`, whatever it contains.
  Status Skip(ThriftType type);

 private:
  Status Error(std::string_view what) const;
  Status ReadVarint32(uint32_t* out);
  Status ReadVarint64(uint64_t* out);
  Status CheckElementType(uint8_t type, ThriftType* out) const;
  Status CheckCount(int64_t count, int64_t min_bytes_per_element) const;
  Status SkipValue(ThriftType type, int depth);

  const uint8_t* begin_;
  const uint8_t* pos_;
  const uint8_t* end_;
  ThriftLimits limits_;
  std::vector<int16_t> last_field_ids_;
  int16_t last_field_id_ = 0;
  bool has_pending_bool_ = false;
  bool pending_bool_ = false;
};

class ThriftCompactWriter {
 public:
  explicit ThriftCompactWriter(std::string* out) : out_(out) {}

  void WriteStructBegin();
  // Writes the stop field and returns to the enclosing struct's field ids.
  void WriteStructEnd();
  void WriteFieldHeader(ThriftType type, int16_t id);

  // Field helpers: header plus value.
  void WriteBoolField(int16_t id, bool value);
  void WriteI8Field(int16_t id, int8_t value);
  void WriteI16Field(int16_t id, int16_t value);
  void WriteI32Field(int16_t id, int32_t value);
  void WriteI64Field(int16_t id, int64_t value);
  void WriteDoubleField(int16_t id, double value);
  void WriteBinaryField(int16_t id, std::string_view value);

  // Values: container elements, or a field's value after WriteFieldHeader. A bool is written
  // as one byte, which is right for container elements only; use WriteBoolField for fields.
  void WriteBool(bool value);
  void WriteI8(int8_t value);
  void WriteI16(int16_t value);
  void WriteI32(int32_t value);
  void WriteI64(int64_t value);
  void WriteDouble(double value);
  void WriteBinary(std::string_view value);

  void WriteListHeader(ThriftType element_type, int32_t size);
  void WriteMapHeader(ThriftType key_type, ThriftType value_type, int32_t size);

 private:
  void WriteVarint(uint64_t value);

  std::string* out_;
  std::vector<int16_t> last_field_ids_;
  int16_t last_field_id_ = 0;
};

}  // namespace bundlebase::parquet
