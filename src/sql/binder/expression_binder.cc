// ExpressionBinder: the node-by-node binding of scalar expressions.
#include "sql/binder/expression_binder.h"

#include "base/strings.h"
#include "columnar/cast.h"
#include "sql/binder/type_names.h"
#include "sql/functions/implicit_cast.h"
#include "sql/parser/error_position.h"

namespace bundlebase::sql {
namespace {

bool IsUntypedLiteral(const ExprPtr& e) { return e->kind == BoundExprKind::kLiteral && e->untyped; }


}  // namespace

std::vector<ArgumentInfo> ArgInfos(const std::vector<ExprPtr>& args) {
  std::vector<ArgumentInfo> infos;
  for (const auto& a : args) {
    ArgumentInfo info;
    info.type = a->type;
    info.untyped_literal = IsUntypedLiteral(a);
    if (a->kind == BoundExprKind::kLiteral && !a->literal.is_null() &&
        a->type->id() == TypeId::kUtf8) {
      info.literal_text = a->literal.get<std::string>();
    }
    infos.push_back(std::move(info));
  }
  return infos;
}

namespace {

ExprPtr Untyped(Scalar value) {
  auto e = std::make_shared<Expression>(*MakeLiteral(std::move(value)));
  e->untyped = true;
  return e;
}

std::string LowerName(const QualifiedName& name) { return ToLower(name.back().name); }

}  // namespace

std::string Binder::Position(int location) const { return PositionSuffix(sql_, location); }

Result<ExprPtr> ExpressionBinder::Bind(const ParsedExpr& expr) {
  if (hooks_.before) {
    BB_ASSIGN_OR_RAISE(std::optional<ExprPtr> replaced, hooks_.before(expr));
    if (replaced) return *replaced;
  }
  return BindNode(expr);
}

Result<ExprPtr> ExpressionBinder::BindCondition(const ParsedExpr& expr, std::string_view clause) {
  BB_ASSIGN_OR_RAISE(ExprPtr bound, Bind(expr));
  return RequireBoolean(std::move(bound), clause, expr.location);
}

// Casts an expression to `to`; an untyped literal is converted now so a bad value is reported
// at its position ("invalid input syntax for type date").
static Result<ExprPtr> CastTo(const ExprPtr& e, const DataTypePtr& to, const Binder& binder,
                              int location) {
  if (e->type->Equals(*to)) return e;
  if (e->kind == BoundExprKind::kLiteral) {
    auto cast = CastScalar(e->literal, to);
    if (!cast.ok()) {
      return Status(cast.status().code(), cast.status().message() + binder.Position(location));
    }
    return MakeLiteral(std::move(cast).MoveValueUnsafe());
  }
  if (!CanCast(*e->type, *to)) {
    return Status::TypeError("cannot cast type {} to {}{}", SqlTypeName(*e->type),
                             SqlTypeName(*to), binder.Position(location));
  }
  return MakeCast(e, to);
}

Result<ExprPtr> ExpressionBinder::RequireBoolean(ExprPtr expr, std::string_view what,
                                                 int location) {
  if (expr->type->id() == TypeId::kBool) return expr;
  if (IsUntypedLiteral(expr) || expr->type->id() == TypeId::kNull) {
    return CastTo(expr, Bool(), binder_, location);
  }
  return Status::TypeError("argument of {} must be type boolean, not type {}{}", what,
                           SqlTypeName(*expr->type), binder_.Position(location));
}

Result<ExprPtr> ExpressionBinder::CallFunction(const std::string& name, std::vector<ExprPtr> args,
                                               int location, std::string display) {
  auto resolved = binder_.registry().ResolveScalar(name, ArgInfos(args));
  if (!resolved.ok()) {
    return Status(resolved.status().code(),
                  resolved.status().message() + binder_.Position(location));
  }
  ResolvedScalarCall call = std::move(resolved).MoveValueUnsafe();
  for (size_t i = 0; i < args.size() && i < call.arg_types.size(); ++i) {
    BB_ASSIGN_OR_RAISE(args[i], CastTo(args[i], call.arg_types[i], binder_, location));
  }
  return MakeCall(std::move(call), std::move(args), std::move(display));
}

Result<std::vector<ExprPtr>> ExpressionBinder::CastToCommonType(std::vector<ExprPtr> exprs,
                                                                std::string_view context,
                                                                int location) {
  auto common = CommonSuperType(ArgInfos(exprs), context);
  if (!common.ok()) {
    return Status(common.status().code(), common.status().message() + binder_.Position(location));
  }
  for (auto& e : exprs) {
    BB_ASSIGN_OR_RAISE(e, CastTo(e, *common, binder_, location));
  }
  return exprs;
}

Result<ResolvedScalarCall> ExpressionBinder::ResolveEquality(const ExprPtr& a, const ExprPtr& b,
                                                             int location) {
  BB_ASSIGN_OR_RAISE(ExprPtr eq, CallFunction("=", {a, b}, location));
  return eq->call;
}

Result<ExprPtr> ExpressionBinder::BindNode(const ParsedExpr& expr) {
  switch (expr.kind) {
    case ExprKind::kColumnRef:
      return BindColumnRef(expr.As<ColumnRefExpr>());
    case ExprKind::kStar:
      return Status::Invalid("* is not allowed here{}", binder_.Position(expr.location));
    case ExprKind::kConstant:
      return BindConstant(expr.As<ConstantExpr>());
    case ExprKind::kParameter: {
      int index = expr.As<ParameterExpr>().index;
      const auto& params = binder_.options().parameters;
      if (index < 1 || index > static_cast<int>(params.size())) {
        return Status::Invalid("there is no parameter ${} ({} given){}", index, params.size(),
                               binder_.Position(expr.location));
      }
      return MakeLiteral(params[index - 1]);
    }
    case ExprKind::kOperator:
      return BindOperator(expr.As<OperatorExpr>());
    case ExprKind::kBoolean:
      return BindBoolean(expr.As<BooleanExpr>());
    case ExprKind::kNullTest: {
      const auto& t = expr.As<NullTestExpr>();
      BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*t.arg));
      return MakeIsNull(std::move(arg), t.negated);
    }
    case ExprKind::kBooleanTest:
      return BindBooleanTest(expr.As<BooleanTestExpr>());
    case ExprKind::kDistinctFrom:
      return BindDistinctFrom(expr.As<DistinctFromExpr>());
    case ExprKind::kLike:
      return BindLike(expr.As<LikeExpr>());
    case ExprKind::kBetween:
      return BindBetween(expr.As<BetweenExpr>());
    case ExprKind::kInList:
      return BindInList(expr.As<InListExpr>());
    case ExprKind::kFunctionCall:
      return BindFunction(expr.As<FunctionCallExpr>());
    case ExprKind::kCast:
      return BindCast(expr.As<CastExpr>());
    case ExprKind::kCase:
      return BindCase(expr.As<CaseExpr>());
    case ExprKind::kConditional:
      return BindConditional(expr.As<ConditionalExpr>());
    case ExprKind::kSubquery:
      if (!hooks_.subquery) {
        return Status::NotImplemented("subqueries are not supported in {}{}", hooks_.context,
                                      binder_.Position(expr.location));
      }
      return hooks_.subquery(expr.As<SubqueryExpr>());
    case ExprKind::kValueFunction:
      return BindValueFunction(expr.As<ValueFunctionExpr>());
    case ExprKind::kNamedArgument:
      return Status::Invalid("named arguments ({} => ...) are accepted by table functions such as "
                             "read_csv only{}",
                             expr.As<NamedArgumentExpr>().name, binder_.Position(expr.location));
    case ExprKind::kArray:
    case ExprKind::kRow:
    case ExprKind::kSubscript:
      return Status::NotImplemented("{} is not supported yet{}", expr.ToString(),
                                    binder_.Position(expr.location));
  }
  return Status::Internal("unknown expression kind");
}

