// The boxed table printer: choosing rows and columns that fit, measuring in display columns,
// and drawing the box.
#include "columnar/pretty_print.h"

#include <algorithm>

#include <fmt/format.h>

#include "columnar/display_width.h"
#include "columnar/value_formatting.h"

namespace bundlebase {
namespace {

enum class Align { kLeft, kRight, kCenter };

constexpr int kEllipsisColumn = -1;

// Control characters would break the box (a newline ends the row early): show them as escapes.
std::string EscapeControls(std::string text) {
  if (std::none_of(text.begin(), text.end(),
                   [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return text;
  }
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

struct Column {
  std::string name;
  std::string type;
  Align align = Align::kLeft;
  std::vector<std::string> cells;  // the shown rows, in order
  int64_t width = 1;
};

void AppendRepeated(std::string_view piece, int64_t times, std::string* out) {
  for (int64_t i = 0; i < times; ++i) out->append(piece);
}

void AppendPadded(const std::string& text, int64_t width, Align align, std::string* out) {
  const std::string fitted = TruncateToWidth(text, width);
  const int64_t space = width - DisplayWidth(fitted);
  const int64_t left = align == Align::kRight ? space : align == Align::kCenter ? space / 2 : 0;
  out->append(static_cast<size_t>(left), ' ');
  out->append(fitted);
  out->append(static_cast<size_t>(space - left), ' ');
}

// One text line of the table: "│ a │ b │".
template <typename CellOf>
void AppendRow(const std::vector<int>& visible, const std::vector<Column>& columns,
               CellOf&& cell_of, std::string* out) {
  out->append("│");
  for (int c : visible) {
    const int64_t width = c == kEllipsisColumn ? 1 : columns[c].width;
    auto [text, align] = cell_of(c);
    out->push_back(' ');
    AppendPadded(text, width, align, out);
    out->append(" │");
  }
  out->push_back('\n');
}

// A border line: `left`, then for each column its width in "─" joined by `middle`, then `right`.
void AppendBorder(const std::vector<int>& visible, const std::vector<Column>& columns,
                  std::string_view left, std::string_view middle, std::string_view right,
                  std::string* out) {
  out->append(left);
  for (size_t i = 0; i < visible.size(); ++i) {
    if (i) out->append(middle);
    const int64_t width = visible[i] == kEllipsisColumn ? 1 : columns[visible[i]].width;
    AppendRepeated("─", width + 2, out);
  }
  out->append(right);
  out->push_back('\n');
}

int64_t TableWidth(const std::vector<int>& visible, const std::vector<Column>& columns) {
  int64_t width = 1;
  for (int c : visible) width += (c == kEllipsisColumn ? 1 : columns[c].width) + 3;
  return width;
}

// The columns to draw, left to right, with kEllipsisColumn standing for hidden ones. Outer
// columns are kept first, alternating left and right, as DuckDB does.
std::vector<int> ChooseColumns(std::vector<Column>* columns, int64_t max_width) {
  const int n = static_cast<int>(columns->size());
  std::vector<int> all(n);
  for (int i = 0; i < n; ++i) all[i] = i;
  if (max_width <= 0 || TableWidth(all, *columns) <= max_width) return all;
  if (n == 1) {
    (*columns)[0].width = std::max<int64_t>(1, max_width - 4);
    return all;
  }
  const int64_t budget = max_width - 1 - 4;  // the left border and the "…" column
  std::vector<int> left;
  std::vector<int> right;
  int64_t used = 0;
  int l = 0;
  int r = n - 1;
  for (bool take_left = true; l <= r; take_left = !take_left) {
    const int c = take_left ? l : r;
    const int64_t cost = (*columns)[c].width + 3;
    if (used + cost > budget) break;
    used += cost;
    if (take_left) {
      left.push_back(l++);
    } else {
      right.push_back(r--);
    }
  }
  if (left.empty()) {
    (*columns)[0].width = std::max<int64_t>(1, budget - 3);
    left.push_back(0);
  }
  left.push_back(kEllipsisColumn);
  left.insert(left.end(), right.rbegin(), right.rend());
  return left;
}

}  // namespace

std::string FormatBatchesAsTable(const SchemaPtr& schema,
                                 const std::vector<RecordBatchPtr>& batches,
                                 const TableFormatOptions& options) {
  int64_t total = 0;
  for (const auto& b : batches) total += b->num_rows();
  if (schema->num_fields() == 0) return fmt::format("({} rows, no columns)\n", total);
  const bool cut_rows = options.max_rows > 0 && total > options.max_rows;
  const int64_t head = cut_rows ? (options.max_rows + 1) / 2 : total;
  const int64_t tail_start = cut_rows ? total - options.max_rows / 2 : total;

  std::vector<Column> columns(schema->num_fields());
  for (int c = 0; c < schema->num_fields(); ++c) {
    const Field& field = schema->field(c);
    columns[c].name = EscapeControls(field.name);
    columns[c].type = field.type->ToString();
    columns[c].align = field.type->is_numeric() ? Align::kRight : Align::kLeft;
  }
  int64_t first_row = 0;
  for (const auto& batch : batches) {
    for (int64_t r = 0; r < batch->num_rows(); ++r) {
      const int64_t row = first_row + r;
      if (row >= head && row < tail_start) {
        r = tail_start - first_row - 1;  // jump to the tail
        continue;
      }
      for (int c = 0; c < batch->num_columns(); ++c) {
        const Array& array = *batch->column(c);
        std::string text;
        if (array.IsNull(r)) {
          text = options.null_text;
        } else {
          (void)AppendFormattedValue(array, r, &text);
        }
        columns[c].cells.push_back(EscapeControls(std::move(text)));
      }
    }
    first_row += batch->num_rows();
  }
  const int64_t limit = options.max_column_width > 0 ? options.max_column_width : INT64_MAX;
  for (auto& column : columns) {
    int64_t width = std::max(DisplayWidth(column.name), DisplayWidth(column.type));
    for (const auto& cell : column.cells) width = std::max(width, DisplayWidth(cell));
    column.width = std::clamp<int64_t>(width, 1, limit);
  }
  std::vector<int> visible = ChooseColumns(&columns, options.max_width);

  std::vector<std::string> footer;
  if (total == 0) footer.push_back("(0 rows)");
  if (cut_rows) {
    footer.push_back(fmt::format("{} rows ({} shown)", total, head + (total - tail_start)));
  }
  const int64_t shown_columns =
      static_cast<int64_t>(visible.size()) -
      (std::find(visible.begin(), visible.end(), kEllipsisColumn) != visible.end() ? 1 : 0);
  std::string hidden_note;
  if (shown_columns < schema->num_fields()) {
    std::vector<std::string> hidden;
    for (int c = 0; c < schema->num_fields(); ++c) {
      if (std::find(visible.begin(), visible.end(), c) == visible.end()) {
        hidden.push_back(columns[c].name);
      }
    }
    hidden_note = fmt::format("{} columns ({} shown), hidden: {}", schema->num_fields(),
                              shown_columns, fmt::join(hidden, ", "));
  }
  // The row count must be readable: widen the last column for it. The hidden-column list is
  // only a hint, cut to the width the table has.
  for (const auto& line : footer) {
    const int64_t missing = DisplayWidth(line) + 4 - TableWidth(visible, columns);
    if (missing > 0) {
      const int last = visible.back() == kEllipsisColumn ? visible[visible.size() - 2]
                                                         : visible.back();
      columns[last].width += missing;
    }
  }
  const int64_t inner = TableWidth(visible, columns) - 2;
  if (!hidden_note.empty()) footer.push_back(TruncateToWidth(hidden_note, inner - 2));

  std::string out;
  AppendBorder(visible, columns, "┌", "┬", "┐", &out);
  using Cell = std::pair<std::string, Align>;
  auto header = [&](bool names) {
    AppendRow(visible, columns, [&](int c) {
      if (c == kEllipsisColumn) return Cell(names ? "…" : "", Align::kLeft);
      return Cell(names ? columns[c].name : columns[c].type, Align::kCenter);
    }, &out);
  };
  header(true);
  header(false);
  if (total > 0) AppendBorder(visible, columns, "├", "┼", "┤", &out);
  const size_t shown_rows = columns[0].cells.size();
  for (size_t r = 0; r < shown_rows; ++r) {
    if (cut_rows && static_cast<int64_t>(r) == head) {
      AppendRow(visible, columns, [](int) { return Cell("⋮", Align::kCenter); }, &out);
    }
    AppendRow(visible, columns, [&](int c) {
      if (c == kEllipsisColumn) return Cell("…", Align::kLeft);
      return Cell(columns[c].cells[r], columns[c].align);
    }, &out);
  }
  if (footer.empty()) {
    AppendBorder(visible, columns, "└", "┴", "┘", &out);
    return out;
  }
  AppendBorder(visible, columns, "├", "┴", "┤", &out);
  for (const auto& line : footer) {
    out.append("│ ");
    AppendPadded(line, inner - 2, Align::kLeft, &out);
    out.append(" │\n");
  }
  out.append("└");
  AppendRepeated("─", inner, &out);
  out.append("┘\n");
  return out;
}

std::string ArrayToString(const Array& array) {
  std::string out = "[";
  for (int64_t i = 0; i < array.length(); ++i) {
    if (i) out.append(", ");
    (void)AppendFormattedValue(array, i, &out);
  }
  out.push_back(']');
  return out;
}

}  // namespace bundlebase
