#include <isukit/util/decimal.hpp>
#include <isukit/util/locale.hpp>

#include <algorithm>

namespace isukit::util {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

Integer pow10(int n) {
  Integer result = 1;
  for (int i = 0; i < n; ++i) {
    result *= 10;
  }
  return result;
}

} // namespace

bool is_plain_decimal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    ++i;
  }
  const std::size_t int_start = i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  if (i == int_start) {
    return false;
  }
  if (i == text.size()) {
    return true;
  }
  if (text[i] != '.') {
    return false;
  }
  const std::size_t frac_start = ++i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  return i == text.size() && i > frac_start;
}

std::optional<Rational> parse_decimal(std::string_view text) {
  if (!is_plain_decimal(text)) {
    return std::nullopt;
  }
  const bool negative = text.front() == '-';
  const std::string_view unsigned_text = text.substr(negative ? 1 : 0);
  const std::size_t point = std::min(unsigned_text.find('.'), unsigned_text.size());
  const std::size_t leading_zeros = std::min(unsigned_text.find_first_not_of('0'), point);
  const std::size_t fraction = point == unsigned_text.size() ? 0 : unsigned_text.size() - point - 1;
  if (point - leading_zeros > max_decimal_digits || fraction > max_decimal_digits) {
    return std::nullopt;
  }
  Integer digits = 0;
  int places = 0;
  bool after_point = false;
  for (char c : unsigned_text.substr(leading_zeros)) {
    if (c == '.') {
      after_point = true;
      continue;
    }
    digits = digits * 10 + (c - '0');
    if (after_point) {
      ++places;
    }
  }
  Rational value(digits, pow10(places));
  return negative ? Rational(-value) : value;
}

Integer round_to_integer(const Rational &value, Rounding rounding) {
  const Integer num = boost::multiprecision::numerator(value);
  const Integer den = boost::multiprecision::denominator(value); // always positive
  Integer quotient = num / den;                                  // truncates toward zero
  Integer remainder = num % den;
  if (rounding == Rounding::floor) {
    if (remainder < 0) {
      --quotient;
    }
    return quotient;
  }
  // half_up: away from zero when the remainder is at least half.
  const Integer twice = (remainder < 0 ? Integer(-remainder) : remainder) * 2;
  if (twice >= den) {
    quotient += (num < 0) ? -1 : 1;
  }
  return quotient;
}

CommonDenominator over_common_denominator(const std::vector<Rational> &values) {
  CommonDenominator common;
  for (const auto &value : values) {
    common.denominator =
        boost::multiprecision::lcm(common.denominator, boost::multiprecision::denominator(value));
  }
  common.numerators.reserve(values.size());
  for (const auto &value : values) {
    common.numerators.push_back(boost::multiprecision::numerator(value) *
                                (common.denominator / boost::multiprecision::denominator(value)));
  }
  return common;
}

std::string format_decimal(const Rational &value, int places, Rounding rounding) {
  const Integer scaled = round_to_integer(value * pow10(places), rounding);
  const bool negative = scaled < 0;
  std::string digits = (negative ? Integer(-scaled) : scaled).str();
  const std::size_t width = static_cast<std::size_t>(places);
  if (digits.size() <= width) {
    digits.insert(0, width + 1 - digits.size(), '0');
  }
  std::string result;
  result.reserve(digits.size() + 2);
  if (negative) {
    result += '-';
  }
  result.append(digits, 0, digits.size() - width);
  if (places > 0) {
    result += '.';
    result.append(digits, digits.size() - width, width);
  }
  return result;
}

std::string group_digits(std::string_view plain, const Lang &lang) {
  if (!is_plain_decimal(plain)) {
    return std::string(plain);
  }
  return format_plain_decimal(plain, lang.conventions().locale, Grouping::grouped);
}

std::string localize_decimal(std::string_view plain, const Lang &lang) {
  if (!is_plain_decimal(plain)) {
    return std::string(plain);
  }
  return format_plain_decimal(plain, lang.conventions().locale, Grouping::plain);
}

} // namespace isukit::util
