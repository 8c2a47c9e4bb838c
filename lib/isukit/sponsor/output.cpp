#include <isukit/io/fields.hpp>
#include <isukit/io/shape.hpp>
#include <isukit/sponsor/selection.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

namespace isukit::sponsor {

using io::Node;
using util::Lang;

namespace {

/// `field_CODE` for every language of `text`: the document carries the names in every
/// language the data gives, so that a letter in any of them reads them from it.
void add_local_text(Node &record, const std::string &field, const util::LocalText &text) {
  for (const auto &[code, value] : text.all()) {
    record.add(fmt::format("{}_{}", field, code), Node::string(value));
  }
}

/// `field_CODE` of the document in `lang`, else `field_en` (a programme's name_en stands for
/// every language it does not give).
std::string local_field(const Node &record, const std::string &field, const Lang &lang) {
  if (const Node *text = record.find(field + "_" + lang.code())) {
    return text->as_text();
  }
  return record.text_or(field + "_en");
}

/// The applicant's gender in words; a missing one (an incomplete application) as given.
std::string gender_words(const std::string &gender, const Lang &lang) {
  const auto &known = model::genders;
  return std::find(known.begin(), known.end(), gender) != known.end()
             ? lang.text("gender." + gender)
             : gender;
}

/// The meetings as the letters name them: id, name and city in every language, dates.
Node meetings_node(const model::Programme &p) {
  Node list = Node::sequence();
  for (const auto &m : p.meetings) {
    Node meeting = Node::mapping();
    meeting.add("id", Node::string(m.id));
    add_local_text(meeting, "name", m.names);
    meeting.add("city", Node::string(m.city.default_text())); // for a language without city_CODE
    add_local_text(meeting, "city", m.city);
    meeting.add("start", Node::string(m.start.iso()));
    meeting.add("end", Node::string(m.end.iso()));
    list.push(std::move(meeting));
  }
  return list;
}

/// A meeting's dates as the language writes a range: "from 15 September 2025 to 2 October 2025"
/// (letter.dates), or, within one month, what both dates share said once (letter.dates_in_month,
/// given the first and last days and what the dates have before and after the day): "from 15 to
/// 18 September 2025", "du 1er au 4 septembre 2025", "2025年9月15日至18日".
std::string meeting_dates(const util::Date &start, const util::Date &end, const Lang &lang) {
  const util::Conventions &c = lang.conventions();
  const auto first = util::format_long_date_parts(start, c.locale, c.first_day, c.months);
  const auto last = util::format_long_date_parts(end, c.locale, c.first_day, c.months);
  if (start != end && start.year() == end.year() && start.month() == end.month()) {
    return lang.text("letter.dates_in_month", {{"before", first.before},
                                               {"first_day", first.day},
                                               {"last_day", last.day},
                                               {"after", first.after}});
  }
  return lang.text("letter.dates", {{"start", first.before + first.day + first.after},
                                    {"end", last.before + last.day + last.after}});
}

/// The meeting of a letter: `meeting` {name, city, dates} in `lang`, from the selection's
/// meetings (a selection written before they were recorded names the meeting by its id).
Node letter_meeting(const Node &selection, const std::string &id, const Lang &lang) {
  Node meeting = Node::mapping();
  const Node *found = nullptr;
  if (const Node *meetings = selection.find("meetings")) {
    for (const auto &m : meetings->as_sequence()) {
      found = m.at("id").as_text() == id ? &m : found;
    }
  }
  meeting.add("name", Node::string(found ? local_field(*found, "name", lang) : id));
  const Node *city = found ? found->find("city_" + lang.code()) : nullptr;
  city = city ? city : (found ? found->find("city") : nullptr);
  meeting.add("city", city ? Node::string(city->as_text()) : Node::boolean(false));
  meeting.add("dates", found ? Node::string(meeting_dates(found->at("start").as_date(),
                                                          found->at("end").as_date(), lang))
                             : Node::boolean(false));
  return meeting;
}

} // namespace

namespace {

/// Each application: the applicant, the state's standing that decided eligibility, the costs, the
/// rank and the decision with its reason. Over 40 lines: one list entry per field, 17 of them.
// NOLINTNEXTLINE(readability-function-size): a declarative list reads best whole.
io::Fields<Candidate> application_fields(const Selection &s, const model::StateTable &states,
                                         bool check_only) {
  using C = Candidate;
  using io::FieldType;
  using io::Value;
  const model::Programme &p = *s.programme;
  // The state's standing is worked out only for a complete application (its state and meeting
  // known): an incomplete one has none, rather than NONE, non_party and false as if found.
  auto standing = [](const C &c) { return c.application->state && c.application->missing.empty(); };
  // The costs are known for an application to a meeting of the programme that could be costed.
  auto costed = [&p](const C &c) { return c.cost && p.find_meeting(c.application->meeting); };
  auto decision = [check_only](const C &c) {
    return check_only ? std::string(c.eligible ? "eligible" : "not_eligible")
                      : std::string(decision_code(c.decision));
  };
  io::Fields<C> fields = {
      {.key = "id", .label = "label.id", .value = [](const C &c) { return c.application->id; }},
      {.key = "name",
       .label = "label.applicant",
       .value = [](const C &c) { return c.application->name; }},
      {.key = "state",
       .label = "label.state",
       .value = [](const C &c) { return c.application->state_code; }},
      {.key = "state_name",
       .document =
           [&states](Node &record, const C &c) {
             if (c.application->state) {
               add_local_text(record, "state_name", states[*c.application->state].names());
             }
           }},
      {.key = "regional_group",
       .type = FieldType::code,
       .omit_absent = true,
       .value =
           [standing](const C &c) {
             return standing(c) ? Value(std::string(model::regional_group_code(c.group))) : Value();
           }},
      {.key = "party_status",
       .type = FieldType::code,
       .omit_absent = true,
       .value =
           [standing](const C &c) {
             return standing(c) ? Value(std::string(model::party_status_code(c.status))) : Value();
           }},
      {.key = "ldc",
       .type = FieldType::flag,
       .omit_absent = true,
       .value = [standing](const C &c) { return standing(c) ? io::flag(c.ldc) : Value(); }},
      {.key = "gender",
       .label = "label.gender",
       .value = [](const C &c) { return c.application->gender; },
       .shown = [](const C &c,
                   const Lang &lang) { return gender_words(c.application->gender, lang); }},
      {.key = "function", .value = [](const C &c) { return c.application->function; }},
      {.key = "meeting",
       .label = "label.meeting",
       .value = [](const C &c) { return c.application->meeting; },
       .shown =
           [&p](const C &c,
                const Lang &lang) { // people read the meeting's name; the document keeps its id
             const model::Meeting *meeting = p.find_meeting(c.application->meeting);
             return meeting ? meeting->name(lang)
                            : c.application->meeting; // a meeting the programme lacks: as given
           }},
      {.key = "days",
       .type = FieldType::count,
       .omit_absent = true,
       .value =
           [costed](const C &c) {
             return costed(c) ? Value(std::to_string(c.application->days)) : Value();
           }},
      {.key = "ticket",
       .type = FieldType::money,
       .omit_absent = true,
       .value =
           [costed](const C &c) {
             return costed(c) ? Value(c.application->ticket->plain()) : Value();
           }},
      {.key = "dsa",
       .type = FieldType::money,
       .omit_absent = true,
       .value =
           [costed, &p](const C &c) {
             return costed(c) ? Value(p.find_meeting(c.application->meeting)->dsa.plain())
                              : Value();
           }},
      {.key = "cost",
       .label = "label.cost",
       .type = FieldType::money,
       .omit_absent = true,
       .value = [costed](const C &c) { return costed(c) ? Value(c.cost->plain()) : Value(); },
       .shown = [](const C &c, const Lang &) { return c.cost ? c.cost->plain() : ""; }},
      {.key = "rank",
       .label = "label.rank",
       .type = FieldType::count,
       .omit_absent = true,
       .value = [](const C &c) { return c.rank ? Value(std::to_string(c.rank)) : Value(); }},
      {.key = "decision",
       .label = "label.decision",
       .type = FieldType::code,
       .words = "decision.",
       .value = decision},
      {.key = "reason",
       .label = "label.reason",
       .shown =
           [&states, &p](const C &c, const Lang &lang) {
             return render_reason("reason", c.reason, lang, states, std::string(p.currency.code()));
           },
       .document = [](Node &record, const C &c) { record.add("reason", reason_node(c.reason)); }},
  };
  return fields;
}

} // namespace

io::Output selection_output(const Selection &s, const model::StateTable &states, const Lang &lang,
                            bool check_only) {
  const model::Programme &p = *s.programme;
  const std::string currency(p.currency.code());
  const auto fields = application_fields(s, states, check_only);
  Node document = Node::mapping();
  // A check is not a selection: `sponsor check | sponsor letters` must not write letters.
  document.add("kind", Node::string(check_only ? "eligibility" : "selection"));
  document.add("programme", Node::string(p.id));
  add_local_text(document, "programme_name", p.names);
  document.add("treaty", Node::string(p.treaty));
  document.add("currency", Node::string(currency));
  document.add("fund", Node::number(p.fund.plain()));
  if (!check_only) {
    document.add("spent", Node::number(s.spent.plain()));
    document.add("remaining", Node::number((p.fund - s.spent).plain()));
    document.add("meetings", meetings_node(p));
  }
  document.add("applications", io::record_list(fields, s.candidates));
  const auto title = lang.text(check_only ? "title.eligibility" : "title.selection",
                               {{"programme", p.name(lang)}, {"currency", currency}});
  io::Table table = io::record_table("applications", title, fields, s.candidates, lang);
  if (!check_only) {
    Node &targets = document.add("targets", Node::sequence());
    for (const auto &note : s.target_notes) {
      targets.push(reason_node(note));
      table.notes.push_back(render_reason("target", note, lang, states, currency));
    }
    io::add_total_row(
        table, fields,
        {{"cost", s.spent.plain()},
         {"decision", lang.text("selection.of_fund", {{"fund", p.fund.grouped(lang)}})}},
        lang);
  }
  return io::Output(std::move(document), std::move(table));
}

namespace {

/// The delegates sponsored with one value of a dimension (a regional group, a gender...) and
/// what they cost.
struct Tally {
  std::string value;
  int count = 0;
  util::Money cost;
};

/// What the breakdown counts: each dimension, the field of the selection's records it reads.
constexpr const char *dimensions[] = {"regional_group", "gender", "party_status", "meeting"};

/// The selected applications' tallies per dimension and value (values in code order).
std::map<std::string, std::vector<Tally>> tally(const Node &selection,
                                                const util::Currency &currency) {
  std::map<std::string, std::map<std::string, Tally>> by; // dimension -> value -> tally
  for (const auto &record : selection.at("applications").as_sequence()) {
    if (record.at("decision").as_text() != "selected") {
      continue;
    }
    const util::Money cost = record.at("cost").as_money(currency);
    for (const char *dimension : dimensions) {
      const std::string &value = record.at(dimension).as_any_text();
      Tally &t = by[dimension]
                     .try_emplace(value, Tally{value, 0, util::Money::zero(currency)})
                     .first->second;
      ++t.count;
      t.cost += cost;
    }
  }
  std::map<std::string, std::vector<Tally>> result;
  for (const char *dimension : dimensions) {
    auto &list = result[dimension]; // empty when none was selected
    for (auto &[value, t] : by[dimension]) {
      list.push_back(std::move(t));
    }
  }
  return result;
}

/// How a value of `dimension` reads (codes are words of the catalogue; a meeting by its name).
std::string value_words(const Node &selection, const std::string &dimension,
                        const std::string &value, const Lang &lang) {
  if (dimension == "gender") {
    return gender_words(value, lang);
  }
  if (dimension == "meeting") {
    return letter_meeting(selection, value, lang).at("name").as_text();
  }
  return lang.text((dimension == "regional_group" ? "region." : dimension + ".") + value);
}

io::Fields<Tally> tally_fields(const Node &selection, const std::string &dimension) {
  io::Fields<Tally> fields = {
      {.key = "value",
       .label = "label." + dimension,
       .value = [](const Tally &t) { return t.value; },
       .shown =
           [&selection, dimension](const Tally &t, const Lang &lang) {
             return value_words(selection, dimension, t.value, lang);
           }},
      {.key = "delegates",
       .label = "label.delegates",
       .type = io::FieldType::count,
       .value = [](const Tally &t) { return std::to_string(t.count); }},
      {.key = "cost",
       .label = "label.cost_in",
       .type = io::FieldType::money,
       .value = [](const Tally &t) { return t.cost.plain(); }},
  };
  return fields;
}

} // namespace

namespace {

/// Fails at `record`'s `decision` unless it is one of the codes decision_code writes.
void require_decision(const Node &record) {
  const Node &decision = record.at("decision");
  for (const auto d : {Decision::selected, Decision::waiting_list, Decision::not_selected,
                       Decision::not_eligible}) {
    if (decision.as_text() == decision_code(d)) {
      return;
    }
  }
  decision.fail(fmt::format("unknown decision '{}' (selected, waiting_list, not_selected or "
                            "not_eligible)",
                            decision.as_text()));
}

/// The decision each reason of sponsor select goes with (reason.CODE in the catalogues).
struct ReasonDecision {
  std::string_view reason;
  Decision decision;
};
constexpr ReasonDecision reason_decisions[] = {
    {"regional_minimum", Decision::selected},   {"priority", Decision::selected},
    {"gender_balance", Decision::selected},     {"further_delegate", Decision::selected},
    {"waiting_list", Decision::waiting_list},   {"fund_exhausted", Decision::not_selected},
    {"incomplete", Decision::not_eligible},     {"received_late", Decision::not_eligible},
    {"duplicate", Decision::not_eligible},      {"group_not_covered", Decision::not_eligible},
    {"state_excluded", Decision::not_eligible}, {"status_not_covered", Decision::not_eligible},
};

/// Fails at `record`'s `decision` when its reason is one select gives with another decision: a
/// steering committee that changes a decision changes its reason too, or the letter would say
/// "We regret ... your application was selected". Names the reasons that fit the decision.
void require_reason_fits(const Node &record) {
  const Node *reason = record.find("reason");
  if (!reason) {
    return; // what reads the reason (the letters) requires it
  }
  const Node &decision = record.at("decision");
  const Node &code = reason->at("code");
  std::vector<std::string> codes;
  std::vector<std::string> fitting;
  const ReasonDecision *found = nullptr;
  for (const auto &rd : reason_decisions) {
    codes.emplace_back(rd.reason);
    if (decision_code(rd.decision) == decision.as_text()) {
      fitting.emplace_back(rd.reason);
    }
    found = rd.reason == code.as_text() ? &rd : found;
  }
  io::require_one_of(code, "reason", codes);
  if (decision_code(found->decision) != decision.as_text()) {
    decision.fail(fmt::format(
        "decision {}, but its reason '{}' goes with decision {}: a changed decision needs the "
        "reason of the new one ({}), with its parameters as another such application has them",
        decision.text(), code.text(), decision_code(found->decision), fmt::join(fitting, ", ")));
  }
}

/// Fails at the selection's `spent` (or `remaining`) unless it is what the selected applications
/// cost (or what the fund has left after them): a decision changed by hand changes both.
void require_spent(const Node &selection, const util::Money &fund, const util::Money &sponsored) {
  const util::Currency currency = fund.currency();
  const Node *spent = selection.find("spent");
  if (spent && spent->as_money(currency) != sponsored) {
    spent->fail(fmt::format("spent is {}, but the selected applications cost {}: after a decision "
                            "is changed, spent is {} and remaining {}",
                            spent->text(), sponsored.plain(), sponsored.plain(),
                            (fund - sponsored).plain()));
  }
  const Node *remaining = selection.find("remaining");
  if (remaining && remaining->as_money(currency) != fund - sponsored) {
    remaining->fail(fmt::format("remaining is {}, but the fund {} less the {} the selected "
                                "applications cost leaves {}",
                                remaining->text(), fund.plain(), sponsored.plain(),
                                (fund - sponsored).plain()));
  }
}

/// Fails at the first amount of `record` (by key, with what it is in words) that is not one of
/// `currency`, zero or more.
void require_amounts(const Node &record,
                     std::initializer_list<std::pair<const char *, std::string_view>> amounts,
                     const util::Currency &currency) {
  for (const auto &[key, what] : amounts) {
    if (const Node *amount = record.find(key)) {
      amount->as_nonnegative_money(currency, what);
    }
  }
}

/// Fails at a costed record's `cost` unless it is `ticket` + `dsa` x `days`, the rule sponsor
/// select applies (model::sponsorship_cost), and at its `days` when they are more than its meeting
/// in `meetings` lasts (a selection written before meetings were recorded has none to check).
void require_cost(const Node &record, const Node *meetings, const util::Currency &currency) {
  const Node *cost = record.find("cost");
  if (!cost) {
    return;
  }
  const Node &days = record.at("days");
  model::read_days(days);
  for (const auto &m : meetings ? meetings->as_sequence() : std::vector<Node>{}) {
    if (m.at("id").as_text() == record.at("meeting").as_text()) {
      model::Meeting meeting; // what require_days_within reads of it
      meeting.id = m.at("id").as_text();
      meeting.start = m.at("start").as_date();
      meeting.end = m.at("end").as_date();
      model::require_days_within(meeting, days.as_int(), days);
    }
  }
  const util::Money expected =
      model::sponsorship_cost(record.at("ticket").as_money(currency),
                              record.at("dsa").as_money(currency), days.as_int(), cost->mark());
  if (cost->as_money(currency) != expected) {
    cost->fail(fmt::format("the cost is {}, but ticket {} and {} days of DSA {} make {}",
                           cost->as_text(), record.at("ticket").as_text(), days.as_int(),
                           record.at("dsa").as_text(), expected.plain()));
  }
}

/// Fails at `record`'s `meeting` unless it is one of the selection's `meetings` (a selection
/// written before meetings were recorded has none to check): a letter names the meeting, never
/// an id the programme does not list.
void require_meeting(const Node &record, const Node *meetings) {
  if (!meetings) {
    return;
  }
  std::vector<std::string> ids;
  for (const auto &m : meetings->as_sequence()) {
    ids.push_back(m.at("id").as_text());
  }
  io::require_one_of(record.at("meeting"), "meeting", ids);
}

/// Fails at a costed record's `regional_group` unless it is its state's group in `states` (the
/// group decides a selection's regional targets and report; a document that disagrees with the
/// states is edited). An incomplete application has none worked out (select writes none).
void require_group(const Node &record, const model::StateTable &states) {
  const Node *group = record.find("regional_group");
  const Node *code = record.find("state");
  const auto id = code ? states.find(code->as_text()) : std::nullopt;
  if (group && id && record.find("cost")) {
    const std::string_view expected = model::regional_group_code(states[*id].group);
    if (group->as_text() != expected) {
      group->fail(fmt::format("'{}' is in regional group {} (states.yaml), not {}", code->as_text(),
                              expected, group->as_text()));
    }
  }
}

/// Fails unless the waiting list's positions (the `position` of each `waiting_list` reason) are
/// 1 to its length, each once: a committee that moves an applicant up without renumbering the
/// others would otherwise tell two applicants they are number 3, and none number 1.
void require_waiting_positions(const Node &selection) {
  std::vector<const Node *> positions;
  io::NamedOnce named("waiting-list position", "the selection");
  for (const auto &record : selection.at("applications").as_sequence()) {
    const Node *reason = record.find("reason");
    if (reason && reason->is_mapping() && reason->at("code").as_text() == "waiting_list") {
      named.require_new(reason->at("position"));
      positions.push_back(&reason->at("position"));
    }
  }
  for (const Node *position : positions) {
    const int at = position->as_int();
    if (at < 1 || static_cast<std::size_t>(at) > positions.size()) {
      position->fail(fmt::format("waiting-list position {}, but the list has {} applications: "
                                 "number them 1 to {} in the order the fund would take them",
                                 position->text(), positions.size(), positions.size()));
    }
  }
}

} // namespace

void check_selection(const Node &selection, const model::StateTable &states) {
  model::programme_id(selection.at("programme"));
  const util::Currency currency = selection.at("currency").as_currency();
  require_amounts(selection,
                  {{"fund", "a sponsorship fund"},
                   {"spent", "the amount spent"},
                   {"remaining", "the amount remaining"}},
                  currency);
  const util::Money fund = selection.at("fund").as_money(currency);
  util::Money sponsored = util::Money::zero(currency);
  model::ApplicationIds ids;
  for (const auto &record : selection.at("applications").as_sequence()) {
    ids.require_new(record);
    require_amounts(
        record,
        {{"ticket", "a ticket"}, {"dsa", "a daily subsistence allowance"}, {"cost", "a cost"}},
        currency);
    require_decision(record);
    require_reason_fits(record);
    require_meeting(record, selection.find("meetings"));
    require_group(record, states);
    require_cost(record, selection.find("meetings"), currency);
    if (record.at("decision").as_text() == decision_code(Decision::selected)) {
      sponsored += record.at("cost").as_money(currency);
      if (sponsored > fund) {
        record.at("cost").fail(fmt::format("the sponsored delegates cost more than the fund ({})",
                                           selection.at("fund").as_text()));
      }
    }
  }
  require_spent(selection, fund, sponsored);
  require_waiting_positions(selection);
}

io::Output programme_report(const Node &selection, const Lang &lang) {
  const util::Currency currency = selection.at("currency").as_currency();
  const std::string code(currency.code());
  const util::Money fund = selection.at("fund").as_money(currency);
  const auto by = tally(selection, currency);
  util::Money total = util::Money::zero(currency);
  int sponsored = 0;
  for (const auto &t : by.at("meeting")) { // every selected delegate attends one meeting
    total += t.cost;
    sponsored += t.count;
  }
  const std::string used =
      fund.is_zero() ? "" : util::format_decimal(total.value() * 100 / fund.value(), 1);
  Node document = Node::mapping();
  document.add("kind", Node::string("sponsorship-report"));
  document.add("programme", Node::string(selection.at("programme").as_text()));
  document.add("currency", Node::string(code));
  document.add("fund", Node::number(fund.plain()));
  document.add("sponsored", Node::number(std::to_string(sponsored)));
  document.add("cost", Node::number(total.plain()));
  document.add("fund_used_percent", Node::number(used));
  Node &breakdown = document.add("by", Node::mapping());
  std::vector<io::Table> tables;
  for (const char *dimension : dimensions) {
    const auto fields = tally_fields(selection, dimension);
    breakdown.add(dimension, io::record_list(fields, by.at(dimension)));
    // A heading of its own per dimension: a column label inserted mid-sentence kept its capital
    // ("par Groupe régional").
    const auto title = lang.text(std::string("title.sponsored_by.") + dimension);
    tables.push_back(io::record_table(dimension, title, fields, by.at(dimension), lang, {},
                                      {{"currency", code}}));
    io::add_total_row(tables.back(), fields,
                      {{"delegates", std::to_string(sponsored)}, {"cost", total.plain()}}, lang);
  }
  tables.back().notes.push_back(
      lang.text("note.sponsorship.cost", {{"cost", total.grouped(lang)},
                                          {"fund", fund.grouped(lang)},
                                          {"currency", code},
                                          {"percent", util::localize_decimal(used, lang)}}));
  return io::Output(std::move(document), std::move(tables));
}

namespace {

/// What the programme covers for a selected application (a record with its `cost`): `ticket`,
/// `dsa` (per day), `days` (the number), `days_text` ("1 day", "5 days": the catalogue's plural
/// `count.days`), `cost`, in `currency`.
void add_costs(Node &context, const Node &record, const util::Currency &currency,
               const Lang &lang) {
  if (record.find("cost")) {
    context.add("ticket", Node::string(record.at("ticket").as_money(currency).grouped(lang)));
    context.add("dsa", Node::string(record.at("dsa").as_money(currency).grouped(lang)));
    context.add("days", Node::string(record.at("days").as_text()));
    context.add("days_text", Node::string(lang.plural("count.days", record.at("days").as_int())));
    context.add("cost", Node::string(record.at("cost").as_money(currency).grouped(lang)));
  }
  context.add("currency", Node::string(std::string(currency.code())));
}

/// How the letter greets the applicant: `salutation` and `form_of_address` in the catalogue's
/// words (model::add_person_address), and for a template's own wording `gender` (female, male,
/// other) with the flags `female` and `male`.
void add_addressing(Node &context, const Node &record, const Lang &lang) {
  const std::string gender = record.text_or("gender");
  model::add_person_address(context, record.at("name").as_text(), gender, lang);
  context.add("gender", Node::string(gender));
  context.add("female", Node::boolean(gender == "female"));
  context.add("male", Node::boolean(gender == "male"));
}

} // namespace

std::vector<io::Letter> sponsorship_letters(const Node &selection, const model::Treaty &treaty,
                                            const model::StateTable &states,
                                            const model::LetterKit &kit, const util::Date &date) {
  const Lang &lang = kit.lang;
  const util::Currency currency = selection.at("currency").as_currency();
  std::vector<io::Letter> letters;
  for (const auto &record : selection.at("applications").as_sequence()) {
    const std::string &decision = record.at("decision").as_text();
    if (decision == "not_eligible" && !record.find("state_name_en")) {
      continue; // an incomplete application has no one to write to by name and state
    }
    const Reason reason = reason_from_node(record.at("reason"));
    if (reason.code == "duplicate") {
      continue; // the person's first application has the letter: one person, one answer
    }
    Node context = kit.common(treaty, date, lang);
    // Every application has an id and a name (model::read_applications); one edited away in
    // the selection is an error at it (65), never a letter to "Ms ,".
    context.add("id", Node::string(record.at("id").as_text()));
    context.add("name", Node::string(record.at("name").as_text()));
    add_addressing(context, record, lang);
    context.add("state", Node::string(local_field(record, "state_name", lang)));
    context.add("meeting", letter_meeting(selection, record.at("meeting").as_any_text(), lang));
    context.add("programme", Node::string(local_field(selection, "programme_name", lang)));
    add_costs(context, record, currency, lang);
    // Phrased for the applicant: never the fund's figures, never another applicant.
    context.add("reason", Node::string(render_reason("letter_reason", for_applicant(reason), lang,
                                                     states, currency.code())));
    context.add("selected", Node::boolean(decision == "selected"));
    context.add("waiting", Node::boolean(decision == "waiting_list"));
    context.add("regret", Node::boolean(decision == "not_selected" || decision == "not_eligible"));
    letters.push_back(kit.letter(record.at("id").as_text(), context, lang));
  }
  return letters;
}

} // namespace isukit::sponsor
