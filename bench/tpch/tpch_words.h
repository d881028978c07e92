// The fixed vocabularies of TPC-H (specification clause 4.2.2.13 and 4.2.3): the nations and
// regions, the part name colours, part types, containers, market segments, order priorities,
// ship instructions and modes, and the weighted word classes of the comment grammar.
//
// Query predicates select on these exact words (Q2 '%BRASS', Q9 '%green%', Q14 'PROMO%',
// Q16 'MEDIUM POLISHED%', Q19 'SM CASE', Q13 '%special%requests%', ...), so they are the spec's
// lists, not stand-ins.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "tpch_random.h"

namespace bundlebase::tpch {

struct NationEntry {
  std::string_view name;
  int32_t region_key;
};

// Indexed by key: n_nationkey 0..24, r_regionkey 0..4.
std::span<const NationEntry> Nations();
std::span<const std::string_view> Regions();

std::span<const std::string_view> PartColors();           // 92 words for p_name
std::span<const std::string_view> PartTypeSizes();        // p_type, first word
std::span<const std::string_view> PartTypeFinishes();     // p_type, second word
std::span<const std::string_view> PartTypeMaterials();    // p_type, third word
std::span<const std::string_view> ContainerSizes();       // p_container, first word
std::span<const std::string_view> ContainerKinds();       // p_container, second word
std::span<const std::string_view> MarketSegments();
std::span<const std::string_view> OrderPriorities();
std::span<const std::string_view> ShipInstructions();
std::span<const std::string_view> ShipModes();

// A uniformly chosen word of a list.
inline std::string_view PickWord(std::span<const std::string_view> words, RowRandom& random) {
  return words[random.Uniform(0, static_cast<int64_t>(words.size()) - 1)];
}

struct WeightedWord {
  std::string_view word;
  int weight;
};

// A word class of the comment grammar; words are drawn in proportion to their weights.
class WeightedWords {
 public:
  explicit WeightedWords(std::span<const WeightedWord> words);
  std::string_view Pick(RowRandom& random) const;

 private:
  std::span<const WeightedWord> words_;
  int total_weight_ = 0;
};

const WeightedWords& Nouns();
const WeightedWords& Verbs();
const WeightedWords& Adjectives();
const WeightedWords& Adverbs();
const WeightedWords& Prepositions();
const WeightedWords& Auxiliaries();
const WeightedWords& Terminators();

}  // namespace bundlebase::tpch
