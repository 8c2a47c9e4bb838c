#include <isukit/sponsor/selection.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace isukit::sponsor {

using model::PartyStatus;
using util::Money;

std::string_view decision_code(Decision decision) {
  switch (decision) {
  case Decision::selected:
    return "selected";
  case Decision::waiting_list:
    return "waiting_list";
  case Decision::not_eligible:
    return "not_eligible";
  case Decision::not_selected:
    return "not_selected";
  }
  return "";
}

namespace {

PartyStatus status_of(model::StateId state, const model::Treaty &treaty, const util::Date &on) {
  const std::string &instrument = treaty.cost_sharing().instrument;
  if (treaty.is_party(state, instrument, on, model::Treaty::Basis::in_force)) {
    return PartyStatus::party;
  }
  for (const auto &signatory : treaty.signatories()) {
    if (signatory.state == state) {
      return PartyStatus::signatory;
    }
  }
  return PartyStatus::non_party;
}

/// Why a candidate ranks where it does: the parameters of its `{profile}` ("State Party, least
/// developed country, first-time participant").
Reason with_profile(Reason reason, const Candidate &c) {
  reason.params.emplace_back("status", std::string(model::party_status_code(c.status)));
  reason.params.emplace_back("ldc", c.ldc ? "true" : "false");
  reason.params.emplace_back("first_time", c.application->first_time ? "true" : "false");
  return reason;
}

/// Orders eligible candidates by the programme's priorities, then the date received, then id.
bool ranks_before(const Candidate &a, const Candidate &b, const model::Programme &programme) {
  for (const auto priority : programme.priorities) {
    switch (priority) {
    case model::Priority::party_status:
      if (a.status != b.status) {
        return a.status < b.status;
      }
      break;
    case model::Priority::ldc:
      if (a.ldc != b.ldc) {
        return a.ldc;
      }
      break;
    case model::Priority::first_time:
      if (a.application->first_time != b.application->first_time) {
        return a.application->first_time;
      }
      break;
    }
  }
  return std::tie(*a.application->received, a.application->id) <
         std::tie(*b.application->received, b.application->id);
}

} // namespace

namespace {

template <typename T> bool contains(const std::vector<T> &list, const T &value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

/// Why a complete application of a known State to a known meeting is not eligible (the first
/// rule of sponsor.1 it fails), or nothing.
std::optional<Reason> ineligibility(const model::Application &a, const Candidate &c,
                                    const model::Programme &programme, const model::State &state) {
  const model::Meeting &meeting = *programme.find_meeting(a.meeting);
  if (meeting.end < *a.received) {
    return Reason{"received_late", {{"received", a.received->iso()}, {"end", meeting.end.iso()}}};
  }
  if (!a.duplicate_of.empty()) {
    return Reason{"duplicate", {{"of", a.duplicate_of}}};
  }
  if (!contains(programme.eligible_groups, c.group)) {
    return Reason{"group_not_covered",
                  {{"group", std::string(model::regional_group_code(c.group))}}};
  }
  if (contains(programme.excluded_states, *a.state)) {
    return Reason{"state_excluded", {{"state", state.code}}};
  }
  if (!contains(programme.eligible_status, c.status)) {
    return Reason{"status_not_covered",
                  {{"status", std::string(model::party_status_code(c.status))}}};
  }
  return std::nullopt;
}

/// An application checked: its State's standing on the first day of the meeting, its cost,
/// and whether it is eligible and why.
Candidate check_application(const model::Application &a, const model::Programme &programme,
                            const model::Treaty &treaty, const model::StateTable &states) {
  Candidate c;
  c.application = &a;
  c.decision = Decision::not_eligible;
  if (!a.missing.empty()) {
    std::string what;
    for (const auto &m : a.missing) {
      what += (what.empty() ? "" : ", ") + m;
    }
    c.reason = Reason{"incomplete", {{"missing", what}}};
    return c;
  }
  const model::Meeting &meeting = *programme.find_meeting(a.meeting);
  const model::State &state = states[*a.state];
  c.group = state.group;
  c.ldc = state.is_ldc_on(meeting.start);
  c.status = status_of(*a.state, treaty, meeting.start);
  c.cost = model::sponsorship_cost(*a.ticket, meeting.dsa, a.days, a.mark);
  if (auto reason = ineligibility(a, c, programme, state)) {
    c.reason = std::move(*reason);
  } else {
    c.eligible = true;
    c.decision = Decision::not_selected;
    c.reason = with_profile(Reason{"eligible", {}}, c);
  }
  return c;
}

/// Ranks the eligible candidates 1, 2, ... by the programme's priorities (ranks_before); the
/// others keep rank 0.
void rank_eligible(std::vector<Candidate> &candidates, const model::Programme &programme) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].eligible) {
      order.push_back(i);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return ranks_before(candidates[x], candidates[y], programme);
  });
  for (std::size_t r = 0; r < order.size(); ++r) {
    candidates[order[r]].rank = static_cast<int>(r) + 1;
  }
}

} // namespace

