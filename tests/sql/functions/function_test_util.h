// Helpers for the function tests: building columns from literals, resolving and running a call
// through the default registry, and reading results back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "columnar/builder.h"
#include "columnar/cast.h"
#include "columnar/value_formatting.h"
#include "sql/functions/function_registry.h"
#include "test_util.h"

namespace bundlebase::sql::testing {

// A column of `type` from text values (nullopt = NULL), parsed by the columnar casts.
inline ArrayPtr Column(const DataTypePtr& type, const std::vector<std::optional<std::string>>& values) {
  BinaryBuilder builder(Utf8());
  for (const auto& v : values) {
    auto st = v ? builder.Append(*v) : builder.AppendNull();
    EXPECT_TRUE(st.ok());
  }
  auto text = builder.Finish();
  EXPECT_TRUE(text.ok());
  auto cast = Cast(*text, type);
  EXPECT_TRUE(cast.ok()) << cast.status().ToString();
  return *cast;
}

// A scalar of `type` from text (nullopt = NULL).
inline Scalar Value(const DataTypePtr& type, std::optional<std::string> text) {
  if (!text) return Scalar::MakeNull(type);
  auto cast = CastScalar(Scalar::FromUtf8(*text), type);
  EXPECT_TRUE(cast.ok()) << cast.status().ToString();
  return *cast;
}

// Resolves `name` against the argument types (casting arguments as the resolver says) and
// runs it on `length` rows.
inline Result<Datum> Call(const std::string& name, std::vector<Datum> args, int64_t length = -1) {
  std::vector<ArgumentInfo> infos;
  for (const auto& a : args) {
    infos.push_back({a.type(), false});
    if (length < 0 && a.is_array()) length = a.array()->length();
  }
  if (length < 0) length = 1;
  BB_ASSIGN_OR_RAISE(auto call, FunctionRegistry::Default().ResolveScalar(name, infos));
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].type()->Equals(*call.arg_types[i])) continue;
    if (args[i].is_array()) {
      BB_ASSIGN_OR_RAISE(auto cast, Cast(args[i].array(), call.arg_types[i]));
      args[i] = cast;
    } else {
      BB_ASSIGN_OR_RAISE(auto cast, CastScalar(args[i].scalar(), call.arg_types[i]));
      args[i] = cast;
    }
  }
  std::mt19937_64 rng(42);
  KernelContext ctx;
  ctx.output_type = call.output_type;
  ctx.statement_time_us = 1700000000123456;  // 2023-11-14 22:13:20.123456 UTC
  ctx.rng = &rng;
  BB_ASSIGN_OR_RAISE(Datum out, call.kernel->exec(ctx, args, length));
  if (!out.type()->Equals(*call.output_type)) {
    return Status::Internal("kernel returned {} but resolved {}", out.type()->ToString(),
                            call.output_type->ToString());
  }
  if (out.is_array() && out.array()->length() != length) {
    return Status::Internal("kernel returned {} rows for {}", out.array()->length(), length);
  }
  return out;
}

// The rows of a result as text, "NULL" for nulls (a scalar gives one row).
inline std::vector<std::string> Texts(const Datum& d) {
  std::vector<std::string> out;
  if (d.is_scalar()) {
    out.push_back(FormatScalar(d.scalar()));
    return out;
  }
  for (int64_t i = 0; i < d.array()->length(); ++i) {
    auto s = GetScalar(*d.array(), i);
    out.push_back(s.ok() ? FormatScalar(*s) : "<error>");
  }
  return out;
}

inline std::vector<std::string> Rows(std::initializer_list<const char*> rows) {
  return std::vector<std::string>(rows.begin(), rows.end());
}

// The single value of a call on scalars, as text, or the error message.
inline std::string Eval(const std::string& name, std::vector<Datum> args) {
  auto out = Call(name, std::move(args));
  if (!out.ok()) return "error: " + out.status().message();
  if (!out->is_scalar()) return "<not a scalar>";
  return FormatScalar(out->scalar());
}

inline Scalar I32(int64_t v) { return Scalar(Int32(), v); }
inline Scalar I64(int64_t v) { return Scalar(Int64(), v); }
inline Scalar F64(double v) { return Scalar(Float64(), v); }
inline Scalar Text(std::string v) { return Scalar::FromUtf8(std::move(v)); }

}  // namespace bundlebase::sql::testing
