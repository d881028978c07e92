// Dremel record assembly (levels -> nested arrays) and shredding (nested arrays -> levels).
#include "formats/parquet/record_assembly.h"

#include "formats/parquet/leaf_scatter.h"

namespace bundlebase::parquet {
namespace {

// Where a node's slots come from: entries with rep <= max_rep and def >= min_def.
struct SlotRule {
  int16_t max_rep = 0;
  int16_t min_def = 0;
};

int16_t At(const std::vector<int16_t>& v, int64_t i) { return v.empty() ? 0 : v[i]; }

int FirstLeaf(const SchemaNode& node) {
  const SchemaNode* n = &node;
  while (n->kind != SchemaNode::Kind::kLeaf) n = &n->children[0];
  return n->leaf;
}

// Entry indices of the slots of a node, read from one leaf below it.
std::vector<int64_t> Slots(const LeafLevels& leaf, SlotRule rule) {
  std::vector<int64_t> out;
  if (leaf.rep.empty() && (leaf.def.empty() || rule.min_def == 0)) {
    out.resize(leaf.num_entries);
    for (int64_t i = 0; i < leaf.num_entries; ++i) out[i] = i;
    return out;
  }
  out.reserve(leaf.num_entries);
  for (int64_t i = 0; i < leaf.num_entries; ++i) {
    if (At(leaf.rep, i) <= rule.max_rep && At(leaf.def, i) >= rule.min_def) out.push_back(i);
  }
  return out;
}

// Validity bitmap of the slots: valid when the entry's definition level reaches `level`.
Result<BufferPtr> Validity(const LeafLevels& leaf, const std::vector<int64_t>& slots,
                           int16_t level, int64_t* null_count) {
  *null_count = 0;
  if (leaf.def.empty()) return BufferPtr();
  BB_ASSIGN_OR_RAISE(auto bits,
                     MutableBuffer::Allocate(bitmap::BytesForBits(slots.size()), true));
  uint8_t* b = bits->mutable_data();
  for (size_t s = 0; s < slots.size(); ++s) {
    if (leaf.def[slots[s]] >= level) {
      bitmap::SetBit(b, static_cast<int64_t>(s));
    } else {
      ++*null_count;
    }
  }
  if (*null_count == 0) return BufferPtr();
  return BufferPtr(std::move(bits));
}

Result<ArrayPtr> Build(const SchemaNode& node, const std::vector<LeafLevels>& leaves,
                       SlotRule rule, int64_t expected);

// Spreads the dense leaf values over the slots, inserting nulls.
Result<ArrayPtr> BuildLeaf(const SchemaNode& node, const LeafLevels& leaf,
                           const std::vector<int64_t>& slots) {
  int64_t null_count = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr validity, Validity(leaf, slots, node.definition_level, &null_count));
  const int64_t n = static_cast<int64_t>(slots.size());
  const ArrayPtr& values = leaf.values;
  if (values->length() != n - null_count) {
    return Status::Invalid("column '{}' has {} values for {} non-null entries", node.field.name,
                           values->length(), n - null_count);
  }
  if (null_count == 0) return values;
  return ScatterLeafValues(values, std::move(validity), n, null_count);
}

// A top-level leaf: one slot per entry, so its validity comes straight from the levels.
Result<ArrayPtr> BuildFlatLeaf(const SchemaNode& node, const LeafLevels& leaf, int64_t num_rows) {
  if (leaf.num_entries != num_rows) {
    return Status::Invalid("column '{}' has {} values where {} were expected", node.field.name,
                           leaf.num_entries, num_rows);
  }
  int64_t null_count = 0;
  BufferPtr validity;
  if (!leaf.def.empty()) {
    BB_ASSIGN_OR_RAISE(validity, ValidityFromLevels(leaf.def.data(), num_rows,
                                                    node.definition_level, &null_count));
  }
  if (leaf.values->length() != num_rows - null_count) {
    return Status::Invalid("column '{}' has {} values for {} non-null entries", node.field.name,
                           leaf.values->length(), num_rows - null_count);
  }
  if (null_count == 0) return leaf.values;
  return ScatterLeafValues(leaf.values, std::move(validity), num_rows, null_count);
}

Result<ArrayPtr> BuildList(const SchemaNode& node, const std::vector<LeafLevels>& leaves,
                           const std::vector<int64_t>& slots, SlotRule element_rule) {
  const LeafLevels& leaf = leaves[FirstLeaf(node)];
  int64_t null_count = 0;
  BB_ASSIGN_OR_RAISE(BufferPtr validity, Validity(leaf, slots, node.definition_level, &null_count));
  const int64_t n = static_cast<int64_t>(slots.size());
  BB_ASSIGN_OR_RAISE(auto offsets_buf, MutableBuffer::Allocate((n + 1) * sizeof(int32_t)));
  int32_t* offsets = offsets_buf->mutable_data_as<int32_t>();
  // Count element slots between consecutive list slots.
  int64_t elements = 0;
  size_t s = 0;
  for (int64_t i = 0; i < leaf.num_entries; ++i) {
    if (s < slots.size() && slots[s] == i) {
      if (elements > INT32_MAX) return Status::ResourceExhausted("list column too large");
      offsets[s++] = static_cast<int32_t>(elements);
    }
    if (At(leaf.rep, i) <= element_rule.max_rep && At(leaf.def, i) >= element_rule.min_def) {
      ++elements;
    }
  }
  if (s != slots.size()) return Status::Internal("list slots out of order");
  offsets[n] = static_cast<int32_t>(elements);
  BB_ASSIGN_OR_RAISE(ArrayPtr items, Build(node.children[0], leaves, element_rule, elements));
  return std::make_shared<Array>(node.field.type, n,
                                 std::vector<BufferPtr>{validity, std::move(offsets_buf)},
                                 null_count, 0, std::vector<ArrayPtr>{items});
}

Result<ArrayPtr> Build(const SchemaNode& node, const std::vector<LeafLevels>& leaves,
                       SlotRule rule, int64_t expected) {
  const LeafLevels& leaf = leaves[FirstLeaf(node)];
  std::vector<int64_t> slots = Slots(leaf, rule);
  if (static_cast<int64_t>(slots.size()) != expected) {
    return Status::Invalid("column '{}' has {} values where {} were expected",
                           node.field.name, slots.size(), expected);
  }
  switch (node.kind) {
    case SchemaNode::Kind::kLeaf:
      return BuildLeaf(node, leaf, slots);
    case SchemaNode::Kind::kList:
      return BuildList(node, leaves, slots,
                       SlotRule{node.repetition_level, node.repeated_definition_level});
    case SchemaNode::Kind::kStruct: {
      int64_t null_count = 0;
      BB_ASSIGN_OR_RAISE(BufferPtr validity,
                         Validity(leaf, slots, node.definition_level, &null_count));
      std::vector<ArrayPtr> children;
      for (const auto& c : node.children) {
        BB_ASSIGN_OR_RAISE(ArrayPtr child, Build(c, leaves, rule, expected));
        children.push_back(std::move(child));
      }
      return std::make_shared<Array>(node.field.type, expected, std::vector<BufferPtr>{validity},
                                     null_count, 0, std::move(children));
    }
  }
  return Status::Internal("unknown schema node kind");
}

}  // namespace

