// string_agg and array_agg: delimiters, NULLs, empty groups, ORDER BY, merging threads.
#include "aggregate_test_util.h"

namespace bundlebase::sql::aggtest {
namespace {

using Strings = std::vector<std::string>;
using Opt = std::optional<std::string>;

Scalar Comma() { return Scalar::FromUtf8(", "); }

// list<int32> rows [1, 2], [], NULL, [3].
ArrayPtr SampleLists() {
  ListBuilder builder(List(Int32()), std::make_unique<Int32Builder>(Int32()));
  auto* items = static_cast<Int32Builder*>(builder.value_builder());
  EXPECT_OK(builder.Append());
  EXPECT_OK(items->Append(1));
  EXPECT_OK(items->Append(2));
  EXPECT_OK(builder.Append());
  EXPECT_OK(builder.AppendNull());
  EXPECT_OK(builder.Append());
  EXPECT_OK(items->Append(3));
  auto lists = builder.Finish();
  EXPECT_TRUE(lists.ok());
  return *lists;
}

TEST(AggregateStringAgg, JoinsNonNullValues) {
  ASSERT_OK_AND_ASSIGN(auto result,
                       RunAgg("string_agg", {Col(Utf8(), {"a", std::nullopt, "b", "c"}), Comma()}));
  EXPECT_EQ(result, Strings{"a, b, c"});
  ASSERT_OK_AND_ASSIGN(auto empty, RunAgg("string_agg", {Col(Utf8(), {}), Comma()}));
  EXPECT_EQ(empty, Strings{"NULL"});
  ASSERT_OK_AND_ASSIGN(auto nulls, RunAgg("string_agg", {Col(Utf8(), {std::nullopt}), Comma()}));
  EXPECT_EQ(nulls, Strings{"NULL"});
  ASSERT_OK_AND_ASSIGN(auto no_delimiter, RunAgg("string_agg", {Col(Utf8(), {"a", "b"}),
                                                                Scalar::MakeNull(Utf8())}));
  EXPECT_EQ(no_delimiter, Strings{"ab"});
  ASSERT_OK_AND_ASSIGN(auto bytes, RunAgg("string_agg", {Col(Binary(), {"a", "b"}),
                                                         Val(Binary(), "-")}));
  EXPECT_EQ(bytes, Strings{"\\x612d62"});
}

TEST(AggregateStringAgg, EachValueUsesItsOwnRowsDelimiter) {
  // PostgreSQL: the first value's delimiter is dropped, the others precede their value.
  ASSERT_OK_AND_ASSIGN(auto result,
                       RunAgg("string_agg", {Col(Utf8(), {"a", "b", std::nullopt, "c"}),
                                             Col(Utf8(), {"1", "2", "3", std::nullopt})}));
  EXPECT_EQ(result, Strings{"a2bc"});
}

TEST(AggregateStringAgg, GroupsAndThreadsKeepDelimiters) {
  ArrayPtr values = Col(Utf8(), {"x", "a", "b", "c", "d", "e"})->Slice(1, 5);
  ArrayPtr delimiters = Col(Utf8(), {"-", "+", "*", "/", "="});
  std::vector<uint32_t> first{1, 1, 0};
  std::vector<uint32_t> rest{1, 0};
  ASSERT_OK_AND_ASSIGN(auto result,
                       RunThreads("string_agg", {Utf8(), Utf8()},
                                  {{Batch{{values->Slice(0, 3), delimiters->Slice(0, 3)}, first}},
                                   {Batch{{values->Slice(3, 2), delimiters->Slice(3, 2)}, rest}}},
                                  Groups(3)));
  // Group 1 gets a, b from thread one and d (delimiter "/") from thread two.
  EXPECT_EQ(result, (Strings{"c=e", "a+b/d", "NULL"}));
}

TEST(AggregateStringAgg, OrderBy) {
  RunOptions options = Groups(2);
  options.order_by = {SortKeySpec{false, true}};  // DESC NULLS FIRST
  ASSERT_OK_AND_ASSIGN(auto result,
                       RunAgg("string_agg",
                              {Col(Utf8(), {"a", "b", "c", "d", "e"}), Comma(),
                               Col(Int32(), {"1", "3", std::nullopt, "2", "9"})},
                              {0, 0, 0, 0, 1}, options));
  EXPECT_EQ(result, (Strings{"c, b, d, a", "e"}));
}

TEST(AggregateArrayAgg, CollectsValuesAndNulls) {
  ASSERT_OK_AND_ASSIGN(auto result,
                       RunAgg("array_agg", {Col(Int64(), {"1", std::nullopt, "3", "4"})},
                              {0, 0, 2, 0}, Groups(3)));
  EXPECT_EQ(result, (Strings{"[1, NULL, 4]", "NULL", "[3]"}));
  ASSERT_OK_AND_ASSIGN(auto empty, RunAgg("array_agg", {Col(Utf8(), {})}));
  EXPECT_EQ(empty, Strings{"NULL"});
}

TEST(AggregateArrayAgg, NestedTypesSlicesAndThreads) {
  ArrayPtr text = Col(Utf8(), {"skip", "a", "b", std::nullopt, "c"})->Slice(1, 4);
  ArrayPtr lists = SampleLists();
  for (const ArrayPtr& column : {text, lists}) {
    SCOPED_TRACE(column->type()->ToString());
    std::vector<uint32_t> first{0, 1};
    std::vector<uint32_t> rest{0, 0};
    ASSERT_OK_AND_ASSIGN(auto result,
                         RunThreads("array_agg", {column->type()},
                                    {{Batch{{column->Slice(0, 2)}, first}},
                                     {Batch{{column->Slice(2, 2)}, rest}}},
                                    Groups(2)));
    ASSERT_OK_AND_ASSIGN(auto all, RunAgg("array_agg", {column}));
    if (column == text) {
      EXPECT_EQ(result, (Strings{"[a, NULL, c]", "[b]"}));
      EXPECT_EQ(all, Strings{"[a, b, NULL, c]"});
    } else {
      EXPECT_EQ(result, (Strings{"[[1, 2], NULL, [3]]", "[[]]"}));
    }
  }
}

TEST(AggregateArrayAgg, OrderByAcrossThreads) {
  RunOptions options;
  options.order_by = {SortKeySpec{true, false}, SortKeySpec{false, true}};
  ArrayPtr values = Col(Utf8(), {"a", "b", "c", "d", "e", "f"});
  ArrayPtr key1 = Col(Int32(), {"2", "1", "2", std::nullopt, "1", "2"});
  ArrayPtr key2 = Col(Float64(), {"0.5", "7", "NaN", "1", std::nullopt, "0.5"});
  ASSERT_OK_AND_ASSIGN(
      auto result,
      RunThreads("array_agg", {Utf8()},
                 {{Batch{{values->Slice(0, 3), key1->Slice(0, 3), key2->Slice(0, 3)}, {}}},
                  {Batch{{values->Slice(3, 3), key1->Slice(3, 3), key2->Slice(3, 3)}, {}}}},
                 options));
  // key1 ASC NULLS LAST, then key2 DESC NULLS FIRST (NaN is the largest); ties keep input order.
  EXPECT_EQ(result, Strings{"[e, b, c, a, f, d]"});
}

TEST(AggregateArrayAgg, OrderByAListIsRejected) {
  RunOptions options;
  options.order_by = {SortKeySpec{}};
  auto result = RunAgg("array_agg", {Col(Int32(), {"1"}), SampleLists()->Slice(0, 1)}, {},
                       options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("cannot sort"), std::string::npos);
}

}  // namespace
}  // namespace bundlebase::sql::aggtest
