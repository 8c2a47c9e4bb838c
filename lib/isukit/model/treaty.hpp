// A treaty: its instruments, parties and their dates, entry into force, reporting obligations,
// treaty deadlines, cost-sharing rule and the ISU that runs it.
#pragma once

#include <isukit/model/cost_sharing.hpp>
#include <isukit/model/isu.hpp>
#include <isukit/model/states.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/money.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isukit::model {

/// How a state's entry into force follows from its deposit date.
struct EntryIntoForceRule {
  enum class Kind {
    months_after_deposit,         // CCW Art. 5: six months after the date of deposit
    first_of_month_after_deposit, // CCM Art. 17(2): first day of the sixth month after deposit
  };
  Kind kind = Kind::months_after_deposit;
  int months = 6;

  /// The rule applied to a deposit alone; Treaty::entry_into_force also respects the
  /// instrument's own date.
  util::Date apply(const util::Date &deposit) const;
};

struct Instrument {
  std::string id;
  util::LocalText name;
  /// The instrument's own entry into force (CCW Protocol V: 2006-11-12; CCM Art. 17(1):
  /// 2010-08-01); required of an instrument with reporting obligations.
  std::optional<util::Date> entry_into_force;
  /// Why joining matters, for outreach letters (outreach_CODE): short neutral text; empty in a
  /// language not given.
  util::LocalText outreach;
  io::Mark mark;
};

/// A party that is not a state, such as a regional economic integration organization (the
/// European Union): it pays only a fixed share, having no rate on the UN scale.
struct Organization {
  std::string code; // as the file gives it ("EU"); never a state's code
  util::LocalText names;

  const std::string &name(const util::Lang &lang) const { return names.in(lang); }
};

struct Party {
  StateId state = 0;                       // unless `organization` is set
  std::optional<std::size_t> organization; // index in Treaty::organizations()
  std::optional<util::Date> signed_on;
  std::string how; // ratification, accession, succession...; empty when the source does not say
  std::map<std::string, util::Date> deposits; // by instrument id; none: party in every year
};

struct Withdrawal {
  StateId state = 0;
  std::string instrument;
  util::Date notified;
  util::Date effective;
  io::Mark mark; // its record in the treaty file, for the notes about it
};

struct Signatory {
  StateId state = 0;
  util::Date signed_on;
};

/// A month and day on which an annual report falls due (31 March).
struct MonthDay {
  unsigned month = 1;
  unsigned day = 1;
};

struct ReportingObligation {
  std::string id;
  std::string instrument;
  util::LocalText name;
  util::LocalText basis;               // the article or decision it is owed under, in each language
  std::optional<int> initial_due_days; // after entry into force
  std::optional<MonthDay> annual_due;
  std::optional<int> first_period; // no annual report covers an earlier year (CCW compliance: 2007)
};

/// Where a party sends its national reports, from the treaty file's `reports_to` (CCM: to the
/// UN Secretary-General at ccm@un.org, with a copy to the ISU); an empty email where the file
/// gives none, and the reminders then name the ISU's address.
struct ReportsTo {
  std::string email;
  std::string copy; // empty: no copy asked for
};

/// A treaty deadline that runs from entry into force (CCM Art. 3: 8 years; Art. 4: 10 years).
struct DeadlineRule {
  int article = 0;
  int years = 0;
  util::LocalText name;
};

/// A deadline as the records known on a date show it.
struct DeadlineOn {
  util::Date current; // the extended date when the extension is known, else the original
  bool extended = false;
  bool completed = false;
};

/// A state's deadline under an article, with the latest extension granted and completion.
struct Deadline {
  StateId state = 0;
  int article = 0;
  util::Date deadline;
  std::optional<util::Date> extended_to;
  std::optional<util::PartialDate> extended_on; // when the extension was granted, if recorded
  std::optional<util::PartialDate> completed_on;
  std::string note;

  const util::Date &current() const { return extended_to ? *extended_to : deadline; }
  /// The deadline as known on `date`: a completion counts from its date, an extension from
  /// the date it was granted (the last day of the month or year when only those are known);
  /// an extension without a grant date counts from the original deadline, by which Art. 3(3)
  /// and 4(5)-(6) have it requested and decided.
  DeadlineOn known_on(const util::Date &date) const;
};

/// When an invoice is due (assess.1, DUE DATES): `days_after_issue` days after its date of
/// issue, and, with `not_before_year`, not before the first day of the year it relates to;
/// `basis` names the rule's source. A treaty file without `invoices` has 30 days after issue.
struct DueRule {
  int days_after_issue = 30;
  bool not_before_year = false;
  std::string basis;

  util::Date due(const util::Date &issued, int year) const;
};

/// What the treaty itself says befalls a party in arrears under the test of Article 19 of the
/// UN Charter (arrears equal to or above its contributions for the two preceding full years):
/// the treaty file's optional `arrears` section, `consequence_CODE` texts in the treaty's own
/// terms and the `basis` they come from. No shipped treaty file has one: no CCW or CCM rule on
/// arrears was found (shared/reference/treaty-rules.md, section 5), and none is invented.
struct ArrearsConsequence {
  util::LocalText text;  // empty: the treaty gives none
  util::LocalText basis; // the provision, in each language; empty: not given
};

