// Pieces of the expression evaluator shared by its files: three-valued boolean columns and
// evaluation restricted to a subset of rows (CASE branches, AND/OR short-circuiting).
#pragma once

#include <vector>

#include "sql/execution/expression_evaluator.h"

namespace bundlebase::sql::internal {

// A boolean column unpacked into bytes: value[i] in {0, 1}, valid[i] in {0, 1}.
struct TriBool {
  std::vector<uint8_t> value;
  std::vector<uint8_t> valid;
  int64_t size() const { return static_cast<int64_t>(value.size()); }
};

TriBool ToTriBool(const Datum& d, int64_t length);
Result<ArrayPtr> FromTriBool(const TriBool& t);

// Evaluates `expr` on the given rows of `batch` only; the result has rows.size() rows.
Result<ArrayPtr> EvaluateOnRows(const Expression& expr, const RecordBatch& batch,
                                const std::vector<int32_t>& rows, KernelContext& ctx);

// out[rows[i]] = part[i] for each part: assembles a column from disjoint row subsets. Rows not
// covered by any part are NULL.
Result<ArrayPtr> ScatterParts(const DataTypePtr& type, int64_t length,
                              const std::vector<std::vector<int32_t>>& rows,
                              const std::vector<ArrayPtr>& parts);

Result<Datum> EvaluateLogical(const Expression& expr, const RecordBatch& batch, KernelContext& ctx);
Result<Datum> EvaluateConditional(const Expression& expr, const RecordBatch& batch,
                                  KernelContext& ctx);
Result<Datum> CallKernel(const ResolvedScalarCall& call, const std::vector<Datum>& args,
                         int64_t length, KernelContext& ctx);

}  // namespace bundlebase::sql::internal
