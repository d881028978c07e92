// Field -> leaf column chunks: the flat fast path and the shredded nested path.
#include "formats/parquet/field_writer.h"

#include <memory>

#include "formats/parquet/record_assembly.h"

namespace bundlebase::parquet {
namespace {

Status WriteFlatPiece(const LeafColumn& leaf, const Array& array, ColumnChunkWriter* writer) {
  const int64_t n = array.length();
  if (array.type_id() == TypeId::kNull) {
    std::vector<int16_t> def(static_cast<size_t>(n), 0);
    BB_ASSIGN_OR_RAISE(PhysicalValues none, PhysicalValues::Make(leaf, array, nullptr, 0));
    return writer->Write(n, def.data(), nullptr, none);
  }
  if (array.null_count() == 0) {
    BB_ASSIGN_OR_RAISE(PhysicalValues values, PhysicalValues::Make(leaf, array, nullptr, n));
    return writer->Write(n, nullptr, nullptr, values);
  }
  if (leaf.max_definition_level == 0) {
    return Status::Invalid("column '{}' is declared not null but holds {} nulls",
                           leaf.dotted_path, array.null_count());
  }
  std::vector<int16_t> def(static_cast<size_t>(n));
  std::vector<int64_t> rows;
  rows.reserve(static_cast<size_t>(n - array.null_count()));
  const uint8_t* validity = array.validity();
  for (int64_t i = 0; i < n; ++i) {
    const bool valid = bitmap::GetBit(validity, array.offset() + i);
    def[i] = valid;
    if (valid) rows.push_back(i);
  }
  BB_ASSIGN_OR_RAISE(PhysicalValues values,
                     PhysicalValues::Make(leaf, array, rows.data(),
                                          static_cast<int64_t>(rows.size())));
  return writer->Write(n, def.data(), nullptr, values);
}

}  // namespace

Result<std::vector<EncodedColumnChunk>> EncodeFieldChunks(const SchemaNode& node,
                                                          const std::vector<int>& leaf_ids,
                                                          const std::vector<LeafColumn>& leaves,
                                                          const std::vector<ArrayPtr>& pieces,
                                                          const ColumnWriteOptions& options) {
  std::vector<std::unique_ptr<ColumnChunkWriter>> writers;
  for (int id : leaf_ids) writers.push_back(std::make_unique<ColumnChunkWriter>(leaves[id], options));
  if (node.kind == SchemaNode::Kind::kLeaf) {
    for (const ArrayPtr& piece : pieces) {
      BB_RETURN_NOT_OK(WriteFlatPiece(leaves[node.leaf], *piece, writers[0].get()));
    }
  } else {
    std::vector<ShreddedLeaf> shredded(leaves.size());
    for (const ArrayPtr& piece : pieces) {
      for (int id : leaf_ids) shredded[id] = ShreddedLeaf();
      BB_RETURN_NOT_OK(ShredField(node, piece, &shredded));
      for (size_t k = 0; k < leaf_ids.size(); ++k) {
        const LeafColumn& leaf = leaves[leaf_ids[k]];
        const ShreddedLeaf& s = shredded[leaf_ids[k]];
        BB_ASSIGN_OR_RAISE(PhysicalValues values,
                           PhysicalValues::Make(leaf, *s.leaf_array, s.value_rows.data(),
                                                static_cast<int64_t>(s.value_rows.size())));
        BB_RETURN_NOT_OK(writers[k]->Write(
            static_cast<int64_t>(s.def.size()),
            leaf.max_definition_level > 0 ? s.def.data() : nullptr,
            leaf.max_repetition_level > 0 ? s.rep.data() : nullptr, values));
      }
    }
  }
  std::vector<EncodedColumnChunk> chunks;
  for (auto& writer : writers) {
    BB_ASSIGN_OR_RAISE(EncodedColumnChunk chunk, writer->Finish());
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

}  // namespace bundlebase::parquet
