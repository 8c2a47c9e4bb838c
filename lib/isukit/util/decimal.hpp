// Exact decimals: parsing decimal text into rationals, rounding rationals, printing them.
// Nothing here goes through floating point.
#pragma once

#include <isukit/util/lang.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isukit::util {

using Integer = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::cpp_rational;

/// How an exact value becomes a value with fewer digits. `half_up` rounds halves away from
/// zero (commercial rounding, what a spreadsheet's ROUND does); `floor` rounds toward minus
/// infinity (used by largest-remainder apportionment, which hands out the rest itself).
enum class Rounding { floor, half_up };

/// The most digits a decimal may have before its point (leading zeros aside) and after it:
/// far more than any rate (the UN scale has 3 decimals, a treaty's adjusted rate 12), share or
/// quantity needs, and few enough that exact arithmetic on it stays fast (a hostile file's
/// 65,536-digit value took minutes).
inline constexpr std::size_t max_decimal_digits = 40;

/// Parses `-?digits[.digits]` exactly, with at most max_decimal_digits digits before and after
/// the point; anything else (exponents, grouping, spaces, a leading plus or dot) is rejected.
std::optional<Rational> parse_decimal(std::string_view text);

/// Rounds to an integer by the given rule.
Integer round_to_integer(const Rational &value, Rounding rounding);

/// Rationals written over one common denominator: value i is numerators[i] / denominator. Sums,
/// comparisons and divisions of such values are integer operations, with none of the greatest
/// common divisors every rational operation computes.
struct CommonDenominator {
  std::vector<Integer> numerators;
  Integer denominator = 1; // the least common multiple of the values' denominators; positive
};
CommonDenominator over_common_denominator(const std::vector<Rational> &values);

/// Prints a rational with exactly `places` decimals, rounded by `rounding`.
std::string format_decimal(const Rational &value, int places,
                           Rounding rounding = Rounding::half_up);

/// True for `-?digits[.digits]`: a number as the writers print it.
bool is_plain_decimal(std::string_view text);

/// A plain decimal text grouped as the language groups digits, with its decimal mark
/// ("1362200.20" -> "1,362,200.20" in English, "1 362 200,20" in French with U+202F between
/// groups; CLDR conventions through util::format_plain_decimal). Texts that are not plain
/// decimals are returned unchanged, so labels in number columns pass through.
std::string group_digits(std::string_view plain, const Lang &lang);

/// A plain decimal with the language's decimal mark ("62.2" -> "62,2" in French), no grouping;
/// other texts unchanged.
std::string localize_decimal(std::string_view plain, const Lang &lang);

} // namespace isukit::util
