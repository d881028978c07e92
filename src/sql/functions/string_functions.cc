// String functions, part one: lengths, case, trimming, concatenation (|| and concat/concat_ws),
// searching (strpos/position, starts_with), repeat and reverse. Lengths and positions count
// characters (UTF-8), not bytes, except octet_length.
#include <algorithm>

#include "columnar/cast.h"
#include "sql/functions/scalar_families.h"
#include "sql/functions/string_kernel_util.h"
#include "sql/functions/utf8_util.h"

namespace bundlebase::sql {

void RegisterPositionalStringFunctions(std::vector<ScalarFunction>* out);  // string_functions_positional.cc
void RegisterCharacterStringFunctions(std::vector<ScalarFunction>* out);   // string_functions_characters.cc

namespace {

using Args = std::vector<Datum>;

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  return f;
}

ScalarKernel TextToInt(int32_t (*measure)(std::string_view)) {
  return MakeKernel({In(Utf8())}, Int32(),
                    ScalarsAsColumnKernel([measure](KernelContext&, const Args& args, int64_t n) {
                      return MapStringsToFixed<int32_t>(args[0], n, Int32(), measure);
                    }));
}

ScalarKernel TextToText(void (*transform)(std::string_view, std::string*)) {
  return MakeKernel({In(Utf8())}, Utf8(),
                    ScalarsAsColumnKernel([transform](KernelContext&, const Args& args, int64_t n) {
                      return MapStrings(args[0], n, Utf8(), [transform](std::string_view s, std::string* out) {
                        transform(s, out);
                        return true;
                      });
                    }));
}

void Reverse(std::string_view s, std::string* out) {
  out->resize(s.size());
  size_t w = s.size();
  for (size_t i = 0; i < s.size();) {
    size_t len = std::min<size_t>(Utf8CharLength(static_cast<unsigned char>(s[i])), s.size() - i);
    w -= len;
    std::copy(s.begin() + i, s.begin() + i + len, out->begin() + w);
    i += len;
  }
}

bool IsAlnum(uint32_t c) {
  return (c >= '0' && c <= '9') || LowerCodePoint(c) != UpperCodePoint(c) ||
         (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// PostgreSQL's initcap: the first letter of each run of alphanumerics upper case, the rest lower.
void Initcap(std::string_view s, std::string* out) {
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    uint32_t c = DecodeUtf8(s, &i);
    AppendUtf8(in_word ? LowerCodePoint(c) : UpperCodePoint(c), out);
    in_word = IsAlnum(c);
  }
}

enum class TrimSide { kBoth, kLeft, kRight };

// Trims the characters of `chars` (each a UTF-8 character) from the chosen side(s).
std::string_view TrimChars(std::string_view s, std::string_view chars, TrimSide side) {
  auto is_trim_char = [&](std::string_view c) {
    if (c.size() == 1) return chars.find(c[0]) != std::string_view::npos;
    return chars.find(c) != std::string_view::npos;
  };
  size_t begin = 0;
  size_t end = s.size();
  if (side != TrimSide::kRight) {
    while (begin < end) {
      size_t len = Utf8CharLength(static_cast<unsigned char>(s[begin]));
      if (!is_trim_char(s.substr(begin, len))) break;
      begin += len;
    }
  }
  if (side != TrimSide::kLeft) {
    while (end > begin) {
      size_t start = end - 1;
      while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      if (!is_trim_char(s.substr(start, end - start))) break;
      end = start;
    }
  }
  return s.substr(begin, end - begin);
}

std::vector<ScalarKernel> TrimKernels(TrimSide side) {
  auto one = [side](KernelContext&, const Args& args, int64_t n) {
    return MapStrings(args[0], n, Utf8(), [side](std::string_view s, std::string* out) {
      out->append(TrimChars(s, " ", side));
      return true;
    });
  };
  auto two = [side](KernelContext&, const Args& args, int64_t n) {
    StringReader text(args[0]);
    StringReader chars(args[1]);
    return StringRows(n, text.total_bytes(n), [&](int64_t i, std::string* out) {
      out->append(TrimChars(text[i], chars[i], side));
      return Status::OK();
    }, text, chars);
  };
  return {MakeKernel({In(Utf8())}, Utf8(), ScalarsAsColumnKernel(one)),
          MakeKernel({In(Utf8()), In(Utf8())}, Utf8(), ScalarsAsColumnKernel(two))};
}

// Arguments of "any" type as text columns/scalars (PostgreSQL's text output of each type).
Result<Datum> AsText(const Datum& d) {
  if (d.type()->id() == TypeId::kUtf8) return d;
  if (d.is_scalar()) {
    if (d.scalar().is_null()) return Datum(Scalar::MakeNull(Utf8()));
    BB_ASSIGN_OR_RAISE(Scalar s, CastScalar(d.scalar(), Utf8()));
    return Datum(std::move(s));
  }
  if (d.type()->id() == TypeId::kNull) {
    BB_ASSIGN_OR_RAISE(ArrayPtr nulls, MakeNullArray(Utf8(), d.array()->length()));
    return Datum(std::move(nulls));
  }
  BB_ASSIGN_OR_RAISE(ArrayPtr a, Cast(d.array(), Utf8()));
  return Datum(std::move(a));
}

// text || text (NULL if either is NULL); non-text operands are cast to text first.
Result<ArrayPtr> ConcatOperator(KernelContext&, const Args& args, int64_t n) {
  BB_ASSIGN_OR_RAISE(Datum left, AsText(args[0]));
  BB_ASSIGN_OR_RAISE(Datum right, AsText(args[1]));
  StringReader a(left);
  StringReader b(right);
  return StringRows(n, a.total_bytes(n) + b.total_bytes(n), [&](int64_t i, std::string* out) {
    out->append(a[i]);
    out->append(b[i]);
    return Status::OK();
  }, a, b);
}

// concat(any...) skips NULLs; concat_ws(sep, any...) joins the non-NULL ones with sep.
Result<ArrayPtr> ConcatFunction(const Args& args, int64_t n, bool with_separator) {
  std::vector<Datum> texts;
  for (const auto& a : args) {
    BB_ASSIGN_OR_RAISE(Datum t, AsText(a));
    texts.push_back(std::move(t));
  }
  std::vector<std::unique_ptr<StringReader>> readers;
  int64_t bytes = 0;
  for (const auto& t : texts) {
    readers.push_back(std::make_unique<StringReader>(t));
    bytes += readers.back()->total_bytes(n);
  }
  BinaryBuilder builder(Utf8());
  BB_RETURN_NOT_OK(builder.Reserve(n));
  BB_RETURN_NOT_OK(builder.ReserveData(bytes));
  std::string row;
  size_t first = with_separator ? 1 : 0;
  for (int64_t i = 0; i < n; ++i) {
    if (with_separator && !readers[0]->IsValid(i)) {
      BB_RETURN_NOT_OK(builder.AppendNull());
      continue;
    }
    row.clear();
    bool any = false;
    for (size_t k = first; k < readers.size(); ++k) {
      if (!readers[k]->IsValid(i)) continue;
      if (with_separator && any) row.append((*readers[0])[i]);
      row.append((*readers[k])[i]);
      any = true;
    }
    BB_RETURN_NOT_OK(builder.Append(row));
  }
  return builder.Finish();
}

// 1-based character position of `needle` in `haystack`, 0 when absent.
int32_t CharPosition(std::string_view haystack, std::string_view needle) {
  size_t at = haystack.find(needle);
  if (at == std::string_view::npos) return 0;
  return static_cast<int32_t>(Utf8Length(haystack.substr(0, at)) + 1);
}

ScalarKernel PositionKernel() {
  return MakeKernel({In(Utf8()), In(Utf8())}, Int32(),
                    ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
                      StringReader haystack(args[0]);
                      StringReader needle(args[1]);
                      return FixedRows<int32_t>(n, Int32(), [&](int64_t i, int32_t* out) {
                        *out = CharPosition(haystack[i], needle[i]);
                        return Status::OK();
                      }, haystack, needle);
                    }));
}

