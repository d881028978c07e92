// Date and time arithmetic operators: date +/- integer days, date - date (days),
// date/timestamp/timestamptz +/- interval, timestamp - timestamp (an interval of days and
// time), interval +/- interval, interval * or / a number, and -interval — with PostgreSQL's
// result types and "date out of range" / "timestamp out of range" / "interval out of range"
// errors.
#include <algorithm>
#include <climits>
#include <cmath>

#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"
#include "sql/functions/temporal_util.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

Status DateOutOfRange() { return Status::Invalid("date out of range"); }
Status TimestampOutOfRange() { return Status::Invalid("timestamp out of range"); }
Status IntervalOutOfRange() { return Status::Invalid("interval out of range"); }

DataTypePtr Ts() { return Timestamp(TimeUnit::kMicro); }
DataTypePtr TsTz() { return Timestamp(TimeUnit::kMicro, "UTC"); }

bool AddDays(int32_t date, int32_t days, int32_t* out) {
  return !__builtin_add_overflow(date, days, out);
}

bool AddIntervals(const MonthDayNano& a, const MonthDayNano& b, MonthDayNano* out) {
  return !__builtin_add_overflow(a.months, b.months, &out->months) &&
         !__builtin_add_overflow(a.days, b.days, &out->days) &&
         !__builtin_add_overflow(a.nanoseconds, b.nanoseconds, &out->nanoseconds);
}

bool NegateInterval(const MonthDayNano& a, MonthDayNano* out) {
  return !__builtin_sub_overflow(0, a.months, &out->months) &&
         !__builtin_sub_overflow(0, a.days, &out->days) &&
         !__builtin_sub_overflow(int64_t{0}, a.nanoseconds, &out->nanoseconds);
}

// Kernel for timestamp (+|-) interval with the timestamp on the left (`sign` -1 subtracts).
ScalarKernel TimestampPlusInterval(const DataTypePtr& ts_type, int sign) {
  return MakeKernel({In(ts_type), In(Interval())}, ts_type,
                    [sign](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwiseChecked<int64_t, int64_t, MonthDayNano>(
                          args[0], args[1], n, ctx.output_type,
                          [sign](int64_t t, MonthDayNano iv, int64_t* out) {
                            if (sign < 0 && !NegateInterval(iv, &iv)) return false;
                            return AddIntervalToMicros(t, iv, out);
                          },
                          [](int64_t, MonthDayNano) { return TimestampOutOfRange(); });
                    });
}

ScalarKernel IntervalPlusTimestamp(const DataTypePtr& ts_type) {
  return MakeKernel({In(Interval()), In(ts_type)}, ts_type,
                    [](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwiseChecked<int64_t, MonthDayNano, int64_t>(
                          args[0], args[1], n, ctx.output_type,
                          [](MonthDayNano iv, int64_t t, int64_t* out) {
                            return AddIntervalToMicros(t, iv, out);
                          },
                          [](MonthDayNano, int64_t) { return TimestampOutOfRange(); });
                    });
}

ScalarKernel DatePlusInterval(int sign) {
  return MakeKernel({In(Date32()), In(Interval())}, Ts(),
                    [sign](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwiseChecked<int64_t, int32_t, MonthDayNano>(
                          args[0], args[1], n, ctx.output_type,
                          [sign](int32_t d, MonthDayNano iv, int64_t* out) {
                            if (sign < 0 && !NegateInterval(iv, &iv)) return false;
                            return AddIntervalToMicros(d * kMicrosPerDay, iv, out);
                          },
                          [](int32_t, MonthDayNano) { return TimestampOutOfRange(); });
                    });
}

ScalarKernel TimestampMinusTimestamp(const DataTypePtr& ts_type) {
  return MakeKernel({In(ts_type), In(ts_type)}, Interval(),
                    [](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwiseChecked<MonthDayNano, int64_t, int64_t>(
                          args[0], args[1], n, ctx.output_type,
                          [](int64_t a, int64_t b, MonthDayNano* out) {
                            __int128 days = (static_cast<__int128>(a) - b) / kMicrosPerDay;
                            if (days > INT32_MAX || days < INT32_MIN) return false;
                            *out = MicrosDifference(a, b);
                            return true;
                          },
                          [](int64_t, int64_t) { return IntervalOutOfRange(); });
                    });
}

