// Who is party to what on a date, and outreach letters to those who are not: the
// universalization half of an ISU's work.
#pragma once

#include <isukit/io/letters.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/letter_kit.hpp>
#include <isukit/model/treaty.hpp>

#include <optional>
#include <string>
#include <vector>

namespace isukit::reports {

enum class Adherence { party, signatory, withdrawn, not_party };

/// A state's standing under one instrument on a date.
struct StateAdherence {
  model::StateId state = 0;
  const model::Instrument *instrument = nullptr;
  Adherence adherence = Adherence::not_party;
  std::optional<util::Date> deposited; // party or withdrawn
  std::string how;                     // ratification, accession, succession; empty if unknown
  std::optional<util::Date> entry_into_force; // party
  bool in_force = false;                      // party, and entry into force on or before the date
  std::optional<util::Date> signed_on;        // the treaty's signature, when before the date
  std::optional<util::Date> withdrawal_effective; // withdrawn
};

/// The instruments named by id, in the treaty file's order; every instrument when `ids` is
/// empty. An unknown id is a usage error (64).
std::vector<const model::Instrument *> select_instruments(const model::Treaty &treaty,
                                                          const std::vector<std::string> &ids);

/// Every state of the table under each instrument on `date`: party once its instrument is
/// deposited (in force from Treaty::entry_into_force), withdrawn once a withdrawal takes
/// effect, signatory when it signed the treaty and has not deposited (a signature is of the
/// treaty, so it counts under its first instrument, the Convention, only), else not party.
/// By instrument, then state code.
std::vector<StateAdherence> adherence_on(const model::Treaty &treaty,
                                         const model::StateTable &states,
                                         const std::vector<const model::Instrument *> &instruments,
                                         const util::Date &date);

/// Which states the detail lists: party, signatory, non-party (withdrawn or never party and
/// not a signatory) or all.
enum class AdherenceFilter { party, signatory, non_party, all };

/// The counts per instrument (parties, in force, signatories, withdrawn, not party), the
/// parties per instrument and UN regional group, and the states the filter keeps. Kind
/// `parties`.
io::Output parties_output(const std::vector<StateAdherence> &adherence, const model::Treaty &treaty,
                          const model::StateTable &states, const util::Date &date,
                          AdherenceFilter filter, const util::Lang &lang);

/// One letter per state that is not party, on `date`, to every instrument of `named`. A state
/// not party to the treaty's first instrument (the Convention) is asked to join it as well.
/// In each state's letter language (model::LetterKit). The context: LetterKit::to_state's
/// fields, `instruments` (each instrument the state lacks: `name`, `why`, the treaty file's
/// outreach text, and `withdrawn`, {date, date_long} its withdrawal from that instrument took
/// effect, else false), the same split into `not_yet` (never joined) and `withdrawn_from` (each
/// {instruments, several}, or false when empty: a state that withdrew is never told "not yet"),
/// `both`, `several`, `party_to_treaty` (joins protocols), `signatory` (asked to ratify) or
/// `accede` (never party to the Convention, or withdrawn from it: a state rejoins by accession),
/// `withdrawn` (the withdrawal from the Convention, as an instrument's), the treaty and the ISU.
/// Files `CODE-outreach.EXT`, by code. A named instrument without outreach text in the language
/// is a data error at its record (65).
std::vector<io::Letter> outreach_letters(const model::Treaty &treaty,
                                         const model::StateTable &states,
                                         const std::vector<const model::Instrument *> &named,
                                         const model::LetterKit &kit, const util::Date &date);

} // namespace isukit::reports
