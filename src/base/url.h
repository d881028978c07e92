// Url: where a bundle, a source or a file lives — a local path or a remote location.
//
// Users write locations as plain paths ("data/events", "/srv/drop") or URLs ("s3://bucket/key/",
// "https://user:pass@api.example.com:8443/v1?x=1", "sftp://vendor@host:2222/outbound/").
// ParseUrl turns either form into one struct, so the FileSystem seam (DESIGN §2) picks an
// implementation by `scheme` and reads the parts it needs. Passwords never reach error messages
// or logs: ToString() redacts them by default and parse errors redact the input.
#pragma once

#include <string>
#include <string_view>

#include "bundlebase/result.h"

namespace bundlebase {

// The schemes ParseUrl accepts: file, s3, http, https, ftp, ftps, sftp.
inline constexpr std::string_view kSupportedUrlSchemes = "file, s3, http, https, ftp, ftps, sftp";

struct Url {
  // Lower case, one of kSupportedUrlSchemes. Plain paths get "file".
  std::string scheme;
  // Percent-decoded credentials from "user:password@"; empty when absent.
  std::string user;
  std::string password;
  // The server, or for s3 the bucket. IPv6 addresses are stored without their brackets.
  // Empty for file URLs.
  std::string host;
  // 0 means the scheme's default (see DefaultPort()).
  int port = 0;
  // - file: a plain path exactly as the user wrote it (relative or absolute, never decoded);
  //   from "file:" URLs the percent-decoded absolute path ("file:///a%20b" -> "/a b").
  // - s3: the object key or key prefix, without a leading '/', taken literally — no
  //   percent-decoding, and '?' and '#' are part of the key — as the AWS CLI does, so keys like
  //   "year=2026/a b#1.csv" need no escaping ("s3://bucket/dir/" -> "dir/", "s3://bucket" -> "").
  // - http(s), ftp(s), sftp: the percent-decoded path including its leading '/', or empty.
  std::string path;
  // The raw (still encoded) query string without the '?'; http(s) only in practice. A fragment
  // ("#...") is never sent to a server, so it is dropped.
  std::string query;

  // The URL as text, re-encoding what the path and credentials need. The password is shown as
  // "***" unless `redact_password` is false (only for handing the URL to a client library).
  // Plain paths come back exactly as given.
  std::string ToString(bool redact_password = true) const;

  // http 80, https 443, ftp 21, ftps 990 (implicit TLS), sftp 22; 0 for file and s3.
  int DefaultPort() const;
  // `port` if set, else DefaultPort().
  int EffectivePort() const;
  // True for the local file system (scheme "file").
  bool IsLocal() const;

  // The location of `relative` inside this one (a directory or key prefix): the path is joined
  // with JoinPath and the query dropped, since it belonged to the parent resource.
  Url Child(std::string_view relative) const;
};

// Parses a plain path or a URL. Errors are Invalid and quote the input (password redacted):
// an unsupported scheme (listing the supported ones), a missing host or bucket, a bad port
// (not 1-65535), a bad percent escape, an unterminated IPv6 literal, a file URL naming a
// remote host, or credentials/ports in an s3 URL (those belong in the configuration).
Result<Url> ParseUrl(std::string_view text);

// Joins a directory (path, key prefix or URL path) and a relative path with exactly one '/'.
// Leading '/' of `relative` are dropped so the result stays inside `dir`; an empty `dir` yields
// `relative` and an empty `relative` yields `dir`.
std::string JoinPath(std::string_view dir, std::string_view relative);

// Encodes every byte except A-Za-z0-9 - _ . ~ as %XX (upper-case hex), and '/' too unless
// `keep_slash`. This is the encoding AWS SigV4 prescribes for canonical URIs and queries.
std::string PercentEncode(std::string_view s, bool keep_slash);

// Decodes %XX escapes (either hex case). '+' stays '+': form encoding is not URL encoding.
// A '%' not followed by two hex digits is Invalid.
Result<std::string> PercentDecode(std::string_view s);

}  // namespace bundlebase