Result<ExprPtr> ExpressionBinder::BindColumnRef(const ColumnRefExpr& ref) {
  for (const BindScope* s = &scope_; s != nullptr; s = s->outer()) {
    BB_ASSIGN_OR_RAISE(std::optional<ExprPtr> found, s->Find(ref.parts, binder_.sql()));
    if (found) {
      if (s != &scope_) (*found)->CollectColumns(&correlated_);
      return *found;
    }
  }
  const Identifier& column = ref.parts.back();
  if (ref.parts.size() >= 2) {
    bool table_known = false;
    for (const BindScope* s = &scope_; s != nullptr && !table_known; s = s->outer()) {
      table_known = s->FindTable(ref.parts[ref.parts.size() - 2]) != nullptr;
    }
    if (!table_known) {
      return Status::NotFound("missing FROM-clause entry for table \"{}\"{}",
                              ref.parts[ref.parts.size() - 2].name,
                              binder_.Position(ref.location));
    }
  }
  std::string hint;
  if (auto best = ClosestMatch(column.name, scope_.ColumnNames())) {
    hint = " — did you mean \"" + *best + "\"?";
  }
  return Status::NotFound("column \"{}\" does not exist{}{}", QualifiedNameToString(ref.parts),
                          hint, binder_.Position(ref.location));
}

