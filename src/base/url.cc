// URL parsing and printing: scheme dispatch, authority parsing, percent-encoding, redaction.
#include "base/url.h"

#include <cstdint>

#include "base/strings.h"

namespace bundlebase {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsUnreserved(char c) { return IsAlnum(c) || c == '-' || c == '_' || c == '.' || c == '~'; }
bool IsSubDelim(char c) {
  return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return AsciiToLower(c) - 'a' + 10;
}

// Percent-encodes every byte for which `keep` is false.
template <typename Keep>
std::string EncodeExcept(std::string_view s, Keep keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (keep(c)) {
      out.push_back(c);
    } else {
      auto b = static_cast<uint8_t>(c);
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
  return out;
}

// RFC 3986 "pchar" plus '/': what a path may hold unencoded. Gentler than PercentEncode, so
// printed URLs keep "year=2026/" readable.
std::string EncodePath(std::string_view path) {
  return EncodeExcept(path, [](char c) {
    return IsUnreserved(c) || IsSubDelim(c) || c == ':' || c == '@' || c == '/';
  });
}

std::string EncodeUserinfo(std::string_view part) {
  return EncodeExcept(part, [](char c) { return IsUnreserved(c) || IsSubDelim(c); });
}

// The length of a "scheme:" prefix of `text` (without the colon), or 0 if there is none.
size_t SchemeLength(std::string_view text) {
  if (text.empty() || !IsAlpha(text[0])) return 0;
  size_t i = 1;
  while (i < text.size() &&
         (IsAlnum(text[i]) || text[i] == '+' || text[i] == '-' || text[i] == '.')) {
    ++i;
  }
  return (i < text.size() && text[i] == ':') ? i : 0;
}

// `text` with the password of its authority replaced by "***", for error messages.
std::string Redact(std::string_view text) {
  size_t start = text.find("://");
  if (start == std::string_view::npos) return std::string(text);
  start += 3;
  size_t end = text.find_first_of("/?#", start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view authority = text.substr(start, end - start);
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(text);
  size_t colon = authority.substr(0, at).find(':');
  if (colon == std::string_view::npos) return std::string(text);
  std::string out(text.substr(0, start + colon + 1));
  out += "***";
  out.append(text.substr(start + at));
  return out;
}

bool IsSupportedScheme(std::string_view scheme) {
  for (std::string_view s : SplitAndTrim(kSupportedUrlSchemes)) {
    if (s == scheme) return true;
  }
  return false;
}

Result<int> ParsePort(std::string_view digits, std::string_view text) {
  int port = 0;
  // At most five digits, so the accumulation below cannot overflow.
  bool ok = !digits.empty() && digits.size() <= 5;
  for (size_t i = 0; ok && i < digits.size(); ++i) {
    ok = IsDigit(digits[i]);
    port = port * 10 + (digits[i] - '0');
  }
  if (!ok || port < 1 || port > 65535) {
    return Status::Invalid("bad port '{}' in URL '{}': expected a number from 1 to 65535",
                           digits, Redact(text));
  }
  return port;
}

Status ParseHost(std::string_view hostport, std::string_view text, Url* url) {
  std::string_view port_text;
  bool has_port = false;
  if (!hostport.empty() && hostport[0] == '[') {
    size_t close = hostport.find(']');
    if (close == std::string_view::npos) {
      return Status::Invalid("unterminated IPv6 address '[' in URL '{}'", Redact(text));
    }
    std::string_view address = hostport.substr(1, close - 1);
    if (address.empty() || address.find(':') == std::string_view::npos) {
      return Status::Invalid("bad IPv6 address '[{}]' in URL '{}'", address, Redact(text));
    }
    for (char c : address) {
      if (!IsHexDigit(c) && c != ':' && c != '.') {
        return Status::Invalid("bad IPv6 address '[{}]' in URL '{}'", address, Redact(text));
      }
    }
    url->host = std::string(address);
    std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') {
        return Status::Invalid("unexpected '{}' after IPv6 address in URL '{}'", after,
                               Redact(text));
      }
      has_port = true;
      port_text = after.substr(1);
    }
  } else {
    size_t colon = hostport.find(':');
    std::string_view host = hostport.substr(0, colon);
    if (colon != std::string_view::npos) {
      port_text = hostport.substr(colon + 1);
      has_port = true;
      if (port_text.find(':') != std::string_view::npos) {
        return Status::Invalid("IPv6 addresses in URLs must be in brackets, as in "
                               "'http://[::1]:8080/', in URL '{}'",
                               Redact(text));
      }
    }
    for (char c : host) {
      if (!IsAlnum(c) && c != '-' && c != '.' && c != '_') {
        return Status::Invalid("invalid character '{}' in host '{}' of URL '{}'",
                               EscapeForDisplay(std::string_view(&c, 1)), host, Redact(text));
      }
    }
    url->host = std::string(host);
  }
  // An empty port ("host:/path") means the default, as RFC 3986 allows.
  if (has_port && !port_text.empty()) {
    BB_ASSIGN_OR_RAISE(url->port, ParsePort(port_text, text));
  }
  return Status::OK();
}

Result<std::string> DecodePart(std::string_view part, std::string_view what,
                               std::string_view text) {
  auto decoded = PercentDecode(part);
  if (!decoded.ok()) {
    return decoded.status().WithContextF("{} of URL '{}'", what, Redact(text));
  }
  return decoded;
}

Result<Url> ParseS3(std::string_view rest, std::string_view text) {
  Url url;
  url.scheme = "s3";
  size_t slash = rest.find('/');
  std::string_view bucket = rest.substr(0, slash);
  if (bucket.find('@') != std::string_view::npos || bucket.find(':') != std::string_view::npos) {
    return Status::Invalid(
        "URL '{}': s3 URLs name a bucket only; put credentials and endpoints in the "
        "configuration",
        Redact(text));
  }
  if (bucket.empty()) {
    return Status::Invalid("URL '{}' has no bucket: expected s3://bucket/key/prefix/",
                           Redact(text));
  }
  for (char c : bucket) {
    if (!IsAlnum(c) && c != '-' && c != '.' && c != '_') {
      return Status::Invalid("invalid character '{}' in bucket '{}' of URL '{}'",
                             EscapeForDisplay(std::string_view(&c, 1)), bucket, Redact(text));
    }
  }
  url.host = std::string(bucket);
  if (slash != std::string_view::npos) url.path = std::string(rest.substr(slash + 1));
  return url;
}

Result<Url> ParseAuthorityUrl(std::string scheme, std::string_view rest, std::string_view text) {
  Url url;
  url.scheme = std::move(scheme);
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);

  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    size_t colon = userinfo.find(':');
    BB_ASSIGN_OR_RAISE(url.user, DecodePart(userinfo.substr(0, colon), "user", text));
    if (colon != std::string_view::npos) {
      BB_ASSIGN_OR_RAISE(url.password,
                         DecodePart(userinfo.substr(colon + 1), "password", text));
    }
    authority = authority.substr(at + 1);
  }
  BB_RETURN_NOT_OK(ParseHost(authority, text, &url));

  size_t hash = tail.find('#');
  tail = tail.substr(0, hash);
  size_t question = tail.find('?');
  if (question != std::string_view::npos) {
    url.query = std::string(tail.substr(question + 1));
    tail = tail.substr(0, question);
  }
  BB_ASSIGN_OR_RAISE(url.path, DecodePart(tail, "path", text));

  if (url.scheme == "file") {
    if (!url.host.empty() && !EqualsIgnoreCase(url.host, "localhost")) {
      return Status::Invalid(
          "file URL '{}' names the remote host '{}'; only local paths are supported, as in "
          "file:///abs/path",
          Redact(text), url.host);
    }
    if (!url.user.empty() || url.port != 0) {
      return Status::Invalid("file URL '{}' cannot carry a user or a port", Redact(text));
    }
    if (url.path.empty()) {
      return Status::Invalid("file URL '{}' has no path: expected file:///abs/path",
                             Redact(text));
    }
    url.host.clear();
    url.query.clear();
  } else if (url.host.empty()) {
    return Status::Invalid("URL '{}' has no host: expected {}://host/path", Redact(text),
                           url.scheme);
  }
  return url;
}

}  // namespace