ScalarKernel IntervalTimesNumber(bool number_first, bool divide) {
  std::vector<InputType> inputs = number_first ? std::vector<InputType>{In(Float64()), In(Interval())}
                                               : std::vector<InputType>{In(Interval()), In(Float64())};
  return MakeKernel(inputs, Interval(), [number_first, divide](KernelContext& ctx, const Args& args,
                                                               int64_t n) {
    const Datum& iv = number_first ? args[1] : args[0];
    const Datum& factor = number_first ? args[0] : args[1];
    return BinaryElementwiseChecked<MonthDayNano, MonthDayNano, double>(
        iv, factor, n, ctx.output_type,
        [divide](MonthDayNano v, double f, MonthDayNano* out) {
          if (divide) {
            if (f == 0) return false;
            f = 1.0 / f;
          }
          return MultiplyInterval(v, f, out);
        },
        [divide](MonthDayNano, double f) {
          return divide && f == 0 ? Status::Invalid("division by zero") : IntervalOutOfRange();
        });
  });
}

// time +/- interval wraps around midnight and ignores the interval's months and days, as
// PostgreSQL's time_pl_interval does.
ScalarKernel TimePlusInterval(int sign) {
  return MakeKernel({In(Time64()), In(Interval())}, Time64(),
                    [sign](KernelContext& ctx, const Args& args, int64_t n) {
                      return BinaryElementwise<int64_t, int64_t, MonthDayNano>(
                          args[0], args[1], n, ctx.output_type, [sign](int64_t t, MonthDayNano iv) {
                            int64_t moved = t + sign * FloorMod(iv.nanoseconds / 1000, kMicrosPerDay);
                            return FloorMod(moved, kMicrosPerDay);
                          });
                    });
}

}  // namespace