Result<ExprPtr> ExpressionBinder::BindConstant(const ConstantExpr& c) {
  switch (c.constant_kind) {
    case ConstantKind::kInteger:
      return MakeLiteral(Scalar(Int32(), int64_t{c.integer}));
    case ConstantKind::kBoolean:
      return MakeLiteral(Scalar::FromBool(c.boolean));
    case ConstantKind::kNull:
      return Untyped(Scalar::MakeNull(Null()));
    case ConstantKind::kString:
      return Untyped(Scalar::FromUtf8(c.text));
    case ConstantKind::kBitString:
      return Status::NotImplemented("bit string literals are not supported{}",
                                    binder_.Position(c.location));
    case ConstantKind::kNumeric:
      break;
  }
  const std::string& text = c.text;
  bool has_point = text.find('.') != std::string::npos;
  bool has_exp = text.find_first_of("eE") != std::string::npos;
  Scalar source = Scalar::FromUtf8(text);
  if (!has_point && !has_exp) {
    auto as_int = CastScalar(source, Int64());
    if (as_int.ok()) {
      // An integer that fits 32 bits is an integer, as PostgreSQL types it (only a negative
      // constant such as -2147483648, which the grammar folds, arrives here in that range).
      const int64_t v = as_int->get<int64_t>();
      if (v >= INT32_MIN && v <= INT32_MAX) return MakeLiteral(Scalar(Int32(), v));
      return MakeLiteral(*as_int);
    }
  }
  if (!has_exp) {
    size_t point = text.find('.');
    int scale = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
    int digits = 0;
    for (char ch : text) digits += (ch >= '0' && ch <= '9');
    int precision = std::max(digits, scale + 1);
    if (precision <= 38) {
      auto dec = CastScalar(source, Decimal128(precision, scale));
      if (dec.ok()) return MakeLiteral(*dec);
    }
  }
  BB_ASSIGN_OR_RAISE(Scalar f, CastScalar(source, Float64()));
  return MakeLiteral(std::move(f));
}

Result<ExprPtr> ExpressionBinder::BindOperator(const OperatorExpr& op) {
  if (!op.left) {
    BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*op.right));
    if (op.op == "+") return arg;
    if (op.op == "-") return CallFunction("neg", {std::move(arg)}, op.location);
    return CallFunction(op.op, {std::move(arg)}, op.location);
  }
  BB_ASSIGN_OR_RAISE(ExprPtr left, Bind(*op.left));
  BB_ASSIGN_OR_RAISE(ExprPtr right, Bind(*op.right));
  std::string name = op.op == "^" ? "power" : op.op;
  return CallFunction(name, {std::move(left), std::move(right)}, op.location);
}