Result<Url> ParseUrl(std::string_view text) {
  if (text.empty()) {
    return Status::Invalid("empty location: expected a path or a URL such as s3://bucket/dir/");
  }
  size_t scheme_len = SchemeLength(text);
  std::string scheme = ToLower(text.substr(0, scheme_len));
  bool has_authority = scheme_len > 0 && text.substr(scheme_len).starts_with("://");

  if (!has_authority) {
    Url url;
    url.scheme = "file";
    if (scheme == "file") {
      // "file:/abs/path" or "file:relative": the path is percent-encoded like any URL path.
      BB_ASSIGN_OR_RAISE(url.path, DecodePart(text.substr(scheme_len + 1), "path", text));
      if (url.path.empty()) {
        return Status::Invalid("file URL '{}' has no path: expected file:///abs/path", text);
      }
    } else {
      url.path = std::string(text);
    }
    return url;
  }

  if (!IsSupportedScheme(scheme)) {
    return Status::Invalid("unsupported scheme '{}' in URL '{}'; supported schemes: {}",
                           text.substr(0, scheme_len), Redact(text), kSupportedUrlSchemes);
  }
  std::string_view rest = text.substr(scheme_len + 3);
  if (scheme == "s3") return ParseS3(rest, text);
  return ParseAuthorityUrl(std::move(scheme), rest, text);
}

