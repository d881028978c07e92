// SHA-256 and HMAC through OpenSSL EVP, hex encoding, and XXH3 through libxxhash.
#include "base/hash.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <xxhash.h>

namespace bundlebase {
namespace {

[[noreturn]] void DieOnOpenSslFailure(const char* call) {
  std::fprintf(stderr, "bundlebase: OpenSSL %s failed (out of memory?)\n", call);
  std::abort();
}

}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (ctx_ == nullptr) DieOnOpenSslFailure("EVP_MD_CTX_new");
  Reset();
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

Sha256::Sha256(Sha256&& other) noexcept : ctx_(std::exchange(other.ctx_, nullptr)) {}

Sha256& Sha256::operator=(Sha256&& other) noexcept {
  std::swap(ctx_, other.ctx_);
  return *this;
}

void Sha256::Reset() {
  if (EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
    DieOnOpenSslFailure("EVP_DigestInit_ex");
  }
}

void Sha256::Update(const void* data, size_t size) {
  if (size == 0) return;
  if (EVP_DigestUpdate(ctx_, data, size) != 1) DieOnOpenSslFailure("EVP_DigestUpdate");
}

Sha256Digest Sha256::Finish() {
  Sha256Digest digest;
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx_, digest.data(), &length) != 1 || length != kSha256Size) {
    DieOnOpenSslFailure("EVP_DigestFinal_ex");
  }
  Reset();
  return digest;
}

std::string Sha256::FinishHex() { return HexEncode(Finish()); }

std::string Sha256Hex(std::string_view data) {
  Sha256 hasher;
  hasher.Update(data);
  return hasher.FinishHex();
}

Sha256Digest HmacSha256(std::string_view key, std::string_view data) {
  Sha256Digest mac;
  unsigned int length = 0;
  // A null key pointer means "no key" to OpenSSL, not "empty key".
  const char* key_bytes = key.empty() ? "" : key.data();
  if (HMAC(EVP_sha256(), key_bytes, static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac.data(),
           &length) == nullptr ||
      length != kSha256Size) {
    DieOnOpenSslFailure("HMAC");
  }
  return mac;
}

Sha256Digest HmacSha256(const Sha256Digest& key, std::string_view data) {
  return HmacSha256(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()), data);
}

std::string HexEncode(const void* data, size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* bytes = static_cast<const uint8_t*>(data);
  std::string out(size * 2, '\0');
  for (size_t i = 0; i < size; ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 0xF];
  }
  return out;
}

std::string HexEncode(std::string_view bytes) { return HexEncode(bytes.data(), bytes.size()); }

std::string HexEncode(const Sha256Digest& digest) {
  return HexEncode(digest.data(), digest.size());
}

uint64_t Hash64(const void* data, size_t size, uint64_t seed) {
  return XXH3_64bits_withSeed(data, size, seed);
}

}  // namespace bundlebase
