#include <isukit/assess/export_rows.hpp>
#include <isukit/assess/import.hpp>
#include <isukit/io/camt_reader.hpp>
#include <isukit/model/ledger.hpp>
#include <isukit/util/text.hpp>
#include <isukit/util/text_encoding.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace isukit::assess {

using model::ExportField;
using model::OutgoingRule;

namespace {

[[noreturn]] void fail_at(const io::Mark &mark, std::string message) {
  util::fail_data(mark.position(), std::move(message));
}

std::string located(const io::Mark &mark) {
  return fmt::format("{}:{}", mark.file ? *mark.file : "", mark.line);
}

std::string state_list(const std::vector<model::StateId> &ids, const model::StateTable &states) {
  std::string list;
  for (auto id : ids) {
    list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", states[id].code,
                        states[id].name("en")); // diagnostics are English
  }
  return list;
}

/// Why a payer is not matched, for the error that lists it.
std::string payer_problem(const ImportedPayment &payment, const model::StateTable &states) {
  const auto &match = payment.match;
  if (payment.payer.empty()) {
    return "no payer on the row";
  }
  if (match.outcome == PayerMatch::Outcome::ambiguous) {
    const auto tied = static_cast<std::ptrdiff_t>(std::min(match.tied, match.candidates.size()));
    const std::vector<model::StateId> equal(match.candidates.begin(),
                                            match.candidates.begin() + tied);
    const std::vector<model::StateId> others(match.candidates.begin() + tied,
                                             match.candidates.end());
    return fmt::format("payer '{}' is ambiguous: it fits {} equally{}; add an alias to the rules",
                       payment.payer, state_list(equal, states),
                       others.empty() ? "" : "; also close: " + state_list(others, states));
  }
  return fmt::format(
      "payer '{}' matches no state's code or name{}; add an alias or drop words to the rules",
      payment.payer,
      match.candidates.empty() ? std::string(" (no state comes close)")
                               : "; closest: " + state_list(match.candidates, states));
}

/// An account id as compared: without spaces and in capitals.
std::string account_key(std::string_view id) {
  std::string key;
  for (const char c : id) {
    if (c != ' ' && c != '\t') {
      key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return key;
}

/// What makes a payment the same as another for assess status (assess.1, Duplicates): its
/// state, date, amount, currency and reference (as status reads it, without surrounding blanks);
/// not the payer's text or the remittance, which the payments document keeps only for people.
std::string repeat_key(const ImportedPayment &payment) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", payment.match.state, payment.date.iso(),
                     payment.amount.plain(), payment.amount.currency().code(),
                     util::trim_blanks(payment.reference));
}

/// The error at `payment`, which assess status would refuse as a repeat of the payment of the
/// row at `first`: two rows that differ only in payer text or remittance.
util::Error repeated_payment(const ImportedPayment &payment, const io::Mark &first) {
  return util::Error(
      util::ExitCode::data, payment.source.position(),
      fmt::format("assess status would refuse this payment as a repeat of the row at {}: the "
                  "same state, date, amount, currency and reference{}, only the payer's text or "
                  "the remittance differ. One receipt listed twice: leave one row out; two "
                  "transfers: name the export's column that tells them apart (the bank's "
                  "reference) as the rules' 'reference'",
                  located(first),
                  payment.reference.empty() ? " (none)" : " '" + payment.reference + "'"));
}

/// Reads the exports row by row into payments, collecting every row's errors.
class Importer {
public:
  Importer(const model::ImportRules &rules, const model::StateTable &states)
      : m_rules(rules), m_states(states), m_matcher(states, rules.aliases, rules.drop_words),
        m_account(account_key(rules.account)) {}

  void add_file(const ExportFile &file);
  ImportResult finish(UnmatchedPayers unmatched);

private:
  void add_statement(const ExportFile &file, const std::string *name);
  void check_filter(const std::vector<io::CamtEntry> &entries, const std::string &file) const;
  bool on_account(const io::CamtEntry &entry) const;
  const char *left_out_reason(const io::CamtEntry &entry) const;
  void add_row(const ExportRow &row);
  bool left_out(const ExportRow &row);
  util::Currency currency_of(const ExportRow &row) const;
  util::Money parse_amount(const ExportRow &row, ExportField field,
                           const util::Currency &currency) const;
  util::Money signed_amount(const ExportRow &row) const;
  bool keeps_direction(const ExportRow &row, const util::Money &amount);
  void note_left_out(const ExportRow &row, const char *what, const util::Money &amount);
  util::Date date_of(const ExportRow &row) const;
  std::optional<int> year_of(const ExportRow &row, const util::Date &date) const;
  void report_duplicates();

