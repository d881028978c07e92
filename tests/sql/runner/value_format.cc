// Type-driven canonical forms and comparison of single values (see value_format.h).
#include "value_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace bundlebase::sql {
namespace {

constexpr double kRelativeTolerance = 1e-9;
constexpr double kAbsoluteTolerance = 1e-12;

bool IsInteger(const std::string& text) {
  size_t start = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (start == text.size()) return false;
  for (size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

// Parses a whole string as a double, accepting PostgreSQL's NaN / Infinity spellings.
std::optional<double> ParseDouble(const std::string& text) {
  if (text == "NaN") return std::nan("");
  if (text == "Infinity" || text == "inf") return HUGE_VAL;
  if (text == "-Infinity" || text == "-inf") return -HUGE_VAL;
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return "0";  // also folds -0
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, end);
}

std::string EscapeText(const std::string& text) {
  if (text.empty()) return "(empty)";
  std::string out;
  for (char c : text) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::string> CanonicalValue(char type, const std::optional<std::string>& raw) {
  if (!raw) return std::string("NULL");
  const std::string& text = *raw;
  switch (type) {
    case 'I':
      if (!IsInteger(text)) {
        return Status::TypeError("'{}' is not an integer: declare the column R or T", text);
      }
      return text[0] == '+' ? text.substr(1) : text;
    case 'R': {
      std::optional<double> value = ParseDouble(text);
      if (!value) return Status::TypeError("'{}' is not a number: declare the column T", text);
      return FormatDouble(*value);
    }
    case 'B':
      if (text == "t" || text == "true") return std::string("true");
      if (text == "f" || text == "false") return std::string("false");
      return Status::TypeError("'{}' is not a boolean: declare the column T", text);
    default:
      return EscapeText(text);
  }
}

bool CanonicalValuesMatch(char type, const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  if (type != 'R') return false;
  std::optional<double> e = ParseDouble(expected);
  std::optional<double> a = ParseDouble(actual);
  if (!e || !a || std::isnan(*e) || std::isnan(*a)) return false;
  if (std::isinf(*e) || std::isinf(*a)) return *e == *a;
  double difference = std::fabs(*e - *a);
  return difference <= kAbsoluteTolerance ||
         difference <= kRelativeTolerance * std::max(std::fabs(*e), std::fabs(*a));
}

}  // namespace bundlebase::sql
