// Datum helpers: turning a scalar into a column when a kernel needs one.
#include "sql/functions/datum.h"

#include "columnar/builder.h"

namespace bundlebase::sql {

Result<ArrayPtr> MakeArrayFromScalar(const Scalar& value, int64_t length) {
  if (value.is_null()) return MakeNullArray(value.type(), length);
  BB_ASSIGN_OR_RAISE(auto builder, MakeBuilder(value.type()));
  BB_RETURN_NOT_OK(builder->Reserve(length));
  for (int64_t i = 0; i < length; ++i) BB_RETURN_NOT_OK(AppendScalar(builder.get(), value));
  return builder->Finish();
}

Result<ArrayPtr> DatumToArray(const Datum& datum, int64_t length) {
  if (datum.is_array()) return datum.array();
  return MakeArrayFromScalar(datum.scalar(), length);
}

}  // namespace bundlebase::sql
