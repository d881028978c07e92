// Statements from libpg_query's parse tree (see ast_builder.h). Statement kinds we do not
// run are rejected here with NotImplemented, naming the statement as the user wrote it.
#include <fmt/format.h>

#include "base/strings.h"
#include "sql/parser/ast_builder.h"

namespace bundlebase::sql {
namespace {

using json::Element;
using json::Object;

Status Unsupported(std::string_view what) {
  return Status::NotImplemented("{} is not supported", what);
}

}  // namespace

Status UnsupportedStatement(std::string_view node_type) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"IndexStmt", "CREATE INDEX"},
      {"AlterTableStmt", "ALTER TABLE"},
      {"RenameStmt", "ALTER ... RENAME"},
      {"TruncateStmt", "TRUNCATE"},
      {"TransactionStmt", "Transaction control (BEGIN, COMMIT, ROLLBACK)"},
      {"VariableSetStmt", "SET"},
      {"VariableShowStmt", "SHOW"},
      {"CreateSchemaStmt", "CREATE SCHEMA"},
      {"CreateFunctionStmt", "CREATE FUNCTION"},
      {"CreateSeqStmt", "CREATE SEQUENCE"},
      {"CreatedbStmt", "CREATE DATABASE"},
      {"DropdbStmt", "DROP DATABASE"},
      {"GrantStmt", "GRANT / REVOKE"},
      {"MergeStmt", "MERGE"},
      {"VacuumStmt", "VACUUM / ANALYZE"},
      {"PrepareStmt", "PREPARE"},
      {"ExecuteStmt", "EXECUTE"},
      {"DeallocateStmt", "DEALLOCATE"},
      {"CommentStmt", "COMMENT"},
      {"DoStmt", "DO"},
      {"CallStmt", "CALL"},
      {"LockStmt", "LOCK"},
      {"CreateTableAsStmt", "CREATE MATERIALIZED VIEW"},
  };
  for (const auto& [type, name] : kNames) {
    if (type == node_type) return Unsupported(name);
  }
  std::string_view name = node_type;
  if (name.ends_with("Stmt")) name.remove_suffix(4);
  return Status::NotImplemented("the {} statement is not supported", name);
}

Result<StatementPtr> AstBuilder::BuildStatement(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
  Object f = node.fields;
  std::string_view type = node.type;
  if (type == "SelectStmt") {
    auto statement = std::make_unique<SelectStatement>(-1);
    BB_ASSIGN_OR_RAISE(statement->query, BuildSelectFields(f));
    return StatementPtr(std::move(statement));
  }
  if (type == "InsertStmt") return BuildInsert(f);
  if (type == "CreateStmt") return BuildCreateTable(f);
  if (type == "CreateTableAsStmt") return BuildCreateTableAs(f);
  if (type == "ViewStmt") return BuildCreateView(f);
  if (type == "DropStmt") return BuildDrop(f);
  if (type == "ExplainStmt") return BuildExplain(f);
  if (type == "CopyStmt") return BuildCopy(f);
  if (type == "DeleteStmt") return BuildDelete(f);
  if (type == "UpdateStmt") return BuildUpdate(f);
  return UnsupportedStatement(type);
}

Result<StatementPtr> AstBuilder::BuildInsert(Object f) {
  if (json::Get(f, "onConflictClause")) return Unsupported("INSERT ... ON CONFLICT");
  if (json::Get(f, "returningList")) return Unsupported("INSERT ... RETURNING");
  if (json::Get(f, "withClause")) return Unsupported("WITH before INSERT");
  Object relation = json::Get(f, "relation")->get_object();
  auto statement = std::make_unique<InsertStatement>(Shift(json::RawLocation(relation)));
  int end = json::RawLocation(relation);
  statement->table = BuildRangeVarName(relation, &end);
  if (json::Get(relation, "alias")) return Unsupported("an alias for the INSERT target");
  for (Element column : json::GetList(f, "cols")) {
    BB_ASSIGN_OR_RAISE(json::Node target, json::AsNode(column));
    if (json::Get(target.fields, "indirection")) return Unsupported("INSERT into a[1] or a.b");
    int raw_location = json::RawLocation(target.fields);
    statement->columns.push_back(
        Recover(json::GetString(target.fields, "name"), raw_location, nullptr));
  }
  auto source = json::Get(f, "selectStmt");
  if (!source) return Unsupported("INSERT ... DEFAULT VALUES");
  BB_ASSIGN_OR_RAISE(statement->source, BuildQuery(*source));
  return StatementPtr(std::move(statement));
}

