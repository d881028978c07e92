// libFuzzer target for the Parquet footer and page-header decoders: any bytes must decode or fail
// cleanly, and whatever decodes must survive an encode/decode round trip unchanged.
#include <cstdlib>

#include "formats/parquet/metadata.h"

using bundlebase::parquet::DecodeFileMetaData;
using bundlebase::parquet::DecodePageHeader;
using bundlebase::parquet::EncodeFileMetaData;
using bundlebase::parquet::EncodePageHeader;
using bundlebase::parquet::FileMetaData;

namespace {

// The encoder does not write encryption details, so the flags are not part of the round trip.
FileMetaData WithoutEncryptionFlags(FileMetaData md) {
  md.encrypted = false;
  for (auto& rg : md.row_groups) {
    for (auto& cc : rg.columns) cc.encrypted = false;
  }
  return md;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bundlebase::parquet::MetadataLimits limits;
  limits.max_decoded_bytes = 256 << 20;
  auto md = DecodeFileMetaData(data, size, limits);
  if (md.ok()) {
    std::string bytes = EncodeFileMetaData(*md);
    auto again = DecodeFileMetaData(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    if (!again.ok() || !(*again == WithoutEncryptionFlags(*md))) std::abort();
  }
  size_t header_len = 0;
  auto header = DecodePageHeader(data, size, &header_len);
  if (header.ok()) {
    if (header_len > size) std::abort();
    std::string bytes = EncodePageHeader(*header);
    size_t again_len = 0;
    auto again = DecodePageHeader(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                  &again_len);
    if (!again.ok() || !(*again == *header) || again_len != bytes.size()) std::abort();
  }
  return 0;
}
