// The SQL parser's entry points (see parser.h): run libpg_query, read its JSON with simdjson,
// build our AST.
//
// Fragments are parsed by wrapping them into a statement ("SELECT " + expression), checking
// the statement holds nothing but the fragment, and shifting locations (and syntax error
// positions) back so they point into the caller's text.
#include "sql/parser/parser.h"

#include <functional>
#include <initializer_list>

#include <pg_query.h>
#include <simdjson.h>

#include "base/strings.h"
#include "sql/parser/ast_builder.h"
#include "sql/parser/error_position.h"
#include "sql/parser/source_scanner.h"

namespace bundlebase::sql {
namespace {

// Deeper JSON than this is refused: it protects the recursive tree walk. Each level of
// expression nesting costs about two levels of JSON.
constexpr size_t kMaxJsonDepth = 1000;

std::vector<json::Element> Elements(json::Element array) {
  std::vector<json::Element> out;
  simdjson::dom::array items;
  if (array.get_array().get(items) != simdjson::SUCCESS) return out;
  for (json::Element item : items) out.push_back(item);
  return out;
}

// Receives the parsed tree: the text that was parsed, and the entries of its "stmts" array.
using TreeConsumer =
    std::function<Status(std::string_view parsed_text, const std::vector<json::Element>& stmts)>;

// Parses `full_text`; syntax error positions are reported against `shown_text`, which starts
// `shown_offset` bytes into `full_text`.
Status ParseTree(const std::string& full_text, std::string_view shown_text, int shown_offset,
                 const TreeConsumer& consume) {
  PgQueryParseResult result = pg_query_parse(full_text.c_str());
  struct Release {
    PgQueryParseResult& result;
    ~Release() { pg_query_free_parse_result(result); }
  } release{result};
  if (result.error) {
    int position = result.error->cursorpos > 0 ? result.error->cursorpos - 1 - shown_offset : -1;
    if (result.error->cursorpos > 0 && position < 0) position = 0;
    std::string_view message = result.error->message;
    // PostgreSQL's grammar runs out of stack on absurdly nested input.
    if (message.starts_with("memory exhausted")) {
      return Status::Invalid("the SQL statement is nested too deeply; simplify it{}",
                             PositionSuffix(shown_text, position));
    }
    return Status::Invalid("{}{}", message, PositionSuffix(shown_text, position));
  }
  simdjson::dom::parser parser;
  std::string_view tree(result.parse_tree);
  if (parser.allocate(tree.size(), kMaxJsonDepth) != simdjson::SUCCESS) {
    return Status::ResourceExhausted("out of memory reading the SQL parse tree");
  }
  simdjson::padded_string padded(tree);
  json::Element root;
  simdjson::error_code error = parser.parse(padded).get(root);
  if (error == simdjson::DEPTH_ERROR) {
    return Status::Invalid("the SQL statement is nested too deeply; simplify it");
  }
  if (error != simdjson::SUCCESS) {
    return Status::Internal("cannot read the SQL parse tree: {}", simdjson::error_message(error));
  }
  json::Element stmts;
  if (root.at_key("stmts").get(stmts) != simdjson::SUCCESS) return consume(full_text, {});
  return consume(full_text, Elements(stmts));
}

// The only statement of a wrapped fragment, as a node of the expected type whose fields are
// all in `allowed`; Invalid otherwise ("expected <what>").
Result<json::Object> SingleStatement(const std::vector<json::Element>& items,
                                     std::string_view type,
                                     std::initializer_list<std::string_view> allowed,
                                     std::string_view what, std::string_view text) {
  auto invalid = [&] {
    return Status::Invalid("expected {}, got: {}", what, EscapeForDisplay(Trim(text)));
  };
  if (items.size() != 1) return invalid();
  json::Element stmt;
  if (items[0].at_key("stmt").get(stmt) != simdjson::SUCCESS) return invalid();
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(stmt));
  if (node.type != type) return invalid();
  for (auto [key, value] : node.fields) {
    bool ok = false;
    for (std::string_view name : allowed) ok = ok || key == name;
    if (!ok) return invalid();
  }
  return node.fields;
}

// True if the first word of `text` is `keyword` used as a keyword rather than as a column name
// (a column would be followed by '=', '.' or '[').
bool StartsWithKeyword(std::string_view text, std::string_view keyword) {
  SourceScanner scanner(text);
  const std::vector<SourceToken>& tokens = scanner.tokens();
  if (tokens.empty() || tokens[0].type != TokenType::kWord ||
      !EqualsIgnoreCase(tokens[0].text, keyword)) {
    return false;
  }
  if (tokens.size() < 2) return true;
  const std::string& next = tokens[1].text;
  return !(tokens[1].type == TokenType::kSymbol && (next == "=" || next == "." || next == "["));
}

}  // namespace

