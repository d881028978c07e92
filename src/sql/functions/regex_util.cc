// POSIX regular expressions with PostgreSQL ARE escapes translated (regex_util.h).
#include "sql/functions/regex_util.h"

namespace bundlebase::sql {

namespace {

// Rewrites ARE-only syntax into POSIX ERE; fails on what ERE cannot express.
Result<std::string> TranslatePattern(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 8);
  bool in_bracket = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (in_bracket) {
      if (c == ']') {
        in_bracket = false;
        out += c;
      } else if (c == '[' && i + 1 < p.size() && (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '=')) {
        size_t end = p.find(std::string{p[i + 1], ']'}, i + 2);
        if (end == std::string_view::npos) return Status::Invalid("invalid regular expression: brackets [] not balanced");
        out.append(p.substr(i, end + 2 - i));
        i = end + 1;
      } else if (c == '\\' && i + 1 < p.size()) {
        char e = p[++i];
        switch (e) {
          case 'd': out += "[:digit:]"; break;
          case 's': out += "[:space:]"; break;
          case 'w': out += "[:alnum:]_"; break;
          case 't': out += '\t'; break;
          case 'n': out += '\n'; break;
          default: out += e; break;
        }
      } else {
        out += c;
      }
      continue;
    }
    if (c == '[') {
      in_bracket = true;
      out += c;
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
      continue;
    }
    if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < p.size() && p[i + 1] == '?') {
      return Status::NotImplemented(
          "regular expression '{}': non-greedy quantifiers ({}?) are not supported; use a "
          "negated class such as [^,]* instead",
          p, c);
    }
    if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      if (i + 2 < p.size() && p[i + 2] == ':') {
        out += '(';
        i += 2;
        continue;
      }
      return Status::NotImplemented(
          "regular expression '{}': lookahead and other (?...) constructs are not supported", p);
    }
    if (c == '\\' && i + 1 < p.size()) {
      char e = p[++i];
      switch (e) {
        case 'd': out += "[[:digit:]]"; break;
        case 'D': out += "[^[:digit:]]"; break;
        case 's': out += "[[:space:]]"; break;
        case 'S': out += "[^[:space:]]"; break;
        case 'w': out += "[[:alnum:]_]"; break;
        case 'W': out += "[^[:alnum:]_]"; break;
        case 'm': out += "\\<"; break;
        case 'M': out += "\\>"; break;
        case 'y': out += "\\b"; break;
        case 'A': out += '^'; break;
        case 'Z': out += '$'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        default:
          out += '\\';
          out += e;
          break;
      }
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

Regex::~Regex() {
  if (compiled_) regfree(&regex_);
}

Result<std::unique_ptr<Regex>> Regex::Compile(std::string_view pattern, bool case_insensitive) {
  BB_ASSIGN_OR_RAISE(std::string translated, TranslatePattern(pattern));
  std::unique_ptr<Regex> re(new Regex());
  int flags = REG_EXTENDED | (case_insensitive ? REG_ICASE : 0);
  int rc = regcomp(&re->regex_, translated.c_str(), flags);
  if (rc != 0) {
    char message[256];
    regerror(rc, &re->regex_, message, sizeof(message));
    return Status::Invalid("invalid regular expression '{}': {}", pattern, message);
  }
  re->compiled_ = true;
  return re;
}

bool Regex::Search(std::string_view text) const {
  regmatch_t whole{0, static_cast<regoff_t>(text.size())};
  return regexec(&regex_, text.data() ? text.data() : "", 1, &whole, REG_STARTEND) == 0;
}

bool Regex::Find(std::string_view text, size_t from, std::vector<regmatch_t>* groups) const {
  groups->assign(regex_.re_nsub + 1, regmatch_t{-1, -1});
  (*groups)[0] = regmatch_t{static_cast<regoff_t>(from), static_cast<regoff_t>(text.size())};
  int flags = REG_STARTEND | (from > 0 ? REG_NOTBOL : 0);
  return regexec(&regex_, text.data() ? text.data() : "", groups->size(), groups->data(),
                 flags) == 0;
}

void AppendReplacement(std::string_view text, const std::vector<regmatch_t>& groups,
                       std::string_view replacement, std::string* out) {
  for (size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c != '\\' || i + 1 == replacement.size()) {
      *out += c;
      continue;
    }
    char next = replacement[++i];
    size_t group = next == '&' ? 0 : (next >= '1' && next <= '9') ? size_t(next - '0') : SIZE_MAX;
    if (group == SIZE_MAX) {
      *out += next == '\\' ? "\\" : std::string{'\\', next};
    } else if (group < groups.size() && groups[group].rm_so >= 0) {
      out->append(text.substr(groups[group].rm_so, groups[group].rm_eo - groups[group].rm_so));
    }
  }
}

Result<RegexFlags> ParseRegexFlags(std::string_view flags) {
  RegexFlags result;
  for (char f : flags) {
    switch (f) {
      case 'g': result.global = true; break;
      case 'i': result.case_insensitive = true; break;
      case 'c': result.case_insensitive = false; break;
      default:
        return Status::Invalid("invalid regular expression option: \"{}\" (supported: g, i, c)",
                               std::string(1, f));
    }
  }
  return result;
}

Result<const Regex*> RegexCache::Get(std::string_view pattern, bool case_insensitive) {
  if (!regex_ || pattern != pattern_ || case_insensitive != case_insensitive_) {
    BB_ASSIGN_OR_RAISE(regex_, Regex::Compile(pattern, case_insensitive));
    pattern_ = std::string(pattern);
    case_insensitive_ = case_insensitive;
  }
  return regex_.get();
}

}  // namespace bundlebase::sql
