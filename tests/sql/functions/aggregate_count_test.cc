// count(*) and count(x): NULLs, constants, empty input, groups, slices, merging.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;

TEST(AggregateCount, CountsNonNullValues) {
  EXPECT_EQ(One("count", Col(Int32(), {"1", std::nullopt, "3"})), "2");
  EXPECT_EQ(One("count", Col(Utf8(), {std::nullopt, std::nullopt})), "0");
  EXPECT_EQ(One("count", Col(Int32(), {})), "0");
}

TEST(AggregateCount, StarCountsRows) {
  ASSERT_OK_AND_ASSIGN(auto result, RunThreads("count", {}, {{Batch{{}, {}, 5}}}));
  EXPECT_EQ(result, Strings{"5"});
  ASSERT_OK_AND_ASSIGN(auto grouped,
                       RunThreads("count", {}, {{Batch{{}, {0, 2, 2, 0, 2}, 5}}},
                                  Groups(3)));
  EXPECT_EQ(grouped, (Strings{"2", "0", "3"}));
}

TEST(AggregateCount, ScalarArgument) {
  ASSERT_OK_AND_ASSIGN(auto ones, RunThreads("count", {Int64()},
                                             {{Batch{{Scalar::FromInt64(1)}, {}, 4}}}));
  EXPECT_EQ(ones, Strings{"4"});
  ASSERT_OK_AND_ASSIGN(auto nulls,
                       RunThreads("count", {Int64()},
                                  {{Batch{{Scalar::MakeNull(Int64())}, {0, 1, 1}, 3}}},
                                  Groups(2)));
  EXPECT_EQ(nulls, (Strings{"0", "0"}));
}

TEST(AggregateCount, GroupsWithNullsAndSlices) {
  std::vector<std::optional<std::string>> values;
  std::vector<uint32_t> groups;
  for (int i = 0; i < 300; ++i) {
    values.push_back(i % 3 == 0 ? std::nullopt : std::optional<std::string>(std::to_string(i)));
  }
  ArrayPtr column = Col(Int64(), values)->Slice(5, 200);  // rows 5..204
  for (int i = 0; i < 200; ++i) groups.push_back(static_cast<uint32_t>(i % 4));
  ASSERT_OK_AND_ASSIGN(auto result, RunAgg("count", {column}, groups, Groups(4)));
  std::vector<int> expected(4, 0);
  for (int i = 0; i < 200; ++i) expected[i % 4] += (i + 5) % 3 != 0;
  EXPECT_EQ(result, (Strings{std::to_string(expected[0]), std::to_string(expected[1]),
                             std::to_string(expected[2]), std::to_string(expected[3])}));
  ASSERT_OK_AND_ASSIGN(auto total, RunAgg("count", {column}));
  EXPECT_EQ(total[0], std::to_string(expected[0] + expected[1] + expected[2] + expected[3]));
}

TEST(AggregateCount, MergeMapsGroups) {
  ASSERT_OK_AND_ASSIGN(Call call, Resolve("count", {Int32()}));
  ASSERT_OK_AND_ASSIGN(auto a, call.kernel->make(call.options));
  ASSERT_OK_AND_ASSIGN(auto b, call.kernel->make(call.options));
  ASSERT_OK(a->Resize(2));
  ASSERT_OK(b->Resize(3));
  std::vector<uint32_t> ga{0, 1, 1};
  std::vector<uint32_t> gb{0, 1, 2, 2};
  ASSERT_OK(a->Update({Col(Int32(), {"1", "2", "3"})}, ga.data(), 3));
  ASSERT_OK(b->Update({Col(Int32(), {"1", "2", "3", std::nullopt})}, gb.data(), 4));
  ASSERT_OK(a->Resize(3));
  std::vector<uint32_t> map{2, 0, 1};  // b's group 0 is a's 2, ...
  ASSERT_OK(a->Merge(*b, map.data()));
  ASSERT_OK_AND_ASSIGN(ArrayPtr result, a->Finalize());
  EXPECT_EQ(Texts(*result), (Strings{"2", "3", "1"}));
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
