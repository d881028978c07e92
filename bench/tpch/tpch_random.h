// RowRandom: the deterministic random numbers behind every generated TPC-H value.
//
// Each row gets its own stream, seeded from (table stream, row number), instead of one stream
// per table that every row advances. That keeps the output identical for a given scale however
// the rows are split among threads: any chunk of rows can be generated on its own, in any
// order. The mixing is SplitMix64, whose consecutive outputs are independent enough for data
// generation and whose seeding by counter is the construction it was designed for.
#pragma once

#include <cstdint>

namespace bundlebase::tpch {

// One stream per table (and one for the shared text pool), so tables do not mirror each other.
enum class Stream : uint64_t {
  kText = 1,
  kNation,
  kRegion,
  kSupplier,
  kCustomer,
  kPart,
  kPartSupp,
  kOrders,
};

class RowRandom {
 public:
  RowRandom(Stream stream, int64_t row)
      : state_(Mix(static_cast<uint64_t>(stream) * 0x9E3779B97F4A7C15ull ^
                   static_cast<uint64_t>(row) * 0xD1B54A32D192ED03ull)) {}

  uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ull;
    return Mix(state_);
  }

  // Uniform in [low, high], both included (multiply-shift: no division, bias below 2^-32).
  int64_t Uniform(int64_t low, int64_t high) {
    const uint64_t span = static_cast<uint64_t>(high - low) + 1;
    const uint64_t scaled = static_cast<uint64_t>(
        (static_cast<unsigned __int128>(Next()) * span) >> 64);
    return low + static_cast<int64_t>(scaled);
  }

  // True with probability numerator / denominator.
  bool Chance(int64_t numerator, int64_t denominator) {
    return Uniform(1, denominator) <= numerator;
  }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  uint64_t state_;
};

}  // namespace bundlebase::tpch
