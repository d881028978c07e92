// string_agg(value, delimiter): the non-NULL values joined, each after its own row's delimiter
// except the first — PostgreSQL's definition, which matters when the delimiter is a column.
// A NULL delimiter counts as empty. text gives text, bytea gives bytea; NULL with no values.
//
// Each group keeps the joined bytes including the first value's delimiter plus that
// delimiter's length, so that merging another thread's partial string is one append (its first
// delimiter is then needed) and Finalize drops the leading delimiter. Without ORDER BY the
// order is the input order within a thread and unspecified across threads, as in PostgreSQL.
#include <string>

#include "sql/functions/aggregate_functions.h"
#include "sql/functions/aggregate_util.h"

namespace bundlebase::sql {
namespace {

class StringAggAggregator final : public AggregatorBase {
 public:
  explicit StringAggAggregator(DataTypePtr type) : type_(std::move(type)) {}

  Status Update(const std::vector<Datum>& args, const uint32_t* group_ids,
                int64_t length) override {
    BB_ASSIGN_OR_RAISE(ArrayPtr column, ArgumentColumn(args, 0, length));
    if (args.size() < 2) return Status::Internal("string_agg needs a value and a delimiter");
    const Array& values = *column;
    const bool single = single_group(group_ids);
    if (args[1].is_scalar()) {
      const Scalar& delimiter = args[1].scalar();
      const std::string_view fixed =
          delimiter.is_null() ? std::string_view() : std::string_view(delimiter.get<std::string>());
      VisitValidRuns(values, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
          Append(single ? 0 : group_ids[i], fixed, values.GetView(i));
        }
      });
      return Status::OK();
    }
    const Array& delimiters = *args[1].array();
    VisitValidRuns(values, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) {
        const std::string_view delimiter =
            delimiters.IsNull(i) ? std::string_view() : delimiters.GetView(i);
        Append(single ? 0 : group_ids[i], delimiter, values.GetView(i));
      }
    });
    return Status::OK();
  }

  Status Merge(GroupedAggregator& other, const uint32_t* group_map) override {
    auto& from = static_cast<StringAggAggregator&>(other);
    for (size_t g = 0; g < from.joined_.size(); ++g) {
      if (!from.seen_[g]) continue;
      const uint32_t to = group_map[g];
      if (!seen_[to]) {
        joined_[to] = std::move(from.joined_[g]);
        first_delimiter_[to] = from.first_delimiter_[g];
        seen_[to] = 1;
      } else {
        joined_[to] += from.joined_[g];
      }
    }
    return Status::OK();
  }

  Result<ArrayPtr> Finalize() override {
    BinaryBuilder builder(type_);
    BB_RETURN_NOT_OK(builder.Reserve(static_cast<int64_t>(joined_.size())));
    for (size_t g = 0; g < joined_.size(); ++g) {
      if (!seen_[g]) {
        BB_RETURN_NOT_OK(builder.AppendNull());
        continue;
      }
      BB_RETURN_NOT_OK(builder.Append(std::string_view(joined_[g]).substr(first_delimiter_[g])));
    }
    return builder.Finish();
  }

 private:
  void Append(uint32_t group, std::string_view delimiter, std::string_view value) {
    if (!seen_[group]) {
      first_delimiter_[group] = delimiter.size();
      seen_[group] = 1;
    }
    joined_[group].append(delimiter);
    joined_[group].append(value);
  }
  Status Grow(int64_t num_groups) override {
    joined_.resize(static_cast<size_t>(num_groups));
    first_delimiter_.resize(static_cast<size_t>(num_groups), 0);
    seen_.resize(static_cast<size_t>(num_groups), 0);
    return Status::OK();
  }

  DataTypePtr type_;
  std::vector<std::string> joined_;
  std::vector<size_t> first_delimiter_;
  std::vector<uint8_t> seen_;
};

}  // namespace

void AddStringAggAggregates(std::vector<AggregateFunction>* out) {
  AggregatorFactory factory = WithCallOptions(
      [](const AggregateCallOptions& options) -> Result<std::unique_ptr<GroupedAggregator>> {
        if (options.arg_types.empty()) return Status::Internal("string_agg needs two arguments");
        return std::make_unique<StringAggAggregator>(options.arg_types[0]);
      },
      /*order_sensitive=*/true);
  AggregateFunction string_agg;
  string_agg.name = "string_agg";
  string_agg.doc = {"Concatenates the non-NULL values, separated by the delimiter, in the order "
                    "of ORDER BY if given (else unspecified); NULL when there are none.",
                    "string_agg(text, text [ORDER BY ...]) -> text, string_agg(bytea, bytea) -> "
                    "bytea",
                    "string_agg(x, ', ' ORDER BY x) over ('b'), ('a'), (NULL) -> 'a, b'"};
  string_agg.kernels.push_back(
      {{InputType::Exact(Utf8()), InputType::Exact(Utf8())}, FixedOutput(Utf8()), factory});
  string_agg.kernels.push_back({{InputType::Exact(Binary()), InputType::Exact(Binary())},
                                FixedOutput(Binary()), factory});
  out->push_back(std::move(string_agg));
}

}  // namespace bundlebase::sql
