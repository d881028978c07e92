// The boxed table: exact layout, alignment, NULLs, long and wide results, empty results,
// Unicode widths and escaping; ArrayToString.
#include "columnar/pretty_print.h"

#include "test_arrays.h"

namespace bundlebase {
namespace {

using testing::Doubles;
using testing::Ints;
using testing::kNull;
using testing::Strings;

RecordBatchPtr Batch(std::vector<Field> fields, std::vector<ArrayPtr> columns) {
  return RecordBatch::Make(MakeSchema(std::move(fields)), std::move(columns)).ValueOrDie();
}

TEST(PrettyPrintTest, SmallTable) {
  auto batch = Batch({Field("id", Int64()), Field("name", Utf8()), Field("price", Float64())},
                     {Ints(Int64(), {1, 20, kNull}), Strings({"apple", kNull, "kiwi"}),
                      Doubles(Float64(), {1.5, 10, kNull})});
  EXPECT_EQ(FormatBatchesAsTable(batch->schema(), {batch}),
            "┌───────┬───────┬─────────┐\n"
            "│  id   │ name  │  price  │\n"
            "│ int64 │ utf8  │ float64 │\n"
            "├───────┼───────┼─────────┤\n"
            "│     1 │ apple │     1.5 │\n"
            "│    20 │ NULL  │      10 │\n"
            "│  NULL │ kiwi  │    NULL │\n"
            "└───────┴───────┴─────────┘\n");
}

TEST(PrettyPrintTest, EmptyResultShowsHeaderAndZeroRows) {
  auto schema = MakeSchema({Field("id", Int64()), Field("name", Utf8())});
  EXPECT_EQ(FormatBatchesAsTable(schema, {}),
            "┌───────┬──────┐\n"
            "│  id   │ name │\n"
            "│ int64 │ utf8 │\n"
            "├───────┴──────┤\n"
            "│ (0 rows)     │\n"
            "└──────────────┘\n");
  EXPECT_EQ(FormatBatchesAsTable(MakeSchema({}), {}), "(0 rows, no columns)\n");
}

TEST(PrettyPrintTest, LongResultsKeepHeadAndTail) {
  // 10 rows over three batches; show 4: rows 0-1 and 8-9.
  std::vector<RecordBatchPtr> batches;
  for (int b = 0; b < 3; ++b) {
    std::vector<std::optional<int64_t>> values;
    for (int i = b * 4; i < std::min(10, b * 4 + 4); ++i) values.push_back(i);
    batches.push_back(Batch({Field("n", Int64())}, {Ints(Int64(), values)}));
  }
  TableFormatOptions options;
  options.max_rows = 4;
  // The column widens so the row count fits.
  EXPECT_EQ(FormatBatchesAsTable(batches[0]->schema(), batches, options),
            "┌───────────────────┐\n"
            "│         n         │\n"
            "│       int64       │\n"
            "├───────────────────┤\n"
            "│                 0 │\n"
            "│                 1 │\n"
            "│         ⋮         │\n"
            "│                 8 │\n"
            "│                 9 │\n"
            "├───────────────────┤\n"
            "│ 10 rows (4 shown) │\n"
            "└───────────────────┘\n");
  options.max_rows = 0;
  EXPECT_EQ(FormatBatchesAsTable(batches[0]->schema(), batches, options).find("rows"),
            std::string::npos);
}

TEST(PrettyPrintTest, WideResultsHideMiddleColumns) {
  std::vector<Field> fields;
  std::vector<ArrayPtr> columns;
  for (char c = 'a'; c <= 'h'; ++c) {
    fields.emplace_back(std::string(1, c) + "_column", Int64());
    columns.push_back(Ints(Int64(), {1}));
  }
  auto batch = Batch(fields, columns);
  TableFormatOptions options;
  options.max_width = 50;
  std::string table = FormatBatchesAsTable(batch->schema(), {batch}, options);
  EXPECT_EQ(table,
            "┌──────────┬──────────┬───┬──────────┬──────────┐\n"
            "│ a_column │ b_column │ … │ g_column │ h_column │\n"
            "│  int64   │  int64   │   │  int64   │  int64   │\n"
            "├──────────┼──────────┼───┼──────────┼──────────┤\n"
            "│        1 │        1 │ … │        1 │        1 │\n"
            "├──────────┴──────────┴───┴──────────┴──────────┤\n"
            "│ 8 columns (4 shown), hidden: c_column, d_col… │\n"
            "└───────────────────────────────────────────────┘\n");
  // Too narrow for even one column: the first one is cut to fit.
  options.max_width = 12;
  std::string narrow = FormatBatchesAsTable(batch->schema(), {batch}, options);
  EXPECT_NE(narrow.find("│ a_c… │ … │"), std::string::npos) << narrow;
}

TEST(PrettyPrintTest, LongValuesUnicodeAndControlCharacters) {
  auto batch = Batch({Field("text", Utf8()), Field("名前", Utf8())},
                     {Strings({"line1\nline2\tx", std::string(80, 'x')}),
                      Strings({"日本語", "ab"})});
  TableFormatOptions options;
  options.max_column_width = 20;
  EXPECT_EQ(FormatBatchesAsTable(batch->schema(), {batch}, options),
            "┌──────────────────────┬────────┐\n"
            "│         text         │  名前  │\n"
            "│         utf8         │  utf8  │\n"
            "├──────────────────────┼────────┤\n"
            "│ line1\\nline2\\tx      │ 日本語 │\n"
            "│ xxxxxxxxxxxxxxxxxxx… │ ab     │\n"
            "└──────────────────────┴────────┘\n");
}

TEST(PrettyPrintTest, NestedAndTemporalValues) {
  auto list = List(Int64());
  ASSERT_OK_AND_ASSIGN(
      ArrayPtr lists,
      MakeArrayFromScalars(list, {Scalar(list, std::vector<Scalar>{Scalar::FromInt64(1),
                                                                  Scalar::FromInt64(2)})}));
  auto batch = Batch({Field("l", list), Field("d", Date32())}, {lists, Ints(Date32(), {20458})});
  TableFormatOptions options;
  options.null_text = "∅";
  std::string table = FormatBatchesAsTable(batch->schema(), {batch}, options);
  EXPECT_NE(table.find("│ [1, 2]      │ 2026-01-05 │"), std::string::npos) << table;
}

TEST(PrettyPrintTest, ArrayToString) {
  EXPECT_EQ(ArrayToString(*Ints(Int64(), {1, kNull, 3})), "[1, NULL, 3]");
  EXPECT_EQ(ArrayToString(*Strings({})), "[]");
  EXPECT_EQ(ArrayToString(*Strings({"a", "b"})->Slice(1, 1)), "[b]");
}

}  // namespace
}  // namespace bundlebase
