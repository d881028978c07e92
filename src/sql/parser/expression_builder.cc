// Expressions from libpg_query's parse tree into ParsedExpr nodes (see ast_builder.h).
//
// PostgreSQL encodes several SQL forms as operators or calls: LIKE is the operator ~~ (with
// ESCAPE as a like_escape() call on the pattern), IN lists are A_Expr AEXPR_IN, NULLIF is an
// A_Expr too. They are turned back into the explicit node kinds the binder wants.
#include <fmt/format.h>

#include "sql/parser/ast_builder.h"

namespace bundlebase::sql {
namespace {

using json::Element;
using json::Object;

Status UnsupportedExpression(std::string_view what) {
  return Status::NotImplemented("{} is not supported in SQL expressions", what);
}

// The pattern of LIKE / SIMILAR TO with ESCAPE arrives wrapped in a pg_catalog call.
bool IsEscapeWrapper(Element node, std::string_view function_name) {
  auto parsed = json::AsNode(node);
  if (!parsed.ok() || parsed->type != "FuncCall") return false;
  std::vector<std::string> name = json::GetStringList(parsed->fields, "funcname");
  return name.size() == 2 && name[0] == "pg_catalog" && name[1] == function_name;
}

Result<ValueFunction> ValueFunctionFromOp(std::string_view op) {
  static constexpr std::pair<std::string_view, ValueFunction> kOps[] = {
      {"SVFOP_CURRENT_DATE", ValueFunction::kCurrentDate},
      {"SVFOP_CURRENT_TIME", ValueFunction::kCurrentTime},
      {"SVFOP_CURRENT_TIME_N", ValueFunction::kCurrentTime},
      {"SVFOP_CURRENT_TIMESTAMP", ValueFunction::kCurrentTimestamp},
      {"SVFOP_CURRENT_TIMESTAMP_N", ValueFunction::kCurrentTimestamp},
      {"SVFOP_LOCALTIME", ValueFunction::kLocalTime},
      {"SVFOP_LOCALTIME_N", ValueFunction::kLocalTime},
      {"SVFOP_LOCALTIMESTAMP", ValueFunction::kLocalTimestamp},
      {"SVFOP_LOCALTIMESTAMP_N", ValueFunction::kLocalTimestamp},
      {"SVFOP_CURRENT_ROLE", ValueFunction::kCurrentRole},
      {"SVFOP_CURRENT_USER", ValueFunction::kCurrentUser},
      {"SVFOP_USER", ValueFunction::kUser},
      {"SVFOP_SESSION_USER", ValueFunction::kSessionUser},
      {"SVFOP_CURRENT_CATALOG", ValueFunction::kCurrentCatalog},
      {"SVFOP_CURRENT_SCHEMA", ValueFunction::kCurrentSchema},
  };
  for (const auto& [name, function] : kOps) {
    if (name == op) return function;
  }
  return UnsupportedExpression(op);
}

}  // namespace

Result<std::vector<ParsedExprPtr>> AstBuilder::BuildExprList(const std::vector<Element>& nodes) {
  std::vector<ParsedExprPtr> out;
  for (Element node : nodes) {
    BB_ASSIGN_OR_RAISE(auto expr, BuildExpr(node));
    out.push_back(std::move(expr));
  }
  return out;
}

Result<ParsedExprPtr> AstBuilder::BuildExpr(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
  Object f = node.fields;
  int location = Shift(json::RawLocation(f));
  std::string_view type = node.type;
  if (type == "ColumnRef") return BuildColumnRef(f);
  if (type == "A_Const") return BuildConstant(f);
  if (type == "A_Expr") return BuildAExpr(f);
  if (type == "FuncCall") return BuildFuncCall(f);
  if (type == "SubLink") return BuildSubLink(f);
  if (type == "A_Indirection") return BuildIndirection(f);
  if (type == "SQLValueFunction") return BuildValueFunction(f);
  if (type == "CaseExpr") return BuildCase(f);
  if (type == "ParamRef") {
    return ParsedExprPtr(
        std::make_unique<ParameterExpr>(static_cast<int>(json::GetInt(f, "number")), location));
  }
  if (type == "BoolExpr") {
    std::string_view op = json::GetString(f, "boolop");
    BooleanOp bool_op = op == "AND_EXPR"  ? BooleanOp::kAnd
                        : op == "OR_EXPR" ? BooleanOp::kOr
                                          : BooleanOp::kNot;
    auto expr = std::make_unique<BooleanExpr>(bool_op, location);
    BB_ASSIGN_OR_RAISE(expr->args, BuildExprList(json::GetList(f, "args")));
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "NullTest") {
    auto expr = std::make_unique<NullTestExpr>(location);
    BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*json::Get(f, "arg")));
    expr->negated = json::GetString(f, "nulltesttype") == "IS_NOT_NULL";
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "BooleanTest") {
    auto expr = std::make_unique<BooleanTestExpr>(location);
    BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*json::Get(f, "arg")));
    std::string_view test = json::GetString(f, "booltesttype");
    expr->negated = test.find("_NOT_") != std::string_view::npos;
    expr->value = test.ends_with("TRUE")    ? TruthValue::kTrue
                  : test.ends_with("FALSE") ? TruthValue::kFalse
                                            : TruthValue::kUnknown;
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "TypeCast") {
    auto expr = std::make_unique<CastExpr>(location);
    BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*json::Get(f, "arg")));
    BB_ASSIGN_OR_RAISE(expr->type, BuildTypeName(*json::Get(f, "typeName")));
    // DATE '2024-01-01' has no location of its own; it starts at the type name.
    if (expr->location < 0) expr->location = expr->type.location;
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "CoalesceExpr" || type == "MinMaxExpr") {
    ConditionalOp op = type == "CoalesceExpr"                          ? ConditionalOp::kCoalesce
                       : json::GetString(f, "op") == "IS_GREATEST" ? ConditionalOp::kGreatest
                                                                       : ConditionalOp::kLeast;
    auto expr = std::make_unique<ConditionalExpr>(op, location);
    BB_ASSIGN_OR_RAISE(expr->args, BuildExprList(json::GetList(f, "args")));
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "A_ArrayExpr") {
    auto expr = std::make_unique<ArrayExpr>(location);
    BB_ASSIGN_OR_RAISE(expr->elements, BuildExprList(json::GetList(f, "elements")));
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "NamedArgExpr") {
    auto expr = std::make_unique<NamedArgumentExpr>(location);
    expr->name = std::string(json::GetString(f, "name"));
    BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*json::Get(f, "arg")));
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "RowExpr") {
    auto expr = std::make_unique<RowExpr>(location);
    BB_ASSIGN_OR_RAISE(expr->args, BuildExprList(json::GetList(f, "args")));
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "GroupingFunc") {
    auto expr = std::make_unique<FunctionCallExpr>(location);
    int end = json::RawLocation(f);
    expr->name.push_back(Recover("grouping", json::RawLocation(f), &end));
    BB_ASSIGN_OR_RAISE(expr->args, BuildExprList(json::GetList(f, "args")));
    return ParsedExprPtr(std::move(expr));
  }
  if (type == "CollateClause") return UnsupportedExpression("COLLATE");
  if (type == "SetToDefault") return UnsupportedExpression("DEFAULT");
  if (type == "XmlExpr" || type == "XmlSerialize") return UnsupportedExpression("XML");
  return UnsupportedExpression(fmt::format("the expression {}", type));
}

