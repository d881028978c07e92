// WindowOperator: ranking, value and aggregate functions over partitions with peers, every
// frame mode, checked against brute-force references computed from the output order; thread
// counts 1/2/4; empty input; errors.
#include "sql/execution/window_operator.h"

#include <random>

#include <gtest/gtest.h>

#include "sort_test_source.h"
#include "sql/functions/function_registry.h"

namespace bundlebase::sql {
namespace {

using order_testing::BatchSource;
using order_testing::MakeColumn;
using order_testing::RunPlan;
using order_testing::SplitIntoBatches;
using order_testing::Values;
using Opt = std::optional<int64_t>;

// Input: partition p (with NULLs), order key k (ties, NULLs), value v (NULLs).
struct Input {
  SchemaPtr schema = MakeSchema({Field("p", Int64()), Field("k", Int64()), Field("v", Int32())});
  std::vector<RecordBatchPtr> batches;
};

Input MakeInput(int rows, int partitions, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Opt> p(rows), k(rows);
  std::vector<std::optional<int32_t>> v(rows);
  for (int i = 0; i < rows; ++i) {
    p[i] = rng() % 25 == 0 ? Opt() : Opt(static_cast<int64_t>(rng() % partitions));
    k[i] = rng() % 15 == 0 ? Opt() : Opt(static_cast<int64_t>(rng() % 40));
    v[i] = rng() % 10 == 0 ? std::nullopt : std::optional<int32_t>(static_cast<int32_t>(rng() % 100));
  }
  Input in;
  in.batches = SplitIntoBatches(in.schema,
                                {MakeColumn<int64_t>(Int64(), p), MakeColumn<int64_t>(Int64(), k),
                                 MakeColumn<int32_t>(Int32(), v)},
                                97);
  return in;
}

WindowFunctionSpec Ranking(WindowFunctionKind kind, int64_t offset = 1) {
  WindowFunctionSpec f;
  f.kind = kind;
  f.offset = offset;
  return f;
}

WindowFunctionSpec Aggregate(const std::string& name, WindowFrameSpec frame) {
  WindowFunctionSpec f;
  f.kind = WindowFunctionKind::kAggregate;
  f.args = {2};
  ArgumentInfo arg;
  arg.type = Int32();
  f.aggregate = FunctionRegistry::Default().ResolveAggregate(name, {arg}).ValueOrDie();
  f.frame = std::move(frame);
  return f;
}

Result<std::vector<RecordBatchPtr>> RunWindow(const Input& in, WindowOperatorSpec spec, int threads) {
  std::vector<Field> fields = in.schema->fields();
  for (const auto& f : spec.functions) {
    BB_ASSIGN_OR_RAISE(DataTypePtr type, WindowFunctionOutputType(f, *in.schema));
    fields.emplace_back("w" + std::to_string(fields.size()), type);
  }
  WindowOperator op(MakeSchema(fields), std::make_unique<BatchSource>(in.schema, in.batches),
                    std::move(spec));
  return RunPlan(op, threads);
}

// The output, row by row: partition, key, value.
struct Row {
  Opt p, k, v;
};

std::vector<Row> ReadRows(const std::vector<RecordBatchPtr>& out) {
  auto p = Values<int64_t>(out, 0);
  auto k = Values<int64_t>(out, 1);
  auto v = Values<int32_t>(out, 2);
  std::vector<Row> rows;
  for (size_t i = 0; i < p.size(); ++i) {
    rows.push_back({p[i], k[i], v[i] ? Opt(*v[i]) : Opt()});
  }
  return rows;
}

// [begin, end) of row i's partition and peer group in output order.
std::pair<size_t, size_t> Span(const std::vector<Row>& rows, size_t i, bool peers) {
  auto same = [&](size_t a, size_t b) {
    return rows[a].p == rows[b].p && (!peers || rows[a].k == rows[b].k);
  };
  size_t b = i, e = i + 1;
  while (b > 0 && same(b - 1, i)) --b;
  while (e < rows.size() && same(e, i)) ++e;
  return {b, e};
}

// The reference frame of row i (keys ascend; NULL keys are last and peers of each other).
std::pair<size_t, size_t> RefFrame(const std::vector<Row>& rows, size_t i, const WindowFrameSpec& f) {
  auto [ps, pe] = Span(rows, i, false);
  auto [gs, ge] = Span(rows, i, true);
  auto bound = [&](const WindowFrameBound& b, bool is_end) -> int64_t {
    switch (b.kind) {
      case WindowFrameBoundKind::kUnboundedPreceding: return ps;
      case WindowFrameBoundKind::kUnboundedFollowing: return pe;
      case WindowFrameBoundKind::kCurrentRow:
        if (f.mode == WindowFrameMode::kRows) return is_end ? i + 1 : i;
        return is_end ? ge : gs;
      default: break;
    }
    const int64_t sign = b.kind == WindowFrameBoundKind::kPreceding ? -1 : 1;
    if (f.mode == WindowFrameMode::kRows) {
      return std::clamp<int64_t>(int64_t(i) + sign * b.offset + (is_end ? 1 : 0), ps, pe);
    }
    if (f.mode == WindowFrameMode::kGroups) {
      // Peer group numbers within the partition.
      std::vector<size_t> starts;
      for (size_t r = ps; r < pe; ++r) {
        if (r == ps || rows[r].k != rows[r - 1].k) starts.push_back(r);
      }
      starts.push_back(pe);
      int64_t g = 0;
      while (starts[g + 1] <= i) ++g;
      const int64_t target = g + sign * b.offset;
      if (target < 0) return ps;
      if (target >= int64_t(starts.size()) - 1) return pe;
      return is_end ? starts[target + 1] : starts[target];
    }
    if (!rows[i].k) return is_end ? ge : gs;
    const int64_t limit = *rows[i].k + sign * b.range_offset.get<int64_t>();
    int64_t r = ps;
    while (r < int64_t(pe) && rows[r].k && (is_end ? *rows[r].k <= limit : *rows[r].k < limit)) ++r;
    return r;
  };
  int64_t s = bound(f.start, false), e = bound(f.end, true);
  return {size_t(s), size_t(std::max(s, e))};
}

WindowFrameSpec Frame(WindowFrameMode mode, WindowFrameBound start, WindowFrameBound end) {
  WindowFrameSpec f;
  f.mode = mode;
  f.start = std::move(start);
  f.end = std::move(end);
  return f;
}

using B = WindowFrameBoundKind;

TEST(WindowOperatorTest, RankingFunctionsOverPartitionsWithPeers) {
  Input in = MakeInput(3000, 7, 1);
  for (int threads : {1, 2, 4}) {
    WindowOperatorSpec spec;
    spec.partition_columns = {0};
    spec.order_keys = {SortKey::Default(1, true)};
    spec.functions = {Ranking(WindowFunctionKind::kRowNumber), Ranking(WindowFunctionKind::kRank),
                      Ranking(WindowFunctionKind::kDenseRank),
                      Ranking(WindowFunctionKind::kPercentRank),
                      Ranking(WindowFunctionKind::kCumeDist),
                      Ranking(WindowFunctionKind::kNtile, 4)};
    ASSERT_OK_AND_ASSIGN(auto out, RunWindow(in, spec, threads));
    auto rows = ReadRows(out);
    ASSERT_EQ(rows.size(), 3000u);
    auto row_number = Values<int64_t>(out, 3);
    auto rank = Values<int64_t>(out, 4);
    auto dense = Values<int64_t>(out, 5);
    auto percent = Values<double>(out, 6);
    auto cume = Values<double>(out, 7);
    auto ntile = Values<int64_t>(out, 8);
    for (size_t i = 0; i < rows.size(); ++i) {
      auto [ps, pe] = Span(rows, i, false);
      auto [gs, ge] = Span(rows, i, true);
      const int64_t size = pe - ps;
      int64_t distinct_before = 0;
      for (size_t r = ps; r < gs; ++r) distinct_before += r == ps || rows[r].k != rows[r - 1].k;
      ASSERT_EQ(*row_number[i], int64_t(i - ps + 1));
      ASSERT_EQ(*rank[i], int64_t(gs - ps + 1));
      ASSERT_EQ(*dense[i], distinct_before + 1);
      ASSERT_DOUBLE_EQ(*percent[i], size > 1 ? double(gs - ps) / double(size - 1) : 0.0);
      ASSERT_DOUBLE_EQ(*cume[i], double(ge - ps) / double(size));
      // ntile: buckets differ in size by at most one, bigger ones first.
      const int64_t k = i - ps, per = size / 4, extra = size % 4;
      const int64_t want = k < extra * (per + 1) ? k / (per + 1) + 1
                                                 : extra + (k - extra * (per + 1)) / per + 1;
      ASSERT_EQ(*ntile[i], want);
      // Window order: partitions together, keys ascending with NULLs last inside each.
      if (i > ps) {
        ASSERT_TRUE(!rows[i - 1].k ? !rows[i].k : (!rows[i].k || *rows[i - 1].k <= *rows[i].k));
      }
    }
  }
}

TEST(WindowOperatorTest, AggregatesOverEveryFrameModeMatchBruteForce) {
  Input in = MakeInput(4000, 5, 2);
  std::vector<WindowFrameSpec> frames = {
      WindowFrameSpec::Default(),
      Frame(WindowFrameMode::kRows, WindowFrameBound::Of(B::kPreceding, 2), WindowFrameBound::Of(B::kCurrentRow)),
      Frame(WindowFrameMode::kRows, WindowFrameBound::Of(B::kUnboundedPreceding),
            WindowFrameBound::Of(B::kCurrentRow)),
      Frame(WindowFrameMode::kRows, WindowFrameBound::Of(B::kPreceding, 1), WindowFrameBound::Of(B::kFollowing, 1)),
      Frame(WindowFrameMode::kRows, WindowFrameBound::Of(B::kFollowing, 1), WindowFrameBound::Of(B::kFollowing, 3)),
      Frame(WindowFrameMode::kRange, WindowFrameBound::RangeOffset(B::kPreceding, Scalar::FromInt64(5)),
            WindowFrameBound::RangeOffset(B::kFollowing, Scalar::FromInt64(5))),
      Frame(WindowFrameMode::kRange, WindowFrameBound::Of(B::kCurrentRow),
            WindowFrameBound::Of(B::kUnboundedFollowing)),
      Frame(WindowFrameMode::kGroups, WindowFrameBound::Of(B::kPreceding, 1), WindowFrameBound::Of(B::kFollowing, 1)),
      Frame(WindowFrameMode::kRange, WindowFrameBound::Of(B::kUnboundedPreceding),
            WindowFrameBound::Of(B::kUnboundedFollowing)),
  };
  for (int threads : {1, 2, 4}) {
    WindowOperatorSpec spec;
    spec.partition_columns = {0};
    spec.order_keys = {SortKey::Default(1, true)};
    for (const auto& frame : frames) {
      spec.functions.push_back(Aggregate("sum", frame));
      spec.functions.push_back(Aggregate("count", frame));
    }
    ASSERT_OK_AND_ASSIGN(auto out, RunWindow(in, spec, threads));
    auto rows = ReadRows(out);
    ASSERT_EQ(rows.size(), 4000u);
    for (size_t f = 0; f < frames.size(); ++f) {
      auto sums = Values<int64_t>(out, 3 + 2 * f);
      auto counts = Values<int64_t>(out, 4 + 2 * f);
      for (size_t i = 0; i < rows.size(); ++i) {
        auto [s, e] = RefFrame(rows, i, frames[f]);
        int64_t sum = 0, count = 0;
        for (size_t r = s; r < e; ++r) {
          if (rows[r].v) {
            sum += *rows[r].v;
            ++count;
          }
        }
        ASSERT_EQ(counts[i], Opt(count)) << frames[f].ToString() << " row " << i;
        ASSERT_EQ(sums[i], count ? Opt(sum) : Opt()) << frames[f].ToString() << " row " << i;
      }
    }
  }
}

TEST(WindowOperatorTest, RangeOffsetsOverADescendingKey) {
  Input in = MakeInput(3000, 3, 7);
  const WindowFrameSpec frame =
      Frame(WindowFrameMode::kRange, WindowFrameBound::RangeOffset(B::kPreceding, Scalar::FromInt64(3)),
            WindowFrameBound::RangeOffset(B::kFollowing, Scalar::FromInt64(1)));
  WindowOperatorSpec spec;
  spec.partition_columns = {0};
  spec.order_keys = {SortKey{1, false, false}};  // DESC NULLS LAST
  spec.functions = {Aggregate("count", frame)};
  for (int threads : {1, 2, 4}) {
    ASSERT_OK_AND_ASSIGN(auto out, RunWindow(in, spec, threads));
    auto rows = ReadRows(out);
    auto counts = Values<int64_t>(out, 3);
    // Negated keys ascend, and PRECEDING / FOLLOWING keep their meaning on them.
    for (Row& row : rows) {
      if (row.k) row.k = -*row.k;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      auto [s, e] = RefFrame(rows, i, frame);
      int64_t count = 0;
      for (size_t r = s; r < e; ++r) count += rows[r].v.has_value();
      ASSERT_EQ(*counts[i], count) << "row " << i;
    }
  }
}

TEST(WindowOperatorTest, RangeOffsetInDaysOverADateKey) {
  auto schema = MakeSchema({Field("d", Date32())});
  std::vector<std::optional<int32_t>> days = {5, 0, 8, 2, 1, 3, std::nullopt};
  auto batches = SplitIntoBatches(schema, {MakeColumn<int32_t>(Date32(), days)}, 3);
  WindowFunctionSpec count;
  count.kind = WindowFunctionKind::kAggregate;
  count.args = {0};
  ArgumentInfo arg;
  arg.type = Date32();
  count.aggregate = FunctionRegistry::Default().ResolveAggregate("count", {arg}).ValueOrDie();
  count.frame = Frame(WindowFrameMode::kRange,
                      WindowFrameBound::RangeOffset(B::kPreceding,
                                              Scalar(Interval(), MonthDayNano{0, 2, 0})),
                      WindowFrameBound::Of(B::kCurrentRow));
  WindowOperatorSpec spec;
  spec.order_keys = {SortKey::Default(0, true)};
  spec.functions = {count};
  WindowOperator op(MakeSchema({Field("d", Date32()), Field("n", Int64())}),
                    std::make_unique<BatchSource>(schema, batches), spec);
  ASSERT_OK_AND_ASSIGN(auto out, RunPlan(op, 2));
  EXPECT_EQ(Values<int32_t>(out, 0),
            (std::vector<std::optional<int32_t>>{0, 1, 2, 3, 5, 8, std::nullopt}));
  // count(d) skips the NULL key itself, whose frame is its NULL peers.
  EXPECT_EQ(Values<int64_t>(out, 1), (std::vector<Opt>{1, 2, 3, 3, 2, 1, 0}));

  count.frame.start.range_offset = Scalar(Interval(), MonthDayNano{1, 0, 0});
  spec.functions = {count};
  WindowOperator months(MakeSchema({Field("d", Date32()), Field("n", Int64())}),
                        std::make_unique<BatchSource>(schema, batches), spec);
  auto refused = RunPlan(months, 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().ToString().find("months"), std::string::npos);
}

TEST(WindowOperatorTest, RunningSumOverOneBigPartitionIsIncremental) {
  Input in = MakeInput(20000, 1, 3);
  WindowOperatorSpec spec;
  spec.order_keys = {SortKey::Default(1, true)};
  spec.functions = {Aggregate("sum", WindowFrameSpec::Default())};
  ASSERT_OK_AND_ASSIGN(auto out, RunWindow(in, spec, 2));
  auto rows = ReadRows(out);
  auto sums = Values<int64_t>(out, 3);
  // Partition column p has NULLs but is not a partition key here: one partition.
  int64_t running = 0, seen = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].k != rows[i - 1].k) {
      size_t e = i;
      while (e < rows.size() && rows[e].k == rows[i].k) {
        if (rows[e].v) {
          running += *rows[e].v;
          ++seen;
        }
        ++e;
      }
    }
    ASSERT_EQ(sums[i], seen ? Opt(running) : Opt()) << "row " << i;
  }
}

