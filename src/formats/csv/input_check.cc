// Byte order marks and binary-file detection by magic numbers and NUL bytes.
#include "formats/csv/input_check.h"

#include <cstring>

#include "base/strings.h"

namespace bundlebase::csv {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

struct Magic {
  std::string_view bytes;
  const char* what;
};

constexpr Magic kMagics[] = {
    {std::string_view("PAR1", 4), "a Parquet file"},
    {std::string_view("\x1f\x8b", 2), "a gzip-compressed file; decompress it first"},
    {std::string_view("PK\x03\x04", 4), "a zip archive; extract it first"},
    {std::string_view("\x28\xb5\x2f\xfd", 4), "a zstd-compressed file; decompress it first"},
    {std::string_view("BZh", 3), "a bzip2-compressed file; decompress it first"},
    {std::string_view("\xfd" "7zXZ", 5), "an xz-compressed file; decompress it first"},
    {std::string_view("\x89PNG", 4), "a PNG image"},
    {std::string_view("\xff\xd8\xff", 3), "a JPEG image"},
    {std::string_view("%PDF", 4), "a PDF document"},
    {std::string_view("SQLite format 3\0", 16), "an SQLite database"},
    {std::string_view("\x7f" "ELF", 4), "an executable"},
};

constexpr size_t kBinaryProbeBytes = size_t{64} << 10;

// Control characters other than whitespace, or bytes that are not UTF-8.
bool HasBinaryBytes(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v') ||
        u == 0x7f) {
      return true;
    }
  }
  size_t bad = ValidateUtf8(s);
  // A character cut by the end of the probe is not evidence.
  return bad != std::string_view::npos && bad + 4 <= s.size();
}

}  // namespace

size_t Utf8BomLength(std::string_view head) {
  return StartsWith(head, "\xef\xbb\xbf") ? 3 : 0;
}

Status CheckLooksLikeText(std::string_view head) {
  if (StartsWith(head, std::string_view("\xff\xfe\0\0", 4)) ||
      StartsWith(head, std::string_view("\0\0\xfe\xff", 4))) {
    return Status::Invalid("the file is UTF-32 text; only UTF-8 is supported, convert it first");
  }
  if (StartsWith(head, "\xff\xfe") || StartsWith(head, "\xfe\xff")) {
    return Status::Invalid("the file is UTF-16 text; only UTF-8 is supported, convert it first");
  }
  const void* nul = std::memchr(head.data(), '\0', head.size());
  // A magic number alone could be the start of a header ("PAR1,..."); a binary file also has
  // bytes no text has.
  if (nul != nullptr || HasBinaryBytes(head.substr(0, kBinaryProbeBytes))) {
    for (const Magic& m : kMagics) {
      if (StartsWith(head, m.bytes)) {
        return Status::Invalid("this is not a CSV file: it looks like {}", m.what);
      }
    }
  }
  if (nul != nullptr) {
    size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - head.data());
    return Status::Invalid(
        "this does not look like a CSV file: it has a NUL byte at offset {} (binary data, or "
        "text in an encoding other than UTF-8)",
        offset);
  }
  return Status::OK();
}

}  // namespace bundlebase::csv
