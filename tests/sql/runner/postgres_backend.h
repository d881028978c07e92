// The PostgreSQL 15 backend over libpq: each test file gets its own database on the runner's
// private server, with the session settings the .test files assume (UTC, ISO dates).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <libpq-fe.h>

#include "sql_backend.h"

namespace bundlebase::sql {

class PostgresBackend : public SqlBackend {
 public:
  // Connects with `connection_string`; `on_close` runs after the connection is closed (the
  // provider drops the file's database there).
  static Result<std::unique_ptr<PostgresBackend>> Connect(const std::string& connection_string,
                                                          std::function<void()> on_close);
  ~PostgresBackend() override;

  std::string name() const override { return "postgres"; }
  Status Execute(const std::string& sql) override;
  Result<QueryOutput> Query(const std::string& sql) override;

 private:
  PostgresBackend(PGconn* connection, std::function<void()> on_close)
      : connection_(connection), on_close_(std::move(on_close)) {}

  PGconn* connection_;
  std::function<void()> on_close_;
};

}  // namespace bundlebase::sql
