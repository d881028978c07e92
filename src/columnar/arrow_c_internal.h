// Pieces shared by the Arrow C interface files (arrow_c_*.cc), not part of the public API: the
// description of how an incoming column is laid out in Arrow memory, which the import needs
// beyond our own type whenever the producer used a type we convert (large strings, views,
// dictionaries...), and the entry points the stream code reuses.
#pragma once

#include <memory>
#include <vector>

#include "columnar/arrow_c.h"

namespace bundlebase::arrow_c_internal {

enum class ForeignLayout : uint8_t {
  kNative,           // exactly the Arrow layout of `type`
  kLargeBinary,      // "U" / "Z": int64 offsets
  kBinaryView,       // "vu" / "vz": 16-byte views into variadic data buffers
  kLargeList,        // "+L": int64 offsets
  kFixedSizeList,    // "+w:N": no offsets, N items per row
  kFixedSizeBinary,  // "w:N": N bytes per row
  kTime32,           // "tts" / "ttm": int32 in `unit`
  kDate64,           // "tdm": int64 milliseconds
  kFloat16,          // "e"
  kIntervalMonths,   // "tiM": int32 months
  kIntervalDayTime,  // "tiD": int32 days, int32 milliseconds
  kSmallDecimal,     // "d:P,S,32" / "d:P,S,64": `size` bits
  kDictionary,       // integer indices of `index_type` into the dictionary children[0]
};

struct ForeignType {
  ForeignType() = default;
  explicit ForeignType(DataTypePtr t, ForeignLayout l = ForeignLayout::kNative)
      : type(std::move(t)), layout(l) {}

  DataTypePtr type;  // what the import produces
  ForeignLayout layout = ForeignLayout::kNative;
  int64_t size = 0;                 // N of "w:N" / "+w:N", bits of a small decimal
  TimeUnit unit = TimeUnit::kMicro;  // time32's unit
  DataTypePtr index_type;           // dictionary indices
  std::vector<ForeignType> children;  // list item, struct fields, or the dictionary's values
};

// The field `schema` describes (not released), and how its data is laid out.
Result<Field> ParseField(const ArrowSchema& schema, ForeignType* layout);
// The layout of one of our own types: native all the way down.
ForeignType NativeLayout(const DataTypePtr& type);

// Moves `array` into shared ownership (the caller's struct is marked released); the returned
// pointer releases it once, when the last buffer imported from it is gone.
std::shared_ptr<ArrowArray> TakeArray(ArrowArray* array);
// A record batch from a struct array of `layout` (whose fields are `schema`'s), consuming it.
Result<RecordBatchPtr> ImportBatch(ArrowArray* array, const SchemaPtr& schema,
                                   const ForeignType& layout);

}  // namespace bundlebase::arrow_c_internal
