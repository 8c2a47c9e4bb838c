#include <isukit/reports/status.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace isukit::reports {

using io::Column;
using io::ColumnType;
using io::Node;
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
  }
  return "";
}

/// The standing as the status table prints it, in the reader's language (`standing.CODE`).
std::string standing_label(Standing standing, const Lang& lang) {
  return lang.text(fmt::format("standing.{}", standing_name(standing)));
}

const std::string& rule_name(const model::ReportingObligation& rule, const Lang& lang) { return rule.name.in(lang); }

std::string period_label(int period, const Lang& lang) {
  return period == model::initial_period ? lang.text("report.period.initial") : std::to_string(period);
}

/// "Reports owed (CCW, as of 2025-06-30)": a title with the treaty and the date.
std::string treaty_title(std::string_view id, const model::Treaty& treaty, const util::Date& as_of, const Lang& lang) {
  return lang.text(id, {{"treaty", treaty.short_name(lang)}, {"date", as_of.iso()}});
}

Node treaty_header(const char* kind, const model::Treaty& treaty, const util::Date& as_of) {
  Node document = Node::mapping();
  document.add("kind", Node::string(kind));
  document.add("treaty", Node::string(treaty.id()));
  document.add("as_of", Node::string(as_of.iso()));
  return document;
}

/// The columns that identify an obligation in every table: state, name, report, period, due.
std::vector<Column> obligation_columns(Lang lang) {
  return {Column{lang.text("label.state"), ColumnType::text}, Column{lang.text("label.name"), ColumnType::text},
          Column{lang.text("label.report"), ColumnType::text}, Column{lang.text("label.period"), ColumnType::text},
          Column{lang.text("label.due"), ColumnType::date}};
}

/// The fields that identify an obligation in every document: state, obligation, period, due.
Node obligation_record(const Obligation& o, const model::StateTable& states) {
  Node record = Node::mapping();
  record.add("state", Node::string(states[o.state].code));
  record.add("obligation", Node::string(o.rule->id));
  record.add("period", o.period == model::initial_period ? Node::string("initial") : Node::number(std::to_string(o.period)));
  record.add("due", Node::string(o.due.iso()));
  return record;
}

} // namespace

std::vector<Tracked> track(const std::vector<Obligation>& obligations,
                           const std::vector<model::ReportReceived>& reports, const util::Date& as_of) {
  std::map<std::tuple<model::StateId, std::string, int>, const model::ReportReceived*> received;
  for (const auto& report : reports) {
    if (report.received > as_of) {
      continue;
    }
    auto& slot = received[{report.state, report.obligation, report.period}];
    if (!slot || report.received < slot->received) {
      slot = &report; // the first report received answers the obligation
    }
  }
  std::vector<Tracked> result;
  for (const auto& obligation : obligations) {
    Tracked t{obligation, nullptr, Standing::not_yet_due};
    const auto found = received.find({obligation.state, obligation.rule->id, obligation.period});
    if (found != received.end()) {
      t.report = found->second;
      t.standing = t.report->received <= obligation.due ? Standing::on_time : Standing::late;
    } else if (obligation.due < as_of) {
      t.standing = Standing::overdue;
    }
    result.push_back(t);
  }
  return result;
}

io::Output obligations_output(const std::vector<Obligation>& obligations, const model::Treaty& treaty,
                              const model::StateTable& states, const util::Date& as_of, bool upcoming, Lang lang) {
  Node document = treaty_header("obligations", treaty, as_of);
  document.add("upcoming", Node::boolean(upcoming));
  Node list = Node::sequence();
  io::Table table;
  table.name = "obligations";
  table.title = treaty_title(upcoming ? "title.obligations_upcoming" : "title.obligations", treaty, as_of, lang);
  table.columns = obligation_columns(lang);
  table.columns.insert(table.columns.end() - 1, Column{lang.text("label.entry_into_force"), ColumnType::date});
  for (const auto& o : obligations) {
    if ((o.due > as_of) != upcoming) {
      continue;
    }
    const auto& state = states[o.state];
    Node record = obligation_record(o, states);
    record.add("entry_into_force", Node::string(o.entry_into_force.iso()));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{state.code, state.name(lang), rule_name(*o.rule, lang), period_label(o.period, lang),
                                  o.entry_into_force.iso(), o.due.iso()},
                                 false});
  }
  document.add("obligations", std::move(list));
  return io::Output{{std::move(document)}, {std::move(table)}};
}

