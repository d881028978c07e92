// Random-access reads of a local file: pread(2) for small files, one shared memory mapping for
// large ones.
//
// Parquet readers fetch many column chunks of one big file from several threads. Mapping the
// file once and handing out slices that keep the mapping alive (Buffer::Wrap with an owner)
// avoids a copy per chunk and a system call per read; the mapping is released when the file
// object and every buffer sliced from it are gone. Small files are not worth a mapping.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "io/file_system.h"

namespace bundlebase::io {

// Opens `path` (a regular file); maps it when its size is at least `mmap_threshold` and
// falls back to pread if the mapping fails.
Result<std::unique_ptr<RandomAccessFile>> OpenLocalRandomAccessFile(const std::string& path,
                                                                    uint64_t mmap_threshold);

}  // namespace bundlebase::io