ScalarKernel RepeatKernel() {
  return MakeKernel({In(Utf8()), In(Int32())}, Utf8(),
                    ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
                      StringReader text(args[0]);
                      FixedReader<int32_t> count(args[1]);
                      return StringRows(n, 0, [&](int64_t i, std::string* out) -> Status {
                        int64_t times = std::max(0, count[i]);
                        if (static_cast<int64_t>(text[i].size()) * times > (int64_t{1} << 30)) {
                          return Status::Invalid("requested length too large");
                        }
                        for (int64_t k = 0; k < times; ++k) out->append(text[i]);
                        return Status::OK();
                      }, text, count);
                    }));
}

}  // namespace

Status RegisterStringFunctions(FunctionRegistry* registry) {
  auto char_length = [](std::string_view s) { return static_cast<int32_t>(Utf8Length(s)); };
  auto octets = [](std::string_view s) { return static_cast<int32_t>(s.size()); };
  std::vector<ScalarFunction> fns;
  fns.push_back(Function("length", {"Number of characters in the string.", "length(text) -> integer", "length('héllo') -> 5"},
                         {TextToInt(char_length)}));
  fns.push_back(Function("char_length", {"Number of characters in the string (same as length).", "char_length(text) -> integer", "char_length('abc') -> 3"},
                         {TextToInt(char_length)}));
  fns.push_back(Function("character_length", {"Number of characters in the string (same as length).", "character_length(text) -> integer", "character_length('abc') -> 3"},
                         {TextToInt(char_length)}));
  fns.push_back(Function("octet_length", {"Number of bytes in the string's UTF-8 encoding.", "octet_length(text) -> integer", "octet_length('é') -> 2"},
                         {TextToInt(octets)}));
  fns.push_back(Function("lower", {"Lower-cases the string (ASCII, Latin-1/Extended-A, Greek, Cyrillic).", "lower(text) -> text", "lower('ÀBC') -> 'àbc'"},
                         {TextToText(AppendLower)}));
  fns.push_back(Function("upper", {"Upper-cases the string (ASCII, Latin-1/Extended-A, Greek, Cyrillic).", "upper(text) -> text", "upper('àbc') -> 'ÀBC'"},
                         {TextToText(AppendUpper)}));
  fns.push_back(Function("initcap", {"Upper-cases the first letter of each word, lower-cases the rest; words are runs of letters and digits.", "initcap(text) -> text", "initcap('hi THOMAS') -> 'Hi Thomas'"},
                         {TextToText(Initcap)}));
  fns.push_back(Function("reverse", {"The characters of the string in reverse order.", "reverse(text) -> text", "reverse('abc') -> 'cba'"},
                         {TextToText(Reverse)}));
  fns.push_back(Function("btrim", {"Removes the longest run of the given characters (default a space) from both ends.", "btrim(text [, characters text]) -> text", "btrim('xyxtrimyyx', 'xy') -> 'trim'"},
                         TrimKernels(TrimSide::kBoth)));
  fns.push_back(Function("trim", {"Same as btrim; TRIM(BOTH|LEADING|TRAILING chars FROM text) maps to btrim/ltrim/rtrim.", "trim(text [, characters text]) -> text", "trim('  a  ') -> 'a'"},
                         TrimKernels(TrimSide::kBoth)));
  fns.push_back(Function("ltrim", {"Removes the given characters (default a space) from the start.", "ltrim(text [, characters text]) -> text", "ltrim('zzzytest', 'xyz') -> 'test'"},
                         TrimKernels(TrimSide::kLeft)));
  fns.push_back(Function("rtrim", {"Removes the given characters (default a space) from the end.", "rtrim(text [, characters text]) -> text", "rtrim('testxxzx', 'xyz') -> 'test'"},
                         TrimKernels(TrimSide::kRight)));
  ScalarKernel text_text = MakeKernel({In(Utf8()), In(Utf8())}, Utf8(), ScalarsAsColumnKernel(ConcatOperator));
  ScalarKernel text_any = MakeKernel({In(Utf8()), InputType::Any()}, Utf8(), ScalarsAsColumnKernel(ConcatOperator));
  ScalarKernel any_text = MakeKernel({InputType::Any(), In(Utf8())}, Utf8(), ScalarsAsColumnKernel(ConcatOperator));
  fns.push_back(Function("||", {"Concatenates two strings; a non-text operand is converted to text. NULL if either is NULL.", "text || text -> text", "'Post' || 'greSQL' -> 'PostgreSQL'"},
                         {text_text, text_any, any_text}));
  ScalarKernel concat = MakeKernel({InputType::Any()}, Utf8(),
                                   ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
                                     return ConcatFunction(args, n, false);
                                   }));
  concat.variadic = true;
  fns.push_back(Function("concat", {"Concatenates the text of all arguments, skipping NULLs.", "concat(any [, ...]) -> text", "concat('abc', 2, NULL, 22) -> 'abc222'"},
                         {concat}));
  ScalarKernel concat_ws = MakeKernel({In(Utf8()), InputType::Any()}, Utf8(),
                                      ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
                                        return ConcatFunction(args, n, true);
                                      }));
  concat_ws.variadic = true;
  fns.push_back(Function("concat_ws", {"Joins the non-NULL arguments with the separator (the first argument).", "concat_ws(sep text, any [, ...]) -> text", "concat_ws(',', 'abc', 2, NULL) -> 'abc,2'"},
                         {concat_ws}));
  fns.push_back(Function("strpos", {"1-based character position of the first occurrence of substring, 0 if absent.", "strpos(text, substring text) -> integer", "strpos('high', 'ig') -> 2"},
                         {PositionKernel()}));
  fns.push_back(Function("position", {"POSITION(substring IN text): same as strpos(text, substring).", "position(text, substring text) -> integer", "position('ig' in 'high') -> 2"},
                         {PositionKernel()}));
  fns.push_back(Function("starts_with", {"True when the string starts with the prefix.", "starts_with(text, prefix text) -> boolean", "starts_with('alphabet', 'alph') -> true"},
                         {MakeKernel({In(Utf8()), In(Utf8())}, Bool(),
                                     ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
                                       StringReader text(args[0]);
                                       StringReader prefix(args[1]);
                                       return BoolRows(n, [&](int64_t i) { return text[i].starts_with(prefix[i]); },
                                                       text, prefix);
                                     }))}));
  fns.push_back(Function("repeat", {"The string repeated n times (empty for n <= 0).", "repeat(text, n integer) -> text", "repeat('Pg', 3) -> 'PgPgPg'"},
                         {RepeatKernel()}));
  RegisterPositionalStringFunctions(&fns);
  RegisterCharacterStringFunctions(&fns);
  for (auto& f : fns) BB_RETURN_NOT_OK(registry->AddScalar(std::move(f)));
  return Status::OK();
}

}  // namespace bundlebase::sql
