// The contributions ledger: assessments, payments and fund movements, read in one streaming
// pass and kept as sums per state and year (a million payments need no more memory than ten).
#pragma once

#include <isukit/io/inputs.hpp>
#include <isukit/model/payment_checks.hpp>
#include <isukit/model/states.hpp>
#include <isukit/util/money.hpp>
#include <isukit/util/zeroed_array.hpp>

#include <optional>
#include <string>
#include <vector>

namespace isukit::model {

class Languages;

/// One year's assessments document: its header and where it was read.
struct AssessmentDocument {
  std::string treaty;
  int year = 0;
  util::Currency currency;
  io::Mark mark;
  std::vector<std::pair<StateId, io::Mark>> states; // each assessment's state, where it was read
};

struct FundMovement {
  util::Date date;
  util::Money amount; // positive in, negative out
  std::string description;
  io::Mark mark;
};

/// One payment as read (for a statement of account); `year` is the year it names, if any.
struct Payment {
  util::Date date;
  StateId state = 0;
  std::int64_t amount = 0; // minor units of the ledger's currency
  std::optional<int> year;
  std::string reference;
};

/// How Ledger::read's duplicate check fingerprints payments: by default XXH3 of a payment's
/// parts (parts_fingerprint) and io::Fingerprints' default, or, in tests, a function of the
/// payment's identity that collides on purpose and a lower `wide_fingerprints`.
struct LedgerChecks {
  FingerprintFunction fingerprint = nullptr; // none: parts_fingerprint
  std::size_t wide_fingerprints = io::Fingerprints::default_wide_limit;
};

/// Sums of a ledger as of a date. Amounts are in minor units of the ledger's one currency.
///
/// An assessments document's amounts add up to its `total` (plus its `difference`, the sum
/// minus the total that each_half_up rounding leaves); fails (65) at the total when they do
/// not. `sum` is the sum of the amounts read; a document without a total is not checked.
void check_assessments_total(const io::Node &document, const util::Money &sum);

/// The State of an `assessments` record. An organization's line (`organization: EU`, as assess
/// apportion writes it for a trust fund's contributors) is a data error (65) at it, saying so:
/// the accounts (status, invoices, statements) are kept for States only, not yet for
/// organizations. An unknown state code is a data error at it (StateTable::require).
StateId assessed_state(const io::Node &record, const StateTable &states);

/// Fails (65) at the `assessments` record `record` when its state was already assessed for
/// `year` at `first` (a mark read, line > 0): "FRA is assessed twice for 2025 (also at
/// a.yaml:7:3)". Nothing when `first` is unset. The one check of a year assessed twice for a
/// state, by the ledger and by assess invoices.
void check_assessed_once(const io::Node &record, const State &state, int year,
                         const io::Mark &first);

/// The largest amount: every amount is a 64-bit count of minor units, and so is the sum of the
/// magnitudes of all amounts read together (92,233,720,368,547,758.07 in a currency of two
/// decimals); reading fails (exit 65) at the amount that would pass it, so no figure derived
/// from the ledger can wrap around.
class Ledger {
public:
  static constexpr int first_year = util::first_year;
  static constexpr int last_year = util::last_year;

  /// Whether a payment dated `date` names too late a year: a payment names at most the year
  /// after its date's. Ledger::read refuses it at the year (too_late_a_year), and assess import
  /// at the export's row.
  static bool names_too_late_a_year(const std::optional<int> &year, const util::Date &date) {
    return year && *year > date.year() + 1;
  }
  /// The error of a payment dated `date` that names too late a `year`.
  static std::string too_late_a_year(const util::Date &date, int year);

  /// Reads the inputs (YAML and CSV), keeping payments dated on or before `as_of`.
  /// Payments and fund movements must be in the assessments' currency. With `keep_payments`,
  /// each payment is also kept, in the order read (memory grows with the payments). Fails (exit
  /// 65) at an identical payment read twice (naming both), a year assessed twice for a state, a
  /// payment naming a year after the one following its date, a refund that would take a state's
  /// net receipts below zero, amounts past the largest total, a year missing between the first
  /// and last years assessed, and a payment (by `as_of`) naming a year no assessments document
  /// covers, unless an advance (model::YearCoverage); `as_of` outside the ledger's
  /// years has nothing assessed. Memory does not grow with the payments (model/payment_checks:
  /// two to four bytes each), unless kept; when those checks cannot decide from what they keep,
  /// the inputs are read a second time (standard input and pipes are kept from the first
  /// reading), and an input that changed in between is an error (74).
  /// A payments CSV's column heads are read in English, and in every language of
  /// `languages` when given (what `assess import -f csv --lang` writes: "Montant" for amount).
  static Ledger read(const std::vector<std::string> &inputs, const StateTable &states,
                     const util::Date &as_of, bool keep_payments = false,
                     const LedgerChecks &checks = {}, const Languages *languages = nullptr);

  const std::vector<AssessmentDocument> &assessment_documents() const { return m_documents; }
  /// The ledger's currency (of its assessments); unset when there are none.
  const util::Currency &currency() const { return m_currency; }
  /// The kinds of document the inputs held (model::require_kinds says what is missing).
  const io::InputsRead &inputs_read() const { return m_inputs_read; }

  /// The assessment of a year; zero for a year outside first_year..last_year, for which nothing
  /// can be assessed (an as-of date in 0000 or 9999 asks for such years).
  std::int64_t assessed(StateId state, int year) const {
    return in_range(year) ? m_assessed[slot(state, year)] : 0;
  }
  /// Payments that name this year; zero outside first_year..last_year, like assessed.
  std::int64_t paid_for_year(StateId state, int year) const {
    return in_range(year) ? m_named[slot(state, year)] : 0;
  }
  /// Payments that name no year, net of the refunds that name none.
  std::int64_t paid_unnamed(StateId state) const { return m_unnamed[state]; }
  /// Refunds (negative payments) that name no year, as a positive sum.
  std::int64_t refunded_unnamed(StateId state) const { return m_unnamed_refunds[state]; }
  /// Whether the state has any assessment or payment (by the as-of date) in the ledger.
  bool involves(StateId state) const { return m_involved[state]; }
  /// The years with any assessment, ascending.
  std::vector<int> years() const;

  const std::vector<FundMovement> &fund_movements() const { return m_fund; }
  /// The working capital fund's currency: set when the inputs held a `fund` document, even one
  /// without movements (a fund just set up holds nothing).
  const std::optional<util::Currency> &fund_currency() const { return m_fund_currency; }
  /// The payments by the as-of date, when read with `keep_payments`; otherwise empty.
  const std::vector<Payment> &payments() const { return m_payments; }

private:
  friend class LedgerReader;

  static bool in_range(int year) { return year >= first_year && year <= last_year; }
  std::size_t slot(StateId state, int year) const {
    return static_cast<std::size_t>(state) * (last_year - first_year + 1) +
           static_cast<std::size_t>(year - first_year);
  }

  std::vector<AssessmentDocument> m_documents;
  io::InputsRead m_inputs_read;
  util::Currency m_currency;
  util::ZeroedArray<std::int64_t> m_assessed;
  util::ZeroedArray<std::int64_t> m_named;
  std::vector<std::int64_t> m_unnamed;
  std::vector<std::int64_t> m_unnamed_refunds;
  std::vector<bool> m_involved;
  std::vector<bool> m_year_used = std::vector<bool>(last_year - first_year + 1, false);
  std::vector<FundMovement> m_fund;
  std::optional<util::Currency> m_fund_currency;
  bool m_keep_payments = false;
  std::vector<Payment> m_payments;
};

} // namespace isukit::model
