// Checks on the first bytes of a file before it is treated as CSV text: byte order marks and
// binary content. A Parquet, gzip or zip file named .csv (or an image, or random bytes) must
// fail with a message that says what the file seems to be, not with "too many fields".
#pragma once

#include <cstddef>
#include <string_view>

#include "bundlebase/status.h"

namespace bundlebase::csv {

// Length of a UTF-8 byte order mark at the start of `head` (3), or 0.
size_t Utf8BomLength(std::string_view head);

// Invalid when `head` (the start of a file) is not plausibly UTF-8/ASCII text: a UTF-16 or
// UTF-32 byte order mark, a NUL byte, or the magic number of a known binary format followed by
// bytes that text does not contain (control characters, invalid UTF-8).
Status CheckLooksLikeText(std::string_view head);

}  // namespace bundlebase::csv