Result<ParsedExprPtr> AstBuilder::BuildColumnRef(Object f) {
  int raw_location = json::RawLocation(f);
  std::vector<Element> fields = json::GetList(f, "fields");
  std::vector<std::string> names;
  bool star = false;
  for (Element field : fields) {
    if (field.at_key("A_Star").error() == simdjson::SUCCESS) {
      star = true;
    } else {
      names.push_back(json::StringNodeValue(field));
    }
  }
  int end = raw_location;
  QualifiedName parts = RecoverQualified(names, raw_location, &end);
  if (star) {
    auto expr = std::make_unique<StarExpr>(Shift(raw_location));
    expr->qualifier = std::move(parts);
    return ParsedExprPtr(std::move(expr));
  }
  auto expr = std::make_unique<ColumnRefExpr>(Shift(raw_location));
  expr->parts = std::move(parts);
  return ParsedExprPtr(std::move(expr));
}

Result<ParsedExprPtr> AstBuilder::BuildConstant(Object f) {
  int raw_location = json::RawLocation(f);
  int location = Shift(raw_location);
  if (json::GetBool(f, "isnull")) {
    return ParsedExprPtr(std::make_unique<ConstantExpr>(ConstantKind::kNull, location));
  }
  if (auto ival = json::Get(f, "ival")) {
    auto expr = std::make_unique<ConstantExpr>(ConstantKind::kInteger, location);
    int64_t value;
    // libpg_query 15 writes no value for zero and for negative integers: read them back.
    if (ival->at_key("ival").get_int64().get(value) != simdjson::SUCCESS) {
      value = RecoverIntegerLiteral(raw_location);
    }
    expr->integer = value;
    return ParsedExprPtr(std::move(expr));
  }
  if (auto fval = json::Get(f, "fval")) {
    auto expr = std::make_unique<ConstantExpr>(ConstantKind::kNumeric, location);
    expr->text = std::string(json::GetString(fval->get_object(), "fval"));
    return ParsedExprPtr(std::move(expr));
  }
  if (auto sval = json::Get(f, "sval")) {
    auto expr = std::make_unique<ConstantExpr>(ConstantKind::kString, location);
    expr->text = std::string(json::GetString(sval->get_object(), "sval"));
    return ParsedExprPtr(std::move(expr));
  }
  if (auto boolval = json::Get(f, "boolval")) {
    auto expr = std::make_unique<ConstantExpr>(ConstantKind::kBoolean, location);
    expr->boolean = json::GetBool(boolval->get_object(), "boolval");
    return ParsedExprPtr(std::move(expr));
  }
  if (auto bsval = json::Get(f, "bsval")) {
    auto expr = std::make_unique<ConstantExpr>(ConstantKind::kBitString, location);
    expr->text = std::string(json::GetString(bsval->get_object(), "bsval"));
    return ParsedExprPtr(std::move(expr));
  }
  return Status::Internal("constant without a value in the SQL parse tree");
}

