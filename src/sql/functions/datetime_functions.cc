// Date/time functions: extract and date_part, date_trunc, now/current_timestamp/current_date,
// to_timestamp(epoch seconds), make_date, make_timestamp and age. Time zones: timestamptz values
// are instants, and fields are read in UTC (the session time zone is UTC).
// Formatting and parsing with patterns (to_char, strftime, to_timestamp(text, format)) are in
// datetime_format.cc.
#include <cmath>

#include "sql/functions/datetime_fields.h"
#include "sql/functions/decimal_util.h"
#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"
#include "sql/functions/temporal_util.h"

namespace bundlebase::sql {

Status RegisterDatetimeFormatting(FunctionRegistry* registry);  // datetime_format.cc

namespace {

using Args = std::vector<Datum>;

DataTypePtr Ts() { return Timestamp(TimeUnit::kMicro); }
DataTypePtr TsTz() { return Timestamp(TimeUnit::kMicro, "UTC"); }

// The field of row i: parsed once for a constant, and once per change for a column.
class FieldReader {
 public:
  explicit FieldReader(const Datum& d) : text_(d) {}
  bool IsValid(int64_t i) const { return text_.IsValid(i); }
  Result<DateField> operator()(int64_t i) {
    std::string_view name = text_[i];
    if (!parsed_ || name != last_) {
      BB_ASSIGN_OR_RAISE(field_, ParseDateField(name));
      last_ = std::string(name);
      parsed_ = true;
    }
    return field_;
  }

 private:
  StringReader text_;
  std::string last_;
  DateField field_ = DateField::kYear;
  bool parsed_ = false;
};

// Row-wise field extraction over the rows where both the field and the value are valid;
// emit(i, unscaled, field) stores row i's value (unscaled with DateFieldScale digits).
template <typename Emit>
Status ForEachField(const Datum& field_arg, const Datum& source, int64_t n, Emit emit) {
  FieldReader field(field_arg);
  TypeId id = source.type()->id();
  auto run = [&](const auto& in, auto value_of) -> Status {
    for (int64_t i = 0; i < n; ++i) {
      if (!in.IsValid(i) || !field.IsValid(i)) continue;
      BB_ASSIGN_OR_RAISE(DateField f, field(i));
      BB_ASSIGN_OR_RAISE(__int128 v, value_of(f, in[i]));
      emit(i, v, f);
    }
    return Status::OK();
  };
  if (id == TypeId::kInterval) {
    FixedReader<MonthDayNano> in(source);
    return run(in, [&](DateField f, MonthDayNano v) { return ExtractDateField(f, id, 0, v); });
  }
  if (id == TypeId::kDate32) {
    FixedReader<int32_t> in(source);
    return run(in, [&](DateField f, int32_t v) { return ExtractDateField(f, id, v, {}); });
  }
  FixedReader<int64_t> in(source);
  return run(in, [&](DateField f, int64_t v) { return ExtractDateField(f, id, v, {}); });
}

// extract(field, x) -> numeric (scale by field), date_part(field, x) -> double precision.
ScalarKernel ExtractKernel(const DataTypePtr& source, bool as_double) {
  ScalarKernelFn fn = ScalarsAsColumnKernel([as_double](KernelContext& ctx, const Args& args,
                                                        int64_t n) -> Result<ArrayPtr> {
    BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&args[0], &args[1]}, n));
    if (validity.all_null) return MakeNullArray(ctx.output_type, n);
    TypeId id = args[1].type()->id();
    if (as_double) {
      BB_ASSIGN_OR_RAISE(auto values, AllocateValues<double>(n));
      double* out = values->mutable_data_as<double>();
      std::fill(out, out + n, 0.0);
      BB_RETURN_NOT_OK(ForEachField(args[0], args[1], n, [&](int64_t i, __int128 v, DateField f) {
        out[i] = static_cast<double>(v) / static_cast<double>(Pow10(DateFieldScale(f, id)));
      }));
      return MakeFixedArray(ctx.output_type, n, validity, values);
    }
    int out_scale = ctx.output_type->scale();
    BB_ASSIGN_OR_RAISE(auto values, AllocateValues<int128>(n));
    int128* out = values->mutable_data_as<int128>();
    std::fill(out, out + n, int128{0});
    bool ok = true;
    BB_RETURN_NOT_OK(ForEachField(args[0], args[1], n, [&](int64_t i, __int128 v, DateField f) {
      ok &= RescaleDecimal(v, DateFieldScale(f, id), out_scale, &out[i]);
    }));
    if (!ok) return Status::Invalid("numeric field overflow in extract");
    return MakeFixedArray(ctx.output_type, n, validity, values);
  });
  std::vector<InputType> inputs = {In(Utf8()), In(source)};
  if (as_double) return MakeKernel(inputs, Float64(), fn);
  ScalarKernel k = MakeKernel(inputs, Decimal128(38, 6), fn);
  TypeId id = source->id();
  k.output.literal_resolver = [id](const std::vector<DataTypePtr>&,
                                   const std::vector<std::string>& literals) -> Result<DataTypePtr> {
    // Without the field's text (a non-literal field) six decimals hold every field exactly.
    if (literals.empty() || literals[0].empty()) return Decimal128(38, 6);
    BB_ASSIGN_OR_RAISE(DateField field, ParseDateField(literals[0]));
    return Decimal128(38, DateFieldScale(field, id));
  };
  return k;
}