Selection check_applications(const model::Programme &programme,
                             const std::vector<model::Application> &applications,
                             const model::Treaty &treaty, const model::StateTable &states) {
  Selection s;
  s.programme = &programme;
  s.spent = Money::zero(programme.currency);
  for (const auto &a : applications) {
    s.candidates.push_back(check_application(a, programme, treaty, states));
  }
  rank_eligible(s.candidates, programme);
  return s;
}

namespace {

/// The selection's state as it proceeds: what is left of the fund, and who was chosen so far.
/// Each step of the rules in sponsor.1 is one method.
class Selector {
public:
  Selector(const model::Programme &programme, const model::StateTable &states, Selection selection)
      : m_programme(programme), m_states(states), m_s(std::move(selection)),
        m_remaining(programme.fund) {
    for (auto &c : m_s.candidates) {
      if (c.eligible) {
        m_ranked.push_back(&c);
      }
    }
    std::sort(m_ranked.begin(), m_ranked.end(),
              [](const Candidate *a, const Candidate *b) { return a->rank < b->rank; });
  }

  /// 1. Each eligible regional group's minimum, best-ranked first.
  void regional_minimums() {
    if (!m_programme.min_per_group) {
      return; // no minimum: every group is served in rank order
    }
    for (const auto group : m_programme.eligible_groups) {
      for (auto *c : m_ranked) {
        if (m_per_group[group] >= *m_programme.min_per_group) {
          break;
        }
        if (c->group == group && fits(c, false)) {
          take(c, Reason{"regional_minimum",
                         {{"group", std::string(model::regional_group_code(group))}}});
        }
      }
    }
  }

  /// 2. Rank order, one delegate per state, a woman first whenever the share of women would
  /// otherwise fall below the target. 3. With what is left, further delegates of the same states,
  /// in rank order ("one per state unless the fund allows more").
  void in_rank_order() {
    for (const bool extra_round : {false, true}) {
      while (Candidate *overall = best(extra_round, false)) {
        // Would one more man bring the share of women below the target?
        const bool need_woman =
            util::Rational(m_women * 100) <
            m_programme.women_share.value_or(util::Rational(0)) * (m_chosen + 1);
        Candidate *woman = need_woman ? best(extra_round, true) : nullptr;
        Candidate *next = woman ? woman : overall;
        const bool balance = next != overall;
        take(next, Reason{balance       ? "gender_balance"
                          : extra_round ? "further_delegate"
                                        : "priority",
                          {}});
      }
    }
  }

  /// The applications not selected, in the order of the waiting list: as in steps 2 and 3,
  /// under one delegate per State, the first delegate of each State not yet sponsored at the
  /// meeting, in rank order, before any further delegate of a State (tester 5, 11: a second
  /// delegate of a sponsored State stood ahead of the only applicant of another).
  std::vector<Candidate *> waiting_order() {
    std::vector<Candidate *> order, further;
    std::set<Seat> listed;
    for (auto *c : m_ranked) {
      if (c->decision != Decision::not_selected) {
        continue;
      }
      const bool first_of_state = !m_programme.one_per_state ||
                                  (m_per_state[seat(*c)] == 0 && listed.insert(seat(*c)).second);
      (first_of_state ? order : further).push_back(c);
    }
    order.insert(order.end(), further.begin(), further.end());
    return order;
  }

  /// Why `c` is not selected: the fund is exhausted, and under one delegate per State, a
  /// delegate of its State is sponsored (`state_sponsored`) or, when none is, on the waiting
  /// list (`state_waiting`: `on_list`, a parameter given only when true), which passed it over.
  Reason not_selected_reason(const Candidate &c, bool on_list) const {
    const auto delegates = m_per_state.find(seat(c));
    const bool state_sponsored =
        m_programme.one_per_state && delegates != m_per_state.end() && delegates->second > 0;
    Reason reason = with_profile(Reason{"fund_exhausted", {}}, c);
    reason.params.emplace_back("remaining", m_remaining.plain());
    reason.params.emplace_back("state_sponsored", state_sponsored ? "true" : "false");
    reason.params.emplace_back("state", m_states[*c.application->state].code);
    if (m_programme.one_per_state && !state_sponsored && on_list) {
      reason.params.emplace_back("state_waiting", "true");
    }
    return reason;
  }

