#include <isukit/util/error.hpp>
#include <isukit/util/money.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace isukit::util {

namespace {

/// The ISO 4217 currency codes, sorted: the list of Debian 12's iso-codes 4.15.0
/// (/usr/share/iso-codes/json/iso_4217.json, read 2026-11-30; the unit test
/// util::Currency compares it with that file where it is installed).
constexpr std::string_view iso_4217[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR",
    "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW",
    "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA",
    "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD",
    "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
    "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
    "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP",
    "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED",
    "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XDR",
    "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWL"};

int minor_digits_of(std::string_view code) {
  // ISO 4217 (list one, the "minor unit" column) currencies whose minor unit is not a
  // hundredth; the codes it gives none (N.A.) are Currency::is_no_money.
  static constexpr std::string_view zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                              "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                              "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::string_view three[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  static constexpr std::string_view four[] = {"CLF", "UYW"};
  const auto among = [code](const auto &codes) {
    return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
  };
  return among(zero) ? 0 : among(three) ? 3 : among(four) ? 4 : 2;
}

std::int64_t pow10_i64(int n) {
  std::int64_t result = 1;
  for (int i = 0; i < n; ++i) {
    result *= 10;
  }
  return result;
}

[[noreturn]] void overflow() {
  throw Error(ExitCode::data, "amount out of range");
}

} // namespace

bool Currency::is_no_money(std::string_view code) {
  static constexpr std::string_view no_money[] = {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR",
                                                  "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"};
  return std::find(std::begin(no_money), std::end(no_money), code) != std::end(no_money);
}

std::string Currency::refused(std::string_view code, std::string_view got) {
  if (is_no_money(code)) {
    return fmt::format("{} is an ISO 4217 code that no account is kept in (a precious metal, a "
                       "unit of account, a testing code or \"no currency\"); expected the code of "
                       "the currency the amounts are in, such as USD",
                       got);
  }
  return fmt::format("expected an ISO 4217 currency code such as USD, got {}", got);
}

std::optional<Currency> Currency::parse(std::string_view code) {
  if (!std::binary_search(std::begin(iso_4217), std::end(iso_4217), code) || is_no_money(code)) {
    return std::nullopt;
  }
  Currency currency;
  std::copy(code.begin(), code.end(), currency.m_code.begin());
  currency.m_minor_digits = minor_digits_of(code);
  return currency;
}

void Money::require_same_currency(const Money &other) const {
  if (!(m_currency == other.m_currency)) {
    throw Error(ExitCode::data, fmt::format("cannot combine {} with {}", m_currency.code(),
                                            other.m_currency.code()));
  }
}

Money Money::operator+(const Money &other) const {
  require_same_currency(other);
  std::int64_t sum = 0;
  if (__builtin_add_overflow(m_minor, other.m_minor, &sum)) {
    overflow();
  }
  return Money(sum, m_currency);
}

Money Money::operator-(const Money &other) const {
  require_same_currency(other);
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(m_minor, other.m_minor, &difference)) {
    overflow();
  }
  return Money(difference, m_currency);
}

Money Money::operator-() const {
  if (m_minor == std::numeric_limits<std::int64_t>::min()) {
    overflow();
  }
  return Money(-m_minor, m_currency);
}

std::strong_ordering Money::operator<=>(const Money &other) const {
  require_same_currency(other);
  return m_minor <=> other.m_minor;
}

Rational Money::value() const {
  return Rational(Integer(m_minor), Integer(pow10_i64(m_currency.minor_digits())));
}

std::string Money::plain() const {
  // Written from the integer, as format_decimal would write value(): a status table writes
  // thousands of amounts, and the rational route costs some thousand instructions each. The
  // text is written backwards into a buffer and copied once.
  const bool negative = m_minor < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(m_minor) : static_cast<std::uint64_t>(m_minor);
  const int places = m_currency.minor_digits();
  char text[26]; // a sign, 20 digits of a uint64, a point and the leading zeros of a fraction
  char *const end = text + sizeof text;
  char *at = end;
  for (int written = 0; magnitude != 0 || written <= places; ++written) {
    if (written == places && places > 0) {
      *--at = '.';
    }
    *--at = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  }
  if (negative) {
    *--at = '-';
  }
  return std::string(at, end);
}

std::string Money::grouped(const Lang &lang) const {
  return group_digits(plain(), lang);
}

