// Statements of account: per state, every assessment and payment in date order, how each
// payment was credited, a running balance, and the closing position of `assess status`.
#pragma once

#include <isukit/assess/status.hpp>

namespace isukit::assess {

/// One part of a payment (or of a credit applied to a new assessment): the year it went to,
/// or no year for what was held as a credit. Minor units.
struct CreditedPart {
  std::optional<int> year;
  std::int64_t amount = 0;
};

struct StatementLine {
  enum class Kind { assessment, payment };
  Kind kind = Kind::assessment;
  util::Date date;         // a payment's date; an assessment's 1 January (the ledger has no date)
  int year = 0;            // the year assessed, or the year a payment names (0: none)
  std::string reference;   // a payment's reference
  std::int64_t amount = 0; // assessed or paid, minor units
  std::vector<CreditedPart>
      parts;                // the payment's crediting; for an assessment, credit applied to it
  std::int64_t balance = 0; // outstanding less credit after this line (negative: in credit)

  /// A refund: a payment below zero (a payments document's negative amount).
  bool is_refund() const { return kind == Kind::payment && amount < 0; }
};

struct Statement {
  model::StateId state = 0;
  std::vector<StatementLine> lines; // date order; an assessment before the payments of its day,
                                    // a day's refunds after its receipts
  StateBalance closing;             // equal to compute_status's balance for the state
};

/// The catalogue id that names a part of a line's crediting: credited to a year, credit applied
/// to it (an assessment's part, `payment` false), held as credit, or, for a refund's part (below
/// zero), taken back from a year or from the credit held.
const char *part_label(const CreditedPart &part, bool payment);
/// The catalogue id that names a line: an assessment, a payment, or a refund (a payment below
/// zero), the last two with their {reference}.
const char *line_label(const StatementLine &line);

/// The statements of `selection` (every state the ledger involves when empty), in ISO code
/// order. The ledger must be read with keep_payments. Each payment is credited by replaying
/// credit_state on the payments up to it, with the current year of its date; what the replay
/// adds to each year is that payment's part, what it adds to the credit is held as credit.
/// On 1 January of a year assessed, credit held is applied to the new assessment the same way.
/// A state of `selection` that the ledger does not involve (no assessment, no payment) is a data
/// error (exit 65) naming it: its statement would be a clean zero drawn from nothing read.
std::vector<Statement> compute_statements(const model::Ledger &ledger,
                                          const model::StateTable &states, const util::Date &as_of,
                                          const std::vector<model::StateId> &selection);

/// The `statement` documents (one per state) and the table of every line.
io::Output statement_output(const std::vector<Statement> &statements,
                            const ContributionsStatus &status, const model::StateTable &states,
                            const util::Lang &lang);

} // namespace isukit::assess
