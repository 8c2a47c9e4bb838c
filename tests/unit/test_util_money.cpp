#include <isukit/util/error.hpp>
#include <isukit/util/money.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <limits>
#include <regex>
#include <string>

#include "fixtures.hpp"

using namespace isukit::util;

namespace {
const Currency usd = *Currency::parse("USD");
const Currency chf = *Currency::parse("CHF");
} // namespace

TEST_SUITE("util::money") {
  TEST_CASE("util::Currency::parse") {
    CHECK(usd.code() == "USD");
    CHECK(usd.minor_digits() == 2);
    CHECK(Currency::parse("JPY")->minor_digits() == 0);
    CHECK(Currency::parse("KWD")->minor_digits() == 3);
    CHECK(Currency::parse("CLF")->minor_digits() == 4); // Unidad de Fomento (tester 8, F2)
    CHECK(Currency::parse("UYW")->minor_digits() == 4);
    CHECK(Currency::parse("UYI")->minor_digits() == 0);
    CHECK(Currency::parse("BOV")->minor_digits() == 2);
    CHECK_FALSE(Currency::parse("usd"));
    CHECK_FALSE(Currency::parse("US"));
    CHECK_FALSE(Currency::parse("ABC")); // three letters, but no ISO 4217 code
    CHECK_FALSE(Currency::parse("USDX"));
    // ISO 4217 codes that no account is kept in (tester 7, F7): an invoice said "XXX".
    for (const char *code : {"XXX", "XTS", "XAU", "XAG", "XDR", "XBA", "XUA", "XSU"}) {
      CHECK_MESSAGE(Currency::is_no_money(code), code);
      CHECK_FALSE(Currency::parse(code));
    }
    CHECK_FALSE(Currency::is_no_money("XOF")); // CFA franc: money, without a minor unit
    CHECK(Currency::parse("XOF"));
    CHECK(
        Currency::refused("XXX", "'XXX'").starts_with("'XXX' is an ISO 4217 code that no account"));
    CHECK(Currency::refused("usd", "'usd'") ==
          "expected an ISO 4217 currency code such as USD, got 'usd'");
  }
  TEST_CASE("util::Currency::parse knows the codes of Debian's iso-codes (but those of no money)") {
    std::ifstream list("/usr/share/iso-codes/json/iso_4217.json");
    if (!list) {
      MESSAGE("skipped: iso-codes is not installed (/usr/share/iso-codes/json/iso_4217.json)");
      return;
    }
    const std::regex code_line("\"alpha_3\": \"([A-Z]{3})\"");
    int count = 0;
    for (std::string line; std::getline(list, line);) {
      if (std::smatch match; std::regex_search(line, match, code_line)) {
        ++count;
        const std::string code = match[1].str();
        CHECK_MESSAGE(Currency::parse(code).has_value() != Currency::is_no_money(code), code);
      }
    }
    CHECK(count >= 170);
  }

  TEST_CASE("util::parse_money") {
    SUBCASE("two decimals") {
      CHECK(parse_money("1362200.20", usd).money->minor_units() == 136220020);
    }
    SUBCASE("fewer decimals are scaled") {
      CHECK(parse_money("1362200.2", usd).money->minor_units() == 136220020);
      CHECK(parse_money("469686", chf).money->minor_units() == 46968600);
    }
    SUBCASE("negative") {
      CHECK(parse_money("-0.05", usd).money->minor_units() == -5);
    }
    SUBCASE("grouping is rejected") {
      CHECK(parse_money("1,362,200.20", usd).error ==
            "expected an amount such as 1234.50, got '1,362,200.20'");
    }
    SUBCASE("exponent is rejected") {
      CHECK(parse_money("1e6", usd).error == "expected an amount such as 1234.50, got '1e6'");
    }
    SUBCASE("too many decimals") {
      CHECK(parse_money("10.005", usd).error ==
            "amount '10.005' has more decimals than USD allows (2)");
    }
    SUBCASE("malformed") {
      for (const char *bad : {"", "-", ".5", "5.", "+5", " 5", "5 ", "1.2.3", "0x10"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_money(bad, usd).money);
      }
    }
    SUBCASE("out of range") {
      CHECK_FALSE(parse_money("99999999999999999999", usd).money);
      CHECK_FALSE(parse_money("92233720368547758.08", usd).money);
      CHECK_FALSE(parse_money("-92233720368547758.09", usd).money);
    }
    SUBCASE("every amount plain() writes reads back, the extremes included") {
      for (const std::int64_t minor :
           {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
        const Money money(minor, usd);
        CAPTURE(money.plain());
        REQUIRE(parse_money(money.plain(), usd).money);
        CHECK(parse_money(money.plain(), usd).money->minor_units() == minor);
      }
    }
  }

  TEST_CASE("util::Money arithmetic") {
    const Money a(136220020, usd);
    const Money b(11746914, usd);
    CHECK((a - b).plain() == "1244731.06");
    CHECK((a + b).minor_units() == 147966934);
    CHECK(-b < Money::zero(usd));
    CHECK_THROWS_AS(a + Money(1, chf), Error);
    CHECK_THROWS_AS(Money(INT64_MAX, usd) + Money(1, usd), Error);
  }

  TEST_CASE("util::Money formatting") {
    const Money amount(136220020, usd);
    CHECK(amount.plain() == "1362200.20");
    CHECK(amount.grouped(fixtures::lang("en")) == "1,362,200.20");
    CHECK(amount.grouped(fixtures::lang("fr")) == "1\u202f362\u202f200,20");
    CHECK(Money(-5, usd).plain() == "-0.05");
    CHECK(Money(100, *Currency::parse("JPY")).plain() == "100");
  }

  TEST_CASE("util::Money::plain, written from the integer, is format_decimal of the exact value") {
    std::vector<std::int64_t> amounts = {0,
                                         1,
                                         -1,
                                         9,
                                         10,
                                         99,
                                         100,
                                         -100,
                                         101,
                                         999,
                                         1000,
                                         -1001,
                                         136220020,
                                         std::numeric_limits<std::int64_t>::max(),
                                         std::numeric_limits<std::int64_t>::min(),
                                         std::numeric_limits<std::int64_t>::min() + 1};
    std::uint64_t x = 88172645463325252ull; // xorshift: amounts of every length and sign
    for (int i = 0; i < 2000; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      amounts.push_back(static_cast<std::int64_t>(x) >> (x % 63));
    }
    for (const char *code : {"USD", "JPY", "KWD"}) {
      const Currency currency = *Currency::parse(code);
      for (const std::int64_t minor : amounts) {
        const Money money(minor, currency);
        CAPTURE(minor);
        CHECK(money.plain() == format_decimal(money.value(), currency.minor_digits()));
      }
    }
  }

  TEST_CASE("util::to_money") {
    CHECK(to_money(Rational(1, 3), usd, Rounding::half_up).plain() == "0.33");
    CHECK(to_money(Rational(2, 3), usd, Rounding::floor).plain() == "0.66");
    CHECK(to_money(Rational(1, 200), usd, Rounding::half_up).plain() == "0.01");
    CHECK(to_money(Rational(-1, 200), usd, Rounding::half_up).plain() == "-0.01");
    CHECK(to_money(Rational(-1, 300), usd, Rounding::floor).plain() == "-0.01");
  }
}

TEST_CASE("util::parse_money with an exporting system's amount style") {
  const auto read = [](const char *text, AmountStyle style) {
    const auto parsed = parse_money(text, chf, style);
    return parsed.money ? parsed.money->plain() : parsed.error;
  };
  AmountStyle swiss;
  swiss.grouping = "'";
  swiss.parentheses = true;
  CHECK(read("1'234'567.50", swiss) == "1234567.50");
  CHECK(read("(1'234.50)", swiss) == "-1234.50");
  CHECK(read(" 12 ", swiss) == "12.00");
  CHECK(read("12'34.00", swiss).find("grouping digits by three") != std::string::npos);
  CHECK(read("1,234.50", swiss).find("holds ','") != std::string::npos);
  CHECK(read("1.005", swiss).find("more decimals than CHF allows") != std::string::npos);
  // Too many decimals is told as such, not as a grouping the integer part also lacks.
  CHECK(read("1000.005", swiss) == "amount '1000.005' has more decimals than CHF allows (2)");
  CHECK(read("1'000.005", swiss) == "amount '1'000.005' has more decimals than CHF allows (2)");
  AmountStyle german{",", ".", false, true};
  CHECK(read("1.234,50-", german) == "-1234.50");
  CHECK(read("-0,05", german) == "-0.05");
  AmountStyle french{",", "\u202F", false, false};
  CHECK(read("1\u202F234,5", french) == "1234.50");
  CHECK(read("1 234,5", french).find("holds ' '") != std::string::npos);
}
