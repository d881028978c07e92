// RowRewrite: binding the rule's fragments once, then evaluating them per batch.
#include "sql/engine/row_rewrite.h"

#include "base/strings.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_names.h"
#include "sql/execution/execution_context.h"
#include "sql/execution/expression_evaluator.h"
#include "sql/execution/selection.h"
#include "sql/functions/implicit_cast.h"
#include "sql/parser/parser.h"

namespace bundlebase::sql {
namespace {

// Binds a fragment over the schema's columns; positions are the schema's indices.
Result<ExprPtr> BindOver(const Schema& schema, const ParsedExpr& expr, std::string_view text) {
  SimpleCatalog no_tables;
  BindOptions options;
  options.statement_time_us = CurrentTimeMicros();
  Binder binder(no_tables, FunctionRegistry::Default(), text, options);
  BB_ASSIGN_OR_RAISE(ExprPtr bound, binder.BindStandaloneExpression(expr, schema));
  std::vector<ColumnId> ids;
  for (int i = 0; i < schema.num_fields(); ++i) ids.push_back(i);
  return ResolveColumns(bound, ids);
}

Result<ExprPtr> BindCondition(const Schema& schema, const ParsedExpr& expr, std::string_view text) {
  BB_ASSIGN_OR_RAISE(ExprPtr bound, BindOver(schema, expr, text));
  if (bound->type->id() == TypeId::kNull) return MakeCast(bound, Bool());
  if (bound->type->id() != TypeId::kBool) {
    return Status::TypeError("argument of WHERE must be type boolean, not type {}: {}",
                             SqlTypeName(*bound->type), text);
  }
  return bound;
}

class RewritingReader : public RecordBatchReader {
 public:
  RewritingReader(RowRewrite rule, std::unique_ptr<RecordBatchReader> input)
      : rule_(std::move(rule)), input_(std::move(input)) {}
  SchemaPtr schema() const override { return input_->schema(); }
  Result<RecordBatchPtr> Next() override {
    BB_ASSIGN_OR_RAISE(RecordBatchPtr batch, input_->Next());
    if (!batch) return batch;
    return rule_.Apply(*batch);
  }

 private:
  RowRewrite rule_;
  std::unique_ptr<RecordBatchReader> input_;
};

}  // namespace

Result<RowRewrite> RowRewrite::Delete(const SchemaPtr& schema, std::string_view where_clause) {
  BB_ASSIGN_OR_RAISE(ParsedExprPtr parsed, ParseWhereCondition(where_clause));
  RowRewrite rule;
  rule.schema_ = schema;
  rule.is_delete_ = true;
  BB_ASSIGN_OR_RAISE(rule.condition_, BindCondition(*schema, *parsed, where_clause));
  return rule;
}

Result<RowRewrite> RowRewrite::Update(const SchemaPtr& schema, std::string_view update_clause) {
  BB_ASSIGN_OR_RAISE(UpdateClause clause, ParseUpdateClause(update_clause));
  RowRewrite rule;
  rule.schema_ = schema;
  if (clause.where) {
    BB_ASSIGN_OR_RAISE(rule.condition_, BindCondition(*schema, *clause.where, update_clause));
  }
  for (const auto& a : clause.assignments) {
    int column = -1;
    for (int i = 0; i < schema->num_fields(); ++i) {
      if (a.column.Matches(schema->field(i).name) &&
          (column < 0 || schema->field(i).name == a.column.name)) {
        column = i;
      }
    }
    if (column < 0) {
      std::string hint;
      if (auto best = ClosestMatch(a.column.name, schema->names())) {
        hint = " — did you mean \"" + *best + "\"?";
      }
      return Status::NotFound("column \"{}\" does not exist{}: {}", a.column.name, hint,
                              update_clause);
    }
    for (const auto& [existing, value] : rule.assignments_) {
      if (existing == column) {
        return Status::Invalid("multiple assignments to the same column \"{}\": {}",
                               a.column.name, update_clause);
      }
    }
    BB_ASSIGN_OR_RAISE(ExprPtr value, BindOver(*schema, *a.value, update_clause));
    const DataTypePtr& target = schema->field(column).type;
    const bool untyped = value->kind == BoundExprKind::kLiteral && value->untyped;
    if (!value->type->Equals(*target)) {
      if (!untyped && !ImplicitCastCost(*value->type, *target) &&
          !ImplicitCastCost(*target, *value->type)) {
        return Status::TypeError("column \"{}\" is of type {} but the expression is of type {}: {}",
                                 schema->field(column).name, SqlTypeName(*target),
                                 SqlTypeName(*value->type), update_clause);
      }
      value = MakeCast(value, target);
    }
    rule.assignments_.emplace_back(column, std::move(value));
  }
  return rule;
}

Result<RecordBatchPtr> RowRewrite::Apply(const RecordBatch& batch) const {
  ExecutionOptions single_thread;
  single_thread.threads = 1;
  ExecutionContext query(single_thread);
  ThreadContext thread(query, 0);
  KernelContext& ctx = thread.kernel();
  auto same = std::make_shared<RecordBatch>(schema_, batch.num_rows(), batch.columns());
  std::vector<int32_t> hit;
  if (condition_) {
    BB_ASSIGN_OR_RAISE(hit, EvaluateSelection(*condition_, *same, ctx));
  } else {
    hit.resize(static_cast<size_t>(batch.num_rows()));
    for (int64_t i = 0; i < batch.num_rows(); ++i) hit[i] = static_cast<int32_t>(i);
  }
  if (hit.empty()) return same;
  if (is_delete_) {
    std::vector<int32_t> keep;
    keep.reserve(static_cast<size_t>(batch.num_rows()) - hit.size());
    size_t h = 0;
    for (int64_t i = 0; i < batch.num_rows(); ++i) {
      if (h < hit.size() && hit[h] == i) {
        ++h;
      } else {
        keep.push_back(static_cast<int32_t>(i));
      }
    }
    return TakeBatch(*same, keep);
  }
  // UPDATE: the new value where the condition holds, the old one elsewhere (the value is
  // computed only on the rows that change, so it cannot fail on rows the rule leaves alone).
  RecordBatchPtr changed_rows;
  if (static_cast<int64_t>(hit.size()) != batch.num_rows()) {
    BB_ASSIGN_OR_RAISE(changed_rows, TakeBatch(*same, hit));
  } else {
    changed_rows = same;
  }
  std::vector<int32_t> source(static_cast<size_t>(batch.num_rows()));
  for (int64_t i = 0; i < batch.num_rows(); ++i) source[i] = static_cast<int32_t>(i);
  for (size_t k = 0; k < hit.size(); ++k) source[hit[k]] = static_cast<int32_t>(batch.num_rows() + k);
  std::vector<ArrayPtr> columns = batch.columns();
  for (const auto& [column, value] : assignments_) {
    BB_ASSIGN_OR_RAISE(ArrayPtr updated, EvaluateToArray(*value, *changed_rows, ctx));
    BB_ASSIGN_OR_RAISE(ArrayPtr both, Concatenate({batch.column(column), updated}));
    BB_ASSIGN_OR_RAISE(columns[column], Take(both, source));
  }
  return std::make_shared<RecordBatch>(schema_, batch.num_rows(), std::move(columns));
}

std::unique_ptr<RecordBatchReader> RowRewrite::Wrap(std::unique_ptr<RecordBatchReader> input) const {
  return std::make_unique<RewritingReader>(*this, std::move(input));
}

}  // namespace bundlebase::sql