Result<ExprPtr> ExpressionBinder::BindBoolean(const BooleanExpr& expr) {
  std::string_view what = expr.op == BooleanOp::kAnd ? "AND"
                          : expr.op == BooleanOp::kOr ? "OR"
                                                      : "NOT";
  std::vector<ExprPtr> args;
  for (const auto& a : expr.args) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, Bind(*a));
    BB_ASSIGN_OR_RAISE(bound, RequireBoolean(std::move(bound), what, a->location));
    args.push_back(std::move(bound));
  }
  if (expr.op == BooleanOp::kNot) return MakeNot(std::move(args[0]));
  return MakeLogical(expr.op == BooleanOp::kAnd ? BoundExprKind::kAnd : BoundExprKind::kOr,
                     std::move(args));
}

Result<ExprPtr> ExpressionBinder::BindBooleanTest(const BooleanTestExpr& expr) {
  BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*expr.arg));
  std::string_view what = expr.value == TruthValue::kUnknown ? "IS UNKNOWN" : "IS TRUE";
  BB_ASSIGN_OR_RAISE(arg, RequireBoolean(std::move(arg), what, expr.location));
  if (expr.value == TruthValue::kUnknown) return MakeIsNull(std::move(arg), expr.negated);
  ExprPtr value = expr.value == TruthValue::kTrue ? arg : MakeNot(arg);
  // x IS TRUE: true only for true; NULL counts as "not true".
  ExprPtr is_value = MakeExpr(BoundExprKind::kCoalesce, Bool(),
                              {value, MakeLiteral(Scalar::FromBool(false))});
  return expr.negated ? MakeNot(is_value) : is_value;
}

Result<ExprPtr> ExpressionBinder::BindDistinctFrom(const DistinctFromExpr& expr) {
  BB_ASSIGN_OR_RAISE(ExprPtr left, Bind(*expr.left));
  BB_ASSIGN_OR_RAISE(ExprPtr right, Bind(*expr.right));
  BB_ASSIGN_OR_RAISE(auto both, CastToCommonType({left, right}, "IS DISTINCT FROM", expr.location));
  BB_ASSIGN_OR_RAISE(ResolvedScalarCall eq, ResolveEquality(both[0], both[1], expr.location));
  auto e = std::make_shared<Expression>(*MakeExpr(BoundExprKind::kIsDistinct, Bool(), both));
  e->negated = expr.negated;
  e->in_equals = {std::move(eq)};
  return ExprPtr(e);
}

Result<ExprPtr> ExpressionBinder::BindLike(const LikeExpr& expr) {
  if (expr.like_kind == LikeKind::kSimilarTo) {
    return Status::NotImplemented("SIMILAR TO is not supported; use a regular expression with ~{}",
                                  binder_.Position(expr.location));
  }
  std::vector<ExprPtr> args;
  BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*expr.arg));
  BB_ASSIGN_OR_RAISE(ExprPtr pattern, Bind(*expr.pattern));
  args.push_back(std::move(arg));
  args.push_back(std::move(pattern));
  if (expr.escape) {
    BB_ASSIGN_OR_RAISE(ExprPtr escape, Bind(*expr.escape));
    args.push_back(std::move(escape));
  }
  BB_ASSIGN_OR_RAISE(ExprPtr call, CallFunction(expr.like_kind == LikeKind::kLike ? "like" : "ilike",
                                                std::move(args), expr.location));
  return expr.negated ? MakeNot(call) : call;
}