std::string Url::ToString(bool redact_password) const {
  if (scheme == "file") return path;
  if (scheme == "s3") return path.empty() ? "s3://" + host : "s3://" + host + "/" + path;
  std::string out = scheme + "://";
  if (!user.empty() || !password.empty()) {
    out += EncodeUserinfo(user);
    if (!password.empty()) {
      out += ':';
      out += redact_password ? "***" : EncodeUserinfo(password);
    }
    out += '@';
  }
  if (host.find(':') != std::string::npos) {
    out += '[' + host + ']';
  } else {
    out += host;
  }
  if (port != 0) out += ':' + std::to_string(port);
  out += EncodePath(path);
  if (!query.empty()) out += '?' + query;
  return out;
}

int Url::DefaultPort() const {
  if (scheme == "http") return 80;
  if (scheme == "https") return 443;
  if (scheme == "ftp") return 21;
  if (scheme == "ftps") return 990;
  if (scheme == "sftp") return 22;
  return 0;
}

int Url::EffectivePort() const { return port != 0 ? port : DefaultPort(); }

bool Url::IsLocal() const { return scheme == "file"; }

Url Url::Child(std::string_view relative) const {
  Url child = *this;
  bool rooted = scheme != "file" && scheme != "s3";
  child.path = JoinPath(rooted && path.empty() ? std::string_view("/") : path, relative);
  child.query.clear();
  return child;
}

std::string JoinPath(std::string_view dir, std::string_view relative) {
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  if (dir.empty()) return std::string(relative);
  if (relative.empty()) return std::string(dir);
  std::string out(dir);
  if (out.back() != '/') out += '/';
  out.append(relative);
  return out;
}

std::string PercentEncode(std::string_view s, bool keep_slash) {
  return EncodeExcept(s,
                      [keep_slash](char c) { return IsUnreserved(c) || (keep_slash && c == '/'); });
}

Result<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size() || !IsHexDigit(s[i + 1]) || !IsHexDigit(s[i + 2])) {
      return Status::Invalid("invalid percent escape '{}' at offset {}: expected '%' and two "
                             "hex digits (write '%25' for a literal '%')",
                             EscapeForDisplay(s.substr(i, 3)), i);
    }
    out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
    i += 2;
  }
  return out;
}

}  // namespace bundlebase
