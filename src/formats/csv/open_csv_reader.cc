// OpenCsvReader: everything that happens before the first batch — option checks, sniffing,
// title lines, the header, type inference over the samples, column options — ending in a
// CsvReader positioned at the first data record.
#include <algorithm>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/thread_pool.h"
#include "formats/csv/column_names.h"
#include "formats/csv/column_resolution.h"
#include "formats/csv/csv_reader.h"
#include "formats/csv/dialect_sniffer.h"
#include "formats/csv/input_check.h"

namespace bundlebase::csv {

namespace {

constexpr uint64_t kHeadBytes = uint64_t{1} << 20;
// The head sample grows (x4) from kHeadBytes until it holds sample_rows records, up to this.
constexpr uint64_t kMaxSampleBytes = uint64_t{16} << 20;
constexpr uint64_t kRegionBytes = uint64_t{256} << 10;
constexpr size_t kRegionRows = 1000;
constexpr int64_t kMaxRecordLimit = int64_t{1} << 30;

Status ValidateOptions(const CsvReadOptions& o) {
  auto bad_char = [](char c) { return c == '\n' || c == '\r' || c == '\0'; };
  if (o.delimiter && bad_char(*o.delimiter)) {
    return Status::Invalid("delimiter cannot be {}", DescribeChar(*o.delimiter));
  }
  if (o.quote && (*o.quote == '\n' || *o.quote == '\r')) {
    return Status::Invalid("quote cannot be {}", DescribeChar(*o.quote));
  }
  if (o.escape && bad_char(*o.escape)) {
    return Status::Invalid("escape cannot be {}", DescribeChar(*o.escape));
  }
  if (o.delimiter && o.quote && *o.delimiter == *o.quote) {
    return Status::Invalid("delimiter and quote cannot both be {}", DescribeChar(*o.quote));
  }
  if (o.delimiter && o.escape && *o.delimiter == *o.escape) {
    return Status::Invalid("delimiter and escape cannot both be {}", DescribeChar(*o.escape));
  }
  if (o.skip_rows && *o.skip_rows < 0) return Status::Invalid("skip_rows cannot be negative");
  if (o.max_record_bytes < 1 || o.max_record_bytes > kMaxRecordLimit) {
    return Status::Invalid("max_record_bytes must be between 1 and {}", kMaxRecordLimit);
  }
  if (o.block_bytes < 1 || o.block_bytes > kMaxRecordLimit) {
    return Status::Invalid("block_bytes must be between 1 and {}", kMaxRecordLimit);
  }
  if (o.batch_rows < 1) return Status::Invalid("batch_rows must be at least 1");
  if (o.num_threads < 0) return Status::Invalid("num_threads cannot be negative");
  if (o.sample_regions < 0) return Status::Invalid("sample_regions cannot be negative");
  if (o.max_columns < 1) return Status::Invalid("max_columns must be at least 1");
  return Status::OK();
}

bool IsBlankText(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiSpace(c)) return false;
  }
  return true;
}

Result<uint64_t> SkipLinesInFile(io::RandomAccessFile* file, uint64_t pos, int64_t lines,
                                 char newline) {
  const uint64_t size = file->size();
  while (lines > 0 && pos < size) {
    BB_ASSIGN_OR_RAISE(auto chunk, file->ReadAt(pos, std::min<uint64_t>(kHeadBytes, size - pos)));
    std::string_view text = chunk->view();
    size_t at = 0;
    while (lines > 0) {
      size_t nl = text.find(newline, at);
      if (nl == std::string_view::npos) break;
      at = nl + 1;
      --lines;
    }
    pos += lines > 0 ? text.size() : at;
  }
  return pos;
}

int ThreadCount(const CsvReadOptions& o) {
  if (o.num_threads > 0) return o.num_threads;
  return static_cast<int>(std::max<size_t>(1, ThreadPool::Default().num_threads()));
}

std::unique_ptr<BlockPlanner> MakePlanner(std::shared_ptr<io::RandomAccessFile> file,
                                          uint64_t begin, const TokenizerConfig& tc,
                                          const CsvReadOptions& o) {
  BlockPlannerOptions po;
  po.tokenizer = tc;
  po.block_bytes = static_cast<uint64_t>(o.block_bytes);
  po.num_threads = ThreadCount(o);
  // A few blocks per thread evens out blocks that parse at different speeds.
  po.blocks_per_wave = 3 * po.num_threads;
  po.max_record_bytes = o.max_record_bytes;
  const uint64_t end = file->size();
  return std::make_unique<BlockPlanner>(std::move(file), std::min(begin, end), end, po);
}