Result<ParsedExprPtr> AstBuilder::BuildAExpr(Object f) {
  std::string_view kind = json::GetString(f, "kind");
  int location = Shift(json::RawLocation(f));
  std::vector<std::string> name = json::GetStringList(f, "name");
  std::string op = name.empty() ? "" : name.back();
  auto lexpr = json::Get(f, "lexpr");
  auto rexpr = json::Get(f, "rexpr");
  if (kind == "AEXPR_OP") {
    auto expr = std::make_unique<OperatorExpr>(location);
    expr->op = op;
    if (lexpr) {
      BB_ASSIGN_OR_RAISE(expr->left, BuildExpr(*lexpr));
    }
    BB_ASSIGN_OR_RAISE(expr->right, BuildExpr(*rexpr));
    return ParsedExprPtr(std::move(expr));
  }
  if (kind == "AEXPR_DISTINCT" || kind == "AEXPR_NOT_DISTINCT") {
    auto expr = std::make_unique<DistinctFromExpr>(location);
    expr->negated = kind == "AEXPR_NOT_DISTINCT";
    BB_ASSIGN_OR_RAISE(expr->left, BuildExpr(*lexpr));
    BB_ASSIGN_OR_RAISE(expr->right, BuildExpr(*rexpr));
    return ParsedExprPtr(std::move(expr));
  }
  if (kind == "AEXPR_NULLIF") {
    auto expr = std::make_unique<ConditionalExpr>(ConditionalOp::kNullIf, location);
    BB_ASSIGN_OR_RAISE(auto left, BuildExpr(*lexpr));
    BB_ASSIGN_OR_RAISE(auto right, BuildExpr(*rexpr));
    expr->args.push_back(std::move(left));
    expr->args.push_back(std::move(right));
    return ParsedExprPtr(std::move(expr));
  }
  if (kind == "AEXPR_IN") {
    auto expr = std::make_unique<InListExpr>(location);
    expr->negated = op == "<>";
    BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*lexpr));
    BB_ASSIGN_OR_RAISE(json::Node list, json::AsNode(*rexpr));
    BB_ASSIGN_OR_RAISE(expr->values, BuildExprList(json::GetList(list.fields, "items")));
    return ParsedExprPtr(std::move(expr));
  }
  if (kind == "AEXPR_LIKE") return BuildPatternMatch(f, LikeKind::kLike);
  if (kind == "AEXPR_ILIKE") return BuildPatternMatch(f, LikeKind::kILike);
  if (kind == "AEXPR_SIMILAR") return BuildPatternMatch(f, LikeKind::kSimilarTo);
  if (kind.starts_with("AEXPR_BETWEEN") || kind.starts_with("AEXPR_NOT_BETWEEN")) {
    auto expr = std::make_unique<BetweenExpr>(location);
    expr->negated = kind.starts_with("AEXPR_NOT_");
    expr->symmetric = kind.ends_with("_SYM");
    BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*lexpr));
    BB_ASSIGN_OR_RAISE(json::Node list, json::AsNode(*rexpr));
    BB_ASSIGN_OR_RAISE(auto bounds, BuildExprList(json::GetList(list.fields, "items")));
    if (bounds.size() != 2) return Status::Internal("BETWEEN without two bounds");
    expr->low = std::move(bounds[0]);
    expr->high = std::move(bounds[1]);
    return ParsedExprPtr(std::move(expr));
  }
  if (kind == "AEXPR_OP_ANY" || kind == "AEXPR_OP_ALL") {
    return Status::NotImplemented(
        "{} {} (array) is not supported; use IN (...) or {} {} (SELECT ...)", op,
        kind == "AEXPR_OP_ANY" ? "ANY" : "ALL", op, kind == "AEXPR_OP_ANY" ? "ANY" : "ALL");
  }
  return UnsupportedExpression(fmt::format("the operator form {}", kind));
}