  const model::ImportRules &m_rules;
  const model::StateTable &m_states;
  PayerMatcher m_matcher;
  std::string m_account; // the rules' account, as compared (account_key)
  ImportResult m_result;
  std::vector<ImportedPayment> m_all; // matched or not, in input order
  util::Diagnostics m_diagnostics;
};

void Importer::add_file(const ExportFile &file) {
  const std::string *name = io::intern_file_name(file.name);
  if (m_rules.format == model::ExportFormat::camt) {
    add_statement(file, name);
    return;
  }
  const std::string content = util::to_utf8(file.bytes, m_rules.encoding, file.name);
  for (const auto &row : read_csv_rows(content, name, m_rules)) {
    add_row(row);
  }
}

/// A statement of several accounts or currencies is read only with the rules' filter, so
/// that no account's receipts are mixed into another's.
void Importer::add_statement(const ExportFile &file, const std::string *name) {
  const auto entries = io::read_camt(file.bytes, file.name);
  check_filter(entries, file.name);
  for (const auto &entry : entries) {
    const char *reason = left_out_reason(entry);
    if (reason) {
      ++m_result.summary.rows, ++m_result.summary.left_out[reason];
    } else {
      add_row(statement_row(entry, name, m_rules));
    }
  }
}

/// The rules' account and currency must each select some entry of the statement (a typo in
/// either would import nothing), and must be given when it holds several.
void Importer::check_filter(const std::vector<io::CamtEntry> &entries,
                            const std::string &file) const {
  std::set<std::string> accounts, currencies; // currencies of the account imported
  for (const auto &entry : entries) {
    accounts.insert(entry.account);
    if (on_account(entry)) {
      currencies.insert(entry.currency);
    }
  }
  const auto refuse = [&](const std::string &problem, const std::set<std::string> &found,
                          const std::string &remedy) {
    std::string list;
    for (const auto &item : found) {
      list += fmt::format("{}{}", list.empty() ? "" : ", ", item);
    }
    throw util::Error(util::ExitCode::data, util::Position{file, 0, 0}, problem + list + remedy);
  };
  if (!m_rules.account.empty() && !entries.empty() && currencies.empty()) {
    refuse("no entry of the statement is on the rules' account " + m_rules.account +
               ": it holds the accounts ",
           accounts, "");
  }
  if (m_rules.account.empty() && accounts.size() > 1) {
    refuse("the statement holds the accounts ", accounts,
           ": name the one to import in the rules' 'account'");
  }
  if (!m_rules.currency && currencies.size() > 1) {
    refuse("the statement holds the currencies ", currencies,
           ": name the one to import in the rules' 'currency'");
  }
  const std::string currency(m_rules.currency ? m_rules.currency->code() : "");
  if (m_rules.currency && !currencies.empty() && !currencies.contains(currency)) {
    refuse("no entry of the statement" +
               (m_rules.account.empty() ? "" : " on the account " + m_rules.account) +
               " is in the rules' currency " + currency + ": it holds ",
           currencies, "");
  }
}

/// True when the rules name no account or this entry's, compared without spaces and case: an
/// IBAN's paper format ("CH56 0483 5012 3456 7800 9", ISO 13616) is its electronic one.
bool Importer::on_account(const io::CamtEntry &entry) const {
  return m_rules.account.empty() || account_key(entry.account) == m_account;
}

/// Why a statement's transaction is not imported (null: it is): another account or currency
/// than the rules', or an entry not booked (pending, information, future), which has not
/// moved money.
const char *Importer::left_out_reason(const io::CamtEntry &entry) const {
  if (!on_account(entry)) {
    return "other accounts";
  }
  if (m_rules.currency && entry.currency != m_rules.currency->code()) {
    return "other currencies";
  }
  switch (entry.status) {
  case io::CamtStatus::booked:
    return nullptr;
  case io::CamtStatus::pending:
    return "pending";
  case io::CamtStatus::information:
    return "information";
  case io::CamtStatus::future:
    return "future";
  }
  return nullptr;
}

bool Importer::left_out(const ExportRow &row) {
  for (std::size_t i = 0; i < m_rules.leave_out.size(); ++i) {
    const auto &rule = m_rules.leave_out[i];
    const std::string *text = rule.field ? &row.field(*rule.field) : nullptr;
    if (!rule.field && i < row.leave_out_cells.size()) {
      text = &row.leave_out_cells[i];
    }
    if (text && rule.pattern.matches(*text)) {
      ++m_result.summary.left_out[rule.name];
      return true;
    }
  }
  return false;
}