// A reader of zero rows: for empty files and files of blank lines.
Result<std::unique_ptr<CsvReader>> EmptyReader(std::shared_ptr<io::RandomAccessFile> file,
                                               const CsvReadOptions& o, ErrorContext errors) {
  // Without column_names there is nothing to read: a file with no header and no rows is an
  // error (a truncated download looks just like it). Given names, it is zero rows of them.
  if (o.column_names.empty()) {
    return Status::Invalid(
        "{}: the file is empty ({}): no header and no rows; if an empty file is expected here, "
        "give column_names to read it as zero rows",
        errors.filename, file->size() == 0 ? "0 bytes" : "only blank lines");
  }
  std::vector<std::string> names = o.column_names;
  ResolvedColumns cols;
  if (!names.empty()) {
    const std::vector<DataTypePtr> text(names.size(), Utf8());
    BB_ASSIGN_OR_RAISE(cols, ResolveColumns(names, text, o));
  }
  BlockParserConfig parser;
  parser.schema = MakeSchema({});
  if (!names.empty()) {
    std::vector<Field> fields;
    for (int c : cols.projection) fields.push_back(cols.file_fields[static_cast<size_t>(c)]);
    parser.schema = MakeSchema(std::move(fields));
    parser.columns = cols.projection;
  }
  auto file_schema = MakeSchema(cols.file_fields);
  TokenizerConfig tc{errors.dialect.delimiter, errors.dialect.quote, errors.dialect.escape,
                     errors.dialect.newline()};
  const uint64_t end = file->size();
  auto planner = MakePlanner(file, end, tc, o);
  return std::make_unique<CsvReader>(std::move(parser), std::move(errors), std::move(file_schema),
                                     std::move(planner), ThreadCount(o), o.batch_rows);
}

// Infers from every record of [begin, end of file): exact, one extra pass over the file.
Result<std::vector<ColumnTypeGuess>> InferWholeFile(std::shared_ptr<io::RandomAccessFile> file,
                                                   uint64_t begin, const BlockParserConfig& probe,
                                                   const CsvReadOptions& o) {
  std::vector<ColumnTypeGuess> merged(static_cast<size_t>(probe.shape.num_columns));
  auto planner = MakePlanner(file, begin, probe.tokenizer, o);
  while (!planner->done()) {
    BB_ASSIGN_OR_RAISE(Wave wave, planner->NextWave());
    std::vector<std::vector<ColumnTypeGuess>> per_block(wave.blocks.size(), merged);
    for (auto& g : per_block) g.assign(merged.size(), ColumnTypeGuess());
    BB_RETURN_NOT_OK(ThreadPool::Default().ParallelFor(
        wave.blocks.size(),
        [&](size_t i) {
          auto [b, e] = wave.blocks[i];
          ObserveBlock(probe, wave.bytes->data_as<char>() + (b - wave.offset), e - b,
                       /*complete=*/true, static_cast<size_t>(-1), &per_block[i]);
          return Status::OK();
        },
        static_cast<size_t>(ThreadCount(o))));
    for (const auto& g : per_block) {
      for (size_t c = 0; c < merged.size(); ++c) merged[c].Merge(g[c]);
    }
  }
  return merged;
}

}  // namespace

