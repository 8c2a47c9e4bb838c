#include <isukit/reports/obligations.hpp>

#include <algorithm>

namespace isukit::reports {

std::string period_text(int period) { return period == model::initial_period ? "initial" : std::to_string(period); }

std::vector<Obligation> compute_obligations(const model::Treaty& treaty, const model::StateTable& states,
                                            const util::Date& as_of, int cycles) {
  std::vector<Obligation> result;
  for (const auto& rule : treaty.reporting()) {
    for (const auto state : treaty.parties_on(rule.instrument, as_of, model::Treaty::Basis::in_force)) {
      const util::Date eif = *treaty.entry_into_force(state, rule.instrument);
      if (rule.initial_due_days) {
        result.push_back(Obligation{state, &rule, model::initial_period, eif, eif.add_days(*rule.initial_due_days)});
      }
      if (!rule.annual_due) {
        continue;
      }
      // The latest annual due dates up to the end of the as-of year, oldest first.
      for (int due_year = as_of.year() - cycles + 1; due_year <= as_of.year(); ++due_year) {
        const int period = due_year - 1;
        if (period < eif.year()) {
          continue;
        }
        result.push_back(Obligation{state, &rule, period, eif,
                                    util::Date(due_year, rule.annual_due->month, rule.annual_due->day)});
      }
    }
  }
  std::stable_sort(result.begin(), result.end(), [&](const Obligation& a, const Obligation& b) {
    if (a.rule != b.rule) {
      return a.rule < b.rule; // the treaty's order: rules live in one vector
    }
    if (a.period != b.period) {
      return a.period < b.period;
    }
    return states[a.state].code < states[b.state].code;
  });
  return result;
}

} // namespace isukit::reports
