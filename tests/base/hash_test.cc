// Hashing against published vectors: FIPS 180 SHA-256, RFC 4231 HMAC-SHA256, the AWS SigV4
// key-derivation example, and XXH3 values from the xxHash sanity suite.
#include "base/hash.h"

#include <string>
#include <vector>

#include "test_util.h"

namespace bundlebase {
namespace {

std::string Bytes(size_t n, uint8_t value) { return std::string(n, static_cast<char>(value)); }

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, IncrementalEqualsOneShot) {
  // One million 'a', fed in uneven pieces.
  Sha256 hasher;
  std::string chunk(997, 'a');
  size_t fed = 0;
  while (fed + chunk.size() <= 1000000) {
    hasher.Update(chunk);
    fed += chunk.size();
  }
  hasher.Update(std::string(1000000 - fed, 'a'));
  hasher.Update(nullptr, 0);
  EXPECT_EQ(hasher.FinishHex(),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, FinishResetsForReuse) {
  Sha256 hasher;
  hasher.Update("ab");
  hasher.Update("c");
  Sha256Digest first = hasher.Finish();
  EXPECT_EQ(HexEncode(first), Sha256Hex("abc"));
  EXPECT_EQ(hasher.FinishHex(), Sha256Hex(""));
  hasher.Update("abc");
  EXPECT_EQ(hasher.Finish(), first);
}

TEST(Sha256Test, Movable) {
  Sha256 a;
  a.Update("a");
  Sha256 b(std::move(a));
  b.Update("bc");
  EXPECT_EQ(b.FinishHex(), Sha256Hex("abc"));
  Sha256 c;
  c.Update("zzz");
  c = std::move(b);
  c.Update("abc");
  EXPECT_EQ(c.FinishHex(), Sha256Hex("abc"));
  std::vector<Sha256> many(3);
  many.emplace_back();
  many[3].Update("abc");
  EXPECT_EQ(many[3].FinishHex(), Sha256Hex("abc"));
}

TEST(HmacSha256Test, Rfc4231Vectors) {
  EXPECT_EQ(HexEncode(HmacSha256(Bytes(20, 0x0b), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(HexEncode(HmacSha256(Bytes(20, 0xaa), Bytes(50, 0xdd))),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (int i = 1; i <= 25; ++i) key4.push_back(static_cast<char>(i));
  EXPECT_EQ(HexEncode(HmacSha256(key4, Bytes(50, 0xcd))),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Keys longer than the 64-byte block are hashed first.
  EXPECT_EQ(HexEncode(HmacSha256(Bytes(131, 0xaa),
                                 "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(HexEncode(HmacSha256(
                Bytes(131, 0xaa),
                "This is a test using a larger than block-size key and a larger than block-size "
                "data. The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(HmacSha256Test, EmptyKeyAndData) {
  EXPECT_EQ(HexEncode(HmacSha256(std::string_view(), std::string_view())),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(HmacSha256Test, SigV4SigningKeyDerivation) {
  // The example from AWS's "Create a signature for an AWS API request" documentation.
  Sha256Digest key = HmacSha256("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830");
  key = HmacSha256(key, "us-east-1");
  key = HmacSha256(key, "iam");
  key = HmacSha256(key, "aws4_request");
  EXPECT_EQ(HexEncode(key), "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
}

TEST(HexEncodeTest, LowerCaseTwoDigitsPerByte) {
  EXPECT_EQ(HexEncode(""), "");
  EXPECT_EQ(HexEncode(std::string_view("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(HexEncode("AZ"), "415a");
  const uint8_t raw[] = {0xde, 0xad, 0xbe, 0xef};
  EXPECT_EQ(HexEncode(raw, sizeof(raw)), "deadbeef");
  EXPECT_EQ(HexEncode(raw, 0), "");
}

TEST(Hash64Test, Xxh3KnownValues) {
  EXPECT_EQ(HashString(""), 0x2D06800538D394C2ULL);
  EXPECT_EQ(Hash64(nullptr, 0), 0x2D06800538D394C2ULL);
  EXPECT_EQ(HashString("a"), 0xE6C632B61E964E1FULL);
  EXPECT_EQ(HashString("abc"), 0x78AF5F94892F3950ULL);
  EXPECT_EQ(Hash64("abc", 3), 0x78AF5F94892F3950ULL);
  EXPECT_EQ(HashString("", 11400714785074694797ULL), 0xA8A6B918B2F0364AULL);
  EXPECT_EQ(Hash64(nullptr, 0, 11400714785074694797ULL), 0xA8A6B918B2F0364AULL);
}

TEST(Hash64Test, SeedAndInputMatter) {
  std::string data(1000, 'x');
  EXPECT_EQ(HashString(data), Hash64(data.data(), data.size()));
  EXPECT_EQ(HashString(data, 7), Hash64(data.data(), data.size(), 7));
  EXPECT_NE(HashString(data, 1), HashString(data, 2));
  EXPECT_NE(HashString("abc"), HashString("abd"));
  EXPECT_NE(HashString(std::string_view("a\0", 2)), HashString("a"));
}

}  // namespace
}  // namespace bundlebase