Result<std::unique_ptr<CsvReader>> OpenCsvReader(std::shared_ptr<io::RandomAccessFile> file,
                                                 CsvReadOptions options) {
  BB_RETURN_NOT_OK(ValidateOptions(options));
  ErrorContext errors;
  errors.filename = options.filename.empty() ? file->path() : options.filename;
  errors.file = file;
  errors.max_record_bytes = options.max_record_bytes;
  const uint64_t size = file->size();

  // ---- Dialect ----
  BB_ASSIGN_OR_RAISE(auto head, file->ReadAt(0, std::min(size, kHeadBytes)));
  const bool head_complete = head->size() == size;
  const size_t bom = Utf8BomLength(head->view());
  if (head_complete && IsBlankText(head->view().substr(bom))) {
    errors.dialect.bom = bom > 0;
    return EmptyReader(std::move(file), options, std::move(errors));
  }
  auto sniffed = SniffDialect(head->view(), head_complete, options);
  if (!sniffed.ok()) return sniffed.status().WithContext(errors.filename);
  const CsvDialect dialect = *sniffed;
  errors.dialect = dialect;
  const char newline = dialect.newline();
  const TokenizerConfig tc{dialect.delimiter, dialect.quote, dialect.escape, newline};
  BB_ASSIGN_OR_RAISE(const uint64_t begin,
                     SkipLinesInFile(file.get(), bom, dialect.skip_rows, newline));

  // ---- The head sample: enough records for the header and sample_rows ----
  const uint64_t wanted_records =
      options.sample_rows > 0 ? static_cast<uint64_t>(options.sample_rows) + 2 : 2;
  std::shared_ptr<Buffer> sample;
  TokenizedSpan span;
  bool complete = false;
  // Past the usual sample size the sample only grows to find a first record (a huge one).
  const uint64_t cap =
      std::max(kMaxSampleBytes, static_cast<uint64_t>(options.max_record_bytes) + 1);
  for (uint64_t want = kHeadBytes;; want = std::min(cap, want * 4)) {
    const uint64_t end = std::min(size, begin + want);
    BB_ASSIGN_OR_RAISE(sample, file->ReadAt(begin, end - begin));
    complete = end == size;
    SyntaxError error;
    if (!TokenizePrefix(sample->data_as<char>(), sample->size(), complete, tc, &span, &error)) {
      // Open with the records before the problem; reading reports it with column names.
      SyntaxError again;
      if (!TokenizePrefix(sample->data_as<char>(), error.offset, false, tc, &span, &again) ||
          span.num_records() == 0) {
        return SyntaxErrorStatus(errors, Rebased(error, begin));
      }
      complete = false;
      break;
    }
    if (complete || span.num_records() >= wanted_records || want == cap) break;
    if (want >= kMaxSampleBytes && span.num_records() > 0) break;
  }
  const char* text = sample->data_as<char>();

  // ---- The first record: header or first data row ----
  size_t first = 0;  // record index
  int64_t prev_last = -1;
  for (; first < span.num_records(); ++first) {
    const int64_t last = span.record_last[first];
    const uint64_t start = prev_last < 0 ? 0 : span.ends[prev_last] + uint64_t{1};
    const int64_t fields = last - prev_last;
    if (fields > 1 || !IsBlankText(std::string_view(text + start, span.ends[last] - start))) break;
    prev_last = last;
  }
  if (first == span.num_records()) {
    if (!complete) {
      return Status::Invalid(
          "{}: no complete record in the first {} bytes after line {}: a record longer than "
          "max_record_bytes = {}, or a quote that is never closed; read with {}",
          errors.filename, sample->size(), dialect.skip_rows + 1, options.max_record_bytes,
          DescribeDialect(dialect));
    }
    return EmptyReader(std::move(file), options, std::move(errors));
  }
  const int64_t first_last = span.record_last[first];
  if (first_last - prev_last > options.max_columns) {
    return Status::Invalid(
        "{}: the first record has {} fields, more than max_columns = {} (is the delimiter "
        "right? read with {})",
        errors.filename, first_last - prev_last, options.max_columns, DescribeDialect(dialect));
  }
  const int columns = static_cast<int>(first_last - prev_last);
  uint64_t data_begin = 0;  // relative to `begin`
  std::vector<std::string> names;
  if (dialect.header) {
    FieldGrid header;
    header.num_columns = columns;
    header.num_rows = 1;
    header.row_starts.push_back(prev_last < 0 ? 0 : span.ends[prev_last] + 1);
    header.ends = span.ends.data() + (prev_last + 1);
    DecodeContext ctx{text, sample->size(), &header, dialect.quote, dialect.escape, nullptr};
    std::vector<std::string> raw;
    for (int c = 0; c < columns; ++c) {
      FieldText f = ReadField(ctx, 0, c);
      std::string name = f.is_null ? std::string() : UnescapedText(ctx, f);
      if (ValidateUtf8(name) != std::string_view::npos) {
        return SyntaxErrorStatus(errors, SyntaxError{SyntaxErrorKind::kInvalidUtf8,
                                                     begin + header.FieldStart(0, c),
                                                     begin + header.FieldEnd(0, c), c});
      }
      raw.push_back(std::move(name));
    }
    names = NormalizeColumnNames(raw);
    data_begin = std::min<uint64_t>(span.ends[first_last] + uint64_t{1}, sample->size());
  } else {
    names = DefaultColumnNames(columns);
  }
  if (!options.column_names.empty()) {
    if (options.column_names.size() != static_cast<size_t>(columns)) {
      return Status::Invalid(
          "{}: column_names lists {} names but the file has {} columns ({}); read with {}",
          errors.filename, options.column_names.size(), columns,
          dialect.header ? "per its header" : "in its first record", DescribeDialect(dialect));
    }
    names = options.column_names;
  }

  // ---- Type inference ----
  BlockParserConfig parser;
  parser.tokenizer = tc;
  parser.shape = ShapeOptions{columns, options.null_padding, options.max_record_bytes, false};
  parser.null_values = options.null_values;
  std::vector<ColumnTypeGuess> guesses(static_cast<size_t>(columns));
  if (options.infer_types && options.sample_rows <= 0) {
    BB_ASSIGN_OR_RAISE(guesses, InferWholeFile(file, begin + data_begin, parser, options));
    errors.sample_description = "all rows of the file";
  } else if (options.infer_types) {
    size_t rows = ObserveBlock(parser, text + data_begin, sample->size() - data_begin, complete,
                               static_cast<size_t>(options.sample_rows), &guesses)
                      .value_or(0);
    int regions = 0;
    // Regions start past the rows already observed.
    const size_t last_observed = std::min<size_t>(
        span.num_records() - 1, first + 1 + static_cast<size_t>(options.sample_rows));
    const uint64_t sample_end = begin + span.ends[span.record_last[last_observed]];
    for (int k = 1; !complete && k <= options.sample_regions; ++k) {
      const uint64_t data_start = begin + data_begin;
      const uint64_t at = data_start + (size - data_start) / static_cast<uint64_t>(
                                           options.sample_regions + 1) * static_cast<uint64_t>(k);
      if (at < sample_end) continue;
      const uint64_t end = std::min(size, at + kRegionBytes);
      BB_ASSIGN_OR_RAISE(auto region, file->ReadAt(at, end - at));
      // Start at the first line break: right unless it lies inside a quoted field, in which
      // case the shape checks usually drop the garbled records.
      std::string_view view = region->view();
      size_t nl = view.find(newline);
      if (nl == std::string_view::npos) continue;
      auto observed = ObserveBlock(parser, view.data() + nl + 1, view.size() - nl - 1,
                                   end == size, kRegionRows, &guesses);
      if (observed) {
        rows += *observed;
        ++regions;
      }
    }
    if (complete && static_cast<int64_t>(rows) < options.sample_rows) {
      errors.sample_description = "all rows of the file";
    } else if (complete || regions == 0) {
      errors.sample_description = fmt::format("the first {} rows", rows);
    } else {
      errors.sample_description = fmt::format(
          "{} sampled rows (the start of the file and {} regions spread through it)", rows,
          regions);
    }
  }
  std::vector<DataTypePtr> inferred;
  for (const ColumnTypeGuess& g : guesses) inferred.push_back(g.Resolve());

  // ---- Column options and the output schema ----
  auto resolved = ResolveColumns(names, inferred, options);
  if (!resolved.ok()) return resolved.status().WithContext(errors.filename);
  ResolvedColumns cols = std::move(resolved).MoveValueUnsafe();
  std::vector<Field> out_fields;
  for (int c : cols.projection) out_fields.push_back(cols.file_fields[static_cast<size_t>(c)]);
  parser.columns = cols.projection;
  parser.schema = MakeSchema(std::move(out_fields));
  errors.column_names = names;
  for (const Field& f : cols.file_fields) errors.column_types.push_back(f.type);
  errors.type_inferred = cols.inferred;
  auto planner = MakePlanner(file, begin + data_begin, tc, options);
  return std::make_unique<CsvReader>(std::move(parser), std::move(errors),
                                     MakeSchema(std::move(cols.file_fields)), std::move(planner),
                                     ThreadCount(options), options.batch_rows);
}

}  // namespace bundlebase::csv