// date_trunc with the same field on every row runs elementwise; a column of fields row by row.
template <typename T, typename Truncate>
Result<Datum> TruncateRows(KernelContext& ctx, const Args& args, int64_t n, Truncate truncate) {
  if (args[0].is_scalar()) {
    if (args[0].scalar().is_null()) return NullResult(ctx.output_type, n, args[1].is_scalar());
    BB_ASSIGN_OR_RAISE(DateField field, ParseDateField(args[0].scalar().get<std::string>()));
    BB_RETURN_NOT_OK(truncate(field, T{}).status());
    return UnaryElementwise<T, T>(args[1], n, ctx.output_type,
                                  [&](T v) { return *truncate(field, v); });
  }
  FieldReader field(args[0]);
  FixedReader<T> in(args[1]);
  FixedWidthBuilder<T> builder(ctx.output_type);
  BB_RETURN_NOT_OK(builder.Reserve(n));
  for (int64_t i = 0; i < n; ++i) {
    if (!field.IsValid(i) || !in.IsValid(i)) {
      builder.UnsafeAppendNull();
      continue;
    }
    BB_ASSIGN_OR_RAISE(DateField f, field(i));
    BB_ASSIGN_OR_RAISE(T v, truncate(f, in[i]));
    builder.UnsafeAppend(v);
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr out, builder.Finish());
  return Datum(std::move(out));
}

ScalarKernel TruncKernel(const DataTypePtr& type) {
  bool interval = type->id() == TypeId::kInterval;
  return MakeKernel({In(Utf8()), In(type)}, type,
                    [interval](KernelContext& ctx, const Args& args, int64_t n) -> Result<Datum> {
                      if (interval) return TruncateRows<MonthDayNano>(ctx, args, n, TruncateInterval);
                      return TruncateRows<int64_t>(ctx, args, n, TruncateMicros);
                    });
}

ScalarKernel Now(const DataTypePtr& type) {
  return MakeKernel({}, type, [](KernelContext& ctx, const Args&, int64_t) -> Result<Datum> {
    return Datum(MakeScalarOf<int64_t>(ctx.output_type, ctx.statement_time_us));
  });
}

Status DateOutOfRange(int64_t y, int64_t m, int64_t d) {
  return Status::Invalid("date field value out of range: {}-{:02}-{:02}", y, m, d);
}

// Days since the epoch of a PostgreSQL year/month/day (negative years are BC).
Result<int64_t> MakeDays(int64_t y, int64_t m, int64_t d) {
  if (y == 0 || m < 1 || m > 12 || d < 1 || y > 294276 || y < -4713) return DateOutOfRange(y, m, d);
  int64_t astro = y < 0 ? y + 1 : y;
  if (d > DaysInMonth(astro, static_cast<int>(m))) return DateOutOfRange(y, m, d);
  return DaysFromCivil(astro, static_cast<int>(m), static_cast<int>(d));
}

