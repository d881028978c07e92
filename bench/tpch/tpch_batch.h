// Finishing a table's column builders into one record batch of its schema, shared by the
// table generators.
#pragma once

#include <initializer_list>

#include "columnar/builder.h"
#include "columnar/record_batch.h"

namespace bundlebase::tpch {

using DateBuilder = FixedWidthBuilder<int32_t>;

// `builders` in schema order, each holding the same number of rows.
inline Result<RecordBatchPtr> FinishBatch(const SchemaPtr& schema,
                                          std::initializer_list<ArrayBuilder*> builders) {
  std::vector<ArrayPtr> columns;
  columns.reserve(builders.size());
  for (ArrayBuilder* builder : builders) {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, builder->Finish());
    columns.push_back(std::move(column));
  }
  return RecordBatch::Make(schema, std::move(columns));
}

}  // namespace bundlebase::tpch
