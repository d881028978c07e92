// Catalog: the tables a query can name.
//
// Names follow DESIGN §2: an unquoted name matches case-insensitively, a quoted one exactly.
// Lookups take the name as written plus whether it was quoted; an unknown name is a NotFound
// error that the binder turns into "table "x" does not exist" with a suggestion from
// TableNames(). A name may be qualified (`bundle_info.history`): the catalog receives every
// part.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sql/catalog/table.h"

namespace bundlebase::sql {

struct NamePart {
  std::string name;
  bool quoted = false;
};

class Catalog {
 public:
  virtual ~Catalog() = default;
  // The table, or NotFound (nullptr result is never returned).
  virtual Result<TablePtr> GetTable(const std::vector<NamePart>& name) const = 0;
  // Every name this catalog answers to (qualified names joined with '.'), for suggestions.
  virtual std::vector<std::string> TableNames() const = 0;
};

// True when `candidate` is what `part` names (exactly when quoted, ignoring ASCII case if not).
bool NameMatches(const NamePart& part, std::string_view candidate);

// A catalog of named tables held in a map: the engine's own CREATE TABLE / CREATE VIEW tables,
// and the way a bundle lists its packs. Ambiguous unquoted names (two tables differing only in
// case) are an error asking for quotes.
class SimpleCatalog : public Catalog {
 public:
  Status AddTable(std::string name, TablePtr table, bool replace = false);
  Status DropTable(const NamePart& name);
  Result<TablePtr> GetTable(const std::vector<NamePart>& name) const override;
  std::vector<std::string> TableNames() const override;
  // The stored spelling of the table `name` refers to, or NotFound.
  Result<std::string> Resolve(const NamePart& name) const;

 private:
  std::map<std::string, TablePtr> tables_;
};

// Several catalogs searched in order: the first that knows a name wins.
class CatalogChain : public Catalog {
 public:
  explicit CatalogChain(std::vector<const Catalog*> catalogs) : catalogs_(std::move(catalogs)) {}
  Result<TablePtr> GetTable(const std::vector<NamePart>& name) const override;
  std::vector<std::string> TableNames() const override;

 private:
  std::vector<const Catalog*> catalogs_;
};

}  // namespace bundlebase::sql
