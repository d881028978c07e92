// Url: parsing of plain paths and every supported scheme, printing, redaction, errors.
#include "base/url.h"

#include "test_util.h"

namespace bundlebase {
namespace {

Url Parse(std::string_view text) {
  auto url = ParseUrl(text);
  EXPECT_TRUE(url.ok()) << text << ": " << url.status().ToString();
  return url.ok() ? *url : Url{};
}

// The error message of parsing `text`, which must fail with Invalid.
std::string ParseError(std::string_view text) {
  auto url = ParseUrl(text);
  EXPECT_FALSE(url.ok()) << text << " parsed";
  if (url.ok()) return "";
  EXPECT_TRUE(url.status().IsInvalid()) << url.status().ToString();
  return url.status().message();
}

TEST(ParseUrlTest, PlainPathsAreKeptAsGiven) {
  for (std::string_view p : {"data/events", "/srv/drop/", "./a b%20c.csv", "events.csv",
                             "C:/data", "dir:with:colons/x", "../up"}) {
    Url url = Parse(p);
    EXPECT_EQ(url.scheme, "file");
    EXPECT_EQ(url.path, p);
    EXPECT_EQ(url.host, "");
    EXPECT_TRUE(url.IsLocal());
    EXPECT_EQ(url.ToString(), p);
  }
}

TEST(ParseUrlTest, FileUrls) {
  Url url = Parse("file:///abs/path/a%20b.csv");
  EXPECT_EQ(url.scheme, "file");
  EXPECT_EQ(url.path, "/abs/path/a b.csv");
  EXPECT_TRUE(url.IsLocal());
  EXPECT_EQ(url.ToString(), "/abs/path/a b.csv");

  EXPECT_EQ(Parse("file://localhost/abs").path, "/abs");
  EXPECT_EQ(Parse("FILE://LocalHost/abs").path, "/abs");
  EXPECT_EQ(Parse("file:/abs/x").path, "/abs/x");
  EXPECT_EQ(Parse("file:rel/x").path, "rel/x");
  EXPECT_EQ(Parse("file:///").path, "/");
}

TEST(ParseUrlTest, FileUrlErrors) {
  EXPECT_NE(ParseError("file://server/share/x").find("remote host 'server'"), std::string::npos);
  EXPECT_NE(ParseError("file://").find("has no path"), std::string::npos);
  EXPECT_NE(ParseError("file:").find("has no path"), std::string::npos);
  EXPECT_NE(ParseError("file://u@localhost/x").find("user or a port"), std::string::npos);
  EXPECT_NE(ParseError("file:///a%2").find("invalid percent escape"), std::string::npos);
}

TEST(ParseUrlTest, S3KeysAreLiteralWithoutLeadingSlash) {
  Url url = Parse("s3://raw-data/events/");
  EXPECT_EQ(url.scheme, "s3");
  EXPECT_EQ(url.host, "raw-data");
  EXPECT_EQ(url.path, "events/");
  EXPECT_EQ(url.port, 0);
  EXPECT_FALSE(url.IsLocal());
  EXPECT_EQ(url.DefaultPort(), 0);
  EXPECT_EQ(url.ToString(), "s3://raw-data/events/");

  EXPECT_EQ(Parse("s3://bucket").path, "");
  EXPECT_EQ(Parse("s3://bucket/").path, "");
  EXPECT_EQ(Parse("s3://bucket").ToString(), "s3://bucket");
  EXPECT_EQ(Parse("S3://bucket/k").scheme, "s3");

  url = Parse("s3://b/year=2026/month=01/a b%20#1?.csv");
  EXPECT_EQ(url.path, "year=2026/month=01/a b%20#1?.csv");
  EXPECT_EQ(url.query, "");
  EXPECT_EQ(url.ToString(), "s3://b/year=2026/month=01/a b%20#1?.csv");
  EXPECT_EQ(Parse("s3://b//double").path, "/double");
}

TEST(ParseUrlTest, S3Errors) {
  EXPECT_NE(ParseError("s3://").find("has no bucket"), std::string::npos);
  EXPECT_NE(ParseError("s3:///key").find("has no bucket"), std::string::npos);
  std::string msg = ParseError("s3://key:secret@bucket/x");
  EXPECT_NE(msg.find("configuration"), std::string::npos);
  EXPECT_EQ(msg.find("secret"), std::string::npos) << msg;
  EXPECT_NE(ParseError("s3://bucket:9000/x").find("configuration"), std::string::npos);
  EXPECT_NE(ParseError("s3://bu cket/x").find("invalid character ' '"), std::string::npos);
}

TEST(ParseUrlTest, HttpWithEverything) {
  Url url = Parse("https://alice:p%40ss%3Aw0rd@api.example.com:8443/v1/a%20b?x=1&y=%20#frag");
  EXPECT_EQ(url.scheme, "https");
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "p@ss:w0rd");
  EXPECT_EQ(url.host, "api.example.com");
  EXPECT_EQ(url.port, 8443);
  EXPECT_EQ(url.EffectivePort(), 8443);
  EXPECT_EQ(url.DefaultPort(), 443);
  EXPECT_EQ(url.path, "/v1/a b");
  EXPECT_EQ(url.query, "x=1&y=%20");
  EXPECT_EQ(url.ToString(), "https://alice:***@api.example.com:8443/v1/a%20b?x=1&y=%20");
  EXPECT_EQ(url.ToString(false),
            "https://alice:p%40ss%3Aw0rd@api.example.com:8443/v1/a%20b?x=1&y=%20");
}

TEST(ParseUrlTest, HttpMinimal) {
  Url url = Parse("http://api.internal");
  EXPECT_EQ(url.host, "api.internal");
  EXPECT_EQ(url.path, "");
  EXPECT_EQ(url.port, 0);
  EXPECT_EQ(url.EffectivePort(), 80);
  EXPECT_EQ(url.ToString(), "http://api.internal");

  url = Parse("https://api.internal/taxonomy/event-types");
  EXPECT_EQ(url.path, "/taxonomy/event-types");
  EXPECT_EQ(url.ToString(), "https://api.internal/taxonomy/event-types");

  url = Parse("http://h?q=1");
  EXPECT_EQ(url.path, "");
  EXPECT_EQ(url.query, "q=1");
  EXPECT_EQ(url.ToString(), "http://h?q=1");

  EXPECT_EQ(Parse("http://h:/x").port, 0);  // empty port = default
  EXPECT_EQ(Parse("http://h:65535/").port, 65535);
  EXPECT_EQ(Parse("HTTP://h/").scheme, "http");
}

TEST(ParseUrlTest, PasswordWithUnencodedAt) {
  Url url = Parse("ftp://bob:p@ss@ftp.example.com/pub/");
  EXPECT_EQ(url.user, "bob");
  EXPECT_EQ(url.password, "p@ss");
  EXPECT_EQ(url.host, "ftp.example.com");
  EXPECT_EQ(url.ToString(false), "ftp://bob:p%40ss@ftp.example.com/pub/");
}

TEST(ParseUrlTest, FtpFtpsSftp) {
  Url ftp = Parse("ftp://127.0.0.1/pub/file.csv");
  EXPECT_EQ(ftp.scheme, "ftp");
  EXPECT_EQ(ftp.host, "127.0.0.1");
  EXPECT_EQ(ftp.EffectivePort(), 21);
  EXPECT_EQ(ftp.path, "/pub/file.csv");

  Url ftps = Parse("ftps://u:pw@localhost:2121/");
  EXPECT_EQ(ftps.EffectivePort(), 2121);
  EXPECT_EQ(ftps.DefaultPort(), 990);
  EXPECT_EQ(ftps.user, "u");

  Url sftp = Parse("sftp://vendor@sftp.example.com:2222/tmp/served/outbound/");
  EXPECT_EQ(sftp.scheme, "sftp");
  EXPECT_EQ(sftp.user, "vendor");
  EXPECT_EQ(sftp.password, "");
  EXPECT_EQ(sftp.host, "sftp.example.com");
  EXPECT_EQ(sftp.port, 2222);
  EXPECT_EQ(sftp.DefaultPort(), 22);
  EXPECT_EQ(sftp.path, "/tmp/served/outbound/");
  EXPECT_EQ(sftp.ToString(), "sftp://vendor@sftp.example.com:2222/tmp/served/outbound/");
  EXPECT_FALSE(sftp.IsLocal());
}

TEST(ParseUrlTest, Ipv6) {
  Url url = Parse("http://[::1]:8080/x");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.path, "/x");
  EXPECT_EQ(url.ToString(), "http://[::1]:8080/x");
  url = Parse("sftp://u@[fe80::1:2]/home");
  EXPECT_EQ(url.host, "fe80::1:2");
  EXPECT_EQ(url.port, 0);
  EXPECT_EQ(Parse("http://[::ffff:127.0.0.1]/").host, "::ffff:127.0.0.1");

