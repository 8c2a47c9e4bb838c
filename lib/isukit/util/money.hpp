// Exact money: integer minor units with their currency, checked arithmetic, explicit rounding.
#pragma once

#include <isukit/util/decimal.hpp>
#include <isukit/util/lang.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isukit::util {

/// An ISO 4217 code and the number of decimals its minor unit has (2 for USD and CHF).
class Currency {
public:
  Currency() = default;

  /// An ISO 4217 code (three upper-case letters that the standard lists: USD, CHF, EUR; none
  /// for "ABC" or "usd", nor for the codes no account is kept in, is_no_money); the minor unit
  /// comes from ISO 4217 (0 for JPY, 3 for KWD, 2 otherwise).
  static std::optional<Currency> parse(std::string_view code);
  /// Whether `code` is one of ISO 4217's codes that have no minor unit because no account is
  /// kept in them: the precious metals XAU, XAG, XPD, XPT, the units of account XBA to XBD,
  /// XDR, XSU, XUA, the testing code XTS and XXX, "no currency".
  static bool is_no_money(std::string_view code);
  /// The message for a code that parse refused, `got` as the message shows it ("'usd'"):
  /// "expected an ISO 4217 currency code such as USD, got 'usd'", or why an is_no_money code is
  /// none an amount is in.
  static std::string refused(std::string_view code, std::string_view got);

  std::string_view code() const { return {m_code.data(), m_code.size()}; }
  int minor_digits() const { return m_minor_digits; }
  bool valid() const { return m_code[0] != '\0'; }

  friend bool operator==(const Currency &, const Currency &) = default;

private:
  std::array<char, 3> m_code{};
  int m_minor_digits = 2;
};

/// An amount of money: a whole number of minor units (cents, centimes). Arithmetic throws
/// on overflow or on mixing currencies, so neither can go unnoticed.
class Money {
public:
  Money() = default;
  Money(std::int64_t minor_units, Currency currency) : m_minor(minor_units), m_currency(currency) {}

  static Money zero(Currency currency) { return Money(0, currency); }

  std::int64_t minor_units() const { return m_minor; }
  const Currency &currency() const { return m_currency; }
  bool is_zero() const { return m_minor == 0; }
  bool is_negative() const { return m_minor < 0; }

  Money operator+(const Money &other) const;
  Money operator-(const Money &other) const;
  Money operator-() const;
  Money &operator+=(const Money &other) { return *this = *this + other; }
  Money &operator-=(const Money &other) { return *this = *this - other; }
  /// Comparisons of different currencies throw, like arithmetic.
  std::strong_ordering operator<=>(const Money &other) const;
  bool operator==(const Money &other) const { return (*this <=> other) == 0; }

  /// The exact value in major units (dollars, francs).
  Rational value() const;

  /// `1362200.20`: the text written into data files, all minor digits shown.
  std::string plain() const;

  /// `1,362,200.20` (en) or `1 362 200,20` (fr), for people.
  std::string grouped(const Lang &lang) const;

private:
  void require_same_currency(const Money &other) const;

  std::int64_t m_minor = 0;
  Currency m_currency;
};

/// Why a text is not an amount, or the amount. `error` is empty on success.
struct ParsedMoney {
  std::optional<Money> money;
  std::string error;
};

/// Parses an amount from its text: `-?digits[.digits]` with at most the currency's minor
/// digits. `1e6`, `1,000.00` and `+5` are rejected with a reason.
ParsedMoney parse_money(std::string_view text, Currency currency);

/// How an exporting system writes amounts: its decimal mark and digit grouping (each a
/// UTF-8 text: ".", ",", "'", " ", U+202F narrow no-break space; no grouping when empty), and
/// which negative forms it uses besides a leading minus.
struct AmountStyle {
  std::string decimal_mark = ".";
  std::string grouping;
  bool parentheses = false;    // (1'234.50)
  bool trailing_minus = false; // 1'234.50-
};

/// Parses an amount written in `style` ("1'234.50", "1.234,50", "(1 234,50)", "12.50-"),
/// checking that groups hold three digits, then reads it with parse_money. A character the
/// style does not name (a ',' where the decimal mark is '.' and grouping is "'") is rejected
/// with a reason that names it.
ParsedMoney parse_money(std::string_view text, Currency currency, const AmountStyle &style);

/// Converts an exact value in major units to money by an explicit rounding rule.
Money to_money(const Rational &value, Currency currency, Rounding rounding);

} // namespace isukit::util
