#include <isukit/sponsor/selection.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>

namespace isukit::sponsor {

using model::PartyStatus;
using util::Lang;
using util::Money;
using util::pick;

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

std::string_view status_words(PartyStatus status, Lang lang) {
  switch (status) {
  case PartyStatus::party:
    return pick(lang, "State Party", "État partie");
  case PartyStatus::signatory:
    return pick(lang, "signatory State", "État signataire");
  case PartyStatus::non_party:
    return pick(lang, "State not party", "État non partie");
  }
  return "";
}

PartyStatus status_of(model::StateId state, const model::Treaty& treaty, const util::Date& on) {
  const std::string& instrument = treaty.cost_sharing().instrument;
  if (treaty.is_party(state, instrument, on, model::Treaty::Basis::in_force)) {
    return PartyStatus::party;
  }
  for (const auto& signatory : treaty.signatories()) {
    if (signatory.state == state) {
      return PartyStatus::signatory;
    }
  }
  return PartyStatus::non_party;
}

/// Why a candidate ranks where it does, in words: "State Party, LDC, first-time participant".
std::string profile(const Candidate& c, Lang lang) {
  std::string text(status_words(c.status, lang));
  if (c.ldc) {
    text += pick(lang, ", least developed country", ", pays moins avancé");
  }
  if (c.application->first_time) {
    text += pick(lang, ", first-time participant", ", première participation");
  }
  return text;
}

/// The same sentence built in each language.
template <typename Make> Text in_both(Make make) { return Text{make(Lang::en), make(Lang::fr)}; }

/// Orders eligible candidates by the programme's priorities, then the date received, then id.
bool ranks_before(const Candidate& a, const Candidate& b, const model::Programme& programme) {
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
  if (*a.application->received != *b.application->received) {
    return *a.application->received < *b.application->received;
  }
  return a.application->id < b.application->id;
}

} // namespace

Selection check_applications(const model::Programme& programme, const std::vector<model::Application>& applications,
                             const model::Treaty& treaty, const model::StateTable& states) {
  Selection s;
  s.programme = &programme;
  s.spent = Money::zero(programme.currency);
  std::map<std::tuple<std::string, std::string, std::string>, std::string> seen; // name, state, meeting -> id
  for (const auto& a : applications) {
    Candidate c;
    c.application = &a;
    c.decision = Decision::not_eligible;
    if (!a.missing.empty()) {
      std::string what;
      for (const auto& m : a.missing) {
        what += (what.empty() ? "" : ", ") + m;
      }
      c.reason = in_both([&](Lang lang) { return std::string(fmt::format("{}: {}", pick(lang, "incomplete", "incomplète"), what)); });
      s.candidates.push_back(std::move(c));
      continue;
    }
    const model::Meeting& meeting = *programme.find_meeting(a.meeting);
    const model::State& state = states[*a.state];
    c.group = state.group;
    c.ldc = state.is_ldc_on(meeting.start);
    c.status = status_of(*a.state, treaty, meeting.start);
    c.cost = *a.ticket + Money(meeting.dsa.minor_units() * a.days, programme.currency);
    const auto key = std::tuple{a.name, a.state_code, a.meeting};
    if (const auto it = seen.find(key); it != seen.end()) {
      c.reason = in_both([&](Lang lang) { return std::string(fmt::format("{} {}", pick(lang, "duplicate of application", "doublon de la demande"), it->second)); });
    } else if (std::find(programme.eligible_groups.begin(), programme.eligible_groups.end(), c.group) ==
               programme.eligible_groups.end()) {
      c.reason = in_both([&](Lang lang) { return std::string(fmt::format("{}: {}", pick(lang, "the programme does not cover", "le programme ne couvre pas les"),
                             model::regional_group_name(c.group, lang))); });
    } else if (std::find(programme.excluded_states.begin(), programme.excluded_states.end(), *a.state) !=
               programme.excluded_states.end()) {
      c.reason = in_both([&](Lang lang) { return std::string(fmt::format("{} {}", state.name(lang), pick(lang, "is excluded from the programme", "est exclu du programme"))); });
    } else if (std::find(programme.eligible_status.begin(), programme.eligible_status.end(), c.status) ==
               programme.eligible_status.end()) {
      c.reason = in_both([&](Lang lang) { return std::string(fmt::format("{}: {}", pick(lang, "the programme does not cover a", "le programme ne couvre pas un"),
                             status_words(c.status, lang))); });
    } else {
      c.eligible = true;
      c.decision = Decision::not_selected;
      c.reason = in_both([&](Lang lang) { return std::string(profile(c, lang)); });
    }
    seen.emplace(key, a.id);
    s.candidates.push_back(std::move(c));
  }
  // Rank the eligible.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < s.candidates.size(); ++i) {
    if (s.candidates[i].eligible) {
      order.push_back(i);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return ranks_before(s.candidates[x], s.candidates[y], programme);
  });
  for (std::size_t r = 0; r < order.size(); ++r) {
    s.candidates[order[r]].rank = static_cast<int>(r) + 1;
  }
  return s;
}

