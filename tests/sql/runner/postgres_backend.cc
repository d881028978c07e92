// PostgresBackend, and the "postgres" provider: one private server per run, one database per
// test file.
#include "postgres_backend.h"

#include <fmt/format.h>

#include "backend_registry.h"
#include "postgres_server.h"

namespace bundlebase::sql {
namespace {

// Settings every file runs under: results must not depend on the machine's zone or style, and
// a runaway query must end rather than hang the test.
constexpr const char* kSessionOptions =
    "options='-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres "
    "-c extra_float_digits=1 -c statement_timeout=60s -c client_min_messages=warning'";

// The primary message alone ("column \"x\" does not exist"), without the ERROR: prefix, the
// LINE context or the caret, so regexes match what another engine would say.
Status ErrorFromResult(PGresult* result, PGconn* connection) {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = primary ? primary : PQerrorMessage(connection);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return Status::Invalid("{}", message);
}

class ResultGuard {
 public:
  explicit ResultGuard(PGresult* result) : result_(result) {}
  ~ResultGuard() { PQclear(result_); }
  ResultGuard(const ResultGuard&) = delete;
  ResultGuard& operator=(const ResultGuard&) = delete;
  PGresult* get() const { return result_; }

 private:
  PGresult* result_;
};

class PostgresProvider : public BackendProvider {
 public:
  static Result<std::unique_ptr<BackendProvider>> Make() {
    BB_ASSIGN_OR_RAISE(auto server, PostgresServer::Start());
    BB_ASSIGN_OR_RAISE(auto admin, PostgresBackend::Connect(
                                       server->ConnectionString("postgres"), nullptr));
    return std::unique_ptr<BackendProvider>(
        new PostgresProvider(std::move(server), std::move(admin)));
  }

  Result<std::unique_ptr<SqlBackend>> OpenFresh(const std::string& file_label) override {
    std::string database = fmt::format("slt_{}", ++databases_made_);
    BB_RETURN_NOT_OK_CTX(admin_->Execute("CREATE DATABASE " + database),
                         "creating the database for {}", file_label);
    PostgresBackend* admin = admin_.get();
    auto drop = [admin, database] {
      // Dropping only frees disk; a failure here cannot affect any result.
      (void)admin->Execute("DROP DATABASE IF EXISTS " + database);
    };
    BB_ASSIGN_OR_RAISE(auto backend,
                       PostgresBackend::Connect(server_->ConnectionString(database), drop));
    return std::unique_ptr<SqlBackend>(std::move(backend));
  }

 private:
  PostgresProvider(std::unique_ptr<PostgresServer> server,
                   std::unique_ptr<PostgresBackend> admin)
      : server_(std::move(server)), admin_(std::move(admin)) {}

  // Declared first so it is destroyed last, after every connection to it is closed.
  std::unique_ptr<PostgresServer> server_;
  std::unique_ptr<PostgresBackend> admin_;
  int databases_made_ = 0;
};

}  // namespace

BB_REGISTER_SQL_BACKEND("postgres", PostgresProvider::Make);

Result<std::unique_ptr<PostgresBackend>> PostgresBackend::Connect(
    const std::string& connection_string, std::function<void()> on_close) {
  PGconn* connection = PQconnectdb((connection_string + " " + kSessionOptions).c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    return Status::IOError("cannot connect to PostgreSQL ({}): {}", connection_string, message);
  }
  return std::unique_ptr<PostgresBackend>(new PostgresBackend(connection, std::move(on_close)));
}

PostgresBackend::~PostgresBackend() {
  PQfinish(connection_);
  if (on_close_) on_close_();
}

Status PostgresBackend::Execute(const std::string& sql) {
  ResultGuard result(PQexec(connection_, sql.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Status::OK();
  return ErrorFromResult(result.get(), connection_);
}

Result<QueryOutput> PostgresBackend::Query(const std::string& sql) {
  ResultGuard result(PQexec(connection_, sql.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK) {
    return Status::Invalid("the query returned no result set (is it a statement?)");
  }
  if (status != PGRES_TUPLES_OK) return ErrorFromResult(result.get(), connection_);
  QueryOutput output;
  int rows = PQntuples(result.get());
  int columns = PQnfields(result.get());
  output.rows.reserve(rows);
  for (int r = 0; r < rows; ++r) {
    std::vector<std::optional<std::string>> row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                     PQgetlength(result.get(), r, c)));
      }
    }
    output.rows.push_back(std::move(row));
  }
  return output;
}

}  // namespace bundlebase::sql
