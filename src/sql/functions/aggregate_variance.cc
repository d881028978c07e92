// var_samp (variance), var_pop, stddev_samp (stddev), stddev_pop over numbers, as float64.
//
// PostgreSQL returns numeric for integer and numeric input; we return double precision for
// every input (about 15 significant digits), which the docs note. Each group keeps a count, a
// mean and the sum of squared deviations (Welford). Without GROUP BY, a run of valid rows is
// summarised in two passes (its mean, then its squared deviations) and combined with the
// state by Chan's formula — the same formula that merges the partial states of two threads, so
// the result stays accurate however the rows were split. var_samp and stddev_samp are NULL for
// fewer than two values, the _pop variants for none.
#include <cmath>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

enum class Statistic : uint8_t { kVarSamp, kVarPop, kStddevSamp, kStddevPop };

struct Moments {
  int64_t count = 0;
  double mean = 0;
  double m2 = 0;  // sum of squared deviations from the mean

  void Add(const Moments& other) {
    if (other.count == 0) return;
    if (count == 0) {
      *this = other;
      return;
    }
    const double total = static_cast<double>(count + other.count);
    const double delta = other.mean - mean;
    mean += delta * static_cast<double>(other.count) / total;
    m2 += other.m2 + delta * delta * static_cast<double>(count) *
                         static_cast<double>(other.count) / total;
    count += other.count;
  }
  void Add(double x) {
    ++count;
    const double delta = x - mean;
    mean += delta / static_cast<double>(count);
    m2 += delta * (x - mean);
  }
};

template <typename In>
class VarianceAggregator final : public AggregatorBase {
 public:
  VarianceAggregator(Statistic statistic, int scale)
      : statistic_(statistic), scale_divisor_(std::pow(10.0, scale)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    const In* values = column->template values<In>();
    if (single_group(group_ids)) {
      VisitValidRuns(*column, [&](int64_t begin, int64_t end) {
        double sum = 0;
        for (int64_t i = begin; i < end; ++i) sum += ToDouble(values[i]);
        Moments run{end - begin, sum / static_cast<double>(end - begin), 0};
        for (int64_t i = begin; i < end; ++i) {
          const double d = ToDouble(values[i]) - run.mean;
          run.m2 += d * d;
        }
        states_[0].Add(run);
      });
      return Status::OK();
    }
    VisitValidRuns(*column, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) states_[group_ids[i]].Add(ToDouble(values[i]));
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<VarianceAggregator&>(other);
    for (size_t g = 0; g < from.states_.size(); ++g) states_[group_map[g]].Add(from.states_[g]);
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    const bool sample = statistic_ == Statistic::kVarSamp || statistic_ == Statistic::kStddevSamp;
    const bool root = statistic_ == Statistic::kStddevSamp || statistic_ == Statistic::kStddevPop;
    std::vector<double> out(states_.size(), 0);
    std::vector<uint8_t> valid(states_.size(), 0);
    for (size_t g = 0; g < states_.size(); ++g) {
      const Moments& s = states_[g];
      if (s.count < (sample ? 2 : 1)) continue;
      const double variance = s.m2 / static_cast<double>(sample ? s.count - 1 : s.count);
      // Rounding can leave a tiny negative sum of squares for identical values.
      out[g] = root ? std::sqrt(std::max(variance, 0.0)) : std::max(variance, 0.0);
      valid[g] = 1;
    }
    return MakeFixedWidthArray<double>(Float64(), out, &valid);
  }

 private:
  double ToDouble(In v) const {
    if constexpr (std::is_same_v<In, __int128>) return static_cast<double>(v) / scale_divisor_;
    return static_cast<double>(v);
  }
  Status Grow(int64_t num_groups) override {
    states_.resize(static_cast<size_t>(num_groups));
    return Status::OK();
  }

  Statistic statistic_;
  double scale_divisor_;  // 10^scale: unscaled decimal / divisor = value (correctly rounded)
  std::vector<Moments> states_;
};

