// Queries from libpg_query's parse tree: SELECT blocks, set operations, VALUES, the FROM
// clause, GROUP BY and WITH (see ast_builder.h).
#include <fmt/format.h>

#include "sql/parser/ast_builder.h"

namespace bundlebase::sql {
namespace {

using json::Element;
using json::Object;

Status UnsupportedQuery(std::string_view what) {
  return Status::NotImplemented("{} is not supported in queries", what);
}

}  // namespace

Result<QueryNodePtr> AstBuilder::BuildQuery(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
  if (node.type != "SelectStmt") {
    return UnsupportedQuery(fmt::format("a {} in place of a query", node.type));
  }
  return BuildSelectFields(node.fields);
}

Result<QueryNodePtr> AstBuilder::BuildSelectFields(Object f) {
  BB_ASSIGN_OR_RAISE(QueryNodePtr query, BuildSelectBody(f));
  BB_RETURN_NOT_OK(BuildQueryModifiers(f, *query));
  return query;
}

Result<QueryNodePtr> AstBuilder::BuildSelectBody(Object f) {
  if (json::Get(f, "intoClause")) return UnsupportedQuery("SELECT ... INTO");
  if (json::Get(f, "lockingClause")) return UnsupportedQuery("FOR UPDATE / FOR SHARE");
  std::string_view op = json::GetString(f, "op");
  if (op != "SETOP_NONE" && !op.empty()) {
    auto node = std::make_unique<SetOperationNode>(-1);
    node->op = op == "SETOP_UNION"       ? SetOperation::kUnion
               : op == "SETOP_INTERSECT" ? SetOperation::kIntersect
                                         : SetOperation::kExcept;
    node->all = json::GetBool(f, "all");
    BB_ASSIGN_OR_RAISE(node->left, BuildSelectFields(json::Get(f, "larg")->get_object()));
    BB_ASSIGN_OR_RAISE(node->right, BuildSelectFields(json::Get(f, "rarg")->get_object()));
    return QueryNodePtr(std::move(node));
  }
  if (auto values = json::GetList(f, "valuesLists"); !values.empty()) {
    auto node = std::make_unique<ValuesNode>(-1);
    for (Element row : values) {
      BB_ASSIGN_OR_RAISE(json::Node list, json::AsNode(row));
      BB_ASSIGN_OR_RAISE(auto exprs, BuildExprList(json::GetList(list.fields, "items")));
      node->rows.push_back(std::move(exprs));
    }
    return QueryNodePtr(std::move(node));
  }
  auto node = std::make_unique<SelectNode>(-1);
  std::vector<Element> distinct = json::GetList(f, "distinctClause");
  node->distinct = !distinct.empty();
  for (Element item : distinct) {
    // Plain DISTINCT is a list holding one empty object; DISTINCT ON lists expressions.
    Object object;
    if (item.get_object().get(object) == simdjson::SUCCESS && object.size() == 0) continue;
    BB_ASSIGN_OR_RAISE(auto expr, BuildExpr(item));
    node->distinct_on.push_back(std::move(expr));
  }
  for (Element target : json::GetList(f, "targetList")) {
    BB_ASSIGN_OR_RAISE(json::Node res, json::AsNode(target));
    SelectItem item;
    Element value = *json::Get(res.fields, "val");
    BB_ASSIGN_OR_RAISE(item.expr, BuildExpr(value));
    std::string_view alias = json::GetString(res.fields, "name");
    if (!alias.empty()) {
      int raw_location = json::RawLocation(res.fields);
      item.alias = Recover(alias, EndOfSubtree(value, raw_location), nullptr);
    }
    node->select_list.push_back(std::move(item));
  }
  for (Element from : json::GetList(f, "fromClause")) {
    BB_ASSIGN_OR_RAISE(auto ref, BuildTableRef(from));
    node->from.push_back(std::move(ref));
  }
  if (auto where = json::Get(f, "whereClause")) {
    BB_ASSIGN_OR_RAISE(node->where, BuildExpr(*where));
  }
  if (json::GetBool(f, "groupDistinct")) return UnsupportedQuery("GROUP BY DISTINCT");
  for (Element group : json::GetList(f, "groupClause")) {
    BB_ASSIGN_OR_RAISE(auto element, BuildGroupingElement(group));
    node->group_by.push_back(std::move(element));
  }
  if (auto having = json::Get(f, "havingClause")) {
    BB_ASSIGN_OR_RAISE(node->having, BuildExpr(*having));
  }
  for (Element window : json::GetList(f, "windowClause")) {
    BB_ASSIGN_OR_RAISE(json::Node def, json::AsNode(window));
    BB_ASSIGN_OR_RAISE(auto spec, BuildWindowDef(def.fields, false));
    node->windows.push_back(std::move(*spec));
  }
  return QueryNodePtr(std::move(node));
}

Status AstBuilder::BuildQueryModifiers(Object f, QueryNode& query) {
  if (auto with = json::Get(f, "withClause")) {
    BB_ASSIGN_OR_RAISE(query.with, BuildWithClause(with->get_object()));
  }
  BB_ASSIGN_OR_RAISE(query.order_by, BuildSortList(json::GetList(f, "sortClause")));
  if (json::GetString(f, "limitOption") == "LIMIT_OPTION_WITH_TIES") {
    return UnsupportedQuery("FETCH ... WITH TIES");
  }
  if (auto limit = json::Get(f, "limitCount")) {
    BB_ASSIGN_OR_RAISE(query.limit, BuildExpr(*limit));
  }
  if (auto offset = json::Get(f, "limitOffset")) {
    BB_ASSIGN_OR_RAISE(query.offset, BuildExpr(*offset));
  }
  return Status::OK();
}

Result<WithClause> AstBuilder::BuildWithClause(Object f) {
  WithClause with;
  with.recursive = json::GetBool(f, "recursive");
  for (Element element : json::GetList(f, "ctes")) {
    BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
    CommonTableExpr cte;
    int raw_location = json::RawLocation(node.fields);
    cte.location = Shift(raw_location);
    int end = raw_location;
    cte.name = Recover(json::GetString(node.fields, "ctename"), raw_location, &end);
    cte.column_aliases =
        RecoverSequence(json::GetStringList(node.fields, "aliascolnames"), end, nullptr);
    BB_ASSIGN_OR_RAISE(cte.query, BuildQuery(*json::Get(node.fields, "ctequery")));
    with.ctes.push_back(std::move(cte));
  }
  return with;
}

QualifiedName AstBuilder::BuildRangeVarName(Object f, int* raw_end) {
  std::vector<std::string> names;
  for (std::string_view key : {"catalogname", "schemaname", "relname"}) {
    std::string_view part = json::GetString(f, key);
    if (!part.empty()) names.emplace_back(part);
  }
  return RecoverQualified(names, json::RawLocation(f), raw_end);
}

void AstBuilder::BuildAlias(Object f, int raw_end, TableRef& ref) {
  auto alias = json::Get(f, "alias");
  if (!alias) return;
  Object alias_fields = alias->get_object();
  int end = raw_end;
  ref.alias = Recover(json::GetString(alias_fields, "aliasname"), raw_end, &end);
  ref.column_aliases = RecoverSequence(json::GetStringList(alias_fields, "colnames"), end, nullptr);
}

Result<TableRefPtr> AstBuilder::BuildTableRef(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
  Object f = node.fields;
  if (node.type == "RangeVar") {
    auto ref = std::make_unique<BaseTableRef>(Shift(json::RawLocation(f)));
    int end = json::RawLocation(f);
    ref->name = BuildRangeVarName(f, &end);
    BuildAlias(f, end, *ref);
    return TableRefPtr(std::move(ref));
  }
  if (node.type == "RangeSubselect") {
    Element subquery = *json::Get(f, "subquery");
    auto ref = std::make_unique<SubqueryRef>(-1);
    ref->lateral = json::GetBool(f, "lateral");
    BB_ASSIGN_OR_RAISE(ref->query, BuildQuery(subquery));
    BuildAlias(f, EndOfSubtree(subquery, 0), *ref);
    ref->location = ref->alias ? ref->alias->location : -1;
    return TableRefPtr(std::move(ref));
  }
  if (node.type == "RangeFunction") {
    if (json::GetBool(f, "ordinality")) return UnsupportedQuery("WITH ORDINALITY");
    std::vector<Element> functions = json::GetList(f, "functions");
    if (json::GetBool(f, "is_rowsfrom") || functions.size() != 1) {
      return UnsupportedQuery("ROWS FROM (...)");
    }
    if (json::Get(f, "coldeflist")) return UnsupportedQuery("a column definition list");
    BB_ASSIGN_OR_RAISE(json::Node pair, json::AsNode(functions[0]));
    std::vector<Element> items = json::GetList(pair.fields, "items");
    if (items.empty()) return Status::Internal("table function without a call");
    BB_ASSIGN_OR_RAISE(ParsedExprPtr call, BuildExpr(items[0]));
    if (call->kind != ExprKind::kFunctionCall) {
      return UnsupportedQuery(fmt::format("{} in FROM", call->ToString()));
    }
    auto ref = std::make_unique<TableFunctionRef>(call->location);
    ref->lateral = json::GetBool(f, "lateral");
    ref->call.reset(static_cast<FunctionCallExpr*>(call.release()));
    // The call's text ends after its closing parenthesis, past its last argument.
    int end = EndOfSubtree(items[0], 0);
    const std::vector<SourceToken>& tokens = scanner_.tokens();
    size_t close = scanner_.FirstTokenAtOrAfter(end);
    if (close < tokens.size() && tokens[close].text == ")") end = tokens[close].end;
    BuildAlias(f, end, *ref);
    return TableRefPtr(std::move(ref));
  }
  if (node.type == "JoinExpr") return BuildJoin(f);
  if (node.type == "RangeTableSample") return UnsupportedQuery("TABLESAMPLE");
  return UnsupportedQuery(fmt::format("{} in FROM", node.type));
}

Result<TableRefPtr> AstBuilder::BuildJoin(Object f) {
  auto join = std::make_unique<JoinRef>(-1);
  std::string_view type = json::GetString(f, "jointype");
  if (type == "JOIN_LEFT") {
    join->join_type = JoinType::kLeft;
  } else if (type == "JOIN_RIGHT") {
    join->join_type = JoinType::kRight;
  } else if (type == "JOIN_FULL") {
    join->join_type = JoinType::kFull;
  } else if (type != "JOIN_INNER") {
    return UnsupportedQuery(fmt::format("the join type {}", type));
  }
  join->natural = json::GetBool(f, "isNatural");
  Element right = *json::Get(f, "rarg");
  BB_ASSIGN_OR_RAISE(join->left, BuildTableRef(*json::Get(f, "larg")));
  BB_ASSIGN_OR_RAISE(join->right, BuildTableRef(right));
  if (auto quals = json::Get(f, "quals")) {
    BB_ASSIGN_OR_RAISE(join->on, BuildExpr(*quals));
    join->location = join->on->location;
  }
  std::vector<std::string> using_names = json::GetStringList(f, "usingClause");
  int end = EndOfSubtree(right, 0);
  if (!using_names.empty()) {
    if (json::Get(f, "join_using_alias")) return UnsupportedQuery("USING (...) AS alias");
    join->using_columns = RecoverSequence(using_names, end, &end);
    join->location = join->using_columns.front().location;
  }
  if (join->join_type == JoinType::kInner && !join->natural && !join->on &&
      using_names.empty()) {
    join->join_type = JoinType::kCross;
  }
  if (join->on) end = EndOfSubtree(*json::Get(f, "quals"), end);
  BuildAlias(f, end, *join);
  return TableRefPtr(std::move(join));
}

Result<GroupingElement> AstBuilder::BuildGroupingElement(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
  GroupingElement group;
  if (node.type != "GroupingSet") {
    BB_ASSIGN_OR_RAISE(group.expr, BuildExpr(element));
    group.location = group.expr->location;
    return group;
  }
  group.location = Shift(json::RawLocation(node.fields));
  std::string_view kind = json::GetString(node.fields, "kind");
  std::vector<Element> content = json::GetList(node.fields, "content");
  if (kind == "GROUPING_SET_EMPTY") {
    group.kind = GroupingKind::kEmpty;
  } else if (kind == "GROUPING_SET_ROLLUP" || kind == "GROUPING_SET_CUBE") {
    group.kind = kind == "GROUPING_SET_ROLLUP" ? GroupingKind::kRollup : GroupingKind::kCube;
    BB_ASSIGN_OR_RAISE(group.exprs, BuildExprList(content));
  } else if (kind == "GROUPING_SET_SETS") {
    group.kind = GroupingKind::kGroupingSets;
    for (Element item : content) {
      BB_ASSIGN_OR_RAISE(auto set, BuildGroupingElement(item));
      group.sets.push_back(std::move(set));
    }
  } else {
    return UnsupportedQuery(fmt::format("the grouping form {}", kind));
  }
  return group;
}

}  // namespace bundlebase::sql
