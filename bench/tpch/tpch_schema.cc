// Schemas of the eight TPC-H tables and their scaled row counts.
#include "tpch_schema.h"

#include <algorithm>
#include <cmath>

namespace bundlebase::tpch {
namespace {

Field Key(std::string name) { return Field(std::move(name), Int64(), false); }
Field SmallKey(std::string name) { return Field(std::move(name), Int32(), false); }
Field Text(std::string name) { return Field(std::move(name), Utf8(), false); }
Field Money(std::string name) { return Field(std::move(name), MoneyType(), false); }
Field Date(std::string name) { return Field(std::move(name), Date32(), false); }

}  // namespace

int64_t TpchScale::Scaled(int64_t rows_at_scale_one) const {
  return std::max<int64_t>(1, std::llround(factor_ * static_cast<double>(rows_at_scale_one)));
}

DataTypePtr MoneyType() { return Decimal128(15, 2); }

SchemaPtr RegionSchema() {
  return MakeSchema({SmallKey("r_regionkey"), Text("r_name"), Text("r_comment")});
}

SchemaPtr NationSchema() {
  return MakeSchema({SmallKey("n_nationkey"), Text("n_name"), SmallKey("n_regionkey"),
                     Text("n_comment")});
}

SchemaPtr SupplierSchema() {
  return MakeSchema({Key("s_suppkey"), Text("s_name"), Text("s_address"),
                     SmallKey("s_nationkey"), Text("s_phone"), Money("s_acctbal"),
                     Text("s_comment")});
}

SchemaPtr CustomerSchema() {
  return MakeSchema({Key("c_custkey"), Text("c_name"), Text("c_address"),
                     SmallKey("c_nationkey"), Text("c_phone"), Money("c_acctbal"),
                     Text("c_mktsegment"), Text("c_comment")});
}

SchemaPtr PartSchema() {
  return MakeSchema({Key("p_partkey"), Text("p_name"), Text("p_mfgr"), Text("p_brand"),
                     Text("p_type"), SmallKey("p_size"), Text("p_container"),
                     Money("p_retailprice"), Text("p_comment")});
}

SchemaPtr PartSuppSchema() {
  return MakeSchema({Key("ps_partkey"), Key("ps_suppkey"), Key("ps_availqty"),
                     Money("ps_supplycost"), Text("ps_comment")});
}

SchemaPtr OrdersSchema() {
  return MakeSchema({Key("o_orderkey"), Key("o_custkey"), Text("o_orderstatus"),
                     Money("o_totalprice"), Date("o_orderdate"), Text("o_orderpriority"),
                     Text("o_clerk"), SmallKey("o_shippriority"), Text("o_comment")});
}

SchemaPtr LineitemSchema() {
  return MakeSchema({Key("l_orderkey"), Key("l_partkey"), Key("l_suppkey"),
                     Key("l_linenumber"), Money("l_quantity"), Money("l_extendedprice"),
                     Money("l_discount"), Money("l_tax"), Text("l_returnflag"),
                     Text("l_linestatus"), Date("l_shipdate"), Date("l_commitdate"),
                     Date("l_receiptdate"), Text("l_shipinstruct"), Text("l_shipmode"),
                     Text("l_comment")});
}

}  // namespace bundlebase::tpch
