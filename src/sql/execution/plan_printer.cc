// EXPLAIN's text: the operator tree, indented, with estimates and (for EXPLAIN ANALYZE) the rows
// and time of each operator.
#include <fmt/format.h>

#include "sql/execution/executor.h"

namespace bundlebase::sql {
namespace {

void Print(const PhysicalOperator& op, bool analyze, int depth, std::string* out) {
  std::string line(static_cast<size_t>(depth) * 2, ' ');
  line += op.name();
  std::string details = op.details();
  if (!details.empty()) line += " " + details;
  if (op.estimated_rows >= 0) line += fmt::format(" (~{} rows)", op.estimated_rows);
  if (analyze) {
    line += fmt::format(" [rows: {}, time: {:.3f} ms]", op.rows_out.load(),
                        static_cast<double>(op.nanos.load()) / 1e6);
  }
  *out += line + "\n";
  for (const auto& child : op.children()) Print(*child, analyze, depth + 1, out);
}

}  // namespace

std::string FormatPhysicalPlan(const PhysicalOperator& plan, bool analyze) {
  std::string out;
  Print(plan, analyze, 0, &out);
  return out;
}

}  // namespace bundlebase::sql
