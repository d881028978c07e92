// Turns libpg_query's JSON parse tree into our AST (ast.h). Internal to the parser.
//
// PostgreSQL's tree has lost two things we need: the spelling of unquoted identifiers (it
// folds them to lower case) and, for aliases and some name lists, where they were written. The
// builder recovers both from the source text with a SourceScanner: at a node's location it
// reads the name as written; where the tree gives no location it looks for the first token at
// or after the end of the preceding node that folds to the same name. Every location it stores
// is shifted by `shift`, so it is relative to the statement (or fragment) text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bundlebase/result.h"
#include "sql/parser/ast.h"
#include "sql/parser/json_node.h"
#include "sql/parser/source_scanner.h"

namespace bundlebase::sql {

class AstBuilder {
 public:
  // `sql` is the full text given to libpg_query (its locations index into it); `shift` is
  // subtracted from every location stored in the AST.
  AstBuilder(std::string_view sql, int shift);

  Result<StatementPtr> BuildStatement(json::Element node);
  Result<ParsedExprPtr> BuildExpr(json::Element node);
  // A {"SelectStmt": {...}} node.
  Result<QueryNodePtr> BuildQuery(json::Element node);
  // The fields of a SelectStmt (set operation children come without the wrapper).
  Result<QueryNodePtr> BuildSelectFields(json::Object fields);
  // One UPDATE SET target: {"ResTarget": {"name": ..., "val": ..., "location": ...}}.
  Result<Assignment> BuildAssignment(json::Element node);

 private:
  // expression_builder.cc
  Result<std::vector<ParsedExprPtr>> BuildExprList(const std::vector<json::Element>& nodes);
  Result<ParsedExprPtr> BuildColumnRef(json::Object fields);
  Result<ParsedExprPtr> BuildConstant(json::Object fields);
  Result<ParsedExprPtr> BuildAExpr(json::Object fields);
  Result<ParsedExprPtr> BuildPatternMatch(json::Object fields, LikeKind like_kind);
  Result<ParsedExprPtr> BuildFuncCall(json::Object fields);
  Result<ParsedExprPtr> BuildSubLink(json::Object fields);
  Result<ParsedExprPtr> BuildIndirection(json::Object fields);
  Result<ParsedExprPtr> BuildValueFunction(json::Object fields);
  Result<ParsedExprPtr> BuildCase(json::Object fields);
  Result<TypeName> BuildTypeName(json::Element node);
  Result<std::unique_ptr<WindowSpec>> BuildWindowDef(json::Object fields, bool in_over);
  Result<std::vector<OrderByItem>> BuildSortList(const std::vector<json::Element>& nodes);

  // query_builder.cc
  Result<TableRefPtr> BuildTableRef(json::Element node);
  Result<TableRefPtr> BuildJoin(json::Object fields);
  Result<GroupingElement> BuildGroupingElement(json::Element node);
  Result<WithClause> BuildWithClause(json::Object fields);
  Result<QueryNodePtr> BuildSelectBody(json::Object fields);
  Status BuildQueryModifiers(json::Object fields, QueryNode& query);
  QualifiedName BuildRangeVarName(json::Object fields, int* raw_end);
  // Reads the alias {"aliasname", "colnames"} of a FROM item whose own text ends at raw_end.
  void BuildAlias(json::Object fields, int raw_end, TableRef& ref);

  // statement_builder.cc
  Result<StatementPtr> BuildInsert(json::Object fields);
  Result<StatementPtr> BuildCreateTable(json::Object fields);
  Result<StatementPtr> BuildCreateTableAs(json::Object fields);
  Result<StatementPtr> BuildCreateView(json::Object fields);
  Result<StatementPtr> BuildDrop(json::Object fields);
  Result<StatementPtr> BuildExplain(json::Object fields);
  Result<StatementPtr> BuildCopy(json::Object fields);
  Result<StatementPtr> BuildDelete(json::Object fields);
  Result<StatementPtr> BuildUpdate(json::Object fields);
  Result<std::unique_ptr<ConstantExpr>> BuildOptionValue(json::Element node);

  // identifier_recovery.cc
  int Shift(int raw_location) const { return raw_location < 0 ? -1 : raw_location - shift_; }
  // The name PostgreSQL reported as `folded`, as written at the first token at or after
  // `raw_from` that spells it; sets *raw_end past that token. Falls back to `folded` itself.
  Identifier Recover(std::string_view folded, int raw_from, int* raw_end);
  QualifiedName RecoverQualified(const std::vector<std::string>& folded, int raw_from,
                                 int* raw_end);
  std::vector<Identifier> RecoverSequence(const std::vector<std::string>& folded, int raw_from,
                                          int* raw_end);
  // Where the source text of `node` ends: just past the token at its largest location (and a
  // dotted name continuing it). raw_from when the subtree has no location.
  int EndOfSubtree(json::Element node, int raw_from);
  // The value of an integer literal at `raw_location` that the JSON left out (zero or negative).
  int64_t RecoverIntegerLiteral(int raw_location) const;

  std::string_view sql_;
  int shift_;
  SourceScanner scanner_;
};

// "CREATE INDEX is not supported" for a parse tree node type such as "IndexStmt".
Status UnsupportedStatement(std::string_view node_type);

}  // namespace bundlebase::sql
