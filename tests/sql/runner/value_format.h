// Canonical text for one result value, chosen by the record's type character.
//
// Backends return raw text ("t", "2.50", "1e+20", ""); the .test files record one canonical
// spelling per type so the same file can check any backend:
//   I integer   digits with an optional '-', checked
//   R real      shortest round-trip decimal of the double; compared within a tolerance
//   T text      as is
//   B boolean   true / false
//   D date/time as is (the backend prints ISO dates, UTC times)
// NULL is written `NULL`, an empty string `(empty)`, and tabs / newlines inside a value as
// the two characters \t / \n, so a row always fits on one tab-separated line.
#pragma once

#include <optional>
#include <string>

#include "bundlebase/result.h"

namespace bundlebase::sql {

// The canonical text of `raw` for a column of type `type`, or TypeError explaining why the
// value does not fit the declared type (e.g. "2.5" in an I column).
Result<std::string> CanonicalValue(char type, const std::optional<std::string>& raw);

// Whether two canonical values are equal; R values within relative 1e-9 or absolute 1e-12.
bool CanonicalValuesMatch(char type, const std::string& expected, const std::string& actual);

}  // namespace bundlebase::sql