Result<StatementPtr> AstBuilder::BuildCreateTable(Object f) {
  if (json::Get(f, "inhRelations") || json::Get(f, "partspec") || json::Get(f, "ofTypename")) {
    return Unsupported("CREATE TABLE with INHERITS, PARTITION BY or OF");
  }
  Object relation = json::Get(f, "relation")->get_object();
  auto statement = std::make_unique<CreateTableStatement>(Shift(json::RawLocation(relation)));
  int end = json::RawLocation(relation);
  statement->name = BuildRangeVarName(relation, &end);
  statement->if_not_exists = json::GetBool(f, "if_not_exists");
  for (Element element : json::GetList(f, "tableElts")) {
    BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
    if (node.type != "ColumnDef") return Unsupported("table constraints in CREATE TABLE");
    ColumnDefinition column;
    int raw_location = json::RawLocation(node.fields);
    column.location = Shift(raw_location);
    column.name = Recover(json::GetString(node.fields, "colname"), raw_location, nullptr);
    BB_ASSIGN_OR_RAISE(column.type, BuildTypeName(*json::Get(node.fields, "typeName")));
    for (Element constraint : json::GetList(node.fields, "constraints")) {
      BB_ASSIGN_OR_RAISE(json::Node c, json::AsNode(constraint));
      std::string_view type = json::GetString(c.fields, "contype");
      if (type == "CONSTR_NOTNULL") {
        column.not_null = true;
      } else if (type != "CONSTR_NULL") {
        std::string_view name = type.substr(std::min<size_t>(type.size(), 7));
        return Status::NotImplemented(
            "column constraint {} is not supported; only NOT NULL is", name);
      }
    }
    statement->columns.push_back(std::move(column));
  }
  return StatementPtr(std::move(statement));
}

Result<StatementPtr> AstBuilder::BuildCreateTableAs(Object f) {
  if (json::GetString(f, "objtype") != "OBJECT_TABLE") {
    return UnsupportedStatement("CreateTableAsStmt");
  }
  Object into = json::Get(f, "into")->get_object();
  Object relation = json::Get(into, "rel")->get_object();
  auto statement = std::make_unique<CreateTableStatement>(Shift(json::RawLocation(relation)));
  int end = json::RawLocation(relation);
  statement->name = BuildRangeVarName(relation, &end);
  statement->if_not_exists = json::GetBool(f, "if_not_exists");
  statement->column_names = RecoverSequence(json::GetStringList(into, "colNames"), end, nullptr);
  BB_ASSIGN_OR_RAISE(statement->as_query, BuildQuery(*json::Get(f, "query")));
  return StatementPtr(std::move(statement));
}

Result<StatementPtr> AstBuilder::BuildCreateView(Object f) {
  if (json::GetString(f, "withCheckOption") != "NO_CHECK_OPTION" &&
      !json::GetString(f, "withCheckOption").empty()) {
    return Unsupported("WITH CHECK OPTION");
  }
  Object relation = json::Get(f, "view")->get_object();
  auto statement = std::make_unique<CreateViewStatement>(Shift(json::RawLocation(relation)));
  int end = json::RawLocation(relation);
  statement->name = BuildRangeVarName(relation, &end);
  statement->or_replace = json::GetBool(f, "replace");
  statement->column_names = RecoverSequence(json::GetStringList(f, "aliases"), end, nullptr);
  BB_ASSIGN_OR_RAISE(statement->query, BuildQuery(*json::Get(f, "query")));
  return StatementPtr(std::move(statement));
}

