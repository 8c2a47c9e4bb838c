// Which report each party owes, when: computed from the treaty file's rules and the parties'
// deposit dates, never typed.
#pragma once

#include <isukit/model/reports.hpp>

#include <optional>
#include <vector>

namespace isukit::reports {

struct Obligation {
  model::StateId state = 0;
  const model::ReportingObligation* rule = nullptr;
  int period = model::initial_period; // the calendar year covered, or initial
  util::Date entry_into_force;
  util::Date due;
};

/// The initial and annual reports owed under every reporting obligation, for the parties in
/// force for its instrument on `as_of`. Initial reports: due the set number of days after entry
/// into force. Annual reports: due on the set day each year, covering the previous calendar year;
/// the first covers the year of entry into force. Annual reports are listed for the `cycles`
/// latest due dates on or before the end of the as-of year; initial reports whenever due.
/// Sorted by obligation, period, state code.
std::vector<Obligation> compute_obligations(const model::Treaty& treaty, const model::StateTable& states,
                                            const util::Date& as_of, int cycles);

/// "2024" or "initial".
std::string period_text(int period);

} // namespace isukit::reports
