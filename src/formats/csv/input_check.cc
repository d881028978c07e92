// Byte order marks and binary-file detection by magic numbers and NUL bytes.
#include "formats/csv/input_check.h"

#include <cstring>

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
  for (const Magic& m : kMagics) {
    if (StartsWith(head, m.bytes)) {
      return Status::Invalid("this is not a CSV file: it looks like {}", m.what);
    }
  }
  const void* nul = std::memchr(head.data(), '\0', head.size());
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