Result<ParsedExprPtr> AstBuilder::BuildPatternMatch(Object f, LikeKind like_kind) {
  auto expr = std::make_unique<LikeExpr>(Shift(json::RawLocation(f)));
  expr->like_kind = like_kind;
  std::vector<std::string> name = json::GetStringList(f, "name");
  expr->negated = !name.empty() && name.back().starts_with("!");
  BB_ASSIGN_OR_RAISE(expr->arg, BuildExpr(*json::Get(f, "lexpr")));
  Element pattern = *json::Get(f, "rexpr");
  std::string_view wrapper = like_kind == LikeKind::kSimilarTo ? "similar_to_escape" : "like_escape";
  if (IsEscapeWrapper(pattern, wrapper)) {
    BB_ASSIGN_OR_RAISE(json::Node call, json::AsNode(pattern));
    BB_ASSIGN_OR_RAISE(auto args, BuildExprList(json::GetList(call.fields, "args")));
    if (args.empty()) return Status::Internal("{} without arguments", wrapper);
    expr->pattern = std::move(args[0]);
    if (args.size() > 1) expr->escape = std::move(args[1]);
  } else {
    BB_ASSIGN_OR_RAISE(expr->pattern, BuildExpr(pattern));
  }
  return ParsedExprPtr(std::move(expr));
}

