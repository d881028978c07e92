// The whole TPC-H dataset at one scale factor: all eight tables written as
// <out_dir>/<table>.parquet, the smallest first, reporting each table as it is done.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tpch_schema.h"
#include "tpch_table_writer.h"

namespace bundlebase::tpch {

// One generation step: a table, or orders and lineitem, which are generated together.
struct TableReport {
  std::vector<std::string> names;
  std::vector<int64_t> rows;  // per table
  double seconds = 0;
};

Status GenerateDataset(const TpchScale& scale, const TableWriteOptions& options,
                       const std::function<void(const TableReport&)>& on_table_done);

}  // namespace bundlebase::tpch
