// sum and avg over numbers: one accumulator per group (a sum and a count), templated over the
// input's physical type and the accumulator type.
//
// Accumulators are wide enough that PostgreSQL's result types hold (see aggregate_functions.h):
// small integers add into int64 with an overflow check, int64 and decimals into __int128 (the
// decimal(38, s) result; a sum past 38 digits is "numeric field overflow"), floats into double.
// Without GROUP BY a run of valid rows is summed by a tight loop first (int64 values as separate
// high and low 32-bit halves, so the loop stays in 64-bit registers and vectorises), and only
// the run's total is added to the state with an overflow check.
#include <cmath>
#include <type_traits>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

enum class SumMode : uint8_t { kSum, kAvg };

constexpr int kAvgIntegerScale = 16;  // PostgreSQL's avg(int) shows 16 fraction digits

DataTypePtr SumOutputType(const DataType& in) {
  switch (in.id()) {
    case TypeId::kInt64:
    case TypeId::kUInt64:
      return Decimal128(38, 0);
    case TypeId::kDecimal128:
      return Decimal128(38, in.scale());
    case TypeId::kFloat32:
      return Float32();
    case TypeId::kFloat64:
      return Float64();
    default:
      return Int64();
  }
}

DataTypePtr AvgOutputType(const DataType& in) {
  if (in.is_floating()) return Float64();
  if (in.id() == TypeId::kDecimal128) {
    const int integer_digits = in.precision() - in.scale();
    return Decimal128(38, std::max(in.scale(), std::min(kAvgIntegerScale, 38 - integer_digits)));
  }
  return Decimal128(38, kAvgIntegerScale);
}

// a += b, setting *overflow instead of wrapping (floats cannot overflow into UB).
template <typename Acc>
inline void AddChecked(Acc& a, Acc b, bool* overflow) {
  if constexpr (std::is_floating_point_v<Acc>) {
    a += b;
  } else {
    *overflow |= __builtin_add_overflow(a, b, &a);
  }
}

// The sum of n values, computed in a loop the compiler can vectorise.
template <typename In, typename Acc>
inline Acc SumRun(const In* v, int64_t n, bool* overflow) {
  if constexpr (std::is_floating_point_v<Acc>) {
    // Four partial sums: the adds do not wait on each other.
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
      s0 += v[i];
      s1 += v[i + 1];
      s2 += v[i + 2];
      s3 += v[i + 3];
    }
    for (; i < n; ++i) s0 += v[i];
    return (s0 + s1) + (s2 + s3);
  } else if constexpr (sizeof(In) <= 4) {
    // 32-bit (or narrower) values: fewer than 2^31 of them cannot overflow an int64.
    int64_t sum = 0;
    for (int64_t i = 0; i < n; ++i) sum += v[i];
    return static_cast<Acc>(sum);
  } else if constexpr (sizeof(In) == 8) {
    // 64-bit values: add the high and low halves separately, each fits an int64 for < 2^31
    // values, and combine once.
    int64_t high = 0;
    int64_t low = 0;
    for (int64_t i = 0; i < n; ++i) {
      high += static_cast<int64_t>(v[i] >> 32);
      low += static_cast<int64_t>(static_cast<uint32_t>(v[i]));
    }
    return static_cast<__int128>(high) * (__int128{1} << 32) + low;
  } else {
    Acc sum = 0;
    for (int64_t i = 0; i < n; ++i) AddChecked<Acc>(sum, static_cast<Acc>(v[i]), overflow);
    return sum;
  }
}

// The sum of the values among v[0, n) (n <= 64) whose bit is set in `valid`; the others add 0,
// so the loop has no branch.
template <typename In, typename Acc>
inline Acc SumMasked(const In* v, int64_t n, uint64_t valid, bool* overflow) {
  if constexpr (std::is_floating_point_v<Acc> || sizeof(In) > 8) {
    Acc sum = 0;
    for (int64_t j = 0; j < n; ++j) {
      if ((valid >> j) & 1) AddChecked<Acc>(sum, static_cast<Acc>(v[j]), overflow);
    }
    return sum;
  } else {
    // At most 64 values: 64-bit halves as in SumRun cannot overflow.
    int64_t high = 0;
    int64_t low = 0;
    for (int64_t j = 0; j < n; ++j) {
      const int64_t keep = -static_cast<int64_t>((valid >> j) & 1);
      if constexpr (sizeof(In) == 8) {
        high += static_cast<int64_t>(v[j] >> 32) & keep;
        low += static_cast<int64_t>(static_cast<uint32_t>(v[j])) & keep;
      } else {
        low += static_cast<int64_t>(v[j]) & keep;
      }
    }
    return static_cast<Acc>(static_cast<__int128>(high) * (__int128{1} << 32) + low);
  }
}

