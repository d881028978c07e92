// The widening rules of InferredType: which kinds of value give which column type, and merging.
#include "formats/json/inferred_type.h"

#include <gtest/gtest.h>

namespace bundlebase::json {
namespace {

std::string TypeOf(std::initializer_list<InferredType::Kind> kinds) {
  InferredType type;
  for (auto kind : kinds) type.AddKind(kind);
  return type.ToDataType()->ToString();
}

TEST(InferredTypeTest, ScalarRules) {
  using K = InferredType;
  EXPECT_EQ(TypeOf({K::kBool}), "bool");
  EXPECT_EQ(TypeOf({K::kInt}), "int64");
  EXPECT_EQ(TypeOf({K::kInt, K::kNull}), "int64");
  EXPECT_EQ(TypeOf({K::kDouble}), "float64");
  EXPECT_EQ(TypeOf({K::kInt, K::kDouble}), "float64");
  EXPECT_EQ(TypeOf({K::kBigInt, K::kDouble}), "float64");
  EXPECT_EQ(TypeOf({K::kBigInt}), "utf8");
  EXPECT_EQ(TypeOf({K::kInt, K::kBigInt}), "utf8");
  EXPECT_EQ(TypeOf({K::kString}), "utf8");
  EXPECT_EQ(TypeOf({K::kNull}), "utf8");
  EXPECT_EQ(TypeOf({}), "utf8");
  EXPECT_EQ(TypeOf({K::kBool, K::kInt}), "utf8");
  EXPECT_EQ(TypeOf({K::kString, K::kDouble}), "utf8");
  EXPECT_EQ(TypeOf({K::kList, K::kString}), "utf8");
}

TEST(InferredTypeTest, Layouts) {
  InferredType text;
  text.AddKind(InferredType::kString);
  EXPECT_EQ(text.layout(), ValueLayout::kString);
  text.AddKind(InferredType::kInt);
  EXPECT_EQ(text.layout(), ValueLayout::kText);
  InferredType big;
  big.AddKind(InferredType::kBigInt);
  EXPECT_EQ(big.layout(), ValueLayout::kText);
}

TEST(InferredTypeTest, ListsAndStructs) {
  InferredType list;
  list.AddKind(InferredType::kList);
  EXPECT_EQ(list.ToDataType()->ToString(), "list<utf8>");  // only empty lists seen
  list.item().AddKind(InferredType::kInt);
  EXPECT_EQ(list.ToDataType()->ToString(), "list<int64>");

  InferredType object;
  object.AddKind(InferredType::kObject);
  EXPECT_EQ(object.ToDataType()->ToString(), "utf8");  // only {} seen: no fields for a struct
  object.field(object.AddField("b", 0)).AddKind(InferredType::kBool);
  object.field(object.AddField("a", 1)).AddKind(InferredType::kDouble);
  EXPECT_EQ(object.ToDataType()->ToString(), "struct<b: bool, a: float64>");
}

TEST(InferredTypeTest, MergeIsAUnionKeepingFirstSeenOrder) {
  InferredType first;
  first.AddKind(InferredType::kObject);
  first.field(first.AddField("x", 0)).AddKind(InferredType::kInt);
  InferredType second;
  second.AddKind(InferredType::kObject);
  second.field(second.AddField("y", 0)).AddKind(InferredType::kString);
  second.field(second.AddField("x", 1)).AddKind(InferredType::kDouble);
  EXPECT_EQ(first.Merge(second), 1);
  EXPECT_EQ(first.ToDataType()->ToString(), "struct<x: float64, y: utf8>");
  EXPECT_EQ(first.Merge(second), 0);
}

}  // namespace
}  // namespace bundlebase::json
