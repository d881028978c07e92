// Cast: converting a column from one type to another, with PostgreSQL's rules (DESIGN §2).
//
// Every value that cannot be represented in the target type is an error naming the row and the
// value ("value 300 is out of range for int8 (row 3)", "cannot cast 'abc' to int64 (row 3)");
// nothing wraps, saturates or silently becomes NULL unless the caller asks for TRY_CAST
// semantics with CastOptions::null_on_error. Rows are counted from 0 within the array.
//
// Supported pairs (CanCast answers the same question without data):
//   identical types              the input itself, no copy
//   null -> any                  all NULL
//   integer <-> integer          range checked
//   integer/decimal -> float     nearest value
//   float -> integer             rounded half to even (PostgreSQL's rint()), range checked;
//                                NaN and infinities are out of range
//   float -> float               float64 -> float32 fails on overflow and on underflow to 0
//   decimal <-> integer          decimal -> integer rounds half away from zero (as numeric does)
//   float -> decimal             through the float's 15 (float32: 6) significant digits, as
//                                PostgreSQL's float8_numeric does, then rounded to the scale
//   decimal -> decimal           rescaled, rounding half away from zero; precision checked
//   bool <-> integer             true = 1; any nonzero integer is true
//   any -> utf8                  value_formatting.h's text; binary -> utf8 reinterprets the
//                                bytes and fails on invalid UTF-8
//   utf8 -> bool, numbers, date32, time64, timestamp, binary
//                                value_parsing.h's input forms; a date also accepts a timestamp
//                                text (its date part, as PostgreSQL does)
//   date32 <-> timestamp         midnight in the timestamp's zone; timestamp -> date floors
//   timestamp -> timestamp       unit changes multiply (overflow checked) or floor; naive <->
//                                zoned reads the naive value as local time in the zone (UTC or
//                                a fixed offset; other zones are NotImplemented)
//   timestamp -> time64          the (local) time of day
//   time64 -> time64             unit change
//   list<a> -> list<b>           element-wise
//   struct -> struct             field by field, matched by name (exact, then ignoring case);
//                                a target field missing from the source becomes NULL, a source
//                                field missing from the target is an error (it would be lost)
// Other pairs are TypeErrors: "cannot cast date32 to int64".
#pragma once

#include "columnar/array.h"
#include "columnar/scalar.h"

namespace bundlebase {

struct CastOptions {
  // TRY_CAST: a value that cannot be converted becomes NULL instead of failing the cast.
  bool null_on_error = false;
};

bool CanCast(const DataType& from, const DataType& to);

Result<ArrayPtr> Cast(const ArrayPtr& array, const DataTypePtr& to,
                      const CastOptions& options = {});

// One value, for constants; same rules as Cast.
Result<Scalar> CastScalar(const Scalar& value, const DataTypePtr& to,
                          const CastOptions& options = {});

}  // namespace bundlebase
