// Exporting arrays and record batches through the Arrow C Data Interface without copying: the
// exported struct points into our buffers, and its private data holds the Array (and so every
// buffer and child) until the consumer calls release.
//
// Struct children: Arrow reads row i of a struct at offset o from row o + i of each child
// (after the child's own offset), while our child row i is the struct's row i. So a child is
// exported "shifted": with base b = the struct's physical offset, its Arrow offset is
// child.offset - b and its Arrow length child.length + b, which makes Arrow's row o + i land
// on our row i. That needs child.offset >= b, true for everything our builders, slicing and
// import produce; any other array is compacted (copied) first.
#include "columnar/arrow_c.h"

namespace bundlebase {
namespace {

// Arrow wants real pointers for data buffers, even empty ones.
alignas(64) const uint8_t kZeros[64] = {};

struct ArrayPrivate {
  ArrayPtr array;  // keeps the buffers and children alive
  std::vector<const void*> buffers;
  std::vector<ArrowArray> children;
  std::vector<ArrowArray*> child_pointers;
};

void ReleaseArray(ArrowArray* array) {
  if (array->release == nullptr) return;
  for (int64_t i = 0; i < array->n_children; ++i) {
    ArrowArray* child = array->children[i];
    if (child->release != nullptr) child->release(child);  // a consumer may have moved it
  }
  delete static_cast<ArrayPrivate*>(array->private_data);
  array->release = nullptr;
}

const void* DataPointer(const std::vector<BufferPtr>& buffers, size_t i) {
  return i < buffers.size() && buffers[i] && buffers[i]->data() ? buffers[i]->data() : kZeros;
}

// Whether `a` can be exported with Arrow row `base + i` as our row i, without copying.
bool ExportableInPlace(const Array& a, int64_t base) {
  switch (a.type_id()) {
    case TypeId::kNull: return true;
    case TypeId::kList: return a.offset() >= base && ExportableInPlace(*a.child(0), 0);
    case TypeId::kStruct:
      if (a.offset() < base) return false;
      for (const auto& child : a.children()) {
        if (!ExportableInPlace(*child, a.offset())) return false;
      }
      return true;
    default: return a.offset() >= base;
  }
}

// Fills `out` so that its Arrow row `base + i` is our row i (see the file comment).
Status FillArray(const ArrayPtr& array, int64_t base, ArrowArray* out) {
  const Array& a = *array;
  const int64_t length = a.length() + base;
  const bool is_null_type = a.type_id() == TypeId::kNull;
  const int64_t offset = is_null_type ? 0 : a.offset() - base;
  const uint8_t* validity = a.validity();
  int64_t null_count = 0;
  if (is_null_type) {
    null_count = length;
  } else if (validity != nullptr) {
    null_count = base == 0 ? a.null_count()
                           : length - bitmap::CountSetBits(validity, offset, length);
  }
  auto* p = new ArrayPrivate;
  p->array = array;
  std::vector<ArrayPtr> children;
  switch (a.type_id()) {
    case TypeId::kNull: break;
    case TypeId::kUtf8:
    case TypeId::kBinary:
      p->buffers = {validity, DataPointer(a.buffers(), 1), DataPointer(a.buffers(), 2)};
      break;
    case TypeId::kList:
      p->buffers = {validity, DataPointer(a.buffers(), 1)};
      children = a.children();
      break;
    case TypeId::kStruct:
      p->buffers = {validity};
      children = a.children();
      break;
    default:  // bool and fixed width
      p->buffers = {validity, DataPointer(a.buffers(), 1)};
      break;
  }
  p->children.resize(children.size());
  for (auto& child : p->children) p->child_pointers.push_back(&child);
  *out = ArrowArray{length,
                    null_count,
                    offset,
                    static_cast<int64_t>(p->buffers.size()),
                    0,
                    p->buffers.empty() ? nullptr : p->buffers.data(),
                    p->child_pointers.empty() ? nullptr : p->child_pointers.data(),
                    nullptr,
                    &ReleaseArray,
                    p};
  const int64_t child_base = a.type_id() == TypeId::kStruct ? a.offset() : 0;
  for (const ArrayPtr& child : children) {
    Status st = FillArray(child, child_base, &p->children[out->n_children]);
    if (!st.ok()) {
      out->release(out);
      return st;
    }
    ++out->n_children;
  }
  return Status::OK();
}

}  // namespace

Status ExportArray(const ArrayPtr& array, ArrowArray* out) {
  ArrayPtr exported = array;
  if (!ExportableInPlace(*array, 0)) {
    // Concatenating copies into fresh builders, whose arrays all start at offset 0.
    BB_ASSIGN_OR_RAISE(exported, Concatenate({array, array->Slice(0, 0)}));
  }
  return FillArray(exported, 0, out);
}

Status ExportRecordBatch(const RecordBatchPtr& batch, ArrowArray* out, ArrowSchema* out_schema) {
  auto as_struct =
      std::make_shared<Array>(Struct(batch->schema()->fields()), batch->num_rows(),
                              std::vector<BufferPtr>{nullptr}, 0, 0, batch->columns());
  BB_RETURN_NOT_OK(ExportArray(as_struct, out));
  if (out_schema != nullptr) {
    Status st = ExportSchema(*batch->schema(), out_schema);
    if (!st.ok()) {
      out->release(out);
      return st;
    }
  }
  return Status::OK();
}

}  // namespace bundlebase