TEST(WindowOperatorTest, ValueFunctionsWithDefaultsAndFrames) {
  Input in = MakeInput(2000, 4, 4);
  WindowOperatorSpec spec;
  spec.partition_columns = {0};
  spec.order_keys = {SortKey::Default(1, true)};
  WindowFunctionSpec lag = Ranking(WindowFunctionKind::kLag, 2);
  lag.args = {2};
  WindowFunctionSpec lead = Ranking(WindowFunctionKind::kLead, 1);
  lead.args = {2};
  lead.default_column = 2;
  const WindowFrameSpec rows_frame =
      Frame(WindowFrameMode::kRows, WindowFrameBound::Of(B::kPreceding, 1), WindowFrameBound::Of(B::kFollowing, 2));
  WindowFunctionSpec first = Ranking(WindowFunctionKind::kFirstValue);
  first.args = {2};
  first.frame = rows_frame;
  WindowFunctionSpec last = Ranking(WindowFunctionKind::kLastValue);
  last.args = {2};  // default frame: ends at the last peer
  WindowFunctionSpec nth = Ranking(WindowFunctionKind::kNthValue, 3);
  nth.args = {2};
  nth.frame = rows_frame;
  spec.functions = {lag, lead, first, last, nth};
  for (int threads : {1, 4}) {
    ASSERT_OK_AND_ASSIGN(auto out, RunWindow(in, spec, threads));
    auto rows = ReadRows(out);
    auto got_lag = Values<int32_t>(out, 3);
    auto got_lead = Values<int32_t>(out, 4);
    auto got_first = Values<int32_t>(out, 5);
    auto got_last = Values<int32_t>(out, 6);
    auto got_nth = Values<int32_t>(out, 7);
    auto as_opt = [](const std::optional<int32_t>& v) { return v ? Opt(*v) : Opt(); };
    for (size_t i = 0; i < rows.size(); ++i) {
      auto [ps, pe] = Span(rows, i, false);
      auto [gs, ge] = Span(rows, i, true);
      ASSERT_EQ(as_opt(got_lag[i]), i >= ps + 2 ? rows[i - 2].v : Opt());
      ASSERT_EQ(as_opt(got_lead[i]), i + 1 < pe ? rows[i + 1].v : rows[i].v);
      auto [fs, fe] = RefFrame(rows, i, rows_frame);
      ASSERT_EQ(as_opt(got_first[i]), rows[fs].v);
      ASSERT_EQ(as_opt(got_last[i]), rows[ge - 1].v);
      ASSERT_EQ(as_opt(got_nth[i]), fs + 2 < fe ? rows[fs + 2].v : Opt());
    }
  }
}

