// Row generators for the eight TPC-H tables (specification clause 4.2.3).
//
// Each generator produces a contiguous range of a table's rows as one record batch, and the
// same range always yields the same rows (tpch_random.h), so ranges may be generated on any
// thread in any order. Orders and their lineitems come from one generator because lineitem
// rows are drawn per order and o_totalprice and o_orderstatus are computed from them.
#pragma once

#include <cstdint>

#include "columnar/record_batch.h"
#include "tpch_schema.h"

namespace bundlebase::tpch {

Result<RecordBatchPtr> GenerateRegions();
Result<RecordBatchPtr> GenerateNations();
// Rows first_row .. first_row + rows - 1 (row r holds key r + 1).
Result<RecordBatchPtr> GenerateSuppliers(const TpchScale& scale, int64_t first_row, int64_t rows);
Result<RecordBatchPtr> GenerateCustomers(const TpchScale& scale, int64_t first_row, int64_t rows);
Result<RecordBatchPtr> GenerateParts(const TpchScale& scale, int64_t first_row, int64_t rows);
// The four partsupp rows of each of the parts first_part_row .. first_part_row + part_rows - 1.
Result<RecordBatchPtr> GeneratePartSupps(const TpchScale& scale, int64_t first_part_row,
                                         int64_t part_rows);

struct OrderBatches {
  RecordBatchPtr orders;
  RecordBatchPtr lineitem;  // the lines of exactly those orders, in order
};
// Orders first_row .. first_row + rows - 1 (in order-index space, see OrderKeyOfIndex).
Result<OrderBatches> GenerateOrders(const TpchScale& scale, int64_t first_row, int64_t rows);

}  // namespace bundlebase::tpch
