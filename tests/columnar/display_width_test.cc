// Display widths of ASCII, accented, wide and combining text, and truncation with "…".
#include "columnar/display_width.h"

#include "test_util.h"

namespace bundlebase {
namespace {

TEST(DisplayWidthTest, CountsColumnsNotBytes) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("héllo"), 5);
  EXPECT_EQ(DisplayWidth("日本語"), 6);
  EXPECT_EQ(DisplayWidth("한국"), 4);
  EXPECT_EQ(DisplayWidth("ｆｕｌｌ"), 8);
  EXPECT_EQ(DisplayWidth("e\u0301"), 1);  // e + combining acute
  EXPECT_EQ(DisplayWidth("\U0001F600"), 2);
  EXPECT_EQ(DisplayWidth("…⋮│"), 3);
  EXPECT_EQ(DisplayWidth(std::string("a\xff" "b", 3)), 3);  // an invalid byte counts 1
  EXPECT_EQ(DisplayWidth(std::string("\xe6\x97", 2)), 2);  // a truncated sequence too
}

TEST(DisplayWidthTest, TruncatesOnCharacterBoundaries) {
  EXPECT_EQ(TruncateToWidth("hello", 5), "hello");
  EXPECT_EQ(TruncateToWidth("hello", 4), "hel…");
  EXPECT_EQ(TruncateToWidth("hello", 1), "…");
  EXPECT_EQ(TruncateToWidth("hello", 0), "");
  EXPECT_EQ(TruncateToWidth("héllo wörld", 6), "héllo…");
  EXPECT_EQ(TruncateToWidth("日本語", 4), "日…");  // 日 (2) + … (1); 本 would overflow
  EXPECT_EQ(TruncateToWidth("日本語", 5), "日本…");
}

}  // namespace
}  // namespace bundlebase