Result<std::vector<StatementPtr>> ParseStatements(std::string_view sql) {
  std::string text(sql);
  std::vector<StatementPtr> statements;
  BB_RETURN_NOT_OK(ParseTree(text, sql, 0, [&](std::string_view, const std::vector<json::Element>& stmts) {
    for (json::Element raw : stmts) {
      json::Object raw_fields = raw.get_object();
      int start = static_cast<int>(json::GetInt(raw_fields, "stmt_location"));
      int length = static_cast<int>(json::GetInt(raw_fields, "stmt_len"));
      if (length <= 0) length = static_cast<int>(sql.size()) - start;
      std::string_view span = sql.substr(start, length);
      // The span starts right after the previous ';': skip the whitespace before the statement.
      size_t leading = span.size() - TrimLeft(span).size();
      int offset = start + static_cast<int>(leading);
      AstBuilder builder(text, offset);
      BB_ASSIGN_OR_RAISE(StatementPtr statement,
                         builder.BuildStatement(*json::Get(raw_fields, "stmt")));
      statement->text = std::string(TrimRight(span.substr(leading)));
      statement->offset = offset;
      if (statement->location < 0) statement->location = 0;
      statements.push_back(std::move(statement));
    }
    return Status::OK();
  }));
  return statements;
}

Result<ParsedExprPtr> ParseExpression(std::string_view text) {
  static constexpr std::string_view kPrefix = "SELECT ";
  std::string wrapped = std::string(kPrefix) + std::string(text);
  ParsedExprPtr expr;
  BB_RETURN_NOT_OK(ParseTree(wrapped, text, kPrefix.size(), [&](std::string_view parsed,
                                                               const std::vector<json::Element>& stmts) -> Status {
    BB_ASSIGN_OR_RAISE(json::Object fields,
                       SingleStatement(stmts, "SelectStmt", {"targetList", "limitOption", "op"},
                                       "one SQL expression", text));
    std::vector<json::Element> targets = json::GetList(fields, "targetList");
    if (targets.size() != 1) {
      return Status::Invalid("expected one SQL expression, got {}: {}", targets.size(),
                             EscapeForDisplay(Trim(text)));
    }
    BB_ASSIGN_OR_RAISE(json::Node target, json::AsNode(targets[0]));
    if (json::Get(target.fields, "name")) {
      return Status::Invalid("expected one SQL expression without an alias, got: {}",
                             EscapeForDisplay(Trim(text)));
    }
    AstBuilder builder(parsed, static_cast<int>(kPrefix.size()));
    BB_ASSIGN_OR_RAISE(expr, builder.BuildExpr(*json::Get(target.fields, "val")));
    return Status::OK();
  }));
  return expr;
}

Result<ParsedExprPtr> ParseWhereCondition(std::string_view text) {
  std::string_view prefix = StartsWithKeyword(text, "where") ? "SELECT " : "SELECT WHERE ";
  std::string wrapped = std::string(prefix) + std::string(text);
  ParsedExprPtr condition;
  BB_RETURN_NOT_OK(ParseTree(wrapped, text, static_cast<int>(prefix.size()),
                             [&](std::string_view parsed, const std::vector<json::Element>& stmts) -> Status {
    BB_ASSIGN_OR_RAISE(json::Object fields,
                       SingleStatement(stmts, "SelectStmt", {"whereClause", "limitOption", "op"},
                                       "a WHERE condition", text));
    auto where = json::Get(fields, "whereClause");
    if (!where) {
      return Status::Invalid("expected a WHERE condition, got: {}", EscapeForDisplay(Trim(text)));
    }
    AstBuilder builder(parsed, static_cast<int>(prefix.size()));
    BB_ASSIGN_OR_RAISE(condition, builder.BuildExpr(*where));
    return Status::OK();
  }));
  return condition;
}

Result<UpdateClause> ParseUpdateClause(std::string_view text) {
  // The target table's name does not matter: only the SET list and WHERE are read back.
  std::string_view prefix = StartsWithKeyword(text, "set") ? "UPDATE t " : "UPDATE t SET ";
  std::string wrapped = std::string(prefix) + std::string(text);
  UpdateClause clause;
  BB_RETURN_NOT_OK(ParseTree(wrapped, text, static_cast<int>(prefix.size()),
                             [&](std::string_view parsed, const std::vector<json::Element>& stmts) -> Status {
    BB_ASSIGN_OR_RAISE(json::Object fields,
                       SingleStatement(stmts, "UpdateStmt",
                                       {"relation", "targetList", "whereClause"},
                                       "SET column = value, ... [WHERE condition]", text));
    AstBuilder builder(parsed, static_cast<int>(prefix.size()));
    for (json::Element target : json::GetList(fields, "targetList")) {
      BB_ASSIGN_OR_RAISE(Assignment assignment, builder.BuildAssignment(target));
      clause.assignments.push_back(std::move(assignment));
    }
    if (auto where = json::Get(fields, "whereClause")) {
      BB_ASSIGN_OR_RAISE(clause.where, builder.BuildExpr(*where));
    }
    return Status::OK();
  }));
  return clause;
}

}  // namespace bundlebase::sql
