// Money and exact decimals: parsing, formatting and rounding. Invariants: parse(format(x)) == x
// for every amount of every minor unit; parse_money and parse_decimal agree on what is an
// amount; grouping for people keeps the digits and the sign in every shipped language; rounding
// moves by less than one unit.
#include <isukit/util/money.hpp>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>

#include "harness.hpp"

using namespace isukit::util;

namespace {

constexpr const char *currencies[] = {"USD", "JPY", "KWD", "CHF"};

/// The ASCII digits of a text, in order: what grouping for people must leave alone (every
/// shipped locale writes Western digits; separators and signs come from ICU's CLDR data).
std::string digits_of(std::string_view text) {
  std::string digits;
  std::copy_if(text.begin(), text.end(), std::back_inserter(digits),
               [](char c) { return c >= '0' && c <= '9'; });
  return digits;
}

bool reads_negative(std::string_view text) {
  return text.find('-') != std::string_view::npos || text.find("\u2212") != std::string_view::npos;
}

void check_round_trip(const Money &money) {
  const std::string plain = money.plain();
  const ParsedMoney again = parse_money(plain, money.currency());
  fuzz::require(again.money.has_value(),
                "plain() does not parse back: " + plain + " (" + again.error + ")");
  fuzz::require(again.money->minor_units() == money.minor_units(),
                "plain() parses back to another amount: " + plain);
  const auto exact = parse_decimal(plain);
  fuzz::require(exact && *exact == money.value(), "plain() is not the exact value: " + plain);

  for (const auto &lang : fuzz::languages()) {
    const std::string grouped = money.grouped(lang);
    fuzz::require(digits_of(grouped) == digits_of(plain) &&
                      reads_negative(grouped) == (money.minor_units() < 0),
                  "grouping in " + lang.code() + " changed the digits or the sign: " + grouped);
  }
}

/// Digits after the point in a plain decimal.
int places_of(std::string_view text) {
  const auto dot = text.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

void check_text(std::string_view text, const Currency &currency) {
  const ParsedMoney parsed = parse_money(text, currency);
  const auto exact = parse_decimal(text);
  if (parsed.money) {
    fuzz::require(parsed.error.empty(), "an amount parsed with an error message");
    fuzz::require(exact && *exact == parsed.money->value(),
                  "parse_money and parse_decimal disagree");
    check_round_trip(*parsed.money);
  } else {
    fuzz::require(!parsed.error.empty(), "an amount rejected without a reason");
  }
  if (!exact) {
    fuzz::require(!parsed.money, "parse_money accepted what is not a decimal");
    return;
  }
  const int places = places_of(text);
  const Rational scaled =
      *exact * Rational(Integer(boost::multiprecision::pow(
                   Integer(10), static_cast<unsigned>(currency.minor_digits()))));
  const bool fits = places <= currency.minor_digits() &&
                    scaled >= std::numeric_limits<std::int64_t>::min() &&
                    scaled <= std::numeric_limits<std::int64_t>::max();
  fuzz::require(fits == parsed.money.has_value(),
                "parse_money rejected an amount that fits, or the reverse");
  fuzz::require(parse_decimal(format_decimal(*exact, places)) == exact,
                "format_decimal lost digits");
  const Integer up = round_to_integer(*exact, Rounding::half_up);
  const Integer down = round_to_integer(*exact, Rounding::floor);
  fuzz::require(Rational(down) <= *exact && *exact < Rational(down) + 1, "floor is not the floor");
  const Rational distance = Rational(up) - *exact;
  fuzz::require(distance <= Rational(1, 2) && distance >= Rational(-1, 2),
                "half_up moved by more than a half");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 1) {
    return 0;
  }
  const Currency currency = *Currency::parse(currencies[data[0] % 4]);
  const std::string_view text = fuzz::text_of(data + 1, size - 1);
  check_text(text, currency);
  if (text.size() >= sizeof(std::int64_t)) {
    std::int64_t minor = 0;
    std::memcpy(&minor, text.data(), sizeof minor);
    check_round_trip(Money(minor, currency));
  }
  return 0;
}
