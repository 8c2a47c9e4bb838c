// Dates: strict parsing, partial dates, month and day arithmetic, long dates in every
// language. Invariants: what parses prints back as the same text; month arithmetic moves
// exactly the months asked and clamps only the day; day arithmetic is undone by days_since;
// a result past 0000-9999 is std::out_of_range, never an invalid date.
#include <isukit/util/date.hpp>

#include <cstring>
#include <stdexcept>

#include "harness.hpp"

using namespace isukit::util;

namespace {

/// Whether `number` occurs in `text` as a whole number (not inside a longer run of digits).
bool contains_number(std::string_view text, std::string_view number) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (auto at = text.find(number); at != std::string_view::npos; at = text.find(number, at + 1)) {
    const bool starts = at == 0 || !is_digit(text[at - 1]);
    const bool ends = at + number.size() == text.size() || !is_digit(text[at + number.size()]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

void check_date(const Date &date) {
  fuzz::require(date.year() >= 0 && date.year() <= 9999, "a date outside 0000-9999: " + date.iso());
  const auto again = Date::parse(date.iso());
  fuzz::require(again && *again == date, "iso() does not parse back: " + date.iso());
  for (const Lang &lang : fuzz::languages()) {
    const std::string text = long_date(date, lang);
    const std::string &first_day = lang.conventions().first_day; // "1er" in French
    const std::string day =
        date.day() == 1 && !first_day.empty() ? first_day : std::to_string(date.day());
    // Each language orders day, month and year its own way ("1 janvier 2026", "2026年1月1日",
    // "1 января 2026 г."): the day and the year are there as numbers, in Western digits.
    fuzz::require(contains_number(text, day),
                  "long date in " + lang.code() + " lacks its day: " + text);
    fuzz::require(contains_number(text, std::to_string(date.year())),
                  "long date in " + lang.code() + " lacks its year: " + text);
  }
}

void check_months(const Date &date, int months) {
  Date moved;
  try {
    moved = date.add_months(months);
  } catch (const std::out_of_range &) {
    const long long target = date.year() * 12LL + date.month() - 1 + months;
    fuzz::require(target < 0 || target > 9999 * 12LL + 11,
                  "add_months refused a month within range");
    return;
  }
  check_date(moved);
  const long long moved_by =
      (moved.year() * 12LL + moved.month()) - (date.year() * 12LL + date.month());
  fuzz::require(moved_by == months, "add_months moved by another number of months");
  fuzz::require(moved.day() <= date.day(), "add_months moved the day forward");
  fuzz::require(date.day() <= 28 ? moved.day() == date.day() : moved.day() >= 28,
                "add_months clamped wrongly");
}

void check_days(const Date &date, int days) {
  Date moved;
  try {
    moved = date.add_days(days);
  } catch (const std::out_of_range &) {
    return;
  }
  check_date(moved);
  fuzz::require(moved.days_since(date) == days, "days_since does not undo add_days");
  fuzz::require((days > 0) == (moved > date) && (days == 0) == (moved == date),
                "add_days moved the wrong way");
}

void check_partial(std::string_view text) {
  const auto partial = PartialDate::parse(text);
  if (!partial) {
    return;
  }
  fuzz::require(partial->iso() == text, "a partial date does not print back: " + std::string(text));
  fuzz::require(partial->earliest() <= partial->latest(), "a partial date ends before it starts");
  check_date(partial->earliest());
  check_date(partial->latest());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  // Two ints for the arithmetic, then the text.
  std::int32_t numbers[2] = {0, 0};
  const std::size_t head = std::min(size, sizeof numbers);
  std::memcpy(numbers, data, head);
  const std::string_view text = fuzz::text_of(data + head, size - head);
  check_partial(text);
  const auto date = Date::parse(text);
  if (!date) {
    return 0;
  }
  fuzz::require(date->iso() == text, "a date does not print back: " + std::string(text));
  check_date(*date);
  check_months(*date, numbers[0]);
  check_months(*date, numbers[0] % 1200);
  check_days(*date, numbers[1]);
  check_days(*date, numbers[1] % 40000);
  return 0;
}
