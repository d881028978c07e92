// The arithmetic rules of TPC-H's data (specification clause 4.2.3) that tie columns and
// tables together: part prices, which suppliers supply a part, the sparse order keys and which
// customers place orders. Tests check the generated tables against these same formulas.
#pragma once

#include <cstdint>

namespace bundlebase::tpch {

// p_retailprice in cents: (90000 + ((partkey / 10) mod 20001) + 100 * (partkey mod 1000)) / 100
// dollars.
constexpr int64_t RetailPriceCents(int64_t part_key) {
  return 90000 + (part_key / 10) % 20001 + 100 * (part_key % 1000);
}

// The supplier of `part_key`'s `index`-th (0..3) partsupp row; lineitems pick one of the four
// at random, so every lineitem's (partkey, suppkey) exists in partsupp.
constexpr int64_t SupplierOfPart(int64_t part_key, int64_t index, int64_t suppliers) {
  return (part_key + index * (suppliers / 4 + (part_key - 1) / suppliers)) % suppliers + 1;
}

// Order keys are sparse: of every 32 consecutive keys only the first 8 are used, so the
// benchmark's refresh functions have room to insert. `order_index` counts from 0.
constexpr int64_t OrderKeyOfIndex(int64_t order_index) {
  return (order_index / 8) * 32 + order_index % 8 + 1;
}

// Customers whose key is a multiple of 3 place no orders (a third of them, which Q13 and Q22
// count). An order draws a key uniformly from all customers and moves a multiple of 3 to the
// next key (the previous one at the very end), as the reference generator does: customers
// just after a multiple of 3 then get twice as many orders as the others, and that spread is
// what gives Q13 its answer's many distinct order counts.
constexpr int64_t OrderingCustomerKey(int64_t drawn_key, int64_t customers) {
  if (drawn_key % 3 != 0) return drawn_key;
  return drawn_key < customers ? drawn_key + 1 : drawn_key - 1;
}

}  // namespace bundlebase::tpch
