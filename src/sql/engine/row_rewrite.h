// RowRewrite: DELETE ... WHERE and UPDATE ... SET ... WHERE applied to a stream of batches —
// how a bundle applies its always_delete / always_update rules to incoming rows and rewrites
// the blocks a DELETE or UPDATE touches (copy-on-write, DESIGN §2).
//
// The clauses are SQL fragments with or without their keyword ("WHERE x IS NULL" or
// "x IS NULL"; "SET a = 1 WHERE b" or "a = 1 WHERE b"), bound against the batches' schema with
// the engine's rules (case-insensitive unquoted names, PostgreSQL types and NULL logic). A row
// is deleted or updated only where the condition is true, never where it is NULL. The schema
// of the output is the input's: an assigned value is cast to its column's type.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "columnar/record_batch.h"
#include "sql/planner/expression.h"

namespace bundlebase::sql {

class RowRewrite {
 public:
  static Result<RowRewrite> Delete(const SchemaPtr& schema, std::string_view where_clause);
  static Result<RowRewrite> Update(const SchemaPtr& schema, std::string_view update_clause);

  // The batch after the rule; rows deleted, or columns updated. Same schema as the input.
  Result<RecordBatchPtr> Apply(const RecordBatch& batch) const;
  // The rule applied to every batch `input` produces.
  std::unique_ptr<RecordBatchReader> Wrap(std::unique_ptr<RecordBatchReader> input) const;

  const SchemaPtr& schema() const { return schema_; }

 private:
  RowRewrite() = default;

  SchemaPtr schema_;
  ExprPtr condition_;  // null: every row
  bool is_delete_ = false;
  std::vector<std::pair<int, ExprPtr>> assignments_;  // column index -> new value
};

}  // namespace bundlebase::sql