Result<ArrayPtr> AssembleField(const SchemaNode& node, const std::vector<LeafLevels>& leaves,
                               int64_t num_rows) {
  if (node.kind == SchemaNode::Kind::kLeaf && leaves[node.leaf].rep.empty()) {
    return BuildFlatLeaf(node, leaves[node.leaf], num_rows);
  }
  return Build(node, leaves, SlotRule{0, 0}, num_rows);
}

namespace {

struct Shredder {
  std::vector<ShreddedLeaf>* leaves;

  void EmitEmpty(const SchemaNode& node, int16_t def, int16_t rep) {
    if (node.kind == SchemaNode::Kind::kLeaf) {
      auto& l = (*leaves)[node.leaf];
      l.def.push_back(def);
      l.rep.push_back(rep);
      return;
    }
    for (const auto& c : node.children) EmitEmpty(c, def, rep);
  }

  Status Emit(const SchemaNode& node, const Array& array, int64_t i, int16_t rep) {
    if (array.IsNull(i)) {
      // A required node has no definition level of its own to say "null" with.
      if (!node.nullable) {
        return Status::Invalid("column '{}' is declared not null but holds a null",
                               node.field.name);
      }
      EmitEmpty(node, static_cast<int16_t>(node.definition_level - 1), rep);
      return Status::OK();
    }
    switch (node.kind) {
      case SchemaNode::Kind::kLeaf: {
        auto& l = (*leaves)[node.leaf];
        l.def.push_back(node.definition_level);
        l.rep.push_back(rep);
        l.value_rows.push_back(i);
        return Status::OK();
      }
      case SchemaNode::Kind::kStruct:
        for (size_t c = 0; c < node.children.size(); ++c) {
          BB_RETURN_NOT_OK(Emit(node.children[c], *array.child(static_cast<int>(c)), i, rep));
        }
        return Status::OK();
      case SchemaNode::Kind::kList: {
        const int32_t* o = array.offsets();
        if (o[i] == o[i + 1]) {
          EmitEmpty(node, node.definition_level, rep);
          return Status::OK();
        }
        for (int32_t k = o[i]; k < o[i + 1]; ++k) {
          BB_RETURN_NOT_OK(
              Emit(node.children[0], *array.child(0), k, k == o[i] ? rep : node.repetition_level));
        }
        return Status::OK();
      }
    }
    return Status::Internal("unknown schema node kind");
  }

  void SetLeafArrays(const SchemaNode& node, const ArrayPtr& array) {
    switch (node.kind) {
      case SchemaNode::Kind::kLeaf:
        (*leaves)[node.leaf].leaf_array = array;
        return;
      case SchemaNode::Kind::kStruct:
        for (size_t c = 0; c < node.children.size(); ++c) {
          SetLeafArrays(node.children[c], array->child(static_cast<int>(c)));
        }
        return;
      case SchemaNode::Kind::kList:
        SetLeafArrays(node.children[0], array->child(0));
        return;
    }
  }
};

}  // namespace

Status ShredField(const SchemaNode& node, const ArrayPtr& array,
                  std::vector<ShreddedLeaf>* leaves) {
  Shredder s{leaves};
  s.SetLeafArrays(node, array);
  for (int64_t i = 0; i < array->length(); ++i) BB_RETURN_NOT_OK(s.Emit(node, *array, i, 0));
  return Status::OK();
}

}  // namespace bundlebase::parquet
