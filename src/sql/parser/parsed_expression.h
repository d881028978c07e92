// The expression part of our SQL AST: what the parser hands to the binder.
//
// Plain structs owned by unique_ptr. Every node has a `kind` for switching and a `location`
// (byte offset into the statement or fragment text, -1 when unknown) for error messages. Nothing
// here knows about types or catalogs: type names stay names, function names stay names.
// Pattern-match with `switch (expr.kind)` and `expr.As<FunctionCallExpr>()`.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/identifier.h"

namespace bundlebase::sql {

struct QueryNode;
using QueryNodePtr = std::unique_ptr<QueryNode>;

enum class ExprKind {
  kColumnRef,      // a, t.a, s.t.a
  kStar,           // *, t.*
  kConstant,       // 1, 1.5, 'x', TRUE, NULL
  kParameter,      // $1
  kOperator,       // a + b, -a, a || b, a ~ b: any operator by name
  kBoolean,        // AND, OR, NOT
  kNullTest,       // IS [NOT] NULL
  kBooleanTest,    // IS [NOT] TRUE / FALSE / UNKNOWN
  kDistinctFrom,   // IS [NOT] DISTINCT FROM
  kLike,           // [NOT] LIKE / ILIKE / SIMILAR TO [ESCAPE e]
  kBetween,        // [NOT] BETWEEN [SYMMETRIC] a AND b
  kInList,         // [NOT] IN (a, b, ...)
  kFunctionCall,   // f(x), count(*), sum(DISTINCT x) FILTER (...) OVER (...)
  kCast,           // CAST(x AS t), x::t, DATE '2024-01-01'
  kCase,           // CASE [x] WHEN ... THEN ... [ELSE ...] END
  kConditional,    // COALESCE, NULLIF, GREATEST, LEAST
  kSubquery,       // (SELECT ...), EXISTS, IN (SELECT ...), op ANY/ALL (SELECT ...), ARRAY(...)
  kArray,          // ARRAY[a, b]
  kRow,            // ROW(a, b), (a, b)
  kValueFunction,  // CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, ...
  kSubscript,      // x[i], x[i:j]
  kNamedArgument,  // name => value, an argument of a function call
};

struct ParsedExpr {
  ParsedExpr(ExprKind kind, int location) : kind(kind), location(location) {}
  virtual ~ParsedExpr() = default;
  ParsedExpr(const ParsedExpr&) = delete;
  ParsedExpr& operator=(const ParsedExpr&) = delete;

  // Canonical SQL text, e.g. "(a + 1)", "count(*)", "CAST(x AS INTEGER)". Used as the default
  // output column name and in EXPLAIN.
  virtual std::string ToString() const = 0;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  const ExprKind kind;
  int location;
};
using ParsedExprPtr = std::unique_ptr<ParsedExpr>;

std::string ExprListToString(const std::vector<ParsedExprPtr>& exprs);

struct ColumnRefExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kColumnRef;
  explicit ColumnRefExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  QualifiedName parts;  // {column}, {table, column}, {schema, table, column}
};

struct StarExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kStar;
  explicit StarExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  QualifiedName qualifier;  // empty for *, {t} for t.*
};

enum class ConstantKind { kInteger, kNumeric, kString, kBoolean, kNull, kBitString };

struct ConstantExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kConstant;
  ConstantExpr(ConstantKind constant_kind, int location)
      : ParsedExpr(kKind, location), constant_kind(constant_kind) {}
  std::string ToString() const override;
  ConstantKind constant_kind;
  int64_t integer = 0;  // kInteger (fits in 32 bits; larger integers arrive as kNumeric)
  std::string text;     // kNumeric: the literal as written ("1.5", "1e5", "99999999999");
                        // kString: the value; kBitString: "b0101" or "x1F" as PostgreSQL keeps it
  bool boolean = false;  // kBoolean
};

struct ParameterExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kParameter;
  ParameterExpr(int index, int location) : ParsedExpr(kKind, location), index(index) {}
  std::string ToString() const override;
  int index;  // $1 -> 1
};

// A prefix (left == nullptr) or binary operator: + - * / % ^ || = <> < <= > >= ~ ~* !~ !~* ...
// `!=` arrives as `<>`.
struct OperatorExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kOperator;
  explicit OperatorExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  std::string op;
  ParsedExprPtr left;
  ParsedExprPtr right;
};

enum class BooleanOp { kAnd, kOr, kNot };

