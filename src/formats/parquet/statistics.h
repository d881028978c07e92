// Decodes the min/max bytes of Parquet column statistics into values of the leaf's type, and
// decides when they can be trusted (the deprecated min/max fields used signed byte order, which
// is wrong for strings and unsigned integers, so those are ignored).
#pragma once

#include "formats/parquet/file_reader.h"

namespace bundlebase::parquet {

ColumnStatistics DecodeStatistics(const LeafColumn& leaf, const parquet::Statistics& stats,
                                  bool type_defined_order);

}  // namespace bundlebase::parquet