namespace {

/// Steps over the digits at `p`, adding them to `value` (modulo 2^64: the caller bounds the count).
const char *read_digits(const char *p, const char *end, std::uint64_t &value) {
  while (p != end && static_cast<unsigned char>(*p - '0') < 10) {
    value = value * 10 + static_cast<std::uint64_t>(*p++ - '0');
  }
  return p;
}

/// The common amount ("19008.23", "-5"): in minor units when it is well formed and its value
/// in minor units has at most 18 digits (below 2^63, so nothing can overflow); nullopt for
/// anything else, which parse_money's careful reading then accepts or explains.
std::optional<std::int64_t> short_amount(std::string_view text, int minor_digits) {
  const char *p = text.data();
  const char *const end = p + text.size();
  const bool negative = p != end && *p == '-';
  p += negative ? 1 : 0;
  std::uint64_t value = 0;
  const char *const integer = p;
  p = read_digits(p, end, value);
  const auto integer_digits = p - integer;
  std::ptrdiff_t fraction_digits = 0;
  if (p != end && *p == '.') {
    const char *const fraction = ++p;
    p = read_digits(p, end, value);
    fraction_digits = p - fraction;
    if (fraction_digits == 0) {
      return std::nullopt;
    }
  }
  if (p != end || integer_digits == 0 || fraction_digits > minor_digits ||
      integer_digits + minor_digits > 18) {
    return std::nullopt;
  }
  for (auto i = fraction_digits; i < minor_digits; ++i) {
    value *= 10;
  }
  const auto minor = static_cast<std::int64_t>(value);
  return negative ? -minor : minor;
}

/// An amount's sign and digits as read, the magnitude unsigned so that the most negative
/// amount, which plain() writes, reads back.
struct AmountDigits {
  bool negative = false;
  std::uint64_t magnitude = 0; // the digits without the point, when in_range
  std::uint64_t limit = 0;     // the largest magnitude the sign allows
  int integer_digits = 0;
  int fraction_digits = 0;
  bool well_formed = false; // -?digits[.digits]
  bool in_range = true;     // the digits fit below `limit`
};

/// Reads the grammar parse_decimal accepts, digit by digit, checking the range as it goes.
AmountDigits read_amount_digits(std::string_view text) {
  AmountDigits d;
  std::size_t i = 0;
  d.negative = !text.empty() && text[0] == '-';
  i += d.negative ? 1 : 0;
  d.limit = std::uint64_t{std::numeric_limits<std::int64_t>::max()} + (d.negative ? 1 : 0);
  bool after_point = false;
  d.well_formed = i < text.size();
  for (; i < text.size() && d.well_formed; ++i) {
    const char c = text[i];
    if (c == '.' && !after_point && d.integer_digits > 0) {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      const auto digit = static_cast<std::uint64_t>(c - '0');
      d.in_range = d.in_range && d.magnitude <= (d.limit - digit) / 10;
      d.magnitude = d.magnitude * 10 + digit;
      (after_point ? d.fraction_digits : d.integer_digits)++;
    } else {
      d.well_formed = false;
    }
  }
  d.well_formed = d.well_formed && d.integer_digits > 0 && (!after_point || d.fraction_digits > 0);
  return d;
}

/// The error of an amount with more decimals than its currency has.
[[gnu::cold]] std::string too_many_decimals(std::string_view text, const Currency &currency) {
  return fmt::format("amount '{}' has more decimals than {} allows ({})", text, currency.code(),
                     currency.minor_digits());
}

/// What short_amount leaves: an amount near the limits of int64 (accepted when it fits), or
/// text that is no amount of the currency (refused with the reason). Cold and called, not
/// inlined: parse_money's common path stays as short as short_amount (callgrind, 100,000 rows).
[[gnu::cold, gnu::noinline]] ParsedMoney parse_unusual_money(std::string_view text,
                                                             Currency currency) {
  AmountDigits d = read_amount_digits(text);
  if (!d.well_formed) {
    return {std::nullopt, fmt::format("expected an amount such as 1234.50, got '{}'", text)};
  }
  if (d.fraction_digits > currency.minor_digits()) {
    return {std::nullopt, too_many_decimals(text, currency)};
  }
  const auto scale =
      static_cast<std::uint64_t>(pow10_i64(currency.minor_digits() - d.fraction_digits));
  if (!d.in_range || d.magnitude > d.limit / scale) {
    return {std::nullopt, fmt::format("amount '{}' is out of range", text)};
  }
  d.magnitude *= scale;
  // Negating in unsigned arithmetic and converting back is exact for every value within limit.
  const auto minor = static_cast<std::int64_t>(d.negative ? 0 - d.magnitude : d.magnitude);
  return {Money(minor, currency), {}};
}

} // namespace

ParsedMoney parse_money(std::string_view text, Currency currency) {
  // The hot path of a million-row payments file: one pass over the bytes into minor units.
  if (const auto minor = short_amount(text, currency.minor_digits())) {
    return {Money(*minor, currency), {}};
  }
  return parse_unusual_money(text, currency);
}

