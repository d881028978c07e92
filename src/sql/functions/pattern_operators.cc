// Pattern matching operators: LIKE and ILIKE (with an optional escape argument, as
// like(text, pattern [, escape])) and the regular expression operators ~ ~* !~ !~*.
// A scalar pattern is compiled once per batch; a column of patterns is compiled row by row,
// reusing the previous row's pattern when it repeats. NOT LIKE is NOT (LIKE) in the binder.
#include "sql/functions/kernel_util.h"
#include "sql/functions/like_matcher.h"
#include "sql/functions/regex_util.h"
#include "sql/functions/scalar_families.h"

namespace bundlebase::sql {

namespace {

using Args = std::vector<Datum>;

// A bool column of matches(text, pattern) over rows where every argument is valid.
template <typename Matches>
Result<ArrayPtr> MatchRows(const Args& args, int64_t n, Matches matches) {
  StringReader text(args[0]);
  StringReader pattern(args[1]);
  std::vector<const Datum*> inputs;
  for (const auto& a : args) inputs.push_back(&a);
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity(inputs, n));
  if (validity.all_null) return MakeNullArray(Bool(), n);
  Status error;
  BB_ASSIGN_OR_RAISE(auto bits, PackBits(n, [&](int64_t i) {
    if (!error.ok() || !text.IsValid(i) || !pattern.IsValid(i)) return false;
    Result<bool> r = matches(i, text[i], pattern[i]);
    if (!r.ok()) {
      error = r.status();
      return false;
    }
    return *r;
  }));
  BB_RETURN_NOT_OK(error);
  return MakeFixedArray(Bool(), n, validity, bits);
}

// A bool column of match(text) for a pattern that is the same on every row.
template <typename Match>
Result<ArrayPtr> MatchConstantPattern(const Args& args, int64_t n, Match match) {
  StringReader text(args[0]);
  std::vector<const Datum*> inputs;
  for (const auto& a : args) inputs.push_back(&a);
  BB_ASSIGN_OR_RAISE(auto validity, IntersectValidity(inputs, n));
  if (validity.all_null) return MakeNullArray(Bool(), n);
  // NULL rows still have well-formed offsets, so they are matched too and masked by validity.
  BB_ASSIGN_OR_RAISE(auto bits, PackBits(n, [&](int64_t i) { return match(text[i]); }));
  return MakeFixedArray(Bool(), n, validity, bits);
}

bool ConstantArguments(const Args& args) {
  for (size_t k = 1; k < args.size(); ++k) {
    if (!args[k].is_scalar()) return false;
  }
  return true;
}

ScalarKernelFn LikeKernel(bool case_insensitive) {
  return ScalarsAsColumnKernel([case_insensitive](KernelContext&, const Args& args,
                                                  int64_t n) -> Result<ArrayPtr> {
    if (ConstantArguments(args)) {
      if (AnyNullScalar(args)) return MakeNullArray(Bool(), n);
      std::string escape = args.size() > 2 ? args[2].scalar().get<std::string>() : "\\";
      BB_ASSIGN_OR_RAISE(LikeMatcher matcher, LikeMatcher::Compile(args[1].scalar().get<std::string>(),
                                                                   escape, case_insensitive));
      return MatchConstantPattern(args, n, [&](std::string_view t) { return matcher.Matches(t); });
    }
    std::optional<StringReader> escape;
    if (args.size() > 2) escape.emplace(args[2]);
    std::string cached_pattern;
    std::string cached_escape;
    std::optional<LikeMatcher> matcher;
    return MatchRows(args, n, [&](int64_t i, std::string_view text,
                                  std::string_view pattern) -> Result<bool> {
      std::string_view esc = escape ? (*escape)[i] : std::string_view("\\");
      if (!matcher || pattern != cached_pattern || esc != cached_escape) {
        BB_ASSIGN_OR_RAISE(auto m, LikeMatcher::Compile(pattern, esc, case_insensitive));
        matcher = std::move(m);
        cached_pattern = std::string(pattern);
        cached_escape = std::string(esc);
      }
      return matcher->Matches(text);
    });
  });
}

ScalarKernelFn RegexKernel(bool case_insensitive, bool negate) {
  return ScalarsAsColumnKernel([case_insensitive, negate](KernelContext&, const Args& args,
                                                          int64_t n) -> Result<ArrayPtr> {
    if (ConstantArguments(args)) {
      if (AnyNullScalar(args)) return MakeNullArray(Bool(), n);
      BB_ASSIGN_OR_RAISE(auto re, Regex::Compile(args[1].scalar().get<std::string>(), case_insensitive));
      return MatchConstantPattern(args, n, [&](std::string_view t) { return re->Search(t) != negate; });
    }
    RegexCache cache;
    return MatchRows(args, n, [&](int64_t, std::string_view text,
                                  std::string_view pattern) -> Result<bool> {
      BB_ASSIGN_OR_RAISE(const Regex* re, cache.Get(pattern, case_insensitive));
      return re->Search(text) != negate;
    });
  });
}

Status AddMatcher(FunctionRegistry* registry, const char* name, FunctionDoc doc,
                  ScalarKernelFn fn, bool with_escape) {
  ScalarFunction f;
  f.name = name;
  f.doc = std::move(doc);
  f.kernels.push_back(MakeKernel({In(Utf8()), In(Utf8())}, Bool(), fn));
  if (with_escape) f.kernels.push_back(MakeKernel({In(Utf8()), In(Utf8()), In(Utf8())}, Bool(), fn));
  return registry->AddScalar(std::move(f));
}

}  // namespace

Status RegisterPatternMatching(FunctionRegistry* registry) {
  BB_RETURN_NOT_OK(AddMatcher(
      registry, "like",
      {"SQL LIKE: '%' matches any characters, '_' one character; the optional third argument "
       "is the ESCAPE character (default '\\').",
       "text LIKE pattern [ESCAPE e] -> boolean", "'hello' LIKE 'he%' -> true"},
      LikeKernel(false), true));
  BB_RETURN_NOT_OK(AddMatcher(registry, "ilike",
                              {"Case-insensitive LIKE.", "text ILIKE pattern [ESCAPE e] -> boolean",
                               "'Hello' ILIKE 'h%' -> true"},
                              LikeKernel(true), true));
  BB_RETURN_NOT_OK(AddMatcher(
      registry, "~",
      {"True when the POSIX regular expression matches somewhere in the text.",
       "text ~ pattern -> boolean", "'abc123' ~ '\\d+' -> true"},
      RegexKernel(false, false), false));
  BB_RETURN_NOT_OK(AddMatcher(registry, "~*",
                              {"Case-insensitive regular expression match.",
                               "text ~* pattern -> boolean", "'ABC' ~* 'b' -> true"},
                              RegexKernel(true, false), false));
  BB_RETURN_NOT_OK(AddMatcher(registry, "!~",
                              {"True when the regular expression does not match.",
                               "text !~ pattern -> boolean", "'abc' !~ 'x' -> true"},
                              RegexKernel(false, true), false));
  return AddMatcher(registry, "!~*",
                    {"True when the regular expression does not match, ignoring case.",
                     "text !~* pattern -> boolean", "'ABC' !~* 'x' -> true"},
                    RegexKernel(true, true), false);
}

}  // namespace bundlebase::sql