Result<ParsedExprPtr> AstBuilder::BuildFuncCall(Object f) {
  int raw_location = json::RawLocation(f);
  auto expr = std::make_unique<FunctionCallExpr>(Shift(raw_location));
  std::vector<std::string> name = json::GetStringList(f, "funcname");
  expr->sql_syntax = json::GetString(f, "funcformat") == "COERCE_SQL_SYNTAX";
  if (expr->sql_syntax) {
    // The user wrote SQL syntax (EXTRACT(... FROM ...), AT TIME ZONE), not this name.
    expr->name.push_back(Identifier{name.back(), false, -1});
  } else {
    int end = raw_location;
    expr->name = RecoverQualified(name, raw_location, &end);
  }
  if (json::GetBool(f, "func_variadic")) return UnsupportedExpression("VARIADIC");
  if (json::GetBool(f, "agg_within_group")) return UnsupportedExpression("WITHIN GROUP");
  expr->star = json::GetBool(f, "agg_star");
  expr->distinct = json::GetBool(f, "agg_distinct");
  BB_ASSIGN_OR_RAISE(expr->args, BuildExprList(json::GetList(f, "args")));
  BB_ASSIGN_OR_RAISE(expr->order_by, BuildSortList(json::GetList(f, "agg_order")));
  if (auto filter = json::Get(f, "agg_filter")) {
    BB_ASSIGN_OR_RAISE(expr->filter, BuildExpr(*filter));
  }
  if (auto over = json::Get(f, "over")) {
    BB_ASSIGN_OR_RAISE(expr->over, BuildWindowDef(over->get_object(), true));
  }
  return ParsedExprPtr(std::move(expr));
}

Result<ParsedExprPtr> AstBuilder::BuildSubLink(Object f) {
  std::string_view type = json::GetString(f, "subLinkType");
  SubqueryKind kind;
  if (type == "EXPR_SUBLINK") {
    kind = SubqueryKind::kScalar;
  } else if (type == "EXISTS_SUBLINK") {
    kind = SubqueryKind::kExists;
  } else if (type == "ANY_SUBLINK") {
    kind = SubqueryKind::kAny;
  } else if (type == "ALL_SUBLINK") {
    kind = SubqueryKind::kAll;
  } else if (type == "ARRAY_SUBLINK") {
    kind = SubqueryKind::kArray;
  } else {
    return UnsupportedExpression("a row comparison with a subquery");
  }
  auto expr = std::make_unique<SubqueryExpr>(kind, Shift(json::RawLocation(f)));
  BB_ASSIGN_OR_RAISE(expr->query, BuildQuery(*json::Get(f, "subselect")));
  if (auto test = json::Get(f, "testexpr")) {
    BB_ASSIGN_OR_RAISE(expr->test_expr, BuildExpr(*test));
    std::vector<std::string> op = json::GetStringList(f, "operName");
    expr->in_syntax = op.empty();
    expr->op = op.empty() ? "=" : op.back();
  }
  return ParsedExprPtr(std::move(expr));
}

Result<ParsedExprPtr> AstBuilder::BuildIndirection(Object f) {
  BB_ASSIGN_OR_RAISE(ParsedExprPtr current, BuildExpr(*json::Get(f, "arg")));
  for (Element step : json::GetList(f, "indirection")) {
    BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(step));
    if (node.type != "A_Indices") {
      return UnsupportedExpression("field selection (x).field");
    }
    auto subscript = std::make_unique<SubscriptExpr>(current->location);
    subscript->slice = json::GetBool(node.fields, "is_slice");
    auto lower = json::Get(node.fields, "lidx");
    auto upper = json::Get(node.fields, "uidx");
    if (subscript->slice) {
      if (lower) {
        BB_ASSIGN_OR_RAISE(subscript->index, BuildExpr(*lower));
      }
      if (upper) {
        BB_ASSIGN_OR_RAISE(subscript->upper, BuildExpr(*upper));
      }
    } else if (upper) {
      BB_ASSIGN_OR_RAISE(subscript->index, BuildExpr(*upper));
    }
    subscript->arg = std::move(current);
    current = std::move(subscript);
  }
  return current;
}