ScalarKernel MakeDateKernel() {
  return MakeKernel({In(Int32()), In(Int32()), In(Int32())}, Date32(),
                    ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
                      FixedReader<int32_t> y(args[0]), m(args[1]), d(args[2]);
                      FixedWidthBuilder<int32_t> b(Date32());
                      BB_RETURN_NOT_OK(b.Reserve(n));
                      for (int64_t i = 0; i < n; ++i) {
                        if (!AllValid(i, y, m, d)) {
                          b.UnsafeAppendNull();
                          continue;
                        }
                        BB_ASSIGN_OR_RAISE(int64_t days, MakeDays(y[i], m[i], d[i]));
                        b.UnsafeAppend(static_cast<int32_t>(days));
                      }
                      return b.Finish();
                    }));
}

ScalarKernel MakeTimestampKernel() {
  return MakeKernel({In(Int32()), In(Int32()), In(Int32()), In(Int32()), In(Int32()), In(Float64())}, Ts(),
                    ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
                      FixedReader<int32_t> y(args[0]), mo(args[1]), d(args[2]), h(args[3]), mi(args[4]);
                      FixedReader<double> s(args[5]);
                      FixedWidthBuilder<int64_t> b(Ts());
                      BB_RETURN_NOT_OK(b.Reserve(n));
                      for (int64_t i = 0; i < n; ++i) {
                        if (!AllValid(i, y, mo, d, h, mi, s)) {
                          b.UnsafeAppendNull();
                          continue;
                        }
                        BB_ASSIGN_OR_RAISE(int64_t days, MakeDays(y[i], mo[i], d[i]));
                        if (h[i] < 0 || h[i] > 24 || mi[i] < 0 || mi[i] > 59 || !(s[i] >= 0) || s[i] > 60) {
                          return Status::Invalid("time field value out of range: {}:{:02}:{}", h[i], mi[i], s[i]);
                        }
                        int64_t micros = static_cast<int64_t>(std::llround(s[i] * 1e6));
                        b.UnsafeAppend(days * kMicrosPerDay + (h[i] * 3600LL + mi[i] * 60LL) * kMicrosPerSecond + micros);
                      }
                      return b.Finish();
                    }));
}

ScalarKernel ToTimestampFromEpoch() {
  return MakeKernel({In(Float64())}, TsTz(), [](KernelContext& ctx, const Args& args, int64_t n) {
    return UnaryElementwiseChecked<int64_t, double>(
        args[0], n, ctx.output_type,
        [](double s, int64_t* out) {
          double micros = std::nearbyint(s * 1e6);
          if (!std::isfinite(micros) || std::fabs(micros) > 9.2e18) return false;
          *out = static_cast<int64_t>(micros);
          return true;
        },
        [](double s) {
          if (std::isnan(s)) return Status::Invalid("timestamp cannot be NaN");
          return Status::Invalid("timestamp out of range: \"{}\"", s);
        });
  });
}

// PostgreSQL's age(a, b): the difference in years, months and days (then time), borrowing
// from the larger field as a person would count it.
MonthDayNano Age(int64_t a, int64_t b) {
  bool negative = a < b;
  if (negative) std::swap(a, b);
  CivilDate da = CivilFromDays(FloorDiv(a, kMicrosPerDay));
  CivilDate db = CivilFromDays(FloorDiv(b, kMicrosPerDay));
  int64_t time = FloorMod(a, kMicrosPerDay) - FloorMod(b, kMicrosPerDay);
  int64_t days = da.day - db.day;
  int64_t months = (da.year - db.year) * 12 + (da.month - db.month);
  if (time < 0) {
    time += kMicrosPerDay;
    --days;
  }
  while (days < 0) {
    // Borrow a month: the length of b's month, as PostgreSQL does.
    days += DaysInMonth(db.year, db.month);
    --months;
  }
  MonthDayNano r{static_cast<int32_t>(months), static_cast<int32_t>(days), time * 1000};
  if (negative) r = MonthDayNano{-r.months, -r.days, -r.nanoseconds};
  return r;
}

