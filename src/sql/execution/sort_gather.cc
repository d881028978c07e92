// Multi-source row gathering with a typed loop per column layout.
#include "sql/execution/sort_gather.h"

#include <cstring>

#include "columnar/builder.h"
#include "columnar/scalar.h"

namespace bundlebase::sql {
namespace {

// The validity bitmap of the gathered column, or null when every gathered row is valid.
Result<BufferPtr> GatherValidity(const std::vector<const Array*>& sources, const RowRef* refs,
                                 int64_t count, int64_t* null_count) {
  *null_count = 0;
  bool any_nulls = false;
  for (const Array* a : sources) any_nulls |= a->null_count() > 0;
  if (!any_nulls) return BufferPtr();
  BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(
                                    static_cast<size_t>(bitmap::BytesForBits(count)), true));
  uint8_t* out = bits->mutable_data();
  int64_t nulls = 0;
  for (int64_t k = 0; k < count; ++k) {
    const bool valid = sources[refs[k].source]->IsValid(refs[k].row);
    if (valid) bitmap::SetBit(out, k);
    nulls += !valid;
  }
  *null_count = nulls;
  if (nulls == 0) return BufferPtr();
  return BufferPtr(std::move(bits));
}

template <typename T>
Result<BufferPtr> GatherValues(const std::vector<const Array*>& sources, const RowRef* refs,
                               int64_t count) {
  BB_ASSIGN_OR_RAISE(auto values, MutableBuffer::Allocate(sizeof(T) * static_cast<size_t>(count)));
  T* out = values->mutable_data_as<T>();
  std::vector<const T*> base(sources.size());
  for (size_t s = 0; s < sources.size(); ++s) base[s] = sources[s]->values<T>();
  for (int64_t k = 0; k < count; ++k) out[k] = base[refs[k].source][refs[k].row];
  return BufferPtr(std::move(values));
}

Result<BufferPtr> GatherFixed(int width, const std::vector<const Array*>& sources,
                              const RowRef* refs, int64_t count) {
  switch (width) {
    case 1: return GatherValues<uint8_t>(sources, refs, count);
    case 2: return GatherValues<uint16_t>(sources, refs, count);
    case 4: return GatherValues<uint32_t>(sources, refs, count);
    case 8: return GatherValues<uint64_t>(sources, refs, count);
    case 16: return GatherValues<MonthDayNano>(sources, refs, count);
    default: return Status::Internal("no gather for values of {} bytes", width);
  }
}

Result<BufferPtr> GatherBits(const std::vector<const Array*>& sources, const RowRef* refs,
                             int64_t count) {
  BB_ASSIGN_OR_RAISE(auto bits, MutableBuffer::Allocate(
                                    static_cast<size_t>(bitmap::BytesForBits(count)), true));
  uint8_t* out = bits->mutable_data();
  for (int64_t k = 0; k < count; ++k) {
    if (sources[refs[k].source]->GetBool(refs[k].row)) bitmap::SetBit(out, k);
  }
  return BufferPtr(std::move(bits));
}

Status GatherStrings(const std::vector<const Array*>& sources, const RowRef* refs, int64_t count,
                     BufferPtr* offsets_out, BufferPtr* data_out) {
  BB_ASSIGN_OR_RAISE(auto offsets,
                     MutableBuffer::Allocate(sizeof(int32_t) * static_cast<size_t>(count + 1)));
  int32_t* off = offsets->mutable_data_as<int32_t>();
  int64_t total = 0;
  off[0] = 0;
  for (int64_t k = 0; k < count; ++k) {
    const int32_t* o = sources[refs[k].source]->offsets();
    total += o[refs[k].row + 1] - o[refs[k].row];
    if (total > INT32_MAX) {
      return Status::ResourceExhausted(
          "a sorted batch of {} rows holds over 2 GiB of text; use a smaller batch size", count);
    }
    off[k + 1] = static_cast<int32_t>(total);
  }
  BB_ASSIGN_OR_RAISE(auto data, MutableBuffer::Allocate(static_cast<size_t>(total)));
  uint8_t* bytes = data->mutable_data();
  for (int64_t k = 0; k < count; ++k) {
    const std::string_view v = sources[refs[k].source]->GetView(refs[k].row);
    if (!v.empty()) std::memcpy(bytes + off[k], v.data(), v.size());
  }
  *offsets_out = std::move(offsets);
  *data_out = std::move(data);
  return Status::OK();
}

// Lists and structs: rare in sort payloads, gathered through their builders.
Result<ArrayPtr> GatherRowByRow(const DataTypePtr& type, const std::vector<const Array*>& sources,
                                const RowRef* refs, int64_t count) {
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(type));
  BB_RETURN_NOT_OK(builder->Reserve(count));
  for (int64_t k = 0; k < count; ++k) {
    BB_ASSIGN_OR_RAISE(Scalar value, GetScalar(*sources[refs[k].source], refs[k].row));
    BB_RETURN_NOT_OK(AppendScalar(builder.get(), value));
  }
  return builder->Finish();
}

}  // namespace

