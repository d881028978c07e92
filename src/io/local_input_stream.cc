// Chunked read-ahead over read(2) for local files.
#include "io/local_input_stream.h"

#include <fcntl.h>

#include <algorithm>
#include <utility>

#include "io/posix_util.h"

namespace bundlebase::io {
namespace {

// Caps one direct read, so Read(UINT64_MAX) ("whatever you have") cannot ask for the whole
// remaining file in a single allocation.
constexpr uint64_t kMaxDirectRead = uint64_t{16} << 20;

class LocalInputStream final : public InputStream {
 public:
  LocalInputStream(std::string path, ScopedFd fd, uint64_t size_at_open, size_t buffer_size)
      : path_(std::move(path)),
        fd_(std::move(fd)),
        size_at_open_(size_at_open),
        buffer_size_(std::max<size_t>(buffer_size, 1)) {}

  const std::string& path() const override { return path_; }

  Result<std::shared_ptr<Buffer>> Read(uint64_t max_bytes) override {
    if (max_bytes == 0) {
      return Status::Invalid("read of 0 bytes from '{}': an empty result means end of stream",
                             path_);
    }
    if (chunk_ && chunk_pos_ < chunk_->size()) return TakeFromChunk(max_bytes);
    // The size seen at open is a hint only: a file still growing is read to its real end.
    uint64_t remaining_hint = size_at_open_ > position_ ? size_at_open_ - position_ : 0;
    if (max_bytes >= buffer_size_ && remaining_hint >= buffer_size_) {
      return ReadDirect(std::min({max_bytes, remaining_hint, kMaxDirectRead}));
    }
    BB_RETURN_NOT_OK(FillChunk());
    return TakeFromChunk(max_bytes);
  }

 private:
  Result<std::shared_ptr<Buffer>> ReadDirect(uint64_t length) {
    BB_ASSIGN_OR_RAISE(auto buffer, MutableBuffer::Allocate(static_cast<size_t>(length)));
    BB_ASSIGN_OR_RAISE(size_t got, ReadFully(fd_.get(), buffer->mutable_data(),
                                             static_cast<size_t>(length), path_));
    BB_RETURN_NOT_OK(buffer->Resize(got));
    position_ += got;
    return std::shared_ptr<Buffer>(std::move(buffer));
  }

  // Refills the read-ahead chunk, reusing its memory unless a returned slice still holds it.
  Status FillChunk() {
    if (!chunk_ || chunk_.use_count() > 1) {
      BB_ASSIGN_OR_RAISE(chunk_, MutableBuffer::Allocate(buffer_size_));
    }
    BB_RETURN_NOT_OK(chunk_->Resize(buffer_size_));
    BB_ASSIGN_OR_RAISE(size_t got,
                       ReadFully(fd_.get(), chunk_->mutable_data(), buffer_size_, path_));
    BB_RETURN_NOT_OK(chunk_->Resize(got));
    chunk_pos_ = 0;
    return Status::OK();
  }

  std::shared_ptr<Buffer> TakeFromChunk(uint64_t max_bytes) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(max_bytes, chunk_->size() - chunk_pos_));
    auto slice = Buffer::Slice(chunk_, chunk_pos_, n);
    chunk_pos_ += n;
    position_ += n;
    return slice;
  }

  const std::string path_;
  const ScopedFd fd_;
  const uint64_t size_at_open_;
  const size_t buffer_size_;
  std::shared_ptr<MutableBuffer> chunk_;
  size_t chunk_pos_ = 0;
  uint64_t position_ = 0;
};

}  // namespace

Result<std::unique_ptr<InputStream>> OpenLocalInputStream(const std::string& path,
                                                          size_t buffer_size) {
  uint64_t size = 0;
  BB_ASSIGN_OR_RAISE(ScopedFd fd, OpenRegularFileForRead(path, &size));
  // Lets the kernel read ahead more aggressively; only a hint, so its failure is ignored.
  (void)::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<InputStream>(
      std::make_unique<LocalInputStream>(path, std::move(fd), size, buffer_size));
}

}  // namespace bundlebase::io