Money to_money(const Rational &value, Currency currency, Rounding rounding) {
  const Integer minor = round_to_integer(value * pow10_i64(currency.minor_digits()), rounding);
  if (minor > std::numeric_limits<std::int64_t>::max() ||
      minor < std::numeric_limits<std::int64_t>::min()) {
    overflow();
  }
  return Money(minor.convert_to<std::int64_t>(), currency);
}

} // namespace isukit::util

namespace isukit::util {

namespace {

/// Strips the sign forms of `style` from `body`; true when one of them said "negative".
bool strip_sign(std::string_view &body, const AmountStyle &style) {
  if (style.parentheses && body.size() > 2 && body.front() == '(' && body.back() == ')') {
    body = body.substr(1, body.size() - 2);
    return true;
  }
  if (style.trailing_minus && body.size() > 1 && body.back() == '-') {
    body.remove_suffix(1);
    return true;
  }
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    const bool negative = body.front() == '-';
    body.remove_prefix(1);
    return negative;
  }
  return false;
}

/// The first character of `body` that is neither a digit nor the style's decimal mark or
/// grouping (a whole UTF-8 sequence), or empty.
std::string_view stray_character(std::string_view body, const AmountStyle &style) {
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] >= '0' && body[i] <= '9') {
      ++i;
    } else if (!style.grouping.empty() && body.substr(i, style.grouping.size()) == style.grouping) {
      i += style.grouping.size();
    } else if (body.substr(i, style.decimal_mark.size()) == style.decimal_mark) {
      i += style.decimal_mark.size();
    } else {
      std::size_t end = i + 1;
      while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) {
        ++end;
      }
      return body.substr(i, end - i);
    }
  }
  return {};
}

/// The integer part without its grouping, or an error when the groups are not of three digits.
std::optional<std::string> ungroup(std::string_view integer, std::string_view grouping) {
  if (grouping.empty()) {
    return std::string(integer);
  }
  std::string digits;
  std::size_t group = 0;
  bool first = true;
  for (std::size_t i = 0; i <= integer.size();) {
    if (i == integer.size() || integer.substr(i, grouping.size()) == grouping) {
      if (group == 0 || group > 3 || (!first && group != 3)) {
        return std::nullopt;
      }
      first = false;
      group = 0;
      i += i == integer.size() ? 1 : grouping.size();
      continue;
    }
    digits += integer[i++];
    ++group;
  }
  return digits;
}

/// The error of an amount not written in the rules' style.
std::string not_in_style(std::string_view text, const AmountStyle &style) {
  return fmt::format("expected an amount with '{}' as decimal mark{}, got '{}'", style.decimal_mark,
                     style.grouping.empty()
                         ? std::string(" and no grouping")
                         : fmt::format(" and '{}' grouping digits by three", style.grouping),
                     text);
}

} // namespace

ParsedMoney parse_money(std::string_view text, Currency currency, const AmountStyle &style) {
  const auto first = text.find_first_not_of(' ');
  std::string_view body = first == std::string_view::npos
                              ? std::string_view()
                              : text.substr(first, text.find_last_not_of(' ') - first + 1);
  const bool negative = strip_sign(body, style);
  const std::string_view stray = stray_character(body, style);
  if (!stray.empty()) {
    return {
        std::nullopt,
        fmt::format("amount '{}' holds '{}', which the rules name neither as decimal mark ('{}') "
                    "nor as grouping ('{}')",
                    text, stray, style.decimal_mark, style.grouping)};
  }
  const auto mark = body.rfind(style.decimal_mark);
  const auto digits = ungroup(body.substr(0, mark), style.grouping);
  const std::string_view fraction = mark == std::string_view::npos
                                        ? std::string_view()
                                        : body.substr(mark + style.decimal_mark.size());
  const bool fraction_digits = fraction.find_first_not_of("0123456789") == std::string_view::npos;
  if (fraction_digits && fraction.size() > static_cast<std::size_t>(currency.minor_digits())) {
    return {std::nullopt, too_many_decimals(text, currency)};
  }
  if (!digits || digits->empty() || !fraction_digits) {
    return {std::nullopt, not_in_style(text, style)};
  }
  std::string plain = negative ? "-" : "";
  plain += *digits;
  if (mark != std::string_view::npos) {
    plain += '.';
    plain += fraction;
  }
  ParsedMoney parsed = parse_money(plain, currency);
  if (!parsed.money) {
    parsed.error = fmt::format("amount '{}': {}", text, parsed.error);
  }
  return parsed;
}

} // namespace isukit::util
