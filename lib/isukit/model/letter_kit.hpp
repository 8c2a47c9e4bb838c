// What every letter shares, whatever it is about: who it goes to (contacts), who it comes
// from (the ISU's letterhead and signatory), how to pay, its language and its template.
#pragma once

#include <isukit/io/letters.hpp>
#include <isukit/model/contacts.hpp>
#include <isukit/model/isu.hpp>
#include <isukit/model/treaty.hpp>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace isukit::model {

struct LetterKit {
  explicit LetterKit(util::Lang default_lang) : lang(std::move(default_lang)) {}

  util::Lang lang; // --lang
  Isu isu;         // the treaty's, overridden by the user's `isu` document
  Contacts contacts;
  bool contact_language =
      false; // --contact-lang: a state's contact may choose its letter's language
  std::vector<util::Lang> languages; // every language a letter may be in
  std::vector<std::pair<std::string, io::LetterTemplate>> templates; // by language code
  /// The names the shipped templates of this kind use, in every language: what a letter of the
  /// kind may have, even a batch whose letters happen not to (`withdrawn` in outreach letters).
  std::set<std::string> shipped_fields;

  /// The language of the letter to `state`: its contact's, with contact_language, else `lang`.
  util::Lang lang_for(StateId state) const;
  const io::LetterTemplate &template_for(const util::Lang &lang) const;

  /// The fields every letter has: `treaty` {name, short_name}; `isu` {name, address (lines),
  /// email}; the line lists [{line, last}] (a template ends every line but the last with a
  /// Markdown hard break, `\`): `letterhead` (the ISU's name, address in `lang`, email),
  /// `signature` (the signatory's name and title, else the ISU's name), `payment` {lines: "Bank:
  /// ...", labelled in `lang`} (false when the instructions name no bank and account);
  /// `date`, `date_long`.
  io::Node common(const Treaty &treaty, const util::Date &date, const util::Lang &lang) const;
  /// common() and who the letter goes to: `state` (state_fields), `to` (the contact's addressee
  /// and address lines, else the catalogue's generic addressee and the state's name),
  /// `email`, `salutation`.
  io::Node to_state(StateId state, const StateTable &states, const Treaty &treaty,
                    const util::Date &date, const util::Lang &lang) const;
  /// The letter file STEM + the template's extension, rendered in `lang`.
  io::Letter letter(const std::string &stem, const io::Node &context, const util::Lang &lang) const;
  /// Refuses (a data error at the template's line and column) a template naming a field that
  /// neither shipped_fields nor any letter of the batch has: Mustache would render it as
  /// nothing, in every letter, without a word. Call before writing any of `letters`; an empty
  /// batch renders nothing, so nothing is checked.
  void check_fields(const std::vector<io::Letter> &letters) const;
};

/// A state as a letter names it in `lang`: {code, name (short: "France"), formal (with its
/// article where the language has one: "la République française"; the short name where the data
/// has no formal one), of (the catalogue's `grammar.of_state` with the formal name and the
/// language's contractions: "of the French Republic", "de la République française", "du
/// Royaume de Belgique")}.
io::Node state_fields(const State &state, const util::Lang &lang);

/// How a letter to a person by `name` greets and names them in `lang`, in the catalogue's words
/// (as to_state's `salutation` for a State): adds `salutation` ("Dear Ms Ana Pérez,",
/// "Madame,": `letter.salutation.GENDER`) and `form_of_address` ("Ms Ana Pérez", "Madame":
/// `letter.form_of_address.GENDER`, for a closing that names the person again) to `context`.
/// `gender` is female, male or other; empty (not given) is other, the form for both.
void add_person_address(io::Node &context, const std::string &name, const std::string &gender,
                        const util::Lang &lang);

/// [{line, last}] for a template that separates lines with hard breaks.
io::Node line_list(const std::vector<std::string> &lines);

} // namespace isukit::model
