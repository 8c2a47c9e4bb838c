#include <isukit/util/date.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <ctime>
#include <stdexcept>

namespace isukit::util {

using namespace std::chrono;

namespace {

/// Reads exactly `width` digits at `pos`.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

Date last_of_month(int y, unsigned m) {
  const year_month_day_last last{year(y) / month(m) / std::chrono::last};
  return Date(y, m, static_cast<unsigned>(last.day()));
}

} // namespace

void Date::invalid(int y, unsigned m, unsigned d) {
  throw std::invalid_argument(fmt::format("invalid date {}-{:02}-{:02}", y, m, d));
}

namespace {

/// The numbers a date text gives, before any check that they make a day.
struct Written {
  int year = 0; // a format without a year: year 0, a leap year, so that 02-29 is a day of it
  int month = 0;
  int day = 1;
  bool has_year = false;
  bool has_day = false; // false: YYYY-MM, a month
};

/// YYYY-MM-DD, or YYYY-MM (a month), digits where digits are written.
std::optional<Written> iso_written(std::string_view text) {
  if ((text.size() != 10 && text.size() != 7) || text[4] != '-' ||
      (text.size() == 10 && text[7] != '-')) {
    return std::nullopt;
  }
  const auto y = read_digits(text, 0, 4);
  const auto m = read_digits(text, 5, 2);
  const auto d = text.size() == 10 ? read_digits(text, 8, 2) : std::optional<int>(1);
  if (!y || !m || !d) {
    return std::nullopt;
  }
  return Written{*y, *m, *d, true, text.size() == 10};
}

/// Reads 1 to `most` digits at `i` (at least `least`), advancing `i`.
std::optional<int> read_number(std::string_view text, std::size_t &i, int least, int most) {
  int value = 0;
  int count = 0;
  while (i < text.size() && count < most && text[i] >= '0' && text[i] <= '9') {
    value = value * 10 + (text[i++] - '0');
    ++count;
  }
  return count >= least ? std::optional<int>(value) : std::nullopt;
}

/// `text` as `format` (parse_with_format's directives) writes a date.
std::optional<Written> format_written(std::string_view text, std::string_view format) {
  Written written{0, 0, 0, false, true};
  std::size_t at = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      if (at >= text.size() || text[at++] != format[i]) {
        return std::nullopt;
      }
      continue;
    }
    const char directive = format[++i];
    const int least = directive == 'Y' ? 4 : directive == 'y' ? 2 : 1;
    const auto value = read_number(text, at, least, directive == 'Y' ? 4 : 2);
    if (!value) {
      return std::nullopt;
    }
    written.has_year = written.has_year || directive == 'Y' || directive == 'y';
    (directive == 'd'   ? written.day
     : directive == 'm' ? written.month
                        : written.year) = directive == 'y' ? 2000 + *value : *value;
  }
  if (at != text.size()) {
    return std::nullopt;
  }
  return written;
}

std::optional<Date> day_of(const std::optional<Written> &written) {
  if (!written || !written->has_day ||
      !is_calendar_date(written->year, static_cast<unsigned>(written->month),
                        static_cast<unsigned>(written->day))) {
    return std::nullopt;
  }
  return Date(written->year, static_cast<unsigned>(written->month),
              static_cast<unsigned>(written->day));
}

constexpr const char *month_names[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

/// Why `written` (of `text`), which is_calendar_date refuses, is no day (or month).
std::string not_in_calendar(std::string_view text, const Written &written) {
  const char *what = written.has_day ? "day" : "month";
  if (written.month < 1 || written.month > 12) {
    return fmt::format("{} is not a {} of the calendar: a year has 12 months", text, what);
  }
  if (written.day < 1) {
    return fmt::format("{} is not a day of the calendar: the days of a month count from 1", text);
  }
  const auto month = static_cast<unsigned>(written.month);
  const Date last = last_of_month(written.year, month);
  if (!written.has_year) { // February of a leap year has 29
    return fmt::format("{} is not a day of the calendar: {} has {}{} days", text,
                       month_names[month - 1], month == 2 ? "at most " : "", last.day());
  }
  return fmt::format("{} is not a day of the calendar: {} {} has {} days", text,
                     month_names[month - 1], written.year, last.day());
}

} // namespace

std::optional<std::string> impossible_date(std::string_view text, std::string_view format) {
  const auto written = format.empty() ? iso_written(text) : format_written(text, format);
  if (!written || is_calendar_date(written->year, static_cast<unsigned>(written->month),
                                   static_cast<unsigned>(written->day))) {
    return std::nullopt;
  }
  return not_in_calendar(text, *written);
}

