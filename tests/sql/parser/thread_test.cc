// Parsing from several threads at once gives every thread the right tree.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "parser_test_util.h"

namespace bundlebase::sql::testing {
namespace {

TEST(ThreadTest, ParallelParsesAreIndependent) {
  constexpr int kThreads = 8;
  constexpr int kIterations = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < kIterations; ++i) {
        std::string column = "Col" + std::to_string(t);
        std::string sql = "SELECT " + column + " + " + std::to_string(i) +
                          " FROM t WHERE x = -" + std::to_string(i);
        auto statements = ParseStatements(sql);
        std::string expected = "SELECT (" + column + " + " + std::to_string(i) +
                               ") FROM t WHERE (x = " + (i == 0 ? "0" : "-" + std::to_string(i)) +
                               ")";
        if (!statements.ok() ||
            (*statements)[0]->As<SelectStatement>().query->ToString() != expected) {
          ++failures;
        }
        // Errors must not leak into other threads' parses.
        if (ParseStatements("SELEC " + column).ok()) ++failures;
        if (!ParseWhereCondition("WHERE " + column + " IS NULL").ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace bundlebase::sql::testing
