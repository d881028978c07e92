// GatherByteArrays: padded dictionary, exact-size output, 16-byte copies for short values.
#include "formats/parquet/byte_array_gather.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace bundlebase::parquet {
namespace {

constexpr size_t kShortValue = 16;

}  // namespace

Result<ArrayPtr> GatherByteArrays(const std::vector<std::string_view>& dictionary,
                                  const uint32_t* indices, int64_t count, int64_t max_bytes) {
  max_bytes = std::min<int64_t>(max_bytes, std::numeric_limits<int32_t>::max());
  // The dictionary, contiguous and followed by kShortValue spare bytes.
  std::vector<uint32_t> starts(dictionary.size());
  std::vector<uint32_t> lengths(dictionary.size());
  size_t dictionary_bytes = 0;
  for (size_t i = 0; i < dictionary.size(); ++i) dictionary_bytes += dictionary[i].size();
  if (dictionary_bytes > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return Status::ResourceExhausted("a dictionary of {} bytes is too large", dictionary_bytes);
  }
  std::vector<uint8_t> padded(dictionary_bytes + kShortValue);
  size_t pos = 0;
  for (size_t i = 0; i < dictionary.size(); ++i) {
    starts[i] = static_cast<uint32_t>(pos);
    lengths[i] = static_cast<uint32_t>(dictionary[i].size());
    if (!dictionary[i].empty()) std::memcpy(padded.data() + pos, dictionary[i].data(), lengths[i]);
    pos += lengths[i];
  }
  int64_t total = 0;
  for (int64_t i = 0; i < count; ++i) total += lengths[indices[i]];
  if (total > max_bytes) {
    return Status::ResourceExhausted(
        "a dictionary-encoded string column chunk expands to {} bytes, more than the {} allowed",
        total, max_bytes);
  }
  // Allocations carry kBufferPadding spare bytes, so the last 16-byte copy stays inside (at
  // least one byte is allocated so that there is an allocation at all).
  static_assert(kBufferPadding >= kShortValue);
  BB_ASSIGN_OR_RAISE(auto data, MutableBuffer::Allocate(std::max<size_t>(total, 1)));
  data->UnsafeSetSize(static_cast<size_t>(total));
  BB_ASSIGN_OR_RAISE(auto offsets,
                     MutableBuffer::Allocate(static_cast<size_t>(count + 1) * sizeof(int32_t)));
  uint8_t* out = data->mutable_data();
  int32_t* off = offsets->mutable_data_as<int32_t>();
  const uint8_t* dict = padded.data();
  int32_t at = 0;
  off[0] = 0;
  for (int64_t i = 0; i < count; ++i) {
    const uint32_t index = indices[i];
    const uint32_t length = lengths[index];
    const uint8_t* src = dict + starts[index];
    if (length <= kShortValue) {
      std::memcpy(out + at, src, kShortValue);
    } else {
      std::memcpy(out + at, src, length);
    }
    at += static_cast<int32_t>(length);
    off[i + 1] = at;
  }
  return std::make_shared<Array>(Binary(), count,
                                 std::vector<BufferPtr>{nullptr, std::move(offsets), std::move(data)},
                                 0);
}

}  // namespace bundlebase::parquet
