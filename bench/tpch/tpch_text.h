// The generated strings of TPC-H: comment text (clause 4.2.2.10), random "v-strings" for
// addresses (4.2.2.7) and phone numbers (4.2.2.9).
//
// Comments are, as the spec prescribes, random-length substrings at random offsets of one
// text pool written by the spec's sentence grammar with its weighted word classes. The spec's
// pool is 300 MB; ours is smaller (TextPool::kDefaultBytes) because a comment's words, and so
// the LIKE selectivities of Q13 and Q16, depend on the word frequencies, not the pool's size,
// and a smaller pool is generated in a fraction of the time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tpch_random.h"

namespace bundlebase::tpch {

class TextPool {
 public:
  static constexpr int64_t kDefaultBytes = 16 << 20;

  // Sentences from the grammar (fixed seed) until `bytes` characters are written.
  explicit TextPool(int64_t bytes = kDefaultBytes);

  // A substring of length uniform in [min_length, max_length] at a uniform offset.
  std::string_view Comment(RowRandom& random, int min_length, int max_length) const;

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// The process-wide pool, built on first use.
const TextPool& SharedTextPool();

// Appends a v-string: length uniform in [min_length, max_length] of characters drawn from a
// 64-symbol alphabet (letters, digits, space and comma).
void AppendVString(RowRandom& random, int min_length, int max_length, std::string& out);

// Appends "CC-LLL-LLL-LLLL": the country code is nation_key + 10, the rest random digits in the
// spec's ranges (100..999, 100..999, 1000..9999).
void AppendPhone(RowRandom& random, int32_t nation_key, std::string& out);

// Appends "<prefix>#" and `number` zero-padded to nine digits ("Supplier#000000042").
void AppendNumberedName(std::string_view prefix, int64_t number, std::string& out);

}  // namespace bundlebase::tpch