Result<ArrayPtr> GatherColumn(const DataTypePtr& type, const std::vector<const Array*>& sources,
                              const RowRef* refs, int64_t count) {
  if (type->id() == TypeId::kNull) return MakeNullArray(type, count);
  if (type->is_nested()) return GatherRowByRow(type, sources, refs, count);
  int64_t null_count = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr validity, GatherValidity(sources, refs, count, &null_count));
  if (type->id() == TypeId::kBool) {
    BB_ASSIGN_OR_RAISE(BufferPtr bits, GatherBits(sources, refs, count));
    return std::make_shared<Array>(type, count, std::vector<BufferPtr>{validity, bits}, null_count);
  }
  if (type->is_binary_like()) {
    BufferPtr offsets, data;
    BB_RETURN_NOT_OK(GatherStrings(sources, refs, count, &offsets, &data));
    return std::make_shared<Array>(type, count, std::vector<BufferPtr>{validity, offsets, data},
                                   null_count);
  }
  BB_ASSIGN_OR_RAISE(BufferPtr values, GatherFixed(type->byte_width(), sources, refs, count));
  return std::make_shared<Array>(type, count, std::vector<BufferPtr>{validity, values},
                                 null_count);
}

Result<RecordBatchPtr> GatherRows(const SchemaPtr& schema,
                                  const std::vector<RecordBatchPtr>& sources, const RowRef* refs,
                                  int64_t count) {
  std::vector<ArrayPtr> columns;
  columns.reserve(schema->num_fields());
  std::vector<const Array*> column_sources(sources.size());
  for (int c = 0; c < schema->num_fields(); ++c) {
    for (size_t s = 0; s < sources.size(); ++s) column_sources[s] = sources[s]->column(c).get();
    BB_ASSIGN_OR_RAISE(ArrayPtr column,
                       GatherColumn(schema->field(c).type, column_sources, refs, count));
    columns.push_back(std::move(column));
  }
  return std::make_shared<RecordBatch>(schema, count, std::move(columns));
}

namespace {
int64_t EstimateArrayBytes(const Array& a) {
  int64_t bytes = bitmap::BytesForBits(a.length());
  const DataType& type = *a.type();
  if (type.is_binary_like() && a.length() > 0) {
    bytes += 4 * (a.length() + 1) + (a.offsets()[a.length()] - a.offsets()[0]);
  } else if (type.is_fixed_width()) {
    bytes += type.byte_width() * a.length();
  }
  for (const ArrayPtr& child : a.children()) bytes += EstimateArrayBytes(*child);
  return bytes;
}
}  // namespace

int64_t EstimateBatchBytes(const RecordBatch& batch) {
  int64_t bytes = 0;
  for (const ArrayPtr& column : batch.columns()) bytes += EstimateArrayBytes(*column);
  return bytes;
}

}  // namespace bundlebase::sql
