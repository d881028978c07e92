// min and max over every orderable type: numbers, decimal, text, bytea, bool, date, time,
// timestamp and interval. The result has the input's type; NULL when the group has no values.
//
// Fixed-width values keep one best value per group in a vector of the physical type; without
// GROUP BY each run of valid rows is reduced by a branch-free loop first. Floats order as in
// PostgreSQL (NaN above every number, so max() of a column with NaN is NaN), intervals by their
// length with 30-day months. Text compares bytewise (the C collation). min/max of bool are
// bool_and/bool_or.
#include <cmath>
#include <string>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_rows.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

template <typename T>
inline bool Less(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    return !std::isnan(a) && (std::isnan(b) || a < b);
  } else if constexpr (std::is_same_v<T, MonthDayNano>) {
    return IntervalSortKey(a) < IntervalSortKey(b);
  } else {
    return a < b;
  }
}

// True when `candidate` should replace `current`.
template <typename T, bool kMax>
inline bool Better(const T& candidate, const T& current) {
  return kMax ? Less(current, candidate) : Less(candidate, current);
}

template <typename T, bool kMax>
class MinMaxAggregator final : public AggregatorBase {
 public:
  explicit MinMaxAggregator(DataTypePtr type) : type_(std::move(type)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    const T* values = column->template values<T>();
    if (single_group(group_ids)) {
      VisitValidRuns(*column, [&](int64_t begin, int64_t end) {
        T best = values[begin];
        for (int64_t i = begin + 1; i < end; ++i) {
          best = Better<T, kMax>(values[i], best) ? values[i] : best;
        }
        Offer(0, best);
      });
      return Status::OK();
    }
    VisitValidRuns(*column, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) Offer(group_ids[i], values[i]);
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<MinMaxAggregator&>(other);
    for (size_t g = 0; g < from.best_.size(); ++g) {
      if (from.seen_[g]) Offer(group_map[g], from.best_[g]);
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override { return MakeFixedWidthArray<T>(type_, best_, &seen_); }

 private:
  void Offer(uint32_t group, const T& value) {
    if (!seen_[group] || Better<T, kMax>(value, best_[group])) {
      best_[group] = value;
      seen_[group] = 1;
    }
  }
  Status Grow(int64_t num_groups) override {
    best_.resize(static_cast<size_t>(num_groups), T{});
    seen_.resize(static_cast<size_t>(num_groups), 0);
    return Status::OK();
  }

  DataTypePtr type_;
  std::vector<T> best_;
  std::vector<uint8_t> seen_;
};

template <bool kMax>
class StringMinMaxAggregator final : public AggregatorBase {
 public:
  explicit StringMinMaxAggregator(DataTypePtr type) : type_(std::move(type)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    const Array& strings = *column;
    if (single_group(group_ids)) {
      // Track the best as a view into the batch and copy it out once.
      std::string_view best;
      bool found = false;
      VisitValidRuns(strings, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
          const std::string_view value = strings.GetView(i);
          if (!found || (kMax ? best < value : value < best)) best = value;
          found = true;
        }
      });
      if (found) Offer(0, best);
      return Status::OK();
    }
    VisitValidRuns(strings, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) Offer(group_ids[i], strings.GetView(i));
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<StringMinMaxAggregator&>(other);
    for (size_t g = 0; g < from.best_.size(); ++g) {
      if (from.seen_[g]) Offer(group_map[g], from.best_[g]);
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    BinaryBuilder builder(type_);
    BB_RETURN_NOT_OK(builder.Reserve(static_cast<int64_t>(best_.size())));
    for (size_t g = 0; g < best_.size(); ++g) {
      BB_RETURN_NOT_OK(seen_[g] ? builder.Append(best_[g]) : builder.AppendNull());
    }
    return builder.Finish();
  }

 private:
  void Offer(uint32_t group, std::string_view value) {
    const std::string_view current = best_[group];
    if (!seen_[group] || (kMax ? current < value : value < current)) {
      best_[group].assign(value);
      seen_[group] = 1;
    }
  }
  Status Grow(int64_t num_groups) override {
    best_.resize(static_cast<size_t>(num_groups));
    seen_.resize(static_cast<size_t>(num_groups), 0);
    return Status::OK();
  }

  DataTypePtr type_;
  std::vector<std::string> best_;
  std::vector<uint8_t> seen_;
};

template <bool kMax>
Result<std::unique_ptr<GroupedAggregator>> MakeMinMax(const AggregateCallOptions& options) {
  if (options.arg_types.empty()) return Status::Internal("min/max needs one argument");
  const DataTypePtr& type = options.arg_types[0];
  auto fixed = [&](auto tag) -> std::unique_ptr<GroupedAggregator> {
    return std::make_unique<MinMaxAggregator<decltype(tag), kMax>>(type);
  };
  switch (type->id()) {
    case TypeId::kInt8: return fixed(int8_t{});
    case TypeId::kInt16: return fixed(int16_t{});
    case TypeId::kInt32:
    case TypeId::kDate32: return fixed(int32_t{});
    case TypeId::kInt64:
    case TypeId::kTime64:
    case TypeId::kTimestamp: return fixed(int64_t{});
    case TypeId::kUInt8: return fixed(uint8_t{});
    case TypeId::kUInt16: return fixed(uint16_t{});
    case TypeId::kUInt32: return fixed(uint32_t{});
    case TypeId::kUInt64: return fixed(uint64_t{});
    case TypeId::kFloat32: return fixed(float{});
    case TypeId::kFloat64: return fixed(double{});
    case TypeId::kDecimal128: return fixed(__int128{});
    case TypeId::kInterval: return fixed(MonthDayNano{});
    case TypeId::kUtf8:
    case TypeId::kBinary: return std::make_unique<StringMinMaxAggregator<kMax>>(type);
    case TypeId::kBool: return MakeBoolAggregator(/*is_and=*/!kMax);
    default:
      return Status::TypeError("{} of {} values is not supported; aggregate a number, text, "
                               "date, time or interval",
                               kMax ? "max" : "min", type->ToString());
  }
}

template <bool kMax>
std::vector<AggregateKernel> MinMaxKernels() {
  AggregatorFactory factory = WithCallOptions(MakeMinMax<kMax>, /*order_sensitive=*/false);
  OutputType same =
      ComputedOutput([](const std::vector<DataTypePtr>& args) -> Result<DataTypePtr> {
        return args[0];
      });
  std::vector<AggregateKernel> kernels;
  for (const DataTypePtr& type :
       {Int8(), Int16(), Int32(), Int64(), UInt8(), UInt16(), UInt32(), UInt64(), Float32(),
        Float64(), Utf8(), Binary(), Bool(), Date32(), Interval()}) {
    kernels.push_back({{InputType::Exact(type)}, same, factory});
  }
  for (TypeId id : {TypeId::kDecimal128, TypeId::kTime64, TypeId::kTimestamp}) {
    kernels.push_back({{InputType::OfId(id)}, same, factory});
  }
  return kernels;
}

}  // namespace

void AddMinMaxAggregates(std::vector<AggregateFunction>* out) {
  out->push_back({"min",
                  {"Returns the smallest non-NULL value; NULL when there are none.",
                   "min(any orderable type) -> same type",
                   "min(x) over (3), (1), (NULL) -> 1"},
                  MinMaxKernels<false>()});
  out->push_back({"max",
                  {"Returns the largest non-NULL value; NULL when there are none. NaN is larger "
                   "than every other number.",
                   "max(any orderable type) -> same type",
                   "max(x) over (3), (1), (NULL) -> 3"},
                  MinMaxKernels<true>()});
}

}  // namespace bundlebase::sql
