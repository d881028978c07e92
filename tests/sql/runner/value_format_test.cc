// Tests for canonical values: each type character's form, its type checks and R tolerance.
#include "value_format.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace bundlebase::sql {
namespace {

std::string Canonical(char type, const std::optional<std::string>& raw) {
  auto value = CanonicalValue(type, raw);
  EXPECT_TRUE(value.ok()) << value.status().ToString();
  return value.ok() ? *value : "";
}

TEST(CanonicalValue, EachType) {
  EXPECT_EQ(Canonical('I', "-42"), "-42");
  EXPECT_EQ(Canonical('I', std::nullopt), "NULL");
  EXPECT_EQ(Canonical('R', "2.50"), "2.5");
  EXPECT_EQ(Canonical('R', "1e+20"), "1e+20");
  EXPECT_EQ(Canonical('R', "-0"), "0");
  EXPECT_EQ(Canonical('R', "NaN"), "NaN");
  EXPECT_EQ(Canonical('R', "-Infinity"), "-Infinity");
  EXPECT_EQ(Canonical('B', "t"), "true");
  EXPECT_EQ(Canonical('B', "f"), "false");
  EXPECT_EQ(Canonical('T', ""), "(empty)");
  EXPECT_EQ(Canonical('T', "a\tb\nc"), "a\\tb\\nc");
  EXPECT_EQ(Canonical('D', "2024-01-02 03:04:05"), "2024-01-02 03:04:05");
}

TEST(CanonicalValue, RejectsValuesThatDoNotFitTheType) {
  EXPECT_FALSE(CanonicalValue('I', std::string("2.5")).ok());
  EXPECT_FALSE(CanonicalValue('I', std::string("")).ok());
  EXPECT_FALSE(CanonicalValue('R', std::string("abc")).ok());
  EXPECT_FALSE(CanonicalValue('B', std::string("yes")).ok());
}

TEST(CanonicalValuesMatch, RealsWithinTolerance) {
  EXPECT_TRUE(CanonicalValuesMatch('R', "0.3", "0.30000000000000004"));
  EXPECT_TRUE(CanonicalValuesMatch('R', "1e-13", "0"));
  EXPECT_FALSE(CanonicalValuesMatch('R', "1.0001", "1"));
  EXPECT_TRUE(CanonicalValuesMatch('R', "Infinity", "Infinity"));
  EXPECT_FALSE(CanonicalValuesMatch('R', "Infinity", "-Infinity"));
  EXPECT_FALSE(CanonicalValuesMatch('R', "NULL", "0"));
  EXPECT_FALSE(CanonicalValuesMatch('T', "0.3", "0.30000000000000004"));
}

}  // namespace
}  // namespace bundlebase::sql