void Importer::add_row(const ExportRow &row) {
  ++m_result.summary.rows;
  if (left_out(row)) {
    return;
  }
  try {
    if (row.missing_cells > 0) {
      fail_at(row.mark, fmt::format("the row has {} cells, fewer than the rules' columns need",
                                    row.cell_count));
    }
    if (row.past_header) {
      fail_at(row.mark, fmt::format("the row has {} cells, more than the header's {}: a value "
                                    "holding the separator (an amount written 1,234.00 or "
                                    "100,50) must be quoted, or the cells are shifted",
                                    row.cell_count, row.header_cells));
    }
    const util::Money amount = signed_amount(row);
    if (!keeps_direction(row, amount)) {
      return;
    }
    const util::Date date = date_of(row);
    ImportedPayment payment{date,
                            amount,
                            row.field(ExportField::reference),
                            year_of(row, date),
                            row.field(ExportField::payer),
                            row.field(ExportField::remittance),
                            row.mark,
                            m_matcher.match(row.field(ExportField::payer))};
    m_all.push_back(std::move(payment));
  } catch (const util::Error &error) {
    m_diagnostics.add(error);
  }
}

util::Currency Importer::currency_of(const ExportRow &row) const {
  if (m_rules.currency && !row.from_statement) {
    return *m_rules.currency;
  }
  const std::string &text = row.field(ExportField::currency);
  const auto currency = util::Currency::parse(text);
  if (!currency) {
    fail_at(row.mark_of(ExportField::currency),
            util::Currency::refused(text, fmt::format("'{}'", text)));
  }
  return *currency;
}

util::Money Importer::parse_amount(const ExportRow &row, ExportField field,
                                   const util::Currency &currency) const {
  const std::string &text = row.field(field);
  const auto parsed = row.from_statement ? util::parse_money(text, currency)
                                         : util::parse_money(text, currency, m_rules.amount_style);
  if (!parsed.money) {
    fail_at(row.mark_of(field), parsed.error);
  }
  return *parsed.money;
}

/// The amount with its sign: credits positive, debits negative, by the rules' columns,
/// indicator or sign forms.
util::Money Importer::signed_amount(const ExportRow &row) const {
  const util::Currency currency = currency_of(row);
  if (m_rules.column(ExportField::credit).is_set()) {
    const bool credit = !row.field(ExportField::credit).empty();
    if (credit == !row.field(ExportField::debit).empty()) {
      fail_at(row.mark,
              fmt::format("the row has {} an amount in the credit column and in the debit column",
                          credit ? "both" : "neither"));
    }
    const util::Money amount =
        parse_amount(row, credit ? ExportField::credit : ExportField::debit, currency);
    const util::Money size = amount.is_negative() ? -amount : amount;
    return credit ? size : -size;
  }
  const util::Money amount = parse_amount(row, ExportField::amount, currency);
  if (!row.from_statement && !m_rules.column(ExportField::indicator).is_set()) {
    return amount;
  }
  if (row.from_statement && amount.is_negative()) {
    fail_at(row.mark_of(ExportField::amount),
            fmt::format("a camt amount has no sign (ISO 20022: CdtDbtInd gives the direction), "
                        "got '{}': the file is not valid camt",
                        row.field(ExportField::amount)));
  }
  const std::string &indicator = row.field(ExportField::indicator);
  const util::Money size = amount.is_negative() ? -amount : amount;
  if (indicator == (row.from_statement ? "CRDT" : m_rules.indicator_credit)) {
    return size;
  }
  if (indicator == (row.from_statement ? "DBIT" : m_rules.indicator_debit)) {
    return -size;
  }
  fail_at(row.mark_of(ExportField::indicator),
          fmt::format("indicator '{}' is neither '{}' (credit) nor '{}' (debit)", indicator,
                      m_rules.indicator_credit, m_rules.indicator_debit));
}

/// Counts a debit or reversal left out (`what`), naming the first ones for the note.
void Importer::note_left_out(const ExportRow &row, const char *what, const util::Money &amount) {
  ++m_result.summary.left_out[what];
  auto &rows = m_result.summary.outgoing_left_out[what];
  if (rows.size() < ImportSummary::listed_outgoing) {
    const std::string &payer = row.field(ExportField::payer);
    const std::string &remittance = row.field(ExportField::remittance);
    rows.push_back(fmt::format("{} {} {} {} ({})", row.field(ExportField::date),
                               !payer.empty()        ? payer
                               : !remittance.empty() ? "'" + remittance + "'"
                                                     : std::string("no payer"),
                               amount.currency().code(), amount.plain(), located(row.mark)));
  }
}

/// Applies the rules' `debits` and `reversals`; false when the row is left out (and a row of
/// no amount, always).
bool Importer::keeps_direction(const ExportRow &row, const util::Money &amount) {
  if (amount.is_zero()) {
    ++m_result.summary.left_out["zero amounts"]; // a line that moves no money pays nothing
    return false;
  }
  if (!row.reversal && !amount.is_negative()) {
    return true;
  }
  const char *what = row.reversal ? "reversals" : "debits";
  switch (row.reversal ? m_rules.reversals : m_rules.debits) {
  case OutgoingRule::keep:
    return true;
  case OutgoingRule::leave_out:
    note_left_out(row, what, amount);
    return false;
  case OutgoingRule::refuse:
    break;
  }
  fail_at(row.mark, fmt::format("{} of {} {}: the rules' '{}' is refuse (say leave_out or keep)",
                                row.reversal ? "a reversal" : "a debit (money out of the account)",
                                amount.currency().code(), amount.plain(), what));
}

