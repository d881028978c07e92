// Spec names and range checks for the parquet.thrift enumerations.
#include "formats/parquet/enums.h"

#include <fmt/format.h>

namespace bundlebase::parquet {
namespace {

template <size_t N>
std::string NameOrUnknown(const char* const (&names)[N], int32_t value) {
  if (value >= 0 && static_cast<size_t>(value) < N && names[value] != nullptr) {
    return names[value];
  }
  return fmt::format("UNKNOWN({})", value);
}

constexpr const char* kTypeNames[] = {"BOOLEAN", "INT32",  "INT64",      "INT96",
                                      "FLOAT",   "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"};
constexpr const char* kConvertedNames[] = {
    "UTF8",          "MAP",         "MAP_KEY_VALUE",    "LIST",
    "ENUM",          "DECIMAL",     "DATE",             "TIME_MILLIS",
    "TIME_MICROS",   "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UINT_8",
    "UINT_16",       "UINT_32",     "UINT_64",          "INT_8",
    "INT_16",        "INT_32",      "INT_64",           "JSON",
    "BSON",          "INTERVAL"};
constexpr const char* kRepetitionNames[] = {"REQUIRED", "OPTIONAL", "REPEATED"};
constexpr const char* kEncodingNames[] = {"PLAIN",
                                          nullptr,
                                          "PLAIN_DICTIONARY",
                                          "RLE",
                                          "BIT_PACKED",
                                          "DELTA_BINARY_PACKED",
                                          "DELTA_LENGTH_BYTE_ARRAY",
                                          "DELTA_BYTE_ARRAY",
                                          "RLE_DICTIONARY",
                                          "BYTE_STREAM_SPLIT"};
constexpr const char* kCodecNames[] = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO",
                                       "BROTLI",       "LZ4",    "ZSTD", "LZ4_RAW"};
constexpr const char* kPageTypeNames[] = {"DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE",
                                          "DATA_PAGE_V2"};

}  // namespace

std::string TypeName(Type type) { return NameOrUnknown(kTypeNames, static_cast<int32_t>(type)); }
std::string ConvertedTypeName(ConvertedType type) {
  return NameOrUnknown(kConvertedNames, static_cast<int32_t>(type));
}
std::string RepetitionName(FieldRepetitionType repetition) {
  return NameOrUnknown(kRepetitionNames, static_cast<int32_t>(repetition));
}
std::string EncodingName(Encoding encoding) {
  return NameOrUnknown(kEncodingNames, static_cast<int32_t>(encoding));
}
std::string CodecName(CompressionCodec codec) {
  return NameOrUnknown(kCodecNames, static_cast<int32_t>(codec));
}
std::string PageTypeName(PageType type) {
  return NameOrUnknown(kPageTypeNames, static_cast<int32_t>(type));
}

int FixedTypeWidth(Type type) {
  switch (type) {
    case Type::kInt32:
    case Type::kFloat:
      return 4;
    case Type::kInt64:
    case Type::kDouble:
      return 8;
    case Type::kInt96:
      return 12;
    default:
      return 0;
  }
}

}  // namespace bundlebase::parquet
