// Our SQL AST in one include: identifiers, expressions, queries and statements.
//
// The parser (parser.h) builds it from libpg_query's parse tree; the binder walks it. Every node
// carries a `kind` enum and a `location` (byte offset into the statement or fragment text, -1
// when unknown); `node.As<T>()` casts to the concrete struct once the kind is known.
#pragma once

#include "sql/parser/identifier.h"
#include "sql/parser/parsed_expression.h"
#include "sql/parser/query_node.h"
#include "sql/parser/statement.h"
