// ParseBlock: one block of whole records -> one RecordBatch, the unit of parallel work.
// Tokenize, check the shape, then decode only the requested columns; unrequested columns are
// never materialized (their bytes are only scanned for delimiters).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "formats/csv/field_grid.h"
#include "formats/csv/tokenizer.h"
#include "formats/csv/type_inference.h"

namespace bundlebase::csv {

struct BlockParserConfig {
  TokenizerConfig tokenizer;
  ShapeOptions shape;
  std::vector<std::string> null_values;
  std::vector<int> columns;  // the file column behind each output column
  SchemaPtr schema;          // the output schema
};

struct ParsedBlock {
  RecordBatchPtr batch;               // null when the block held no rows, or on error
  std::optional<SyntaxError> error;   // offsets relative to the block
};

Status ParseBlock(const BlockParserConfig& config, const char* data, size_t size,
                  ParsedBlock* out);

// Type inference over (at most max_rows records of) a block: observes every well-formed record
// (malformed ones are left for the read to report). Returns the number of rows observed, or
// nullopt if the block breaks the quoting rules.
std::optional<size_t> ObserveBlock(const BlockParserConfig& config, const char* data, size_t size,
                                   bool complete, size_t max_rows,
                                   std::vector<ColumnTypeGuess>* guesses);

}  // namespace bundlebase::csv
