#include <isukit/util/decimal.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit::util;

TEST_SUITE("util::decimal") {
  TEST_CASE("util::parse_decimal") {
    CHECK(*parse_decimal("22.000") == Rational(22));
    CHECK(*parse_decimal("0.001") == Rational(1, 1000));
    CHECK(*parse_decimal("-1.5") == Rational(-3, 2));
    CHECK_FALSE(parse_decimal("1e-3"));
    CHECK_FALSE(parse_decimal("0,001"));
    CHECK_FALSE(parse_decimal(""));
  }

  TEST_CASE("util::parse_decimal reads at most 40 digits before and after the point") {
    const std::string forty(40, '9');
    CHECK(parse_decimal(forty + "." + forty).has_value());
    CHECK_FALSE(parse_decimal("9" + forty).has_value());
    CHECK_FALSE(parse_decimal("0." + forty + "1").has_value());
    CHECK(*parse_decimal("-" + std::string(100, '0') + "1.5") ==
          Rational(-3, 2)); // leading zeros are not digits that count
    CHECK_FALSE(
        parse_decimal("0." + std::string(2700, '5')).has_value()); // the fuzzer's 12-second input
  }

  TEST_CASE("util::format_decimal") {
    CHECK(format_decimal(Rational(1, 3), 4) == "0.3333");
    CHECK(format_decimal(Rational(2, 3), 4) == "0.6667");
    CHECK(format_decimal(Rational(2, 3), 4, Rounding::floor) == "0.6666");
    CHECK(format_decimal(Rational(913771, 10000), 1) == "91.4");
    CHECK(format_decimal(Rational(-1, 8), 2) == "-0.13");
    CHECK(format_decimal(Rational(5), 0) == "5");
  }

  TEST_CASE("util::group_digits") {
    CHECK(group_digits("2940552", fixtures::lang("en")) == "2,940,552");
    CHECK(group_digits("2940552", fixtures::lang("fr")) == "2\u202f940\u202f552");
    CHECK(group_digits("-1000.5", fixtures::lang("en")) == "-1,000.5");
    CHECK(group_digits("999", fixtures::lang("en")) == "999");
    CHECK(group_digits("in-kind", fixtures::lang("en")) == "in-kind");
  }
}