Status RegisterTemporalArithmetic(FunctionRegistry* registry) {
  ScalarFunction plus;
  plus.name = "+";
  plus.kernels.push_back(MakeKernel({In(Date32()), In(Int32())}, Date32(),
                                    [](KernelContext& ctx, const Args& args, int64_t n) {
                                      return BinaryElementwiseChecked<int32_t, int32_t, int32_t>(
                                          args[0], args[1], n, ctx.output_type, AddDays,
                                          [](int32_t, int32_t) { return DateOutOfRange(); });
                                    }));
  plus.kernels.push_back(MakeKernel({In(Int32()), In(Date32())}, Date32(),
                                    [](KernelContext& ctx, const Args& args, int64_t n) {
                                      return BinaryElementwiseChecked<int32_t, int32_t, int32_t>(
                                          args[0], args[1], n, ctx.output_type,
                                          [](int32_t d, int32_t date, int32_t* out) {
                                            return AddDays(date, d, out);
                                          },
                                          [](int32_t, int32_t) { return DateOutOfRange(); });
                                    }));
  plus.kernels.push_back(DatePlusInterval(1));
  plus.kernels.push_back(TimePlusInterval(1));
  plus.kernels.push_back(MakeKernel({In(Interval()), In(Date32())}, Ts(),
                                    [](KernelContext& ctx, const Args& args, int64_t n) {
                                      return BinaryElementwiseChecked<int64_t, MonthDayNano, int32_t>(
                                          args[0], args[1], n, ctx.output_type,
                                          [](MonthDayNano iv, int32_t d, int64_t* out) {
                                            return AddIntervalToMicros(d * kMicrosPerDay, iv, out);
                                          },
                                          [](MonthDayNano, int32_t) { return TimestampOutOfRange(); });
                                    }));
  for (const auto& ts : {Ts(), TsTz()}) {
    plus.kernels.push_back(TimestampPlusInterval(ts, 1));
    plus.kernels.push_back(IntervalPlusTimestamp(ts));
  }
  plus.kernels.push_back(MakeKernel({In(Interval()), In(Interval())}, Interval(),
                                    [](KernelContext& ctx, const Args& args, int64_t n) {
                                      return BinaryElementwiseChecked<MonthDayNano, MonthDayNano, MonthDayNano>(
                                          args[0], args[1], n, ctx.output_type, AddIntervals,
                                          [](MonthDayNano, MonthDayNano) { return IntervalOutOfRange(); });
                                    }));
  BB_RETURN_NOT_OK(registry->AddScalar(std::move(plus)));

  ScalarFunction minus;
  minus.name = "-";
  minus.kernels.push_back(MakeKernel({In(Date32()), In(Int32())}, Date32(),
                                     [](KernelContext& ctx, const Args& args, int64_t n) {
                                       return BinaryElementwiseChecked<int32_t, int32_t, int32_t>(
                                           args[0], args[1], n, ctx.output_type,
                                           [](int32_t d, int32_t k, int32_t* out) {
                                             return !__builtin_sub_overflow(d, k, out);
                                           },
                                           [](int32_t, int32_t) { return DateOutOfRange(); });
                                     }));
  minus.kernels.push_back(MakeKernel({In(Date32()), In(Date32())}, Int32(),
                                     [](KernelContext& ctx, const Args& args, int64_t n) {
                                       return BinaryElementwiseChecked<int32_t, int32_t, int32_t>(
                                           args[0], args[1], n, ctx.output_type,
                                           [](int32_t a, int32_t b, int32_t* out) {
                                             return !__builtin_sub_overflow(a, b, out);
                                           },
                                           [](int32_t, int32_t) {
                                             return Status::Invalid("integer out of range");
                                           });
                                     }));
  minus.kernels.push_back(DatePlusInterval(-1));
  minus.kernels.push_back(TimePlusInterval(-1));
  minus.kernels.push_back(MakeKernel({In(Time64()), In(Time64())}, Interval(),
                                     [](KernelContext& ctx, const Args& args, int64_t n) {
                                       return BinaryElementwise<MonthDayNano, int64_t, int64_t>(
                                           args[0], args[1], n, ctx.output_type, [](int64_t a, int64_t b) {
                                             return MonthDayNano{0, 0, (a - b) * 1000};
                                           });
                                     }));
  for (const auto& ts : {Ts(), TsTz()}) {
    minus.kernels.push_back(TimestampPlusInterval(ts, -1));
    minus.kernels.push_back(TimestampMinusTimestamp(ts));
  }
  minus.kernels.push_back(MakeKernel({In(Interval()), In(Interval())}, Interval(),
                                     [](KernelContext& ctx, const Args& args, int64_t n) {
                                       return BinaryElementwiseChecked<MonthDayNano, MonthDayNano, MonthDayNano>(
                                           args[0], args[1], n, ctx.output_type,
                                           [](MonthDayNano a, MonthDayNano b, MonthDayNano* out) {
                                             MonthDayNano neg;
                                             return NegateInterval(b, &neg) && AddIntervals(a, neg, out);
                                           },
                                           [](MonthDayNano, MonthDayNano) { return IntervalOutOfRange(); });
                                     }));
  BB_RETURN_NOT_OK(registry->AddScalar(std::move(minus)));

  ScalarFunction times;
  times.name = "*";
  times.kernels.push_back(IntervalTimesNumber(false, false));
  times.kernels.push_back(IntervalTimesNumber(true, false));
  BB_RETURN_NOT_OK(registry->AddScalar(std::move(times)));
  ScalarFunction divide;
  divide.name = "/";
  divide.kernels.push_back(IntervalTimesNumber(false, true));
  BB_RETURN_NOT_OK(registry->AddScalar(std::move(divide)));

  ScalarFunction neg;
  neg.name = "neg";
  neg.kernels.push_back(MakeKernel({In(Interval())}, Interval(),
                                   [](KernelContext& ctx, const Args& args, int64_t n) {
                                     return UnaryElementwiseChecked<MonthDayNano, MonthDayNano>(
                                         args[0], n, ctx.output_type, NegateInterval,
                                         [](MonthDayNano) { return IntervalOutOfRange(); });
                                   }));
  return registry->AddScalar(std::move(neg));
}

}  // namespace bundlebase::sql
