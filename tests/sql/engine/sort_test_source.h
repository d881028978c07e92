// Test helpers for the order-based operators: a source over in-memory batches (handed out to
// whichever thread asks next), column builders from optional values, and readers back.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "columnar/builder.h"
#include "columnar/scalar.h"
#include "sql/execution/executor.h"
#include "sql/execution/physical_operator.h"
#include "test_util.h"

namespace bundlebase::sql::order_testing {

class BatchSource : public PhysicalOperator {
 public:
  BatchSource(SchemaPtr schema, std::vector<RecordBatchPtr> batches)
      : PhysicalOperator(std::move(schema), {}), batches_(std::move(batches)) {}
  std::string name() const override { return "TEST_SOURCE"; }
  bool is_source() const override { return true; }
  Result<std::unique_ptr<GlobalSourceState>> MakeGlobalSourceState(
      ExecutionContext&) const override {
    return std::make_unique<State>();
  }
  Result<RecordBatchPtr> Produce(ThreadContext&, GlobalSourceState& global,
                                 LocalSourceState&) const override {
    size_t i = static_cast<State&>(global).next.fetch_add(1);
    if (i >= batches_.size()) return RecordBatchPtr();
    produced_.fetch_add(1);
    return batches_[i];
  }
  // Batches handed out so far (to check that a finished sink stops the scan).
  int64_t produced() const { return produced_.load(); }

 private:
  struct State : GlobalSourceState {
    std::atomic<size_t> next{0};
  };
  std::vector<RecordBatchPtr> batches_;
  mutable std::atomic<int64_t> produced_{0};
};

template <typename T>
ArrayPtr MakeColumn(const DataTypePtr& type, const std::vector<std::optional<T>>& values) {
  FixedWidthBuilder<T> builder(type);
  for (const auto& v : values) {
    EXPECT_TRUE((v ? builder.Append(*v) : builder.AppendNull()).ok());
  }
  return builder.Finish().ValueOrDie();
}

inline ArrayPtr MakeStrings(const std::vector<std::optional<std::string>>& values) {
  BinaryBuilder builder(Utf8());
  for (const auto& v : values) {
    EXPECT_TRUE((v ? builder.Append(*v) : builder.AppendNull()).ok());
  }
  return builder.Finish().ValueOrDie();
}

// Splits `columns` (equal length) into batches of `batch_rows` rows under `schema`.
inline std::vector<RecordBatchPtr> SplitIntoBatches(const SchemaPtr& schema,
                                                    const std::vector<ArrayPtr>& columns,
                                                    int64_t batch_rows) {
  std::vector<RecordBatchPtr> out;
  const int64_t n = columns.empty() ? 0 : columns[0]->length();
  for (int64_t start = 0; start < n; start += batch_rows) {
    const int64_t len = std::min(batch_rows, n - start);
    std::vector<ArrayPtr> slice;
    for (const auto& c : columns) slice.push_back(c->Slice(start, len));
    out.push_back(std::make_shared<RecordBatch>(schema, len, std::move(slice)));
  }
  return out;
}

// Every value of column `c` across `batches`, in order, as scalars.
inline std::vector<Scalar> ColumnValues(const std::vector<RecordBatchPtr>& batches, int c) {
  std::vector<Scalar> out;
  for (const auto& b : batches) {
    for (int64_t r = 0; r < b->num_rows(); ++r) {
      out.push_back(GetScalar(*b->column(c), r).ValueOrDie());
    }
  }
  return out;
}

template <typename T>
std::vector<std::optional<T>> Values(const std::vector<RecordBatchPtr>& batches, int c) {
  std::vector<std::optional<T>> out;
  for (const auto& s : ColumnValues(batches, c)) {
    if (s.is_null()) {
      out.push_back(std::nullopt);
    } else {
      out.push_back(static_cast<T>(s.get<std::conditional_t<std::is_floating_point_v<T>, double,
                                   std::conditional_t<std::is_same_v<T, std::string>,
                                                      std::string, int64_t>>>()));
    }
  }
  return out;
}

inline int64_t CountRows(const std::vector<RecordBatchPtr>& batches) {
  int64_t n = 0;
  for (const auto& b : batches) n += b->num_rows();
  return n;
}

inline Result<std::vector<RecordBatchPtr>> RunPlan(const PhysicalOperator& plan, int threads,
                                               int64_t memory_limit = int64_t{8} << 30) {
  ExecutionOptions options;
  options.threads = threads;
  options.memory_limit = memory_limit;
  ExecutionContext ctx(options);
  return ExecutePlan(plan, ctx);
}

}  // namespace bundlebase::sql::order_testing
