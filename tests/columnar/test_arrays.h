// Compact construction and inspection of small arrays for the columnar tests: build a column
// from a list of optional values, and read any column back as the text of each row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "columnar/cast.h"
#include "columnar/scalar.h"
#include "columnar/value_formatting.h"
#include "test_util.h"

namespace bundlebase::testing {

template <typename T>
using Opt = std::optional<T>;
inline constexpr std::nullopt_t kNull = std::nullopt;

// Integers and everything stored as one (date32, time64, timestamp).
inline ArrayPtr Ints(const DataTypePtr& type, const std::vector<Opt<int64_t>>& values) {
  std::vector<Scalar> scalars;
  for (const auto& v : values) {
    if (!v) {
      scalars.push_back(Scalar::MakeNull(type));
    } else if (type->is_unsigned_integer()) {
      scalars.emplace_back(type, static_cast<uint64_t>(*v));
    } else if (type->id() == TypeId::kBool) {
      scalars.emplace_back(type, *v != 0);
    } else {
      scalars.emplace_back(type, *v);
    }
  }
  return MakeArrayFromScalars(type, scalars).ValueOrDie();
}

inline ArrayPtr Doubles(const DataTypePtr& type, const std::vector<Opt<double>>& values) {
  std::vector<Scalar> scalars;
  for (const auto& v : values) {
    scalars.push_back(v ? Scalar(type, *v) : Scalar::MakeNull(type));
  }
  return MakeArrayFromScalars(type, scalars).ValueOrDie();
}

inline ArrayPtr Decimals(const DataTypePtr& type, const std::vector<Opt<__int128>>& values) {
  std::vector<Scalar> scalars;
  for (const auto& v : values) {
    scalars.push_back(v ? Scalar(type, *v) : Scalar::MakeNull(type));
  }
  return MakeArrayFromScalars(type, scalars).ValueOrDie();
}

inline ArrayPtr Strings(const std::vector<Opt<std::string>>& values,
                        const DataTypePtr& type = Utf8()) {
  std::vector<Scalar> scalars;
  for (const auto& v : values) {
    scalars.push_back(v ? Scalar(type, *v) : Scalar::MakeNull(type));
  }
  return MakeArrayFromScalars(type, scalars).ValueOrDie();
}

// The formatted text of every row ("NULL" for nulls).
inline std::vector<std::string> Texts(const Array& array) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < array.length(); ++i) {
    std::string text;
    EXPECT_TRUE(AppendFormattedValue(array, i, &text).ok());
    out.push_back(std::move(text));
  }
  return out;
}

using TextRows = std::vector<std::string>;

// The rows of Cast(array, to) as text, after checking the cast succeeded, produced `to` and a
// structurally valid array.
inline TextRows CastTexts(const ArrayPtr& array, const DataTypePtr& to, CastOptions options = {}) {
  auto result = Cast(array, to, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return {};
  EXPECT_TRUE((*result)->type()->Equals(*to)) << (*result)->type()->ToString();
  EXPECT_TRUE(ValidateArray(**result).ok());
  return Texts(**result);
}

// The error of a cast expected to fail (OK if it unexpectedly succeeded).
inline Status CastError(const ArrayPtr& array, const DataTypePtr& to, CastOptions options = {}) {
  return Cast(array, to, options).status();
}

}  // namespace bundlebase::testing