util::Date Importer::date_of(const ExportRow &row) const {
  const std::string &text = row.field(ExportField::date);
  const auto date = row.from_statement ? util::Date::parse(text)
                                       : util::Date::parse_with_format(text, m_rules.date_format);
  if (!date) {
    const std::string_view format =
        row.from_statement ? std::string_view() : std::string_view(m_rules.date_format);
    fail_at(row.mark_of(ExportField::date),
            util::impossible_date(text, format)
                .value_or(fmt::format("expected a date as {}, got '{}'",
                                      format.empty() ? "YYYY-MM-DD" : format, text)));
  }
  if (!util::is_working_year(date->year())) {
    fail_at(row.mark_of(ExportField::date), util::outside_working_years(text));
  }
  return *date;
}

/// The year the row's payment is for, from the year column or the remittance (year_pattern);
/// a year assess status would refuse for the row's `date` is an error at the row.
std::optional<int> Importer::year_of(const ExportRow &row, const util::Date &date) const {
  std::string text = row.field(ExportField::year);
  io::Mark mark = row.mark_of(ExportField::year);
  if (text.empty() && m_rules.year_pattern) {
    if (auto found = m_rules.year_pattern->find(row.field(ExportField::remittance))) {
      text = std::move(*found);
      mark = row.mark_of(ExportField::remittance);
    }
  }
  if (text.empty()) {
    return std::nullopt;
  }
  const bool digits = text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos;
  const int year = digits ? std::stoi(text) : 0;
  if (year < model::Ledger::first_year || year > model::Ledger::last_year) {
    fail_at(mark, fmt::format("expected a year such as 2025, got '{}'", text));
  }
  if (model::Ledger::names_too_late_a_year(year, date)) {
    fail_at(mark, "assess status would refuse this payment: " +
                      model::Ledger::too_late_a_year(date, year));
  }
  return year;
}

/// Rows identical to an earlier one (the same receipt exported twice), and payments that
/// assess status would refuse as repeats (see repeat_key), each an error at the later row.
void Importer::report_duplicates() {
  std::unordered_map<std::string, io::Mark> rows, payments;
  for (const auto &payment : m_all) {
    const std::string key =
        fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", payment.date.iso(), payment.payer,
                    payment.amount.plain(), payment.amount.currency().code(), payment.reference,
                    payment.remittance);
    const auto row = rows.emplace(key, payment.source);
    if (!row.second) {
      m_diagnostics.add(util::Error(
          util::ExitCode::data, payment.source.position(),
          fmt::format("row identical to {} (same date, payer, amount, currency, reference "
                      "and remittance): the same receipt exported twice?",
                      located(row.first->second))));
      continue;
    }
    if (payment.match.outcome == PayerMatch::Outcome::matched) {
      const auto first = payments.emplace(repeat_key(payment), payment.source);
      if (!first.second) {
        m_diagnostics.add(repeated_payment(payment, first.first->second));
      }
    }
  }
}

ImportResult Importer::finish(UnmatchedPayers unmatched) {
  report_duplicates();
  m_diagnostics.throw_if_any();
  for (auto &payment : m_all) {
    const bool matched = payment.match.outcome == PayerMatch::Outcome::matched;
    (matched ? m_result.payments : m_result.unmatched).push_back(std::move(payment));
  }
  m_result.summary.payments = m_result.payments.size();
  if (!m_result.unmatched.empty() && unmatched == UnmatchedPayers::fail) {
    const auto &first = m_result.unmatched.front();
    util::Error error(util::ExitCode::data, first.source.position(),
                      payer_problem(first, m_states));
    for (std::size_t i = 1; i < m_result.unmatched.size(); ++i) {
      const auto &other = m_result.unmatched[i];
      error.add_also(
          util::Error(util::ExitCode::data, other.source.position(), payer_problem(other, m_states))
              .located_message());
    }
    throw error;
  }
  m_result.summary.set_aside = m_result.unmatched.size();
  return std::move(m_result);
}

} // namespace

ImportResult import_payments(const std::vector<ExportFile> &exports,
                             const model::ImportRules &rules, const model::StateTable &states,
                             UnmatchedPayers unmatched) {
  Importer importer(rules, states);
  for (const auto &file : exports) {
    importer.add_file(file);
  }
  return importer.finish(unmatched);
}

} // namespace isukit::assess
