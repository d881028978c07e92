// Name matching and the map-backed catalogs.
#include "sql/catalog/catalog.h"

#include "base/strings.h"

namespace bundlebase::sql {

bool NameMatches(const NamePart& part, std::string_view candidate) {
  return part.quoted ? part.name == candidate : EqualsIgnoreCase(part.name, candidate);
}

Status SimpleCatalog::AddTable(std::string name, TablePtr table, bool replace) {
  auto existing = Resolve(NamePart{name, true});
  if (existing.ok() && !replace) {
    return Status::AlreadyExists("table \"{}\" already exists", name);
  }
  tables_[std::move(name)] = std::move(table);
  return Status::OK();
}

Status SimpleCatalog::DropTable(const NamePart& name) {
  BB_ASSIGN_OR_RAISE(std::string stored, Resolve(name));
  tables_.erase(stored);
  return Status::OK();
}

Result<std::string> SimpleCatalog::Resolve(const NamePart& name) const {
  if (auto it = tables_.find(name.name); it != tables_.end()) return it->first;
  if (name.quoted) return Status::NotFound("table \"{}\" does not exist", name.name);
  std::vector<std::string> matches;
  for (const auto& [stored, table] : tables_) {
    if (EqualsIgnoreCase(stored, name.name)) matches.push_back(stored);
  }
  if (matches.empty()) return Status::NotFound("table \"{}\" does not exist", name.name);
  if (matches.size() > 1) {
    return Status::Invalid(
        "table name \"{}\" is ambiguous: it matches \"{}\" and \"{}\"; write the name in double "
        "quotes to pick one",
        name.name, matches[0], matches[1]);
  }
  return matches[0];
}

Result<TablePtr> SimpleCatalog::GetTable(const std::vector<NamePart>& name) const {
  if (name.size() != 1) {
    std::string joined;
    for (const auto& part : name) joined += (joined.empty() ? "" : ".") + part.name;
    return Status::NotFound("table \"{}\" does not exist", joined);
  }
  BB_ASSIGN_OR_RAISE(std::string stored, Resolve(name[0]));
  return tables_.at(stored);
}

std::vector<std::string> SimpleCatalog::TableNames() const {
  std::vector<std::string> names;
  for (const auto& [stored, table] : tables_) names.push_back(stored);
  return names;
}

Result<TablePtr> CatalogChain::GetTable(const std::vector<NamePart>& name) const {
  Status first_error;
  for (const Catalog* catalog : catalogs_) {
    auto table = catalog->GetTable(name);
    if (table.ok()) return table;
    // An ambiguity is an answer; only "not here" moves on to the next catalog.
    if (!table.status().IsNotFound()) return table.status();
    if (first_error.ok()) first_error = table.status();
  }
  if (first_error.ok()) return Status::NotFound("no catalog to look up tables in");
  return first_error;
}

std::vector<std::string> CatalogChain::TableNames() const {
  std::vector<std::string> names;
  for (const Catalog* catalog : catalogs_) {
    for (auto& n : catalog->TableNames()) names.push_back(std::move(n));
  }
  return names;
}

}  // namespace bundlebase::sql