struct BooleanExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kBoolean;
  BooleanExpr(BooleanOp op, int location) : ParsedExpr(kKind, location), op(op) {}
  std::string ToString() const override;
  BooleanOp op;
  std::vector<ParsedExprPtr> args;  // two or more for AND/OR (a AND b AND c is flat), one for NOT
};

struct NullTestExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kNullTest;
  explicit NullTestExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr arg;
  bool negated = false;  // IS NOT NULL
};

enum class TruthValue { kTrue, kFalse, kUnknown };

struct BooleanTestExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kBooleanTest;
  explicit BooleanTestExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr arg;
  TruthValue value = TruthValue::kTrue;
  bool negated = false;  // IS NOT TRUE ...
};

struct DistinctFromExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kDistinctFrom;
  explicit DistinctFromExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr left;
  ParsedExprPtr right;
  bool negated = false;  // IS NOT DISTINCT FROM
};

enum class LikeKind { kLike, kILike, kSimilarTo };

struct LikeExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kLike;
  explicit LikeExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  LikeKind like_kind = LikeKind::kLike;
  bool negated = false;
  ParsedExprPtr arg;
  ParsedExprPtr pattern;
  ParsedExprPtr escape;  // null when there is no ESCAPE clause
};

struct BetweenExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kBetween;
  explicit BetweenExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr arg;
  ParsedExprPtr low;
  ParsedExprPtr high;
  bool negated = false;
  bool symmetric = false;
};

struct InListExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kInList;
  explicit InListExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr arg;
  std::vector<ParsedExprPtr> values;
  bool negated = false;
};

// ORDER BY item, in a query, inside an aggregate call or in a window. PostgreSQL's defaults are
// already applied: ascending unless DESC, NULLS LAST for ascending and NULLS FIRST for descending
// unless written otherwise.
struct OrderByItem {
  ParsedExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
  std::string ToString() const;
};

enum class FrameUnit { kRows, kRange, kGroups };
enum class FrameBoundKind {
  kUnboundedPreceding,
  kPreceding,
  kCurrentRow,
  kFollowing,
  kUnboundedFollowing
};
enum class FrameExclusion { kNoOthers, kCurrentRow, kGroup, kTies };

struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::kCurrentRow;
  ParsedExprPtr offset;  // kPreceding / kFollowing only
  std::string ToString() const;
};

// ROWS|RANGE|GROUPS BETWEEN start AND end [EXCLUDE ...]. A frame written with a start only has
// end CURRENT ROW, as in PostgreSQL.
struct WindowFrame {
  FrameUnit unit = FrameUnit::kRange;
  FrameBound start;
  FrameBound end;
  FrameExclusion exclusion = FrameExclusion::kNoOthers;
  std::string ToString() const;
};

// OVER (...) of a call, or one entry of a query's WINDOW clause.
struct WindowSpec {
  Identifier name;       // WINDOW clause only: the name being defined
  Identifier base_name;  // OVER w / OVER (w ...) / WINDOW x AS (w ...): the window built on
  bool reference_only = false;  // OVER w, without parentheses
  std::vector<ParsedExprPtr> partition_by;
  std::vector<OrderByItem> order_by;
  std::optional<WindowFrame> frame;  // absent: the default frame
  int location = -1;
  // The text after OVER: "w" or "(PARTITION BY a ORDER BY b ROWS ...)".
  std::string ToString() const;
};

struct FunctionCallExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kFunctionCall;
  explicit FunctionCallExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  // As written; for SQL-syntax forms PostgreSQL rewrites into calls (EXTRACT(year FROM d) ->
  // extract('year', d), x AT TIME ZONE z -> timezone(z, x), SUBSTRING(s FROM 1) -> substring(s,
  // 1), TRIM(...) -> btrim/ltrim/rtrim, POSITION(a IN b) -> position(b, a)) the lower-case
  // internal name without its pg_catalog qualifier, and `sql_syntax` is set.
  QualifiedName name;
  std::vector<ParsedExprPtr> args;
  bool star = false;      // count(*)
  bool distinct = false;  // sum(DISTINCT x)
  bool sql_syntax = false;
  std::vector<OrderByItem> order_by;  // string_agg(x, ',' ORDER BY y)
  ParsedExprPtr filter;               // FILTER (WHERE ...)
  std::unique_ptr<WindowSpec> over;   // OVER ...
};

