// Hashing: SHA-256 for content addressing of data files and AWS SigV4, HMAC-SHA256 for SigV4
// signing keys, and XXH3 for hash tables, joins and aggregation.
//
// SHA-256 and HMAC run on OpenSSL's EVP interface (DESIGN §2), which picks the CPU's SHA
// extensions when present. OpenSSL fails these calls only when memory runs out; like a failed
// allocation anywhere else, that aborts the process instead of threading a Status through every
// hash update. Hash64 is not cryptographic: use it for in-memory hashing only, never to name or
// verify stored bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of this header

namespace bundlebase {

inline constexpr size_t kSha256Size = 32;
using Sha256Digest = std::array<uint8_t, kSha256Size>;

// Incremental SHA-256: Update() as bytes stream by, then Finish(). Finishing resets the hasher,
// so one object can hash several inputs in turn. Not thread-safe; movable, not copyable.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&& other) noexcept;
  Sha256& operator=(Sha256&& other) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(const void* data, size_t size);
  void Update(std::string_view data) { Update(data.data(), data.size()); }
  Sha256Digest Finish();
  // Finish() as 64 lower-case hex digits.
  std::string FinishHex();

 private:
  void Reset();
  evp_md_ctx_st* ctx_;
};

// The SHA-256 of `data` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view data);

// HMAC-SHA256 (RFC 2104). The digest-keyed overload chains SigV4's key derivation:
// HmacSha256(HmacSha256("AWS4" + secret, date), region)...
Sha256Digest HmacSha256(std::string_view key, std::string_view data);
Sha256Digest HmacSha256(const Sha256Digest& key, std::string_view data);

// Lower-case hex, two digits per byte.
std::string HexEncode(const void* data, size_t size);
std::string HexEncode(std::string_view bytes);
std::string HexEncode(const Sha256Digest& digest);

// XXH3 64-bit hash; equal to XXH3_64bits() for seed 0, so values match other XXH3 users.
uint64_t Hash64(const void* data, size_t size, uint64_t seed = 0);
// Hash64 of a string's bytes. A separate name, because an overload Hash64(string_view, seed)
// would lose to the pointer overload for Hash64("key", seed) and read `seed` bytes.
inline uint64_t HashString(std::string_view data, uint64_t seed = 0) {
  return Hash64(data.data(), data.size(), seed);
}

}  // namespace bundlebase
