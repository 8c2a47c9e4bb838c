// Numbers, dates and the width of text as a language writes them, from ICU and the Unicode CLDR
// data it carries (Debian's libicu-dev): the grouping and decimal marks, month names and long
// date patterns of six UN languages are not ours to type by hand.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace isukit::util {

class Date;

/// Whether ICU has CLDR data for the language of `locale` (a BCP 47 tag such as `fr`,
/// `en-GB`, `ar-u-nu-latn`): a catalogue naming any other locale is refused at load.
bool is_known_locale(const std::string &locale);

/// Whether the locale's script runs right to left (Arabic): HTML output carries `dir="rtl"`.
bool is_right_to_left(const std::string &locale);
/// Whether the locale writes in the Latin script (its likely script, CLDR): the only one the
/// LaTeX output's pdflatex with inputenc sets.
bool is_latin_script(const std::string &locale);

enum class Grouping { grouped, plain };

/// A plain decimal text (`-?digits[.digits]`, as util::is_plain_decimal accepts) as the
/// locale writes it, with exactly its fraction digits: "1362200.20" is "1,362,200.20" in
/// en-GB, "1 362 200,20" in fr (U+202F NARROW NO-BREAK SPACE), "1.362.200,20" in es.
/// The digits go to ICU as text (its decimal arithmetic), never through double, and are
/// never rounded. Precondition: `plain` is a plain decimal.
std::string format_plain_decimal(std::string_view plain, const std::string &locale,
                                 Grouping grouping);

/// The locale's long date ("1 January 2026" in en-GB, "1 de enero de 2026" in es,
/// "2026年1月1日" in zh); where `first_day` is given, it replaces the day number of the first
/// of a month (French writes "1er janvier", which CLDR does not); where `months` is given (12
/// names, January first), they replace CLDR's month names (UN Arabic writes "17 أيلول/سبتمبر 2025"
/// where CLDR has سبتمبر).
std::string format_long_date(const Date &date, const std::string &locale,
                             std::string_view first_day, std::span<const std::string> months = {});

/// A long date split at its day of the month (ICU's day field), as format_long_date writes it:
/// "15 September 2025" is {"", "15", " September 2025"}, "1er septembre 2025" {"", "1er",
/// " septembre 2025"}, "2025年9月15日" {"2025年9月", "15", "日"}. Two dates of one month share
/// `before` and `after`: a range within a month says them once.
struct LongDateParts {
  std::string before;
  std::string day;
  std::string after;
};
LongDateParts format_long_date_parts(const Date &date, const std::string &locale,
                                     std::string_view first_day,
                                     std::span<const std::string> months = {});

/// Columns the UTF-8 text takes on a terminal: East Asian wide and fullwidth characters take
/// two (Unicode UAX #11), combining marks and format characters none, others one.
std::size_t display_width(std::string_view utf8);

/// The UTF-8 text with Unicode's full case folding (ICU, CaseFolding.txt): what two texts
/// compared without regard to case in any script have in common ("ÉTRANGERS" and "étrangers"
/// give "étrangers", "Übertrag" "übertrag", "STRASSE" and "Straße" "strasse", "КОМИССИЯ"
/// "комиссия"). Accents are kept.
std::string fold_case(std::string_view utf8);

} // namespace isukit::util
