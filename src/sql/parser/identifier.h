// Identifiers as the user wrote them: the spelling and whether it was double-quoted.
//
// PostgreSQL folds unquoted names to lower case while parsing. Our rule (DESIGN §2) is
// different: unquoted names match case-insensitively but keep the spelling the user typed (so
// error messages and output column names look like the query), quoted names match exactly. The
// parser therefore recovers the original spelling from the source text and keeps the quoted flag.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bundlebase::sql {

struct Identifier {
  std::string name;
  bool quoted = false;
  int location = -1;

  // True if this name, used in a query, refers to something called `candidate`: exact for quoted
  // names, ASCII case-insensitive for unquoted ones.
  bool Matches(std::string_view candidate) const;

  // SQL text for the name: double-quoted only when it was quoted and reading it back unquoted
  // would mean something else (upper case, spaces, a reserved word, ...).
  std::string ToString() const;
};

// A dotted name such as schema.table or table.column, one Identifier per part.
using QualifiedName = std::vector<Identifier>;

std::string QualifiedNameToString(const QualifiedName& name);

// `text` wrapped in double quotes, inner quotes doubled: Customer "Id" -> "Customer ""Id""".
std::string QuoteIdentifier(std::string_view text);

// True if `word` (any case) is a keyword PostgreSQL does not accept as a bare column or
// function name, so a quoted identifier with that spelling must stay quoted.
bool IsReservedKeyword(std::string_view word);

}  // namespace bundlebase::sql
