// String functions, part two: the ones that cut and assemble by character position or by
// pattern — substring/substr, left, right, lpad, rpad, split_part, replace, regexp_replace and
// regexp_matches (first match only: PostgreSQL's set-returning form with 'g' gives one row per
// match; here 'g' is accepted and the first match's groups are returned).
#include <algorithm>

#include "sql/functions/regex_util.h"
#include "sql/functions/string_kernel_util.h"
#include "sql/functions/utf8_util.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

// The characters [start, start + count) of s, with 1-based `start` that may be <= 0 as in SQL.
std::string_view CharRange(std::string_view s, int64_t start, int64_t count) {
  int64_t end = start + count;
  start = std::max<int64_t>(start, 1);
  if (end <= start) return {};
  size_t from = Utf8Offset(s, start - 1);
  size_t to = from + Utf8Offset(s.substr(from), end - start);
  return s.substr(from, to - from);
}

ScalarKernelFn SubstringFn() {
  return ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
    StringReader text(args[0]);
    FixedReader<int64_t> start(args[1]);
    if (args.size() == 2) {
      return StringRows(n, text.total_bytes(n), [&](int64_t i, std::string* out) {
        out->append(CharRange(text[i], start[i], INT32_MAX + int64_t{1} - std::min<int64_t>(start[i], 1)));
        return Status::OK();
      }, text, start);
    }
    FixedReader<int64_t> count(args[2]);
    return StringRows(n, text.total_bytes(n), [&](int64_t i, std::string* out) -> Status {
      if (count[i] < 0) return Status::Invalid("negative substring length not allowed");
      out->append(CharRange(text[i], start[i], count[i]));
      return Status::OK();
    }, text, start, count);
  });
}

// left(s, n): the first n characters, or all but the last -n.
ScalarKernelFn LeftRightFn(bool left) {
  return ScalarsAsColumnKernel([left](KernelContext&, const Args& args, int64_t n) {
    StringReader text(args[0]);
    FixedReader<int32_t> count(args[1]);
    return StringRows(n, text.total_bytes(n), [&](int64_t i, std::string* out) {
      std::string_view s = text[i];
      int64_t chars = Utf8Length(s);
      int64_t k = count[i];
      int64_t keep = k >= 0 ? std::min(k, chars) : std::max<int64_t>(0, chars + k);
      size_t cut = left ? Utf8Offset(s, keep) : Utf8Offset(s, chars - keep);
      out->append(left ? s.substr(0, cut) : s.substr(cut));
      return Status::OK();
    }, text, count);
  });
}

// lpad/rpad(s, length, fill): pads with repetitions of fill, or truncates to length.
ScalarKernelFn PadFn(bool left) {
  return ScalarsAsColumnKernel([left](KernelContext&, const Args& args, int64_t n) {
    StringReader text(args[0]);
    FixedReader<int32_t> length(args[1]);
    std::optional<StringReader> fill;
    if (args.size() > 2) fill.emplace(args[2]);
    auto body = [&](int64_t i, std::string* out) -> Status {
      std::string_view s = text[i];
      std::string_view f = fill ? (*fill)[i] : std::string_view(" ");
      int64_t target = std::max(0, length[i]);
      if (target > (1 << 28)) return Status::Invalid("requested length too large");
      int64_t chars = Utf8Length(s);
      if (chars >= target || f.empty()) {
        out->append(s.substr(0, Utf8Offset(s, std::min(chars, target))));
        return Status::OK();
      }
      std::string padding;
      int64_t need = target - chars;
      for (size_t p = 0; need > 0; --need) {
        size_t len = Utf8CharLength(static_cast<unsigned char>(f[p]));
        padding.append(f.substr(p, len));
        p += len;
        if (p >= f.size()) p = 0;
      }
      if (left) out->append(padding);
      out->append(s);
      if (!left) out->append(padding);
      return Status::OK();
    };
    if (fill) return StringRows(n, text.total_bytes(n), body, text, length, *fill);
    return StringRows(n, text.total_bytes(n), body, text, length);
  });
}

ScalarKernelFn SplitPartFn() {
  return ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
    StringReader text(args[0]);
    StringReader delimiter(args[1]);
    FixedReader<int32_t> field(args[2]);
    return StringRows(n, text.total_bytes(n), [&](int64_t i, std::string* out) -> Status {
      int32_t k = field[i];
      if (k == 0) return Status::Invalid("field position must not be zero");
      std::string_view s = text[i];
      std::string_view d = delimiter[i];
      if (d.empty()) {
        if (k == 1 || k == -1) out->append(s);
        return Status::OK();
      }
      std::vector<std::string_view> parts;
      for (size_t from = 0;;) {
        size_t at = s.find(d, from);
        parts.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
        if (at == std::string_view::npos) break;
        from = at + d.size();
      }
      int64_t index = k > 0 ? k - 1 : static_cast<int64_t>(parts.size()) + k;
      if (index >= 0 && index < static_cast<int64_t>(parts.size())) out->append(parts[index]);
      return Status::OK();
    }, text, delimiter, field);
  });
}

