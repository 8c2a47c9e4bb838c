// Which report each party owes, when: computed from the treaty file's rules and the parties'
// deposit dates, never typed.
#pragma once

#include <isukit/model/reports.hpp>

#include <optional>
#include <vector>

namespace isukit::reports {

struct Obligation {
  model::StateId state = 0;
  const model::ReportingObligation *rule = nullptr;
  int period = model::initial_period; // the calendar year covered, or initial
  util::Date entry_into_force;
  util::Date due;
  /// False for a report the state sent while still a party that fell due only after its
  /// withdrawal took effect: recorded as received, never owed (compute_obligations).
  bool owed = true;
};

/// The first calendar year an annual report under `rule` covers for a party whose entry into
/// force is `entry_into_force`. Where the rule also has an initial report, the year in which
/// the initial report falls due: the annual reports update it "each year thereafter" (CCM ISU,
/// clusterconvention.org/reporting-forms), so none covers a year that ended before it was due.
/// Otherwise the year of entry into force. Never before the rule's `first_period`.
int first_annual_period(const model::ReportingObligation &rule, const util::Date &entry_into_force);

/// The due date of the annual report covering `period`: the rule's day in the next year.
util::Date annual_due(const model::ReportingObligation &rule, int period);

/// Every report owed under every reporting obligation by the states that have deposited their
/// instrument on or before `as_of` (in force or not yet): those due on or before `as_of` back to
/// the first one the party owed, and the next one of each party and obligation that falls due
/// after it (for a state not yet bound, its first reports, all due after `as_of`). With `cycles`,
/// the annual reports due on or before `as_of` are only those of the N latest due dates (initial
/// reports are always kept). A state whose withdrawal has taken effect (or will) owes only the
/// reports due before it took effect, which stay listed. Also listed, not owed (`owed` false):
/// each report of `received` (which check_owed accepted) received on or before `as_of` and
/// before the state's withdrawal took effect, for a period due only after it (Lithuania's CCM
/// report for 2024, received 2025-02-28, due 2025-04-30, withdrawal effective 2025-03-06), within
/// `cycles` as the owed ones. Sorted by obligation, period, state code.
std::vector<Obligation>
compute_obligations(const model::Treaty &treaty, const model::StateTable &states,
                    const util::Date &as_of, std::optional<int> cycles,
                    const std::vector<model::ReportReceived> &received = {});

/// Fails (exit 65, at the report's position) on a report for an obligation the state does not
/// owe: an instrument it never deposited, a report received before its deposit, an initial or
/// annual report the obligation does not have, a year before its first annual report or after
/// the year the report was received in, or a report (initial or annual) due on or after its
/// withdrawal took effect that was received on or after that day too (no longer from a party).
/// One received before that day is accepted: compute_obligations lists it, not owed.
void check_owed(const std::vector<model::ReportReceived> &reports, const model::Treaty &treaty,
                const model::StateTable &states);

/// The due date of the initial report under `rule` (which has one): its days after entry into
/// force.
util::Date initial_due(const model::ReportingObligation &rule, const util::Date &entry_into_force);

/// "2024" or "initial".
std::string period_text(int period);

} // namespace isukit::reports
