// Block parsing: tokenizer -> field grid -> column decoders -> record batch.
#include "formats/csv/block_parser.h"

#include "formats/csv/column_decoder.h"

namespace bundlebase::csv {

Status ParseBlock(const BlockParserConfig& config, const char* data, size_t size,
                  ParsedBlock* out) {
  out->batch.reset();
  out->error.reset();
  TokenizedSpan span;
  SyntaxError error;
  if (!Tokenize(data, size, config.tokenizer, &span, &error)) {
    // Report a malformed record before the quoting error if there is one: errors come out
    // in file order.
    SyntaxError earlier;
    FieldGrid prefix;
    if (TokenizePrefix(data, error.offset, false, config.tokenizer, &span, &earlier) &&
        !ShapeRecords(data, span, config.shape, &prefix, &earlier)) {
      error = earlier;
    }
    out->error = error;
    return Status::OK();
  }
  FieldGrid grid;
  if (!ShapeRecords(data, span, config.shape, &grid, &error)) {
    out->error = error;
    return Status::OK();
  }
  if (grid.num_rows == 0) return Status::OK();
  DecodeContext ctx{data, size, &grid, config.tokenizer.quote, config.tokenizer.escape,
                    &config.null_values};
  std::vector<ArrayPtr> arrays(config.columns.size());
  for (size_t i = 0; i < config.columns.size(); ++i) {
    std::optional<SyntaxError> bad;
    const DataTypePtr& type = config.schema->field(static_cast<int>(i)).type;
    BB_RETURN_NOT_OK(DecodeColumn(ctx, config.columns[i], type, &arrays[i], &bad));
    if (bad) {
      // Of several bad columns report the leftmost bad field of the earliest row.
      if (!out->error || bad->offset < out->error->offset) out->error = bad;
    }
  }
  if (out->error) return Status::OK();
  out->batch = std::make_shared<RecordBatch>(config.schema, static_cast<int64_t>(grid.num_rows),
                                             std::move(arrays));
  return Status::OK();
}

std::optional<size_t> ObserveBlock(const BlockParserConfig& config, const char* data, size_t size,
                                   bool complete, size_t max_rows,
                                   std::vector<ColumnTypeGuess>* guesses) {
  TokenizedSpan span;
  SyntaxError error;
  if (!TokenizePrefix(data, size, complete, config.tokenizer, &span, &error)) return std::nullopt;
  if (span.num_records() > max_rows) {
    span.record_last.set_size(max_rows);
    span.ends.set_size(max_rows == 0 ? 0 : span.record_last.back() + size_t{1});
  }
  ShapeOptions shape = config.shape;
  shape.skip_malformed = true;
  FieldGrid grid;
  if (!ShapeRecords(data, span, shape, &grid, &error)) return std::nullopt;
  DecodeContext ctx{data, size, &grid, config.tokenizer.quote, config.tokenizer.escape,
                    &config.null_values};
  ObserveGrid(ctx, 0, guesses);
  return grid.num_rows;
}

}  // namespace bundlebase::csv
