// Human-readable sizes: every unit spelling, fractions, whitespace, overflow and formatting.
#include "base/size.h"

#include <limits>

#include "test_util.h"

namespace bundlebase {
namespace {

constexpr uint64_t KiB = 1024;
constexpr uint64_t MiB = KiB * 1024;
constexpr uint64_t GiB = MiB * 1024;
constexpr uint64_t TiB = GiB * 1024;
constexpr uint64_t PiB = TiB * 1024;
constexpr uint64_t EiB = PiB * 1024;

uint64_t Parse(std::string_view text) {
  auto size = ParseHumanSize(text);
  EXPECT_TRUE(size.ok()) << text << ": " << size.status().ToString();
  return size.ok() ? *size : 0;
}

std::string ParseError(std::string_view text) {
  auto size = ParseHumanSize(text);
  EXPECT_FALSE(size.ok()) << text << " parsed as " << (size.ok() ? *size : 0);
  if (size.ok()) return "";
  EXPECT_TRUE(size.status().IsInvalid());
  return size.status().message();
}

TEST(ParseHumanSizeTest, PlainBytes) {
  EXPECT_EQ(Parse("0"), 0u);
  EXPECT_EQ(Parse("500"), 500u);
  EXPECT_EQ(Parse("500B"), 500u);
  EXPECT_EQ(Parse("500b"), 500u);
  EXPECT_EQ(Parse("1.0"), 1u);
  EXPECT_EQ(Parse("7."), 7u);
  EXPECT_EQ(Parse("18446744073709551615"), std::numeric_limits<uint64_t>::max());
}

TEST(ParseHumanSizeTest, EverySpellingIsBinary) {
  for (std::string_view s : {"500K", "500KB", "500KiB", "500k", "500kb", "500kib", "500 K",
                             " 500 KiB ", "\t500kB\n"}) {
    EXPECT_EQ(Parse(s), 500 * KiB) << s;
  }
  EXPECT_EQ(Parse("15M"), 15 * MiB);
  EXPECT_EQ(Parse("15MB"), 15 * MiB);
  EXPECT_EQ(Parse("3G"), 3 * GiB);
  EXPECT_EQ(Parse("3gib"), 3 * GiB);
  EXPECT_EQ(Parse("2T"), 2 * TiB);
  EXPECT_EQ(Parse("2 tb"), 2 * TiB);
  EXPECT_EQ(Parse("1P"), PiB);
  EXPECT_EQ(Parse("15E"), 15 * EiB);
}

TEST(ParseHumanSizeTest, Fractions) {
  EXPECT_EQ(Parse("1.5G"), 3 * GiB / 2);
  EXPECT_EQ(Parse("1.5K"), 1536u);
  EXPECT_EQ(Parse(".5K"), 512u);
  EXPECT_EQ(Parse("0.25M"), MiB / 4);
  EXPECT_EQ(Parse("0.001K"), 1u);          // 1.024 rounds to 1
  EXPECT_EQ(Parse("0.0005K"), 1u);         // 0.512 rounds to nearest
  EXPECT_EQ(Parse("0.0004K"), 0u);
  EXPECT_EQ(Parse("1.99999999999999999999999999G"), 2 * GiB);
  EXPECT_EQ(Parse("15.999999999999999999E"), std::numeric_limits<uint64_t>::max());
}

TEST(ParseHumanSizeTest, SyntaxErrorsQuoteInputAndGiveExamples) {
  for (std::string_view bad : {"", "   ", "K", "abc", "15X", "15 MBs", "1.5.5G", "5 K B", "0x10",
                               "+5", "1e3", ".", "15M extra", "1,5G"}) {
    std::string msg = ParseError(bad);
    EXPECT_NE(msg.find(fmt::format("'{}'", bad)), std::string::npos) << msg;
    EXPECT_NE(msg.find("e.g. 500, 500K, 15MB, 1.5G"), std::string::npos) << msg;
  }
  EXPECT_NE(ParseError("-5K").find("cannot be negative"), std::string::npos);
  EXPECT_NE(ParseError("1.5").find("whole number"), std::string::npos);
  EXPECT_NE(ParseError("1.5B").find("whole number"), std::string::npos);
  EXPECT_NE(ParseError("bad\x01").find("\\x01"), std::string::npos);
}

TEST(ParseHumanSizeTest, OverflowIsAnError) {
  for (std::string_view big : {"18446744073709551616", "16E", "16384P", "99999999999999999999999T",
                               "17179869184G", "15.99999999999999999999999E"}) {
    std::string msg = ParseError(big);
    EXPECT_NE(msg.find("too large"), std::string::npos) << big << ": " << msg;
  }
}

TEST(FormatHumanSizeTest, ReadableIecUnits) {
  EXPECT_EQ(FormatHumanSize(0), "0 B");
  EXPECT_EQ(FormatHumanSize(1), "1 B");
  EXPECT_EQ(FormatHumanSize(1023), "1023 B");
  EXPECT_EQ(FormatHumanSize(1024), "1 KiB");
  EXPECT_EQ(FormatHumanSize(1536), "1.5 KiB");
  EXPECT_EQ(FormatHumanSize(3 * MiB / 2), "1.5 MiB");
  EXPECT_EQ(FormatHumanSize(15 * MiB), "15 MiB");
  EXPECT_EQ(FormatHumanSize(3 * GiB), "3 GiB");
  EXPECT_EQ(FormatHumanSize(2 * TiB + TiB / 10), "2.1 TiB");
  EXPECT_EQ(FormatHumanSize(PiB), "1 PiB");
  EXPECT_EQ(FormatHumanSize(MiB - 1), "1 MiB");  // 1023.999 KiB rounds up a unit
  EXPECT_EQ(FormatHumanSize(1023 * KiB), "1023 KiB");
  EXPECT_EQ(FormatHumanSize(std::numeric_limits<uint64_t>::max()), "16 EiB");
}

TEST(FormatHumanSizeTest, RoundTripsThroughParse) {
  for (uint64_t v : {uint64_t{0}, uint64_t{999}, KiB, 5 * MiB, 3 * GiB / 2, 7 * TiB, 15 * EiB}) {
    EXPECT_EQ(Parse(FormatHumanSize(v)), v) << FormatHumanSize(v);
  }
}

}  // namespace
}  // namespace bundlebase
