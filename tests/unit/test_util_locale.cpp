#include <isukit/util/date.hpp>
#include <isukit/util/locale.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace isukit::util;

TEST_SUITE("util::locale") {
  TEST_CASE("util::format_plain_decimal: CLDR grouping and decimal marks of the six UN languages, "
            "digits kept") {
    CHECK(format_plain_decimal("1362200.20", "en-GB", Grouping::grouped) == "1,362,200.20");
    CHECK(format_plain_decimal("1362200.20", "fr", Grouping::grouped) == "1\u202f362\u202f200,20");
    CHECK(format_plain_decimal("1362200.20", "es", Grouping::grouped) == "1.362.200,20");
    CHECK(format_plain_decimal("1362200.20", "ru", Grouping::grouped) == "1\u00a0362\u00a0200,20");
    CHECK(format_plain_decimal("1362200.20", "zh", Grouping::grouped) == "1,362,200.20");
    CHECK(format_plain_decimal("1362200.20", "ar-u-nu-latn", Grouping::grouped) == "1,362,200.20");
    // Spanish groups four-digit numbers only from five digits on (CLDR minimumGroupingDigits 2).
    CHECK(format_plain_decimal("1234.00", "es", Grouping::grouped) == "1234,00");
    CHECK(format_plain_decimal("-1000.5", "en-GB", Grouping::grouped) == "-1,000.5");
    CHECK(format_plain_decimal("62.2", "fr", Grouping::plain) == "62,2");
    CHECK(format_plain_decimal("0.000", "en-GB", Grouping::plain) == "0.000");
    // Beyond double's 15-17 significant digits: nothing is lost.
    CHECK(format_plain_decimal("92233720368547758.07", "en-GB", Grouping::grouped) ==
          "92,233,720,368,547,758.07");
  }

  TEST_CASE("util::format_long_date") {
    CHECK(format_long_date(Date(2026, 1, 1), "en-GB", "") == "1 January 2026");
    CHECK(format_long_date(Date(2026, 1, 1), "fr", "1er") == "1er janvier 2026");
    CHECK(format_long_date(Date(2026, 1, 17), "fr", "1er") == "17 janvier 2026");
    CHECK(format_long_date(Date(2025, 9, 17), "es", "") == "17 de septiembre de 2025");
    CHECK(format_long_date(Date(2025, 9, 17), "ru", "") == "17 сентября 2025\u202fг.");
    CHECK(format_long_date(Date(2025, 9, 17), "zh", "") == "2025年9月17日");
    CHECK(format_long_date(Date(1950, 12, 31), "en-GB", "") == "31 December 1950");
  }

  TEST_CASE(
      "util::format_long_date: a language's own month names replace CLDR's, the rest is ICU's") {
    const std::vector<std::string> months = {"M1", "M2", "M3", "M4",  "M5",  "M6",
                                             "M7", "M8", "M9", "M10", "M11", "M12"};
    CHECK(format_long_date(Date(2025, 9, 17), "ar-u-nu-latn", "", months) == "17 M9 2025");
    CHECK(format_long_date(Date(2025, 9, 17), "ar-u-nu-latn", "") == "17 سبتمبر 2025");
    // Day and month both replaced, in either order: each keeps its place.
    CHECK(format_long_date(Date(2026, 1, 1), "fr", "1er", months) == "1er M1 2026");
    CHECK(format_long_date(Date(2026, 12, 1), "zh", "一", months) == "2026年M12月一日");
  }

  TEST_CASE("util::format_long_date_parts: split at ICU's day field, wherever the language puts "
            "it") {
    const auto parts = [](const Date &date, const char *locale, const char *first_day) {
      const LongDateParts p = format_long_date_parts(date, locale, first_day);
      return std::vector<std::string>{p.before, p.day, p.after};
    };
    CHECK(parts(Date(2025, 9, 15), "en-GB", "") ==
          std::vector<std::string>{"", "15", " September 2025"});
    CHECK(parts(Date(2025, 9, 1), "fr", "1er") ==
          std::vector<std::string>{"", "1er", " septembre 2025"});
    CHECK(parts(Date(2025, 9, 15), "zh", "") == std::vector<std::string>{"2025年9月", "15", "日"});
    CHECK(parts(Date(2025, 9, 15), "es", "") ==
          std::vector<std::string>{"", "15", " de septiembre de 2025"});
    // The month's name replaced before the day keeps the day where it is.
    const std::vector<std::string> months = {"M1", "M2", "M3", "M4",  "M5",  "M6",
                                             "M7", "M8", "M9", "M10", "M11", "M12"};
    const LongDateParts zh = format_long_date_parts(Date(2026, 12, 1), "zh", "一", months);
    CHECK(zh.before == "2026年M12月");
    CHECK(zh.day == "一");
    CHECK(zh.after == "日");
  }

  TEST_CASE("util::format_long_date: every util::Date as its ISO text says (proleptic Gregorian, "
            "ISO year)") {
    // ICU's default calendar is Julian before 15 October 1582 and writes the year 0 as 1 (BC).
    CHECK(format_long_date(Date(1582, 10, 10), "en-GB", "") == "10 October 1582");
    CHECK(format_long_date(Date(1500, 3, 1), "fr", "1er") == "1er mars 1500");
    CHECK(format_long_date(Date(0, 1, 3), "en-GB", "") == "3 January 0");
    CHECK(format_long_date(Date(0, 1, 3), "ar-u-nu-latn", "") == "3 يناير 0");
    CHECK(format_long_date(Date(9999, 12, 31), "ru", "") == "31 декабря 9999\u202fг.");
    CHECK(format_long_date(Date(1, 2, 3), "zh", "") == "1年2月3日");
  }

  TEST_CASE("util::display_width: wide CJK characters take two columns, combining marks none") {
    CHECK(display_width("France") == 6);
    CHECK(display_width("État") == 4);
    CHECK(display_width("E\u0301tat") == 4);
    CHECK(display_width("法国") == 4);
    CHECK(display_width("缔约国（２）") == 12);
    CHECK(display_width("فرنسا") == 5);
  }

  TEST_CASE("util::fold_case: Unicode full case folding, accents kept") {
    CHECK(fold_case("FRAIS BANCAIRES \u00c9TRANGERS") == "frais bancaires \u00e9trangers");
    CHECK(fold_case("\u00dcbertrag") == "\u00fcbertrag");
    CHECK(fold_case("Stra\u00dfe") == fold_case("STRASSE"));
    CHECK(fold_case("\u041a\u041e\u041c\u0418\u0421\u0421\u0418\u042f") ==
          "\u043a\u043e\u043c\u0438\u0441\u0441\u0438\u044f");
    CHECK(fold_case("\u4e2d\u56fd 2025") == "\u4e2d\u56fd 2025");
    CHECK(fold_case("") == "");
  }
  TEST_CASE("util::is_known_locale, is_right_to_left") {
    CHECK(is_known_locale("fr"));
    CHECK(is_known_locale("ar-u-nu-latn"));
    CHECK_FALSE(is_known_locale("xx"));
    CHECK_FALSE(is_known_locale(""));
    CHECK(is_right_to_left("ar-u-nu-latn"));
    CHECK_FALSE(is_right_to_left("zh"));
    CHECK(is_latin_script("fr"));
    CHECK(is_latin_script("en-GB"));
    CHECK_FALSE(is_latin_script("ru"));
    CHECK_FALSE(is_latin_script("zh"));
    CHECK_FALSE(is_latin_script("ar-u-nu-latn"));
  }
}