Result<ExprPtr> ExpressionBinder::BindBetween(const BetweenExpr& expr) {
  BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*expr.arg));
  BB_ASSIGN_OR_RAISE(ExprPtr low, Bind(*expr.low));
  BB_ASSIGN_OR_RAISE(ExprPtr high, Bind(*expr.high));
  auto range = [&](const ExprPtr& lo, const ExprPtr& hi) -> Result<ExprPtr> {
    BB_ASSIGN_OR_RAISE(ExprPtr ge, CallFunction(">=", {arg, lo}, expr.location));
    BB_ASSIGN_OR_RAISE(ExprPtr le, CallFunction("<=", {arg, hi}, expr.location));
    return MakeLogical(BoundExprKind::kAnd, {ge, le});
  };
  BB_ASSIGN_OR_RAISE(ExprPtr result, range(low, high));
  if (expr.symmetric) {
    BB_ASSIGN_OR_RAISE(ExprPtr swapped, range(high, low));
    result = MakeLogical(BoundExprKind::kOr, {result, swapped});
  }
  return expr.negated ? MakeNot(result) : result;
}

Result<ExprPtr> ExpressionBinder::BindInList(const InListExpr& expr) {
  std::vector<ExprPtr> all;
  BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*expr.arg));
  all.push_back(std::move(arg));
  for (const auto& v : expr.values) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, Bind(*v));
    all.push_back(std::move(bound));
  }
  BB_ASSIGN_OR_RAISE(all, CastToCommonType(std::move(all), "IN", expr.location));
  auto e = std::make_shared<Expression>(*MakeExpr(BoundExprKind::kInList, Bool(), all));
  e->negated = expr.negated;
  for (size_t i = 1; i < all.size(); ++i) {
    BB_ASSIGN_OR_RAISE(ResolvedScalarCall eq, ResolveEquality(all[0], all[i], expr.location));
    e->in_equals.push_back(std::move(eq));
  }
  return ExprPtr(e);
}

Result<ExprPtr> ExpressionBinder::BindFunction(const FunctionCallExpr& call) {
  const std::string name = LowerName(call.name);
  if (call.over) {
    if (!hooks_.window) {
      return Status::Invalid("window functions are not allowed in {}{}", hooks_.context,
                             binder_.Position(call.location));
    }
    return hooks_.window(call);
  }
  if (binder_.registry().FindAggregate(name) != nullptr) {
    if (!hooks_.aggregate) {
      return Status::Invalid("aggregate functions are not allowed in {}{}", hooks_.context,
                             binder_.Position(call.location));
    }
    return hooks_.aggregate(call);
  }
  if (call.star || call.distinct || !call.order_by.empty() || call.filter) {
    return Status::Invalid("{} is not an aggregate function, so it cannot take {}{}", name,
                           call.star ? "*" : call.distinct ? "DISTINCT"
                                         : call.filter     ? "FILTER"
                                                           : "ORDER BY",
                           binder_.Position(call.location));
  }
  std::vector<ExprPtr> args;
  for (const auto& a : call.args) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, Bind(*a));
    args.push_back(std::move(bound));
  }
  if (name == "pg_typeof" && args.size() == 1) {
    return MakeLiteral(Scalar::FromUtf8(SqlTypeName(*args[0]->type)));
  }
  return CallFunction(name, std::move(args), call.location, call.ToString());
}

Result<ExprPtr> ExpressionBinder::BindCast(const CastExpr& cast) {
  BB_ASSIGN_OR_RAISE(ExprPtr arg, Bind(*cast.arg));
  BB_ASSIGN_OR_RAISE(DataTypePtr to, ResolveTypeName(cast.type, binder_.sql()));
  return CastTo(arg, to, binder_, cast.location);
}

