#include <isukit/io/shape.hpp>
#include <isukit/model/catalogue.hpp>
#include <isukit/model/treaty.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace isukit::model {

using io::Node;

namespace {

/// A day that comes back every year, MM-DD (annual_due). 02-29 is refused at its position: it
/// is no day of three years in four, where the due date would be computed as an impossible date.
MonthDay parse_yearly_day(const Node &node) {
  const std::string &text = node.as_text();
  const auto date = util::Date::parse("2000-" + text); // a leap year accepts 02-29
  if (text.size() != 5 || !date) {
    node.fail(util::impossible_date(text, "%m-%d")
                  .value_or(fmt::format("expected a month and day MM-DD, got '{}'", text)));
  }
  if (date->month() == 2 && date->day() == 29) {
    node.fail(fmt::format("{} is not a day of every year: a yearly date must be one (February "
                          "has 29 days in leap years only)",
                          text));
  }
  return MonthDay{date->month(), date->day()};
}

/// A count of months, days or years added to a date: at most a century's worth, so that a
/// hostile figure fails here, at its position, and not in the date arithmetic.
int bounded(const Node &node, int max) {
  const int value = node.as_int();
  if (value > max) {
    node.fail(fmt::format("expected at most {}, got {}", max, value));
  }
  return value;
}

EntryIntoForceRule parse_eif(const Node &node) {
  EntryIntoForceRule rule;
  const Node &kind = node.at("rule");
  if (kind.as_text() == "months_after_deposit") {
    rule.kind = EntryIntoForceRule::Kind::months_after_deposit;
  } else if (kind.text() == "first_of_month_after_deposit") {
    rule.kind = EntryIntoForceRule::Kind::first_of_month_after_deposit;
  } else {
    kind.fail(fmt::format("unknown entry-into-force rule '{}' (expected months_after_deposit or "
                          "first_of_month_after_deposit)",
                          kind.text()));
  }
  rule.months = bounded(node.at("months"), 1200);
  return rule;
}

} // namespace

util::Date EntryIntoForceRule::apply(const util::Date &deposit) const {
  return kind == Kind::months_after_deposit ? deposit.add_months(months)
                                            : deposit.first_of_month().add_months(months);
}

DeadlineOn Deadline::known_on(const util::Date &date) const {
  const util::Date granted = extended_on ? extended_on->latest() : deadline;
  const bool extended = extended_to && granted <= date;
  return DeadlineOn{extended ? *extended_to : deadline, extended,
                    completed_on && completed_on->latest() <= date};
}

const Instrument *Treaty::find_instrument(std::string_view id) const {
  for (const auto &instrument : m_instruments) {
    if (instrument.id == id) {
      return &instrument;
    }
  }
  return nullptr;
}

