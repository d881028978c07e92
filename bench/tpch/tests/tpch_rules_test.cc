// The fixed vocabularies and the key/price formulas of the generator (tpch_words.h,
// tpch_rules.h, tpch_text.h).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tpch_random.h"
#include "tpch_rules.h"
#include "tpch_schema.h"
#include "tpch_text.h"
#include "tpch_words.h"

namespace bundlebase::tpch {
namespace {

TEST(TpchWords, NinetyTwoDistinctColors) {
  std::set<std::string_view> colors(PartColors().begin(), PartColors().end());
  EXPECT_EQ(colors.size(), 92u);
  EXPECT_EQ(colors.count(""), 0u);
  EXPECT_EQ(colors.count("green"), 1u);
  EXPECT_EQ(colors.count("forest"), 1u);
}

TEST(TpchWords, NationsPointAtFiveRegions) {
  ASSERT_EQ(Nations().size(), 25u);
  ASSERT_EQ(Regions().size(), 5u);
  int per_region[5] = {};
  for (const NationEntry& nation : Nations()) ++per_region[nation.region_key];
  for (int count : per_region) EXPECT_EQ(count, 5);
  EXPECT_EQ(Nations()[7].name, "GERMANY");
  EXPECT_EQ(Regions()[3], "EUROPE");
}

TEST(TpchRules, OrderKeysUseEightOfEveryThirtyTwo) {
  EXPECT_EQ(OrderKeyOfIndex(0), 1);
  EXPECT_EQ(OrderKeyOfIndex(7), 8);
  EXPECT_EQ(OrderKeyOfIndex(8), 33);
  EXPECT_EQ(OrderKeyOfIndex(1'499'999), 5'999'976);
}

TEST(TpchRules, NoOrdersForEveryThirdCustomer) {
  const int64_t customers = 150;
  std::set<int64_t> keys;
  for (int64_t drawn = 1; drawn <= customers; ++drawn) {
    const int64_t key = OrderingCustomerKey(drawn, customers);
    EXPECT_NE(key % 3, 0);
    EXPECT_TRUE(key >= 1 && key <= customers);
    keys.insert(key);
  }
  EXPECT_EQ(keys.size(), 100u);
  EXPECT_EQ(OrderingCustomerKey(3, customers), 4);
  EXPECT_EQ(OrderingCustomerKey(150, customers), 149);
}

TEST(TpchRules, FourDistinctSuppliersPerPart) {
  const int64_t suppliers = 10'000;
  for (int64_t part : {1, 2, 5'000, 199'999, 200'000}) {
    std::set<int64_t> chosen;
    for (int i = 0; i < 4; ++i) chosen.insert(SupplierOfPart(part, i, suppliers));
    EXPECT_EQ(chosen.size(), 4u) << part;
    for (int64_t s : chosen) EXPECT_TRUE(s >= 1 && s <= suppliers);
  }
}

TEST(TpchRules, RetailPriceFormula) {
  EXPECT_EQ(RetailPriceCents(1), 90'100);       // 901.00
  EXPECT_EQ(RetailPriceCents(1'000), 90'100);   // 90000 + 100 + 0
  EXPECT_EQ(RetailPriceCents(999), 90'000 + 99 + 99'900);
}

TEST(TpchRules, FixedDates) {
  EXPECT_EQ(kStartDate, 8035);    // 1992-01-01
  EXPECT_EQ(kCurrentDate, 9298);  // 1995-06-17
  EXPECT_EQ(kEndDate, 10591);     // 1998-12-31
}

TEST(TpchScale, RowCounts) {
  const TpchScale one(1);
  EXPECT_EQ(one.suppliers(), 10'000);
  EXPECT_EQ(one.parts(), 200'000);
  EXPECT_EQ(one.partsupps(), 800'000);
  EXPECT_EQ(one.customers(), 150'000);
  EXPECT_EQ(one.orders(), 1'500'000);
  EXPECT_EQ(TpchScale(0.1).orders(), 150'000);
  EXPECT_EQ(TpchScale(0.00001).suppliers(), 1);
}

TEST(TpchText, GrammarMakesTheWordsQueriesLookFor) {
  const TextPool pool(1 << 20);
  EXPECT_NE(pool.text().find("special"), std::string::npos);
  EXPECT_NE(pool.text().find("requests"), std::string::npos);
  EXPECT_NE(pool.text().find(". "), std::string::npos);
  RowRandom random(Stream::kCustomer, 3);
  for (int i = 0; i < 1000; ++i) {
    const std::string_view comment = pool.Comment(random, 10, 43);
    EXPECT_GE(comment.size(), 10u);
    EXPECT_LE(comment.size(), 43u);
  }
}

TEST(TpchText, PhoneAndNames) {
  RowRandom random(Stream::kSupplier, 0);
  std::string phone;
  AppendPhone(random, 3, phone);
  ASSERT_EQ(phone.size(), 15u);
  EXPECT_EQ(phone.substr(0, 3), "13-");
  EXPECT_EQ(phone[6], '-');
  EXPECT_EQ(phone[10], '-');
  std::string name;
  AppendNumberedName("Supplier", 42, name);
  EXPECT_EQ(name, "Supplier#000000042");
}

TEST(TpchRandom, UniformStaysInRangeAndReachesBothEnds) {
  RowRandom random(Stream::kOrders, 9);
  bool saw_low = false, saw_high = false;
  for (int i = 0; i < 10'000; ++i) {
    const int64_t v = random.Uniform(1, 7);
    ASSERT_TRUE(v >= 1 && v <= 7);
    saw_low = saw_low || v == 1;
    saw_high = saw_high || v == 7;
  }
  EXPECT_TRUE(saw_low && saw_high);
}

}  // namespace
}  // namespace bundlebase::tpch