class Treaty {
public:
  /// Reads and checks a `treaty` document: every key known, every code known, instruments
  /// defined before they are used, signature before deposit before withdrawal, every party
  /// payable. Only the names, currency, cost sharing and parties are required: a trust fund
  /// has no entry-into-force rule, instruments, signatories, withdrawals, reporting or ISU.
  /// Every text (name_CODE) is given in each of `languages`, except the short name, which is
  /// short_name_en (else the id) in a language the file does not give.
  static Treaty from_document(const io::Node &root, const StateTable &states,
                              const std::vector<std::string> &languages);

  const std::string &id() const { return m_id; }
  /// Where the parties, dates and rules come from (the file's `source` and `as_of`).
  const io::Source &source() const { return m_source; }
  const std::string &short_name(const util::Lang &lang) const { return m_short_name.in(lang); }
  /// The short name in every language: `short_name_en`... (invoice references use English).
  const util::LocalText &short_names() const { return m_short_name; }
  const std::string &name(const util::Lang &lang) const { return m_name.in(lang); }
  const util::Currency &currency() const { return m_currency; }
  const EntryIntoForceRule &entry_into_force_rule() const { return m_eif; }
  const std::vector<Instrument> &instruments() const { return m_instruments; }
  const Instrument *find_instrument(std::string_view id) const;
  const std::vector<Organization> &organizations() const { return m_organizations; }
  const std::vector<Party> &parties() const { return m_parties; }
  /// The code of a party: its state's ISO code or its organization's code.
  const std::string &party_code(const Party &party, const StateTable &states) const;
  const std::vector<Signatory> &signatories() const { return m_signatories; }
  const std::vector<Withdrawal> &withdrawals() const { return m_withdrawals; }
  const std::vector<ReportingObligation> &reporting() const { return m_reporting; }
  const std::vector<DeadlineRule> &deadline_rules() const { return m_deadline_rules; }
  const std::vector<Deadline> &deadlines() const { return m_deadlines; }
  const CostSharing &cost_sharing() const { return m_cost_sharing; }
  const Isu &isu() const { return m_isu; }
  const DueRule &due_rule() const { return m_due_rule; }
  const ReportsTo &reports_to() const { return m_reports_to; }
  /// Empty (no text in any language) unless the treaty file has an `arrears` section.
  const ArrearsConsequence &arrears_consequence() const { return m_arrears; }

  enum class Basis { deposit, in_force };

  /// The party record of a state, if it is listed among the parties.
  const Party *find_party(StateId state) const;
  /// Whether the state is party to the instrument on `date`: deposited (or in force, by
  /// basis) on or before it, and no withdrawal effective on or before it.
  bool is_party(StateId state, std::string_view instrument, const util::Date &date,
                Basis basis) const;
  /// The states that deposited the instrument on or before `date`, whether or not in force then
  /// and whether or not they have withdrawn since (a withdrawn state still owed the reports due
  /// while it was a party), in the file's order. Organizations are not listed: reports and
  /// sponsorship are for States Parties. A party without deposit dates is in no such list.
  std::vector<StateId> deposited_by(std::string_view instrument, const util::Date &date) const;
  /// The states party on `date`: those of deposited_by that is_party counts on `date` (in force
  /// by then with Basis::in_force; no withdrawal effective on or before it).
  std::vector<StateId> parties_on(std::string_view instrument, const util::Date &date,
                                  Basis basis) const;
  /// The parties that contribute on `date`, states and organizations, in the file's order: those
  /// party to the cost-sharing instrument by deposit, and those listed without deposit dates.
  std::vector<const Party *> contributors_on(const util::Date &date) const;
  /// Fails (65) at `at` unless the state contributes in `year`: it is among contributors_on the
  /// year's first or last day. An assessment of any other state is a typo or a stale list.
  void require_paying_party(StateId state, int year, const io::Mark &at,
                            const StateTable &states) const;
  /// Entry into force for the state: the later of the treaty's rule applied to its deposit and
  /// the instrument's own entry into force. Nullopt when the state never deposited it.
  std::optional<util::Date> entry_into_force(StateId state, std::string_view instrument) const;
  /// The date the state deposited the instrument, if it did.
  std::optional<util::Date> deposit(StateId state, std::string_view instrument) const;
  /// The date the state signed the treaty, if it did (as a party or a signatory).
  std::optional<util::Date> signature(StateId state) const;
  /// The withdrawal of the state from the instrument, if one was notified.
  const Withdrawal *find_withdrawal(StateId state, std::string_view instrument) const;

private:
  /// Whether the party contributes on `date` (see contributors_on).
  bool contributes_on(const Party &party, const util::Date &date) const;

  std::string m_id;
  io::Source m_source;
  util::LocalText m_short_name, m_name;
  util::Currency m_currency;
  EntryIntoForceRule m_eif;
  std::vector<Instrument> m_instruments;
  std::vector<Organization> m_organizations;
  std::vector<Party> m_parties;
  std::vector<Signatory> m_signatories;
  std::vector<Withdrawal> m_withdrawals;
  std::vector<ReportingObligation> m_reporting;
  std::vector<DeadlineRule> m_deadline_rules;
  std::vector<Deadline> m_deadlines;
  CostSharing m_cost_sharing;
  Isu m_isu;
  DueRule m_due_rule;
  ReportsTo m_reports_to;
  ArrearsConsequence m_arrears;
};

} // namespace isukit::model