namespace {

std::vector<Instrument> parse_instruments(const Node &list,
                                          const std::vector<std::string> &languages) {
  std::vector<Instrument> instruments;
  for (const auto &record : list.as_sequence()) {
    for (const auto &existing : instruments) {
      if (existing.id == record.at("id").as_text()) {
        record.at("id").fail(fmt::format("instrument '{}' is listed twice", existing.id));
      }
    }
    Instrument instrument{record.at("id").as_text(), read_local_text(record, "name", languages),
                          std::nullopt, read_optional_local_text(record, "outreach"),
                          record.mark()};
    if (const Node *in_force = record.find("entry_into_force")) {
      instrument.entry_into_force = in_force->as_date();
    }
    instruments.push_back(std::move(instrument));
  }
  return instruments;
}

std::vector<Organization> parse_organizations(const Node &list, const StateTable &states,
                                              const std::vector<std::string> &languages) {
  std::vector<Organization> organizations;
  for (const auto &record : list.as_sequence()) {
    const Node &code = record.at("code");
    if (states.find(code.as_text())) {
      code.fail(fmt::format("'{}' is a state's code; an organization needs its own", code.text()));
    }
    for (const auto &existing : organizations) {
      if (existing.code == code.text()) {
        code.fail(fmt::format("organization '{}' is listed twice", existing.code));
      }
    }
    organizations.push_back(Organization{code.text(), read_local_text(record, "name", languages)});
  }
  return organizations;
}

/// Who a party record names: `state: ISO` or `organization: CODE`, exactly one.
void parse_party_identity(const Node &record, Party &party, const Treaty &treaty,
                          const StateTable &states) {
  const Node *organization = record.find("organization");
  if (!organization) {
    party.state = states.require(record.at("state"));
    return;
  }
  if (record.find("state")) {
    organization->fail("a party is either a state or an organization, not both");
  }
  const auto &known = treaty.organizations();
  const auto found = std::find_if(known.begin(), known.end(), [&](const Organization &o) {
    return o.code == organization->as_text();
  });
  if (found == known.end()) {
    organization->fail(fmt::format("unknown organization '{}' (list it under organizations)",
                                   organization->text()));
  }
  party.organization = static_cast<std::size_t>(found - known.begin());
}

void parse_deposits(const Node &deposits, Party &party, const Treaty &treaty) {
  if (deposits.as_mapping().entries().empty()) {
    deposits.fail(
        "a party needs at least one deposit (or no deposits field: a party in every year)");
  }
  for (const auto &entry : deposits.entries()) {
    if (!treaty.find_instrument(entry.key)) {
      entry.value.fail(fmt::format("unknown instrument '{}'", entry.key));
    }
    const util::Date deposit = entry.value.as_date();
    if (party.signed_on && entry.key == "convention" && deposit < *party.signed_on) {
      entry.value.fail(
          fmt::format("deposit {} is before signature {}", deposit.iso(), party.signed_on->iso()));
    }
    party.deposits.emplace(entry.key, deposit);
  }
}

std::vector<Party> parse_parties(const Node &list, const Treaty &treaty, const StateTable &states) {
  std::vector<Party> parties;
  std::vector<std::string> seen;
  for (const auto &record : list.as_sequence()) {
    Party party;
    parse_party_identity(record, party, treaty, states);
    const std::string &code = treaty.party_code(party, states);
    if (std::find(seen.begin(), seen.end(), code) != seen.end()) {
      record.fail(fmt::format("party '{}' is listed twice", code));
    }
    seen.push_back(code);
    if (const Node *signed_on = record.find("signed")) {
      party.signed_on = signed_on->as_date();
    }
    party.how = record.text_or("how");
    if (const Node *deposits = record.find("deposits")) {
      parse_deposits(*deposits, party, treaty);
    }
    parties.push_back(std::move(party));
  }
  return parties;
}

std::vector<Withdrawal> parse_withdrawals(const Node &list, const Treaty &treaty,
                                          const StateTable &states) {
  std::vector<Withdrawal> withdrawals;
  io::NamedOnce named("withdrawal", "'withdrawals'"); // a second would be ignored (find_withdrawal)
  for (const auto &record : list.as_sequence()) {
    Withdrawal w{states.require(record.at("state")), record.at("instrument").as_text(),
                 record.at("notified").as_date(), record.at("effective").as_date(), record.mark()};
    named.require_new(record.at("state"), fmt::format("{} {}", states[w.state].code, w.instrument));
    const Party *party = treaty.find_party(w.state);
    const auto deposit =
        party ? party->deposits.find(w.instrument) : decltype(party->deposits)::const_iterator{};
    if (!party || deposit == party->deposits.end()) {
      record.at("state").fail(fmt::format("'{}' withdraws from an instrument it never deposited",
                                          states[w.state].code));
    }
    if (w.notified < deposit->second || w.effective < w.notified) {
      record.at("effective").fail("expected deposit <= notified <= effective");
    }
    withdrawals.push_back(std::move(w));
  }
  return withdrawals;
}

/// An obligation's `basis_CODE` texts (English standing for a language not given, as for its
/// name), or a plain `basis` standing for every language (a user's treaty file of one language).
util::LocalText read_basis(const Node &record, const std::vector<std::string> &languages) {
  const Node *plain = record.find("basis");
  if (!plain) {
    return read_local_text(record, "basis", languages);
  }
  if (record.find("basis_en")) {
    plain->fail("give 'basis' or 'basis_en' (and the other languages), not both");
  }
  util::LocalText basis;
  basis.set_default(plain->as_text());
  return basis;
}

std::vector<ReportingObligation> parse_reporting(const Node &list, const Treaty &treaty,
                                                 const std::vector<std::string> &languages) {
  std::vector<ReportingObligation> reporting;
  for (const auto &record : list.as_sequence()) {
    ReportingObligation obligation;
    obligation.id = record.at("id").as_text();
    obligation.instrument = record.at("instrument").as_text();
    const Instrument *instrument = treaty.find_instrument(obligation.instrument);
    if (!instrument) {
      record.at("instrument").fail(fmt::format("unknown instrument '{}'", obligation.instrument));
    }
    if (!instrument->entry_into_force) {
      record.at("instrument")
          .fail(
              fmt::format("instrument '{}' has reporting obligations but no entry_into_force date "
                          "in 'instruments'",
                          obligation.instrument));
    }
    obligation.name = read_local_text(record, "name", languages);
    obligation.basis = read_basis(record, languages);
    if (const Node *days = record.find("initial_due_days")) {
      obligation.initial_due_days = bounded(*days, 36525);
    }
    if (const Node *due = record.find("annual_due")) {
      obligation.annual_due = parse_yearly_day(*due);
    }
    if (const Node *first = record.find("first_period")) {
      obligation.first_period = first->as_int();
    }
    reporting.push_back(std::move(obligation));
  }
  return reporting;
}

std::vector<Deadline> parse_deadlines(const Node *list, const StateTable &states) {
  std::vector<Deadline> deadlines;
  if (!list) {
    return deadlines;
  }
  for (const auto &record : list->as_sequence()) {
    Deadline deadline;
    deadline.state = states.require(record.at("state"));
    deadline.article = record.at("article").as_int();
    deadline.deadline = record.at("deadline").as_date();
    if (const Node *extended = record.find("extended_to")) {
      deadline.extended_to = extended->as_date();
      if (*deadline.extended_to < deadline.deadline) {
        extended->fail("an extension ends before the original deadline");
      }
    }
    if (const Node *granted = record.find("extended_on")) {
      if (!deadline.extended_to) {
        granted->fail("extended_on without extended_to");
      }
      deadline.extended_on = granted->as_partial_date();
    }
    if (const Node *completed = record.find("completed_on")) {
      deadline.completed_on = completed->as_partial_date();
    }
    deadline.note = record.text_or("note");
    deadlines.push_back(std::move(deadline));
  }
  return deadlines;
}

/// The `invoices` section's rule, or the default one without it.
DueRule parse_due_rule(const Node *invoices) {
  DueRule rule;
  if (!invoices) {
    return rule;
  }
  if (const Node *days = invoices->find("due_days_after_issue")) {
    rule.days_after_issue = bounded(*days, 366);
  }
  if (const Node *year = invoices->find("due_not_before_year")) {
    rule.not_before_year = year->as_bool();
  }
  rule.basis = invoices->text_or("basis");
  return rule;
}

/// The `reports_to` section: `email` required, `copy` optional (`source` is for people).
ReportsTo parse_reports_to(const Node *section) {
  if (!section) {
    return {};
  }
  return ReportsTo{section->at("email").as_text(), section->text_or("copy")};
}

} // namespace

