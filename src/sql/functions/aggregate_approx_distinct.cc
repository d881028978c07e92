// approx_count_distinct(x): an estimate of count(DISTINCT x) from a HyperLogLog sketch (not in
// PostgreSQL; DuckDB and Spark have it). int64; 0 for a group without non-NULL values.
//
// Each group that sees a value gets 2^12 one-byte registers (4 KiB): the standard error is
// 1.04 / sqrt(4096) ~ 1.6%. A row's 64-bit hash (aggregate_rows.h, XXH3 over the value's
// canonical bytes) picks a register with its top 12 bits and offers the position of the first
// set bit of the rest. Merging two sketches takes the larger register, so partial results of
// threads combine exactly. Small counts use linear counting, as the HyperLogLog paper advises.
#include <cmath>
#include <memory>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_rows.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

constexpr int kIndexBits = 12;
constexpr size_t kRegisters = size_t{1} << kIndexBits;

using Sketch = std::unique_ptr<uint8_t[]>;

inline void AddHash(uint8_t* registers, uint64_t hash) {
  const size_t index = static_cast<size_t>(hash >> (64 - kIndexBits));
  const uint64_t rest = hash << kIndexBits;
  const uint8_t rank =
      rest == 0 ? static_cast<uint8_t>(64 - kIndexBits + 1)
                : static_cast<uint8_t>(__builtin_clzll(rest) + 1);
  if (rank > registers[index]) registers[index] = rank;
}

int64_t Estimate(const uint8_t* registers) {
  const double m = static_cast<double>(kRegisters);
  double inverse_sum = 0;
  size_t zeros = 0;
  for (size_t i = 0; i < kRegisters; ++i) {
    inverse_sum += std::ldexp(1.0, -registers[i]);
    zeros += registers[i] == 0;
  }
  const double alpha = 0.7213 / (1 + 1.079 / m);
  double estimate = alpha * m * m / inverse_sum;
  if (estimate <= 2.5 * m && zeros > 0) estimate = m * std::log(m / static_cast<double>(zeros));
  return static_cast<int64_t>(std::llround(estimate));
}

class ApproxDistinctAggregator final : public AggregatorBase {
 public:
  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    hashes_.resize(static_cast<size_t>(length));
    HashRows(*column, hashes_.data());
    const bool single = single_group(group_ids);
    VisitValidRuns(*column, [&](int64_t begin, int64_t end) {
      if (single) {
        uint8_t* registers = SketchOf(0);
        for (int64_t i = begin; i < end; ++i) AddHash(registers, hashes_[i]);
        return;
      }
      for (int64_t i = begin; i < end; ++i) AddHash(SketchOf(group_ids[i]), hashes_[i]);
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<ApproxDistinctAggregator&>(other);
    for (size_t g = 0; g < from.sketches_.size(); ++g) {
      if (!from.sketches_[g]) continue;
      uint8_t* into = SketchOf(group_map[g]);
      const uint8_t* registers = from.sketches_[g].get();
      for (size_t i = 0; i < kRegisters; ++i) into[i] = std::max(into[i], registers[i]);
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    std::vector<int64_t> out(sketches_.size(), 0);
    for (size_t g = 0; g < sketches_.size(); ++g) {
      if (sketches_[g]) out[g] = Estimate(sketches_[g].get());
    }
    return MakeFixedWidthArray<int64_t>(Int64(), out, nullptr);
  }

 private:
  uint8_t* SketchOf(uint32_t group) {
    Sketch& sketch = sketches_[group];
    if (!sketch) sketch = std::make_unique<uint8_t[]>(kRegisters);  // zeroed
    return sketch.get();
  }
  Status Grow(int64_t num_groups) override {
    sketches_.resize(static_cast<size_t>(num_groups));
    return Status::OK();
  }

  std::vector<Sketch> sketches_;  // null until the group sees a value
  std::vector<uint64_t> hashes_;  // scratch: the hashes of the batch being added
};

}  // namespace

void AddApproxDistinctAggregates(std::vector<AggregateFunction>* out) {
  AggregatorFactory factory = WithCallOptions(
      [](const AggregateCallOptions&) -> Result<std::unique_ptr<GroupedAggregator>> {
        return std::make_unique<ApproxDistinctAggregator>();
      },
      /*order_sensitive=*/false);
  out->push_back({"approx_count_distinct",
                  {"Estimates the number of distinct non-NULL values (HyperLogLog, about 1.6% "
                   "standard error); 0 when there are none.",
                   "approx_count_distinct(any) -> bigint",
                   "approx_count_distinct(x) over 1, 2, 2, 3, NULL -> 3"},
                  {{{InputType::Any()}, FixedOutput(Int64()), factory}}});
}

}  // namespace bundlebase::sql