// date_diff(part, start, end): how many `part` boundaries lie between start and end (DuckDB's
// definition): both ends are truncated to the part, then their distance counted in parts.
Result<int64_t> DateDiff(DateField field, int64_t start, int64_t end) {
  auto month_index = [](int64_t micros) {
    CivilDate d = CivilFromDays(FloorDiv(micros, kMicrosPerDay));
    return d.year * 12 + d.month - 1;
  };
  auto months_per = [](DateField f) -> int64_t {
    switch (f) {
      case DateField::kMonth: return 1;
      case DateField::kQuarter: return 3;
      case DateField::kYear: return 12;
      case DateField::kDecade: return 120;
      case DateField::kCentury: return 1200;
      case DateField::kMillennium: return 12000;
      default: return 0;
    }
  };
  if (int64_t per = months_per(field)) {
    return FloorDiv(month_index(end), per) - FloorDiv(month_index(start), per);
  }
  int64_t unit;
  switch (field) {
    case DateField::kMicroseconds: unit = 1; break;
    case DateField::kMilliseconds: unit = 1000; break;
    case DateField::kSecond: unit = kMicrosPerSecond; break;
    case DateField::kMinute: unit = 60 * kMicrosPerSecond; break;
    case DateField::kHour: unit = 3600 * kMicrosPerSecond; break;
    case DateField::kDay: unit = kMicrosPerDay; break;
    case DateField::kWeek: unit = 7 * kMicrosPerDay; break;
    default: return Status::Invalid("unit \"{}\" not supported for date_diff", DateFieldName(field));
  }
  BB_ASSIGN_OR_RAISE(int64_t a, TruncateMicros(field, start));
  BB_ASSIGN_OR_RAISE(int64_t b, TruncateMicros(field, end));
  return (b - a) / unit;
}

ScalarKernel DateDiffKernel(const DataTypePtr& ts) {
  return MakeKernel({In(Utf8()), In(ts), In(ts)}, Int64(),
                    ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
                      FieldReader field(args[0]);
                      FixedReader<int64_t> start(args[1]), end(args[2]);
                      Int64Builder builder(Int64());
                      BB_RETURN_NOT_OK(builder.Reserve(n));
                      for (int64_t i = 0; i < n; ++i) {
                        if (!field.IsValid(i) || !start.IsValid(i) || !end.IsValid(i)) {
                          builder.UnsafeAppendNull();
                          continue;
                        }
                        BB_ASSIGN_OR_RAISE(DateField f, field(i));
                        BB_ASSIGN_OR_RAISE(int64_t diff, DateDiff(f, start[i], end[i]));
                        builder.UnsafeAppend(diff);
                      }
                      return builder.Finish();
                    }));
}

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels,
                        Volatility volatility = Volatility::kImmutable) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  f.volatility = volatility;
  return f;
}

}  // namespace

