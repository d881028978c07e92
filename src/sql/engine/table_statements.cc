// The statements that manage the engine's own tables: CREATE TABLE [AS], CREATE VIEW, INSERT,
// DROP TABLE / VIEW.
#include "columnar/cast.h"
#include "sql/binder/type_names.h"
#include "sql/catalog/memory_table.h"
#include "sql/functions/implicit_cast.h"
#include "sql/engine/statement_runner.h"

namespace bundlebase::sql {
namespace {

// The name a new table or view is stored under: its spelling as written.
Result<std::string> NewTableName(const QualifiedName& name) {
  if (name.size() != 1) {
    return Status::NotImplemented("schemas are not supported: name the table without \"{}.\"",
                                  name[0].name);
  }
  return name[0].name;
}

std::vector<NamePart> Parts(const QualifiedName& name) {
  std::vector<NamePart> parts;
  for (const auto& p : name) parts.push_back({p.name, p.quoted});
  return parts;
}

}  // namespace

Result<QueryResult> SqlEngine::StatementRunner::RunCreateTable(const CreateTableStatement& create) {
  BB_ASSIGN_OR_RAISE(std::string name, NewTableName(create.name));
  if (local_.Resolve(NamePart{name, create.name[0].quoted}).ok()) {
    if (create.if_not_exists) return CommandResult("CREATE TABLE");
    return Status::AlreadyExists("relation \"{}\" already exists", name);
  }
  if (create.as_query) {
    BB_ASSIGN_OR_RAISE(QueryResult rows, RunQuery(*create.as_query, create.text));
    std::vector<Field> fields = rows.schema->fields();
    for (size_t i = 0; i < create.column_names.size() && i < fields.size(); ++i) {
      fields[i].name = create.column_names[i].name;
    }
    auto schema = MakeSchema(fields);
    std::vector<RecordBatchPtr> batches;
    for (const auto& b : rows.batches) {
      batches.push_back(std::make_shared<RecordBatch>(schema, b->num_rows(), b->columns()));
    }
    BB_RETURN_NOT_OK(local_.AddTable(name, std::make_shared<MemoryTable>(schema, std::move(batches))));
    return CommandResult("SELECT " + std::to_string(rows.num_rows()));
  }
  std::vector<Field> fields;
  for (const auto& column : create.columns) {
    for (const auto& f : fields) {
      if (f.name == column.name.name) {
        return Status::Invalid("column \"{}\" specified more than once", column.name.name);
      }
    }
    BB_ASSIGN_OR_RAISE(DataTypePtr type, ResolveTypeName(column.type, create.text));
    fields.emplace_back(column.name.name, type, !column.not_null);
  }
  BB_RETURN_NOT_OK(local_.AddTable(name, std::make_shared<MemoryTable>(MakeSchema(fields))));
  return CommandResult("CREATE TABLE");
}

Result<QueryResult> SqlEngine::StatementRunner::RunCreateView(const CreateViewStatement& create) {
  BB_ASSIGN_OR_RAISE(std::string name, NewTableName(create.name));
  BB_ASSIGN_OR_RAISE(LogicalPtr plan, Plan(*create.query, create.text));
  std::vector<Field> fields = plan->output_fields;
  std::string sql = create.query->ToString();
  if (!create.column_names.empty()) {
    // The view's query renames its columns through a wrapper.
    std::string cols;
    for (size_t i = 0; i < create.column_names.size(); ++i) {
      if (i) cols += ", ";
      cols += create.column_names[i].ToString();
      if (i < fields.size()) fields[i].name = create.column_names[i].name;
    }
    sql = "SELECT * FROM (" + sql + ") AS v(" + cols + ")";
  }
  if (local_.Resolve(NamePart{name, create.name[0].quoted}).ok() && !create.or_replace) {
    return Status::AlreadyExists("relation \"{}\" already exists", name);
  }
  BB_RETURN_NOT_OK(local_.AddTable(name, std::make_shared<ViewTable>(MakeSchema(fields), sql),
                                   create.or_replace));
  return CommandResult("CREATE VIEW");
}

Result<QueryResult> SqlEngine::StatementRunner::RunInsert(const InsertStatement& insert) {
  BB_ASSIGN_OR_RAISE(TablePtr table, local_.GetTable(Parts(insert.table)));
  auto memory = std::dynamic_pointer_cast<const MemoryTable>(table);
  if (!memory) {
    return Status::NotImplemented("INSERT works on tables made with CREATE TABLE only");
  }
  SchemaPtr schema = table->schema();
  // Which table column each inserted column goes to.
  std::vector<int> targets;
  if (insert.columns.empty()) {
    for (int i = 0; i < schema->num_fields(); ++i) targets.push_back(i);
  } else {
    for (const auto& c : insert.columns) {
      int found = -1;
      for (int i = 0; i < schema->num_fields(); ++i) {
        if (c.Matches(schema->field(i).name)) found = i;
      }
      if (found < 0) {
        return Status::NotFound("column \"{}\" of relation \"{}\" does not exist", c.name,
                                insert.table.back().name);
      }
      targets.push_back(found);
    }
  }
  BB_ASSIGN_OR_RAISE(QueryResult rows, RunQuery(*insert.source, insert.text));
  if (rows.schema->num_fields() > static_cast<int>(targets.size())) {
    return Status::Invalid("INSERT has more expressions than target columns");
  }
  if (rows.schema->num_fields() < static_cast<int>(targets.size()) && !insert.columns.empty()) {
    return Status::Invalid("INSERT has more target columns than expressions");
  }
  std::vector<RecordBatchPtr> converted;
  for (const auto& batch : rows.batches) {
    std::vector<ArrayPtr> columns(static_cast<size_t>(schema->num_fields()));
    for (int i = 0; i < batch->num_columns(); ++i) {
      const Field& field = schema->field(targets[i]);
      auto cast = Cast(batch->column(i), field.type);
      if (!cast.ok()) {
        return cast.status().WithContextF("column \"{}\" is of type {}", field.name,
                                          SqlTypeName(*field.type));
      }
      columns[targets[i]] = std::move(cast).MoveValueUnsafe();
    }
    for (int c = 0; c < schema->num_fields(); ++c) {
      if (!columns[c]) {
        BB_ASSIGN_OR_RAISE(columns[c], MakeNullArray(schema->field(c).type, batch->num_rows()));
      }
      if (!schema->field(c).nullable && columns[c]->null_count() > 0) {
        return Status::Invalid("null value in column \"{}\" of relation \"{}\" violates not-null "
                               "constraint",
                               schema->field(c).name, insert.table.back().name);
      }
    }
    converted.push_back(std::make_shared<RecordBatch>(schema, batch->num_rows(), std::move(columns)));
  }
  // Every batch converted before any is appended: a failing INSERT inserts nothing.
  for (auto& b : converted) BB_RETURN_NOT_OK(memory->Append(std::move(b)));
  return CommandResult("INSERT 0 " + std::to_string(rows.num_rows()));
}

Result<QueryResult> SqlEngine::StatementRunner::RunDrop(const DropStatement& drop) {
  const bool view = drop.object_type == DropObjectType::kView;
  for (const auto& name : drop.names) {
    NamePart part{name.back().name, name.back().quoted};
    auto table = local_.GetTable({part});
    if (!table.ok()) {
      if (drop.if_exists && table.status().IsNotFound()) continue;
      return Status::NotFound("{} \"{}\" does not exist", view ? "view" : "table", part.name);
    }
    const bool is_view = (*table)->ViewDefinition().has_value();
    if (is_view != view) {
      return Status::Invalid("\"{}\" is not a {}", part.name, view ? "view" : "table");
    }
    BB_RETURN_NOT_OK(local_.DropTable(part));
  }
  return CommandResult(view ? "DROP VIEW" : "DROP TABLE");
}

}  // namespace bundlebase::sql
