// The bundlebase backend: runs records on our SqlEngine, one fresh engine per test file, and
// prints values in their canonical text form (value_formatting.h) for the runner to normalise.
#include "columnar/value_formatting.h"
#include "backend_registry.h"
#include "sql/engine/sql_engine.h"

namespace bundlebase::sql {
namespace {

class BundlebaseBackend : public SqlBackend {
 public:
  std::string name() const override { return "bundlebase"; }

  Status Execute(const std::string& sql) override { return engine_.Execute(sql).status(); }

  Result<QueryOutput> Query(const std::string& sql) override {
    BB_ASSIGN_OR_RAISE(QueryResult result, engine_.Execute(sql));
    QueryOutput out;
    for (const auto& batch : result.batches) {
      for (int64_t r = 0; r < batch->num_rows(); ++r) {
        std::vector<std::optional<std::string>> row;
        for (const auto& column : batch->columns()) {
          if (column->IsNull(r)) {
            row.emplace_back(std::nullopt);
            continue;
          }
          std::string text;
          BB_RETURN_NOT_OK(AppendFormattedValue(*column, r, &text));
          row.emplace_back(std::move(text));
        }
        out.rows.push_back(std::move(row));
      }
    }
    return out;
  }

 private:
  SqlEngine engine_;
};

class BundlebaseProvider : public BackendProvider {
 public:
  static Result<std::unique_ptr<BackendProvider>> Make() {
    return std::unique_ptr<BackendProvider>(new BundlebaseProvider());
  }
  Result<std::unique_ptr<SqlBackend>> OpenFresh(const std::string&) override {
    return std::unique_ptr<SqlBackend>(new BundlebaseBackend());
  }
};

}  // namespace

BB_REGISTER_SQL_BACKEND("bundlebase", BundlebaseProvider::Make);

}  // namespace bundlebase::sql
