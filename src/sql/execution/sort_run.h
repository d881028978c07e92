// Sorted runs and their k-way merge: the sort algorithm behind ORDER BY, top-N and windows.
//
// A run is one batch plus its row numbers in key order, each paired with the first key's
// normalized prefix (row_comparator.h), so sorting and merging compare one integer first and
// fall back to the typed comparison only on ties. Each thread sorts its own runs; the merge
// interleaves them into one order of (run, row) references, from which the output batches are
// gathered.
#pragma once

#include <cstdint>
#include <vector>

#include "sql/execution/row_comparator.h"
#include "sql/execution/sort_gather.h"

namespace bundlebase::sql {

struct SortEntry {
  uint64_t prefix;
  uint32_t row;
};

struct SortedRun {
  RecordBatchPtr batch;
  std::vector<SortEntry> entries;  // in key order
};

class RunSorter {
 public:
  static Result<RunSorter> Make(const Schema& schema, std::vector<SortKey> keys);

  const RowComparator& comparator() const { return comparator_; }

  // Sorts the rows of `batch`. With keep >= 0 only the first `keep` rows in order are kept
  // (top-N), found without sorting the rest.
  SortedRun Sort(RecordBatchPtr batch, int64_t keep = -1) const;

  // The rows of every run in key order, skipping the first `skip` and stopping after `limit`
  // (-1: no limit). A reference's source is the run's index.
  std::vector<RowRef> Merge(const std::vector<SortedRun>& runs, int64_t skip = 0,
                            int64_t limit = -1) const;

  // Orders row i of batch a (with prefix pa) against row j of batch b.
  int CompareRows(uint64_t pa, const Array* const* a, uint32_t i, uint64_t pb,
                  const Array* const* b, uint32_t j) const {
    if (pa != pb) return pa < pb ? -1 : 1;
    const bool exact = first_key_exact_ && pa != null_prefix_;
    return comparator_.Compare(a, i, b, j, exact ? 1 : 0);
  }

 private:
  RowComparator comparator_;
  bool first_key_exact_ = false;
  uint64_t null_prefix_ = 0;
};

}  // namespace bundlebase::sql
