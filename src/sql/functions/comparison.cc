// Comparison operators = <> < <= > >= for every orderable type, returning bool (NULL when
// either side is NULL). Operands have the same type after resolution (the resolver casts mixed
// numbers to the wider one), except decimals, which compare across scales exactly.
// Semantics are PostgreSQL's: text compares bytewise (the C collation), NaN equals NaN and sorts
// above every other float, intervals compare by their length with a month as 30 days
// ('1 mon' = '30 days'), false < true.
#include <cmath>
#include <cstring>

#include "sql/functions/decimal_util.h"
#include "sql/functions/kernel_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

namespace {

enum class CmpOp { kEq, kNe, kLt, kLe, kGt, kGe };

template <CmpOp op>
inline bool Holds(int c) {
  if constexpr (op == CmpOp::kEq) return c == 0;
  if constexpr (op == CmpOp::kNe) return c != 0;
  if constexpr (op == CmpOp::kLt) return c < 0;
  if constexpr (op == CmpOp::kLe) return c <= 0;
  if constexpr (op == CmpOp::kGt) return c > 0;
  return c >= 0;
}

template <typename T>
inline int ThreeWay(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) ? (std::isnan(b) ? 0 : 1) : -1;
  }
  return (a > b) - (a < b);
}

int128 IntervalLength(const MonthDayNano& v) {
  constexpr int128 kNanosPerDay = int128{86400} * 1000000000;
  return (int128{v.months} * 30 + v.days) * kNanosPerDay + v.nanoseconds;
}

// Compares decimals of different scales exactly: the one with fewer fraction digits is
// rescaled; if that overflows, its magnitude is beyond the other's.
struct DecimalThreeWay {
  int s1, s2;
  int operator()(int128 a, int128 b) const {
    int128 x = a, y = b;
    if (s1 < s2 && !RescaleDecimal(a, s1, s2, &x)) return a < 0 ? -1 : 1;
    if (s2 < s1 && !RescaleDecimal(b, s2, s1, &y)) return b < 0 ? 1 : -1;
    return (x > y) - (x < y);
  }
};

template <typename T, typename Cmp>
Result<Datum> CompareFixed(CmpOp op, const std::vector<Datum>& args, int64_t n, Cmp cmp) {
  const Datum& a = args[0];
  const Datum& b = args[1];
  switch (op) {
    case CmpOp::kEq:
      return BinaryPredicate<T, T>(a, b, n, [&](T x, T y) { return Holds<CmpOp::kEq>(cmp(x, y)); });
    case CmpOp::kNe:
      return BinaryPredicate<T, T>(a, b, n, [&](T x, T y) { return Holds<CmpOp::kNe>(cmp(x, y)); });
    case CmpOp::kLt:
      return BinaryPredicate<T, T>(a, b, n, [&](T x, T y) { return Holds<CmpOp::kLt>(cmp(x, y)); });
    case CmpOp::kLe:
      return BinaryPredicate<T, T>(a, b, n, [&](T x, T y) { return Holds<CmpOp::kLe>(cmp(x, y)); });
    case CmpOp::kGt:
      return BinaryPredicate<T, T>(a, b, n, [&](T x, T y) { return Holds<CmpOp::kGt>(cmp(x, y)); });
    case CmpOp::kGe:
      return BinaryPredicate<T, T>(a, b, n, [&](T x, T y) { return Holds<CmpOp::kGe>(cmp(x, y)); });
  }
  return Status::Internal("unknown comparison");
}

// Strings and booleans: readers and a packed bit output.
template <typename Reader, typename Cmp>
Result<ArrayPtr> CompareRows(CmpOp op, const std::vector<Datum>& args, int64_t n, Cmp cmp) {
  Reader a(args[0]);
  Reader b(args[1]);
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity({&args[0], &args[1]}, n));
  if (validity.all_null) return MakeNullArray(Bool(), n);
  auto pack = [&](auto holds) { return PackBits(n, [&](int64_t i) { return holds(cmp(a[i], b[i])); }); };
  Result<BufferPtr> packed = Status::Internal("unknown comparison");
  switch (op) {
    case CmpOp::kEq: packed = pack(Holds<CmpOp::kEq>); break;
    case CmpOp::kNe: packed = pack(Holds<CmpOp::kNe>); break;
    case CmpOp::kLt: packed = pack(Holds<CmpOp::kLt>); break;
    case CmpOp::kLe: packed = pack(Holds<CmpOp::kLe>); break;
    case CmpOp::kGt: packed = pack(Holds<CmpOp::kGt>); break;
    case CmpOp::kGe: packed = pack(Holds<CmpOp::kGe>); break;
  }
  BB_ASSIGN_OR_RAISE(auto bits, std::move(packed));
  return MakeFixedArray(Bool(), n, validity, bits);
}