// sum / count * 10^scale_up, rounded half away from zero, without overflowing __int128 when the
// sum itself is large: the quotient and the remainder are scaled separately.
__int128 DivideScaled(__int128 sum, int64_t count, int scale_up) {
  const __int128 factor = PowerOfTen128(scale_up);
  const __int128 quotient = sum / count;
  const __int128 fraction = (sum % count) * factor;
  __int128 fraction_digits = fraction / count;
  const __int128 rest = fraction % count;
  const __int128 twice_rest = rest < 0 ? -2 * rest : 2 * rest;
  if (twice_rest >= count) fraction_digits += sum < 0 ? -1 : 1;
  return quotient * factor + fraction_digits;
}

const __int128 kMaxDecimal38 = PowerOfTen128(38) - 1;

template <typename In, typename Acc>
class SumAggregator final : public AggregatorBase {
 public:
  SumAggregator(SumMode mode, DataTypePtr output_type, int input_scale)
      : mode_(mode), output_type_(std::move(output_type)), input_scale_(input_scale) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    const In* values = column->template values<In>();
    bool overflow = false;
    if (single_group(group_ids)) {
      Acc total = 0;
      int64_t count = 0;
      VisitValidBlocks(
          *column,
          [&](int64_t begin, int64_t end) {
            AddChecked<Acc>(total, SumRun<In, Acc>(values + begin, end - begin, &overflow),
                            &overflow);
            count += end - begin;
          },
          [&](int64_t begin, int64_t n, uint64_t valid) {
            AddChecked<Acc>(total, SumMasked<In, Acc>(values + begin, n, valid, &overflow),
                            &overflow);
            count += __builtin_popcountll(valid);
          });
      AddChecked<Acc>(sums_[0], total, &overflow);
      counts_[0] += count;
    } else {
      VisitValidRuns(*column, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
          const uint32_t g = group_ids[i];
          AddChecked<Acc>(sums_[g], static_cast<Acc>(values[i]), &overflow);
          ++counts_[g];
        }
      });
    }
    return overflow ? OverflowError() : Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<SumAggregator&>(other);
    bool overflow = false;
    for (size_t g = 0; g < from.sums_.size(); ++g) {
      AddChecked<Acc>(sums_[group_map[g]], from.sums_[g], &overflow);
      counts_[group_map[g]] += from.counts_[g];
    }
    return overflow ? OverflowError() : Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    std::vector<uint8_t> valid(counts_.size());
    for (size_t g = 0; g < counts_.size(); ++g) valid[g] = counts_[g] > 0;
    if constexpr (std::is_floating_point_v<Acc>) {
      std::vector<double> out(sums_.size());
      for (size_t g = 0; g < sums_.size(); ++g) {
        out[g] = mode_ == SumMode::kAvg && counts_[g] > 0 ? sums_[g] / counts_[g] : sums_[g];
      }
      if (output_type_->id() == TypeId::kFloat32) {
        return MakeFixedWidthArray<float>(output_type_, std::vector<float>(out.begin(), out.end()),
                                          &valid);
      }
      return MakeFixedWidthArray<double>(output_type_, out, &valid);
    } else {
      if (output_type_->id() == TypeId::kInt64) {
        std::vector<int64_t> out(sums_.begin(), sums_.end());
        return MakeFixedWidthArray<int64_t>(output_type_, out, &valid);
      }
      std::vector<__int128> out(sums_.size(), 0);
      for (size_t g = 0; g < sums_.size(); ++g) {
        if (counts_[g] == 0) continue;
        out[g] = mode_ == SumMode::kAvg
                     ? DivideScaled(sums_[g], counts_[g], output_type_->scale() - input_scale_)
                     : static_cast<__int128>(sums_[g]);
        if (out[g] > kMaxDecimal38 || out[g] < -kMaxDecimal38) return OverflowError();
      }
      return MakeFixedWidthArray<__int128>(output_type_, out, &valid);
    }
  }

 private:
  Status Grow(int64_t num_groups) override {
    sums_.resize(static_cast<size_t>(num_groups), Acc{0});
    counts_.resize(static_cast<size_t>(num_groups), 0);
    return Status::OK();
  }

  Status OverflowError() const {
    if (std::is_same_v<Acc, int64_t>) {
      return Status::Invalid("bigint out of range: the sum does not fit in a bigint; cast the "
                             "argument to numeric to add it up exactly");
    }
    return Status::Invalid("numeric field overflow: the {} needs more than 38 digits; cast the "
                           "argument to double precision to compute it approximately",
                           mode_ == SumMode::kSum ? "sum" : "average");
  }

  SumMode mode_;
  DataTypePtr output_type_;
  int input_scale_;
  std::vector<Acc> sums_;
  std::vector<int64_t> counts_;
};

