// Structural checks of decoded (or about-to-be-written) footers and page headers.
#include <vector>

#include "formats/parquet/metadata.h"

namespace bundlebase::parquet {
namespace {

// Deeper schemas than this are refused: no real schema comes close, and it keeps recursive
// consumers of the tree (schema conversion, level computation) on a bounded stack.
constexpr size_t kMaxSchemaDepth = 256;

Status Malformed(std::string_view what) {
  return Status::Invalid("malformed Parquet metadata: {}", what);
}

// Walks the depth-first element list using num_children; counts the leaves.
Status CheckSchemaTree(const std::vector<SchemaElement>& schema, int* leaves) {
  *leaves = 0;
  if (schema.empty()) return Malformed("the schema is empty");
  if (!schema[0].is_group()) return Malformed("the schema root is not a group");
  std::vector<int64_t> pending;  // children still to visit, per open group
  pending.push_back(schema[0].num_children.value_or(0));
  if (pending.back() < 0) return Malformed("the schema root has a negative num_children");
  size_t next = 1;
  while (!pending.empty()) {
    if (pending.back() == 0) {
      pending.pop_back();
      continue;
    }
    --pending.back();
    if (next >= schema.size()) {
      return Malformed("the schema has fewer elements than its num_children announce");
    }
    const SchemaElement& e = schema[next++];
    int32_t children = e.num_children.value_or(0);
    if (children < 0) {
      return Status::Invalid("malformed Parquet metadata: schema element '{}' has {} children",
                             e.name, children);
    }
    if (e.is_group()) {
      if (pending.size() >= kMaxSchemaDepth) return Malformed("the schema is nested too deeply");
      pending.push_back(children);
    } else {
      if (children > 0) {
        return Status::Invalid(
            "malformed Parquet metadata: primitive schema element '{}' has children", e.name);
      }
      if (e.type_length && *e.type_length < 0) {
        return Status::Invalid(
            "malformed Parquet metadata: schema element '{}' has a negative type_length",
            e.name);
      }
      ++*leaves;
    }
  }
  if (next != schema.size()) {
    return Status::Invalid(
        "malformed Parquet metadata: the schema tree ends after {} of its {} elements", next,
        schema.size());
  }
  return Status::OK();
}

Status CheckNonNegative(int64_t value, std::string_view what) {
  if (value < 0) return Status::Invalid("malformed Parquet metadata: negative {}: {}", what, value);
  return Status::OK();
}

Status CheckColumnChunk(const ColumnChunk& cc) {
  BB_RETURN_NOT_OK(CheckNonNegative(cc.file_offset, "column chunk file_offset"));
  if (!cc.meta_data) return Status::OK();
  const ColumnMetaData& md = *cc.meta_data;
  BB_RETURN_NOT_OK(CheckNonNegative(md.num_values, "column num_values"));
  BB_RETURN_NOT_OK(CheckNonNegative(md.total_uncompressed_size, "column total_uncompressed_size"));
  BB_RETURN_NOT_OK(CheckNonNegative(md.total_compressed_size, "column total_compressed_size"));
  BB_RETURN_NOT_OK(CheckNonNegative(md.data_page_offset, "column data_page_offset"));
  if (md.dictionary_page_offset) {
    BB_RETURN_NOT_OK(CheckNonNegative(*md.dictionary_page_offset, "dictionary_page_offset"));
  }
  if (md.index_page_offset) {
    BB_RETURN_NOT_OK(CheckNonNegative(*md.index_page_offset, "index_page_offset"));
  }
  return Status::OK();
}

}  // namespace

int CountLeafColumns(const std::vector<SchemaElement>& schema) {
  int leaves = 0;
  for (size_t i = 1; i < schema.size(); ++i) leaves += schema[i].is_group() ? 0 : 1;
  return leaves;
}

Status ValidateFileMetaData(const FileMetaData& md) {
  int leaves;
  BB_RETURN_NOT_OK(CheckSchemaTree(md.schema, &leaves));
  BB_RETURN_NOT_OK(CheckNonNegative(md.num_rows, "num_rows"));
  for (size_t i = 0; i < md.row_groups.size(); ++i) {
    const RowGroup& rg = md.row_groups[i];
    BB_RETURN_NOT_OK(CheckNonNegative(rg.num_rows, "row group num_rows"));
    BB_RETURN_NOT_OK(CheckNonNegative(rg.total_byte_size, "row group total_byte_size"));
    if (rg.file_offset) BB_RETURN_NOT_OK(CheckNonNegative(*rg.file_offset, "row group offset"));
    if (rg.total_compressed_size) {
      BB_RETURN_NOT_OK(CheckNonNegative(*rg.total_compressed_size, "row group compressed size"));
    }
    if (rg.columns.size() != static_cast<size_t>(leaves)) {
      return Status::Invalid(
          "malformed Parquet metadata: row group {} has {} column chunks but the schema has {} "
          "columns",
          i, rg.columns.size(), leaves);
    }
    for (const ColumnChunk& cc : rg.columns) BB_RETURN_NOT_OK(CheckColumnChunk(cc));
  }
  return Status::OK();
}

Status ValidatePageHeader(const PageHeader& h) {
  BB_RETURN_NOT_OK(CheckNonNegative(h.uncompressed_page_size, "uncompressed_page_size"));
  BB_RETURN_NOT_OK(CheckNonNegative(h.compressed_page_size, "compressed_page_size"));
  switch (h.type) {
    case PageType::kDataPage:
      if (!h.data_page_header) return Malformed("a DATA_PAGE without its data_page_header");
      return CheckNonNegative(h.data_page_header->num_values, "page num_values");
    case PageType::kDictionaryPage:
      if (!h.dictionary_page_header) {
        return Malformed("a DICTIONARY_PAGE without its dictionary_page_header");
      }
      return CheckNonNegative(h.dictionary_page_header->num_values, "dictionary num_values");
    case PageType::kDataPageV2: {
      if (!h.data_page_header_v2) return Malformed("a DATA_PAGE_V2 without its header");
      const DataPageHeaderV2& v2 = *h.data_page_header_v2;
      BB_RETURN_NOT_OK(CheckNonNegative(v2.num_values, "page num_values"));
      BB_RETURN_NOT_OK(CheckNonNegative(v2.num_nulls, "page num_nulls"));
      BB_RETURN_NOT_OK(CheckNonNegative(v2.num_rows, "page num_rows"));
      BB_RETURN_NOT_OK(CheckNonNegative(v2.definition_levels_byte_length, "level length"));
      BB_RETURN_NOT_OK(CheckNonNegative(v2.repetition_levels_byte_length, "level length"));
      if (v2.num_nulls > v2.num_values) return Malformed("a page with more nulls than values");
      if (v2.num_rows > v2.num_values) return Malformed("a page with more rows than values");
      int64_t levels = int64_t{v2.definition_levels_byte_length} +
                       v2.repetition_levels_byte_length;
      if (levels > h.compressed_page_size || levels > h.uncompressed_page_size) {
        return Malformed("a DATA_PAGE_V2 whose levels are longer than the page");
      }
      return Status::OK();
    }
    default:
      // Index pages and page types newer than this code are skipped by readers.
      return Status::OK();
  }
}

}  // namespace bundlebase::parquet
