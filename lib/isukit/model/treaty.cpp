#include <isukit/model/treaty.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

using io::Node;

namespace {

std::optional<util::Rational> optional_rate(const Node& record, std::string_view key) {
  const Node* value = record.find(key);
  if (!value || value->is_null() || (value->is_scalar() && value->text() == "none")) {
    return std::nullopt;
  }
  return value->as_decimal();
}

MonthDay parse_month_day(const Node& node) {
  const std::string& text = node.as_text();
  const auto date = util::Date::parse("2000-" + text); // a leap year accepts 02-29
  if (text.size() != 5 || !date) {
    node.fail(fmt::format("expected a month and day MM-DD, got '{}'", text));
  }
  return MonthDay{date->month(), date->day()};
}

EntryIntoForceRule parse_eif(const Node& node) {
  EntryIntoForceRule rule;
  const Node& kind = node.at("rule");
  if (kind.as_text() == "months_after_deposit") {
    rule.kind = EntryIntoForceRule::Kind::months_after_deposit;
  } else if (kind.text() == "first_of_month_after_deposit") {
    rule.kind = EntryIntoForceRule::Kind::first_of_month_after_deposit;
  } else {
    kind.fail(fmt::format("unknown entry-into-force rule '{}' (expected months_after_deposit or "
                          "first_of_month_after_deposit)", kind.text()));
  }
  rule.months = node.at("months").as_int();
  return rule;
}

} // namespace

util::Date EntryIntoForceRule::apply(const util::Date& deposit) const {
  return kind == Kind::months_after_deposit ? deposit.add_months(months) : deposit.first_of_month().add_months(months);
}

DeadlineOn Deadline::known_on(const util::Date& date) const {
  const util::Date granted = extended_on ? extended_on->latest() : deadline;
  const bool extended = extended_to && granted <= date;
  return DeadlineOn{extended ? *extended_to : deadline, extended, completed_on && completed_on->latest() <= date};
}

const Instrument* Treaty::find_instrument(std::string_view id) const {
  for (const auto& instrument : m_instruments) {
    if (instrument.id == id) {
      return &instrument;
    }
  }
  return nullptr;
}