namespace {

/// Owed, on time, late and missing, per obligation and period, in the order first met.
struct GroupCount {
  const model::ReportingObligation* rule = nullptr;
  int period = 0;
  int owed = 0, on_time = 0, late = 0, missing = 0;
};

std::vector<GroupCount> count_by_obligation(const std::vector<Tracked>& tracked) {
  std::vector<GroupCount> groups;
  for (const auto& t : tracked) {
    if (t.standing == Standing::not_yet_due) {
      continue;
    }
    auto it = std::find_if(groups.begin(), groups.end(), [&](const GroupCount& g) {
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

/// The rates per obligation and period (`69 of 111, 62.2%`), into the document and a table.
io::Table add_summary(Node& document, const std::vector<GroupCount>& groups, const model::Treaty& treaty,
                      const util::Date& as_of, Lang lang) {
  Node summary_list = Node::sequence();
  io::Table summary;
  summary.name = "summary";
  summary.title = treaty_title("title.reports_status", treaty, as_of, lang);
  summary.columns = {Column{lang.text("label.report"), ColumnType::text},
                     Column{lang.text("label.period"), ColumnType::text},
                     Column{lang.text("label.owed"), ColumnType::count},
                     Column{lang.text("label.on_time"), ColumnType::count},
                     Column{lang.text("label.late"), ColumnType::count},
                     Column{lang.text("label.missing"), ColumnType::count},
                     Column{lang.text("label.submitted"), ColumnType::text}};
  for (const auto& c : groups) {
    const int submitted = c.on_time + c.late;
    const std::string rate = util::format_decimal(util::Rational(submitted * 100, c.owed), 1);
    Node record = Node::mapping();
    record.add("obligation", Node::string(c.rule->id));
    record.add("period", c.period == model::initial_period ? Node::string("initial") : Node::number(std::to_string(c.period)));
    record.add("owed", Node::number(std::to_string(c.owed)));
    record.add("on_time", Node::number(std::to_string(c.on_time)));
    record.add("late", Node::number(std::to_string(c.late)));
    record.add("missing", Node::number(std::to_string(c.missing)));
    record.add("rate", Node::number(rate));
    summary_list.push(std::move(record));
    summary.rows.push_back(io::Row{{rule_name(*c.rule, lang), period_label(c.period, lang), std::to_string(c.owed),
                                    std::to_string(c.on_time), std::to_string(c.late), std::to_string(c.missing),
                                    lang.text("report.submitted_rate", {{"submitted", std::to_string(submitted)},
                                                                        {"owed", std::to_string(c.owed)},
                                                                        {"rate", util::localize_decimal(rate, lang)}})},
                                   false});
  }
  document.add("summary", std::move(summary_list));
  return summary;
}

/// Reports owed and received (on time or late) per obligation and period, from the counts of
/// the summary; a band is named by its period first, which is what differs between bands.
io::Table reports_chart(const std::vector<GroupCount>& groups, const Lang& lang) {
  io::Table chart{"reports", lang.text("chart.reports"),
                  {Column{lang.text("label.obligation_period"), ColumnType::text},
                   Column{lang.text("label.owed"), ColumnType::count},
                   Column{lang.text("label.received"), ColumnType::count}}};
  for (const auto& c : groups) {
    chart.rows.push_back(io::Row{{fmt::format("{} \u00b7 {}", period_label(c.period, lang), rule_name(*c.rule, lang)),
                                  std::to_string(c.owed), std::to_string(c.on_time + c.late)}});
  }
  return chart;
}

/// Each party's standing on each obligation due, into the document and a table.
io::Table add_detail(Node& document, const std::vector<Tracked>& tracked, const model::StateTable& states, Lang lang) {
  Node detail_list = Node::sequence();
  io::Table detail;
  detail.name = "reports";
  detail.title = lang.text("title.reports_by_state");
  detail.columns = {Column{lang.text("label.state"), ColumnType::text},
                    Column{lang.text("label.report"), ColumnType::text},
                    Column{lang.text("label.period"), ColumnType::text},
                    Column{lang.text("label.due"), ColumnType::date},
                    Column{lang.text("label.received"), ColumnType::date},
                    Column{lang.text("label.standing"), ColumnType::text}};
  for (const auto& t : tracked) {
    if (t.standing == Standing::not_yet_due) {
      continue;
    }
    const auto& state = states[t.obligation.state];
    Node record = obligation_record(t.obligation, states);
    record.add("received", t.report ? Node::string(t.report->received.iso()) : Node::null());
    record.add("standing", Node::string(std::string(standing_name(t.standing))));
    detail_list.push(std::move(record));
    detail.rows.push_back(io::Row{{state.code, rule_name(*t.obligation.rule, lang), period_label(t.obligation.period, lang),
                                   t.obligation.due.iso(), t.report ? t.report->received.iso() : "",
                                   standing_label(t.standing, lang)},
                                  false});
  }
  document.add("reports", std::move(detail_list));
  return detail;
}

} // namespace

io::Output status_output(const std::vector<Tracked>& tracked, const model::Treaty& treaty,
                         const model::StateTable& states, const util::Date& as_of, Lang lang) {
  Node document = treaty_header("reports-status", treaty, as_of);
  const std::vector<GroupCount> groups = count_by_obligation(tracked);
  io::Table summary = add_summary(document, groups, treaty, as_of, lang);
  io::Table detail = add_detail(document, tracked, states, lang);
  return io::Output{{std::move(document)}, {std::move(summary), std::move(detail)}, "reports", {reports_chart(groups, lang)}};
}

OverdueResult overdue_output(const std::vector<Tracked>& tracked, const model::Treaty& treaty,
                             const model::StateTable& states, const util::Date& as_of, Lang lang) {
  Node document = treaty_header("overdue-reports", treaty, as_of);
  Node list = Node::sequence();
  io::Table table;
  table.name = "overdue";
  table.title = treaty_title("title.overdue", treaty, as_of, lang);
  table.columns = obligation_columns(lang);
  table.columns.push_back(Column{lang.text("label.days_overdue"), ColumnType::count});
  std::size_t count = 0;
  for (const auto& t : tracked) {
    if (t.standing != Standing::overdue) {
      continue;
    }
    ++count;
    const auto& state = states[t.obligation.state];
    const std::string days = std::to_string(as_of.days_since(t.obligation.due));
    Node record = obligation_record(t.obligation, states);
    record.add("days_overdue", Node::number(days));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{state.code, state.name(lang), rule_name(*t.obligation.rule, lang),
                                  period_label(t.obligation.period, lang), t.obligation.due.iso(), days},
                                 false});
  }
  document.add("overdue", std::move(list));
  return OverdueResult{io::Output{{std::move(document)}, {std::move(table)}}, count};
}

namespace {

/// A deadline as known on the as-of date, and whether it has passed.
struct ListedDeadline {
  const model::Deadline* deadline = nullptr;
  model::DeadlineOn known;
  bool passed = false;
};

/// The uncompleted deadlines that passed before `as_of`, longest passed first, then those from
/// `as_of` to `until`, soonest first; ties by state code.
std::vector<ListedDeadline> select_deadlines(const model::Treaty& treaty, const model::StateTable& states,
                                             const util::Date& as_of, const util::Date& until) {
  std::vector<ListedDeadline> listed;
  for (const auto& d : treaty.deadlines()) {
    const auto known = d.known_on(as_of);
    if (!known.completed && known.current <= until) {
      listed.push_back(ListedDeadline{&d, known, known.current < as_of});
    }
  }
  std::stable_sort(listed.begin(), listed.end(), [&](const ListedDeadline& a, const ListedDeadline& b) {
    if (a.known.current != b.known.current) {
      return a.known.current < b.known.current; // passed ones come first, being earlier
    }
    return states[a.deadline->state].code < states[b.deadline->state].code;
  });
  return listed;
}

std::string deadline_obligation(const model::Treaty& treaty, int article, const Lang& lang) {
  for (const auto& rule : treaty.deadline_rules()) {
    if (rule.article == article) {
      return lang.text("deadline.named", {{"name", rule.name.in(lang)}, {"article", std::to_string(article)}});
    }
  }
  return lang.text("deadline.article", {{"article", std::to_string(article)}});
}

io::Table deadlines_table(const model::Treaty& treaty, const util::Date& as_of, const util::Date& until, Lang lang) {
  io::Table table;
  table.name = "deadlines";
  table.title = lang.text("title.deadlines", {{"treaty", treaty.short_name(lang)}, {"from", as_of.iso()},
                                               {"until", until.iso()}});
  table.columns = {Column{lang.text("label.deadline"), ColumnType::date},
                   Column{lang.text("label.state"), ColumnType::text},
                   Column{lang.text("label.name"), ColumnType::text},
                   Column{lang.text("label.obligation"), ColumnType::text},
                   Column{lang.text("label.original_deadline"), ColumnType::date},
                   Column{lang.text("label.passed"), ColumnType::text},
                   Column{lang.text("label.days_since"), ColumnType::count},
                   Column{lang.text("label.days_left"), ColumnType::count}};
  table.notes.push_back(lang.text("note.deadlines"));
  return table;
}

} // namespace

DeadlinesResult deadlines_output(const model::Treaty& treaty, const model::StateTable& states,
                                 const util::Date& as_of, const util::Date& until, Lang lang) {
  Node document = treaty_header("deadlines", treaty, as_of);
  document.add("until", Node::string(until.iso()));
  Node list = Node::sequence();
  io::Table table = deadlines_table(treaty, as_of, until, lang);
  std::size_t passed = 0;
  for (const auto& item : select_deadlines(treaty, states, as_of, until)) {
    const auto& d = *item.deadline;
    const auto& state = states[d.state];
    const std::string since = item.passed ? std::to_string(as_of.days_since(item.known.current)) : "";
    const std::string left = item.passed ? "" : std::to_string(item.known.current.days_since(as_of));
    passed += item.passed;
    Node record = Node::mapping();
    record.add("deadline", Node::string(item.known.current.iso()));
    record.add("state", Node::string(state.code));
    record.add("article", Node::number(std::to_string(d.article)));
    record.add("original_deadline", Node::string(d.deadline.iso()));
    record.add("extended", Node::boolean(item.known.extended));
    record.add("passed", Node::boolean(item.passed));
    record.add(item.passed ? "days_since" : "days_left", Node::number(item.passed ? since : left));
    list.push(std::move(record));
    table.rows.push_back(io::Row{{item.known.current.iso(), state.code, state.name(lang),
                                  deadline_obligation(treaty, d.article, lang), d.deadline.iso(),
                                  item.passed ? lang.text("deadline.passed") : "", since, left},
                                 false});
  }
  document.add("deadlines", std::move(list));
  return DeadlinesResult{io::Output{{std::move(document)}, {std::move(table)}}, passed};
}

std::vector<io::Letter> reminders(const std::vector<Tracked>& tracked, const model::Treaty& treaty,
                                  const model::StateTable& states, const model::LetterKit& kit, const util::Date& as_of) {
  std::map<std::string, std::vector<const Tracked*>> by_state; // ordered by code
  for (const auto& t : tracked) {
    if (t.standing == Standing::overdue) {
      by_state[states[t.obligation.state].code].push_back(&t);
    }
  }
  std::vector<io::Letter> letters;
  for (const auto& [code, list] : by_state) {
    const model::StateId state = list.front()->obligation.state;
    const Lang lang = kit.lang_for(state);
    Node context = kit.to_state(state, states, treaty, as_of, lang);
    Node reports = Node::sequence();
    for (const auto* t : list) {
      Node report = Node::mapping();
      report.add("name", Node::string(rule_name(*t->obligation.rule, lang)));
      report.add("basis", Node::string(t->obligation.rule->basis));
      report.add("period", Node::string(period_label(t->obligation.period, lang)));
      report.add("initial", Node::boolean(t->obligation.period == model::initial_period));
      report.add("due", Node::string(t->obligation.due.iso()));
      report.add("due_long", Node::string(util::long_date(t->obligation.due, lang)));
      reports.push(std::move(report));
    }
    context.add("reports", std::move(reports));
    context.add("several", Node::boolean(list.size() > 1)); // Mustache cannot count a list
    letters.push_back(kit.letter(code + "-reminder", context, lang));
  }
  return letters;
}

std::optional<util::Date> window_end(const util::Date& from, std::string_view text) {
  if (text.size() < 2) {
    return std::nullopt;
  }
  const char unit = text.back();
  const std::string_view digits = text.substr(0, text.size() - 1);
  if (digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  const int n = std::stoi(std::string(digits));
  try {
    switch (unit) {
    case 'd':
      return from.add_days(n);
    case 'm':
      return from.add_months(n);
    case 'y':
      return from.add_years(n);
    default:
      return std::nullopt;
    }
  } catch (const std::out_of_range&) {
    return std::nullopt; // ends after 9999-12-31, which no date can be written as
  }
}

} // namespace isukit::reports
