// Record assembly and shredding (the Dremel algorithm): between nested arrays and the
// definition/repetition levels plus dense values that Parquet stores per leaf column.
//
// A node of the schema has one value ("slot") for every level entry of any leaf below it whose
// repetition level is at most the node's list depth and whose definition level reaches the
// point where the node's parent exists. From a leaf's levels we can therefore rebuild every
// ancestor: validity from the definition level, list offsets from the repetition level. The
// writer runs the same walk backwards.
#pragma once

#include <cstdint>
#include <vector>

#include "columnar/array.h"
#include "formats/parquet/schema_conversion.h"

namespace bundlebase::parquet {

// One leaf column of a row group as the page decoders produce it.
struct LeafLevels {
  // Definition and repetition levels, one per entry. Empty `def` means every entry is at the
  // maximum definition level (a required column, or one without a null; only outside lists),
  // empty `rep` that every entry starts a record (a column outside lists).
  std::vector<int16_t> def;
  std::vector<int16_t> rep;
  int64_t num_entries = 0;
  // The non-null leaf values, one per entry whose definition level is the maximum, in order.
  ArrayPtr values;
};

// Rebuilds top-level field `node` of `num_rows` rows from its leaves (indexed by leaf index).
Result<ArrayPtr> AssembleField(const SchemaNode& node, const std::vector<LeafLevels>& leaves,
                               int64_t num_rows);

// The writer's direction: levels of every leaf under `node` for `array` (one top-level
// column). Per leaf, `value_rows` lists the row of `leaf_array` (the leaf's innermost child
// array, which may hold rows no entry refers to) for each entry at the maximum definition
// level. A null where the schema says "not null" is an Invalid error. Per-row work: the writer
// keeps flat columns off this path.
struct ShreddedLeaf {
  std::vector<int16_t> def;
  std::vector<int16_t> rep;
  std::vector<int64_t> value_rows;
  ArrayPtr leaf_array;
};
Status ShredField(const SchemaNode& node, const ArrayPtr& array,
                  std::vector<ShreddedLeaf>* leaves /* indexed by leaf index, pre-sized */);

}  // namespace bundlebase::parquet