namespace {

std::vector<Instrument> parse_instruments(const Node& list) {
  std::vector<Instrument> instruments;
  for (const auto& record : list.as_sequence()) {
    for (const auto& existing : instruments) {
      if (existing.id == record.at("id").as_text()) {
        record.at("id").fail(fmt::format("instrument '{}' is listed twice", existing.id));
      }
    }
    Instrument instrument{record.at("id").as_text(), record.at("name_en").as_text(), record.at("name_fr").as_text(),
                          std::nullopt};
    if (const Node* in_force = record.find("entry_into_force")) {
      instrument.entry_into_force = in_force->as_date();
    }
    instruments.push_back(std::move(instrument));
  }
  return instruments;
}

std::vector<Party> parse_parties(const Node& list, const Treaty& treaty, const StateTable& states) {
  std::vector<Party> parties;
  std::vector<bool> seen(states.size(), false);
  for (const auto& record : list.as_sequence()) {
    Party party;
    party.state = states.require(record.at("state"));
    if (seen[party.state]) {
      record.at("state").fail(fmt::format("party '{}' is listed twice", states[party.state].code));
    }
    seen[party.state] = true;
    if (const Node* signed_on = record.find("signed")) {
      party.signed_on = signed_on->as_date();
    }
    const Node& deposits = record.at("deposits").as_mapping();
    if (deposits.entries().empty()) {
      deposits.fail("a party needs at least one deposit");
    }
    for (const auto& entry : deposits.entries()) {
      if (!treaty.find_instrument(entry.key)) {
        entry.value.fail(fmt::format("unknown instrument '{}'", entry.key));
      }
      const util::Date deposit = entry.value.as_date();
      if (party.signed_on && entry.key == "convention" && deposit < *party.signed_on) {
        entry.value.fail(fmt::format("deposit {} is before signature {}", deposit.iso(), party.signed_on->iso()));
      }
      party.deposits.emplace(entry.key, deposit);
    }
    parties.push_back(std::move(party));
  }
  return parties;
}

std::vector<Withdrawal> parse_withdrawals(const Node& list, const Treaty& treaty, const StateTable& states) {
  std::vector<Withdrawal> withdrawals;
  for (const auto& record : list.as_sequence()) {
    Withdrawal w{states.require(record.at("state")), record.at("instrument").as_text(), record.at("notified").as_date(),
                 record.at("effective").as_date()};
    const Party* party = treaty.find_party(w.state);
    const auto deposit = party ? party->deposits.find(w.instrument) : decltype(party->deposits)::const_iterator{};
    if (!party || deposit == party->deposits.end()) {
      record.at("state").fail(fmt::format("'{}' withdraws from an instrument it never deposited", states[w.state].code));
    }
    if (w.notified < deposit->second || w.effective < w.notified) {
      record.at("effective").fail("expected deposit <= notified <= effective");
    }
    withdrawals.push_back(std::move(w));
  }
  return withdrawals;
}

std::vector<ReportingObligation> parse_reporting(const Node& list, const Treaty& treaty) {
  std::vector<ReportingObligation> reporting;
  for (const auto& record : list.as_sequence()) {
    ReportingObligation obligation;
    obligation.id = record.at("id").as_text();
    obligation.instrument = record.at("instrument").as_text();
    const Instrument* instrument = treaty.find_instrument(obligation.instrument);
    if (!instrument) {
      record.at("instrument").fail(fmt::format("unknown instrument '{}'", obligation.instrument));
    }
    if (!instrument->entry_into_force) {
      record.at("instrument").fail(fmt::format("instrument '{}' has reporting obligations but no entry_into_force date "
                                               "in 'instruments'", obligation.instrument));
    }
    obligation.name_en = record.at("name_en").as_text();
    obligation.name_fr = record.at("name_fr").as_text();
    obligation.basis = record.at("basis").as_text();
    if (const Node* days = record.find("initial_due_days")) {
      obligation.initial_due_days = days->as_int();
    }
    if (const Node* due = record.find("annual_due")) {
      obligation.annual_due = parse_month_day(*due);
    }
    if (const Node* first = record.find("first_period")) {
      obligation.first_period = first->as_int();
    }
    reporting.push_back(std::move(obligation));
  }
  return reporting;
}

std::vector<Deadline> parse_deadlines(const Node* list, const StateTable& states) {
  std::vector<Deadline> deadlines;
  if (!list) {
    return deadlines;
  }
  for (const auto& record : list->as_sequence()) {
    Deadline deadline;
    deadline.state = states.require(record.at("state"));
    deadline.article = record.at("article").as_int();
    deadline.deadline = record.at("deadline").as_date();
    if (const Node* extended = record.find("extended_to")) {
      deadline.extended_to = extended->as_date();
      if (*deadline.extended_to < deadline.deadline) {
        extended->fail("an extension ends before the original deadline");
      }
    }
    if (const Node* granted = record.find("extended_on")) {
      if (!deadline.extended_to) {
        granted->fail("extended_on without extended_to");
      }
      deadline.extended_on = granted->as_partial_date();
    }
    if (const Node* completed = record.find("completed_on")) {
      deadline.completed_on = completed->as_partial_date();
    }
    deadline.note = record.text_or("note");
    deadlines.push_back(std::move(deadline));
  }
  return deadlines;
}

CostSharing parse_cost_sharing(const Node& sharing, const Treaty& treaty, const StateTable& states) {
  CostSharing c;
  c.instrument = sharing.at("instrument").as_text();
  if (!treaty.find_instrument(c.instrument)) {
    sharing.at("instrument").fail(fmt::format("unknown instrument '{}'", c.instrument));
  }
  for (const auto& scale : sharing.at("scales").as_sequence()) {
    c.scales.push_back(scale.as_text());
  }
  if (const Node* without = sharing.find("without_un_rate")) {
    c.without_un_rate = without->as_decimal();
    c.has_without_un_rate = true;
  }
  c.ceiling = optional_rate(sharing, "ceiling");
  c.floor = optional_rate(sharing, "floor");
  c.ldc_ceiling = optional_rate(sharing, "ldc_ceiling");
  if (const Node* minimum = sharing.find("minimum_contribution")) {
    c.minimum_contribution = minimum->as_money(treaty.currency());
  }
  if (!c.has_without_un_rate) {
    for (const auto& party : treaty.parties()) {
      if (!states[party.state].un_member) {
        sharing.fail(fmt::format("party '{}' has no UN rate: cost_sharing needs without_un_rate", states[party.state].code));
      }
    }
  }
  return c;
}

Isu parse_isu(const Node& isu) {
  Isu result{isu.at("name_en").as_text(), isu.at("name_fr").as_text(), {}, isu.text_or("email")};
  for (const auto& line : isu.at("address").as_sequence()) {
    result.address.push_back(line.as_text());
  }
  return result;
}

} // namespace

