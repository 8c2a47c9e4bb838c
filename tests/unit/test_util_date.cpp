#include <isukit/util/date.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <utility>

#include "fixtures.hpp"

using namespace isukit::util;

TEST_SUITE("util::date") {
  TEST_CASE("util::Date::parse") {
    CHECK(Date::parse("2025-08-31")->iso() == "2025-08-31");
    CHECK(Date(987, 3, 4).iso() == "0987-03-04");
    CHECK(Date::parse("2024-02-29"));
    CHECK_FALSE(Date::parse("2025-02-29"));
    CHECK_FALSE(Date::parse("2025-02-30"));
    CHECK_FALSE(Date::parse("2025-13-01"));
    CHECK_FALSE(Date::parse("2025-8-31"));
    CHECK_FALSE(Date::parse("31/08/2025"));
    CHECK_FALSE(Date::parse("2025-08-31T00:00"));
  }

  TEST_CASE("util::is_calendar_date says what std::chrono says, and Dates order as days") {
    for (const int year :
         {-32768, -32767, -401, -400, -100, -4,   -1,   0,    1,    4,     100,
          1900,   1950,   2000, 2023, 2024, 2100, 2149, 2400, 9999, 32767, 32768}) {
      for (unsigned month = 0; month <= 13; ++month) {
        for (unsigned day = 0; day <= 32; ++day) {
          CAPTURE(year);
          CAPTURE(month);
          CAPTURE(day);
          const bool in_range = year >= -32767 && year <= 32767;
          const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month),
                                                std::chrono::day(day)};
          REQUIRE(is_calendar_date(year, month, day) == (in_range && ymd.ok()));
          if (in_range && ymd.ok()) {
            const Date date(year, month, day);
            if (year < 1 || year > 9998) {
              continue; // add_days stays within 0000-9999
            }
            REQUIRE((date < date.add_days(1)));
            REQUIRE((date.add_days(-1) < date));
            REQUIRE(date.add_days(1).days_since(date) == 1);
          } else {
            REQUIRE_THROWS_AS(Date(year, month, day), std::invalid_argument);
          }
        }
      }
    }
    CHECK((Date(2024, 12, 31) < Date(2025, 1, 1)));
    CHECK((Date(2025, 1, 31) < Date(2025, 2, 1)));
    CHECK((Date(2025, 2, 1) == Date(2025, 2, 1)));
  }

  TEST_CASE("util::Date::unchecked gives the day the checking constructor gives") {
    // For a reader that checked its digits (model::PaymentRowReader): every day of the working
    // years and of some years far from them, compared field by field, in order and as text.
    int days = 0;
    std::optional<Date> before;
    for (int year = -401; year <= 9999; year += year < 1940 || year > 2160 ? 97 : 1) {
      for (unsigned month = 1; month <= 12; ++month) {
        for (unsigned day = 1; day <= 31; ++day) {
          if (!is_calendar_date(year, month, day)) {
            REQUIRE_THROWS_AS(Date(year, month, day), std::invalid_argument); // still refused
            continue;
          }
          const Date checked(year, month, day);
          const Date unchecked = Date::unchecked(year, month, day);
          REQUIRE(unchecked == checked);
          REQUIRE(unchecked.year() == year);
          REQUIRE(unchecked.month() == month);
          REQUIRE(unchecked.day() == day);
          REQUIRE(unchecked.iso() == checked.iso());
          if (before) {
            REQUIRE((*before < unchecked));
          }
          before = unchecked;
          ++days;
        }
      }
    }
    CHECK(days > 73049); // every day of 1950-2149, and more
  }

  TEST_CASE("util::Date holds its day as one number: fields and order over all its years") {
    for (const int year : {-32767, -32766, -401, -2, -1, 0, 1, 1950, 2149, 9999, 32766, 32767}) {
      const std::pair<unsigned, unsigned> month_days[] = {{1, 1}, {2, 28}, {6, 15}, {12, 31}};
      for (const auto &month_day : month_days) {
        const unsigned month = month_day.first, day = month_day.second;
        CAPTURE(year);
        const Date date(year, month, day);
        CHECK(date.year() == year);
        CHECK(date.month() == month);
        CHECK(date.day() == day);
        CHECK(date.packed() == year * 512 + static_cast<int>(month * 32 + day));
      }
      if (year < 32767) {
        CHECK((Date(year, 12, 31) < Date(year + 1, 1, 1)));
      }
    }
    CHECK(Date() == Date(1970, 1, 1));
    CHECK(Date(2024, 2, 28).add_days(1) == Date(2024, 2, 29));
    CHECK(Date(2025, 3, 1).days_since(Date(2024, 3, 1)) == 365);
  }

  TEST_CASE("util::Date::add_months clamps to the month's end") {
    CHECK(Date(2024, 1, 31).add_months(1).iso() == "2024-02-29");
    CHECK(Date(2025, 1, 31).add_months(1).iso() == "2025-02-28");
    CHECK(Date(2025, 8, 31).add_months(6).iso() == "2026-02-28");
    CHECK(Date(2025, 3, 15).add_months(-3).iso() == "2024-12-15");
    CHECK(Date(2024, 2, 29).add_years(1).iso() == "2025-02-28");
  }

  TEST_CASE("util::Date days") {
    CHECK(Date(2010, 8, 1).add_days(180).iso() == "2011-01-28");
    CHECK(Date(2025, 12, 31).add_days(1).iso() == "2026-01-01");
    CHECK(Date(2026, 3, 1).days_since(Date(2025, 9, 5)) == 177);
    CHECK(Date(2025, 8, 31) < Date(2025, 9, 1));
  }

  TEST_CASE("util::Date arithmetic stays within 0000-9999 or throws") {
    CHECK(Date(9999, 12, 31).add_days(-1).iso() == "9999-12-30");
    CHECK_THROWS_AS(Date(9999, 12, 31).add_days(1), std::out_of_range);
    CHECK_THROWS_AS(Date(0, 1, 1).add_months(-1), std::out_of_range);
    CHECK_THROWS_AS(Date(2025, 1, 1).add_months(2147483647), std::out_of_range); // no int overflow
    // A day count past the year 32767 must not wrap back into the range (fuzz finding).
    CHECK_THROWS_AS(Date(2025, 1, 1).add_days(2147483647), std::out_of_range);
    CHECK_THROWS_AS(Date(2025, 1, 1).add_years(8000), std::out_of_range);
  }

  TEST_CASE("util::PartialDate") {
    const auto month = PartialDate::parse("2007-12");
    REQUIRE(month);
    CHECK(month->earliest().iso() == "2007-12-01");
    CHECK(month->latest().iso() == "2007-12-31");
    CHECK(month->iso() == "2007-12");
    const auto year = PartialDate::parse("2027");
    REQUIRE(year);
    CHECK(year->latest().iso() == "2027-12-31");
    CHECK(year->iso() == "2027");
    CHECK(PartialDate::parse("2011-01-01")->precision() == PartialDate::Precision::day);
    CHECK_FALSE(PartialDate::parse("2007-13"));
  }
}

