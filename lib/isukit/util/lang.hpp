// The languages isukit writes for people. A language is data: a catalogue of messages (with
// plural forms) and the conventions of its numbers and dates, read from DATA/i18n/CODE.yaml by
// model::load_languages. Nothing in the code names a language.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace isukit::util {

/// A CLDR plural rule, e.g. `i = 0,1` or `n % 10 = 2..4 and n % 100 != 12..14`, for whole
/// counts (v = 0, so `i` and `n` are the count). Supports the operands n and i, `%`, `=`/`!=`,
/// value lists with ranges, `and` binding tighter than `or`; an empty rule never matches.
/// Source: https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules
class PluralRule {
public:
  /// Parses `text`; nullopt-like failure is reported as an empty `error`.
  static PluralRule parse(std::string_view text, std::string &error);
  bool matches(std::int64_t count) const;

private:
  class Reader; // reads a rule's words (lang.cpp)
  struct Relation {
    std::int64_t modulus = 0; // 0: none
    bool equal = true;
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
  };
  std::vector<std::vector<Relation>> m_any_of_all_of; // or of ands
};

/// How people read numbers and dates in a language: the CLDR conventions of an ICU locale
/// (util/locale.hpp), and what a language's usage adds to them.
struct Conventions {
  std::string locale = "en-GB"; // BCP 47 tag ICU formats numbers and dates for
  std::string first_day;        // how day 1 is written when CLDR does not say it ("1er"), or empty
  std::vector<std::string> months; // the long date's 12 month names where usage differs from CLDR
                                   // (UN Arabic: كانون الثاني/يناير), or empty: CLDR's
  bool right_to_left = false; // the script runs right to left (from ICU)
  bool latin_script = true;   // written in Latin letters (from ICU): LaTeX output can set it
};

/// One message: its text, or its plural forms keyed by CLDR category (one, other, ...).
struct Message {
  std::map<std::string, std::string, std::less<>> forms; // "other" always present
};

/// A language's catalogue: code, conventions, plural rules (tried in order; `other` when none
/// matches) and messages by id.
struct Catalogue {
  std::string code; // "en", "fr": the catalogue's file name
  Conventions conventions;
  std::vector<std::pair<std::string, PluralRule>> plural_rules;
  std::map<std::string, Message, std::less<>> messages;
  /// (from, to): a phrase of Lang::phrase that starts with `from` starts with `to` instead, the
  /// first match only ("de le " -> "du ": French contracts a preposition with an article).
  std::vector<std::pair<std::string, std::string>> contractions;
};

/// A named parameter of a message: `{name}` in the text is replaced by `value`.
using Arg = std::pair<std::string_view, std::string>;

/// A language to write in: a cheap handle on its loaded catalogue.
class Lang {
public:
  explicit Lang(std::shared_ptr<const Catalogue> catalogue) : m_catalogue(std::move(catalogue)) {}

  const std::string &code() const { return m_catalogue->code; }
  const Conventions &conventions() const { return m_catalogue->conventions; }

  /// The message `id` with its `{name}` parameters filled in. An id the catalogue does not
  /// have is bad data (exit 65, naming DATA/i18n/CODE.yaml and the id): catalogues are checked
  /// at load to have the same ids, so only an id misspelt or removed in all of them gets here.
  std::string text(std::string_view id, std::initializer_list<Arg> args = {}) const {
    return text(id, std::span<const Arg>(args.begin(), args.size()));
  }
  std::string text(std::string_view id, std::span<const Arg> args) const;
  /// Whether the catalogue has the message `id`: for words that come from data files and are
  /// translated when the catalogue knows them (report-status's `how`: ratification...).
  bool has(std::string_view id) const {
    return m_catalogue->messages.find(id) != m_catalogue->messages.end();
  }
  /// The plural form of `id` for `count` (also given as `{count}`), with the other parameters.
  std::string plural(std::string_view id, std::int64_t count,
                     std::initializer_list<Arg> args = {}) const;
  /// The message `id` with its parameters, then the catalogue's first contraction whose `from`
  /// begins it: for a preposition before a name that carries its article ("de {name}" with "la
  /// République française", "le Royaume de Belgique": "de la République française", "du Royaume
  /// de Belgique").
  std::string phrase(std::string_view id, std::initializer_list<Arg> args) const;
  /// The CLDR category of `count`: "one", "other", ...
  std::string_view plural_category(std::int64_t count) const;

  bool operator==(const Lang &other) const { return code() == other.code(); }

private:
  std::shared_ptr<const Catalogue> m_catalogue;
};

/// Replaces each `{name}` in `pattern` with its argument; an unknown name is a logic_error,
/// arguments the pattern does not use are ignored.
std::string fill(std::string_view pattern, std::span<const Arg> args);
inline std::string fill(std::string_view pattern, std::initializer_list<Arg> args) {
  return fill(pattern, std::span<const Arg>(args.begin(), args.size()));
}
/// The `{name}` parameters a pattern uses, sorted.
std::vector<std::string> parameters_of(std::string_view pattern);

/// A text given in several languages by a data file (`name_en`, `name_fr`, ... as `name`).
class LocalText {
public:
  void set(std::string code, std::string text) { m_texts[std::move(code)] = std::move(text); }
  /// The text for a language the file does not give, where its format documents one (a
  /// budget's `label_en` stands for every language); without one such a language is an error
  /// at load (model::require_languages).
  void set_default(std::string text) { m_default = std::move(text); }
  bool has(std::string_view code) const { return m_texts.find(code) != m_texts.end(); }
  bool has_default() const { return !m_default.empty(); }
  const std::string &default_text() const { return m_default; }
  const std::string &in(const Lang &lang) const { return in(lang.code()); }
  const std::string &in(std::string_view code) const;
  const std::map<std::string, std::string, std::less<>> &all() const { return m_texts; }

private:
  std::map<std::string, std::string, std::less<>> m_texts;
  std::string m_default;
};

} // namespace isukit::util
