// The TPC-H tables' schemas and row counts per scale factor (specification clause 4.2.5), plus
// the fixed dates of clause 4.2.3.
//
// Column types are the ones DuckDB's tpch extension gives its tables, so DuckDB over our files
// and DuckDB over its own generated tables see the same types: BIGINT keys (INTEGER for
// nation and region keys), DECIMAL(15,2) money, quantities, discounts and taxes, DATE dates,
// VARCHAR text, every column NOT NULL.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "columnar/schema.h"

namespace bundlebase::tpch {

// Days since 1970-01-01, the date32 representation.
constexpr int32_t DaysSinceEpoch(int year, unsigned month, unsigned day) {
  return static_cast<int32_t>(
      std::chrono::sys_days(std::chrono::year(year) / std::chrono::month(month) /
                            std::chrono::day(day))
          .time_since_epoch()
          .count());
}

constexpr int32_t kStartDate = DaysSinceEpoch(1992, 1, 1);
constexpr int32_t kCurrentDate = DaysSinceEpoch(1995, 6, 17);
constexpr int32_t kEndDate = DaysSinceEpoch(1998, 12, 31);

// Row counts at one scale factor. Fractional factors (0.01, 0.1) scale every count; each is at
// least 1.
class TpchScale {
 public:
  explicit TpchScale(double factor) : factor_(factor) {}

  double factor() const { return factor_; }
  int64_t suppliers() const { return Scaled(10'000); }
  int64_t parts() const { return Scaled(200'000); }
  int64_t partsupps() const { return parts() * kSuppliersPerPart; }
  int64_t customers() const { return Scaled(150'000); }
  int64_t orders() const { return Scaled(1'500'000); }
  int64_t clerks() const { return Scaled(1'000); }

  static constexpr int kSuppliersPerPart = 4;

 private:
  int64_t Scaled(int64_t rows_at_scale_one) const;
  double factor_;
};

SchemaPtr RegionSchema();
SchemaPtr NationSchema();
SchemaPtr SupplierSchema();
SchemaPtr CustomerSchema();
SchemaPtr PartSchema();
SchemaPtr PartSuppSchema();
SchemaPtr OrdersSchema();
SchemaPtr LineitemSchema();

// DECIMAL(15,2), the type of every money, quantity, discount and tax column.
DataTypePtr MoneyType();

}  // namespace bundlebase::tpch
