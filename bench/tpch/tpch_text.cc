// The TPC-H text grammar, v-strings, phone numbers and numbered names.
#include "tpch_text.h"

#include <algorithm>
#include <cstdio>

#include "tpch_words.h"

namespace bundlebase::tpch {
namespace {

void AppendWord(std::string_view word, std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
  out.append(word);
}

// noun phrase: N | J N | J, J N | D J N   (weights 10, 20, 10, 50)
void AppendNounPhrase(RowRandom& random, std::string& out) {
  const int64_t form = random.Uniform(0, 89);
  if (form < 10) {
    AppendWord(Nouns().Pick(random), out);
  } else if (form < 30) {
    AppendWord(Adjectives().Pick(random), out);
    AppendWord(Nouns().Pick(random), out);
  } else if (form < 40) {
    AppendWord(Adjectives().Pick(random), out);
    out.push_back(',');
    AppendWord(Adjectives().Pick(random), out);
    AppendWord(Nouns().Pick(random), out);
  } else {
    AppendWord(Adverbs().Pick(random), out);
    AppendWord(Adjectives().Pick(random), out);
    AppendWord(Nouns().Pick(random), out);
  }
}

// verb phrase: V | X V | V D | X V D   (weights 30, 1, 40, 1)
void AppendVerbPhrase(RowRandom& random, std::string& out) {
  const int64_t form = random.Uniform(0, 71);
  const bool auxiliary = form == 30 || form == 71;
  const bool adverb = form >= 31;
  if (auxiliary) AppendWord(Auxiliaries().Pick(random), out);
  AppendWord(Verbs().Pick(random), out);
  if (adverb) AppendWord(Adverbs().Pick(random), out);
}

// prepositional phrase: P the <noun phrase>
void AppendPrepositionalPhrase(RowRandom& random, std::string& out) {
  AppendWord(Prepositions().Pick(random), out);
  AppendWord("the", out);
  AppendNounPhrase(random, out);
}

// sentence: N V T | N V P T | N V N T | N P V N T | N P V P T   (weights 3, 3, 3, 1, 1)
void AppendSentence(RowRandom& random, std::string& out) {
  const int64_t form = random.Uniform(0, 10);
  AppendNounPhrase(random, out);
  if (form < 9) {
    AppendVerbPhrase(random, out);
    if (form >= 3 && form < 6) AppendPrepositionalPhrase(random, out);
    if (form >= 6) AppendNounPhrase(random, out);
  } else {
    AppendPrepositionalPhrase(random, out);
    AppendVerbPhrase(random, out);
    if (form == 9) {
      AppendNounPhrase(random, out);
    } else {
      AppendPrepositionalPhrase(random, out);
    }
  }
  out.append(Terminators().Pick(random));
}

constexpr std::string_view kVStringAlphabet =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,";
static_assert(kVStringAlphabet.size() == 64);

}  // namespace

TextPool::TextPool(int64_t bytes) {
  text_.reserve(static_cast<size_t>(bytes) + 256);
  RowRandom random(Stream::kText, 0);
  while (static_cast<int64_t>(text_.size()) < bytes) AppendSentence(random, text_);
  text_.resize(static_cast<size_t>(bytes));
}

std::string_view TextPool::Comment(RowRandom& random, int min_length, int max_length) const {
  const int64_t length = random.Uniform(min_length, max_length);
  const int64_t offset = random.Uniform(0, static_cast<int64_t>(text_.size()) - length);
  return std::string_view(text_).substr(static_cast<size_t>(offset), static_cast<size_t>(length));
}

const TextPool& SharedTextPool() {
  static const TextPool pool;
  return pool;
}

void AppendVString(RowRandom& random, int min_length, int max_length, std::string& out) {
  const int64_t length = random.Uniform(min_length, max_length);
  for (int64_t i = 0; i < length; ++i) out.push_back(kVStringAlphabet[random.Uniform(0, 63)]);
}

void AppendPhone(RowRandom& random, int32_t nation_key, std::string& out) {
  char phone[24];
  const int n = std::snprintf(phone, sizeof(phone), "%02d-%03d-%03d-%04d", nation_key + 10,
                              static_cast<int>(random.Uniform(100, 999)),
                              static_cast<int>(random.Uniform(100, 999)),
                              static_cast<int>(random.Uniform(1000, 9999)));
  out.append(phone, static_cast<size_t>(n));
}

void AppendNumberedName(std::string_view prefix, int64_t number, std::string& out) {
  char digits[24];
  const int n = std::snprintf(digits, sizeof(digits), "#%09lld", static_cast<long long>(number));
  out.append(prefix);
  out.append(digits, static_cast<size_t>(n));
}

}  // namespace bundlebase::tpch
