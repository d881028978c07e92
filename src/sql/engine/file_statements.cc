// Files in SQL: the read_parquet / read_csv / read_json table functions, and COPY ... TO.
#include "sql/catalog/copy_writer.h"
#include "sql/catalog/file_table_functions.h"
#include "sql/engine/statement_runner.h"
#include "sql/parser/parser.h"

namespace bundlebase::sql {

TableFunctionResolver MakeTableFunctionResolver(std::shared_ptr<io::FileSystem> fs) {
  return [fs](const std::string& name, const std::vector<Scalar>& args,
              const std::vector<std::pair<std::string, Scalar>>& named) {
    return OpenTableFunction(name, args, named, fs);
  };
}

Result<QueryResult> SqlEngine::StatementRunner::RunCopy(const CopyStatement& copy) {
  if (copy.is_from) {
    return Status::NotImplemented("COPY ... FROM is not supported; query files with read_csv, "
                                  "read_parquet or read_json instead");
  }
  BB_ASSIGN_OR_RAISE(CopyOptions options, ParseCopyOptions(copy.options, copy.path));
  QueryResult rows;
  if (copy.query) {
    BB_ASSIGN_OR_RAISE(rows, RunQuery(*copy.query, copy.text));
  } else {
    std::string columns = "*";
    if (!copy.columns.empty()) {
      columns.clear();
      for (const auto& c : copy.columns) columns += (columns.empty() ? "" : ", ") + c.ToString();
    }
    std::string table;
    for (const auto& part : copy.table) table += (table.empty() ? "" : ".") + part.ToString();
    // COPY t (a, b) TO ... is COPY (SELECT a, b FROM t) TO ...
    const std::string sql = "SELECT " + columns + " FROM " + table;
    BB_ASSIGN_OR_RAISE(auto parsed, ParseStatements(sql));
    BB_ASSIGN_OR_RAISE(rows, RunQuery(*parsed[0]->As<SelectStatement>().query, sql));
  }
  BB_RETURN_NOT_OK(WriteBatches(rows.schema, rows.batches, copy.path, options,
                                *engine_.options().file_system));
  return CommandResult("COPY " + std::to_string(rows.num_rows()));
}

}  // namespace bundlebase::sql