ScalarKernelFn ReplaceFn() {
  return ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) {
    StringReader text(args[0]);
    StringReader from(args[1]);
    StringReader to(args[2]);
    return StringRows(n, text.total_bytes(n), [&](int64_t i, std::string* out) {
      std::string_view s = text[i];
      std::string_view f = from[i];
      if (f.empty()) {
        out->append(s);
        return Status::OK();
      }
      size_t pos = 0;
      for (size_t at; (at = s.find(f, pos)) != std::string_view::npos; pos = at + f.size()) {
        out->append(s.substr(pos, at - pos));
        out->append(to[i]);
      }
      out->append(s.substr(pos));
      return Status::OK();
    }, text, from, to);
  });
}

Result<RegexFlags> FlagsAt(const std::optional<StringReader>& flags, int64_t i) {
  if (!flags) return RegexFlags{};
  return ParseRegexFlags((*flags)[i]);
}

ScalarKernelFn RegexpReplaceFn() {
  return ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
    StringReader text(args[0]);
    StringReader pattern(args[1]);
    StringReader replacement(args[2]);
    std::optional<StringReader> flags;
    if (args.size() > 3) flags.emplace(args[3]);
    RegexCache cache;
    std::vector<regmatch_t> groups;
    auto body = [&](int64_t i, std::string* out) -> Status {
      BB_ASSIGN_OR_RAISE(RegexFlags f, FlagsAt(flags, i));
      BB_ASSIGN_OR_RAISE(const Regex* re, cache.Get(pattern[i], f.case_insensitive));
      std::string_view s = text[i];
      size_t pos = 0;
      size_t copied = 0;
      while (pos <= s.size() && re->Find(s, pos, &groups)) {
        size_t start = groups[0].rm_so;
        size_t end = groups[0].rm_eo;
        out->append(s.substr(copied, start - copied));
        AppendReplacement(s, groups, replacement[i], out);
        copied = end;
        if (!f.global) break;
        // An empty match advances by one character so the loop ends.
        pos = end > start ? end : end + (end < s.size() ? Utf8CharLength(static_cast<unsigned char>(s[end])) : 1);
        if (end == start && end < s.size()) {
          out->append(s.substr(end, pos - end));
          copied = pos;
        }
      }
      if (copied < s.size()) out->append(s.substr(copied));
      return Status::OK();
    };
    if (flags) return StringRows(n, text.total_bytes(n), body, text, pattern, replacement, *flags);
    return StringRows(n, text.total_bytes(n), body, text, pattern, replacement);
  });
}

ScalarKernelFn RegexpMatchesFn() {
  return ScalarsAsColumnKernel([](KernelContext&, const Args& args, int64_t n) -> Result<ArrayPtr> {
    StringReader text(args[0]);
    StringReader pattern(args[1]);
    std::optional<StringReader> flags;
    if (args.size() > 2) flags.emplace(args[2]);
    RegexCache cache;
    std::vector<regmatch_t> groups;
    ListBuilder builder(List(Utf8()), std::make_unique<BinaryBuilder>(Utf8()));
    auto* items = static_cast<BinaryBuilder*>(builder.value_builder());
    for (int64_t i = 0; i < n; ++i) {
      bool valid = text.IsValid(i) && pattern.IsValid(i) && (!flags || flags->IsValid(i));
      if (!valid) {
        BB_RETURN_NOT_OK(builder.AppendNull());
        continue;
      }
      BB_ASSIGN_OR_RAISE(RegexFlags f, FlagsAt(flags, i));
      BB_ASSIGN_OR_RAISE(const Regex* re, cache.Get(pattern[i], f.case_insensitive));
      std::string_view s = text[i];
      if (!re->Find(s, 0, &groups)) {
        BB_RETURN_NOT_OK(builder.AppendNull());
        continue;
      }
      BB_RETURN_NOT_OK(builder.Append());
      if (groups.size() == 1) {
        BB_RETURN_NOT_OK(items->Append(s.substr(groups[0].rm_so, groups[0].rm_eo - groups[0].rm_so)));
        continue;
      }
      for (size_t g = 1; g < groups.size(); ++g) {
        if (groups[g].rm_so < 0) {
          BB_RETURN_NOT_OK(items->AppendNull());
        } else {
          BB_RETURN_NOT_OK(items->Append(s.substr(groups[g].rm_so, groups[g].rm_eo - groups[g].rm_so)));
        }
      }
    }
    return builder.Finish();
  });
}

