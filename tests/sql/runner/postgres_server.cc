// Starting, and through the watchdog always stopping, the private PostgreSQL server.
#include "postgres_server.h"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

namespace bundlebase::sql {
namespace {

constexpr const char* kDefaultBinDir = "/usr/lib/postgresql/15/bin";
constexpr const char* kRunuser = "/usr/sbin/runuser";

std::string LastLines(const std::string& path, size_t count) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string tail;
  size_t first = lines.size() > count ? lines.size() - count : 0;
  for (size_t i = first; i < lines.size(); ++i) tail += "\n  " + lines[i];
  return tail;
}

std::vector<char*> ArgvPointers(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

}  // namespace

Result<std::unique_ptr<PostgresServer>> PostgresServer::Start() {
  std::unique_ptr<PostgresServer> server(new PostgresServer());
  const char* bin_dir = std::getenv("BB_PG_BIN_DIR");
  server->bin_dir_ = bin_dir ? bin_dir : kDefaultBinDir;
  if (!std::filesystem::exists(server->bin_dir_ + "/initdb")) {
    return Status::NotFound(
        "PostgreSQL 15 is not installed ({}/initdb is missing): run scripts/install-deps.sh, or "
        "set BB_PG_BIN_DIR to the folder holding initdb and pg_ctl",
        server->bin_dir_);
  }
  std::string pattern = (std::filesystem::temp_directory_path() / "bb-sqllogictest-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IOError("cannot create a temp directory for PostgreSQL: {}",
                           std::strerror(errno));
  }
  server->dir_ = pattern;
  server->port_ = 50000 + static_cast<int>(getpid() % 10000);
  if (geteuid() == 0) {
    struct passwd* user = getpwnam("postgres");
    if (user == nullptr) {
      std::filesystem::remove_all(server->dir_);
      return Status::NotFound(
          "running as root, but there is no 'postgres' user to run PostgreSQL as: install "
          "postgresql-15 (scripts/install-deps.sh) or run as an ordinary user");
    }
    if (chown(server->dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
      std::filesystem::remove_all(server->dir_);
      return Status::IOError("cannot give {} to the postgres user: {}", server->dir_,
                             std::strerror(errno));
    }
    server->run_as_postgres_ = true;
  }
  Status watchdog = server->StartWatchdog();
  if (!watchdog.ok()) {
    std::filesystem::remove_all(server->dir_);
    return watchdog;
  }
  // From here on the watchdog owns the directory's removal.
  BB_RETURN_NOT_OK(server->RunServerProgram(
      "initdb",
      {"-D", server->dir_ + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
       "--locale=C", "--no-sync"},
      "initdb.log"));
  std::string options = fmt::format(
      "-c listen_addresses='' -k {} -p {} -c fsync=off -c full_page_writes=off "
      "-c synchronous_commit=off",
      server->dir_, server->port_);
  BB_RETURN_NOT_OK(server->RunServerProgram(
      "pg_ctl",
      {"start", "-w", "-t", "60", "-D", server->dir_ + "/data", "-l",
       server->dir_ + "/server.log", "-o", options},
      "pg_ctl.log"));
  return server;
}

Status PostgresServer::StartWatchdog() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return Status::IOError("cannot create the watchdog pipe: {}", std::strerror(errno));
  }
  // Prepared before fork: the child only reads, then execs.
  std::string stop = fmt::format("{}/pg_ctl stop -D {}/data -m immediate", bin_dir_, dir_);
  if (run_as_postgres_) stop = fmt::format("{} -u postgres -- {}", kRunuser, stop);
  std::vector<std::string> args = {
      "/bin/sh", "-c",
      fmt::format("if [ -f {0}/data/postmaster.pid ]; then {1} >/dev/null 2>&1; fi; rm -rf {0}",
                  dir_, stop)};
  std::vector<char*> argv = ArgvPointers(args);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return Status::IOError("cannot fork the PostgreSQL watchdog: {}", std::strerror(errno));
  }
  if (pid == 0) {
    // Its own process group and no terminal signals: a Ctrl-C must not skip the cleanup.
    setpgid(0, 0);
    signal(SIGINT, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    close(fds[1]);
    char byte;
    while (read(fds[0], &byte, 1) != 0) {
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[0]);
  watchdog_pipe_ = fds[1];
  watchdog_pid_ = pid;
  return Status::OK();
}

Status PostgresServer::RunServerProgram(const std::string& program,
                                        const std::vector<std::string>& args,
                                        const std::string& log_name) const {
  std::vector<std::string> command;
  if (run_as_postgres_) command = {kRunuser, "-u", "postgres", "--"};
  command.push_back(bin_dir_ + "/" + program);
  command.insert(command.end(), args.begin(), args.end());
  std::vector<char*> argv = ArgvPointers(command);
  std::string log_path = dir_ + "/" + log_name;
  pid_t pid = fork();
  if (pid < 0) return Status::IOError("cannot fork {}: {}", program, std::strerror(errno));
  if (pid == 0) {
    int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
    }
    // The postgres user may not enter the runner's working directory.
    if (chdir(dir_.c_str()) != 0) _exit(126);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string details = LastLines(log_path, 15);
    if (program == "pg_ctl") details += LastLines(dir_ + "/server.log", 15);
    return Status::IOError("{} failed (exit status {}):{}", program,
                           WIFEXITED(status) ? WEXITSTATUS(status) : -1, details);
  }
  return Status::OK();
}

PostgresServer::~PostgresServer() {
  if (watchdog_pipe_ >= 0) close(watchdog_pipe_);
  if (watchdog_pid_ > 0) {
    int status = 0;
    while (waitpid(watchdog_pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

std::string PostgresServer::ConnectionString(const std::string& database) const {
  return fmt::format("host={} port={} user=postgres dbname={}", dir_, port_, database);
}

}  // namespace bundlebase::sql