namespace {

/// A sequence that a fund need not have: empty when the key is absent.
const std::vector<Node> &optional_list(const Node &root, std::string_view key) {
  static const std::vector<Node> none;
  const Node *list = root.find(key);
  return list ? list->as_sequence() : none;
}

std::vector<Signatory> parse_signatories(const Node &root, const StateTable &states) {
  std::vector<Signatory> signatories;
  io::NamedOnce named("signatory", "'signatories'"); // a second would be ignored (signed_on)
  for (const auto &record : optional_list(root, "signatories")) {
    named.require_new(record.at("state"), states[states.require(record.at("state"))].code);
    signatories.push_back(
        Signatory{states.require(record.at("state")), record.at("signed").as_date()});
  }
  return signatories;
}

std::vector<DeadlineRule> parse_deadline_rules(const Node &root,
                                               const std::vector<std::string> &languages) {
  std::vector<DeadlineRule> rules;
  for (const auto &record : optional_list(root, "deadline_rules")) {
    rules.push_back(DeadlineRule{record.at("article").as_int(),
                                 bounded(record.at("years_after_entry_into_force"), 100),
                                 read_local_text(record, "name", languages)});
  }
  return rules;
}

/// The `arrears` section (consequence_CODE, at least in English, and its optional basis as a
/// reporting obligation's: basis_CODE or one plain basis); none without it.
ArrearsConsequence parse_arrears(const Node *section, const std::vector<std::string> &languages) {
  if (!section) {
    return {};
  }
  const bool basis_given =
      section->find("basis") || !read_local_text(*section, "basis").all().empty();
  return ArrearsConsequence{read_local_text(*section, "consequence", languages),
                            basis_given ? read_basis(*section, languages) : util::LocalText()};
}

} // namespace

