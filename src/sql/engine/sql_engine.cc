// SqlEngine: statement dispatch over the parsed script.
#include "sql/engine/sql_engine.h"

#include "io/local_file_system.h"
#include "sql/engine/statement_runner.h"
#include "sql/parser/parser.h"

namespace bundlebase::sql {

int64_t QueryResult::num_rows() const {
  int64_t n = 0;
  for (const auto& b : batches) n += b->num_rows();
  return n;
}

SqlEngine::SqlEngine(EngineOptions options) : options_(std::move(options)) {
  if (!options_.file_system) options_.file_system = io::LocalFileSystem::Instance();
}

SqlEngine::~SqlEngine() = default;

void SqlEngine::AttachCatalog(const Catalog* catalog) { attached_.push_back(catalog); }

Result<QueryResult> SqlEngine::Execute(std::string_view sql, const QueryOptions& options) {
  BB_ASSIGN_OR_RAISE(auto statements, ParseStatements(sql));
  std::vector<const Catalog*> chain{&local_};
  chain.insert(chain.end(), attached_.begin(), attached_.end());
  CatalogChain catalog(chain);
  QueryResult last;
  last.schema = MakeSchema({});
  for (const auto& statement : statements) {
    StatementRunner runner(*this, local_, catalog, options);
    BB_ASSIGN_OR_RAISE(last, runner.Run(*statement));
  }
  return last;
}

}  // namespace bundlebase::sql
