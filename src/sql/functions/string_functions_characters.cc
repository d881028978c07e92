// String functions on single characters: ascii (code point of the first character), chr (the
// character of a code point) and translate (character-for-character replacement).
#include "sql/functions/string_kernel_util.h"
#include "sql/functions/utf8_util.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  return f;
}

// translate(s, from, to): each character of `from` found in s becomes the character at the same
// position of `to`, or is removed when `to` is shorter.
void Translate(std::string_view s, std::string_view from, std::string_view to, std::string* out) {
  std::vector<uint32_t> from_chars, to_chars;
  for (size_t i = 0; i < from.size();) from_chars.push_back(DecodeUtf8(from, &i));
  for (size_t i = 0; i < to.size();) to_chars.push_back(DecodeUtf8(to, &i));
  for (size_t i = 0; i < s.size();) {
    uint32_t c = DecodeUtf8(s, &i);
    size_t k = 0;
    while (k < from_chars.size() && from_chars[k] != c) ++k;
    if (k == from_chars.size()) {
      AppendUtf8(c, out);
    } else if (k < to_chars.size()) {
      AppendUtf8(to_chars[k], out);
    }
  }
}

}  // namespace

void RegisterCharacterStringFunctions(std::vector<ScalarFunction>* out) {
  out->push_back(Function(
      "ascii", {"The code point of the first character (0 for an empty string).", "ascii(text) -> integer", "ascii('x') -> 120"},
      {MakeKernel({In(Utf8())}, Int32(), ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
         return MapStringsToFixed<int32_t>(args[0], n, Int32(), [](std::string_view s) {
           size_t i = 0;
           return s.empty() ? 0 : static_cast<int32_t>(DecodeUtf8(s, &i));
         });
       }))}));
  out->push_back(Function(
      "chr", {"The character with the given code point.", "chr(integer) -> text", "chr(65) -> 'A'"},
      {MakeKernel({In(Int32())}, Utf8(), ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
         FixedReader<int32_t> code(args[0]);
         return StringRows(n, n * 2, [&](int64_t i, std::string* text) -> Status {
           int32_t c = code[i];
           if (c == 0) return Status::Invalid("null character not permitted");
           if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
             return Status::Invalid("requested character not valid for encoding: {}", c);
           }
           AppendUtf8(static_cast<uint32_t>(c), text);
           return Status::OK();
         }, code);
       }))}));
  out->push_back(Function(
      "translate", {"Replaces each character of the string that is in `from` with the character at the same position in `to`; characters without a counterpart are removed.", "translate(text, from text, to text) -> text", "translate('12345', '143', 'ax') -> 'a2x5'"},
      {MakeKernel({In(Utf8()), In(Utf8()), In(Utf8())}, Utf8(), ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
         StringReader s(args[0]), from(args[1]), to(args[2]);
         return StringRows(n, s.total_bytes(n), [&](int64_t i, std::string* text) {
           Translate(s[i], from[i], to[i], text);
           return Status::OK();
         }, s, from, to);
       }))}));
}

}  // namespace bundlebase::sql