TEST(WindowOperatorTest, NoOrderMeansTheWholePartitionAndAllPeers) {
  Input in = MakeInput(500, 3, 5);
  WindowOperatorSpec spec;
  spec.partition_columns = {0};
  spec.functions = {Aggregate("count", WindowFrameSpec::Default()), Ranking(WindowFunctionKind::kRank)};
  ASSERT_OK_AND_ASSIGN(auto out, RunWindow(in, spec, 2));
  auto rows = ReadRows(out);
  auto counts = Values<int64_t>(out, 3);
  auto ranks = Values<int64_t>(out, 4);
  for (size_t i = 0; i < rows.size(); ++i) {
    auto [ps, pe] = Span(rows, i, false);
    int64_t count = 0;
    for (size_t r = ps; r < pe; ++r) count += rows[r].v.has_value();
    ASSERT_EQ(*counts[i], count);
    ASSERT_EQ(*ranks[i], 1);
  }
}

TEST(WindowOperatorTest, EmptyInputAndErrors) {
  Input empty;
  WindowOperatorSpec spec;
  spec.order_keys = {SortKey::Default(1, true)};
  spec.functions = {Ranking(WindowFunctionKind::kRowNumber)};
  ASSERT_OK_AND_ASSIGN(auto out, RunWindow(empty, spec, 2));
  EXPECT_EQ(order_testing::CountRows(out), 0);

  Input in = MakeInput(100, 2, 6);
  spec.functions = {Ranking(WindowFunctionKind::kNtile, 0)};
  auto bad_ntile = RunWindow(in, spec, 1);
  ASSERT_FALSE(bad_ntile.ok());
  EXPECT_NE(bad_ntile.status().ToString().find("ntile"), std::string::npos);

  spec.order_keys = {SortKey::Default(1, true), SortKey::Default(0, true)};
  spec.functions = {Aggregate(
      "sum", Frame(WindowFrameMode::kRange, WindowFrameBound::RangeOffset(B::kPreceding, Scalar::FromInt64(1)),
                   WindowFrameBound::Of(B::kCurrentRow)))};
  auto two_keys = RunWindow(in, spec, 1);
  ASSERT_FALSE(two_keys.ok());
  EXPECT_NE(two_keys.status().ToString().find("exactly one ORDER BY column"), std::string::npos);
}

TEST(WindowOperatorTest, Explain) {
  Input in;
  WindowOperatorSpec spec;
  spec.partition_columns = {0};
  spec.order_keys = {SortKey::Default(1, false)};
  WindowFunctionSpec f = Ranking(WindowFunctionKind::kRowNumber);
  f.display = "row_number()";
  spec.functions = {f};
  WindowOperator op(MakeSchema({Field("p", Int64()), Field("k", Int64()), Field("v", Int32()),
                                Field("rn", Int64())}),
                    std::make_unique<BatchSource>(in.schema, in.batches), spec);
  EXPECT_EQ(op.name(), "WINDOW");
  EXPECT_EQ(op.details(), "partition: #0; order: #1 DESC; row_number()");
  EXPECT_EQ(Frame(WindowFrameMode::kRows, WindowFrameBound::Of(B::kPreceding, 2),
                  WindowFrameBound::Of(B::kCurrentRow)).ToString(),
            "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW");
}

}  // namespace
}  // namespace bundlebase::sql
