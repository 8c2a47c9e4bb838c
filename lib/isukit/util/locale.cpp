#include <isukit/util/date.hpp>
#include <isukit/util/locale.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <unicode/datefmt.h>
#include <unicode/fpositer.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>
#include <utility>
#include <vector>

namespace isukit::util {

namespace {

/// ICU reports failures through a status code; here every failure is a broken installation or
/// a programming error (catalogues' locales are checked at load), so it is an exception.
void check(UErrorCode status, std::string_view what) {
  if (U_FAILURE(status)) {
    throw std::logic_error("ICU could not " + std::string(what) + ": " + u_errorName(status));
  }
}

icu::Locale to_locale(const std::string &tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  check(status, "read the locale " + tag);
  return locale;
}

std::string utf8(const icu::UnicodeString &text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

/// Formatters are built once per locale, grouping and number of fraction digits: a table
/// formats thousands of cells with a handful of them.
const icu::number::LocalizedNumberFormatter &
number_formatter(const std::string &locale, Grouping grouping, int fraction_digits) {
  using Key = std::tuple<std::string, Grouping, int>;
  static std::map<Key, icu::number::LocalizedNumberFormatter> cache;
  const Key key{locale, grouping, fraction_digits};
  auto found = cache.find(key);
  if (found == cache.end()) {
    auto formatter =
        icu::number::NumberFormatter::withLocale(to_locale(locale))
            .grouping(grouping == Grouping::grouped ? UNUM_GROUPING_AUTO : UNUM_GROUPING_OFF)
            .precision(icu::number::Precision::fixedFraction(fraction_digits))
            .roundingMode(UNUM_ROUND_UNNECESSARY);
    found = cache.emplace(key, std::move(formatter)).first;
  }
  return found->second;
}

/// The pattern with its year of era (`y`, which writes the year 0 as 1 and the era apart) as
/// the ISO year (`u`), outside quoted literals ("d MMMM y 'г'.").
icu::UnicodeString with_iso_year(const icu::UnicodeString &pattern) {
  icu::UnicodeString result;
  bool quoted = false;
  for (int32_t i = 0; i < pattern.length(); ++i) {
    const char16_t c = pattern.charAt(i);
    quoted = c == u'\'' ? !quoted : quoted;
    result.append(!quoted && c == u'y' ? char16_t(u'u') : c);
  }
  return result;
}

/// The locale's long date format over the proleptic Gregorian calendar (ICU's default switches
/// to the Julian calendar before 15 October 1582) and ISO years, so that every date of
/// util::Date (0000-9999) is written as its ISO text says.
const icu::DateFormat &long_date_format(const std::string &locale) {
  static std::map<std::string, std::unique_ptr<icu::DateFormat>> cache;
  auto &format = cache[locale];
  if (!format) {
    format.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, to_locale(locale)));
    auto *simple = dynamic_cast<icu::SimpleDateFormat *>(format.get());
    auto *gregorian =
        simple ? dynamic_cast<const icu::GregorianCalendar *>(simple->getCalendar()) : nullptr;
    if (!gregorian) {
      throw std::logic_error("ICU has no Gregorian long date format for " + locale);
    }
    icu::UnicodeString pattern;
    simple->applyPattern(with_iso_year(simple->toPattern(pattern)));
    std::unique_ptr<icu::GregorianCalendar> proleptic(gregorian->clone());
    UErrorCode status = U_ZERO_ERROR;
    proleptic->setGregorianChange(U_DATE_MIN, status);
    proleptic->setTimeZone(*icu::TimeZone::getGMT());
    simple->adoptCalendar(proleptic.release());
    if (U_FAILURE(status)) {
      throw std::logic_error("ICU cannot make a proleptic Gregorian calendar for " + locale);
    }
  }
  return *format;
}

/// The words a language's usage writes for field `id` of a long date where CLDR writes others
/// (`day` for the day of the month, `month` for its name), or empty: CLDR's.
std::string_view usage_words(int32_t id, std::string_view day, std::string_view month) {
  return id == UDAT_DATE_FIELD                                         ? day
         : id == UDAT_MONTH_FIELD || id == UDAT_STANDALONE_MONTH_FIELD ? month
                                                                       : std::string_view();
}

/// The fields of a formatted long date, first first (they do not overlap).
std::vector<icu::FieldPosition> fields_in_order(icu::FieldPositionIterator &iterator) {
  std::vector<icu::FieldPosition> fields;
  icu::FieldPosition field;
  while (iterator.next(field)) {
    if (field.getEndIndex() > field.getBeginIndex()) {
      fields.push_back(field);
    }
  }
  std::sort(fields.begin(), fields.end(),
            [](const auto &a, const auto &b) { return a.getBeginIndex() < b.getBeginIndex(); });
  return fields;
}

} // namespace