TEST_CASE("util::long_date") {
  CHECK(long_date(Date(2025, 9, 17), fixtures::lang("en")) == "17 September 2025");
  CHECK(long_date(Date(2025, 8, 1), fixtures::lang("fr")) == "1er août 2025");
}

TEST_CASE("util::impossible_date: a date written in form that names no day says why") {
  CHECK(impossible_date("2025-02-29") ==
        "2025-02-29 is not a day of the calendar: February 2025 has 28 days");
  CHECK(impossible_date("2025-04-31") ==
        "2025-04-31 is not a day of the calendar: April 2025 has 30 days");
  CHECK(impossible_date("2025-13-01") ==
        "2025-13-01 is not a day of the calendar: a year has 12 months");
  CHECK(impossible_date("2025-00-10") ==
        "2025-00-10 is not a day of the calendar: a year has 12 months");
  CHECK(impossible_date("2025-01-00") ==
        "2025-01-00 is not a day of the calendar: the days of a month count from 1");
  CHECK(impossible_date("2007-13") ==
        "2007-13 is not a month of the calendar: a year has 12 months");
  CHECK(impossible_date("31.02.2025", "%d.%m.%Y") ==
        "31.02.2025 is not a day of the calendar: February 2025 has 28 days");
  CHECK(impossible_date("02-30", "%m-%d") ==
        "02-30 is not a day of the calendar: February has at most 29 days");
  // A day, or no date in the form at all: the caller says which form it expects.
  CHECK_FALSE(impossible_date("2024-02-29"));
  CHECK_FALSE(impossible_date("2007-12"));
  CHECK_FALSE(impossible_date("02-29", "%m-%d"));
  CHECK_FALSE(impossible_date("2025-2-30"));
  CHECK_FALSE(impossible_date("31/02/2025"));
  CHECK_FALSE(impossible_date("2025-02-30", "%d.%m.%Y"));
}

TEST_CASE("util::Date::parse_with_format") {
  CHECK(Date::parse_with_format("15.03.2025", "%d.%m.%Y") == Date(2025, 3, 15));
  CHECK(Date::parse_with_format("1/4/2025", "%d/%m/%Y") == Date(2025, 4, 1));
  CHECK(Date::parse_with_format("20250315", "%Y%m%d") == Date(2025, 3, 15));
  CHECK(Date::parse_with_format("15.03.25", "%d.%m.%y") == Date(2025, 3, 15));
  CHECK_FALSE(Date::parse_with_format("31.02.2025", "%d.%m.%Y"));
  CHECK_FALSE(Date::parse_with_format("2025-03-15", "%d.%m.%Y"));
  CHECK_FALSE(Date::parse_with_format("15.03.2025 ", "%d.%m.%Y"));
  CHECK(Date::valid_format("%d.%m.%Y"));
  CHECK_FALSE(Date::valid_format("%d.%m"));
  CHECK_FALSE(Date::valid_format("%d.%m.%Y %H"));
}
