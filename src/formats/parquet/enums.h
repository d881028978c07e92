// The enumerations of parquet.thrift (physical types, converted types, repetition, encodings,
// codecs, page types), with their spec names for error messages.
//
// Each enum keeps the wire value as its underlying int32, so a value written by a newer writer
// (say an encoding added after this code) survives decoding as a plain number: the metadata
// stays readable and only the column that really uses the unknown value is refused, by the
// code that has to interpret it.
#pragma once

#include <cstdint>
#include <string>

namespace bundlebase::parquet {

enum class Type : int32_t {
  kBoolean = 0,
  kInt32 = 1,
  kInt64 = 2,
  kInt96 = 3,  // deprecated; 12-byte nanosecond timestamps written by old Impala/Spark
  kFloat = 4,
  kDouble = 5,
  kByteArray = 6,
  kFixedLenByteArray = 7,
};

enum class ConvertedType : int32_t {
  kUtf8 = 0,
  kMap = 1,
  kMapKeyValue = 2,
  kList = 3,
  kEnum = 4,
  kDecimal = 5,
  kDate = 6,
  kTimeMillis = 7,
  kTimeMicros = 8,
  kTimestampMillis = 9,
  kTimestampMicros = 10,
  kUint8 = 11,
  kUint16 = 12,
  kUint32 = 13,
  kUint64 = 14,
  kInt8 = 15,
  kInt16 = 16,
  kInt32 = 17,
  kInt64 = 18,
  kJson = 19,
  kBson = 20,
  kInterval = 21,
};

enum class FieldRepetitionType : int32_t {
  kRequired = 0,
  kOptional = 1,
  kRepeated = 2,
};

enum class Encoding : int32_t {
  kPlain = 0,
  kPlainDictionary = 2,  // deprecated spelling of RLE_DICTIONARY (and PLAIN in dictionary pages)
  kRle = 3,
  kBitPacked = 4,        // deprecated; levels only
  kDeltaBinaryPacked = 5,
  kDeltaLengthByteArray = 6,
  kDeltaByteArray = 7,
  kRleDictionary = 8,
  kByteStreamSplit = 9,
};

enum class CompressionCodec : int32_t {
  kUncompressed = 0,
  kSnappy = 1,
  kGzip = 2,
  kLzo = 3,
  kBrotli = 4,
  kLz4 = 5,  // deprecated Hadoop-framed LZ4
  kZstd = 6,
  kLz4Raw = 7,
};

enum class PageType : int32_t {
  kDataPage = 0,
  kIndexPage = 1,
  kDictionaryPage = 2,
  kDataPageV2 = 3,
};

// The spec's names ("INT32", "RLE_DICTIONARY", ...); unknown values print as "UNKNOWN(<n>)".
std::string TypeName(Type type);
std::string ConvertedTypeName(ConvertedType type);
std::string RepetitionName(FieldRepetitionType repetition);
std::string EncodingName(Encoding encoding);
std::string CodecName(CompressionCodec codec);
std::string PageTypeName(PageType type);

// Bytes of one PLAIN-encoded value of a fixed-width physical type (INT96: 12), 0 for BOOLEAN
// (bit-packed), BYTE_ARRAY (variable) and FIXED_LEN_BYTE_ARRAY (width from the schema).
int FixedTypeWidth(Type type);

}  // namespace bundlebase::parquet
