#include <isukit/reports/obligations.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace isukit::reports {

std::string period_text(int period) {
  return period == model::initial_period ? "initial" : std::to_string(period);
}

int first_annual_period(const model::ReportingObligation &rule,
                        const util::Date &entry_into_force) {
  const int first = rule.initial_due_days ? entry_into_force.add_days(*rule.initial_due_days).year()
                                          : entry_into_force.year();
  return rule.first_period ? std::max(first, *rule.first_period) : first;
}

util::Date annual_due(const model::ReportingObligation &rule, int period) {
  return util::Date(period + 1, rule.annual_due->month, rule.annual_due->day);
}

namespace {

/// The first period whose report is kept: the first owed, or that of the N-th latest due date.
int first_kept_period(const model::ReportingObligation &rule, const util::Date &as_of,
                      std::optional<int> cycles) {
  if (!cycles) {
    return std::numeric_limits<int>::min();
  }
  const int latest_due_year =
      annual_due(rule, as_of.year() - 1) <= as_of ? as_of.year() : as_of.year() - 1;
  return latest_due_year - 1 - (*cycles - 1);
}

/// One party's reports under one rule: those due by `as_of` and the next one after it, none
/// due on or after `ends` (the day its withdrawal takes effect, if it withdrew).
void add_party(std::vector<Obligation> &out, model::StateId state,
               const model::ReportingObligation &rule, const util::Date &eif,
               const std::optional<util::Date> &ends, const util::Date &as_of,
               std::optional<int> cycles) {
  const auto owed = [&](const util::Date &due) { return !ends || due < *ends; };
  if (rule.initial_due_days && owed(eif.add_days(*rule.initial_due_days))) {
    out.push_back(
        Obligation{state, &rule, model::initial_period, eif, eif.add_days(*rule.initial_due_days)});
  }
  if (!rule.annual_due) {
    return;
  }
  const int kept_from = first_kept_period(rule, as_of, cycles);
  for (int period = first_annual_period(rule, eif);; ++period) {
    const util::Date due = annual_due(rule, period);
    if (!owed(due)) {
      return;
    }
    if (period >= kept_from || due > as_of) {
      out.push_back(Obligation{state, &rule, period, eif, due});
    }
    if (due > as_of) {
      return; // the next one after as_of is the last listed
    }
  }
}

/// The day the state's withdrawal from the instrument takes effect, if it notified one.
std::optional<util::Date> withdrawal_effective(const model::Treaty &treaty, model::StateId state,
                                               std::string_view instrument) {
  const model::Withdrawal *w = treaty.find_withdrawal(state, instrument);
  return w ? std::optional<util::Date>(w->effective) : std::nullopt;
}

} // namespace

std::vector<Obligation> compute_obligations(const model::Treaty &treaty,
                                            const model::StateTable &states,
                                            const util::Date &as_of, std::optional<int> cycles) {
  std::vector<Obligation> result;
  for (const auto &rule : treaty.reporting()) {
    // From the deposit, not the entry into force: a state that has deposited owes its first
    // report on a date already fixed (entry into force, then the rule's days), which the ISU
    // prepares for; none of its reports falls due before its entry into force. A state that
    // has withdrawn still owed the reports due before its withdrawal took effect: the years
    // it was a party keep their figures.
    for (const auto &party : treaty.parties()) {
      const auto deposit = treaty.deposit(party.state, rule.instrument);
      if (party.organization || !deposit || as_of < *deposit) {
        continue;
      }
      add_party(result, party.state, rule, *treaty.entry_into_force(party.state, rule.instrument),
                withdrawal_effective(treaty, party.state, rule.instrument), as_of, cycles);
    }
  }
  std::stable_sort(result.begin(), result.end(), [&](const Obligation &a, const Obligation &b) {
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

namespace {

const model::ReportingObligation &find_rule(const model::Treaty &treaty, const std::string &id) {
  return *std::find_if(treaty.reporting().begin(), treaty.reporting().end(),
                       [&](const auto &rule) { return rule.id == id; });
}

/// Why the state does not owe an annual report that fell due when its withdrawal had taken
/// effect ("until a withdrawal takes effect", man report-status), or empty.
std::string after_withdrawal_reason(const model::ReportReceived &report,
                                    const model::ReportingObligation &rule,
                                    const model::Treaty &treaty, const std::string &code) {
  const model::Withdrawal *w = treaty.find_withdrawal(report.state, rule.instrument);
  const util::Date due = annual_due(rule, report.period);
  if (!w || due < w->effective) {
    return "";
  }
  return fmt::format("{}'s withdrawal from {} took effect on {}, before its report for {} fell "
                     "due on {}: it owes none",
                     code, rule.instrument, w->effective.iso(), report.period, due.iso());
}

/// Why the state does not owe the report, or empty when it does.
std::string not_owed_reason(const model::ReportReceived &report, const model::Treaty &treaty,
                            const model::StateTable &states) {
  const auto &rule = find_rule(treaty, report.obligation);
  const std::string &code = states[report.state].code;
  const auto deposit = treaty.deposit(report.state, rule.instrument);
  if (!deposit) {
    return fmt::format("{} never became party to {} of {}: it owes no {} report", code,
                       rule.instrument, treaty.id(), rule.id);
  }
  if (report.received < *deposit) {
    return fmt::format("received {}, before {} deposited its instrument for the {} on {}",
                       report.received.iso(), code,
                       treaty.find_instrument(rule.instrument)->name.in("en"), deposit->iso());
  }
  if (report.period == model::initial_period) {
    return rule.initial_due_days ? "" : fmt::format("{} has no initial report", rule.id);
  }
  if (!rule.annual_due) {
    return fmt::format("{} has only an initial report, not one for {}", rule.id, report.period);
  }
  const int first =
      first_annual_period(rule, *treaty.entry_into_force(report.state, rule.instrument));
  if (report.period < first) {
    return fmt::format("{}'s first annual {} report covers {}, not {}", code, rule.id, first,
                       report.period);
  }
  // An annual report covers a calendar year once it is over (CCM Art. 7(2): "covering the
  // previous calendar year"; man report-status: `period` is the calendar year covered).
  if (report.period >= report.received.year()) {
    return fmt::format("a report received on {} cannot cover {}, a year not yet {}",
                       report.received.iso(), report.period,
                       report.period > report.received.year() ? "begun" : "ended");
  }
  return after_withdrawal_reason(report, rule, treaty, code);
}

} // namespace

void check_owed(const std::vector<model::ReportReceived> &reports, const model::Treaty &treaty,
                const model::StateTable &states) {
  for (const auto &report : reports) {
    if (const std::string reason = not_owed_reason(report, treaty, states); !reason.empty()) {
      util::fail_data(report.mark.position(),
                      "a report for an obligation the state does not owe: " + reason);
    }
  }
}

} // namespace isukit::reports
