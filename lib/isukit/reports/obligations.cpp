#include <isukit/reports/obligations.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

namespace isukit::reports {

std::string period_text(int period) {
  return period == model::initial_period ? "initial" : std::to_string(period);
}

int first_annual_period(const model::ReportingObligation &rule,
                        const util::Date &entry_into_force) {
  const int first =
      rule.initial_due_days ? initial_due(rule, entry_into_force).year() : entry_into_force.year();
  return rule.first_period ? std::max(first, *rule.first_period) : first;
}

util::Date annual_due(const model::ReportingObligation &rule, int period) {
  return util::Date(period + 1, rule.annual_due->month, rule.annual_due->day);
}

util::Date initial_due(const model::ReportingObligation &rule, const util::Date &entry_into_force) {
  return entry_into_force.add_days(*rule.initial_due_days);
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

const model::ReportingObligation &find_rule(const model::Treaty &treaty, const std::string &id) {
  return *std::find_if(treaty.reporting().begin(), treaty.reporting().end(),
                       [&](const auto &rule) { return rule.id == id; });
}

/// The day the state's withdrawal from the instrument takes effect, if it notified one.
std::optional<util::Date> withdrawal_effective(const model::Treaty &treaty, model::StateId state,
                                               std::string_view instrument) {
  const model::Withdrawal *w = treaty.find_withdrawal(state, instrument);
  return w ? std::optional<util::Date>(w->effective) : std::nullopt;
}

/// Whether a report due on `due` is owed by a state whose withdrawal takes effect on
/// `withdrawal` (none: it never withdrew). A party owes its reports until its withdrawal takes
/// effect: one due before that day stays owed, none due on or after it is, an initial report as
/// an annual one (man report-status). What is listed and what check_owed accepts both ask this.
bool due_while_party(const std::optional<util::Date> &withdrawal, const util::Date &due) {
  return !withdrawal || due < *withdrawal;
}

/// One party's reports under one rule: those due by `as_of` and the next one after it, none
/// due on or after `ends` (the day its withdrawal takes effect, if it withdrew).
void add_party(std::vector<Obligation> &out, model::StateId state,
               const model::ReportingObligation &rule, const util::Date &eif,
               const std::optional<util::Date> &ends, const util::Date &as_of,
               std::optional<int> cycles) {
  if (rule.initial_due_days && due_while_party(ends, initial_due(rule, eif))) {
    out.push_back(Obligation{state, &rule, model::initial_period, eif, initial_due(rule, eif)});
  }
  if (!rule.annual_due) {
    return;
  }
  const int kept_from = first_kept_period(rule, as_of, cycles);
  for (int period = first_annual_period(rule, eif);; ++period) {
    const util::Date due = annual_due(rule, period);
    if (!due_while_party(ends, due)) {
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

/// The due date of `report`'s period under `rule` for a state in force from `eif`.
util::Date report_due(const model::ReportReceived &report, const model::ReportingObligation &rule,
                      const util::Date &eif) {
  return report.period == model::initial_period ? initial_due(rule, eif)
                                                : annual_due(rule, report.period);
}

/// The reports of `received` a state sent while still a party, on or before `as_of`, for a
/// period that fell due only after its withdrawal took effect: each (state, obligation, period)
/// once, not owed. An ISU records a document it received from a State Party; none of these is
/// owed, so none is ever overdue, and the period is kept as add_party keeps annual ones.
void add_sent_before_withdrawal(std::vector<Obligation> &out,
                                const std::vector<model::ReportReceived> &received,
                                const model::Treaty &treaty, const util::Date &as_of,
                                std::optional<int> cycles) {
  std::set<std::tuple<model::StateId, const model::ReportingObligation *, int>> listed;
  for (const auto &report : received) {
    const auto &rule = find_rule(treaty, report.obligation);
    const auto ends = withdrawal_effective(treaty, report.state, rule.instrument);
    if (!ends || report.received > as_of || report.received >= *ends) {
      continue;
    }
    const util::Date eif = *treaty.entry_into_force(report.state, rule.instrument);
    const util::Date due = report_due(report, rule, eif);
    const bool kept = report.period == model::initial_period ||
                      report.period >= first_kept_period(rule, as_of, cycles) || due > as_of;
    if (!due_while_party(ends, due) && kept &&
        listed.emplace(report.state, &rule, report.period).second) {
      out.push_back(Obligation{report.state, &rule, report.period, eif, due, false});
    }
  }
}

} // namespace

std::vector<Obligation> compute_obligations(const model::Treaty &treaty,
                                            const model::StateTable &states,
                                            const util::Date &as_of, std::optional<int> cycles,
                                            const std::vector<model::ReportReceived> &received) {
  std::vector<Obligation> result;
  for (const auto &rule : treaty.reporting()) {
    // From the deposit, not the entry into force: a state that has deposited owes its first
    // report on a date already fixed (entry into force, then the rule's days), which the ISU
    // prepares for; none of its reports falls due before its entry into force. A state that
    // has withdrawn still owed the reports due before its withdrawal took effect: the years
    // it was a party keep their figures.
    for (const model::StateId state : treaty.deposited_by(rule.instrument, as_of)) {
      add_party(result, state, rule, *treaty.entry_into_force(state, rule.instrument),
                withdrawal_effective(treaty, state, rule.instrument), as_of, cycles);
    }
  }
  add_sent_before_withdrawal(result, received, treaty, as_of, cycles);
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

/// Why the state does not owe a report that fell due when its withdrawal had taken effect
/// (due_while_party) and that it sent when it was no longer a party, or empty. `due` is the
/// report's due date. One sent before the withdrawal took effect, by a State Party, is recorded
/// (compute_obligations lists it, not owed); one sent after is not a party's report: the
/// treaty's reporting record is that of its States Parties, as for a report sent before the
/// deposit.
std::string after_withdrawal_reason(const model::ReportReceived &report,
                                    const model::ReportingObligation &rule,
                                    const model::Treaty &treaty, const std::string &code,
                                    const util::Date &due) {
  const auto effective = withdrawal_effective(treaty, report.state, rule.instrument);
  if (due_while_party(effective, due) || report.received < *effective) {
    return "";
  }
  const std::string which = report.period == model::initial_period
                                ? std::string("initial report")
                                : fmt::format("report for {}", report.period);
  return fmt::format("{}'s withdrawal from {} took effect on {}, before its {} fell due on {}: "
                     "it owes none, and this one was received on {}, when it was no longer a party",
                     code, rule.instrument, effective->iso(), which, due.iso(),
                     report.received.iso());
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
  const util::Date eif = *treaty.entry_into_force(report.state, rule.instrument);
  if (report.period == model::initial_period) {
    return rule.initial_due_days
               ? after_withdrawal_reason(report, rule, treaty, code, initial_due(rule, eif))
               : fmt::format("{} has no initial report", rule.id);
  }
  if (!rule.annual_due) {
    return fmt::format("{} has only an initial report, not one for {}", rule.id, report.period);
  }
  const int first = first_annual_period(rule, eif);
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
  return after_withdrawal_reason(report, rule, treaty, code, annual_due(rule, report.period));
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
