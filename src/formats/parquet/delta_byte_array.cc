// DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY decoding and encoding.
#include "formats/parquet/delta_byte_array.h"

#include <algorithm>
#include <cstring>

namespace bundlebase::parquet {

// ---- DELTA_LENGTH_BYTE_ARRAY ----

Status DeltaLengthByteArrayDecoder::Init(const uint8_t* data, size_t size, int64_t max_values) {
  BB_ASSIGN_OR_RAISE(size_t lengths_size,
                     DeltaBinaryPackedDecoder<int32_t>::EncodedSize(data, size, max_values));
  BB_RETURN_NOT_OK(lengths_.Init(data, lengths_size, max_values));
  data_ = data + lengths_size;
  end_ = data + size;
  return Status::OK();
}

Result<int64_t> DeltaLengthByteArrayDecoder::NextLengths(int64_t count) {
  BB_RETURN_NOT_OK(lengths_.Decode(lengths_chunk_, count));
  int64_t total = 0;
  for (int64_t i = 0; i < count; ++i) {
    if (lengths_chunk_[i] < 0) {
      return Status::Invalid("malformed DELTA_LENGTH_BYTE_ARRAY data: negative length {}",
                             lengths_chunk_[i]);
    }
    total += lengths_chunk_[i];
  }
  if (total > end_ - data_) {
    return Status::Invalid(
        "malformed DELTA_LENGTH_BYTE_ARRAY data: lengths add up to more bytes than the page "
        "holds");
  }
  return total;
}

Status DeltaLengthByteArrayDecoder::Decode(int64_t count, BinaryBuilder* out) {
  BB_RETURN_NOT_OK(out->Reserve(count));
  for (int64_t done = 0; done < count;) {
    int64_t n = std::min<int64_t>(count - done, kChunk);
    BB_ASSIGN_OR_RAISE(int64_t bytes, NextLengths(n));
    BB_RETURN_NOT_OK(out->ReserveData(bytes));
    for (int64_t i = 0; i < n; ++i) {
      out->UnsafeAppend(std::string_view(reinterpret_cast<const char*>(data_),
                                         static_cast<size_t>(lengths_chunk_[i])));
      data_ += lengths_chunk_[i];
    }
    done += n;
  }
  return Status::OK();
}

Status DeltaLengthByteArrayDecoder::Decode(int64_t count, std::string_view* out) {
  for (int64_t done = 0; done < count;) {
    int64_t n = std::min<int64_t>(count - done, kChunk);
    BB_RETURN_NOT_OK(NextLengths(n).status());
    for (int64_t i = 0; i < n; ++i) {
      out[done + i] = std::string_view(reinterpret_cast<const char*>(data_),
                                       static_cast<size_t>(lengths_chunk_[i]));
      data_ += lengths_chunk_[i];
    }
    done += n;
  }
  return Status::OK();
}

// ---- DELTA_BYTE_ARRAY ----

Status DeltaByteArrayDecoder::Init(const uint8_t* data, size_t size, int64_t max_values) {
  BB_ASSIGN_OR_RAISE(size_t prefixes_size,
                     DeltaBinaryPackedDecoder<int32_t>::EncodedSize(data, size, max_values));
  BB_RETURN_NOT_OK(prefixes_.Init(data, prefixes_size, max_values));
  BB_RETURN_NOT_OK(suffixes_.Init(data + prefixes_size, size - prefixes_size, max_values));
  if (suffixes_.values_left() != prefixes_.values_left()) {
    return Status::Invalid(
        "malformed DELTA_BYTE_ARRAY data: {} prefix lengths but {} suffixes",
        prefixes_.values_left(), suffixes_.values_left());
  }
  last_.clear();
  return Status::OK();
}

Result<int64_t> DeltaByteArrayDecoder::NextChunk(int64_t count) {
  BB_RETURN_NOT_OK(prefixes_.Decode(prefix_chunk_, count));
  BB_RETURN_NOT_OK(suffixes_.Decode(count, suffix_chunk_));
  // Each prefix may reuse at most the previous value's length.
  int64_t previous = static_cast<int64_t>(last_.size());
  int64_t total = 0;
  for (int64_t i = 0; i < count; ++i) {
    int64_t prefix = prefix_chunk_[i];
    if (prefix < 0 || prefix > previous) {
      return Status::Invalid(
          "malformed DELTA_BYTE_ARRAY data: prefix of {} bytes after a value of {} bytes", prefix,
          previous);
    }
    previous = prefix + static_cast<int64_t>(suffix_chunk_[i].size());
    total += previous;
  }
  return total;
}

Status DeltaByteArrayDecoder::Decode(int64_t count, BinaryBuilder* out) {
  BB_RETURN_NOT_OK(out->Reserve(count));
  for (int64_t done = 0; done < count;) {
    int64_t n = std::min<int64_t>(count - done, kChunk);
    BB_ASSIGN_OR_RAISE(int64_t bytes, NextChunk(n));
    BB_RETURN_NOT_OK(out->ReserveData(bytes));
    for (int64_t i = 0; i < n; ++i) {
      last_.resize(static_cast<size_t>(prefix_chunk_[i]));
      last_.append(suffix_chunk_[i]);
      out->UnsafeAppend(last_);
    }
    done += n;
  }
  return Status::OK();
}

Status DeltaByteArrayDecoder::DecodeFixed(int64_t count, int width, uint8_t* out) {
  for (int64_t done = 0; done < count;) {
    int64_t n = std::min<int64_t>(count - done, kChunk);
    BB_RETURN_NOT_OK(NextChunk(n).status());
    for (int64_t i = 0; i < n; ++i) {
      last_.resize(static_cast<size_t>(prefix_chunk_[i]));
      last_.append(suffix_chunk_[i]);
      if (last_.size() != static_cast<size_t>(width)) {
        return Status::Invalid(
            "malformed DELTA_BYTE_ARRAY data: a value of {} bytes in a FIXED_LEN_BYTE_ARRAY({}) "
            "column",
            last_.size(), width);
      }
      std::memcpy(out + (done + i) * width, last_.data(), static_cast<size_t>(width));
    }
    done += n;
  }
  return Status::OK();
}

// ---- encoders ----

void DeltaLengthByteArrayEncoder::Put(const int32_t* offsets, const uint8_t* data,
                                      int64_t count) {
  int32_t lengths[1024];
  for (int64_t done = 0; done < count;) {
    int64_t n = std::min<int64_t>(count - done, 1024);
    for (int64_t i = 0; i < n; ++i) lengths[i] = offsets[done + i + 1] - offsets[done + i];
    lengths_.Put(lengths, n);
    done += n;
  }
  bytes_.append(reinterpret_cast<const char*>(data + offsets[0]),
                static_cast<size_t>(offsets[count] - offsets[0]));
}

void DeltaLengthByteArrayEncoder::Put(std::string_view value) {
  int32_t length = static_cast<int32_t>(value.size());
  lengths_.Put(&length, 1);
  bytes_.append(value);
}

void DeltaLengthByteArrayEncoder::Flush(std::string* out) {
  lengths_.Flush(out);
  out->append(bytes_);
  bytes_.clear();
}

void DeltaByteArrayEncoder::Put(const int32_t* offsets, const uint8_t* data, int64_t count) {
  for (int64_t i = 0; i < count; ++i) {
    std::string_view value(reinterpret_cast<const char*>(data + offsets[i]),
                           static_cast<size_t>(offsets[i + 1] - offsets[i]));
    size_t limit = std::min(value.size(), last_.size());
    size_t prefix = 0;
    while (prefix < limit && value[prefix] == last_[prefix]) ++prefix;
    int32_t prefix_length = static_cast<int32_t>(prefix);
    prefixes_.Put(&prefix_length, 1);
    suffixes_.Put(value.substr(prefix));
    last_.assign(value);
  }
}

void DeltaByteArrayEncoder::Flush(std::string* out) {
  prefixes_.Flush(out);
  suffixes_.Flush(out);
  last_.clear();
}

}  // namespace bundlebase::parquet
