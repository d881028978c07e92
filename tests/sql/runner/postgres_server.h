// A private PostgreSQL 15 server for one runner process, the oracle the .test files are
// checked against.
//
// Start() makes a fresh temp directory, runs initdb (C locale, UTF8, trust auth) and starts the
// server listening only on a unix socket inside that directory, with fsync off. PostgreSQL
// refuses to run as root, so when the runner is root the server programs run as the
// `postgres` user, which is given the directory. A watchdog child process stops the server
// (pg_ctl stop -m immediate) and deletes the directory as soon as the runner goes away, however
// it ends (normal exit, error, signal or kill -9), so no server is ever left behind.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

#include "bundlebase/result.h"

namespace bundlebase::sql {

class PostgresServer {
 public:
  // PostgreSQL's programs are looked up in $BB_PG_BIN_DIR, else /usr/lib/postgresql/15/bin.
  static Result<std::unique_ptr<PostgresServer>> Start();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // A libpq connection string for database `database` as the superuser `postgres`.
  std::string ConnectionString(const std::string& database) const;

 private:
  PostgresServer() = default;
  Status StartWatchdog();
  Status RunServerProgram(const std::string& program, const std::vector<std::string>& args,
                          const std::string& log_name) const;

  std::string bin_dir_;
  std::string dir_;  // the temp directory: data/, the socket, the logs
  int port_ = 0;     // only names the socket file (.s.PGSQL.<port>) inside dir_
  bool run_as_postgres_ = false;
  int watchdog_pipe_ = -1;  // closing it tells the watchdog to clean up
  pid_t watchdog_pid_ = -1;
};

}  // namespace bundlebase::sql