Result<StatementPtr> AstBuilder::BuildDrop(Object f) {
  std::string_view type = json::GetString(f, "removeType");
  if (type != "OBJECT_TABLE" && type != "OBJECT_VIEW") {
    std::string object = ToUpper(type.substr(std::min<size_t>(type.size(), 7)));
    return Status::NotImplemented("DROP {} is not supported; only DROP TABLE and DROP VIEW are",
                                  ReplaceAll(object, "_", " "));
  }
  auto statement = std::make_unique<DropStatement>(-1);
  statement->object_type = type == "OBJECT_TABLE" ? DropObjectType::kTable : DropObjectType::kView;
  statement->if_exists = json::GetBool(f, "missing_ok");
  statement->cascade = json::GetString(f, "behavior") == "DROP_CASCADE";
  // The names carry no locations: find them after DROP TABLE / DROP VIEW [IF EXISTS].
  const std::vector<SourceToken>& tokens = scanner_.tokens();
  size_t first = scanner_.FirstTokenAtOrAfter(shift_) + (statement->if_exists ? 4 : 2);
  int position = first < tokens.size() ? tokens[first].start : static_cast<int>(sql_.size());
  for (Element object : json::GetList(f, "objects")) {
    BB_ASSIGN_OR_RAISE(json::Node list, json::AsNode(object));
    statement->names.push_back(
        RecoverQualified(json::GetStringList(list.fields, "items"), position, &position));
  }
  if (!statement->names.empty() && !statement->names[0].empty()) {
    statement->location = statement->names[0][0].location;
  }
  return StatementPtr(std::move(statement));
}

Result<StatementPtr> AstBuilder::BuildExplain(Object f) {
  auto statement = std::make_unique<ExplainStatement>(-1);
  for (Element option : json::GetList(f, "options")) {
    BB_ASSIGN_OR_RAISE(json::Node def, json::AsNode(option));
    std::string_view name = json::GetString(def.fields, "defname");
    bool enabled = true;
    if (auto arg = json::Get(def.fields, "arg")) {
      std::string value = ToLower(json::StringNodeValue(*arg));
      enabled = value != "false" && value != "off" && value != "0";
    }
    if (name == "analyze") {
      statement->analyze = enabled;
    } else if (name == "verbose") {
      statement->verbose = enabled;
    } else {
      return Status::NotImplemented("EXPLAIN option {} is not supported; use ANALYZE or VERBOSE",
                                    ToUpper(name));
    }
  }
  BB_ASSIGN_OR_RAISE(statement->statement, BuildStatement(*json::Get(f, "query")));
  statement->location = statement->statement->location;
  return StatementPtr(std::move(statement));
}

Result<std::unique_ptr<ConstantExpr>> AstBuilder::BuildOptionValue(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node node, json::AsNode(element));
  if (node.type == "String") {
    auto value = std::make_unique<ConstantExpr>(ConstantKind::kString, -1);
    value->text = std::string(json::GetString(node.fields, "sval"));
    return value;
  }
  if (node.type == "Integer") {
    auto value = std::make_unique<ConstantExpr>(ConstantKind::kInteger, -1);
    value->integer = json::GetInt(node.fields, "ival");
    return value;
  }
  if (node.type == "Float") {
    auto value = std::make_unique<ConstantExpr>(ConstantKind::kNumeric, -1);
    value->text = std::string(json::GetString(node.fields, "fval"));
    return value;
  }
  if (node.type == "Boolean") {
    auto value = std::make_unique<ConstantExpr>(ConstantKind::kBoolean, -1);
    value->boolean = json::GetBool(node.fields, "boolval");
    return value;
  }
  return Status::NotImplemented("COPY option values of the form {} are not supported; use a "
                                "word, a string or a number",
                                node.type);
}