Result<std::unique_ptr<GroupedAggregator>> MakeSumAggregator(SumMode mode,
                                                             const AggregateCallOptions& options) {
  if (options.arg_types.empty()) return Status::Internal("sum/avg needs one argument");
  const DataType& in = *options.arg_types[0];
  DataTypePtr out = mode == SumMode::kSum ? SumOutputType(in) : AvgOutputType(in);
  const int scale = in.id() == TypeId::kDecimal128 ? in.scale() : 0;
  auto make = [&](auto in_tag, auto acc_tag) -> std::unique_ptr<GroupedAggregator> {
    using In = decltype(in_tag);
    using Acc = decltype(acc_tag);
    return std::make_unique<SumAggregator<In, Acc>>(mode, out, scale);
  };
  // avg over small integers still divides a decimal, so it accumulates in __int128 like int64.
  const bool wide = mode == SumMode::kAvg;
  switch (in.id()) {
    case TypeId::kInt8: return wide ? make(int8_t{}, __int128{}) : make(int8_t{}, int64_t{});
    case TypeId::kInt16: return wide ? make(int16_t{}, __int128{}) : make(int16_t{}, int64_t{});
    case TypeId::kInt32: return wide ? make(int32_t{}, __int128{}) : make(int32_t{}, int64_t{});
    case TypeId::kUInt8: return wide ? make(uint8_t{}, __int128{}) : make(uint8_t{}, int64_t{});
    case TypeId::kUInt16:
      return wide ? make(uint16_t{}, __int128{}) : make(uint16_t{}, int64_t{});
    case TypeId::kUInt32:
      return wide ? make(uint32_t{}, __int128{}) : make(uint32_t{}, int64_t{});
    case TypeId::kInt64: return make(int64_t{}, __int128{});
    case TypeId::kUInt64: return make(uint64_t{}, __int128{});
    case TypeId::kDecimal128: return make(__int128{}, __int128{});
    case TypeId::kFloat32: return make(float{}, double{});
    case TypeId::kFloat64: return make(double{}, double{});
    default:
      return Status::TypeError("{} does not accept {}; cast the argument to a number",
                               mode == SumMode::kSum ? "sum" : "avg", in.ToString());
  }
}

std::vector<AggregateKernel> NumericKernels(SumMode mode) {
  AggregatorFactory factory = WithCallOptions(
      [mode](const AggregateCallOptions& options) { return MakeSumAggregator(mode, options); },
      /*order_sensitive=*/false);
  OutputType output =
      ComputedOutput([mode](const std::vector<DataTypePtr>& args) -> Result<DataTypePtr> {
        return mode == SumMode::kSum ? SumOutputType(*args[0]) : AvgOutputType(*args[0]);
      });
  std::vector<AggregateKernel> kernels;
  for (const DataTypePtr& type : {Int8(), Int16(), Int32(), Int64(), UInt8(), UInt16(), UInt32(),
                                  UInt64(), Float32(), Float64()}) {
    kernels.push_back({{InputType::Exact(type)}, output, factory});
  }
  kernels.push_back({{InputType::OfId(TypeId::kDecimal128)}, output, factory});
  return kernels;
}

}  // namespace

void AddSumAvgAggregates(std::vector<AggregateFunction>* out) {
  out->push_back({"sum",
                  {"Returns the sum of the non-NULL values; NULL when there are none.",
                   "sum(smallint | integer) -> bigint, sum(bigint | numeric) -> numeric, "
                   "sum(real) -> real, sum(double precision) -> double precision",
                   "sum(x) over (1), (2), (NULL) -> 3"},
                  NumericKernels(SumMode::kSum)});
  out->push_back({"avg",
                  {"Returns the arithmetic mean of the non-NULL values; NULL when there are "
                   "none. Integer and numeric input gives numeric with 16 fraction digits.",
                   "avg(integer types | numeric) -> numeric, avg(real | double precision) -> "
                   "double precision",
                   "avg(x) over (1), (2) -> 1.5000000000000000"},
                  NumericKernels(SumMode::kAvg)});
}

}  // namespace bundlebase::sql