std::optional<Date> Date::parse(std::string_view text) {
  return day_of(iso_written(text));
}

bool Date::valid_format(std::string_view format) {
  int day = 0, month = 0, year = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      continue;
    }
    switch (i + 1 < format.size() ? format[++i] : '\0') {
    case 'd':
      ++day;
      break;
    case 'm':
      ++month;
      break;
    case 'Y':
    case 'y':
      ++year;
      break;
    default:
      return false;
    }
  }
  return day == 1 && month == 1 && year == 1;
}

std::optional<Date> Date::parse_with_format(std::string_view text, std::string_view format) {
  return day_of(format_written(text, format));
}

std::string Date::iso() const {
  const int y = year();
  if (y < 0 || y > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", y, month(), day());
  }
  // Digit by digit: report and statement tables write thousands of dates, and formatting each
  // through fmt cost as much as building the rest of their rows.
  std::string text = "0000-00-00";
  const auto put = [&text](std::size_t end, unsigned value) {
    for (std::size_t i = end; value != 0; --i, value /= 10) {
      text[i] = static_cast<char>('0' + value % 10);
    }
  };
  put(3, static_cast<unsigned>(y));
  put(6, month());
  put(9, day());
  return text;
}

Date Date::today() {
  // localtime_r follows TZ; std::chrono::current_zone would not read TZ in libstdc++ 12.
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  return Date(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
              static_cast<unsigned>(local.tm_mday));
}

namespace {

/// The years a date may have: those `YYYY-MM-DD` can write.
constexpr int min_year = 0;
constexpr int max_year = 9999;

[[noreturn]] void out_of_range(const Date &date, std::string_view what) {
  throw std::out_of_range(
      fmt::format("{} from {} leaves the years {:04}-{}", what, date.iso(), min_year, max_year));
}

} // namespace

Date Date::add_months(int months) const {
  // In 64 bits: any int of months is representable, and the range check below bounds it.
  const long long index = year() * 12LL + month() - 1 + months;
  if (index < min_year * 12LL || index > max_year * 12LL + 11) {
    out_of_range(*this, fmt::format("{} months", months));
  }
  const int y = static_cast<int>(index / 12);
  const unsigned m = static_cast<unsigned>(index % 12) + 1;
  const Date last = last_of_month(y, m);
  return Date(y, m, std::min(day(), last.day()));
}

Date Date::add_days(int days) const {
  // Compared as day counts: a year_month_day past the year 32767 would not hold its year.
  const sys_days result = sys_days(ymd()) + std::chrono::days(days);
  if (result < sys_days(std::chrono::year(min_year) / January / 1) ||
      result > sys_days(std::chrono::year(max_year) / December / 31)) {
    out_of_range(*this, fmt::format("{} days", days));
  }
  return Date(year_month_day(result));
}

Date Date::first_of_month() const {
  return Date(year(), month(), 1);
}

int Date::days_since(const Date &from) const {
  return static_cast<int>((sys_days(ymd()) - sys_days(from.ymd())).count());
}

std::string long_date(const Date &date, const Lang &lang) {
  const Conventions &c = lang.conventions();
  return format_long_date(date, c.locale, c.first_day, c.months);
}

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
  PartialDate result;
  if (text.size() == 4) {
    const auto y = read_digits(text, 0, 4);
    if (!y) {
      return std::nullopt;
    }
    result.m_precision = Precision::year;
    result.m_earliest = Date(*y, 1, 1);
    result.m_latest = Date(*y, 12, 31);
    return result;
  }
  if (text.size() == 7) {
    const auto y = read_digits(text, 0, 4);
    const auto m = read_digits(text, 5, 2);
    if (!y || !m || text[4] != '-' || *m < 1 || *m > 12) {
      return std::nullopt;
    }
    result.m_precision = Precision::month;
    result.m_earliest = Date(*y, static_cast<unsigned>(*m), 1);
    result.m_latest = last_of_month(*y, static_cast<unsigned>(*m));
    return result;
  }
  const auto day = Date::parse(text);
  if (!day) {
    return std::nullopt;
  }
  result.m_earliest = result.m_latest = *day;
  return result;
}

std::string PartialDate::iso() const {
  switch (m_precision) {
  case Precision::year:
    return fmt::format("{:04}", m_earliest.year());
  case Precision::month:
    return fmt::format("{:04}-{:02}", m_earliest.year(), m_earliest.month());
  case Precision::day:
    break;
  }
  return m_earliest.iso();
}

std::string outside_working_years(std::string_view text) {
  return fmt::format("{} is outside the years isukit handles, {}-{}", text, first_year, last_year);
}

} // namespace isukit::util