Treaty Treaty::from_document(const Node &root, const StateTable &states,
                             const std::vector<std::string> &languages) {
  Treaty t;
  t.m_id = root.at("id").as_text();
  t.m_source = io::Source::of(root, "source.treaty");
  t.m_name = read_local_text(root, "name", languages);
  t.m_short_name = read_local_text(root, "short_name");
  t.m_short_name.set_default(root.text_or("short_name_en", t.m_id));
  t.m_currency = root.at("currency").as_currency();
  if (const Node *eif = root.find("entry_into_force")) {
    t.m_eif = parse_eif(*eif);
  } else {
    t.m_eif.months = 0; // without a rule, an instrument is in force for a party from its deposit
  }
  if (const Node *instruments = root.find("instruments")) {
    t.m_instruments = parse_instruments(*instruments, languages);
  }
  if (const Node *organizations = root.find("organizations")) {
    t.m_organizations = parse_organizations(*organizations, states, languages);
  }
  t.m_parties = parse_parties(root.at("parties"), t, states);
  t.m_signatories = parse_signatories(root, states);
  if (const Node *withdrawals = root.find("withdrawals")) {
    t.m_withdrawals = parse_withdrawals(*withdrawals, t, states);
  }
  if (const Node *reporting = root.find("reporting")) {
    t.m_reporting = parse_reporting(*reporting, t, languages);
  }
  t.m_deadline_rules = parse_deadline_rules(root, languages);
  t.m_deadlines = parse_deadlines(root.find("deadlines"), states);
  t.m_cost_sharing = parse_cost_sharing(root.at("cost_sharing"), t, states);
  if (const Node *isu = root.find("isu")) {
    t.m_isu = read_isu(*isu, languages);
  }
  t.m_due_rule = parse_due_rule(root.find("invoices"));
  t.m_reports_to = parse_reports_to(root.find("reports_to"));
  t.m_arrears = parse_arrears(root.find("arrears"), languages);
  return t;
}

const std::string &Treaty::party_code(const Party &party, const StateTable &states) const {
  return party.organization ? m_organizations[*party.organization].code : states[party.state].code;
}

const Party *Treaty::find_party(StateId state) const {
  for (const auto &party : m_parties) {
    if (!party.organization && party.state == state) {
      return &party;
    }
  }
  return nullptr;
}

