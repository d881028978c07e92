// Test helpers for the hash operators: an in-memory source operator, column builders, running a
// plan at a given thread count, and results as sorted text rows for comparison.
#pragma once

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "columnar/builder.h"
#include "columnar/scalar.h"
#include "sql/execution/executor.h"
#include "sql/functions/function_registry.h"
#include "test_util.h"

namespace bundlebase::sql::hash_testing {

// A source over batches held in memory; threads take whole batches.
class BatchSource : public PhysicalOperator {
 public:
  BatchSource(SchemaPtr schema, std::vector<RecordBatchPtr> batches)
      : PhysicalOperator(std::move(schema), {}), batches_(std::move(batches)) {}
  std::string name() const override { return "TEST_SOURCE"; }
  bool is_source() const override { return true; }
  Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(
      ExecutionContext&) const override {
    return std::make_unique<Cursor>();
  }
  Result<RecordBatchPtr> Produce(ThreadContext&, GlobalSourceState& global,
                                 LocalSourceState&) const override {
    size_t i = static_cast<Cursor&>(global).next.fetch_add(1);
    return i < batches_.size() ? batches_[i] : RecordBatchPtr();
  }

 private:
  struct Cursor : GlobalSourceState {
    std::atomic<size_t> next{0};
  };
  std::vector<RecordBatchPtr> batches_;
};

inline ArrayPtr Int64s(const std::vector<std::optional<int64_t>>& values) {
  Int64Builder b(Int64());
  for (const auto& v : values) {
    if (v) {
      EXPECT_TRUE(b.Append(*v).ok());
    } else {
      EXPECT_TRUE(b.AppendNull().ok());
    }
  }
  return b.Finish().ValueOrDie();
}

inline ArrayPtr Int32s(const std::vector<std::optional<int32_t>>& values) {
  FixedWidthBuilder<int32_t> b(Int32());
  for (const auto& v : values) {
    if (v) {
      EXPECT_TRUE(b.Append(*v).ok());
    } else {
      EXPECT_TRUE(b.AppendNull().ok());
    }
  }
  return b.Finish().ValueOrDie();
}

inline ArrayPtr Strings(const std::vector<std::optional<std::string>>& values) {
  BinaryBuilder b(Utf8());
  for (const auto& v : values) {
    if (v) {
      EXPECT_TRUE(b.Append(*v).ok());
    } else {
      EXPECT_TRUE(b.AppendNull().ok());
    }
  }
  return b.Finish().ValueOrDie();
}

inline ArrayPtr Bools(const std::vector<std::optional<bool>>& values) {
  BoolBuilder b;
  for (const auto& v : values) {
    if (v) {
      EXPECT_TRUE(b.Append(*v).ok());
    } else {
      EXPECT_TRUE(b.AppendNull().ok());
    }
  }
  return b.Finish().ValueOrDie();
}

inline RecordBatchPtr MakeBatch(const SchemaPtr& schema, std::vector<ArrayPtr> columns) {
  return RecordBatch::Make(schema, std::move(columns)).ValueOrDie();
}

inline std::string FormatValue(const Scalar& s) {
  if (s.is_null()) return "NULL";
  const auto& v = s.value();
  if (std::holds_alternative<bool>(v)) return std::get<bool>(v) ? "t" : "f";
  if (std::holds_alternative<int64_t>(v)) return std::to_string(std::get<int64_t>(v));
  if (std::holds_alternative<uint64_t>(v)) return std::to_string(std::get<uint64_t>(v));
  if (std::holds_alternative<double>(v)) return std::to_string(std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  if (std::holds_alternative<__int128>(v)) {
    return std::to_string(static_cast<int64_t>(std::get<__int128>(v)));
  }
  return "?";
}

// Every row as "v1|v2|...", sorted.
inline std::vector<std::string> SortedRows(const std::vector<RecordBatchPtr>& batches) {
  std::vector<std::string> rows;
  for (const auto& b : batches) {
    for (int64_t r = 0; r < b->num_rows(); ++r) {
      std::string row;
      for (int c = 0; c < b->num_columns(); ++c) {
        if (c > 0) row += "|";
        row += FormatValue(GetScalar(*b->column(c), r).ValueOrDie());
      }
      rows.push_back(std::move(row));
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline Result<std::vector<RecordBatchPtr>> RunPlan(const PhysicalOperator& plan, int threads,
                                               int64_t memory_limit = int64_t{8} << 30) {
  ExecutionOptions options;
  options.threads = threads;
  options.memory_limit = memory_limit;
  ExecutionContext ctx(options);
  return ExecutePlan(plan, ctx);
}

inline int64_t CountRows(const std::vector<RecordBatchPtr>& batches) {
  int64_t n = 0;
  for (const auto& b : batches) n += b->num_rows();
  return n;
}

// Test-only aggregates, so the operator tests do not depend on the function library:
// "test_sum" (int64 sum, NULL for a group without values) and "test_count" (count(*) without
// an argument, else the non-NULL values).
class TestSumCount final : public GroupedAggregator {
 public:
  explicit TestSumCount(bool sum) : sum_(sum) {}
  Status Resize(int64_t n) override {
    if (n > static_cast<int64_t>(totals_.size())) {
      totals_.resize(n, 0);
      counts_.resize(n, 0);
    }
    return Status::OK();
  }
  Status Update(const std::vector<Datum>& args, const uint32_t* ids, int64_t n) override {
    for (int64_t i = 0; i < n; ++i) {
      if (!args.empty() && args[0].array()->IsNull(i)) continue;
      counts_[ids[i]] += 1;
      if (sum_) totals_[ids[i]] += args[0].array()->values<int64_t>()[i];
    }
    return Status::OK();
  }
  Status Merge(GroupedAggregator& other, const uint32_t* map) override {
    auto& o = static_cast<TestSumCount&>(other);
    for (size_t g = 0; g < o.totals_.size(); ++g) {
      totals_[map[g]] += o.totals_[g];
      counts_[map[g]] += o.counts_[g];
    }
    return Status::OK();
  }
  Result<ArrayPtr> Finalize() override {
    Int64Builder b(Int64());
    for (size_t g = 0; g < totals_.size(); ++g) {
      if (sum_ && counts_[g] == 0) {
        BB_RETURN_NOT_OK(b.AppendNull());
      } else {
        BB_RETURN_NOT_OK(b.Append(sum_ ? totals_[g] : counts_[g]));
      }
    }
    return b.Finish();
  }

 private:
  bool sum_;
  std::vector<int64_t> totals_, counts_;
};

inline ResolvedAggregateCall TestAggregate(bool sum, bool with_argument) {
  static const AggregateFunction* functions = [] {
    auto* f = new AggregateFunction[2];
    for (int i = 0; i < 2; ++i) {
      f[i].name = i == 0 ? "test_sum" : "test_count";
      AggregateKernel kernel;
      kernel.output = OutputType{Int64(), {}};
      const bool is_sum = i == 0;
      kernel.make = [is_sum](const AggregateCallOptions&)
          -> Result<std::unique_ptr<GroupedAggregator>> {
        return std::make_unique<TestSumCount>(is_sum);
      };
      f[i].kernels.push_back(kernel);
    }
    return f;
  }();
  const AggregateFunction* f = &functions[sum ? 0 : 1];
  ResolvedAggregateCall call{f, &f->kernels[0], {}, Int64()};
  if (with_argument) call.arg_types.push_back(Int64());
  return call;
}

}  // namespace bundlebase::sql::hash_testing
