// Mapping between a Parquet schema (the flat, depth-first SchemaElement list of a footer) and a
// bundlebase Schema, with the per-leaf facts a column reader or writer needs.
//
// Reading: every leaf (primitive) column gets its path, physical type and maximum definition
// and repetition levels; every field of the resulting Schema gets a SchemaNode tree that says,
// level by level, which definition level means "present" and where lists repeat, so the
// record assembler can rebuild nested arrays (Dremel) from the leaves' levels.
//
// Type mapping (docs/parquet.md has the table): annotated integers to their width, DATE to
// date32, TIME to time64 (millis widened to micros), TIMESTAMP to timestamp with tz "UTC" when
// isAdjustedToUTC, INT96 to timestamp[ns], DECIMAL (any physical type) to decimal128 (and,
// beyond decimal128's 38 digits, to the nearest float64),
// STRING/ENUM/JSON to utf8, other BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY to binary, UUID to utf8
// in its 8-4-4-4-12 text form, LIST (3-level and the legacy 2-level forms) and bare repeated
// fields to list, MAP to list<struct<key, value>>, other groups to struct.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/schema.h"
#include "formats/parquet/metadata.h"

namespace bundlebase::parquet {

// How a leaf's physical values become the column's values.
enum class LeafConversion : uint8_t {
  kDirect,          // stored as the target type's C representation (or narrowed int32)
  kTimeMillis,      // int32 millis -> time64[us]
  kInt96,           // 12-byte Julian day + nanos -> timestamp[ns]
  kDecimalInt32,    // int32 unscaled -> decimal128
  kDecimalInt64,    // int64 unscaled -> decimal128
  kDecimalBytes,    // big-endian two's complement bytes -> decimal128
  kWideDecimal,     // a DECIMAL wider than 38 digits -> float64 (nearest), as DuckDB reads it
  kUuid,            // 16 bytes -> utf8 "xxxxxxxx-xxxx-..."
  kFloat16,         // 2-byte half float -> float32
  kIntervalMillis,  // 12-byte months/days/millis -> interval
};

struct LeafColumn {
  int index = 0;                  // position among the leaves = column chunk index
  std::vector<std::string> path;  // names from the root's child down to the leaf
  std::string dotted_path;        // path joined with '.', for messages
  Type physical_type = Type::kInt32;
  int32_t type_length = 0;        // FIXED_LEN_BYTE_ARRAY width
  int16_t max_definition_level = 0;
  int16_t max_repetition_level = 0;
  DataTypePtr type;               // the values' type in bundlebase
  LeafConversion conversion = LeafConversion::kDirect;
  int decimal_scale = 0;          // kWideDecimal: the stored decimal's scale
  // Sort order of the statistics: signed for numbers, unsigned bytes for strings.
  bool unsigned_order = false;
};

// One node of the assembled schema: a field and how its presence is encoded in levels.
struct SchemaNode {
  enum class Kind : uint8_t { kLeaf, kStruct, kList };
  Kind kind = Kind::kLeaf;
  Field field;
  // Definition level at which this node's value is non-null. For a required node it equals the
  // parent's level (it is present whenever the parent is).
  int16_t definition_level = 0;
  // Repetition level of this node's own repeated ancestor chain (lists: the level of their
  // repeated group).
  int16_t repetition_level = 0;
  // kList: definition level at which the list has at least one element (its repeated group).
  int16_t repeated_definition_level = 0;
  bool nullable = false;
  // kList read from a MAP: the elements are key/value structs.
  bool is_map = false;
  int leaf = -1;                    // kLeaf: index into leaves
  std::vector<SchemaNode> children; // kStruct: fields; kList: one child, the element
};

class ParquetSchema {
 public:
  static Result<ParquetSchema> FromElements(const std::vector<SchemaElement>& elements);

  const SchemaPtr& schema() const { return schema_; }
  const std::vector<LeafColumn>& leaves() const { return leaves_; }
  // One node per top-level field of schema().
  const std::vector<SchemaNode>& fields() const { return fields_; }
  // The leaves under top-level field `i`, in order.
  std::vector<int> LeavesOfField(int i) const;

 private:
  SchemaPtr schema_;
  std::vector<LeafColumn> leaves_;
  std::vector<SchemaNode> fields_;
};

// Field metadata keys. The reader sets them, the writer honours them:
//  - kFieldIdKey: the Parquet field id, in decimal.
//  - kLogicalTypeKey: the Parquet annotation of a column whose bundlebase type does not
//    say it all: "MAP" (on list<struct<key, value>>), "UUID", "JSON" or "ENUM" (on utf8). It is
//    what lets a file be read and written again without turning a MAP into a LIST or a UUID
//    into a string. The writer ignores it where the type does not fit (a MAP hint on a list
//    whose entries or keys may be null: such a list is written as a LIST).
inline constexpr const char* kFieldIdKey = "PARQUET:field_id";
inline constexpr const char* kLogicalTypeKey = "PARQUET:logical_type";

// The SchemaElement list that stores `schema` (the writer's direction). Every bundlebase type
// has a Parquet representation: timestamps in seconds are stored in milliseconds and times in
// seconds or milliseconds in microseconds (the writer converts the values), intervals as
// INTERVAL (12 bytes, milliseconds), null-typed columns as optional INT32 with the UNKNOWN
// annotation.
Result<std::vector<SchemaElement>> ToParquetSchema(const Schema& schema);

// Physical type and width chosen for decimals of a precision: int32 up to 9 digits, int64 up
// to 18, else the fewest FIXED_LEN_BYTE_ARRAY bytes.
Type DecimalPhysicalType(int precision, int32_t* type_length);

}  // namespace bundlebase::parquet
