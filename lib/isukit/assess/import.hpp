// assess import: the receipts of a bank's or finance system's exports, read by the user's
// import rules, each payer matched to a state, as a `payments` document (assess.1, IMPORT).
#pragma once

#include <isukit/assess/payer_match.hpp>
#include <isukit/io/table.hpp>
#include <isukit/model/import_rules.hpp>
#include <isukit/util/date.hpp>
#include <isukit/util/money.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isukit::assess {

/// An export as read from disk: its name (for positions) and its bytes, in any encoding.
struct ExportFile {
  std::string name;
  std::string bytes;
};

/// A receipt of the export, its payer matched (or not) to a state.
struct ImportedPayment {
  util::Date date;
  util::Money amount; // negative for a kept debit or reversal
  std::string reference;
  std::optional<int> year;
  std::string payer; // as the export writes it
  std::string remittance;
  io::Mark source; // the row's line (file:line)
  PayerMatch match;
};

/// What the import did with every row, for the summary on standard error.
struct ImportSummary {
  std::size_t rows = 0;
  std::size_t payments = 0;
  std::size_t set_aside = 0;                   // unmatched or ambiguous payers, with --unmatched
  std::map<std::string, std::size_t> left_out; // by leave-out rule name, "debits", "reversals",
                                               // "zero amounts", "other accounts", "other
                                               // currencies", "pending", "information", "future"
  /// The debits and reversals left out by the rules, under "debits" and "reversals", each
  /// described for people, the first `listed_outgoing` of each: money out of the account (a
  /// refund among them) that is then not in the ledger.
  std::map<std::string, std::vector<std::string>> outgoing_left_out;
  static constexpr std::size_t listed_outgoing = 10;

  /// Rows were read and every one was left out: almost always a rule that is wrong (a
  /// leave_out pattern catching all, another currency), rarely a period of fees only.
  bool all_left_out() const { return rows > 0 && payments == 0 && set_aside == 0; }
};

struct ImportResult {
  std::vector<ImportedPayment> payments; // matched, in input order
  std::vector<ImportedPayment> unmatched;
  ImportSummary summary;
};

enum class UnmatchedPayers { fail, set_aside };

/// Reads every export by the rules. Rows that cannot be read (a date not in the rules'
/// format, an amount not in its style, a debit the rules refuse) are data errors, all reported
/// together; so are rows identical to one another (same date, payer, amount, currency,
/// reference and remittance) within the inputs, and payments assess status would refuse as
/// repeats (same state, date, amount, currency and reference; payer and remittance aside).
/// Unmatched or ambiguous payers fail the import, every one listed with its closest states, unless
/// `unmatched` is set_aside: then they are returned apart. Amounts are exact (util::parse_money);
/// nothing is rounded.
ImportResult import_payments(const std::vector<ExportFile> &exports,
                             const model::ImportRules &rules, const model::StateTable &states,
                             UnmatchedPayers unmatched);

/// The `payments` document (YAML, JSON) and its table (the other formats): date, state,
/// amount, currency, year, reference, source, payer and how it matched.
io::Output payments_output(const ImportResult &result, const model::StateTable &states,
                           const util::Lang &lang);

/// The `unmatched-payments` document of the payers set aside, with their closest states.
io::Node unmatched_document(const ImportResult &result, const model::StateTable &states);

/// The summary for people: "12 rows: 9 payments, 1 set aside, 2 left out (bank fees 1, debits 1)",
/// a diagnostic in English (`english`: its catalogue, whose plural rules make "1 payment").
std::string summary_text(const ImportSummary &summary, const util::Lang &english);

/// A note for each kind of outgoing row left out (debits, reversals), naming them (date as
/// exported, payer, amount, row), the first ImportSummary::listed_outgoing, then "and N more":
/// "debits left out, not in the payments: 28/02/2025 Government of Grenada USD -5.00
/// (export.csv:16)". In English, like summary_text.
std::vector<std::string> outgoing_notes(const ImportSummary &summary);

} // namespace isukit::assess
