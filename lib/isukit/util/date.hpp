// ISO 8601 calendar dates: strict parsing, clamped month arithmetic, partial dates.
#pragma once

#include <isukit/util/lang.hpp>

#include <cassert>
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isukit::util {

/// The years isukit computes with: a date given on the command line (--as-of, --issued, --due),
/// a contributions ledger and a budget's period lie within them. The treaties date from 1980
/// (CCW) and 2008 (CCM); a date far outside (0000, 9999) is a typo, not a question to answer.
inline constexpr int first_year = 1950;
inline constexpr int last_year = 2149;

/// Whether `year` is one isukit computes with (first_year to last_year).
inline bool is_working_year(int year) {
  return year >= first_year && year <= last_year;
}
/// Why a date `text` read where a working year is needed is refused: the one wording of it
/// ("0000-01-01 is outside the years isukit handles, 1950-2149").
std::string outside_working_years(std::string_view text);

/// Whether `year`-`month`-`day` is a day of the (proleptic Gregorian) calendar, with `year`
/// within what std::chrono::year holds (-32767 to 32767): what year_month_day::ok() says, by
/// a table of month lengths rather than its arithmetic (a payments file checks a date a row).
constexpr bool is_calendar_date(int year, unsigned month, unsigned day) {
  constexpr unsigned char month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < -32767 || year > 32767 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return day <= month_days[month - 1] + (month == 2 && leap ? 1U : 0U);
}

/// Why `text`, written as a date, names no day of the calendar: "2025-02-29 is not a day of the
/// calendar: February 2025 has 28 days", "2025-13-01 is not a day of the calendar: a year has 12
/// months", "2007-13 is not a month of the calendar: ..." (a PartialDate's YYYY-MM). `text` is read
/// as YYYY-MM-DD or YYYY-MM when `format` is empty, else as Date::parse_with_format reads it
/// (`%m-%d`: a day of some year, so 02-29 is one). Nothing when `text` is a day (or month) of the
/// calendar, or is not written in that form at all: the caller then says which form it expects.
/// The one wording of an impossible date, wherever a date is read.
std::optional<std::string> impossible_date(std::string_view text, std::string_view format = {});

/// A calendar date. Always valid: the only ways to make one check it (Date::unchecked: its
/// caller has). Held as one number (packed()), so that comparing two is one comparison.
class Date {
public:
  Date() = default; // 1970-01-01
  /// Throws std::invalid_argument on an impossible date (is_calendar_date); for code that
  /// builds known dates, or has checked them.
  Date(int year, unsigned month, unsigned day) {
    if (!is_calendar_date(year, month, day)) {
      invalid(year, month, day);
    }
    m_day = packed_day(year, month, day);
  }

  /// A day that is_calendar_date has accepted already, not checked again (asserted in a debug
  /// build): for a reader that checked the digits it read (model::PaymentRowReader, a date a
  /// row). Anywhere else, the constructor above.
  static Date unchecked(int year, unsigned month, unsigned day) {
    assert(is_calendar_date(year, month, day));
    Date date;
    date.m_day = packed_day(year, month, day);
    return date;
  }

  /// `YYYY-MM-DD` and nothing else; 2025-02-30 is rejected.
  static std::optional<Date> parse(std::string_view text);
  /// A date written as `format` says, strptime-style: `%d` and `%m` (one or two digits), `%Y`
  /// (four digits), `%y` (two digits, 2000 to 2099); any other character stands for itself.
  /// `parse_with_format("15.03.2025", "%d.%m.%Y")`.
  static std::optional<Date> parse_with_format(std::string_view text, std::string_view format);
  /// Whether parse_with_format accepts `format`: only the directives above, each of day, month
  /// and year exactly once.
  static bool valid_format(std::string_view format);

  /// Today in the machine's local time zone (`TZ`, else /etc/localtime): in Geneva the UTC
  /// date is still yesterday until 01:00 or 02:00, and an officer's "today" is Geneva's.
  static Date today();

  int year() const { return m_day >> 9; } // an arithmetic shift: -1 is year -1
  unsigned month() const { return static_cast<unsigned>(m_day) >> 5 & 15; }
  unsigned day() const { return static_cast<unsigned>(m_day) & 31; }
  /// year * 512 + month * 32 + day: one number, larger for a later day (not a day count).
  std::int32_t packed() const { return m_day; }

  /// `2025-08-31`.
  std::string iso() const;

  /// Adds whole months; a day past the end of the target month becomes its last day
  /// (2024-01-31 + 1 month = 2024-02-29). A result outside the years 0000-9999 (what
  /// `YYYY-MM-DD` can write) throws std::out_of_range: callers bound what they add, and
  /// report a bad figure at its position.
  Date add_months(int months) const;
  /// Whole years as 12 months each (so 29 February becomes 28 February); same range.
  Date add_years(int years) const { return add_months(12 * years); }
  /// Adds days (negative for earlier); same range.
  Date add_days(int days) const;
  Date first_of_month() const;

  /// Days from `from` to this date (negative when earlier).
  int days_since(const Date &from) const;

  /// Year, then month, then day: the order of days (every Date is a real day).
  /// One comparison of packed(): a payments file compares a date or two a row.
  friend auto operator<=>(const Date &a, const Date &b) { return a.m_day <=> b.m_day; }
  friend bool operator==(const Date &a, const Date &b) = default;

private:
  explicit Date(std::chrono::year_month_day ymd)
      : m_day(packed_day(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                         static_cast<unsigned>(ymd.day()))) {}
  [[noreturn]] static void invalid(int year, unsigned month, unsigned day);
  /// packed() of a day of the calendar (month 1-12, day 1-31, year within +-32767: no overflow).
  static constexpr std::int32_t packed_day(int year, unsigned month, unsigned day) {
    return year * 512 + static_cast<std::int32_t>(month << 5 | day);
  }
  std::chrono::year_month_day ymd() const {
    return {std::chrono::year(year()), std::chrono::month(month()), std::chrono::day(day())};
  }

  std::int32_t m_day = packed_day(1970, 1, 1); // packed()
};

/// The language's long date, for letters: "17 September 2025", "17 septembre 2025" ("1er" for
/// the first in French), "17 de septiembre de 2025", "2025年9月17日" (util::format_long_date).
std::string long_date(const Date &date, const Lang &lang);

/// A date known to the day, the month or only the year (`2027`, `2007-12`, `2011-01-01`), as
/// precise as its source and no more.
class PartialDate {
public:
  enum class Precision { year, month, day };

  static std::optional<PartialDate> parse(std::string_view text);

  Precision precision() const { return m_precision; }
  /// The first and last days the date may stand for.
  const Date &earliest() const { return m_earliest; }
  const Date &latest() const { return m_latest; }
  /// The text as its source wrote it.
  std::string iso() const;

private:
  Date m_earliest;
  Date m_latest;
  Precision m_precision = Precision::day;
};

} // namespace isukit::util
