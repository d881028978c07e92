// The generated tables obey the spec's rules: key ranges, dependent columns (extended price,
// total price, order status, line status, return flag, dates), and the same rows however a
// table is split into chunks. The dataset is written as Parquet and reads back.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "formats/parquet/file_reader.h"
#include "io/local_file_system.h"
#include "test_util.h"
#include "tpch_dataset.h"
#include "tpch_rules.h"
#include "tpch_tables.h"

namespace bundlebase::tpch {
namespace {

const TpchScale kScale(0.01);

int64_t Int(const RecordBatch& batch, const char* column, int64_t row) {
  const ArrayPtr array = batch.GetColumnByName(column);
  if (array->type_id() == TypeId::kInt32 || array->type_id() == TypeId::kDate32) {
    return array->values<int32_t>()[row];
  }
  if (array->type_id() == TypeId::kDecimal128) {
    return static_cast<int64_t>(array->values<__int128>()[row]);
  }
  return array->values<int64_t>()[row];
}

std::string_view Text(const RecordBatch& batch, const char* column, int64_t row) {
  return batch.GetColumnByName(column)->GetView(row);
}

TEST(TpchTables, LinesFollowTheirOrders) {
  ASSERT_OK_AND_ASSIGN(OrderBatches batches, GenerateOrders(kScale, 0, 2'000));
  const RecordBatch& orders = *batches.orders;
  const RecordBatch& lines = *batches.lineitem;
  ASSERT_EQ(orders.num_rows(), 2'000);

  // Per order: the totals and statuses its lines imply.
  struct Expected {
    int64_t total_cents = 0;
    int lines = 0, shipped = 0;
  };
  std::map<int64_t, Expected> by_order;
  int64_t previous_order = 0, previous_line = 0;
  for (int64_t i = 0; i < lines.num_rows(); ++i) {
    const int64_t order_key = Int(lines, "l_orderkey", i);
    const int64_t line = Int(lines, "l_linenumber", i);
    EXPECT_EQ(line, order_key == previous_order ? previous_line + 1 : 1);
    previous_order = order_key;
    previous_line = line;
    EXPECT_LE(line, 7);

    const int64_t part = Int(lines, "l_partkey", i);
    const int64_t quantity = Int(lines, "l_quantity", i);
    ASSERT_TRUE(part >= 1 && part <= kScale.parts());
    EXPECT_EQ(quantity % 100, 0);
    EXPECT_EQ(Int(lines, "l_extendedprice", i), quantity / 100 * RetailPriceCents(part));
    bool supplies = false;
    for (int s = 0; s < 4; ++s) {
      supplies = supplies ||
                 Int(lines, "l_suppkey", i) == SupplierOfPart(part, s, kScale.suppliers());
    }
    EXPECT_TRUE(supplies) << "lineitem " << i << " has a supplier that does not supply its part";

    const int64_t discount = Int(lines, "l_discount", i), tax = Int(lines, "l_tax", i);
    EXPECT_TRUE(discount >= 0 && discount <= 10);
    EXPECT_TRUE(tax >= 0 && tax <= 8);
    const int64_t ship = Int(lines, "l_shipdate", i), receipt = Int(lines, "l_receiptdate", i);
    EXPECT_TRUE(receipt > ship && receipt <= ship + 30);
    EXPECT_EQ(Text(lines, "l_linestatus", i), ship > kCurrentDate ? "O" : "F");
    const std::string_view flag = Text(lines, "l_returnflag", i);
    if (receipt <= kCurrentDate) {
      EXPECT_TRUE(flag == "R" || flag == "A") << flag;
    } else {
      EXPECT_EQ(flag, "N");
    }
    Expected& expected = by_order[order_key];
    expected.total_cents +=
        (Int(lines, "l_extendedprice", i) * (100 + tax) * (100 - discount) + 5'000) / 10'000;
    ++expected.lines;
    expected.shipped += ship > kCurrentDate ? 0 : 1;
  }

  for (int64_t i = 0; i < orders.num_rows(); ++i) {
    const int64_t key = Int(orders, "o_orderkey", i);
    EXPECT_EQ(key, OrderKeyOfIndex(i));
    EXPECT_NE(Int(orders, "o_custkey", i) % 3, 0);
    const int64_t date = Int(orders, "o_orderdate", i);
    EXPECT_TRUE(date >= kStartDate && date <= kEndDate - 151);
    const Expected& expected = by_order[key];
    ASSERT_GE(expected.lines, 1) << "order " << key << " has no lines";
    EXPECT_EQ(Int(orders, "o_totalprice", i), expected.total_cents);
    const std::string_view status = Text(orders, "o_orderstatus", i);
    if (expected.shipped == expected.lines) {
      EXPECT_EQ(status, "F");
    } else if (expected.shipped == 0) {
      EXPECT_EQ(status, "O");
    } else {
      EXPECT_EQ(status, "P");
    }
  }
}

TEST(TpchTables, ChunksDoNotChangeTheRows) {
  ASSERT_OK_AND_ASSIGN(OrderBatches whole, GenerateOrders(kScale, 0, 300));
  ASSERT_OK_AND_ASSIGN(OrderBatches tail, GenerateOrders(kScale, 100, 200));
  EXPECT_TRUE(whole.orders->Slice(100, 200)->Equals(*tail.orders));
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr parts, GenerateParts(kScale, 0, 50));
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr later_parts, GenerateParts(kScale, 20, 30));
  EXPECT_TRUE(parts->Slice(20, 30)->Equals(*later_parts));
}

TEST(TpchTables, PartsAndTheirSuppliers) {
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr parts, GenerateParts(kScale, 0, 500));
  for (int64_t i = 0; i < parts->num_rows(); ++i) {
    const std::string name(Text(*parts, "p_name", i));
    EXPECT_EQ(std::count(name.begin(), name.end(), ' '), 4) << name;
    const std::string mfgr(Text(*parts, "p_mfgr", i));
    const std::string brand(Text(*parts, "p_brand", i));
    EXPECT_EQ(brand.substr(0, 7), "Brand#" + mfgr.substr(13, 1));
    EXPECT_EQ(Int(*parts, "p_retailprice", i), RetailPriceCents(i + 1));
    const int64_t size = Int(*parts, "p_size", i);
    EXPECT_TRUE(size >= 1 && size <= 50);
  }
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr partsupp, GeneratePartSupps(kScale, 0, 500));
  ASSERT_EQ(partsupp->num_rows(), 2'000);
  std::set<std::pair<int64_t, int64_t>> pairs;
  for (int64_t i = 0; i < partsupp->num_rows(); ++i) {
    pairs.insert({Int(*partsupp, "ps_partkey", i), Int(*partsupp, "ps_suppkey", i)});
    const int64_t cost = Int(*partsupp, "ps_supplycost", i);
    EXPECT_TRUE(cost >= 100 && cost <= 100'000);
  }
  EXPECT_EQ(pairs.size(), 2'000u);
}

TEST(TpchTables, SuppliersAndCustomers) {
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr suppliers, GenerateSuppliers(TpchScale(1), 0, 10'000));
  int complaints = 0;
  for (int64_t i = 0; i < suppliers->num_rows(); ++i) {
    const std::string_view comment = Text(*suppliers, "s_comment", i);
    const size_t customer = comment.find("Customer ");
    complaints += customer != std::string_view::npos &&
                  comment.find("Complaints", customer) != std::string_view::npos;
    const std::string_view phone = Text(*suppliers, "s_phone", i);
    EXPECT_EQ(std::stoi(std::string(phone.substr(0, 2))),
              Int(*suppliers, "s_nationkey", i) + 10);
  }
  // The spec plants SF * 5 of them; ours are drawn with that probability.
  EXPECT_GE(complaints, 1);
  EXPECT_LE(complaints, 15);
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr customers, GenerateCustomers(kScale, 0, 10));
  EXPECT_EQ(Text(*customers, "c_name", 9), "Customer#000000010");
}

TEST(TpchDataset, WritesEveryTableAsParquet) {
  testing::ScratchDir dir;
  TableWriteOptions options;
  options.out_dir = dir.path().string();
  options.parquet.codec = parquet::CompressionCodec::kSnappy;
  std::map<std::string, int64_t> reported;
  ASSERT_OK(GenerateDataset(TpchScale(0.001), options, [&](const TableReport& report) {
    for (size_t i = 0; i < report.names.size(); ++i) reported[report.names[i]] = report.rows[i];
  }));
  EXPECT_EQ(reported.size(), 8u);
  EXPECT_EQ(reported["region"], 5);
  EXPECT_EQ(reported["nation"], 25);
  EXPECT_EQ(reported["orders"], 1'500);
  auto fs = io::LocalFileSystem::Instance();
  for (const auto& [table, rows] : reported) {
    ASSERT_OK_AND_ASSIGN(RecordBatchPtr batch,
                         parquet::ReadParquetFile(fs, dir.Path(table + ".parquet")));
    EXPECT_EQ(batch->num_rows(), rows) << table;
  }
  ASSERT_OK_AND_ASSIGN(RecordBatchPtr lineitem,
                       parquet::ReadParquetFile(fs, dir.Path("lineitem.parquet")));
  EXPECT_TRUE(lineitem->schema()->Equals(*LineitemSchema()));
}

}  // namespace
}  // namespace bundlebase::tpch
