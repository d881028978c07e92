// UnionAllOperator: every row of every input once, under the union's names, any thread count.
#include "sql/execution/union_all_operator.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "sort_test_source.h"

namespace bundlebase::sql {
namespace {

using order_testing::BatchSource;
using order_testing::MakeColumn;
using order_testing::MakeStrings;
using order_testing::RunPlan;
using order_testing::SplitIntoBatches;
using order_testing::Values;

TEST(UnionAllOperatorTest, EveryRowOfEveryInputOnce) {
  auto left_schema = MakeSchema({Field("a", Int64()), Field("s", Utf8())});
  auto right_schema = MakeSchema({Field("b", Int64()), Field("t", Utf8())});
  auto union_schema = MakeSchema({Field("x", Int64()), Field("y", Utf8())});
  std::vector<std::optional<int64_t>> left_values, right_values;
  std::vector<std::optional<std::string>> left_text, right_text;
  for (int i = 0; i < 3000; ++i) {
    left_values.push_back(i);
    left_text.push_back(i % 5 == 0 ? std::nullopt : std::optional<std::string>("l"));
  }
  for (int i = 0; i < 1200; ++i) {
    right_values.push_back(-i - 1);
    right_text.push_back("r");
  }
  auto left = SplitIntoBatches(left_schema,
                               {MakeColumn<int64_t>(Int64(), left_values), MakeStrings(left_text)},
                               256);
  auto right = SplitIntoBatches(
      right_schema, {MakeColumn<int64_t>(Int64(), right_values), MakeStrings(right_text)}, 100);
  for (int threads : {1, 2, 4}) {
    std::vector<PhysicalOperatorPtr> children;
    children.push_back(std::make_unique<BatchSource>(left_schema, left));
    children.push_back(std::make_unique<BatchSource>(right_schema, right));
    children.push_back(std::make_unique<BatchSource>(left_schema, std::vector<RecordBatchPtr>{}));
    UnionAllOperator op(union_schema, std::move(children));
    ASSERT_OK_AND_ASSIGN(auto out, RunPlan(op, threads));
    for (const auto& batch : out) EXPECT_EQ(batch->schema()->field(0).name, "x");
    auto got = Values<int64_t>(out, 0);
    auto text = Values<std::string>(out, 1);
    ASSERT_EQ(got.size(), 4200u);
    for (size_t r = 0; r < got.size(); ++r) {
      const int64_t v = *got[r];
      if (v >= 0) {
        EXPECT_EQ(text[r], v % 5 == 0 ? std::nullopt : std::optional<std::string>("l"));
      } else {
        EXPECT_EQ(text[r], std::optional<std::string>("r"));
      }
    }
    std::sort(got.begin(), got.end());
    for (size_t r = 0; r < got.size(); ++r) ASSERT_EQ(*got[r], static_cast<int64_t>(r) - 1200);
  }
  std::vector<PhysicalOperatorPtr> two;
  two.push_back(std::make_unique<BatchSource>(left_schema, left));
  two.push_back(std::make_unique<BatchSource>(right_schema, right));
  UnionAllOperator op(union_schema, std::move(two));
  EXPECT_EQ(op.name(), "UNION_ALL");
  EXPECT_EQ(op.details(), "2 inputs");
  EXPECT_EQ(op.sink_children(), (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace bundlebase::sql
