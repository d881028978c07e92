// Human-readable byte sizes: "500K", "15M", "1.5 GiB" in options such as min_batch, and the
// sizes printed by fetch summaries and SHOW commands.
//
// Every unit is binary (K = KB = KiB = 1024 bytes, M = 1024^2, ...). Data engineers write "15M"
// meaning "about fifteen megabytes" and rarely care about the 5% between 10^6 and 2^20; one
// rule for every spelling is easier to remember than JEDEC-versus-SI, and it matches the
// upstream tool.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "bundlebase/result.h"

namespace bundlebase {

// Parses a non-negative number with an optional unit: B, K, M, G, T, P, E, each optionally
// followed by "B" or "iB" ("500", "500B", "500K", "500KB", "500KiB", "1.5G", "2 tb"). Case is
// ignored and whitespace is allowed around the number and the unit. A fraction is rounded to
// the nearest byte ("1.5K" = 1536); a fraction of a plain byte count is an error. Values above
// 2^64-1 bytes are errors, never wrapped. Errors are Invalid, quote the input and give examples.
Result<uint64_t> ParseHumanSize(std::string_view text);

// Formats with IEC binary units and at most one decimal, dropping a trailing ".0": "0 B",
// "1023 B", "1 KiB", "1.5 MiB", "3 GiB". ParseHumanSize reads the result back to within the
// rounding of the last digit (except within 0.05 EiB of 2^64, which is printed as "16 EiB").
std::string FormatHumanSize(uint64_t bytes);

}  // namespace bundlebase