Result<std::unique_ptr<GroupedAggregator>> MakeVariance(Statistic statistic,
                                                        const AggregateCallOptions& options) {
  if (options.arg_types.empty()) return Status::Internal("variance needs one argument");
  const DataType& type = *options.arg_types[0];
  auto make = [&](auto tag) -> std::unique_ptr<GroupedAggregator> {
    return std::make_unique<VarianceAggregator<decltype(tag)>>(
        statistic, type.id() == TypeId::kDecimal128 ? type.scale() : 0);
  };
  switch (type.id()) {
    case TypeId::kInt8: return make(int8_t{});
    case TypeId::kInt16: return make(int16_t{});
    case TypeId::kInt32: return make(int32_t{});
    case TypeId::kInt64: return make(int64_t{});
    case TypeId::kUInt8: return make(uint8_t{});
    case TypeId::kUInt16: return make(uint16_t{});
    case TypeId::kUInt32: return make(uint32_t{});
    case TypeId::kUInt64: return make(uint64_t{});
    case TypeId::kFloat32: return make(float{});
    case TypeId::kFloat64: return make(double{});
    case TypeId::kDecimal128: return make(__int128{});
    default:
      return Status::TypeError("variance and stddev need a number, not {}; cast the argument",
                               type.ToString());
  }
}

AggregateFunction VarianceFunction(std::string name, Statistic statistic, std::string summary) {
  AggregatorFactory factory = WithCallOptions(
      [statistic](const AggregateCallOptions& options) { return MakeVariance(statistic, options); },
      /*order_sensitive=*/false);
  std::vector<AggregateKernel> kernels;
  for (const DataTypePtr& type : {Int8(), Int16(), Int32(), Int64(), UInt8(), UInt16(), UInt32(),
                                  UInt64(), Float32(), Float64()}) {
    kernels.push_back({{InputType::Exact(type)}, FixedOutput(Float64()), factory});
  }
  kernels.push_back(
      {{InputType::OfId(TypeId::kDecimal128)}, FixedOutput(Float64()), factory});
  const bool root = statistic == Statistic::kStddevSamp || statistic == Statistic::kStddevPop;
  const bool sample = statistic == Statistic::kVarSamp || statistic == Statistic::kStddevSamp;
  std::string example = name + "(x) over (1), (2), (3), (4) -> ";
  example += root ? (sample ? "1.2909944487358056" : "1.118033988749895")
                  : (sample ? "1.6666666666666667" : "1.25");
  return {name,
          {std::move(summary), name + "(numeric types) -> double precision", std::move(example)},
          std::move(kernels)};
}

}  // namespace

void AddVarianceAggregates(std::vector<AggregateFunction>* out) {
  const std::string samp = " (divides by n - 1); NULL for fewer than two non-NULL values.";
  const std::string pop = " (divides by n); NULL when there are no non-NULL values.";
  out->push_back(VarianceFunction("var_samp", Statistic::kVarSamp,
                                  "Returns the sample variance of the non-NULL values" + samp));
  out->push_back(VarianceFunction("variance", Statistic::kVarSamp,
                                  "Alias of var_samp: the sample variance" + samp));
  out->push_back(VarianceFunction("var_pop", Statistic::kVarPop,
                                  "Returns the population variance of the non-NULL values" + pop));
  out->push_back(VarianceFunction("stddev_samp", Statistic::kStddevSamp,
                                  "Returns the sample standard deviation of the non-NULL "
                                  "values" + samp));
  out->push_back(VarianceFunction("stddev", Statistic::kStddevSamp,
                                  "Alias of stddev_samp: the sample standard deviation" + samp));
  out->push_back(VarianceFunction("stddev_pop", Statistic::kStddevPop,
                                  "Returns the population standard deviation of the non-NULL "
                                  "values" + pop));
}

}  // namespace bundlebase::sql
