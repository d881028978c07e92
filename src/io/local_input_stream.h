// Sequential, read-ahead reads of a local file, for streaming parsers (CSV, JSON lines).
//
// The stream reads the file in fixed-size chunks and hands out zero-copy slices of the current
// chunk, so a parser asking for a few bytes at a time costs no system call per request. A
// request of at least a chunk bypasses read-ahead and reads straight into the returned buffer.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "io/file_system.h"

namespace bundlebase::io {

// Opens `path` (a regular file) for sequential reading in chunks of `buffer_size` bytes.
// Read(0) is an Invalid error: an empty result is reserved for the end of the stream.
Result<std::unique_ptr<InputStream>> OpenLocalInputStream(const std::string& path,
                                                          size_t buffer_size);

}  // namespace bundlebase::io
