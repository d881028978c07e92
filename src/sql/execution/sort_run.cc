// Run sorting (prefix-first comparisons) and the heap-based k-way merge.
#include "sql/execution/sort_run.h"

#include <algorithm>

namespace bundlebase::sql {
namespace {

// LSD radix sort of entries by prefix, one byte per pass; passes where every entry has the same
// byte are skipped, so small or clustered keys take few passes.
void RadixSortByPrefix(std::vector<SortEntry>* entries) {
  const size_t n = entries->size();
  std::vector<SortEntry> scratch(n);
  SortEntry* from = entries->data();
  SortEntry* to = scratch.data();
  for (int pass = 0; pass < 8; ++pass) {
    const int shift = pass * 8;
    size_t counts[256] = {};
    for (size_t i = 0; i < n; ++i) ++counts[(from[i].prefix >> shift) & 0xff];
    if (counts[(from[0].prefix >> shift) & 0xff] == n) continue;
    size_t offsets[256];
    size_t sum = 0;
    for (int b = 0; b < 256; ++b) {
      offsets[b] = sum;
      sum += counts[b];
    }
    for (size_t i = 0; i < n; ++i) to[offsets[(from[i].prefix >> shift) & 0xff]++] = from[i];
    std::swap(from, to);
  }
  if (from != entries->data()) std::copy(from, from + n, entries->data());
}

// Runs of radix-sorted entries below this size are sorted by comparison instead.
constexpr int64_t kRadixMinRows = 256;

}  // namespace

Result<RunSorter> RunSorter::Make(const Schema& schema, std::vector<SortKey> keys) {
  if (keys.empty()) return Status::Internal("a sort needs at least one key");
  RunSorter sorter;
  sorter.first_key_exact_ = SortPrefixIsExact(*schema.field(keys[0].column).type);
  sorter.null_prefix_ = NullSortPrefix(keys[0]);
  BB_ASSIGN_OR_RAISE(sorter.comparator_, RowComparator::Make(schema, std::move(keys)));
  return sorter;
}

SortedRun RunSorter::Sort(RecordBatchPtr batch, int64_t keep) const {
  SortedRun run;
  const int64_t n = batch->num_rows();
  std::vector<uint64_t> prefixes(static_cast<size_t>(n));
  ComputeSortPrefixes(*batch->column(comparator_.keys()[0].column), comparator_.keys()[0],
                      prefixes.data());
  run.entries.resize(static_cast<size_t>(n));
  for (int64_t r = 0; r < n; ++r) run.entries[r] = {prefixes[r], static_cast<uint32_t>(r)};

  const std::vector<const Array*> columns = comparator_.KeyColumns(*batch);
  const Array* const* cols = columns.data();
  const bool single_exact_key = first_key_exact_ && comparator_.keys().size() == 1;
  const uint64_t null_prefix = null_prefix_;
  auto less = [&](const SortEntry& a, const SortEntry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (single_exact_key && a.prefix != null_prefix) return false;
    return CompareRows(a.prefix, cols, a.row, b.prefix, cols, b.row) < 0;
  };
  if (keep >= 0 && keep < n) {
    if (keep > 0) {
      std::nth_element(run.entries.begin(), run.entries.begin() + (keep - 1), run.entries.end(),
                       less);
    }
    run.entries.resize(static_cast<size_t>(keep));
  }
  if (static_cast<int64_t>(run.entries.size()) < kRadixMinRows) {
    std::sort(run.entries.begin(), run.entries.end(), less);
  } else {
    // Radix by prefix, then order each stretch of equal prefixes by the full comparison
    // (unless the prefix alone decides).
    RadixSortByPrefix(&run.entries);
    const size_t size = run.entries.size();
    for (size_t begin = 0; begin < size;) {
      size_t end = begin + 1;
      while (end < size && run.entries[end].prefix == run.entries[begin].prefix) ++end;
      if (end - begin > 1 && !(single_exact_key && run.entries[begin].prefix != null_prefix)) {
        std::sort(run.entries.begin() + begin, run.entries.begin() + end, less);
      }
      begin = end;
    }
  }
  run.batch = std::move(batch);
  return run;
}

std::vector<RowRef> RunSorter::Merge(const std::vector<SortedRun>& runs, int64_t skip,
                                     int64_t limit) const {
  int64_t total = 0;
  for (const SortedRun& run : runs) total += static_cast<int64_t>(run.entries.size());
  const int64_t end = limit < 0 ? total : std::min(total, skip + limit);
  std::vector<RowRef> out;
  if (skip >= end) return out;
  out.reserve(static_cast<size_t>(end - skip));

  std::vector<std::vector<const Array*>> columns;
  std::vector<size_t> position(runs.size(), 0);
  std::vector<uint32_t> heap;  // run indices; heap[0] holds the smallest current row
  for (size_t r = 0; r < runs.size(); ++r) {
    columns.push_back(comparator_.KeyColumns(*runs[r].batch));
    if (!runs[r].entries.empty()) heap.push_back(static_cast<uint32_t>(r));
  }
  auto after = [&](uint32_t x, uint32_t y) {
    const SortEntry& a = runs[x].entries[position[x]];
    const SortEntry& b = runs[y].entries[position[y]];
    return CompareRows(a.prefix, columns[x].data(), a.row, b.prefix, columns[y].data(), b.row) > 0;
  };
  std::make_heap(heap.begin(), heap.end(), after);

  for (int64_t emitted = 0; emitted < end; ++emitted) {
    const uint32_t top = heap[0];
    if (emitted >= skip) out.push_back({top, runs[top].entries[position[top]].row});
    if (++position[top] == runs[top].entries.size()) {
      heap[0] = heap.back();
      heap.pop_back();
    }
    // Sift heap[0] down to its place.
    size_t i = 0;
    const size_t size = heap.size();
    while (true) {
      size_t smallest = i;
      const size_t l = 2 * i + 1;
      const size_t r = l + 1;
      if (l < size && after(heap[smallest], heap[l])) smallest = l;
      if (r < size && after(heap[smallest], heap[r])) smallest = r;
      if (smallest == i) break;
      std::swap(heap[i], heap[smallest]);
      i = smallest;
    }
  }
  return out;
}

}  // namespace bundlebase::sql
