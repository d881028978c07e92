// The seam between the sqllogictest runner and the SQL engines it checks.
//
// A backend runs SQL and hands back values as raw text; turning that text into the canonical
// form a .test file records (true/false, floats, NULL, (empty)) is the runner's job, driven by
// each record's type characters, so every backend stays a thin adapter. A BackendProvider
// opens one fresh backend per test file, so files never see each other's tables.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bundlebase/result.h"
#include "bundlebase/status.h"

namespace bundlebase::sql {

// The rows of a query result; nullopt is SQL NULL, any other value is the backend's text for it.
struct QueryOutput {
  std::vector<std::vector<std::optional<std::string>>> rows;
};

class SqlBackend {
 public:
  virtual ~SqlBackend() = default;
  // The name `onlyif` / `skipif` lines refer to: "postgres", "bundlebase".
  virtual std::string name() const = 0;
  // Runs a statement record. A failure's message is the engine's own primary error text,
  // which `statement error <regex>` records match.
  virtual Status Execute(const std::string& sql) = 0;
  // Runs a query record and returns every value as text.
  virtual Result<QueryOutput> Query(const std::string& sql) = 0;
};

// Owns whatever a backend needs for the whole run (a server, a catalog) and opens a fresh,
// empty backend for each test file.
class BackendProvider {
 public:
  virtual ~BackendProvider() = default;
  // `file_label` names the test file, for error messages only.
  virtual Result<std::unique_ptr<SqlBackend>> OpenFresh(const std::string& file_label) = 0;
};

}  // namespace bundlebase::sql
