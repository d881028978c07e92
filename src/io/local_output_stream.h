// Buffered, durable writes of a local file, published according to a WriteMode.
//
// kAtomicReplace and kCreateIfAbsent write to a hidden temporary file in the target's
// directory (".<name>.tmp-<hex>", created with O_EXCL), so nothing is visible under the target
// name before Close. Close flushes, fsyncs the file, publishes it — rename(2) over the target,
// or link(2) to the target, which fails if the name exists, atomically even between processes
// — then fsyncs the directory. kTruncate writes in place.
//
// Any failure, an Abort, or destroying an unclosed stream discards the work: the temporary
// file is removed and the target keeps its old contents. For kTruncate, which has already
// replaced the target with a partial file, the partial file is removed: a half-written file
// must never look complete. A failed write poisons the stream; later calls return that error.
//
// One caveat: if the directory fsync after a successful rename or link fails, Close reports
// the error although the new file is already visible (it cannot be unpublished safely).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "io/file_system.h"

namespace bundlebase::io {

// Opens a stream that publishes `path` per `mode`, creating missing parent directories.
// `buffer_size` bytes are gathered before each write(2).
Result<std::unique_ptr<OutputStream>> OpenLocalOutputStream(const std::string& path,
                                                            WriteMode mode, size_t buffer_size);

}  // namespace bundlebase::io
