// Status and Result: codes, messages, context chaining and the propagation macros.
#include "bundlebase/result.h"
#include "test_util.h"

namespace bundlebase {
namespace {

Result<int> ParsePositive(int x) {
  if (x <= 0) return Status::Invalid("expected a positive number, got {}", x);
  return x;
}

Result<int> Doubled(int x) {
  BB_ASSIGN_OR_RAISE(int v, ParsePositive(x));
  return v * 2;
}

Status CheckAll(int a, int b) {
  BB_RETURN_NOT_OK(ParsePositive(a));
  BB_RETURN_NOT_OK_CTX(ParsePositive(b), "argument {}", 2);
  return Status::OK();
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_EQ(s.message(), "");
}

TEST(StatusTest, CodesAndMessages) {
  Status s = Status::NotFound("file {} is missing", "a.csv");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_EQ(s.message(), "file a.csv is missing");
  EXPECT_EQ(s.ToString(), "Not found: file a.csv is missing");
  Status copy = s;
  EXPECT_EQ(copy.message(), s.message());
  EXPECT_TRUE(Status::Conflict("x").IsConflict());
}

TEST(StatusTest, WithContextKeepsCode) {
  Status s = Status::Invalid("line 3: bad").WithContext("events.csv");
  EXPECT_TRUE(s.IsInvalid());
  EXPECT_EQ(s.message(), "events.csv: line 3: bad");
  EXPECT_TRUE(Status::OK().WithContext("x").ok());
}

TEST(ResultTest, PropagatesValuesAndErrors) {
  auto good = Doubled(4);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 8);
  auto bad = Doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "expected a positive number, got -1");
  EXPECT_EQ(std::move(bad).ValueOr(7), 7);
}

TEST(ResultTest, ReturnNotOkAddsContext) {
  EXPECT_OK(CheckAll(1, 2));
  EXPECT_EQ(CheckAll(0, 2).message(), "expected a positive number, got 0");
  EXPECT_EQ(CheckAll(1, 0).message(), "argument 2: expected a positive number, got 0");
}

TEST(ResultTest, OkStatusWithoutValueIsInternal) {
  Result<int> r(Status::OK());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

TEST(ResultTest, MoveOnlyValues) {
  Result<std::unique_ptr<int>> r(std::make_unique<int>(5));
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).ValueOrDie();
  EXPECT_EQ(*p, 5);
}

}  // namespace
}  // namespace bundlebase
