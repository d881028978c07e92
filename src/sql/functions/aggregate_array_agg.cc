// array_agg(x): every input value of the group, NULLs included, as a list<x>; NULL for a group
// without rows (PostgreSQL returns NULL, not an empty array).
//
// Input columns are kept as they arrive, with the group of each row. Finalize orders the rows
// by group with a stable counting sort, so each list holds its rows in input order — within a
// thread; across threads the order is unspecified, as in PostgreSQL, unless the call has ORDER
// BY — and gathers them into the list's child column in one pass, whatever x's type.
#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_rows.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

class ArrayAggAggregator final : public AggregatorBase {
 public:
  explicit ArrayAggAggregator(DataTypePtr value_type) : value_type_(std::move(value_type)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    if (length == 0) return Status::OK();
    chunks_.push_back(std::move(column));
    const bool single = single_group(group_ids);
    for (int64_t i = 0; i < length; ++i) groups_.push_back(single ? 0 : group_ids[i]);
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<ArrayAggAggregator&>(other);
    for (ArrayPtr& chunk : from.chunks_) chunks_.push_back(std::move(chunk));
    for (uint32_t g : from.groups_) groups_.push_back(group_map[g]);
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    const size_t num_groups = static_cast<size_t>(num_groups_);
    // Counting sort of the rows by group: starts[g] is where group g's rows begin.
    std::vector<int64_t> starts(num_groups + 1, 0);
    for (uint32_t g : groups_) ++starts[g + 1];
    for (size_t g = 0; g < num_groups; ++g) starts[g + 1] += starts[g];
    if (starts[num_groups] > INT32_MAX) {
      return Status::ResourceExhausted("array_agg would collect {} values, more than a list "
                                       "column holds (2^31 - 1); aggregate fewer rows",
                                       starts[num_groups]);
    }
    std::vector<int64_t> rows(groups_.size());
    std::vector<int64_t> next(starts.begin(), starts.end() - 1);
    for (size_t r = 0; r < groups_.size(); ++r) rows[next[groups_[r]]++] = static_cast<int64_t>(r);

    ArrayPtr child;
    if (chunks_.empty()) {
      BB_ASSIGN_OR_RAISE(child, MakeNullArray(value_type_, 0));
    } else {
      BB_ASSIGN_OR_RAISE(ArrayPtr all, Concatenate(chunks_));
      BB_ASSIGN_OR_RAISE(child, TakeRows(*all, rows));
    }
    const size_t offsets_bytes = (num_groups + 1) * sizeof(int32_t);
    BB_ASSIGN_OR_RAISE(auto offsets, MutableBuffer::Allocate(offsets_bytes));
    offsets->UnsafeSetSize(offsets_bytes);
    BB_ASSIGN_OR_RAISE(auto validity,
                       MutableBuffer::Allocate(bitmap::BytesForBits(num_groups), true));
    validity->UnsafeSetSize(bitmap::BytesForBits(num_groups));
    int64_t nulls = 0;
    for (size_t g = 0; g <= num_groups; ++g) {
      offsets->mutable_data_as<int32_t>()[g] = static_cast<int32_t>(starts[g]);
      if (g == num_groups) break;
      if (starts[g + 1] > starts[g]) {
        bitmap::SetBit(validity->mutable_data(), static_cast<int64_t>(g));
      } else {
        ++nulls;
      }
    }
    return std::make_shared<Array>(
        List(value_type_), static_cast<int64_t>(num_groups),
        std::vector<BufferPtr>{BufferPtr(std::move(validity)), BufferPtr(std::move(offsets))},
        nulls, 0, std::vector<ArrayPtr>{child});
  }

 private:
  Status Grow(int64_t) override { return Status::OK(); }

  DataTypePtr value_type_;
  std::vector<ArrayPtr> chunks_;
  std::vector<uint32_t> groups_;  // the group of every row of chunks_, in order
};

}  // namespace

void AddArrayAggAggregates(std::vector<AggregateFunction>* out) {
  AggregatorFactory factory = WithCallOptions(
      [](const AggregateCallOptions& options) -> Result<std::unique_ptr<GroupedAggregator>> {
        if (options.arg_types.empty()) return Status::Internal("array_agg needs one argument");
        return std::make_unique<ArrayAggAggregator>(options.arg_types[0]);
      },
      /*order_sensitive=*/true);
  OutputType list_of_input =
      ComputedOutput([](const std::vector<DataTypePtr>& args) -> Result<DataTypePtr> {
        return List(args[0]);
      });
  out->push_back({"array_agg",
                  {"Collects the values, NULLs included, into a list, in the order of ORDER BY "
                   "if given (else unspecified); NULL when there are no rows.",
                   "array_agg(any [ORDER BY ...]) -> list of that type",
                   "array_agg(x ORDER BY x) over (2), (NULL), (1) -> [1, 2, NULL]"},
                  {{{InputType::Any()}, list_of_input, factory}}});
}

}  // namespace bundlebase::sql
