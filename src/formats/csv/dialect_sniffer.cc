// Dialect sniffing: line endings by majority, delimiter/quote/escape by trying
// every candidate on the sample and scoring field-count consistency, header by type evidence.
#include "formats/csv/dialect_sniffer.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/strings.h"
#include "formats/csv/field_grid.h"
#include "formats/csv/input_check.h"
#include "formats/csv/tokenizer.h"
#include "formats/csv/type_inference.h"

namespace bundlebase::csv {

namespace {

// Sniffing looks at most this much text; a few thousand records decide as well as a million.
constexpr size_t kSniffBytes = size_t{256} << 10;
// At most this many title lines are skipped automatically.
constexpr size_t kMaxSkippedTitleLines = 20;

struct Candidate {
  char delimiter;
  char quote;
  char escape;
};

struct Trial {
  Candidate candidate{};
  int columns = 0;
  double score = -1;
  size_t skip_records = 0;  // leading title records
  size_t data_offset = 0;   // where the first kept record starts
};

// Tokenizes a sample whose last record may be cut short (unless `complete`), dropping that
// record. False if the sample breaks the dialect's quoting rules.
bool TokenizeSample(std::string_view text, bool complete, const TokenizerConfig& config,
                    TokenizedSpan* span) {
  SyntaxError error;
  return TokenizePrefix(text.data(), text.size(), complete, config, span, &error);
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

Trial Evaluate(std::string_view text, bool complete, const Candidate& c, char newline,
               bool detect_skip, bool null_padding) {
  Trial trial;
  trial.candidate = c;
  TokenizedSpan span;
  if (!TokenizeSample(text, complete, TokenizerConfig{c.delimiter, c.quote, c.escape, newline},
                      &span)) {
    return trial;  // score -1: breaks the quoting rules
  }
  std::vector<int> counts;  // per record; 0 for blank records
  int64_t prev = -1;
  for (size_t r = 0; r < span.num_records(); ++r) {
    int64_t last = span.record_last[r];
    size_t start = prev < 0 ? 0 : span.ends[prev] + size_t{1};
    int count = static_cast<int>(last - prev);
    if (count == 1 && IsBlank(text.substr(start, span.ends[last] - start))) count = 0;
    counts.push_back(count);
    prev = last;
  }
  std::map<int, size_t> histogram;
  for (int n : counts) {
    if (n > 0) ++histogram[n];
  }
  if (histogram.empty()) {
    trial.columns = 1;
    trial.score = 0;
    return trial;
  }
  // The most frequent count; ties go to the larger count.
  auto mode = std::max_element(histogram.begin(), histogram.end(), [](auto& a, auto& b) {
    return a.second < b.second || (a.second == b.second && a.first < b.first);
  });
  trial.columns = mode->first;
  size_t consistent = mode->second;
  if (null_padding) {
    // Short records are expected and read fine: they count as consistent.
    for (const auto& [n, records_with_n] : histogram) {
      if (n < trial.columns) consistent += records_with_n;
    }
  }
  if (detect_skip && !null_padding && trial.columns > 1) {
    size_t r = 0;
    while (r < counts.size() && counts[r] <= 1 && r < kMaxSkippedTitleLines) ++r;
    const bool any_title = std::count(counts.begin(), counts.begin() + r, 1) > 0;
    if (r < counts.size() && counts[r] == trial.columns && any_title) {
      trial.skip_records = r;
      trial.data_offset = span.ends[span.record_last[r - 1]] + size_t{1};
    }
  }
  // Records explained by the dialect, weighted by how many columns it finds.
  trial.score = static_cast<double>(consistent) * trial.columns;
  return trial;
}

// The most frequent kind of line break wins; counting (rather than taking the first) keeps a
// line break inside a quoted field from deciding. Ties favour \r\n, then \n.
LineEnding DetectLineEnding(std::string_view text) {
  size_t crlf = 0, cr = 0, lf = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++crlf;
        ++i;
      } else {
        ++cr;
      }
    } else if (text[i] == '\n') {
      ++lf;
    }
  }
  if (cr > crlf && cr > lf) return LineEnding::kCr;
  return crlf > 0 && crlf >= lf ? LineEnding::kCrLf : LineEnding::kLf;
}

