// The region, nation, supplier and customer tables (specification clause 4.2.3).
#include <string>

#include "tpch_batch.h"
#include "tpch_random.h"
#include "tpch_tables.h"
#include "tpch_text.h"
#include "tpch_words.h"

namespace bundlebase::tpch {
namespace {

constexpr int32_t kLastNationKey = 24;
constexpr int64_t kMinAccountBalanceCents = -99'999;
constexpr int64_t kMaxAccountBalanceCents = 999'999;

// Q16 looks for suppliers whose comment matches '%Customer%Complaints%'; the spec plants that
// (and '%Customer%Recommends%') in SF * 5 suppliers each, i.e. 5 in 10,000.
constexpr int64_t kPlantedCommentsPerTenThousand = 5;

// Overwrites part of `comment` with "Customer " and, further on, `verdict`, as the spec does.
void PlantCustomerVerdict(RowRandom& random, std::string_view verdict, std::string& comment) {
  constexpr std::string_view kCustomer = "Customer ";
  const int64_t free = static_cast<int64_t>(comment.size() - kCustomer.size() - verdict.size());
  const int64_t start = random.Uniform(0, free);
  const int64_t gap = random.Uniform(0, free - start);
  comment.replace(static_cast<size_t>(start), kCustomer.size(), kCustomer);
  comment.replace(static_cast<size_t>(start + static_cast<int64_t>(kCustomer.size()) + gap),
                  verdict.size(), verdict);
}

}  // namespace

Result<RecordBatchPtr> GenerateRegions() {
  const TextPool& text = SharedTextPool();
  Int32Builder key(Int32());
  BinaryBuilder name;
  BinaryBuilder comment;
  for (int32_t r = 0; r < static_cast<int32_t>(Regions().size()); ++r) {
    RowRandom random(Stream::kRegion, r);
    BB_RETURN_NOT_OK(key.Append(r));
    BB_RETURN_NOT_OK(name.Append(Regions()[r]));
    BB_RETURN_NOT_OK(comment.Append(text.Comment(random, 31, 115)));
  }
  return FinishBatch(RegionSchema(), {&key, &name, &comment});
}

Result<RecordBatchPtr> GenerateNations() {
  const TextPool& text = SharedTextPool();
  Int32Builder key(Int32());
  BinaryBuilder name;
  Int32Builder region(Int32());
  BinaryBuilder comment;
  for (int32_t n = 0; n < static_cast<int32_t>(Nations().size()); ++n) {
    RowRandom random(Stream::kNation, n);
    BB_RETURN_NOT_OK(key.Append(n));
    BB_RETURN_NOT_OK(name.Append(Nations()[n].name));
    BB_RETURN_NOT_OK(region.Append(Nations()[n].region_key));
    BB_RETURN_NOT_OK(comment.Append(text.Comment(random, 31, 114)));
  }
  return FinishBatch(NationSchema(), {&key, &name, &region, &comment});
}

Result<RecordBatchPtr> GenerateSuppliers(const TpchScale&, int64_t first_row, int64_t rows) {
  const TextPool& text = SharedTextPool();
  Int64Builder key(Int64());
  BinaryBuilder name, address, phone, comment;
  Int32Builder nation(Int32());
  Decimal128Builder balance(MoneyType());
  std::string scratch;
  for (int64_t row = first_row; row < first_row + rows; ++row) {
    RowRandom random(Stream::kSupplier, row);
    const int64_t supp_key = row + 1;
    BB_RETURN_NOT_OK(key.Append(supp_key));
    scratch.clear();
    AppendNumberedName("Supplier", supp_key, scratch);
    BB_RETURN_NOT_OK(name.Append(scratch));
    scratch.clear();
    AppendVString(random, 10, 40, scratch);
    BB_RETURN_NOT_OK(address.Append(scratch));
    const auto nation_key = static_cast<int32_t>(random.Uniform(0, kLastNationKey));
    BB_RETURN_NOT_OK(nation.Append(nation_key));
    scratch.clear();
    AppendPhone(random, nation_key, scratch);
    BB_RETURN_NOT_OK(phone.Append(scratch));
    BB_RETURN_NOT_OK(
        balance.Append(random.Uniform(kMinAccountBalanceCents, kMaxAccountBalanceCents)));
    scratch.assign(text.Comment(random, 25, 100));
    const int64_t verdict_draw = random.Uniform(1, 10'000);
    if (verdict_draw <= kPlantedCommentsPerTenThousand) {
      PlantCustomerVerdict(random, "Complaints", scratch);
    } else if (verdict_draw <= 2 * kPlantedCommentsPerTenThousand) {
      PlantCustomerVerdict(random, "Recommends", scratch);
    }
    BB_RETURN_NOT_OK(comment.Append(scratch));
  }
  return FinishBatch(SupplierSchema(),
                     {&key, &name, &address, &nation, &phone, &balance, &comment});
}

Result<RecordBatchPtr> GenerateCustomers(const TpchScale&, int64_t first_row, int64_t rows) {
  const TextPool& text = SharedTextPool();
  Int64Builder key(Int64());
  BinaryBuilder name, address, phone, segment, comment;
  Int32Builder nation(Int32());
  Decimal128Builder balance(MoneyType());
  std::string scratch;
  for (int64_t row = first_row; row < first_row + rows; ++row) {
    RowRandom random(Stream::kCustomer, row);
    const int64_t cust_key = row + 1;
    BB_RETURN_NOT_OK(key.Append(cust_key));
    scratch.clear();
    AppendNumberedName("Customer", cust_key, scratch);
    BB_RETURN_NOT_OK(name.Append(scratch));
    scratch.clear();
    AppendVString(random, 10, 40, scratch);
    BB_RETURN_NOT_OK(address.Append(scratch));
    const auto nation_key = static_cast<int32_t>(random.Uniform(0, kLastNationKey));
    BB_RETURN_NOT_OK(nation.Append(nation_key));
    scratch.clear();
    AppendPhone(random, nation_key, scratch);
    BB_RETURN_NOT_OK(phone.Append(scratch));
    BB_RETURN_NOT_OK(
        balance.Append(random.Uniform(kMinAccountBalanceCents, kMaxAccountBalanceCents)));
    BB_RETURN_NOT_OK(segment.Append(PickWord(MarketSegments(), random)));
    BB_RETURN_NOT_OK(comment.Append(text.Comment(random, 29, 116)));
  }
  return FinishBatch(CustomerSchema(),
                     {&key, &name, &address, &nation, &phone, &balance, &segment, &comment});
}

}  // namespace bundlebase::tpch
