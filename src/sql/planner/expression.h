// Expression: a bound, typed scalar expression — what the binder makes of the parser's syntax
// once names are resolved to columns and calls to function kernels.
//
// Column references name a ColumnId, a number unique within the query for every column any
// plan node produces; the physical planner turns ids into positions in the input batch
// (Expression::Resolve). Constant folding, predicate pushdown and EXPLAIN work on this tree.
// AND / OR / NOT / IS NULL / CASE / COALESCE / IN / IS DISTINCT FROM / CAST are their own kinds
// because they do not propagate NULL as ordinary functions do.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "columnar/scalar.h"
#include "sql/functions/function_registry.h"

namespace bundlebase::sql {

using ColumnId = int32_t;

class Expression;
using ExprPtr = std::shared_ptr<const Expression>;

enum class BoundExprKind : uint8_t {
  kColumn,        // column_id (bound), or `position` in the input batch (resolved)
  kLiteral,       // literal
  kCall,          // call(children...)
  kCast,          // CAST(child AS type); try_cast makes failures NULL
  kAnd,           // children... (two or more), three-valued
  kOr,            // children... (two or more), three-valued
  kNot,           // NOT child
  kIsNull,        // child IS NULL
  kIsNotNull,     // child IS NOT NULL
  kIsDistinct,    // child0 IS DISTINCT FROM child1 (negated: IS NOT DISTINCT FROM)
  kCase,          // children: when0, then0, when1, then1, ..., [else]; has_else
  kCoalesce,      // first non-null child
  kInList,        // child0 [NOT] IN (child1, ...): equality calls precomputed in `in_equals`
};

class Expression {
 public:
  BoundExprKind kind;
  DataTypePtr type;
  std::vector<ExprPtr> children;

  ColumnId column_id = -1;  // kColumn, before Resolve
  int position = -1;        // kColumn, after Resolve
  Scalar literal;           // kLiteral
  ResolvedScalarCall call;  // kCall
  bool try_cast = false;    // kCast
  bool negated = false;     // kIsDistinct, kInList
  bool has_else = false;    // kCase
  // kLiteral: a string or NULL literal whose type is not fixed yet (PostgreSQL's "unknown"):
  // it takes the type its context asks for.
  bool untyped = false;
  // kInList: the resolved `=` between the probe and each list item (after casts).
  std::vector<ResolvedScalarCall> in_equals;
  // What the user wrote, for EXPLAIN and default column names (columns: their name).
  std::string display;

  std::string ToString() const;
  // Identity for comparing expressions: like ToString, but columns print as their id, so
  // t1.a and t2.a (both shown as "a") never compare equal.
  std::string Key() const;
  std::string Render(bool keys) const;
  // True when the value depends only on literals and immutable calls (foldable).
  bool IsConstant() const;
  // True when no call is volatile or stable (safe to reorder or evaluate once).
  bool IsDeterministic() const;
  // Collects the column ids referenced anywhere in the tree.
  void CollectColumns(std::vector<ColumnId>* out) const;
};

ExprPtr MakeColumnRef(ColumnId id, DataTypePtr type, std::string name);
ExprPtr MakeLiteral(Scalar value);
ExprPtr MakeCall(ResolvedScalarCall call, std::vector<ExprPtr> args, std::string display = "");
ExprPtr MakeCast(ExprPtr child, DataTypePtr to, bool try_cast = false);
ExprPtr MakeLogical(BoundExprKind kind, std::vector<ExprPtr> children);  // kAnd, kOr
ExprPtr MakeNot(ExprPtr child);
ExprPtr MakeIsNull(ExprPtr child, bool negated);
ExprPtr MakeExpr(BoundExprKind kind, DataTypePtr type, std::vector<ExprPtr> children);

// Splits nested ANDs into their conjuncts, and joins conjuncts back (null when empty).
void SplitConjuncts(const ExprPtr& expr, std::vector<ExprPtr>* out);
ExprPtr JoinConjuncts(std::vector<ExprPtr> conjuncts);

// A copy of `expr` where every column reference is replaced by its position in `input_ids`
// (the ids of the input batch's columns, in order). Internal error when an id is missing.
Result<ExprPtr> ResolveColumns(const ExprPtr& expr, const std::vector<ColumnId>& input_ids);

// A copy of `expr` with column ids mapped through `replace` (id -> expression); ids absent
// from the map stay.
ExprPtr ReplaceColumns(const ExprPtr& expr,
                       const std::function<ExprPtr(const Expression& column)>& replace);

}  // namespace bundlebase::sql