Status RegisterDatetimeFunctions(FunctionRegistry* registry) {
  std::vector<ScalarFunction> fns;
  std::vector<DataTypePtr> sources = {Date32(), Ts(), TsTz(), Time64(TimeUnit::kMicro), Interval()};
  std::vector<ScalarKernel> extract, date_part;
  for (const auto& s : sources) {
    extract.push_back(ExtractKernel(s, false));
    date_part.push_back(ExtractKernel(s, true));
  }
  fns.push_back(Function("extract", {"EXTRACT(field FROM value): a field of a date, timestamp, time or interval as numeric (fields: millennium, century, decade, year, isoyear, quarter, month, week, day, dow, isodow, doy, hour, minute, second, milliseconds, microseconds, epoch).", "extract(field FROM value) -> numeric", "extract(hour FROM timestamp '2024-01-01 13:45:00') -> 13"}, extract));
  fns.push_back(Function("date_part", {"Same as extract, as double precision.", "date_part(field text, value) -> double precision", "date_part('month', date '2024-03-15') -> 3"}, date_part));
  fns.push_back(Function("date_trunc", {"Truncates to the start of the field's unit (microseconds .. millennium; week starts on Monday). A date is truncated as a timestamp.", "date_trunc(field text, timestamp|interval) -> same type", "date_trunc('month', timestamp '2024-03-15 10:00') -> 2024-03-01 00:00:00"},
                         {TruncKernel(Ts()), TruncKernel(TsTz()), TruncKernel(Interval())}));
  fns.push_back(Function("now", {"The time the current statement started, as timestamptz (the same for every row and call in the statement).", "now() -> timestamptz", "now() -> 2024-05-01 12:00:00.123456+00"},
                         {Now(TsTz())}, Volatility::kStable));
  fns.push_back(Function("current_timestamp", {"Same as now().", "current_timestamp -> timestamptz", "current_timestamp -> 2024-05-01 12:00:00.123456+00"},
                         {Now(TsTz())}, Volatility::kStable));
  fns.push_back(Function("current_date", {"The date the current statement started (UTC).", "current_date -> date", "current_date -> 2024-05-01"},
                         {MakeKernel({}, Date32(), [](KernelContext& ctx, const Args&, int64_t) -> Result<Datum> {
                           return Datum(MakeScalarOf<int32_t>(Date32(), static_cast<int32_t>(FloorDiv(ctx.statement_time_us, kMicrosPerDay))));
                         })},
                         Volatility::kStable));
  fns.push_back(Function("make_date", {"The date of the given year, month and day (negative years are BC).", "make_date(year int, month int, day int) -> date", "make_date(2013, 7, 15) -> 2013-07-15"},
                         {MakeDateKernel()}));
  fns.push_back(Function("make_timestamp", {"The timestamp of the given fields; seconds may have a fraction.", "make_timestamp(year, month, day, hour, min int, sec double precision) -> timestamp", "make_timestamp(2013, 7, 15, 8, 15, 23.5) -> 2013-07-15 08:15:23.5"},
                         {MakeTimestampKernel()}));
  fns.push_back(Function("age", {"The difference between two timestamps in years, months and days (as a person counts them), then time.", "age(timestamp, timestamp) -> interval", "age(timestamp '2001-04-10', timestamp '1957-06-13') -> 43 years 9 mons 27 days"},
                         {MakeKernel({In(Ts()), In(Ts())}, Interval(), [](KernelContext& ctx, const Args& args, int64_t n) {
                            return BinaryElementwise<MonthDayNano, int64_t, int64_t>(args[0], args[1], n, ctx.output_type, Age);
                          }),
                          MakeKernel({In(TsTz()), In(TsTz())}, Interval(), [](KernelContext& ctx, const Args& args, int64_t n) {
                            return BinaryElementwise<MonthDayNano, int64_t, int64_t>(args[0], args[1], n, ctx.output_type, Age);
                          })}));
  fns.push_back(Function("date_diff", {"The number of `part` boundaries (year, quarter, month, week (Mondays), day, hour, minute, second, milliseconds, microseconds, decade, century, millennium) between start and end; negative when end is earlier.", "date_diff(part text, start timestamp, end timestamp) -> bigint", "date_diff('month', date '2024-01-31', date '2024-02-01') -> 1"},
                         {DateDiffKernel(Ts()), DateDiffKernel(TsTz())}));
  std::vector<ScalarKernel> to_timestamp = {ToTimestampFromEpoch()};
  fns.push_back(Function("to_timestamp", {"Seconds since 1970-01-01 UTC to timestamptz; with a format, parses text (YYYY MM DD HH24 HH12 MI SS MS US AM Mon Month ...).", "to_timestamp(double precision) / to_timestamp(text, format text) -> timestamptz", "to_timestamp(1284352323) -> 2010-09-13 04:32:03+00"},
                         to_timestamp));
  for (auto& f : fns) BB_RETURN_NOT_OK(registry->AddScalar(std::move(f)));
  return RegisterDatetimeFormatting(registry);
}

}  // namespace bundlebase::sql