template <typename T>
ScalarKernel FixedCompareKernel(InputType input, CmpOp op) {
  return MakeKernel({input, input}, Bool(),
                    [op](KernelContext&, const std::vector<Datum>& args, int64_t n) {
                      return CompareFixed<T>(op, args, n, ThreeWay<T>);
                    });
}

std::vector<ScalarKernel> KernelsFor(CmpOp op) {
  std::vector<ScalarKernel> k;
  k.push_back(FixedCompareKernel<int16_t>(In(Int16()), op));
  k.push_back(FixedCompareKernel<int32_t>(In(Int32()), op));
  k.push_back(FixedCompareKernel<int64_t>(In(Int64()), op));
  k.push_back(FixedCompareKernel<float>(In(Float32()), op));
  k.push_back(FixedCompareKernel<double>(In(Float64()), op));
  k.push_back(FixedCompareKernel<int32_t>(In(Date32()), op));
  k.push_back(FixedCompareKernel<int64_t>(In(Time64(TimeUnit::kMicro)), op));
  k.push_back(FixedCompareKernel<int64_t>(In(Timestamp(TimeUnit::kMicro)), op));
  k.push_back(FixedCompareKernel<int64_t>(In(Timestamp(TimeUnit::kMicro, "UTC")), op));
  auto decimal = InputType::OfId(TypeId::kDecimal128);
  k.push_back(MakeKernel({decimal, decimal}, Bool(),
                         [op](KernelContext&, const std::vector<Datum>& args, int64_t n) {
                           DecimalThreeWay cmp{args[0].type()->scale(), args[1].type()->scale()};
                           return CompareFixed<int128>(op, args, n, cmp);
                         }));
  k.push_back(MakeKernel({In(Interval()), In(Interval())}, Bool(),
                         [op](KernelContext&, const std::vector<Datum>& args, int64_t n) {
                           return CompareFixed<MonthDayNano>(
                               op, args, n, [](const MonthDayNano& x, const MonthDayNano& y) {
                                 return ThreeWay(IntervalLength(x), IntervalLength(y));
                               });
                         }));
  auto strings = [op](KernelContext&, const std::vector<Datum>& args, int64_t n) {
    if (op == CmpOp::kEq || op == CmpOp::kNe) {
      // Equality needs no ordering: lengths first, then bytes.
      return CompareRows<StringReader>(op, args, n, [](std::string_view x, std::string_view y) {
        return x.size() == y.size() && (x.empty() || std::memcmp(x.data(), y.data(), x.size()) == 0) ? 0 : 1;
      });
    }
    return CompareRows<StringReader>(op, args, n, [](std::string_view x, std::string_view y) {
      int c = x.compare(y);
      return (c > 0) - (c < 0);
    });
  };
  k.push_back(MakeKernel({In(Utf8()), In(Utf8())}, Bool(), ScalarsAsColumnKernel(strings)));
  k.push_back(MakeKernel({In(Binary()), In(Binary())}, Bool(), ScalarsAsColumnKernel(strings)));
  k.push_back(MakeKernel({In(Bool()), In(Bool())}, Bool(),
                         ScalarsAsColumnKernel([op](KernelContext&, const std::vector<Datum>& args,
                                                    int64_t n) {
                           return CompareRows<BoolReader>(op, args, n, [](bool x, bool y) {
                             return static_cast<int>(x) - static_cast<int>(y);
                           });
                         })));
  return k;
}

}  // namespace

Status RegisterComparisons(FunctionRegistry* registry) {
  struct Entry {
    const char* name;
    CmpOp op;
    FunctionDoc doc;
  };
  const Entry entries[] = {
      {"=", CmpOp::kEq, {"True when both sides are equal; NULL when either is NULL.", "a = b", "1 = 1 -> true"}},
      {"<>", CmpOp::kNe, {"True when the sides differ; NULL when either is NULL.", "a <> b", "1 <> 2 -> true"}},
      {"<", CmpOp::kLt, {"Less than (text compares bytewise, C collation).", "a < b", "'a' < 'b' -> true"}},
      {"<=", CmpOp::kLe, {"Less than or equal.", "a <= b", "2 <= 2 -> true"}},
      {">", CmpOp::kGt, {"Greater than.", "a > b", "date '2024-01-02' > date '2024-01-01' -> true"}},
      {">=", CmpOp::kGe, {"Greater than or equal.", "a >= b", "1.5 >= 1 -> true"}},
  };
  for (const auto& e : entries) {
    ScalarFunction fn;
    fn.name = e.name;
    fn.doc = e.doc;
    fn.kernels = KernelsFor(e.op);
    BB_RETURN_NOT_OK(registry->AddScalar(std::move(fn)));
  }
  return Status::OK();
}

}  // namespace bundlebase::sql
