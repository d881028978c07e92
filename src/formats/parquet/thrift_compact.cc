// Thrift compact protocol: the bounds-checked reader and the writer.
#include "formats/parquet/thrift_compact.h"

#include <cstring>
#include <limits>

#include "formats/parquet/varint.h"

namespace bundlebase::parquet {
namespace {

// Fewest bytes one value of a wire type can take; used to reject counts the input cannot hold.
int64_t MinBytes(ThriftType type) {
  switch (type) {
    case ThriftType::kDouble:
      return 8;
    case ThriftType::kUuid:
      return 16;
    default:
      return 1;
  }
}

}  // namespace

ThriftCompactReader::ThriftCompactReader(const uint8_t* data, size_t size,
                                         const ThriftLimits& limits)
    : begin_(data), pos_(data), end_(data + size), limits_(limits) {}

Status ThriftCompactReader::Error(std::string_view what) const {
  return Status::Invalid("malformed Thrift data at byte {}: {}", position(), what);
}

Status ThriftCompactReader::ReadVarint32(uint32_t* out) {
  size_t n = DecodeUleb128(pos_, end_, out);
  if (n == 0) return Error("truncated or overlong 32-bit varint");
  pos_ += n;
  return Status::OK();
}

Status ThriftCompactReader::ReadVarint64(uint64_t* out) {
  size_t n = DecodeUleb128(pos_, end_, out);
  if (n == 0) return Error("truncated or overlong 64-bit varint");
  pos_ += n;
  return Status::OK();
}

Status ThriftCompactReader::ReadStructBegin() {
  if (static_cast<int>(last_field_ids_.size()) >= limits_.max_depth) {
    return Error("structs nested too deeply");
  }
  last_field_ids_.push_back(last_field_id_);
  last_field_id_ = 0;
  return Status::OK();
}

Status ThriftCompactReader::ReadStructEnd() {
  if (last_field_ids_.empty()) return Status::Internal("ReadStructEnd without ReadStructBegin");
  last_field_id_ = last_field_ids_.back();
  last_field_ids_.pop_back();
  return Status::OK();
}

Status ThriftCompactReader::ReadFieldHeader(ThriftType* type, int16_t* id) {
  if (pos_ >= end_) return Error("input ends inside a struct");
  uint8_t byte = *pos_++;
  has_pending_bool_ = false;
  if (byte == 0) {
    *type = ThriftType::kStop;
    *id = 0;
    return Status::OK();
  }
  uint8_t wire = byte & 0x0F;
  if (wire > static_cast<uint8_t>(ThriftType::kUuid)) return Error("unknown field type");
  int delta = byte >> 4;
  int32_t field_id;
  if (delta != 0) {
    field_id = last_field_id_ + delta;
  } else {
    int16_t explicit_id;
    BB_RETURN_NOT_OK(ReadI16(&explicit_id));
    field_id = explicit_id;
  }
  if (field_id > std::numeric_limits<int16_t>::max()) return Error("field id out of range");
  last_field_id_ = static_cast<int16_t>(field_id);
  *type = static_cast<ThriftType>(wire);
  *id = last_field_id_;
  if (*type == ThriftType::kBoolTrue || *type == ThriftType::kBoolFalse) {
    has_pending_bool_ = true;
    pending_bool_ = *type == ThriftType::kBoolTrue;
  }
  return Status::OK();
}

Status ThriftCompactReader::ReadBool(bool* out) {
  if (has_pending_bool_) {
    has_pending_bool_ = false;
    *out = pending_bool_;
    return Status::OK();
  }
  if (pos_ >= end_) return Error("truncated bool");
  uint8_t byte = *pos_++;
  // The spec says 1/0; older writers use 1/2 as in field headers.
  if (byte > 2) return Error("bad bool value");
  *out = byte == 1;
  return Status::OK();
}

Status ThriftCompactReader::ReadI8(int8_t* out) {
  if (pos_ >= end_) return Error("truncated i8");
  *out = static_cast<int8_t>(*pos_++);
  return Status::OK();
}

Status ThriftCompactReader::ReadI16(int16_t* out) {
  uint32_t raw;
  BB_RETURN_NOT_OK(ReadVarint32(&raw));
  int32_t v = ZigZagDecode32(raw);
  if (v < std::numeric_limits<int16_t>::min() || v > std::numeric_limits<int16_t>::max()) {
    return Error("i16 out of range");
  }
  *out = static_cast<int16_t>(v);
  return Status::OK();
}

Status ThriftCompactReader::ReadI32(int32_t* out) {
  uint32_t raw;
  BB_RETURN_NOT_OK(ReadVarint32(&raw));
  *out = ZigZagDecode32(raw);
  return Status::OK();
}

Status ThriftCompactReader::ReadI64(int64_t* out) {
  uint64_t raw;
  BB_RETURN_NOT_OK(ReadVarint64(&raw));
  *out = ZigZagDecode64(raw);
  return Status::OK();
}

Status ThriftCompactReader::ReadDouble(double* out) {
  if (remaining() < 8) return Error("truncated double");
  // Little endian on the wire, as on every platform this builds for.
  std::memcpy(out, pos_, 8);
  pos_ += 8;
  return Status::OK();
}

Status ThriftCompactReader::ReadBinary(std::string_view* out) {
  uint32_t length;
  BB_RETURN_NOT_OK(ReadVarint32(&length));
  if (length > static_cast<uint64_t>(limits_.max_string_size)) {
    return Error("binary value longer than the configured limit");
  }
  if (length > remaining()) return Error("binary length runs past the end of the input");
  *out = std::string_view(reinterpret_cast<const char*>(pos_), length);
  pos_ += length;
  return Status::OK();
}

Status ThriftCompactReader::ReadString(std::string* out) {
  std::string_view view;
  BB_RETURN_NOT_OK(ReadBinary(&view));
  out->assign(view);
  return Status::OK();
}

Status ThriftCompactReader::CheckElementType(uint8_t type, ThriftType* out) const {
  if (type == 0 || type > static_cast<uint8_t>(ThriftType::kUuid)) {
    return Error("unknown container element type");
  }
  *out = static_cast<ThriftType>(type);
  return Status::OK();
}

Status ThriftCompactReader::CheckCount(int64_t count, int64_t min_bytes_per_element) const {
  if (count > limits_.max_container_size) {
    return Error("container larger than the configured limit");
  }
  if (count > static_cast<int64_t>(remaining()) / min_bytes_per_element) {
    return Error("container count larger than the remaining input can hold");
  }
  return Status::OK();
}

Status ThriftCompactReader::ReadListHeader(ThriftType* element_type, int32_t* size) {
  if (pos_ >= end_) return Error("truncated list header");
  uint8_t byte = *pos_++;
  has_pending_bool_ = false;
  uint32_t count = byte >> 4;
  if (count == 15) {
    BB_RETURN_NOT_OK(ReadVarint32(&count));
    if (count > static_cast<uint32_t>(std::numeric_limits<int32_t>::max())) {
      return Error("negative list size");
    }
  }
  if (count == 0) {
    // No element is read, so the type does not matter: hyparquet-writer leaves it 0 in the
    // empty row_groups list of a file without rows, and Arrow C++ and DuckDB accept that.
    const uint8_t type = byte & 0x0F;
    *element_type = type == 0 || type > static_cast<uint8_t>(ThriftType::kUuid)
                        ? ThriftType::kStop
                        : static_cast<ThriftType>(type);
    *size = 0;
    return Status::OK();
  }
  BB_RETURN_NOT_OK(CheckElementType(byte & 0x0F, element_type));
  BB_RETURN_NOT_OK(CheckCount(count, MinBytes(*element_type)));
  *size = static_cast<int32_t>(count);
  return Status::OK();
}

Status ThriftCompactReader::ReadMapHeader(ThriftType* key_type, ThriftType* value_type,
                                          int32_t* size) {
  uint32_t count;
  BB_RETURN_NOT_OK(ReadVarint32(&count));
  has_pending_bool_ = false;
  if (count > static_cast<uint32_t>(std::numeric_limits<int32_t>::max())) {
    return Error("negative map size");
  }
  if (count == 0) {
    *key_type = ThriftType::kStop;
    *value_type = ThriftType::kStop;
    *size = 0;
    return Status::OK();
  }
  if (pos_ >= end_) return Error("truncated map header");
  uint8_t types = *pos_++;
  BB_RETURN_NOT_OK(CheckElementType(types >> 4, key_type));
  BB_RETURN_NOT_OK(CheckElementType(types & 0x0F, value_type));
  BB_RETURN_NOT_OK(CheckCount(count, MinBytes(*key_type) + MinBytes(*value_type)));
  *size = static_cast<int32_t>(count);
  return Status::OK();
}

Status ThriftCompactReader::Skip(ThriftType type) {
  return SkipValue(type, static_cast<int>(last_field_ids_.size()));
}

Status ThriftCompactReader::SkipValue(ThriftType type, int depth) {
  switch (type) {
    case ThriftType::kBoolTrue:
    case ThriftType::kBoolFalse: {
      bool ignored;
      return ReadBool(&ignored);
    }
    case ThriftType::kI8:
      if (pos_ >= end_) return Error("truncated i8");
      ++pos_;
      return Status::OK();
    case ThriftType::kI16:
    case ThriftType::kI32: {
      uint32_t ignored;
      return ReadVarint32(&ignored);
    }
    case ThriftType::kI64: {
      uint64_t ignored;
      return ReadVarint64(&ignored);
    }
    case ThriftType::kDouble:
      if (remaining() < 8) return Error("truncated double");
      pos_ += 8;
      return Status::OK();
    case ThriftType::kUuid:
      if (remaining() < 16) return Error("truncated uuid");
      pos_ += 16;
      return Status::OK();
    case ThriftType::kBinary: {
      std::string_view ignored;
      return ReadBinary(&ignored);
    }
    case ThriftType::kStruct: {
      if (depth >= limits_.max_depth) return Error("structs nested too deeply");
      int16_t saved_id = last_field_id_;
      last_field_id_ = 0;
      while (true) {
        ThriftType field_type;
        int16_t id;
        BB_RETURN_NOT_OK(ReadFieldHeader(&field_type, &id));
        if (field_type == ThriftType::kStop) break;
        BB_RETURN_NOT_OK(SkipValue(field_type, depth + 1));
      }
      last_field_id_ = saved_id;
      return Status::OK();
    }
    case ThriftType::kList:
    case ThriftType::kSet: {
      if (depth >= limits_.max_depth) return Error("containers nested too deeply");
      ThriftType element_type;
      int32_t size;
      BB_RETURN_NOT_OK(ReadListHeader(&element_type, &size));
      for (int32_t i = 0; i < size; ++i) {
        BB_RETURN_NOT_OK(SkipValue(element_type, depth + 1));
      }
      return Status::OK();
    }
    case ThriftType::kMap: {
      if (depth >= limits_.max_depth) return Error("containers nested too deeply");
      ThriftType key_type, value_type;
      int32_t size;
      BB_RETURN_NOT_OK(ReadMapHeader(&key_type, &value_type, &size));
      for (int32_t i = 0; i < size; ++i) {
        BB_RETURN_NOT_OK(SkipValue(key_type, depth + 1));
        BB_RETURN_NOT_OK(SkipValue(value_type, depth + 1));
      }
      return Status::OK();
    }
    case ThriftType::kStop:
      break;
  }
  return Error("cannot skip a value of type STOP");
}

// ---- writer ----

void ThriftCompactWriter::WriteVarint(uint64_t value) { AppendUleb128(value, out_); }

void ThriftCompactWriter::WriteStructBegin() {
  last_field_ids_.push_back(last_field_id_);
  last_field_id_ = 0;
}

void ThriftCompactWriter::WriteStructEnd() {
  out_->push_back('\0');
  last_field_id_ = last_field_ids_.back();
  last_field_ids_.pop_back();
}

void ThriftCompactWriter::WriteFieldHeader(ThriftType type, int16_t id) {
  int delta = id - last_field_id_;
  if (delta > 0 && delta <= 15) {
    out_->push_back(static_cast<char>((delta << 4) | static_cast<int>(type)));
  } else {
    out_->push_back(static_cast<char>(type));
    WriteI16(id);
  }
  last_field_id_ = id;
}

void ThriftCompactWriter::WriteBoolField(int16_t id, bool value) {
  WriteFieldHeader(value ? ThriftType::kBoolTrue : ThriftType::kBoolFalse, id);
}
void ThriftCompactWriter::WriteI8Field(int16_t id, int8_t value) {
  WriteFieldHeader(ThriftType::kI8, id);
  WriteI8(value);
}
void ThriftCompactWriter::WriteI16Field(int16_t id, int16_t value) {
  WriteFieldHeader(ThriftType::kI16, id);
  WriteI16(value);
}
void ThriftCompactWriter::WriteI32Field(int16_t id, int32_t value) {
  WriteFieldHeader(ThriftType::kI32, id);
  WriteI32(value);
}
void ThriftCompactWriter::WriteI64Field(int16_t id, int64_t value) {
  WriteFieldHeader(ThriftType::kI64, id);
  WriteI64(value);
}
void ThriftCompactWriter::WriteDoubleField(int16_t id, double value) {
  WriteFieldHeader(ThriftType::kDouble, id);
  WriteDouble(value);
}
void ThriftCompactWriter::WriteBinaryField(int16_t id, std::string_view value) {
  WriteFieldHeader(ThriftType::kBinary, id);
  WriteBinary(value);
}

void ThriftCompactWriter::WriteBool(bool value) { out_->push_back(value ? 1 : 0); }
void ThriftCompactWriter::WriteI8(int8_t value) { out_->push_back(static_cast<char>(value)); }
void ThriftCompactWriter::WriteI16(int16_t value) { WriteVarint(ZigZagEncode32(value)); }
void ThriftCompactWriter::WriteI32(int32_t value) { WriteVarint(ZigZagEncode32(value)); }
void ThriftCompactWriter::WriteI64(int64_t value) { WriteVarint(ZigZagEncode64(value)); }

void ThriftCompactWriter::WriteDouble(double value) {
  char bytes[8];
  std::memcpy(bytes, &value, 8);
  out_->append(bytes, 8);
}

void ThriftCompactWriter::WriteBinary(std::string_view value) {
  WriteVarint(value.size());
  out_->append(value);
}

void ThriftCompactWriter::WriteListHeader(ThriftType element_type, int32_t size) {
  if (size < 15) {
    out_->push_back(static_cast<char>((size << 4) | static_cast<int>(element_type)));
  } else {
    out_->push_back(static_cast<char>(0xF0 | static_cast<int>(element_type)));
    WriteVarint(static_cast<uint32_t>(size));
  }
}

void ThriftCompactWriter::WriteMapHeader(ThriftType key_type, ThriftType value_type,
                                         int32_t size) {
  WriteVarint(static_cast<uint32_t>(size));
  if (size > 0) {
    out_->push_back(
        static_cast<char>((static_cast<int>(key_type) << 4) | static_cast<int>(value_type)));
  }
}

}  // namespace bundlebase::parquet