std::optional<util::Date> Treaty::deposit(StateId state, std::string_view instrument) const {
  const Party *party = find_party(state);
  if (!party) {
    return std::nullopt;
  }
  const auto deposit = party->deposits.find(std::string(instrument));
  if (deposit == party->deposits.end()) {
    return std::nullopt;
  }
  return deposit->second;
}

std::optional<util::Date> Treaty::signature(StateId state) const {
  if (const Party *party = find_party(state); party && party->signed_on) {
    return party->signed_on;
  }
  for (const auto &signatory : m_signatories) {
    if (signatory.state == state) {
      return signatory.signed_on;
    }
  }
  return std::nullopt;
}

const Withdrawal *Treaty::find_withdrawal(StateId state, std::string_view instrument) const {
  for (const auto &w : m_withdrawals) {
    if (w.state == state && w.instrument == instrument) {
      return &w;
    }
  }
  return nullptr;
}

std::optional<util::Date> Treaty::entry_into_force(StateId state,
                                                   std::string_view instrument) const {
  const auto deposited = deposit(state, instrument);
  if (!deposited) {
    return std::nullopt;
  }
  const util::Date computed = m_eif.apply(*deposited);
  const auto &own = find_instrument(instrument)->entry_into_force;
  return own && computed < *own ? *own : computed;
}

bool Treaty::is_party(StateId state, std::string_view instrument, const util::Date &date,
                      Basis basis) const {
  const auto from =
      basis == Basis::deposit ? deposit(state, instrument) : entry_into_force(state, instrument);
  if (!from || date < *from) {
    return false;
  }
  const Withdrawal *withdrawal = find_withdrawal(state, instrument);
  return !withdrawal || date < withdrawal->effective;
}

std::vector<StateId> Treaty::deposited_by(std::string_view instrument,
                                          const util::Date &date) const {
  std::vector<StateId> result;
  for (const auto &party : m_parties) {
    const auto deposit = party.deposits.find(std::string(instrument));
    if (!party.organization && deposit != party.deposits.end() && deposit->second <= date) {
      result.push_back(party.state);
    }
  }
  return result;
}

std::vector<StateId> Treaty::parties_on(std::string_view instrument, const util::Date &date,
                                        Basis basis) const {
  std::vector<StateId> result = deposited_by(instrument, date);
  std::erase_if(result, [&](StateId state) { return !is_party(state, instrument, date, basis); });
  return result;
}

bool Treaty::contributes_on(const Party &party, const util::Date &date) const {
  const std::string &instrument = m_cost_sharing.instrument;
  if (party.deposits.empty()) {
    return true;
  }
  const auto deposit = party.deposits.find(instrument);
  return party.organization ? deposit != party.deposits.end() && deposit->second <= date
                            : is_party(party.state, instrument, date, Basis::deposit);
}

std::vector<const Party *> Treaty::contributors_on(const util::Date &date) const {
  std::vector<const Party *> result;
  for (const auto &party : m_parties) {
    if (contributes_on(party, date)) {
      result.push_back(&party);
    }
  }
  return result;
}

void Treaty::require_paying_party(StateId state, int year, const io::Mark &at,
                                  const StateTable &states) const {
  // The state's own record, not the whole list of contributors: a ledger checks every state it
  // assesses, and the list for each cost as much as all of them.
  const Party *party = find_party(state);
  if (party && (contributes_on(*party, util::Date(year, 1, 1)) ||
                contributes_on(*party, util::Date(year, 12, 31)))) {
    return;
  }
  util::fail_data(at.position(),
                  fmt::format("{} is not a paying party of {} in {}: no assessment is due from it",
                              states[state].code, m_id, year));
}

util::Date DueRule::due(const util::Date &issued, int year) const {
  const util::Date after_issue = issued.add_days(days_after_issue);
  if (!not_before_year) {
    return after_issue;
  }
  const util::Date year_start(year, 1, 1);
  return std::max(after_issue, year_start);
}

} // namespace isukit::model
