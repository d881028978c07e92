// Matching and printing of identifiers (see identifier.h).
#include "sql/parser/identifier.h"

#include <algorithm>
#include <iterator>

#include "base/strings.h"

namespace bundlebase::sql {
namespace {

// PostgreSQL 15's reserved, type/function-name and column-name keywords: the words that cannot
// always stand as a bare identifier. Kept sorted for binary search.
constexpr std::string_view kReservedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
    "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
    "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
    "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
    "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
    "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
    "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
    "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral",
    "leading", "least", "left", "like", "limit", "localtime", "localtimestamp", "national",
    "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
    "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing",
    "position", "precision", "primary", "real", "references", "returning", "right", "row",
    "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
    "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
    "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar",
    "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
    "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
    "xmlserialize", "xmltable"};

// A name that reads back as itself without quotes: lower-case ASCII letters, digits, _ and $,
// not starting with a digit or $, and not a keyword.
bool NeedsQuotes(std::string_view name) {
  if (name.empty()) return true;
  if (!((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return true;
  for (char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    if (!plain) return true;
  }
  return IsReservedKeyword(name);
}

}  // namespace

bool Identifier::Matches(std::string_view candidate) const {
  return quoted ? name == candidate : EqualsIgnoreCase(name, candidate);
}

std::string Identifier::ToString() const {
  return quoted && NeedsQuotes(name) ? QuoteIdentifier(name) : name;
}

std::string QualifiedNameToString(const QualifiedName& name) {
  std::string out;
  for (const Identifier& part : name) {
    if (!out.empty()) out += '.';
    out += part.ToString();
  }
  return out;
}

std::string QuoteIdentifier(std::string_view text) {
  return "\"" + ReplaceAll(text, "\"", "\"\"") + "\"";
}

bool IsReservedKeyword(std::string_view word) {
  std::string lower = ToLower(word);
  return std::binary_search(std::begin(kReservedKeywords), std::end(kReservedKeywords), lower);
}

}  // namespace bundlebase::sql
