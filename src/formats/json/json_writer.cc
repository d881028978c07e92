// JSON lines output: value by value, recursing into lists and structs.
#include "formats/json/json_writer.h"

#include <cmath>

#include "columnar/value_formatting.h"

namespace bundlebase::json {
namespace {

constexpr size_t kFlushBytes = size_t{1} << 20;

template <typename T>
void AppendInteger(T value, std::string* out) {
  out->append(fmt::format("{}", value));
}

void AppendFloat(double value, bool is_float32, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  out->append(is_float32 ? FormatFloat(static_cast<float>(value)) : FormatDouble(value));
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (byte < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[byte >> 4]);
          out->push_back(kHex[byte & 15]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

Status AppendJsonValue(const Array& array, int64_t row, std::string* out) {
  if (array.IsNull(row)) {
    out->append("null");
    return Status::OK();
  }
  const DataType& type = *array.type();
  switch (type.id()) {
    case TypeId::kBool:
      out->append(array.GetBool(row) ? "true" : "false");
      return Status::OK();
    case TypeId::kInt8: AppendInteger(array.values<int8_t>()[row], out); return Status::OK();
    case TypeId::kInt16: AppendInteger(array.values<int16_t>()[row], out); return Status::OK();
    case TypeId::kInt32: AppendInteger(array.values<int32_t>()[row], out); return Status::OK();
    case TypeId::kInt64: AppendInteger(array.values<int64_t>()[row], out); return Status::OK();
    case TypeId::kUInt8: AppendInteger(array.values<uint8_t>()[row], out); return Status::OK();
    case TypeId::kUInt16: AppendInteger(array.values<uint16_t>()[row], out); return Status::OK();
    case TypeId::kUInt32: AppendInteger(array.values<uint32_t>()[row], out); return Status::OK();
    case TypeId::kUInt64: AppendInteger(array.values<uint64_t>()[row], out); return Status::OK();
    case TypeId::kFloat32:
      AppendFloat(array.values<float>()[row], true, out);
      return Status::OK();
    case TypeId::kFloat64:
      AppendFloat(array.values<double>()[row], false, out);
      return Status::OK();
    case TypeId::kDecimal128:
      out->append(FormatDecimal128(array.values<__int128>()[row], type.scale()));
      return Status::OK();
    case TypeId::kUtf8:
      AppendJsonString(array.GetView(row), out);
      return Status::OK();
    case TypeId::kList: {
      const int32_t* offsets = array.offsets();
      out->push_back('[');
      for (int32_t i = offsets[row]; i < offsets[row + 1]; ++i) {
        if (i > offsets[row]) out->push_back(',');
        BB_RETURN_NOT_OK(AppendJsonValue(*array.child(0), i, out));
      }
      out->push_back(']');
      return Status::OK();
    }
    case TypeId::kStruct: {
      out->push_back('{');
      for (size_t f = 0; f < type.fields().size(); ++f) {
        if (f > 0) out->push_back(',');
        AppendJsonString(type.fields()[f].name, out);
        out->push_back(':');
        BB_RETURN_NOT_OK(AppendJsonValue(*array.child(static_cast<int>(f)), row, out));
      }
      out->push_back('}');
      return Status::OK();
    }
    default: {
      // Dates, times, timestamps, intervals, binary: their text, as a string.
      std::string text;
      BB_RETURN_NOT_OK(AppendFormattedValue(array, row, &text));
      AppendJsonString(text, out);
      return Status::OK();
    }
  }
}

JsonLinesWriter::JsonLinesWriter(io::OutputStream* out, SchemaPtr schema)
    : out_(out), schema_(std::move(schema)) {
  for (const Field& field : schema_->fields()) {
    std::string key;
    AppendJsonString(field.name, &key);
    key.push_back(':');
    keys_.push_back(std::move(key));
  }
}

Status JsonLinesWriter::Write(const RecordBatch& batch) {
  if (batch.num_columns() != schema_->num_fields()) {
    return Status::Invalid("JSON writer: the batch has {} columns but the schema has {}",
                           batch.num_columns(), schema_->num_fields());
  }
  for (int c = 0; c < batch.num_columns(); ++c) {
    if (!batch.column(c)->type()->Equals(*schema_->field(c).type)) {
      return Status::TypeError("JSON writer: column \"{}\" is {} but the schema says {}",
                               schema_->field(c).name, batch.column(c)->type()->ToString(),
                               schema_->field(c).type->ToString());
    }
  }
  for (int64_t row = 0; row < batch.num_rows(); ++row) {
    buffer_.push_back('{');
    for (int c = 0; c < batch.num_columns(); ++c) {
      if (c > 0) buffer_.push_back(',');
      buffer_.append(keys_[c]);
      BB_RETURN_NOT_OK(AppendJsonValue(*batch.column(c), row, &buffer_));
    }
    buffer_.append("}\n");
    ++rows_;
    if (buffer_.size() >= kFlushBytes) {
      BB_RETURN_NOT_OK(out_->Write(buffer_));
      buffer_.clear();
    }
  }
  return Status::OK();
}

Status JsonLinesWriter::Finish() {
  if (!buffer_.empty()) BB_RETURN_NOT_OK(out_->Write(buffer_));
  buffer_.clear();
  return Status::OK();
}

}  // namespace bundlebase::json
