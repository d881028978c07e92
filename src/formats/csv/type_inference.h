// Type inference: the narrowest of bool, int64, float64, date32, timestamp[us] and
// timestamp[us, tz=UTC] that every sampled value of a column parses as, else utf8.
//
// Inference is stricter than parsing, so a guess never loses information a data engineer
// would want kept:
//   - bool only from true/false (any case); 0/1 and yes/no columns stay numbers/text.
//   - numbers with a leading zero ("007", "-01.5") keep the column text (zip codes, ids).
//   - whole numbers beyond int64 keep the column text instead of rounding to float64.
//   - float64 needs at least one value with a digit ("nan" alone is probably a name).
//   - timestamps with and without a zone offset do not mix (the column stays text).
// A column with no non-NULL value in the sample is utf8.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "columnar/type.h"
#include "formats/csv/column_decoder.h"

namespace bundlebase::csv {

class ColumnTypeGuess {
 public:
  // Narrows the candidates by one non-NULL value (quotes removed).
  void Observe(std::string_view value);
  // The inferred type.
  DataTypePtr Resolve() const;
  // Whether `value` alone would still allow this guess's resolved type (header detection:
  // a header cell does not fit the type of the column below it).
  bool Fits(std::string_view value) const;
  // Combines guesses made over different parts of a file.
  void Merge(const ColumnTypeGuess& other);

 private:
  enum Candidate : uint8_t {
    kBool = 1,
    kInt64 = 2,
    kFloat64 = 4,
    kDate = 8,
    kTimestamp = 16,
    kTimestampTz = 32,
    kAll = 63,
  };
  static uint8_t CandidatesOf(std::string_view value, bool* has_digit);
  uint8_t Best() const;

  uint8_t candidates_ = kAll;
  bool saw_value_ = false;
  bool saw_digit_ = false;
};

// Observes rows [first_row, num_rows) of every column of the grid.
void ObserveGrid(const DecodeContext& ctx, size_t first_row, std::vector<ColumnTypeGuess>* guesses);

}  // namespace bundlebase::csv
