// SqlEngine: runs SQL text — queries, and the statements that manage the engine's own tables
// (CREATE TABLE / VIEW, INSERT, DROP), EXPLAIN [ANALYZE] and COPY ... TO.
//
// A statement goes parse -> bind -> optimize -> physical plan -> execute. Names are looked up
// first among the engine's own tables, then in the catalogs attached to it (a bundle attaches
// its packs and metadata tables). Several statements separated by ';' run in order; the result
// is the last statement's. A failing statement stops the script and leaves the tables as the
// statements before it left them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "sql/catalog/catalog.h"
#include "sql/execution/execution_context.h"

namespace bundlebase::sql {

struct QueryResult {
  SchemaPtr schema;
  std::vector<RecordBatchPtr> batches;
  // PostgreSQL's command tag: "SELECT 3", "CREATE TABLE", "INSERT 0 2", "DROP TABLE".
  std::string command_tag;
  int64_t num_rows() const;
};

struct EngineOptions {
  ExecutionOptions execution;
  // Where read_parquet('...') and COPY ... TO find files (local when null).
  std::shared_ptr<io::FileSystem> file_system;
};

struct QueryOptions {
  std::vector<Scalar> parameters;  // $1 .. $n
};

class SqlEngine {
 public:
  explicit SqlEngine(EngineOptions options = {});
  ~SqlEngine();

  // The engine's own tables (CREATE TABLE, CREATE VIEW); callers may add tables directly.
  SimpleCatalog& local_catalog() { return local_; }
  // Searched after the engine's own tables, in the order attached. Not owned.
  void AttachCatalog(const Catalog* catalog);

  Result<QueryResult> Execute(std::string_view sql, const QueryOptions& options = {});

  const EngineOptions& options() const { return options_; }

 private:
  class StatementRunner;
  EngineOptions options_;
  SimpleCatalog local_;
  std::vector<const Catalog*> attached_;
};

}  // namespace bundlebase::sql