Result<ParsedExprPtr> AstBuilder::BuildValueFunction(Object f) {
  std::string_view op = json::GetString(f, "op");
  BB_ASSIGN_OR_RAISE(ValueFunction function, ValueFunctionFromOp(op));
  auto expr = std::make_unique<ValueFunctionExpr>(function, Shift(json::RawLocation(f)));
  if (op.ends_with("_N")) expr->precision = static_cast<int>(json::GetInt(f, "typmod", -1));
  return ParsedExprPtr(std::move(expr));
}

Result<ParsedExprPtr> AstBuilder::BuildCase(Object f) {
  auto expr = std::make_unique<CaseExpr>(Shift(json::RawLocation(f)));
  if (auto operand = json::Get(f, "arg")) {
    BB_ASSIGN_OR_RAISE(expr->operand, BuildExpr(*operand));
  }
  for (Element when : json::GetList(f, "args")) {
    BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(when));
    CaseWhen item;
    BB_ASSIGN_OR_RAISE(item.condition, BuildExpr(*json::Get(node.fields, "expr")));
    BB_ASSIGN_OR_RAISE(item.result, BuildExpr(*json::Get(node.fields, "result")));
    expr->whens.push_back(std::move(item));
  }
  if (auto otherwise = json::Get(f, "defresult")) {
    BB_ASSIGN_OR_RAISE(expr->else_result, BuildExpr(*otherwise));
  }
  return ParsedExprPtr(std::move(expr));
}

Result<TypeName> AstBuilder::BuildTypeName(Element node) {
  Object f;
  if (node.get_object().get(f) != simdjson::SUCCESS) {
    return Status::Internal("type name without fields in the SQL parse tree");
  }
  TypeName type;
  int raw_location = json::RawLocation(f);
  type.location = Shift(raw_location);
  if (json::GetBool(f, "setof") || json::GetBool(f, "pct_type")) {
    return UnsupportedExpression("SETOF / %TYPE in a type name");
  }
  std::vector<std::string> names = json::GetStringList(f, "names");
  if (names.size() == 2 && names[0] == "pg_catalog") {
    // A SQL-standard spelling (INTEGER, DOUBLE PRECISION): keep PostgreSQL's internal name.
    type.names.push_back(Identifier{names[1], false, type.location});
  } else {
    int end = raw_location;
    type.names = RecoverQualified(names, raw_location, &end);
  }
  BB_ASSIGN_OR_RAISE(type.modifiers, BuildExprList(json::GetList(f, "typmods")));
  for (Element bound : json::GetList(f, "arrayBounds")) {
    int64_t value;
    bool has_value = bound.at_pointer("/Integer/ival").get_int64().get(value) == simdjson::SUCCESS;
    type.array_bounds.push_back(has_value ? static_cast<int>(value) : -1);
  }
  return type;
}

Result<std::vector<OrderByItem>> AstBuilder::BuildSortList(const std::vector<Element>& nodes) {
  std::vector<OrderByItem> out;
  for (Element element : nodes) {
    BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
    std::string_view direction = json::GetString(node.fields, "sortby_dir");
    if (direction == "SORTBY_USING") return UnsupportedExpression("ORDER BY ... USING");
    std::string_view nulls = json::GetString(node.fields, "sortby_nulls");
    OrderByItem item;
    BB_ASSIGN_OR_RAISE(item.expr, BuildExpr(*json::Get(node.fields, "node")));
    item.descending = direction == "SORTBY_DESC";
    item.nulls_first = nulls == "SORTBY_NULLS_FIRST" ||
                       (nulls != "SORTBY_NULLS_LAST" && item.descending);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace bundlebase::sql
