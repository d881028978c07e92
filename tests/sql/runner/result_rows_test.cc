// Tests for canonical result rows: width checks, sort modes and mismatch descriptions.
#include "result_rows.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bundlebase::sql {
namespace {

QueryOutput Output(std::vector<std::vector<std::optional<std::string>>> rows) {
  return QueryOutput{std::move(rows)};
}

TEST(ResultRows, CanonicalizesAndChecksWidth) {
  ASSERT_OK_AND_ASSIGN(CanonicalRows rows,
                       CanonicalizeOutput("IB", Output({{"1", "t"}, {std::nullopt, "f"}})));
  EXPECT_EQ(RenderRows(rows), (std::vector<std::string>{"1\ttrue", "NULL\tfalse"}));
  auto too_wide = CanonicalizeOutput("I", Output({{"1", "2"}}));
  ASSERT_FALSE(too_wide.ok());
  EXPECT_NE(too_wide.status().message().find("2 columns"), std::string::npos);
  auto wrong_type = CanonicalizeOutput("TI", Output({{"a", "1.5"}}));
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.status().message().find("row 1, column 2"), std::string::npos);
}

TEST(ResultRows, SortModes) {
  CanonicalRows rows = {{"b", "2"}, {"a", "9"}};
  CanonicalRows row_sorted = rows;
  ApplySortMode(SortMode::kRowSort, &row_sorted);
  EXPECT_EQ(row_sorted, (CanonicalRows{{"a", "9"}, {"b", "2"}}));
  CanonicalRows value_sorted = rows;
  ApplySortMode(SortMode::kValueSort, &value_sorted);
  EXPECT_EQ(value_sorted, (CanonicalRows{{"2"}, {"9"}, {"a"}, {"b"}}));
  CanonicalRows unsorted = rows;
  ApplySortMode(SortMode::kNoSort, &unsorted);
  EXPECT_EQ(unsorted, rows);
}

TEST(ResultRows, DescribesTheFirstMismatch) {
  CanonicalRows expected = SplitExpectedLines({"1\t0.5", "2\tNULL"});
  EXPECT_EQ(DescribeMismatch("IR", SortMode::kNoSort, expected,
                             {{"1", "0.5000000000001"}, {"2", "NULL"}}),
            std::nullopt);
  EXPECT_EQ(DescribeMismatch("IR", SortMode::kNoSort, expected, {{"1", "0.5"}}),
            "expected 2 rows, got 1");
  EXPECT_EQ(DescribeMismatch("IR", SortMode::kNoSort, expected, {{"1", "0.5"}, {"3", "NULL"}}),
            "row 2, column 1: expected '2', got '3'");
}

}  // namespace
}  // namespace bundlebase::sql