  /// 4. The waiting list (waiting_order), then the rest.
  void waiting_list() {
    int position = 0;
    std::set<Seat> waiting; // the States (at a meeting) with a delegate on the list
    for (auto *c : waiting_order()) {
      Reason reason = not_selected_reason(*c, waiting.contains(seat(*c)));
      if (position < m_programme.waiting_list) {
        c->decision = Decision::waiting_list;
        ++position;
        reason.code = "waiting_list";
        reason.params.emplace_back("position", std::to_string(position));
        reason.params.emplace_back("cost", c->cost->plain());
        waiting.insert(seat(*c));
      }
      c->reason = std::move(reason);
    }
  }

  /// Whether each target the programme sets was met, and when not, how many eligible
  /// applications there were.
  void note_targets() {
    if (m_programme.women_share) {
      note_women_target(*m_programme.women_share);
    }
    if (m_programme.min_per_group) {
      note_group_targets(*m_programme.min_per_group);
    }
  }

  void note_women_target(const util::Rational &target) {
    const int eligible_women =
        static_cast<int>(std::count_if(m_ranked.begin(), m_ranked.end(), [](const Candidate *c) {
          return c->application->gender == "female";
        }));
    const util::Rational women_share =
        m_chosen ? util::Rational(m_women * 100) / m_chosen : util::Rational(0);
    const std::string share = util::format_decimal(women_share, 1);
    const bool women_met = women_share >= target;
    m_s.target_notes.push_back(Reason{"women",
                                      {{"women", std::to_string(m_women)},
                                       {"chosen", std::to_string(m_chosen)},
                                       {"share", share},
                                       {"target", util::format_decimal(target, 1)},
                                       {"met", women_met ? "true" : "false"},
                                       {"eligible", std::to_string(eligible_women)}}});
  }

  void note_group_targets(int minimum) {
    for (const auto group : m_programme.eligible_groups) {
      const int eligible_in_group = static_cast<int>(
          std::count_if(m_ranked.begin(), m_ranked.end(),
                        [group](const Candidate *c) { return c->group == group; }));
      const int sponsored = m_per_group[group];
      const bool met = sponsored >= minimum;
      m_s.target_notes.push_back(Reason{"group",
                                        {{"group", std::string(model::regional_group_code(group))},
                                         {"sponsored", std::to_string(sponsored)},
                                         {"minimum", std::to_string(minimum)},
                                         {"met", met ? "true" : "false"},
                                         {"eligible", std::to_string(eligible_in_group)}}});
    }
  }

  Selection result() && { return std::move(m_s); }

private:
  bool fits(const Candidate *c, bool extra_round) {
    return c->decision == Decision::not_selected && *c->cost <= m_remaining &&
           (extra_round || !m_programme.one_per_state || m_per_state[seat(*c)] == 0);
  }

  /// The best-ranked candidate that fits (a woman, if asked).
  Candidate *best(bool extra_round, bool woman) {
    for (auto *c : m_ranked) {
      if (fits(c, extra_round) && (!woman || c->application->gender == "female")) {
        return c;
      }
    }
    return nullptr;
  }

  /// Selects `c` for `why` (a `reason.CODE` whose sentence ends with the profile and rank).
  void take(Candidate *c, Reason why) {
    c->decision = Decision::selected;
    c->reason = with_profile(std::move(why), *c);
    c->reason.params.emplace_back("rank", std::to_string(c->rank));
    m_remaining -= *c->cost;
    m_s.spent += *c->cost;
    ++m_chosen;
    m_women += c->application->gender == "female";
    ++m_per_state[seat(*c)];
    ++m_per_group[c->group];
  }

  const model::Programme &m_programme;
  const model::StateTable &m_states;
  Selection m_s;
  std::vector<Candidate *> m_ranked; // points into m_s.candidates, which no longer changes size
  Money m_remaining;
  int m_women = 0;
  int m_chosen = 0;
  // one_per_state counts the delegates of a State at each meeting: a programme sponsors one
  // delegate per State per meeting (its intersessional and its Meeting of States Parties alike).
  using Seat = std::pair<model::StateId, std::string>; // a State at a meeting (its id)
  static Seat seat(const Candidate &c) { return {*c.application->state, c.application->meeting}; }
  std::map<Seat, int> m_per_state;
  std::map<model::RegionalGroup, int> m_per_group;
};

} // namespace

Selection select(const model::Programme &programme,
                 const std::vector<model::Application> &applications, const model::Treaty &treaty,
                 const model::StateTable &states) {
  Selector selector(programme, states, check_applications(programme, applications, treaty, states));
  selector.regional_minimums();
  selector.in_rank_order();
  selector.waiting_list();
  selector.note_targets();
  return std::move(selector).result();
}

} // namespace isukit::sponsor
