// Sponsorship: eligibility, a deterministic selection within the fund that explains every
// decision, the programme report and the letters.
#pragma once

#include <isukit/io/letters.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/letter_kit.hpp>
#include <isukit/model/sponsorship.hpp>

namespace isukit::sponsor {

enum class Decision { selected, waiting_list, not_eligible, not_selected };

/// A sentence as data: the catalogue message `reason.CODE` (or `target.CODE`) and its
/// parameters, so that the selection document is the same whatever the language and each
/// table or letter says it in its own (render_reason).
struct Reason {
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
};
std::string_view decision_code(Decision decision);

/// The reason in `lang`. Parameters are rendered by name: `state` (an ISO code) as the state's
/// name, and as `{of_state}` its formal name after the catalogue's `grammar.of_state` (a letter
/// names a state with its article: "de la République française"), `group` as the regional group's
/// name, `status` with `ldc` and `first_time` as the applicant's `{profile}`, `remaining` (with
/// `state_sponsored` or `state_waiting`) as the `{left}` clause, `remaining`/`cost` as money
/// grouped for the language, `share`/`target` as decimals, `met` (with `eligible`) as the
/// `{outcome}`; `currency` comes from the selection.
std::string render_reason(std::string_view prefix, const Reason &reason, const util::Lang &lang,
                          const model::StateTable &states, std::string_view currency);
/// The reason an applicant's letter gives (`letter_reason.CODE`): `reason`, except that an
/// application left out while a delegate of its State is sponsored (fund_exhausted with
/// state_sponsored) or on the waiting list (with state_waiting) is told so (`state_sponsored`,
/// `state_waiting`) rather than about the funds.
Reason for_applicant(const Reason &reason);
/// A reason as the selection document writes it: a mapping of `code` and the parameters.
io::Node reason_node(const Reason &reason);
Reason reason_from_node(const io::Node &node);

struct Candidate {
  const model::Application *application = nullptr;
  model::PartyStatus status = model::PartyStatus::non_party;
  bool ldc = false;
  model::RegionalGroup group = model::RegionalGroup::none;
  std::optional<util::Money> cost; // ticket + DSA x days, when the application is complete
  bool eligible = false;
  int rank = 0; // 1 is the highest priority; 0 when not eligible
  Decision decision = Decision::not_eligible;
  Reason reason; // rendered in words a steering committee can read, in any language
};

struct Selection {
  const model::Programme *programme = nullptr;
  std::vector<Candidate> candidates; // in application order
  util::Money spent;
  std::vector<Reason> target_notes; // whether each target was met, and why not
};

/// Eligibility of every application: complete, not a duplicate (same name, state and meeting
/// as an earlier one), a state of an eligible regional group, not excluded, of an eligible party
/// status on the meeting's first day; eligible ones are ranked by the programme's priorities.
Selection check_applications(const model::Programme &programme,
                             const std::vector<model::Application> &applications,
                             const model::Treaty &treaty, const model::StateTable &states);

/// The selection (see sponsor.1 for the rules in words).
Selection select(const model::Programme &programme,
                 const std::vector<model::Application> &applications, const model::Treaty &treaty,
                 const model::StateTable &states);

/// The `selection` document (self-contained: sponsor report and letters read it) and tables.
io::Output selection_output(const Selection &selection, const model::StateTable &states,
                            const util::Lang &lang, bool check_only);

/// Checks a `selection` document (sponsor select's output) before it is reported on or written
/// to: its `programme` is a programme id (model::programme_id); as in the applications, an
/// application id given twice is an error at the second naming the first (model::ApplicationIds);
/// `fund`, `spent`, `remaining` and each application's `ticket`, `dsa` and `cost` are amounts of
/// its currency, not negative; each `decision` is a decision_code (a mistyped one would write a
/// letter that says nothing); each costed application's `cost` is its `ticket` + `dsa` x `days`
/// exactly (the rule select applies) and its days within its meeting; the selected applications
/// cost no more than the `fund`; a `regional_group` is the state's in `states` (an edited document
/// is refused, never reported on). Errors are exit 65 at the value.
void check_selection(const io::Node &selection, const model::StateTable &states);

/// The programme report from a `selection` document.
io::Output programme_report(const io::Node &selection, const util::Lang &lang);

/// One letter per application of a `selection` document (selected, waiting list, or regret),
/// dated `date`, in the kit's language; files `ID.EXT`.
std::vector<io::Letter> sponsorship_letters(const io::Node &selection, const model::Treaty &treaty,
                                            const model::StateTable &states,
                                            const model::LetterKit &kit, const util::Date &date);

} // namespace isukit::sponsor