Selection select(const model::Programme& programme, const std::vector<model::Application>& applications,
                 const model::Treaty& treaty, const model::StateTable& states) {
  Selection s = check_applications(programme, applications, treaty, states);
  std::vector<Candidate*> ranked;
  for (auto& c : s.candidates) {
    if (c.eligible) {
      ranked.push_back(&c);
    }
  }
  std::sort(ranked.begin(), ranked.end(), [](const Candidate* a, const Candidate* b) { return a->rank < b->rank; });

  Money remaining = programme.fund;
  int women = 0;
  int chosen = 0;
  std::map<model::StateId, int> per_state;
  std::map<model::RegionalGroup, int> per_group;
  auto fits = [&](const Candidate* c, bool extra_round) {
    return c->decision == Decision::not_selected && *c->cost <= remaining &&
           (extra_round || !programme.one_per_state || per_state[*c->application->state] == 0);
  };
  auto take = [&](Candidate* c, const std::function<std::string(Lang)>& why) {
    c->decision = Decision::selected;
    c->reason = in_both([&](Lang lang) {
      return fmt::format("{}: {}; {} {}", why(lang), profile(*c, lang), pick(lang, "rank", "rang"), c->rank);
    });
    remaining -= *c->cost;
    s.spent += *c->cost;
    ++chosen;
    women += c->application->gender == "female";
    ++per_state[*c->application->state];
    ++per_group[c->group];
  };

  // 1. Each eligible regional group's minimum, best-ranked first.
  for (const auto group : programme.eligible_groups) {
    for (auto* c : ranked) {
      if (per_group[group] >= programme.min_per_group) {
        break;
      }
      if (c->group == group && fits(c, false)) {
        take(c, [group](Lang lang) {
          return fmt::format("{} {}", pick(lang, "selected for the regional minimum of", "retenu au titre du minimum régional des"),
                             model::regional_group_name(group, lang));
        });
      }
    }
  }
  // 2. Rank order, one delegate per state, a woman first whenever the share of women would
  //    otherwise fall below the target. 3. With what is left, further delegates of the same
  //    states, in rank order ("one per state unless the fund allows more").
  auto best = [&](bool extra_round, bool woman) -> Candidate* {
    for (auto* c : ranked) {
      if (fits(c, extra_round) && (!woman || c->application->gender == "female")) {
        return c;
      }
    }
    return nullptr;
  };
  for (const bool extra_round : {false, true}) {
    while (Candidate* overall = best(extra_round, false)) {
      const bool need_woman = util::Rational(women * 100, chosen + 1) < programme.women_share;
      Candidate* woman = need_woman ? best(extra_round, true) : nullptr;
      Candidate* next = woman ? woman : overall;
      const bool balance = next != overall;
      take(next, [balance, extra_round](Lang lang) -> std::string {
        return balance       ? pick(lang, "selected for gender balance", "retenu au titre de la parité")
               : extra_round ? pick(lang, "selected as a further delegate of the same State, with the funds left",
                                    "retenu comme délégué supplémentaire du même État, avec les fonds restants")
                             : pick(lang, "selected in order of priority", "retenu par ordre de priorité");
      });
    }
  }
  // 4. The waiting list, then the rest.
  int position = 0;
  for (auto* c : ranked) {
    if (c->decision != Decision::not_selected) {
      continue;
    }
    const bool state_sponsored = programme.one_per_state && per_state[*c->application->state] > 0;
    auto left = [&](Lang lang) {
      std::string text = fmt::format("{} {} {}", pick(lang, "the fund has", "il reste"), remaining.grouped(lang),
                                     programme.currency.code());
      if (state_sponsored) {
        text = fmt::format("{} {}{}; {}", pick(lang, "one delegate per State, and a delegate of", "un délégué par État, et un délégué de"),
                           states[*c->application->state].name(lang), pick(lang, " is sponsored", " est parrainé"), text);
      }
      return text;
    };
    if (position < programme.waiting_list) {
      c->decision = Decision::waiting_list;
      ++position;
      c->reason = in_both([&](Lang lang) {
        return fmt::format("{} {}: {}; {}, {} {} {}", pick(lang, "waiting list, position", "liste d'attente, position"),
                           position, profile(*c, lang), left(lang), pick(lang, "the cost is", "le coût est de"),
                           c->cost->grouped(lang), programme.currency.code());
      });
    } else {
      c->reason = in_both([&](Lang lang) {
        return fmt::format("{}: {}; {}", pick(lang, "not selected, fund exhausted", "non retenu, fonds épuisés"),
                           profile(*c, lang), left(lang));
      });
    }
  }

  // Targets: met or not, and why not.
  int eligible_women = 0;
  for (const auto* c : ranked) {
    eligible_women += c->application->gender == "female";
  }
  const std::string share = chosen ? util::format_decimal(util::Rational(women * 100, chosen), 1) : "0.0";
  const bool women_met = util::Rational(women * 100, std::max(chosen, 1)) >= programme.women_share;
  s.target_notes.push_back(in_both([&](Lang lang) {
    return fmt::format("{}: {} {} {} ({}%), {} {}%: {}", pick(lang, "Women", "Femmes"), women, pick(lang, "of", "sur"),
                       chosen, util::localize_decimal(share, lang), pick(lang, "target", "objectif"),
                       util::localize_decimal(util::format_decimal(programme.women_share, 1), lang),
                       women_met ? pick(lang, "met", "atteint")
                                 : fmt::format("{} ({} {})", pick(lang, "not met", "non atteint"), eligible_women,
                                               pick(lang, "eligible women applied", "candidates éligibles")));
  }));
  for (const auto group : programme.eligible_groups) {
    int eligible_in_group = 0;
    for (const auto* c : ranked) {
      eligible_in_group += c->group == group;
    }
    const bool met = per_group[group] >= programme.min_per_group;
    s.target_notes.push_back(in_both([&](Lang lang) {
      return fmt::format("{}: {} {} ({} {}): {}", model::regional_group_name(group, lang), per_group[group],
                         pick(lang, "sponsored", "parrainés"), pick(lang, "minimum", "minimum"), programme.min_per_group,
                         met ? pick(lang, "met", "atteint")
                             : fmt::format("{} ({} {})", pick(lang, "not met", "non atteint"), eligible_in_group,
                                           pick(lang, "eligible applications", "demandes éligibles")));
    }));
  }
  return s;
}

} // namespace isukit::sponsor
