// greatest(...) and least(...): the largest / smallest non-NULL argument (NULL only when all
// are NULL), as PostgreSQL. Arguments are first converted to their common type (decimals to a
// precision and scale that hold them all), then compared with the comparison operators' rules
// (NaN largest, intervals by length, text bytewise).
#include <cmath>

#include "columnar/cast.h"
#include "sql/functions/implicit_cast.h"
#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

template <typename T>
int Compare(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, MonthDayNano>) {
    constexpr __int128 kDay = __int128{86400} * 1000000000;
    __int128 x = (__int128{a.months} * 30 + a.days) * kDay + a.nanoseconds;
    __int128 y = (__int128{b.months} * 30 + b.days) * kDay + b.nanoseconds;
    return (x > y) - (x < y);
  } else {
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(a) || std::isnan(b)) return std::isnan(a) ? (std::isnan(b) ? 0 : 1) : -1;
    }
    return (a > b) - (a < b);
  }
}

Result<std::vector<Datum>> CastAll(const Args& args, const DataTypePtr& type) {
  std::vector<Datum> out;
  for (const auto& a : args) {
    if (a.type()->Equals(*type)) {
      out.push_back(a);
    } else if (a.is_scalar()) {
      BB_ASSIGN_OR_RAISE(Scalar s, CastScalar(a.scalar(), type));
      out.push_back(std::move(s));
    } else {
      BB_ASSIGN_OR_RAISE(ArrayPtr cast, Cast(a.array(), type));
      out.push_back(std::move(cast));
    }
  }
  return out;
}

// Row i's pick among the valid arguments: sign +1 keeps the largest, -1 the smallest.
template <typename Reader, typename Value, typename Emit>
Status Pick(const std::vector<std::unique_ptr<Reader>>& readers, int64_t n, int sign, Emit emit) {
  for (int64_t i = 0; i < n; ++i) {
    const Reader* best = nullptr;
    Value best_value{};
    for (const auto& r : readers) {
      if (!r->IsValid(i)) continue;
      Value v = (*r)[i];
      if (best == nullptr || Compare(v, best_value) * sign > 0) {
        best = r.get();
        best_value = v;
      }
    }
    BB_RETURN_NOT_OK(emit(best != nullptr, best_value));
  }
  return Status::OK();
}

template <typename T>
ScalarKernelFn FixedPick(int sign) {
  return ScalarsAsColumnKernel([sign](KernelContext& ctx, const Args& raw, int64_t n) -> Result<ArrayPtr> {
    BB_ASSIGN_OR_RAISE(auto args, CastAll(raw, ctx.output_type));
    std::vector<std::unique_ptr<FixedReader<T>>> readers;
    for (const auto& a : args) readers.push_back(std::make_unique<FixedReader<T>>(a));
    FixedWidthBuilder<T> builder(ctx.output_type);
    BB_RETURN_NOT_OK(builder.Reserve(n));
    BB_RETURN_NOT_OK((Pick<FixedReader<T>, T>(readers, n, sign, [&](bool valid, T v) {
      if (valid) {
        builder.UnsafeAppend(v);
      } else {
        builder.UnsafeAppendNull();
      }
      return Status::OK();
    })));
    return builder.Finish();
  });
}

ScalarKernelFn StringPick(int sign) {
  return ScalarsAsColumnKernel([sign](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
    std::vector<std::unique_ptr<StringReader>> readers;
    for (const auto& a : args) readers.push_back(std::make_unique<StringReader>(a));
    BinaryBuilder builder(Utf8());
    BB_RETURN_NOT_OK(builder.Reserve(n));
    BB_RETURN_NOT_OK((Pick<StringReader, std::string_view>(readers, n, sign, [&](bool valid, std::string_view v) {
      return valid ? builder.Append(v) : builder.AppendNull();
    })));
    return builder.Finish();
  });
}

ScalarKernelFn BoolPick(int sign) {
  return ScalarsAsColumnKernel([sign](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
    std::vector<std::unique_ptr<BoolReader>> readers;
    for (const auto& a : args) readers.push_back(std::make_unique<BoolReader>(a));
    BoolBuilder builder;
    BB_RETURN_NOT_OK(builder.Reserve(n));
    BB_RETURN_NOT_OK((Pick<BoolReader, bool>(readers, n, sign, [&](bool valid, bool v) {
      return valid ? builder.Append(v) : builder.AppendNull();
    })));
    return builder.Finish();
  });
}

ScalarKernel Variadic(InputType input, OutputType output, ScalarKernelFn fn) {
  ScalarKernel k;
  k.inputs = {std::move(input)};
  k.variadic = true;
  k.output = std::move(output);
  k.exec = std::move(fn);
  return k;
}

std::vector<ScalarKernel> Kernels(int sign) {
  auto fixed = [](DataTypePtr t) { return OutputType{std::move(t), nullptr}; };
  OutputType common{nullptr, [](const std::vector<DataTypePtr>& types) -> Result<DataTypePtr> {
                      std::vector<ArgumentInfo> infos;
                      for (const auto& t : types) infos.push_back({t, false});
                      return CommonSuperType(infos, "GREATEST/LEAST");
                    }};
  return {
      Variadic(In(Int16()), fixed(Int16()), FixedPick<int16_t>(sign)),
      Variadic(In(Int32()), fixed(Int32()), FixedPick<int32_t>(sign)),
      Variadic(In(Int64()), fixed(Int64()), FixedPick<int64_t>(sign)),
      Variadic(In(Float32()), fixed(Float32()), FixedPick<float>(sign)),
      Variadic(In(Float64()), fixed(Float64()), FixedPick<double>(sign)),
      Variadic(InputType::OfId(TypeId::kDecimal128), common, FixedPick<__int128>(sign)),
      Variadic(In(Date32()), fixed(Date32()), FixedPick<int32_t>(sign)),
      Variadic(In(Timestamp()), fixed(Timestamp()), FixedPick<int64_t>(sign)),
      Variadic(In(Timestamp(TimeUnit::kMicro, "UTC")), fixed(Timestamp(TimeUnit::kMicro, "UTC")),
               FixedPick<int64_t>(sign)),
      Variadic(In(Time64()), fixed(Time64()), FixedPick<int64_t>(sign)),
      Variadic(In(Interval()), fixed(Interval()), FixedPick<MonthDayNano>(sign)),
      Variadic(In(Utf8()), fixed(Utf8()), StringPick(sign)),
      Variadic(In(Bool()), fixed(Bool()), BoolPick(sign)),
  };
}

}  // namespace

Status RegisterGreatestLeast(FunctionRegistry* registry) {
  ScalarFunction greatest;
  greatest.name = "greatest";
  greatest.doc = {"The largest non-NULL argument (NULL when all are NULL).", "greatest(value [, ...]) -> common type",
                  "greatest(1, 5, NULL, 3) -> 5"};
  greatest.kernels = Kernels(1);
  BB_RETURN_NOT_OK(registry->AddScalar(std::move(greatest)));
  ScalarFunction least;
  least.name = "least";
  least.doc = {"The smallest non-NULL argument (NULL when all are NULL).", "least(value [, ...]) -> common type",
               "least(2.5, 1, NULL) -> 1.0"};
  least.kernels = Kernels(-1);
  return registry->AddScalar(std::move(least));
}

}  // namespace bundlebase::sql
