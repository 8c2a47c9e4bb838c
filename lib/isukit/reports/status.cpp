#include <isukit/io/fields.hpp>
#include <isukit/reports/status.hpp>
#include <isukit/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>

namespace isukit::reports {

using io::Node;
using io::Value;
using util::Lang;

namespace {

std::string_view standing_name(Standing standing) {
  switch (standing) {
  case Standing::on_time:
    return "on_time";
  case Standing::late:
    return "late";
  case Standing::overdue:
    return "overdue";
  case Standing::not_yet_due:
    return "not_yet_due";
  case Standing::not_owed:
    return "not_owed";
  }
  return "";
}

const std::string &rule_name(const model::ReportingObligation &rule, const Lang &lang) {
  return rule.name.in(lang);
}

/// The obligation's basis in `lang`, or false where its name already says it ("Article 7
/// transparency report" needs no "(Article 7)"): a reminder shows it only where it adds something.
Node basis_beside(const model::ReportingObligation &rule, const Lang &lang) {
  const std::string &basis = rule.basis.in(lang);
  if (basis.empty() || rule_name(rule, lang).find(basis) != std::string::npos) {
    return Node::boolean(false);
  }
  return Node::string(basis);
}

std::string period_label(int period, const Lang &lang) {
  return period == model::initial_period ? lang.text("report.period.initial")
                                         : std::to_string(period);
}

/// "Reports owed (CCW, as of 2025-06-30)": a title with the treaty and the date.
std::string treaty_title(std::string_view id, const model::Treaty &treaty, const util::Date &as_of,
                         const Lang &lang) {
  return lang.text(id,
                   {{"treaty", treaty.short_name(lang)}, {"date", util::long_date(as_of, lang)}});
}

Node treaty_header(const char *kind, const model::Treaty &treaty, const util::Date &as_of) {
  Node document = Node::mapping();
  document.add("kind", Node::string(kind));
  document.add("treaty", Node::string(treaty.id()));
  document.add("as_of", Node::string(as_of.iso()));
  return document;
}

/// A period in the document: its year, or the word `initial`.
Value period_value(int period) {
  return period == model::initial_period ? Value::word("initial") : Value(std::to_string(period));
}

/// The fields that identify an obligation in every list: the state (and, for people, its name
/// when `with_name`), the obligation (people read its name), the period.
io::Fields<Tracked> obligation_fields(const model::StateTable &states, bool with_name) {
  io::Fields<Tracked> fields = {
      {.key = "state",
       .label = "label.state",
       .value = [&states](const Tracked &t) { return states[t.obligation.state].code; }},
      {.label = "label.name",
       .shown = [&states](const Tracked &t,
                          const Lang &lang) { return states[t.obligation.state].name(lang); }},
      {.key = "obligation",
       .label = "label.report",
       .value = [](const Tracked &t) { return t.obligation.rule->id; },
       .shown = [](const Tracked &t,
                   const Lang &lang) { return rule_name(*t.obligation.rule, lang); },
       .context = "name"},
      {.key = "period",
       .label = "label.period",
       .type = io::FieldType::year,
       .value = [](const Tracked &t) { return period_value(t.obligation.period); },
       .shown = [](const Tracked &t,
                   const Lang &lang) { return period_label(t.obligation.period, lang); },
       .context = "period"},
  };
  if (!with_name) {
    fields.erase(fields.begin() + 1);
  }
  return fields;
}

io::Field<Tracked> due_field() {
  return {.key = "due",
          .label = "label.due",
          .type = io::FieldType::date,
          .value =
              [](const Tracked &t) {
                // A report not owed never fell due for the state: no date to show.
                return t.obligation.owed ? Value(t.obligation.due.iso()) : Value();
              },
          .context = "due_long"};
}

/// A report owed as a reminder lists it: the report and period as the tables name them, the due
/// date (long, and ISO), the basis beside the report's name, whether it is the initial report.
io::Fields<Tracked> reminder_fields(const model::StateTable &states) {
  io::Fields<Tracked> fields = obligation_fields(states, false);
  io::Fields<Tracked> letter_only = {
      due_field(),
      {.value = [](const Tracked &t) { return t.obligation.due.iso(); }, .context = "due"},
      {.context = "basis",
       .letter = [](const Tracked &t,
                    const Lang &lang) { return basis_beside(*t.obligation.rule, lang); }},
      {.context = "initial",
       .letter =
           [](const Tracked &t, const Lang &) {
             return Node::boolean(t.obligation.period == model::initial_period);
           }},
  };
  fields.insert(fields.end(), letter_only.begin(), letter_only.end());
  return fields;
}

} // namespace

std::vector<Tracked> track(const std::vector<Obligation> &obligations,
                           const std::vector<model::ReportReceived> &reports,
                           const util::Date &as_of) {
  std::map<std::tuple<model::StateId, std::string, int>, const model::ReportReceived *> received;
  for (const auto &report : reports) {
    if (report.received > as_of) {
      continue;
    }
    auto &slot = received[{report.state, report.obligation, report.period}];
    if (!slot || report.received < slot->received) {
      slot = &report; // the first report received answers the obligation
    }
  }
  std::vector<Tracked> result;
  for (const auto &obligation : obligations) {
    Tracked t{obligation, nullptr, Standing::not_yet_due};
    const auto found = received.find({obligation.state, obligation.rule->id, obligation.period});
    if (found != received.end()) {
      t.report = found->second;
      t.standing = !obligation.owed                       ? Standing::not_owed
                   : t.report->received <= obligation.due ? Standing::on_time
                                                          : Standing::late;
    } else if (obligation.due < as_of) {
      t.standing = Standing::overdue;
    }
    result.push_back(t);
  }
  return result;
}

io::Output obligations_output(const std::vector<Obligation> &obligations,
                              const model::Treaty &treaty, const model::StateTable &states,
                              const util::Date &as_of, bool upcoming, const Lang &lang) {
  std::vector<Tracked> listed;
  for (const auto &o : obligations) {
    if ((o.due > as_of) == upcoming) {
      listed.push_back(Tracked{o});
    }
  }
  // The table reads the entry into force before the date it sets; the document, written
  // first, keeps it last.
  auto entry_into_force = [](const Tracked &t) { return t.obligation.entry_into_force.iso(); };
  io::Fields<Tracked> fields = obligation_fields(states, true);
  fields.push_back(
      {.label = "label.entry_into_force", .type = io::FieldType::date, .value = entry_into_force});
  fields.push_back(due_field());
  fields.push_back(
      {.key = "entry_into_force", .type = io::FieldType::date, .value = entry_into_force});
  Node document = treaty_header("obligations", treaty, as_of);
  document.add("upcoming", Node::boolean(upcoming));
  document.add("obligations", io::record_list(fields, listed));
  const auto title = treaty_title(upcoming ? "title.obligations_upcoming" : "title.obligations",
                                  treaty, as_of, lang);
  return io::Output(std::move(document),
                    io::record_table("obligations", title, fields, listed, lang));
}

namespace {

/// Owed, on time, late and missing, per obligation and period, in the order first met.
struct GroupCount {
  const model::ReportingObligation *rule = nullptr;
  int period = 0;
  int owed = 0, on_time = 0, late = 0, missing = 0;
};

std::vector<GroupCount> count_by_obligation(const std::vector<Tracked> &tracked) {
  std::vector<GroupCount> groups;
  for (const auto &t : tracked) {
    if (t.standing == Standing::not_yet_due || t.standing == Standing::not_owed) {
      continue; // counted neither as owed nor as submitted
    }
    auto it = std::find_if(groups.begin(), groups.end(), [&](const GroupCount &g) {
      return g.rule == t.obligation.rule && g.period == t.obligation.period;
    });
    if (it == groups.end()) {
      groups.push_back(GroupCount{t.obligation.rule, t.obligation.period});
      it = groups.end() - 1;
    }
    ++it->owed;
    it->on_time += t.standing == Standing::on_time;
    it->late += t.standing == Standing::late;
    it->missing += t.standing == Standing::overdue;
  }
  return groups;
}

/// The share of the reports owed that were submitted, in per cent to one decimal.
std::string submitted_rate(const GroupCount &c) {
  return util::format_decimal(util::Rational((c.on_time + c.late) * 100, c.owed), 1);
}

/// `69 of 111, 62.2%`, in the reader's language.
std::string submitted_words(const GroupCount &c, const Lang &lang) {
  return lang.text("report.submitted_rate",
                   {{"submitted", std::to_string(c.on_time + c.late)},
                    {"owed", std::to_string(c.owed)},
                    {"rate", util::localize_decimal(submitted_rate(c), lang)}});
}

io::Field<GroupCount> count_field(const char *key, int GroupCount::*member) {
  return {.key = key,
          .label = std::string("label.") + key,
          .type = io::FieldType::count,
          .value = [member](const GroupCount &c) { return std::to_string(c.*member); }};
}

/// The rates per obligation and period: the summary.
const io::Fields<GroupCount> summary_fields = {
    {.key = "obligation",
     .label = "label.report",
     .value = [](const GroupCount &c) { return c.rule->id; },
     .shown = [](const GroupCount &c, const Lang &lang) { return rule_name(*c.rule, lang); }},
    {.key = "period",
     .label = "label.period",
     .type = io::FieldType::year,
     .value = [](const GroupCount &c) { return period_value(c.period); },
     .shown = [](const GroupCount &c, const Lang &lang) { return period_label(c.period, lang); }},
    count_field("owed", &GroupCount::owed),
    count_field("on_time", &GroupCount::on_time),
    count_field("late", &GroupCount::late),
    count_field("missing", &GroupCount::missing),
    {.key = "rate", .type = io::FieldType::rate, .value = submitted_rate},
    {.label = "label.submitted", .shown = submitted_words},
};

/// Reports owed and received (on time or late) per obligation and period, from the counts of
/// the summary; a band is named by its period first, which is what differs between bands.
const io::Fields<GroupCount> chart_fields = {
    {.label = "label.obligation_period",
     .shown =
         [](const GroupCount &c, const Lang &lang) {
           return fmt::format("{} \u00b7 {}", period_label(c.period, lang),
                              rule_name(*c.rule, lang));
         }},
    count_field("owed", &GroupCount::owed),
    {.label = "label.received",
     .type = io::FieldType::count,
     .value = [](const GroupCount &c) { return std::to_string(c.on_time + c.late); }},
};

/// Each party's standing on each obligation due: the detail.
io::Fields<Tracked> detail_fields(const model::StateTable &states) {
  io::Fields<Tracked> fields = obligation_fields(states, false);
  fields.push_back(due_field());
  fields.push_back({.key = "received",
                    .label = "label.received",
                    .type = io::FieldType::date,
                    .value = [](const Tracked &t) {
                      return t.report ? Value(t.report->received.iso()) : Value();
                    }});
  fields.push_back(
      {.key = "standing",
       .label = "label.standing",
       .type = io::FieldType::code,
       .words = "standing.",
       .value = [](const Tracked &t) { return std::string(standing_name(t.standing)); }});
  return fields;
}

std::vector<Tracked> with_standing(const std::vector<Tracked> &tracked, bool (*kept)(Standing)) {
  std::vector<Tracked> listed;
  std::copy_if(tracked.begin(), tracked.end(), std::back_inserter(listed),
               [kept](const Tracked &t) { return kept(t.standing); });
  return listed;
}

} // namespace

io::Output status_output(const std::vector<Tracked> &tracked, const model::Treaty &treaty,
                         const model::StateTable &states, const util::Date &as_of,
                         const Lang &lang) {
  const std::vector<GroupCount> groups = count_by_obligation(tracked);
  const auto due = with_standing(tracked, [](Standing s) { return s != Standing::not_yet_due; });
  auto fields = detail_fields(states);
  Node document = treaty_header("reports-status", treaty, as_of);
  document.add("summary", io::record_list(summary_fields, groups));
  document.add("reports", io::record_list(fields, due));
  io::Output output(std::move(document), std::vector<io::Table>{}, "reports");
  output.later_tables = [groups, due, fields = std::move(fields), &treaty, as_of,
                         lang](io::Output &out) {
    out.tables.push_back(io::record_table("summary",
                                          treaty_title("title.reports_status", treaty, as_of, lang),
                                          summary_fields, groups, lang));
    out.tables.push_back(
        io::record_table("reports", lang.text("title.reports_by_state"), fields, due, lang));
    out.charts.push_back(
        io::record_table("reports", lang.text("chart.reports"), chart_fields, groups, lang));
  };
  return output;
}

OverdueResult overdue_output(const std::vector<Tracked> &tracked, const model::Treaty &treaty,
                             const model::StateTable &states, const util::Date &as_of,
                             const Lang &lang) {
  const auto overdue = with_standing(tracked, [](Standing s) { return s == Standing::overdue; });
  io::Fields<Tracked> fields = obligation_fields(states, true);
  fields.push_back(due_field());
  fields.push_back({.key = "days_overdue",
                    .label = "label.days_overdue",
                    .type = io::FieldType::count,
                    .value = [&as_of](const Tracked &t) {
                      return std::to_string(as_of.days_since(t.obligation.due));
                    }});
  Node document = treaty_header("overdue-reports", treaty, as_of);
  document.add("overdue", io::record_list(fields, overdue));
  io::Table table = io::record_table("overdue", treaty_title("title.overdue", treaty, as_of, lang),
                                     fields, overdue, lang);
  return OverdueResult{io::Output(std::move(document), std::move(table)), overdue.size()};
}

namespace {

/// A deadline as known on the as-of date, and whether it has passed.
struct ListedDeadline {
  const model::Deadline *deadline = nullptr;
  model::DeadlineOn known;
  bool passed = false;
};

/// The uncompleted deadlines that passed before `as_of`, longest passed first, then those from
/// `as_of` to `until`, soonest first; ties by state code.
std::vector<ListedDeadline> select_deadlines(const model::Treaty &treaty,
                                             const model::StateTable &states,
                                             const util::Date &as_of, const util::Date &until) {
  std::vector<ListedDeadline> listed;
  for (const auto &d : treaty.deadlines()) {
    const auto known = d.known_on(as_of);
    if (!known.completed && known.current <= until) {
      listed.push_back(ListedDeadline{&d, known, known.current < as_of});
    }
  }
  std::stable_sort(
      listed.begin(), listed.end(), [&](const ListedDeadline &a, const ListedDeadline &b) {
        if (a.known.current != b.known.current) {
          return a.known.current < b.known.current; // passed ones come first, being earlier
        }
        return states[a.deadline->state].code < states[b.deadline->state].code;
      });
  return listed;
}

std::string deadline_obligation(const model::Treaty &treaty, int article, const Lang &lang) {
  for (const auto &rule : treaty.deadline_rules()) {
    if (rule.article == article) {
      return lang.text("deadline.named",
                       {{"name", rule.name.in(lang)}, {"article", std::to_string(article)}});
    }
  }
  return lang.text("deadline.article", {{"article", std::to_string(article)}});
}

/// The deadlines listed, with the days since each passed or left until it falls due.
// NOLINTNEXTLINE(readability-function-size): a declarative list reads best whole.
io::Fields<ListedDeadline> deadline_fields(const model::Treaty &treaty,
                                           const model::StateTable &states,
                                           const util::Date &as_of) {
  using D = ListedDeadline;
  io::Fields<D> fields = {
      {.key = "deadline",
       .label = "label.deadline",
       .type = io::FieldType::date,
       .value = [](const D &d) { return d.known.current.iso(); }},
      {.key = "state",
       .label = "label.state",
       .value = [&states](const D &d) { return states[d.deadline->state].code; }},
      {.label = "label.name",
       .shown = [&states](const D &d,
                          const Lang &lang) { return states[d.deadline->state].name(lang); }},
      {.label = "label.obligation",
       .shown =
           [&treaty](const D &d, const Lang &lang) {
             return deadline_obligation(treaty, d.deadline->article, lang);
           }},
      {.key = "article",
       .type = io::FieldType::count,
       .value = [](const D &d) { return std::to_string(d.deadline->article); }},
      {.key = "original_deadline",
       .label = "label.original_deadline",
       .type = io::FieldType::date,
       .value = [](const D &d) { return d.deadline->deadline.iso(); }},
      {.key = "extended",
       .type = io::FieldType::flag,
       .value = [](const D &d) { return io::flag(d.known.extended); }},
      {.key = "passed",
       .label = "label.passed",
       .type = io::FieldType::flag,
       .value = [](const D &d) { return io::flag(d.passed); },
       .shown = [](const D &d,
                   const Lang &lang) { return d.passed ? lang.text("deadline.passed") : ""; }},
      {.key = "days_since",
       .label = "label.days_since",
       .type = io::FieldType::count,
       .omit_absent = true,
       .value =
           [&as_of](const D &d) {
             return d.passed ? Value(std::to_string(as_of.days_since(d.known.current))) : Value();
           }},
      {.key = "days_left",
       .label = "label.days_left",
       .type = io::FieldType::count,
       .omit_absent = true,
       .value =
           [&as_of](const D &d) {
             return d.passed ? Value() : Value(std::to_string(d.known.current.days_since(as_of)));
           }},
  };
  return fields;
}

} // namespace

DeadlinesResult deadlines_output(const model::Treaty &treaty, const model::StateTable &states,
                                 const util::Date &as_of, const util::Date &until,
                                 const Lang &lang) {
  const auto listed = select_deadlines(treaty, states, as_of, until);
  const auto fields = deadline_fields(treaty, states, as_of);
  Node document = treaty_header("deadlines", treaty, as_of);
  document.add("until", Node::string(until.iso()));
  document.add("deadlines", io::record_list(fields, listed));
  const auto title = lang.text("title.deadlines", {{"treaty", treaty.short_name(lang)},
                                                   {"from", util::long_date(as_of, lang)},
                                                   {"until", util::long_date(until, lang)}});
  io::Table table = io::record_table("deadlines", title, fields, listed, lang);
  table.notes.push_back(lang.text("note.deadlines"));
  const auto passed =
      std::count_if(listed.begin(), listed.end(), [](const ListedDeadline &d) { return d.passed; });
  return DeadlinesResult{io::Output(std::move(document), std::move(table)),
                         static_cast<std::size_t>(passed)};
}

namespace {

/// Where the reports go, for the letter: `email`, the treaty file's `reports_to`, else the ISU's
/// address (the letter's `isu.email`: an `isu` document's, else the treaty file's), and `copy`,
/// the copy the treaty file asks for; each null where there is none.
Node reports_to(const model::Treaty &treaty, const model::Isu &isu) {
  const auto text_or_null = [](const std::string &text) {
    return text.empty() ? Node::null() : Node::string(text);
  };
  const std::string &email = treaty.reports_to().email;
  Node to = Node::mapping();
  to.add("email", text_or_null(email.empty() ? isu.email : email));
  to.add("copy", text_or_null(treaty.reports_to().copy));
  return to;
}

/// The overdue reports of the states party on `as_of` to the instrument each is owed under, by
/// state code. A state whose withdrawal from it has taken effect by then is sent no reminder:
/// it is no longer a party, though the reports it owed before stay overdue (`overdue`,
/// `status`); a note says so, once per state and instrument.
std::map<std::string, std::vector<Tracked>> overdue_by_party(const std::vector<Tracked> &tracked,
                                                             const model::Treaty &treaty,
                                                             const model::StateTable &states,
                                                             const util::Date &as_of) {
  std::map<std::string, std::vector<Tracked>> by_state; // ordered by code
  std::set<const model::Withdrawal *> noted;
  for (const auto &t : tracked) {
    const model::StateId state = t.obligation.state;
    const std::string &instrument = t.obligation.rule->instrument;
    if (t.standing != Standing::overdue) {
      continue;
    }
    if (treaty.is_party(state, instrument, as_of, model::Treaty::Basis::deposit)) {
      by_state[states[state].code].push_back(t);
    } else if (const auto *w = treaty.find_withdrawal(state, instrument);
               w && noted.insert(w).second) {
      util::note(w->mark.position(),
                 fmt::format("no reminder to {}: its withdrawal from the {} took effect on "
                             "{}, by the as-of date {} (the reports it owed before stay "
                             "overdue)",
                             states[state].code, treaty.find_instrument(instrument)->name.in("en"),
                             w->effective.iso(), as_of.iso()));
    }
  }
  return by_state;
}

} // namespace

std::vector<io::Letter> reminders(const std::vector<Tracked> &tracked, const model::Treaty &treaty,
                                  const model::StateTable &states, const model::LetterKit &kit,
                                  const util::Date &as_of) {
  const auto by_state = overdue_by_party(tracked, treaty, states, as_of);
  const auto fields = reminder_fields(states);
  std::vector<io::Letter> letters;
  for (const auto &[code, list] : by_state) {
    const model::StateId state = list.front().obligation.state;
    const Lang lang = kit.lang_for(state);
    Node context = kit.to_state(state, states, treaty, as_of, lang);
    context.add("reports", io::record_context(fields, list, lang));
    context.add("several", Node::boolean(list.size() > 1)); // Mustache cannot count a list
    context.add("reports_to", reports_to(treaty, kit.isu));
    letters.push_back(kit.letter(code + "-reminder", context, lang));
  }
  return letters;
}

std::optional<util::Date> window_end(const util::Date &from, const Window &window) {
  try {
    switch (window.unit) {
    case Window::Unit::days:
      return from.add_days(window.count);
    case Window::Unit::months:
      return from.add_months(window.count);
    case Window::Unit::years:
      return from.add_years(window.count);
    }
  } catch (const std::out_of_range &) {
    // ends after 9999-12-31, which no date can be written as
  }
  return std::nullopt;
}

} // namespace isukit::reports
