// RowRewrite: the rules bundles apply to incoming rows — DELETE and UPDATE fragments over
// batches, their NULL logic, casts, errors, and a wrapped reader.
#include <gtest/gtest.h>

#include "columnar/builder.h"
#include "sql/engine/row_rewrite.h"
#include "test_util.h"

namespace bundlebase::sql {
namespace {

// event_type (text), user_id (int64, with a NULL), region (text)
RecordBatchPtr Events() {
  auto schema = MakeSchema({Field("event_type", Utf8()), Field("user_id", Int64()),
                            Field("Region", Utf8())});
  BinaryBuilder types(Utf8()), regions(Utf8());
  Int64Builder users(Int64());
  const char* t[] = {"click", "internal_test", "view", "click"};
  const char* r[] = {"Europe", "EU", "US", "europe"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(types.Append(t[i]).ok());
    EXPECT_TRUE(regions.Append(r[i]).ok());
    EXPECT_TRUE((i == 2 ? users.AppendNull() : users.Append(100 + i)).ok());
  }
  return std::make_shared<RecordBatch>(schema, 4,
                                       std::vector<ArrayPtr>{*types.Finish(), *users.Finish(),
                                                             *regions.Finish()});
}

std::vector<std::string> Texts(const Array& a) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < a.length(); ++i) {
    out.push_back(a.IsNull(i) ? "NULL" : std::string(a.GetView(i)));
  }
  return out;
}

TEST(RowRewriteTest, DeleteWithOrWithoutKeyword) {
  auto batch = Events();
  ASSERT_OK_AND_ASSIGN(auto rule, RowRewrite::Delete(batch->schema(),
                                                     "WHERE event_type = 'internal_test'"));
  ASSERT_OK_AND_ASSIGN(auto out, rule.Apply(*batch));
  EXPECT_EQ(Texts(*out->column(0)), (std::vector<std::string>{"click", "view", "click"}));
  ASSERT_OK_AND_ASSIGN(auto nulls, RowRewrite::Delete(batch->schema(), "user_id IS NULL"));
  ASSERT_OK_AND_ASSIGN(out, nulls.Apply(*batch));
  EXPECT_EQ(out->num_rows(), 3);
  EXPECT_EQ(out->column(1)->null_count(), 0);
}

TEST(RowRewriteTest, NullConditionDeletesNothing) {
  auto batch = Events();
  // user_id > 101 is NULL for the row without a user: that row stays.
  ASSERT_OK_AND_ASSIGN(auto rule, RowRewrite::Delete(batch->schema(), "user_id > 101"));
  ASSERT_OK_AND_ASSIGN(auto out, rule.Apply(*batch));
  EXPECT_EQ(Texts(*out->column(0)), (std::vector<std::string>{"click", "internal_test", "view"}));
}

TEST(RowRewriteTest, UpdateNormalisesValuesCaseInsensitiveColumn) {
  auto batch = Events();
  ASSERT_OK_AND_ASSIGN(auto rule, RowRewrite::Update(
                                      batch->schema(),
                                      "SET region = 'EMEA' WHERE region IN ('Europe', 'EU', 'europe')"));
  ASSERT_OK_AND_ASSIGN(auto out, rule.Apply(*batch));
  EXPECT_EQ(Texts(*out->column(2)), (std::vector<std::string>{"EMEA", "EMEA", "US", "EMEA"}));
  EXPECT_EQ(Texts(*out->column(0)), Texts(*batch->column(0)));
  EXPECT_TRUE(out->schema()->Equals(*batch->schema()));
}

TEST(RowRewriteTest, UpdateWithoutWhereAndWithExpressions) {
  auto batch = Events();
  ASSERT_OK_AND_ASSIGN(auto rule, RowRewrite::Update(batch->schema(), "user_id = user_id * 2"));
  ASSERT_OK_AND_ASSIGN(auto out, rule.Apply(*batch));
  const Array& users = *out->column(1);
  EXPECT_EQ(users.values<int64_t>()[0], 200);
  EXPECT_EQ(users.values<int64_t>()[3], 206);
  EXPECT_TRUE(users.IsNull(2));
}

TEST(RowRewriteTest, UpdateOnlyEvaluatesChangedRows) {
  auto batch = Events();
  // 1 / (user_id - 100) would divide by zero on the first row, which the rule leaves alone.
  ASSERT_OK_AND_ASSIGN(auto rule, RowRewrite::Update(
                                      batch->schema(), "SET user_id = 1 / (user_id - 100) WHERE user_id > 100"));
  ASSERT_OK_AND_ASSIGN(auto out, rule.Apply(*batch));
  EXPECT_EQ(out->column(1)->values<int64_t>()[0], 100);
  EXPECT_EQ(out->column(1)->values<int64_t>()[1], 1);
}

TEST(RowRewriteTest, ErrorsNameTheProblem) {
  auto schema = Events()->schema();
  auto unknown = RowRewrite::Update(schema, "SET regoin = 'x'");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("did you mean \"Region\""), std::string::npos)
      << unknown.status().message();
  auto not_bool = RowRewrite::Delete(schema, "WHERE user_id");
  ASSERT_FALSE(not_bool.ok());
  EXPECT_NE(not_bool.status().message().find("boolean"), std::string::npos);
  auto wrong_type = RowRewrite::Update(schema, "SET user_id = event_type");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.status().message().find("is of type bigint"), std::string::npos)
      << wrong_type.status().message();
  auto syntax = RowRewrite::Delete(schema, "WHERE user_id = = 1");
  EXPECT_FALSE(syntax.ok());
}

TEST(RowRewriteTest, WrapsAReader) {
  auto batch = Events();
  ASSERT_OK_AND_ASSIGN(auto rule, RowRewrite::Delete(batch->schema(), "event_type = 'click'"));
  auto reader = rule.Wrap(MakeVectorReader(batch->schema(), {batch, batch}));
  ASSERT_OK_AND_ASSIGN(auto batches, reader->ReadAll());
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_EQ(batches[0]->num_rows(), 2);
  EXPECT_EQ(batches[1]->num_rows(), 2);
}

}  // namespace
}  // namespace bundlebase::sql