Treaty Treaty::from_document(const Node& root, const StateTable& states) {
  Treaty t;
  t.m_id = root.at("id").as_text();
  t.m_short_en = root.at("short_name_en").as_text();
  t.m_short_fr = root.at("short_name_fr").as_text();
  t.m_name_en = root.at("name_en").as_text();
  t.m_name_fr = root.at("name_fr").as_text();
  t.m_currency = root.at("currency").as_currency();
  t.m_eif = parse_eif(root.at("entry_into_force"));
  t.m_instruments = parse_instruments(root.at("instruments"));
  t.m_parties = parse_parties(root.at("parties"), t, states);
  for (const auto& record : root.at("signatories").as_sequence()) {
    t.m_signatories.push_back(Signatory{states.require(record.at("state")), record.at("signed").as_date()});
  }
  t.m_withdrawals = parse_withdrawals(root.at("withdrawals"), t, states);
  t.m_reporting = parse_reporting(root.at("reporting"), t);
  if (const Node* rules = root.find("deadline_rules")) {
    for (const auto& record : rules->as_sequence()) {
      t.m_deadline_rules.push_back(DeadlineRule{record.at("article").as_int(),
                                                record.at("years_after_entry_into_force").as_int(),
                                                record.at("name_en").as_text(), record.at("name_fr").as_text()});
    }
  }
  t.m_deadlines = parse_deadlines(root.find("deadlines"), states);
  t.m_cost_sharing = parse_cost_sharing(root.at("cost_sharing"), t, states);
  t.m_isu = parse_isu(root.at("isu"));
  return t;
}

const Party* Treaty::find_party(StateId state) const {
  for (const auto& party : m_parties) {
    if (party.state == state) {
      return &party;
    }
  }
  return nullptr;
}

std::optional<util::Date> Treaty::deposit(StateId state, std::string_view instrument) const {
  const Party* party = find_party(state);
  if (!party) {
    return std::nullopt;
  }
  const auto deposit = party->deposits.find(std::string(instrument));
  if (deposit == party->deposits.end()) {
    return std::nullopt;
  }
  return deposit->second;
}

std::optional<util::Date> Treaty::entry_into_force(StateId state, std::string_view instrument) const {
  const auto deposited = deposit(state, instrument);
  if (!deposited) {
    return std::nullopt;
  }
  const util::Date computed = m_eif.apply(*deposited);
  const auto& own = find_instrument(instrument)->entry_into_force;
  return own && computed < *own ? *own : computed;
}

bool Treaty::is_party(StateId state, std::string_view instrument, const util::Date& date, Basis basis) const {
  const auto from = basis == Basis::deposit ? deposit(state, instrument) : entry_into_force(state, instrument);
  if (!from || date < *from) {
    return false;
  }
  return std::none_of(m_withdrawals.begin(), m_withdrawals.end(), [&](const Withdrawal& w) {
    return w.state == state && w.instrument == instrument && w.effective <= date;
  });
}

std::vector<StateId> Treaty::parties_on(std::string_view instrument, const util::Date& date, Basis basis) const {
  std::vector<StateId> result;
  for (const auto& party : m_parties) {
    if (is_party(party.state, instrument, date, basis)) {
      result.push_back(party.state);
    }
  }
  return result;
}

void add_letter_fields(io::Node& context, const Treaty& treaty, util::Lang lang) {
  Node about = Node::mapping();
  about.add("name", Node::string(treaty.name(lang)));
  about.add("short_name", Node::string(treaty.short_name(lang)));
  context.add("treaty", std::move(about));
  Node isu = Node::mapping();
  isu.add("name", Node::string(lang == util::Lang::fr ? treaty.isu().name_fr : treaty.isu().name_en));
  Node address = Node::sequence();
  for (const auto& line : treaty.isu().address) {
    address.push(Node::string(line));
  }
  isu.add("address", std::move(address));
  isu.add("email", treaty.isu().email.empty() ? Node::null() : Node::string(treaty.isu().email));
  context.add("isu", std::move(isu));
}

} // namespace isukit::model