bool is_known_locale(const std::string &locale) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale wanted = icu::Locale::forLanguageTag(locale, status);
  if (U_FAILURE(status) || wanted.isBogus() || *wanted.getLanguage() == '\0') {
    return false;
  }
  // The language's own resource bundle, without falling back to a parent or the root: it
  // exists exactly when ICU lists locales of that language, and opening it reads one small
  // bundle where the list of available locales reads them all (7 M instructions a call).
  UResourceBundle *bundle = ures_openDirect(nullptr, wanted.getLanguage(), &status);
  const bool known = U_SUCCESS(status);
  ures_close(bundle);
  return known;
}

bool is_right_to_left(const std::string &locale) {
  return to_locale(locale).isRightToLeft();
}

bool is_latin_script(const std::string &locale) {
  icu::Locale likely = to_locale(locale);
  UErrorCode status = U_ZERO_ERROR;
  likely.addLikelySubtags(status);
  check(status, "find the script of " + locale);
  return std::string_view(likely.getScript()) == "Latn";
}

std::string format_plain_decimal(std::string_view plain, const std::string &locale,
                                 Grouping grouping) {
  const auto dot = plain.find('.');
  const int fraction_digits =
      dot == std::string_view::npos ? 0 : static_cast<int>(plain.size() - dot - 1);
  UErrorCode status = U_ZERO_ERROR;
  const auto formatted =
      number_formatter(locale, grouping, fraction_digits)
          .formatDecimal(icu::StringPiece(plain.data(), static_cast<int32_t>(plain.size())),
                         status);
  std::string text = utf8(formatted.toString(status));
  check(status, "format the number " + std::string(plain));
  return text;
}

LongDateParts format_long_date_parts(const Date &date, const std::string &locale,
                                     std::string_view first_day,
                                     std::span<const std::string> months) {
  const UDate when = static_cast<UDate>(date.days_since(Date(1970, 1, 1))) * U_MILLIS_PER_DAY;
  icu::UnicodeString text;
  icu::FieldPositionIterator iterator;
  UErrorCode status = U_ZERO_ERROR;
  long_date_format(locale).format(when, text, &iterator, status);
  check(status, "format a long date");
  const std::string_view month =
      months.empty() ? std::string_view() : std::string_view(months[date.month() - 1]);
  const std::string_view day = date.day() == 1 ? first_day : std::string_view();
  LongDateParts parts;
  std::string *out = &parts.before; // then parts.after, once the day is written
  int32_t at = 0;
  for (const auto &field : fields_in_order(iterator)) {
    const int32_t begin = field.getBeginIndex();
    const int32_t end = field.getEndIndex();
    *out += utf8(text.tempSubStringBetween(at, begin));
    const std::string_view words = usage_words(field.getField(), day, month);
    std::string written =
        words.empty() ? utf8(text.tempSubStringBetween(begin, end)) : std::string(words);
    if (field.getField() == UDAT_DATE_FIELD) {
      parts.day = std::move(written);
      out = &parts.after;
    } else {
      *out += written;
    }
    at = end;
  }
  *out += utf8(text.tempSubString(at));
  if (out != &parts.after) {
    throw std::logic_error("ICU's long date for " + locale + " has no day of the month");
  }
  return parts;
}

std::string format_long_date(const Date &date, const std::string &locale,
                             std::string_view first_day, std::span<const std::string> months) {
  const LongDateParts parts = format_long_date_parts(date, locale, first_day, months);
  return parts.before + parts.day + parts.after;
}

std::size_t display_width(std::string_view utf8_text) {
  std::size_t width = 0;
  const auto *bytes = reinterpret_cast<const uint8_t *>(utf8_text.data());
  const auto length = static_cast<int32_t>(utf8_text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR) {
      continue;
    }
    const auto east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

std::string fold_case(std::string_view utf8_text) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())));
  return utf8(text.foldCase());
}

} // namespace isukit::util