// A type as written in CAST, ::, typed literals and column definitions. `names` is what
// PostgreSQL made of it without the pg_catalog qualifier it adds to SQL-standard spellings:
// INTEGER -> int4, BIGINT -> int8, DOUBLE PRECISION -> float8, VARCHAR -> varchar, CHAR ->
// bpchar, TIMESTAMP WITH TIME ZONE -> timestamptz, BOOLEAN -> bool; other names (text, date,
// string, "MyType") come through as written, folded like any identifier.
struct TypeName {
  QualifiedName names;
  std::vector<ParsedExprPtr> modifiers;  // numeric(10, 2) -> {10, 2}
  std::vector<int> array_bounds;         // int[] -> {-1}, int[3][] -> {3, -1}
  int location = -1;
  // The SQL spelling: INTEGER, NUMERIC(10, 2), VARCHAR(20)[], TIMESTAMP WITH TIME ZONE.
  std::string ToString() const;
};

struct CastExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kCast;
  explicit CastExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr arg;
  TypeName type;
};

struct CaseWhen {
  ParsedExprPtr condition;  // the value compared with the operand in a simple CASE
  ParsedExprPtr result;
};

struct CaseExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kCase;
  explicit CaseExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr operand;  // CASE x WHEN ... (simple form); null for the searched form
  std::vector<CaseWhen> whens;
  ParsedExprPtr else_result;  // null when there is no ELSE
};

enum class ConditionalOp { kCoalesce, kNullIf, kGreatest, kLeast };

struct ConditionalExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kConditional;
  ConditionalExpr(ConditionalOp op, int location) : ParsedExpr(kKind, location), op(op) {}
  std::string ToString() const override;
  ConditionalOp op;
  std::vector<ParsedExprPtr> args;  // NULLIF has exactly two
};

enum class SubqueryKind {
  kScalar,  // (SELECT ...)
  kExists,  // EXISTS (SELECT ...)
  kAny,     // x op ANY (SELECT ...); x IN (SELECT ...) is x = ANY with `in_syntax`
  kAll,     // x op ALL (SELECT ...)
  kArray,   // ARRAY(SELECT ...)
};

struct SubqueryExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kSubquery;
  SubqueryExpr(SubqueryKind subquery_kind, int location);
  ~SubqueryExpr() override;
  std::string ToString() const override;
  SubqueryKind subquery_kind;
  QueryNodePtr query;
  ParsedExprPtr test_expr;  // the left side for kAny / kAll
  std::string op;           // the operator for kAny / kAll ("=" for IN)
  bool in_syntax = false;
};

struct ArrayExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kArray;
  explicit ArrayExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  std::vector<ParsedExprPtr> elements;
};

struct RowExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kRow;
  explicit RowExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  std::vector<ParsedExprPtr> args;
};

enum class ValueFunction {
  kCurrentDate,
  kCurrentTime,
  kCurrentTimestamp,
  kLocalTime,
  kLocalTimestamp,
  kCurrentRole,
  kCurrentUser,
  kSessionUser,
  kUser,
  kCurrentCatalog,
  kCurrentSchema,
};

struct ValueFunctionExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kValueFunction;
  ValueFunctionExpr(ValueFunction function, int location)
      : ParsedExpr(kKind, location), function(function) {}
  std::string ToString() const override;
  ValueFunction function;
  int precision = -1;  // CURRENT_TIMESTAMP(3) -> 3; -1 when not given
};

// The SQL keyword of a value function: "CURRENT_DATE", "LOCALTIMESTAMP", ...
std::string_view ValueFunctionName(ValueFunction function);

// x[i] or, with `slice`, x[lower:upper] (either bound may be null). x[1][2] nests.
struct SubscriptExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kSubscript;
  explicit SubscriptExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  ParsedExprPtr arg;
  ParsedExprPtr index;  // the index, or the lower bound of a slice
  ParsedExprPtr upper;  // slices only
  bool slice = false;
};

// `delim => ';'` in read_csv('x.csv', delim => ';'): an argument passed by name.
struct NamedArgumentExpr final : ParsedExpr {
  static constexpr ExprKind kKind = ExprKind::kNamedArgument;
  explicit NamedArgumentExpr(int location) : ParsedExpr(kKind, location) {}
  std::string ToString() const override;
  std::string name;  // as PostgreSQL folds it (lower case unless quoted)
  ParsedExprPtr arg;
};

}  // namespace bundlebase::sql