ScalarFunction Function(const char* name, FunctionDoc doc, std::vector<ScalarKernel> kernels) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels = std::move(kernels);
  return f;
}

}  // namespace

void RegisterPositionalStringFunctions(std::vector<ScalarFunction>* out) {
  auto T = In(Utf8());
  auto I32 = In(Int32());
  auto I64 = In(Int64());
  std::vector<ScalarKernel> substring = {MakeKernel({T, I64}, Utf8(), SubstringFn()),
                                         MakeKernel({T, I64, I64}, Utf8(), SubstringFn())};
  out->push_back(Function("substring", {"The characters from position `from` (1-based), `count` of them (to the end if omitted). SUBSTRING(s FROM a FOR b) maps here.", "substring(text, from integer [, count integer]) -> text", "substring('Thomas', 2, 3) -> 'hom'"}, substring));
  out->push_back(Function("substr", {"Same as substring(text, from [, count]).", "substr(text, from integer [, count integer]) -> text", "substr('alphabet', 3, 2) -> 'ph'"}, substring));
  out->push_back(Function("left", {"The first n characters; with negative n, all but the last |n|.", "left(text, n integer) -> text", "left('abcde', -2) -> 'abc'"}, {MakeKernel({T, I32}, Utf8(), LeftRightFn(true))}));
  out->push_back(Function("right", {"The last n characters; with negative n, all but the first |n|.", "right(text, n integer) -> text", "right('abcde', -2) -> 'cde'"}, {MakeKernel({T, I32}, Utf8(), LeftRightFn(false))}));
  out->push_back(Function("lpad", {"Pads the string on the left to `length` characters with `fill` (default a space); longer strings are truncated on the right.", "lpad(text, length integer [, fill text]) -> text", "lpad('hi', 5, 'xy') -> 'xyxhi'"},
                          {MakeKernel({T, I32}, Utf8(), PadFn(true)), MakeKernel({T, I32, T}, Utf8(), PadFn(true))}));
  out->push_back(Function("rpad", {"Pads the string on the right to `length` characters with `fill` (default a space); longer strings are truncated.", "rpad(text, length integer [, fill text]) -> text", "rpad('hi', 5, 'xy') -> 'hixyx'"},
                          {MakeKernel({T, I32}, Utf8(), PadFn(false)), MakeKernel({T, I32, T}, Utf8(), PadFn(false))}));
  out->push_back(Function("split_part", {"The n-th field of the string split at the delimiter (negative n counts from the end); empty when out of range.", "split_part(text, delimiter text, n integer) -> text", "split_part('abc~@~def~@~ghi', '~@~', 2) -> 'def'"},
                          {MakeKernel({T, T, I32}, Utf8(), SplitPartFn())}));
  out->push_back(Function("replace", {"Replaces every occurrence of `from` with `to`.", "replace(text, from text, to text) -> text", "replace('abcdefabcdef', 'cd', 'XX') -> 'abXXefabXXef'"},
                          {MakeKernel({T, T, T}, Utf8(), ReplaceFn())}));
  out->push_back(Function("regexp_replace", {"Replaces the first match of the POSIX regular expression (every match with flag 'g'; 'i' ignores case). \\1..\\9 in the replacement insert groups, \\& the whole match.", "regexp_replace(text, pattern text, replacement text [, flags text]) -> text", "regexp_replace('Thomas', '.[mN]a.', 'M') -> 'ThM'"},
                          {MakeKernel({T, T, T}, Utf8(), RegexpReplaceFn()), MakeKernel({T, T, T, T}, Utf8(), RegexpReplaceFn())}));
  out->push_back(Function("regexp_matches", {"The first match of the regular expression as an array: its parenthesised groups, or the whole match when there are none; NULL when nothing matches. Unlike PostgreSQL this is not set-returning: with flag 'g' only the first match is returned.", "regexp_matches(text, pattern text [, flags text]) -> text[]", "regexp_matches('foobarbequebaz', '(bar)(beque)') -> [bar, beque]"},
                          {MakeKernel({T, T}, List(Utf8()), RegexpMatchesFn()), MakeKernel({T, T, T}, List(Utf8()), RegexpMatchesFn())}));
}

}  // namespace bundlebase::sql