bool DetectHeader(std::string_view text, bool complete, const CsvDialect& d, int columns,
                  const CsvReadOptions& options) {
  TokenizerConfig config{d.delimiter, d.quote, d.escape, d.newline()};
  TokenizedSpan span;
  if (!TokenizeSample(text, complete, config, &span)) return true;
  FieldGrid grid;
  SyntaxError error;
  ShapeOptions shape{columns, /*null_padding=*/true, options.max_record_bytes,
                     /*skip_malformed=*/true};
  if (!ShapeRecords(text.data(), span, shape, &grid, &error) || grid.num_rows == 0) return true;
  DecodeContext ctx{text.data(), text.size(), &grid, d.quote, d.escape, &options.null_values};
  std::vector<ColumnTypeGuess> body(static_cast<size_t>(columns));
  ObserveGrid(ctx, 1, &body);
  bool any_typed = false;
  std::set<std::string> seen;
  bool distinct_non_empty = true;
  for (int col = 0; col < columns; ++col) {
    FieldText first = ReadField(ctx, 0, col);
    const ColumnTypeGuess& guess = body[static_cast<size_t>(col)];
    if (grid.num_rows == 1) {
      // No rows below: a first record of numbers or dates is data, of words a header.
      ColumnTypeGuess alone;
      if (!first.is_null) alone.Observe(first.text);
      if (alone.Resolve()->id() != TypeId::kUtf8) return false;
    } else if (guess.Resolve()->id() != TypeId::kUtf8) {
      any_typed = true;
      if (!first.is_null && !first.text.empty() && !guess.Fits(first.text)) return true;
    }
    std::string name(Trim(first.text));
    if (first.is_null || name.empty() || !seen.insert(ToLower(name)).second) {
      distinct_non_empty = false;
    }
  }
  if (any_typed) return false;
  return distinct_non_empty;
}

std::vector<Candidate> Candidates(const CsvReadOptions& o) {
  std::vector<char> delimiters = o.delimiter ? std::vector<char>{*o.delimiter}
                                             : std::vector<char>{',', '\t', ';', '|'};
  std::vector<char> quotes = o.quote ? std::vector<char>{*o.quote}
                                     : std::vector<char>{'"', '\'', '\0'};
  std::vector<Candidate> out;
  for (char q : quotes) {
    for (char d : delimiters) {
      if (q == '\0') {
        out.push_back({d, q, q});
        continue;
      }
      std::vector<char> escapes =
          o.escape ? std::vector<char>{*o.escape} : std::vector<char>{q, '\\'};
      for (char e : escapes) out.push_back({d, q, e});
    }
  }
  return out;
}

}  // namespace

size_t SkipLines(std::string_view text, int64_t lines, char newline) {
  size_t pos = 0;
  for (int64_t i = 0; i < lines && pos < text.size(); ++i) {
    size_t nl = text.find(newline, pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  return pos;
}

Result<CsvDialect> SniffDialect(std::string_view sample, bool complete,
                                const CsvReadOptions& options) {
  CsvDialect d;
  const size_t bom = Utf8BomLength(sample);
  d.bom = bom > 0;
  sample.remove_prefix(bom);
  BB_RETURN_NOT_OK(CheckLooksLikeText(sample));
  if (sample.size() > kSniffBytes) {
    sample = sample.substr(0, kSniffBytes);
    complete = false;
  }

  d.detected.line_ending = !options.line_ending.has_value();
  d.line_ending = options.line_ending.value_or(DetectLineEnding(sample));
  const char newline = d.newline();

  size_t start = 0;
  if (options.skip_rows) {
    d.skip_rows = std::max<int64_t>(0, *options.skip_rows);
    start = SkipLines(sample, d.skip_rows, newline);
  }
  std::string_view text = sample.substr(start);

  d.detected.delimiter = !options.delimiter.has_value();
  d.detected.quote = !options.quote.has_value();
  d.detected.escape = !options.escape.has_value();
  const bool detect_skip = !options.skip_rows.has_value();
  // Candidates are compared on the same text: the part before the first quoted field that
  // some candidate sees opened and never closed. Otherwise a candidate that treats quotes as
  // data would win just by reading further, silently hiding an unbalanced quote.
  const std::vector<Candidate> candidates = Candidates(options);
  for (const Candidate& c : candidates) {
    TokenizedSpan span;
    SyntaxError error;
    if (!Tokenize(text.data(), text.size(),
                  TokenizerConfig{c.delimiter, c.quote, c.escape, newline}, &span, &error) &&
        error.kind == SyntaxErrorKind::kUnterminatedQuote) {
      text = text.substr(0, error.offset);
      complete = false;
    }
  }
  Trial best;
  for (const Candidate& c : candidates) {
    Trial t = Evaluate(text, complete, c, newline, detect_skip, options.null_padding);
    if (t.score > best.score || (t.score == best.score && t.columns > best.columns)) best = t;
  }
  if (best.score < 0) {
    // Nothing tokenizes cleanly: keep the first candidate so that reading reports the
    // quoting error with its line and column.
    best.candidate = candidates.front();
    best.columns = 1;
  }
  d.delimiter = best.candidate.delimiter;
  d.quote = best.candidate.quote;
  d.escape = best.candidate.escape;
  if (best.skip_records > 0) {
    d.skip_rows = static_cast<int64_t>(
        std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(best.data_offset),
                   newline));
    d.detected.skip_rows = true;
    text = text.substr(best.data_offset);
  }

  d.detected.header = !options.header.has_value();
  d.header = options.header.has_value()
                 ? *options.header
                 : DetectHeader(text, complete, d, best.columns, options);
  return d;
}

}  // namespace bundlebase::csv