Result<ExprPtr> ExpressionBinder::BindCase(const CaseExpr& expr) {
  ExprPtr operand;
  if (expr.operand) {
    BB_ASSIGN_OR_RAISE(operand, Bind(*expr.operand));
  }
  std::vector<ExprPtr> conditions, results;
  for (const auto& w : expr.whens) {
    BB_ASSIGN_OR_RAISE(ExprPtr cond, Bind(*w.condition));
    if (operand) {
      BB_ASSIGN_OR_RAISE(auto both, CastToCommonType({operand, cond}, "CASE/WHEN",
                                                     w.condition->location));
      BB_ASSIGN_OR_RAISE(cond, CallFunction("=", both, w.condition->location));
    } else {
      BB_ASSIGN_OR_RAISE(cond, RequireBoolean(cond, "CASE/WHEN", w.condition->location));
    }
    conditions.push_back(std::move(cond));
    BB_ASSIGN_OR_RAISE(ExprPtr result, Bind(*w.result));
    results.push_back(std::move(result));
  }
  if (expr.else_result) {
    BB_ASSIGN_OR_RAISE(ExprPtr other, Bind(*expr.else_result));
    results.push_back(std::move(other));
  }
  BB_ASSIGN_OR_RAISE(results, CastToCommonType(std::move(results), "CASE", expr.location));
  std::vector<ExprPtr> children;
  for (size_t i = 0; i < conditions.size(); ++i) {
    children.push_back(conditions[i]);
    children.push_back(results[i]);
  }
  DataTypePtr type = results[0]->type;
  if (expr.else_result) children.push_back(results.back());
  auto e = std::make_shared<Expression>(*MakeExpr(BoundExprKind::kCase, type, children));
  e->has_else = expr.else_result != nullptr;
  return ExprPtr(e);
}

Result<ExprPtr> ExpressionBinder::BindConditional(const ConditionalExpr& expr) {
  std::vector<ExprPtr> args;
  for (const auto& a : expr.args) {
    BB_ASSIGN_OR_RAISE(ExprPtr bound, Bind(*a));
    args.push_back(std::move(bound));
  }
  switch (expr.op) {
    case ConditionalOp::kCoalesce: {
      BB_ASSIGN_OR_RAISE(args, CastToCommonType(std::move(args), "COALESCE", expr.location));
      DataTypePtr type = args[0]->type;
      return MakeExpr(BoundExprKind::kCoalesce, type, std::move(args));
    }
    case ConditionalOp::kNullIf: {
      BB_ASSIGN_OR_RAISE(auto both, CastToCommonType(args, "NULLIF", expr.location));
      BB_ASSIGN_OR_RAISE(ExprPtr eq, CallFunction("=", both, expr.location));
      ExprPtr value = both[0];
      auto e = std::make_shared<Expression>(*MakeExpr(
          BoundExprKind::kCase, value->type,
          {eq, MakeLiteral(Scalar::MakeNull(value->type)), value}));
      e->has_else = true;
      return ExprPtr(e);
    }
    case ConditionalOp::kGreatest:
    case ConditionalOp::kLeast: {
      const char* name = expr.op == ConditionalOp::kGreatest ? "greatest" : "least";
      BB_ASSIGN_OR_RAISE(args, CastToCommonType(std::move(args), ToUpper(name), expr.location));
      return CallFunction(name, std::move(args), expr.location);
    }
  }
  return Status::Internal("unknown conditional expression");
}

Result<ExprPtr> ExpressionBinder::BindValueFunction(const ValueFunctionExpr& expr) {
  switch (expr.function) {
    case ValueFunction::kCurrentDate:
      return CallFunction("current_date", {}, expr.location);
    case ValueFunction::kCurrentTimestamp:
      return CallFunction("now", {}, expr.location);
    case ValueFunction::kLocalTimestamp: {
      BB_ASSIGN_OR_RAISE(ExprPtr now, CallFunction("now", {}, expr.location));
      return MakeCast(now, Timestamp(TimeUnit::kMicro));
    }
    case ValueFunction::kCurrentTime:
    case ValueFunction::kLocalTime: {
      BB_ASSIGN_OR_RAISE(ExprPtr now, CallFunction("now", {}, expr.location));
      return MakeCast(now, Time64(TimeUnit::kMicro));
    }
    default:
      return MakeLiteral(Scalar::FromUtf8("bundlebase"));
  }
}

