// CSV writing: per-row formatting into a buffer that is flushed to the stream in large writes.
#include "formats/csv/csv_writer.h"

#include <cstring>

#include "columnar/value_formatting.h"

namespace bundlebase::csv {

namespace {

constexpr size_t kFlushBytes = size_t{1} << 20;

const char* LineEndText(LineEnding e) {
  switch (e) {
    case LineEnding::kCrLf: return "\r\n";
    case LineEnding::kCr: return "\r";
    case LineEnding::kLf: break;
  }
  return "\n";
}

}  // namespace

Result<std::unique_ptr<CsvWriter>> CsvWriter::Make(io::OutputStream* out, SchemaPtr schema,
                                                   CsvWriteOptions options) {
  auto bad = [](char c) { return c == '\n' || c == '\r' || c == '\0'; };
  if (bad(options.delimiter) || bad(options.quote) || options.delimiter == options.quote) {
    return Status::Invalid("CSV writer: delimiter {} and quote {} must differ and not be line "
                           "breaks",
                           DescribeChar(options.delimiter), DescribeChar(options.quote));
  }
  return std::unique_ptr<CsvWriter>(new CsvWriter(out, std::move(schema), std::move(options)));
}

CsvWriter::CsvWriter(io::OutputStream* out, SchemaPtr schema, CsvWriteOptions options)
    : out_(out),
      schema_(std::move(schema)),
      options_(std::move(options)),
      line_end_(LineEndText(options_.line_ending)) {}

void CsvWriter::AppendField(std::string_view text, bool is_text) {
  const char d = options_.delimiter, q = options_.quote;
  bool quote = is_text && (options_.quote_all_text || text.empty() ||
                           (!options_.null_string.empty() && text == options_.null_string));
  if (at_file_start_) {
    at_file_start_ = false;
    quote = quote || text.starts_with("\xEF\xBB\xBF");
  }
  for (char c : text) {
    if (c == d || c == q || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    buffer_.append(text);
    return;
  }
  buffer_.push_back(q);
  for (char c : text) {
    if (c == q) buffer_.push_back(q);
    buffer_.push_back(c);
  }
  buffer_.push_back(q);
}

Status CsvWriter::FlushIfFull() {
  if (buffer_.size() < kFlushBytes) return Status::OK();
  BB_RETURN_NOT_OK(out_->Write(buffer_));
  buffer_.clear();
  return Status::OK();
}

Status CsvWriter::WriteHeaderOnce() {
  if (header_done_) return Status::OK();
  header_done_ = true;
  if (!options_.header || schema_->num_fields() == 0) return Status::OK();
  for (int c = 0; c < schema_->num_fields(); ++c) {
    if (c) buffer_.push_back(options_.delimiter);
    AppendField(schema_->field(c).name, /*is_text=*/false);
  }
  buffer_.append(line_end_);
  return Status::OK();
}

Status CsvWriter::Write(const RecordBatch& batch) {
  if (!batch.schema()->Equals(*schema_)) {
    return Status::TypeError("CSV writer: batch schema\n{}\ndoes not match the writer's\n{}",
                             batch.schema()->ToString(), schema_->ToString());
  }
  BB_RETURN_NOT_OK(WriteHeaderOnce());
  const int columns = batch.num_columns();
  for (int64_t r = 0; r < batch.num_rows(); ++r) {
    for (int c = 0; c < columns; ++c) {
      if (c) buffer_.push_back(options_.delimiter);
      const Array& a = *batch.column(c);
      if (a.IsNull(r)) {
        buffer_.append(options_.null_string);
        continue;
      }
      if (a.type_id() == TypeId::kUtf8) {
        AppendField(a.GetView(r), /*is_text=*/true);
        continue;
      }
      scratch_.clear();
      BB_RETURN_NOT_OK(AppendFormattedValue(a, r, &scratch_));
      AppendField(scratch_, /*is_text=*/false);
    }
    // In a one-column file a NULL is an empty line, which the reader reads back as NULL.
    buffer_.append(line_end_);
    BB_RETURN_NOT_OK(FlushIfFull());
  }
  rows_ += batch.num_rows();
  return Status::OK();
}

Status CsvWriter::Finish() {
  BB_RETURN_NOT_OK(WriteHeaderOnce());
  if (!buffer_.empty()) BB_RETURN_NOT_OK(out_->Write(buffer_));
  buffer_.clear();
  return Status::OK();
}

Status WriteCsv(io::OutputStream* out, const RecordBatch& batch, CsvWriteOptions options) {
  BB_ASSIGN_OR_RAISE(auto writer, CsvWriter::Make(out, batch.schema(), std::move(options)));
  BB_RETURN_NOT_OK(writer->Write(batch));
  return writer->Finish();
}

}  // namespace bundlebase::csv