  EXPECT_NE(ParseError("http://[::1/x").find("unterminated IPv6"), std::string::npos);
  EXPECT_NE(ParseError("http://[::1]x/").find("after IPv6"), std::string::npos);
  EXPECT_NE(ParseError("http://[]/").find("bad IPv6"), std::string::npos);
  EXPECT_NE(ParseError("http://[zz:1]/").find("bad IPv6"), std::string::npos);
  EXPECT_NE(ParseError("http://[abc]/").find("bad IPv6"), std::string::npos);
  EXPECT_NE(ParseError("http://::1:8080/").find("in brackets"), std::string::npos);
  EXPECT_NE(ParseError("http://[::1]:0/").find("bad port"), std::string::npos);
}

TEST(ParseUrlTest, UnsupportedSchemeListsSupportedOnes) {
  std::string msg = ParseError("gs://bucket/x");
  EXPECT_NE(msg.find("unsupported scheme 'gs'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("gs://bucket/x"), std::string::npos) << msg;
  EXPECT_NE(msg.find("file, s3, http, https, ftp, ftps, sftp"), std::string::npos) << msg;
  EXPECT_FALSE(ParseUrl("hdfs://nn/x").ok());
}

TEST(ParseUrlTest, BadPorts) {
  for (std::string_view text : {"http://h:0/", "http://h:65536/", "http://h:99999999999/",
                                "http://h:80a/", "http://h:-1/", "http://h: 80/"}) {
    std::string msg = ParseError(text);
    EXPECT_NE(msg.find("bad port"), std::string::npos) << msg;
    EXPECT_NE(msg.find("1 to 65535"), std::string::npos) << msg;
  }
}

TEST(ParseUrlTest, MissingHostAndBadCharacters) {
  EXPECT_NE(ParseError("https:///path").find("has no host"), std::string::npos);
  EXPECT_NE(ParseError("sftp://user@/path").find("has no host"), std::string::npos);
  EXPECT_NE(ParseError("http://").find("has no host"), std::string::npos);
  EXPECT_NE(ParseError("http://ex ample.com/").find("invalid character ' '"), std::string::npos);
  EXPECT_NE(ParseError("http://h\x01/").find("\\x01"), std::string::npos);
  EXPECT_NE(ParseError("").find("empty location"), std::string::npos);
}

TEST(ParseUrlTest, BadEscapesNameThePartAndRedactThePassword) {
  std::string msg = ParseError("https://u:topsecret@h/a%zzb");
  EXPECT_NE(msg.find("path of URL 'https://u:***@h/a%zzb'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'%zz'"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("topsecret"), std::string::npos) << msg;

  msg = ParseError("https://u:top%secret@h/");
  EXPECT_NE(msg.find("password of URL"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("top%secret"), std::string::npos) << msg;

  msg = ParseError("https://u:pw@h:bad/");
  EXPECT_EQ(msg.find(":pw@"), std::string::npos) << msg;
  EXPECT_NE(msg.find("u:***@h:bad"), std::string::npos) << msg;

  EXPECT_NE(ParseError("ftp://us%er@h/").find("user of URL"), std::string::npos);
}

TEST(UrlTest, ToStringEncodesWhatPathsNeed) {
  Url url = Parse("https://h");
  url.path = std::string("/year=2026/a b/c%d/\xC3\xA9?#");
  EXPECT_EQ(url.ToString(), "https://h/year=2026/a%20b/c%25d/%C3%A9%3F%23");
  auto reparsed = ParseUrl(url.ToString());
  ASSERT_TRUE(reparsed.ok());
  EXPECT_EQ(reparsed->path, url.path);

  url.user = std::string("a:b");
  EXPECT_EQ(url.ToString(), "https://a%3Ab@h/year=2026/a%20b/c%25d/%C3%A9%3F%23");
}

TEST(UrlTest, Child) {
  EXPECT_EQ(Parse("s3://b/events/").Child("2026/a.csv").ToString(), "s3://b/events/2026/a.csv");
  EXPECT_EQ(Parse("s3://b/events").Child("a.csv").path, "events/a.csv");
  EXPECT_EQ(Parse("s3://b").Child("a.csv").path, "a.csv");
  EXPECT_EQ(Parse("https://h").Child("a.csv").path, "/a.csv");
  EXPECT_EQ(Parse("https://h/dir/?list=1").Child("a.csv").ToString(), "https://h/dir/a.csv");
  EXPECT_EQ(Parse("sftp://u@h:2222/out").Child("/x.csv").ToString(), "sftp://u@h:2222/out/x.csv");
  EXPECT_EQ(Parse("data").Child("a.csv").ToString(), "data/a.csv");
  EXPECT_EQ(Parse("/").Child("a.csv").ToString(), "/a.csv");
}

TEST(JoinPathTest, ExactlyOneSlash) {
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("a/", "/b"), "a/b");
  EXPECT_EQ(JoinPath("a", "//b/c"), "a/b/c");
  EXPECT_EQ(JoinPath("", "b"), "b");
  EXPECT_EQ(JoinPath("", "/b"), "b");
  EXPECT_EQ(JoinPath("a", ""), "a");
  EXPECT_EQ(JoinPath("/", "b"), "/b");
  EXPECT_EQ(JoinPath("", ""), "");
}

TEST(PercentEncodingTest, EncodeEveryReservedByte) {
  EXPECT_EQ(PercentEncode("AZaz09-_.~", false), "AZaz09-_.~");
  EXPECT_EQ(PercentEncode("a b/c=d", false), "a%20b%2Fc%3Dd");
  EXPECT_EQ(PercentEncode("a b/c=d", true), "a%20b/c%3Dd");
  EXPECT_EQ(PercentEncode("year=2026/month=01/", true), "year%3D2026/month%3D01/");
  EXPECT_EQ(PercentEncode("+!*()'%", false), "%2B%21%2A%28%29%27%25");
  EXPECT_EQ(PercentEncode("\xC3\xA9\xFF", false), "%C3%A9%FF");
  EXPECT_EQ(PercentEncode(std::string_view("\0", 1), false), "%00");
  EXPECT_EQ(PercentEncode("", true), "");
}

TEST(PercentEncodingTest, DecodeRoundTripsAndRejectsBadEscapes) {
  ASSERT_OK_AND_ASSIGN(std::string d, PercentDecode("a%20b%2fc%2Fd+e"));
  EXPECT_EQ(d, "a b/c/d+e");
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  ASSERT_OK_AND_ASSIGN(std::string back, PercentDecode(PercentEncode(all, false)));
  EXPECT_EQ(back, all);
  ASSERT_OK_AND_ASSIGN(std::string empty, PercentDecode(""));
  EXPECT_EQ(empty, "");

  for (std::string_view bad : {"%", "%2", "a%g0", "%0g", "100%"}) {
    auto r = PercentDecode(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_TRUE(r.status().IsInvalid());
    EXPECT_NE(r.status().message().find("invalid percent escape"), std::string::npos);
  }
  EXPECT_NE(PercentDecode("ab%zz").status().message().find("'%zz' at offset 2"),
            std::string::npos);
}

}  // namespace
}  // namespace bundlebase