namespace {

bool AnyChild(const ParsedExpr& expr, const std::function<bool(const ParsedExpr&)>& pred);

bool Visit(const ParsedExprPtr& e, const std::function<bool(const ParsedExpr&)>& pred) {
  return e && pred(*e);
}

// Applies `pred` to the direct children of `expr` (not into subqueries).
bool AnyChild(const ParsedExpr& expr, const std::function<bool(const ParsedExpr&)>& pred) {
  switch (expr.kind) {
    case ExprKind::kOperator: {
      const auto& o = expr.As<OperatorExpr>();
      return Visit(o.left, pred) || Visit(o.right, pred);
    }
    case ExprKind::kBoolean:
      for (const auto& a : expr.As<BooleanExpr>().args) if (pred(*a)) return true;
      return false;
    case ExprKind::kNullTest: return Visit(expr.As<NullTestExpr>().arg, pred);
    case ExprKind::kBooleanTest: return Visit(expr.As<BooleanTestExpr>().arg, pred);
    case ExprKind::kDistinctFrom: {
      const auto& d = expr.As<DistinctFromExpr>();
      return Visit(d.left, pred) || Visit(d.right, pred);
    }
    case ExprKind::kLike: {
      const auto& l = expr.As<LikeExpr>();
      return Visit(l.arg, pred) || Visit(l.pattern, pred) || Visit(l.escape, pred);
    }
    case ExprKind::kBetween: {
      const auto& b = expr.As<BetweenExpr>();
      return Visit(b.arg, pred) || Visit(b.low, pred) || Visit(b.high, pred);
    }
    case ExprKind::kInList: {
      const auto& in = expr.As<InListExpr>();
      if (Visit(in.arg, pred)) return true;
      for (const auto& v : in.values) if (pred(*v)) return true;
      return false;
    }
    case ExprKind::kFunctionCall: {
      const auto& f = expr.As<FunctionCallExpr>();
      for (const auto& a : f.args) if (pred(*a)) return true;
      return Visit(f.filter, pred);
    }
    case ExprKind::kCast: return Visit(expr.As<CastExpr>().arg, pred);
    case ExprKind::kCase: {
      const auto& c = expr.As<CaseExpr>();
      if (Visit(c.operand, pred) || Visit(c.else_result, pred)) return true;
      for (const auto& w : c.whens) {
        if (Visit(w.condition, pred) || Visit(w.result, pred)) return true;
      }
      return false;
    }
    case ExprKind::kConditional:
      for (const auto& a : expr.As<ConditionalExpr>().args) if (pred(*a)) return true;
      return false;
    case ExprKind::kSubquery: return Visit(expr.As<SubqueryExpr>().test_expr, pred);
    default:
      return false;
  }
}

}  // namespace

bool ContainsAggregate(const ParsedExpr& expr, const FunctionRegistry& registry) {
  if (expr.kind == ExprKind::kFunctionCall) {
    const auto& f = expr.As<FunctionCallExpr>();
    if (!f.over && registry.FindAggregate(LowerName(f.name)) != nullptr) return true;
    if (f.over) {
      // The arguments of a window aggregate are not this level's aggregates, but an aggregate
      // inside them (sum(sum(x)) OVER ()) is.
      for (const auto& a : f.args) {
        if (ContainsAggregate(*a, registry)) return true;
      }
      return false;
    }
  }
  return AnyChild(expr, [&](const ParsedExpr& c) { return ContainsAggregate(c, registry); });
}

bool ContainsWindow(const ParsedExpr& expr) {
  if (expr.kind == ExprKind::kFunctionCall && expr.As<FunctionCallExpr>().over) return true;
  return AnyChild(expr, [](const ParsedExpr& c) { return ContainsWindow(c); });
}

}  // namespace bundlebase::sql
