// Reports received against reports owed: status per obligation and period, overdue reports,
// approaching treaty deadlines, and the contexts of reminder letters.
#pragma once

#include <isukit/io/letters.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/letter_kit.hpp>
#include <isukit/reports/obligations.hpp>

namespace isukit::reports {

/// not_owed: a report received that the state did not owe (Obligation::owed), never overdue.
enum class Standing { on_time, late, overdue, not_yet_due, not_owed };

/// An obligation with the report that answers it, if one was received by the as-of date.
struct Tracked {
  Obligation obligation;
  const model::ReportReceived *report = nullptr;
  Standing standing = Standing::not_yet_due;
};

/// Matches reports to obligations (same state, obligation and period; received on or before
/// `as_of`). A report received after its due date is late; an obligation due before `as_of`
/// without a report is overdue; a report not owed (Obligation::owed) is not_owed.
std::vector<Tracked> track(const std::vector<Obligation> &obligations,
                           const std::vector<model::ReportReceived> &reports,
                           const util::Date &as_of);

/// The obligations due on or before `as_of`; with `upcoming`, instead those that fall due after it.
io::Output obligations_output(const std::vector<Obligation> &obligations,
                              const model::Treaty &treaty, const model::StateTable &states,
                              const util::Date &as_of, bool upcoming, const util::Lang &lang);

/// Per obligation and period: owed, on time, late, missing, and the rate (`42 of 112, 37.5%`).
/// Owed are the reports due before `as_of` and those received early; a report due on `as_of`
/// itself and not yet received is not counted (it is not late until the next day), nor one not
/// owed, which only the detail lists (received, without a due date).
io::Output status_output(const std::vector<Tracked> &tracked, const model::Treaty &treaty,
                         const model::StateTable &states, const util::Date &as_of,
                         const util::Lang &lang);

struct OverdueResult {
  io::Output output;
  std::size_t overdue = 0;
};
OverdueResult overdue_output(const std::vector<Tracked> &tracked, const model::Treaty &treaty,
                             const model::StateTable &states, const util::Date &as_of,
                             const util::Lang &lang);

struct DeadlinesResult {
  io::Output output;
  std::size_t passed = 0;
};

/// The treaty deadlines as known on `as_of` (Deadline::known_on: completions and extensions
/// recorded after it are ignored) and not completed: first those that passed before `as_of`,
/// longest passed first, with the days since; then those from `as_of` to `until`, soonest first.
DeadlinesResult deadlines_output(const model::Treaty &treaty, const model::StateTable &states,
                                 const util::Date &as_of, const util::Date &until,
                                 const util::Lang &lang);

/// One reminder per party with an overdue report, in its letter's language (model::LetterKit);
/// the context holds LetterKit::to_state's fields, the list `reports` (name, basis, period,
/// initial, due, due_long), `several` (more than one report: the letter's grammar). Files
/// `CODE-reminder.EXT`; a party with nothing overdue gets none. A state that is no longer
/// party on `as_of` (its withdrawal took effect on or before it) gets none either, with a note
/// on stderr (util::note), though its reports due before stay overdue.
std::vector<io::Letter> reminders(const std::vector<Tracked> &tracked, const model::Treaty &treaty,
                                  const model::StateTable &states, const model::LetterKit &kit,
                                  const util::Date &as_of);

/// A window after a date: a number of days, months or years (`--within 90d`, `12m`, `2y`).
struct Window {
  enum class Unit { days, months, years };
  int count = 12; // 0..9999
  Unit unit = Unit::months;
};

/// The end of `window` from `from` (months and years as util::Date adds them); nullopt when it
/// ends after the year 9999.
std::optional<util::Date> window_end(const util::Date &from, const Window &window);

} // namespace isukit::reports