Result<StatementPtr> AstBuilder::BuildCopy(Object f) {
  if (json::GetBool(f, "is_program")) return Unsupported("COPY ... PROGRAM");
  if (json::Get(f, "whereClause")) return Unsupported("COPY ... WHERE");
  auto statement = std::make_unique<CopyStatement>(-1);
  statement->is_from = json::GetBool(f, "is_from");
  std::string_view filename = json::GetString(f, "filename");
  if (filename.empty()) return Unsupported("COPY to STDOUT or from STDIN; give a file path");
  statement->path = std::string(filename);
  if (auto relation = json::Get(f, "relation")) {
    Object rel = relation->get_object();
    statement->location = Shift(json::RawLocation(rel));
    int end = json::RawLocation(rel);
    statement->table = BuildRangeVarName(rel, &end);
    statement->columns = RecoverSequence(json::GetStringList(f, "attlist"), end, nullptr);
  } else {
    BB_ASSIGN_OR_RAISE(statement->query, BuildQuery(*json::Get(f, "query")));
  }
  for (Element option : json::GetList(f, "options")) {
    BB_ASSIGN_OR_RAISE(json::Node def, json::AsNode(option));
    CopyOption copy_option;
    copy_option.name = std::string(json::GetString(def.fields, "defname"));
    copy_option.location = Shift(json::RawLocation(def.fields));
    if (auto arg = json::Get(def.fields, "arg")) {
      BB_ASSIGN_OR_RAISE(json::Node value, json::AsNode(*arg));
      if (value.type == "List") {
        for (Element item : json::GetList(value.fields, "items")) {
          BB_ASSIGN_OR_RAISE(auto constant, BuildOptionValue(item));
          copy_option.values.push_back(std::move(constant));
        }
      } else {
        BB_ASSIGN_OR_RAISE(auto constant, BuildOptionValue(*arg));
        copy_option.values.push_back(std::move(constant));
      }
    }
    statement->options.push_back(std::move(copy_option));
  }
  return StatementPtr(std::move(statement));
}

Result<StatementPtr> AstBuilder::BuildDelete(Object f) {
  if (json::Get(f, "usingClause")) return Unsupported("DELETE ... USING");
  if (json::Get(f, "returningList")) return Unsupported("DELETE ... RETURNING");
  if (json::Get(f, "withClause")) return Unsupported("WITH before DELETE");
  Object relation = json::Get(f, "relation")->get_object();
  auto statement = std::make_unique<DeleteStatement>(Shift(json::RawLocation(relation)));
  int end = json::RawLocation(relation);
  statement->table = BuildRangeVarName(relation, &end);
  if (auto alias = json::Get(relation, "alias")) {
    statement->alias = Recover(json::GetString(alias->get_object(), "aliasname"), end, nullptr);
  }
  if (auto where = json::Get(f, "whereClause")) {
    BB_ASSIGN_OR_RAISE(statement->where, BuildExpr(*where));
  }
  return StatementPtr(std::move(statement));
}

Result<Assignment> AstBuilder::BuildAssignment(Element element) {
  BB_ASSIGN_OR_RAISE(json::Node target, json::AsNode(element));
  if (json::Get(target.fields, "indirection")) return Unsupported("SET a[1] = ... or a.b = ...");
  auto value = json::Get(target.fields, "val");
  if (!value) return Status::Internal("SET target without a value");
  BB_ASSIGN_OR_RAISE(json::Node value_node, json::AsNode(*value));
  if (value_node.type == "MultiAssignRef") return Unsupported("SET (a, b) = (...)");
  Assignment assignment;
  int raw_location = json::RawLocation(target.fields);
  assignment.location = Shift(raw_location);
  assignment.column = Recover(json::GetString(target.fields, "name"), raw_location, nullptr);
  BB_ASSIGN_OR_RAISE(assignment.value, BuildExpr(*value));
  return assignment;
}

Result<StatementPtr> AstBuilder::BuildUpdate(Object f) {
  if (json::Get(f, "fromClause")) return Unsupported("UPDATE ... FROM");
  if (json::Get(f, "returningList")) return Unsupported("UPDATE ... RETURNING");
  if (json::Get(f, "withClause")) return Unsupported("WITH before UPDATE");
  Object relation = json::Get(f, "relation")->get_object();
  auto statement = std::make_unique<UpdateStatement>(Shift(json::RawLocation(relation)));
  int end = json::RawLocation(relation);
  statement->table = BuildRangeVarName(relation, &end);
  if (auto alias = json::Get(relation, "alias")) {
    statement->alias = Recover(json::GetString(alias->get_object(), "aliasname"), end, nullptr);
  }
  for (Element target : json::GetList(f, "targetList")) {
    BB_ASSIGN_OR_RAISE(Assignment assignment, BuildAssignment(target));
    statement->assignments.push_back(std::move(assignment));
  }
  if (auto where = json::Get(f, "whereClause")) {
    BB_ASSIGN_OR_RAISE(statement->where, BuildExpr(*where));
  }
  return StatementPtr(std::move(statement));
}

}  // namespace bundlebase::sql
